# Types of the C extension built from _content_scan.c (see operators.py).
def scan(
    data: bytes, boundaries: list[int], xobject_kinds: dict[str, str], /
) -> tuple[int, list[str], list[int]] | None: ...
