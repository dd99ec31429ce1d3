"""A Form XObject drawing a block's text in another order than it is read: the block's
element lists the sequences inside the form in the model's reading order."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import Heading, Paragraph, block_text
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf import form_content
from workers.engine.tagged_pdf.form_content import in_leaf_order, text_offsets

from .conftest import tag_and_check
from .test_form_content import FIRST, form_pdf


def _heading_and_paragraph(*, bottom_up: bool) -> bytes:
    """A heading, then a paragraph in one text object, its lines drawn last line first
    (``bottom_up``) or in order."""
    order = reversed(range(len(FIRST))) if bottom_up else range(len(FIRST))
    lines = [b"BT /F1 18 Tf 72 760 Td (Hydrography data) Tj ET", b"BT /F1 11 Tf"]
    lines += [f"1 0 0 1 72 {720 - 15 * k} Tm ({FIRST[k]}) Tj".encode() for k in order]
    return b"\n".join([*lines, b"ET"])


def _marks_in_form_copy(content: bytes) -> int:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        (copy,) = [x for x in pdf.pages[0].obj.Resources.XObject.values()
                   if "/StructParents" in x]
        return sum(str(i.operator) == "BDC" for i in pikepdf.parse_content_stream(copy))


def _words(text: str) -> list[str]:
    return text.split()


def test_a_paragraph_drawn_bottom_up_inside_a_form_reads_top_down(tmp_path: Path) -> None:
    result = tag_and_check(form_pdf(tmp_path / "bottom-up.pdf", 1,
                                    content=_heading_and_paragraph(bottom_up=True)))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    model = [block_text(b) for b in result.document.blocks if isinstance(b, Paragraph)]
    assert _words(model[0]) == _words(" ".join(FIRST))  # the model reads it top down
    read_back = read_structure(result.output, max_pages=10)
    paragraphs = [block_text(b) for b in read_back.blocks if isinstance(b, Paragraph)]
    assert [_words(p) for p in paragraphs] == [_words(" ".join(FIRST))]
    assert [b.text for b in read_back.blocks if isinstance(b, Heading)] == ["Hydrography data"]
    # The heading, and each paragraph line a sequence of its own.
    assert _marks_in_form_copy(result.tagged.content) == 1 + len(FIRST)


def test_a_paragraph_drawn_in_order_inside_a_form_stays_one_sequence(tmp_path: Path) -> None:
    result = tag_and_check(form_pdf(tmp_path / "in-order.pdf", 1,
                                    content=_heading_and_paragraph(bottom_up=False)))

    assert result.check("text-fidelity")["passed"], result.report
    assert _marks_in_form_copy(result.tagged.content) == 2  # the heading, the paragraph


def test_drawn_pieces_are_found_in_the_leaf_text_longest_first() -> None:
    text = "3 Shape market forces to drive security and resilience"
    assert text_offsets(text, ["Shape market forces to drive", "security and resilience",
                               "3", "•"]) == [1, 25, 0, None]
    # A short piece takes a place no longer piece holds: "3" is not found inside "33".
    assert text_offsets("33 items 3", ["33 items", "3"]) == [0, 7]
    # Pieces of the same letters are told apart by their spaces where they can be.
    assert text_offsets("Name: PointEvents Point Events",
                        ["Point Events", "Name:", "PointEvents"]) == [15, 0, 4]


def test_each_piece_is_normalised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Normalising a piece to its letters is most of the work of placing it: done once per
    piece (and once for the text), not again for each pass."""
    calls: list[str] = []
    letters = form_content._letters

    def counted(text: str) -> str:
        calls.append(text)
        return letters(text)

    monkeypatch.setattr(form_content, "_letters", counted)
    pieces = ["Events", "Point", "zzz", "•"]
    assert text_offsets("Point Events", pieces) == [5, 0, None, None]
    assert len(calls) == 1 + len(pieces)

def test_only_leaves_drawn_out_of_reading_order_are_cut() -> None:
    owners = [1, None, 1, None, 2, 2]
    drawn = {0: "security and resilience", 2: "3 Shape", 4: "first", 5: "second"}
    texts = {1: "3 Shape security and resilience", 2: "first second"}
    cuts, ranks = in_leaf_order(owners, {}, drawn, texts)
    assert cuts == {0, 2}
    assert sorted(ranks, key=ranks.__getitem__) == [2, 0]
    assert ranks[0][0] == ranks[2][0] == 1
