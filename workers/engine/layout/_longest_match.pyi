# Types of the C extension built from _longest_match.c (see operators.py).
def longest_match(
    a: bytes, b: bytes, alo: int, ahi: int, blo: int, bhi: int, /
) -> tuple[int, int, int]: ...
