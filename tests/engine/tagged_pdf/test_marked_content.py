"""Marked content goes around whole drawing operators, never inside paths or across BT/ET."""

from __future__ import annotations

import pikepdf

from workers.engine.tagged_pdf.marked_content import (
    PageTagging,
    owners_of,
    tag_instructions,
)

CONTENT = (
    b"/OC /oc1 BDC q 0 0 m 10 10 l S Q EMC "  # a line inside optional content
    b"/P << /MCID 0 >> BDC "  # the source's old tag: goes
    b"BT /F1 12 Tf 72 700 Td (First) Tj (Second) Tj ET EMC "
    b"0 0 100 100 re W n "  # a clip: paints nothing
    b"BT (Loose) Tj ET"
)


def tagged_stream(owners_by_operator: dict[str, int | str]) -> tuple[bytes, PageTagging]:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(CONTENT)
    instructions = list(pikepdf.parse_content_stream(page))
    claims: list[tuple[int | str, list[tuple[int, int]]]] = []
    for index, instruction in enumerate(instructions):
        key = str(instruction.operands[0]) if instruction.operands else str(instruction.operator)
        if key in owners_by_operator:
            claims.append((owners_by_operator[key], [(index, index + 1)]))
    owners = owners_of(len(instructions), claims)
    result = PageTagging()
    out = tag_instructions(instructions, owners, frozenset(), result)
    return pikepdf.unparse_content_stream(out), result


def test_each_block_gets_its_own_sequence_inside_the_text_object() -> None:
    stream, result = tagged_stream({"First": 0, "Second": 1, "Loose": 1})
    text = stream.decode()
    # MCIDs in order of appearance, each sequence closed before ET.
    assert result.mcid_owner == [0, 1, 1]
    for chunk in text.split("BT")[1:]:
        body = chunk.split("ET")[0]
        assert body.count("BDC") + body.count("BMC") == body.count("EMC")


def test_unclaimed_painting_is_an_artifact_and_the_clip_is_untouched() -> None:
    stream, result = tagged_stream({"First": 0, "Second": 0})
    text = stream.decode()
    # The line in optional content: an artifact inside the kept /OC sequence.
    assert text.index("/OC /oc1 BDC") < text.index("/Artifact BMC") < text.index("0 0 m")
    # The clip path paints nothing: no marked content between "re" and "n".
    clip = text[text.index("0 0 100 100 re") : text.index("n\n", text.index("0 0 100 100 re"))]
    assert "BDC" not in clip and "BMC" not in clip and "EMC" not in clip
    assert result.tagged_operators == 2 and result.artifact_operators == 2


def test_source_marked_content_is_replaced_not_kept() -> None:
    stream, _ = tagged_stream({"First": 0, "Second": 0, "Loose": 0})
    text = stream.decode()
    # One MCID 0 (ours), the /OC sequence kept, every sequence balanced.
    assert text.count("/MCID 0") == 1
    assert text.count("/OC") == 1
    assert text.count("BDC") + text.count("BMC") == text.count("EMC")
