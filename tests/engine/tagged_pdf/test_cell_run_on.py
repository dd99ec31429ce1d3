"""A word broken over a narrow cell's lines with no hyphen (a web address: "github.co" / "m/")
is one word in the model (:func:`workers.engine.layout.line_breaks.cell_text`). Tagging wraps
the cell's operators as drawn, so its marked content reads the lines apart ("github.co m/"):
the layout reader marks the cell's provenance (``run_on``) and the tagger gives the cell the
model's text as its /ActualText, so a screen reader (and the structure reader) hears the word
whole."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Table
from workers.engine.structure.reader import read_structure

from ..analysis.conftest import LOREM, HtmlPdf
from .conftest import tag_and_check
from .test_interleaved_operators import _actual_texts

FACTS = [("Original author", "Andreas Gal"), ("Developer", "Mozilla"),
         ("Repository", "github.com/mozilla/pdf.js"), ("Written in", "JavaScript, CSS, HTML"),
         ("Type", "PDF viewer"), ("Licence", "Apache License 2.0")]
#: The address as the model reads it: broken after "github.co" with no hyphen, run on; broken
#: after its slashes, a space (the next line starts a word).
ADDRESS = "github.com/ mozilla/ pdf.js"


def _source(html_pdf: HtmlPdf) -> Path:
    # A box of facts whose value column is narrower than the address: the browser breaks it
    # at the cell's edge, inside "com" (the address is written whole in the paragraph above).
    rows = "".join(f"<tr><td class='k'>{k}</td><td class='v'>{v}</td></tr>" for k, v in FACTS)
    return html_pdf(
        "<p>The source of the viewer is kept at github.com/mozilla/pdf.js where anyone may"
        f" read it.</p><table>{rows}</table><p>{LOREM}</p>",
        css="table { border-collapse: collapse; border-left: 1px solid black;"
        " border-right: 1px solid black } td { border-top: 1px solid black;"
        " border-bottom: 1px solid black; padding: 3pt 6pt; vertical-align: top }"
        " td.k { width: 3cm } td.v { width: 2cm; max-width: 2cm; word-break: break-all }",
    )


def _values(document: Document) -> list[str]:
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    return [row.cells[1].text for row in table.rows]


def test_a_word_run_on_over_a_cells_lines_reads_back_whole(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    result = tag_and_check(_source(html_pdf), tmp_path / "out.pdf")
    values = _values(result.document)
    assert values[2] == ADDRESS
    (table,) = [b for b in result.document.blocks if isinstance(b, Table)]
    assert [[prov.run_on for cell in row.cells for prov in cell.prov] for row in table.rows
            ][2] == [False, True]
    # Only the cell read otherwise than drawn says its text again.
    assert ADDRESS in _actual_texts(result.tagged.content, "/TD")
    assert [text for text in _actual_texts(result.tagged.content, "/TD") if text] == [ADDRESS]
    assert set(result.failed()) <= {"fonts-embedded"}
    assert _values(read_structure(result.output, max_pages=5)) == values


def test_run_on_is_written_to_json_only_when_true(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    document = tag_and_check(_source(html_pdf), tmp_path / "out.pdf").document
    text = document.to_json()
    assert text.count('"run_on": true') == 1 and '"run_on": false' not in text
    assert Document.from_json(text) == document
