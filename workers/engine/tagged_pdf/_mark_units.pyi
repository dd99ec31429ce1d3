# Types of the C extension built from _mark_units.c (see marked_content.py).
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar

_Owner = TypeVar("_Owner")

def unit_owners(
    names: list[str], painting: list[bool], owners: list[_Owner | None], /
) -> tuple[list[_Owner | str | None], list[int]]: ...

def plan_marks(
    names: list[str], painting: list[bool], unit_owner: list[_Owner | str | None],
    planned: list[int], splits: dict[int, Any], bare: dict[int, Any], cuts: AbstractSet[int],
    mcid_owner: list[int], mcid_start: list[int], opens: Callable[[int], bool],
    begin: type, end: object, /,
) -> tuple[list[Any], int, int]: ...
def write_plan(
    data: bytes, starts: list[int], ends: list[int], plan: list[Any], begin: type,
    end: object, other: Callable[[Any], bytes], /,
) -> bytes: ...
def contested_text(
    names: list[str], claims: list[Any], with_artifacts: bool, /
) -> dict[int, list[Any]] | None: ...
