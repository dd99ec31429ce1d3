# Types of the C extension built from _instruction_scan.c (see marked_content.py).
def scan(
    data: bytes, boundaries: list[int], xobject_names: frozenset[str], /
) -> tuple[list[str], list[int], list[int], list[bool]] | None: ...
def shown(
    data: bytes, starts: list[int], ends: list[int], operators: list[str], first: int,
    last: int, /
) -> bytes | None: ...
