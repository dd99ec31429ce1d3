# Types of the C extension built from _object_runs.c (see mcid_text.py).
def object_changes(
    text_page: int, count: int, get_text_object: int, /
) -> tuple[list[int], list[int]]: ...
