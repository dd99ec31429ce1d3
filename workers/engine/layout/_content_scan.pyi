# Types of the C extension built from _content_scan.c (see operators.py).
def scan(
    data: bytes, boundaries: list[int], /
) -> tuple[int, list[tuple[int, str, bool, str | None]]] | None: ...
