# Types of the C extension built from _mark_units.c (see marked_content.py).
from typing import TypeVar

_Owner = TypeVar("_Owner")

def unit_owners(
    names: list[str], painting: list[bool], owners: list[_Owner | None], /
) -> tuple[list[_Owner | str | None], list[int]]: ...
