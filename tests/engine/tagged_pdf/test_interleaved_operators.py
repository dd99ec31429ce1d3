"""One text operator draws two pieces of a line and another operator the piece read between
them ("NEEL KASHKARI" and "247" by one TJ, kerned across the gap, "REP" by the next). Tagging
wraps whole operators, in drawing order, so the paragraph's marked content reads "NEEL
KASHKARI 247 REP": the layout reader marks such a block's provenance as interleaved, and the
tagger gives its element the model's text as its ``/ActualText`` (as it does for right-to-left
lines), which screen readers and the structure reader read instead. The drawing is left as it
was (the pixels are the same)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from workers.engine.document import Document, Paragraph
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf import logical_text, tagger
from workers.engine.tagged_pdf.plan import Node

from .conftest import tag_and_check

SIZE = 12.0
# Helvetica's widths (1/1000 of the size) of the glyphs drawn here.
_WIDTHS = {"N": 722, "E": 667, "L": 556, " ": 278, "K": 667, "A": 667, "S": 667, "H": 722,
           "R": 722, "I": 278, "P": 667}
NAME, PARTY, VOTES = "NEEL KASHKARI", "REP", "247"
LINE = f"{NAME} {PARTY} {VOTES}"
OTHER = "An ordinary paragraph below, drawn in the order it reads."


def _width(text: str) -> float:
    return sum(_WIDTHS[c] for c in text) * SIZE / 1000


def _interleaved_pdf(path: Path, gap: float) -> Path:
    """A page whose first line reads NAME PARTY VOTES, ``gap`` points between the pieces:
    one TJ draws NAME, then moves (a kern) past the party's place and draws VOTES; a second
    text object draws PARTY in between."""
    x_party = 72 + _width(NAME) + gap
    x_votes = x_party + _width(PARTY) + gap
    kern = -(x_votes - 72 - _width(NAME)) / SIZE * 1000
    content = (
        f"BT /F1 {SIZE:g} Tf 1 0 0 1 72 700 Tm [({NAME}) {kern:.3f} ({VOTES})] TJ ET\n"
        f"BT /F1 {SIZE:g} Tf 1 0 0 1 {x_party:.3f} 700 Tm ({PARTY}) Tj ET\n"
        f"BT /F1 {SIZE:g} Tf 1 0 0 1 72 660 Tm ({OTHER}) Tj ET\n"
    ).encode()
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding)))
    page.obj.Contents = pdf.make_stream(content)
    pdf.save(path)
    return path


def _actual_texts(content: bytes, role: str = "/P") -> list[str | None]:
    """Each ``role`` element's /ActualText (None without one), in tree order."""
    out: list[str | None] = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if node.get("/S") == role:
                actual = node.get("/ActualText")
                out.append(str(actual) if actual is not None else None)
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            stack.extend(reversed([k for k in items if isinstance(k, pikepdf.Dictionary)
                                   and k.get("/Type") not in ("/MCR", "/OBJR")]))
    return out


# 4 points: one fragment whose glyphs come from the two objects in turn; 15: three fragments
# on the line, the first and last from one object.
@pytest.mark.parametrize("gap", [4.0, 15.0])
def test_a_line_read_across_interleaved_operators_says_its_text(
    tmp_path: Path, gap: float
) -> None:
    source = _interleaved_pdf(tmp_path / "in.pdf", gap)
    result = tag_and_check(source, tmp_path / "out.pdf")
    paragraphs = [b for b in result.document.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == [LINE, OTHER]
    assert [[prov.interleaved for prov in p.prov] for p in paragraphs] == [[True], [False]]
    # Only the line whose drawing reads otherwise gets one.
    assert _actual_texts(result.tagged.content) == [LINE, None]
    # Pixels, fidelity (the drawn characters are the model's), content tagged: all pass (the
    # source's Helvetica is not embedded, which only the source can fix).
    assert result.failed() == ["fonts-embedded"]
    assert [b.text for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Paragraph)] == [LINE, OTHER]


def test_interleaved_is_written_to_json_only_when_true(tmp_path: Path) -> None:
    result = tag_and_check(_interleaved_pdf(tmp_path / "in.pdf", 4.0), tmp_path / "out.pdf")
    document = result.document
    text = document.to_json()
    assert text.count('"interleaved": true') == 1 and '"interleaved": false' not in text
    assert Document.from_json(text) == document


@pytest.mark.parametrize("changed", [frozenset(), frozenset({0})])
def test_the_texts_are_read_from_a_copy_saved_earlier_where_its_pages_still_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: frozenset[int]
) -> None:
    """Given the copy the split proof saved for pdfium, and the pages tagged again since
    (``changed``), the elements' texts are read from that copy where none of the pages read
    is among them: the document is not saved again. Either way the same element gets its
    /ActualText."""
    real_save = pikepdf.Pdf.save
    saves: list[int] = []

    def counted_save(self: pikepdf.Pdf, *args: Any, **kwargs: Any) -> None:
        saves.append(1)
        real_save(self, *args, **kwargs)

    saves_while_giving: list[int] = []

    def give_with_copy(pdf: pikepdf.Pdf, leaves: list[Node],
                       elements: Mapping[int, pikepdf.Dictionary],
                       marks: Mapping[int, list[tuple[int, int]]], *_: object) -> int:
        with tagger.closing_copy(pdf) as copy:
            saves.clear()
            given = logical_text.give_logical_texts(pdf, leaves, elements, marks, copy, changed)
            saves_while_giving.append(len(saves))
        return given

    monkeypatch.setattr(pikepdf.Pdf, "save", counted_save)
    monkeypatch.setattr(tagger, "give_logical_texts", give_with_copy)
    result = tag_and_check(_interleaved_pdf(tmp_path / "in.pdf", 4.0), tmp_path / "out.pdf")
    assert saves_while_giving == [1 if changed else 0]
    assert _actual_texts(result.tagged.content) == [LINE, None]
    assert result.failed() == ["fonts-embedded"]
