"""A margin note in the body's type beside a page of two columns is read after the paragraph
it stands beside, not before the page's text (LaTeX's \\marginpar); a narrow column in the
same type running down the page beside the columns is still a column. Small PDFs drawn here
(WeasyPrint, and a page of text operators)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import HtmlPdf

FIRST = "Apart from two commands at the start, the document uses ordinary markup. " * 4
SECOND = "Larger figures are usually placed in a float to help with page breaking. " * 4
THIRD = "Theorems are set in italic type and numbered through the whole document. " * 4
RIGHT = "The second column goes on with the citations and the list of references. " * 4
NOTE = "Marginal notes sit in the outer margin."

PAGE = (
    "<div style='position: absolute; left: 2.1cm; top: 0; width: 7cm'>"
    f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
    "<div style='position: absolute; left: 9.9cm; top: 0; width: 7cm'>"
    f"<p>{RIGHT}</p><p>{RIGHT}</p><p>{RIGHT}</p></div>"
)


def _order(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=1)
    return [block_text(b) for b in doc.blocks]


def _at(texts: list[str], start: str) -> int:
    return next(k for k, t in enumerate(texts) if t.startswith(start))


def test_a_margin_note_in_body_type_follows_the_paragraph_beside_it(html_pdf: HtmlPdf) -> None:
    note_top = "5.6cm"  # level with the second paragraph of the first column
    path = html_pdf(
        f"<div style='position: absolute; left: 0; top: {note_top}; width: 1.5cm'>{NOTE}</div>"
        + PAGE
    )
    texts = _order(path)
    note = _at(texts, "Marginal")
    assert _at(texts, "Larger") < note < _at(texts, "Theorems") < _at(texts, "The second")


def test_a_note_further_out_than_the_gutter_follows_its_paragraph(tmp_path: Path) -> None:
    # The margin is wider than the gutter, so the page is first cut beside the note: the
    # note is then beside both columns, and goes with the paragraph of the nearer one (not
    # the last paragraph of the far column starting above it).
    words = "word text goes here and there once more again"

    def paragraph(x: int, top: int, lines: int, first: str) -> list[bytes]:
        return [
            f"BT /F1 10 Tf {x} {top - 12 * k} Td ({first if k == 0 else words}) Tj ET".encode()
            for k in range(lines)
        ]

    ops = (
        paragraph(100, 700, 5, "Apart from two commands the text is plain")
        + paragraph(100, 628, 5, "Larger figures are placed in a float here")
        + paragraph(100, 556, 5, "Theorems are set in italic and numbered")
        + paragraph(340, 700, 15, "The second column goes on with citations")
        + [
            f"BT /F1 10 Tf 12 {620 - 12 * k} Td ({t}) Tj ET".encode()
            for k, t in enumerate(["Marginal", "notes sit", "in the", "margin."])
        ]
    )
    texts = _order(text_page_pdf(tmp_path / "note.pdf", ops))
    note = _at(texts, "Marginal")
    assert _at(texts, "Larger") < note < _at(texts, "Theorems") < _at(texts, "The second")


def test_a_narrow_column_running_down_the_page_is_read_first(html_pdf: HtmlPdf) -> None:
    # Control: the same narrow text repeated down the page's height is a column of its own.
    side = "<br><br>".join([NOTE] * 6)
    path = html_pdf(
        f"<div style='position: absolute; left: 0; top: 0; width: 1.5cm'>{side}</div>" + PAGE
    )
    texts = _order(path)
    assert _at(texts, "Marginal") < _at(texts, "Apart")


def test_labels_hung_in_the_margin_lead_their_items(tmp_path: Path) -> None:
    # Control: "a)" "b)" set apart left of their items, in the items' type, are no margin
    # notes read after the text beside them: each is read before its item.
    words = "the engine is to be fitted with a device that stops it"
    ops: list[bytes] = []
    for k, label in enumerate(("a)", "b)", "c)")):
        top = 700 - 60 * k
        shown = label.replace(")", "\\)")  # (escaped in the PDF string)
        ops.append(f"BT /F1 10 Tf 72 {top} Td ({shown}) Tj ET".encode())
        ops += [
            f"BT /F1 10 Tf 110 {top - 12 * n} Td (Item {label[0]} says {words}) Tj ET".encode()
            for n in range(4)
        ]
    texts = _order(text_page_pdf(tmp_path / "labels.pdf", ops))
    # (Each label is read with its item's text, at the tab stop past it: a list a) b) c).)
    read = " ".join(texts).split()
    assert [w for w in read if w in ("a)", "b)", "c)", "Item")] == [
        "a)", "Item", "Item", "Item", "Item", "b)", "Item", "Item", "Item", "Item",
        "c)", "Item", "Item", "Item", "Item",
    ]
