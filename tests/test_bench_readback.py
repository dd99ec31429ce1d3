"""The tagged-PDF benchmark's read-back comparison: a caption is counted once, where the
model and the tags both say it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from workers.engine.document import BBox, Cell, Document, Figure, Paragraph, Prov, Row, Table

BENCH = Path(__file__).resolve().parents[1] / "bench" / "tagged_pdf.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_tagged_pdf", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def _prov(y: float) -> list[Prov]:
    return [Prov(0, BBox(72, y, 300, y + 12))]


CAPTION = "Figure 1: The state machine"


def test_a_caption_paragraph_away_from_its_figure_is_counted_once() -> None:
    # The paragraph is not next to the figure (another paragraph between): it stays a
    # paragraph, and the figure's caption would count its words a second time.
    model = Document(blocks=[
        Figure(caption=CAPTION, prov=_prov(500)),
        Paragraph("Text set between the two", _prov(480)),
        Paragraph(CAPTION, _prov(460)),
    ])
    # What the tags say: a figure with no Caption element, the paragraphs where they are.
    read = Document(blocks=[
        Figure(alt=CAPTION, prov=_prov(500)),
        Paragraph("Text set between the two", _prov(480)),
        Paragraph(CAPTION, _prov(460)),
    ])
    bench = _bench()
    assert bench.body_words(model) == bench.body_words(read)
    assert bench.body_words(model).count("state") == 1


def test_a_caption_next_to_its_table_is_counted_at_the_table() -> None:
    table = Table(rows=[Row([Cell("Day"), Cell("Rain")])], caption="Table 2: Rain by day",
                  prov=_prov(500))
    model = Document(blocks=[Paragraph("Table 2: Rain by day", _prov(520)), table])
    # The paragraph above the table is its caption (the tags' Caption): said once, there.
    assert _bench().body_words(model) == ["table", "2", "rain", "by", "day", "day", "rain"]


def test_a_hyphen_the_caption_keeps_does_not_make_it_another_text() -> None:
    # The caption keeps a line-end hyphen ("ex- amples") its paragraph joins: the same text.
    model = Document(blocks=[
        Table(rows=[Row([Cell("Train")])], caption="The ex- amples used", prov=_prov(500)),
        Paragraph("Text set between the two", _prov(480)),
        Paragraph("The examples used", _prov(460)),
    ])
    words = _bench().body_words(model)
    assert words == ["train", "text", "set", "between", "the", "two", "the", "examples", "used"]


def test_a_caption_the_layout_reader_gave_every_picture_of_a_row_is_counted_once() -> None:
    # Three pictures side by side under one caption: the last is paired with the paragraph
    # (its Caption element); the others carry the same caption, said nowhere else.
    row = [Figure(caption=CAPTION, prov=[Prov(0, BBox(72 + 150 * k, 500, 200 + 150 * k, 600))])
           for k in range(3)]
    model = Document(blocks=[*row, Paragraph(CAPTION, _prov(480))])
    words = _bench().body_words(model)
    assert words == ["figure", "1", "the", "state", "machine"]
