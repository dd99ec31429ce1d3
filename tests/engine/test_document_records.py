"""BBox and Prov write their fields at once (see their __init__): they must stay the same
frozen records a dataclass's own __init__ makes."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from workers.engine.document import ActualText, BBox, Prov


def _generated_init(cls: type[Any]) -> Any:
    """The record as a dataclass's own __init__ would build it (the reference)."""
    fields = dataclasses.fields(cls)

    def build(*args: Any, **kwargs: Any) -> Any:
        names = [f.name for f in fields]
        values = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
        values.update(zip(names, args, strict=False))
        values.update(kwargs)
        record = object.__new__(cls)
        for name in names:  # (in field order, as the generated __init__ does)
            object.__setattr__(record, name, values[name])
        return record

    return build


def test_bbox_is_the_record_a_generated_init_makes() -> None:
    box = BBox(1.0, 2.5, 3.0, 4.25)
    reference = _generated_init(BBox)(1.0, 2.5, 3.0, 4.25)
    assert box == reference and hash(box) == hash(reference) and repr(box) == repr(reference)
    assert list(vars(box).items()) == list(vars(reference).items())
    assert box.width == 2.0 and box.height == 1.75
    with pytest.raises(dataclasses.FrozenInstanceError):
        box.x0 = 0.0  # type: ignore[misc]


@pytest.mark.parametrize("kwargs", [
    {},
    {"mcids": (3, 4), "operators": ((0, 2),)},
    {"actual_texts": (ActualText("LaTeX", ((5, 9),)),), "interleaved": True},
    {"joined_accents": True},
])
def test_prov_is_the_record_a_generated_init_makes(kwargs: dict[str, Any]) -> None:
    box = BBox(0.0, 0.0, 10.0, 12.0)
    prov = Prov(2, box, **kwargs)
    reference = _generated_init(Prov)(2, box, **kwargs)
    assert prov == reference and hash(prov) == hash(reference) and repr(prov) == repr(reference)
    assert list(vars(prov).items()) == list(vars(reference).items())
    assert dataclasses.replace(prov, page=3) == dataclasses.replace(reference, page=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        prov.page = 1  # type: ignore[misc]


def test_every_field_is_written() -> None:
    """A field added to either record must be added to its __init__ too."""
    box = BBox(0.0, 0.0, 1.0, 1.0)
    assert list(vars(box)) == [f.name for f in dataclasses.fields(BBox)]
    assert list(vars(Prov(0, box))) == [f.name for f in dataclasses.fields(Prov)]
