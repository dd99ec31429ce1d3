"""A table cell holding a list whose bullets are drawn as shapes (a browser's discs): no
character is drawn for them, so the cell's text says none (as a list item led by one has
no label, :mod:`workers.engine.layout.drawn_bullets`), and its element reads back exactly
the model's text (the text-fidelity check stays as strict: the model claims no "•" that
nothing draws). A bullet set in a font stays in the cell's text."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.analyse import analyse
from workers.engine.document import Table
from workers.engine.layout.drawn_bullets import without_drawn_bullets
from workers.engine.layout.glyphs import Glyph
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..analysis.test_drawn_bullets import _disc

ROWS = [("Fruit", "How it is kept"),
        ("Apples", "Kept in a cool loft"),
        ("Pears", "Kept in two ways:"),
        ("Plums", "Eaten fresh from the tree"),
        ("Cherries", "Bottled in syrup")]
#: The points under "Kept in two ways:", each led by a drawn disc.
POINTS = ["wrapped in paper", "laid out on racks"]


def _table_page(path: Path) -> Path:
    ops = [b"BT /F1 14 Tf 72 760 Td (Keeping the harvest) Tj ET"]
    top, y = 740.0, 740.0
    heights = []
    for k, (fruit, how) in enumerate(ROWS):
        lines = [how] + (POINTS if k == 2 else [])
        height = 16.0 * len(lines) + 6
        heights.append(height)
        base = y - 14
        ops.append(f"BT /F1 11 Tf 78 {base} Td ({fruit}) Tj ET".encode())
        for n, line in enumerate(lines):
            if n == 0:
                ops.append(f"BT /F1 11 Tf 208 {base} Td ({line}) Tj ET".encode())
            else:
                ops.append(_disc(216, base - 16 * n + 3.5, 1.8))
                ops.append(f"BT /F1 11 Tf 224 {base - 16 * n} Td ({line}) Tj ET".encode())
        y -= height
    # The table's rules: one under each row, the columns' edges.
    rules = [f"72 {top} m 420 {top} l S".encode()]
    y = top
    for height in heights:
        y -= height
        rules.append(f"72 {y} m 420 {y} l S".encode())
    rules += [f"{x} {top} m {x} {y} l S".encode() for x in (72, 200, 420)]
    ops += [b"0.5 w", *rules]
    ops.append(f"BT /F1 11 Tf 72 {y - 30} Td (Each fruit keeps as long as it is dry.) Tj ET"
               .encode())
    return text_page_pdf(path, ops)


def test_a_cells_drawn_bullets_are_not_in_its_text(tmp_path: Path) -> None:
    source = _table_page(tmp_path / "table.pdf")
    document = analyse(source, max_pages=5)
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    texts = [cell.text for row in table.rows for cell in row.cells]
    assert "Kept in two ways: wrapped in paper laid out on racks" in texts
    assert not any("•" in text for text in texts)
    tagged = tag_pdf(source, document)
    report = check_tagged_pdf(tagged.content, source=source,
                              expected_texts=tagged.expected_texts)
    checks = {c["id"]: c for c in report["checks"]}  # type: ignore[union-attr]
    assert checks["text-fidelity"]["passed"], checks["text-fidelity"]["detail"]


def _glyphs(text: str, drawn: set[int]) -> list[Glyph]:
    """A glyph per character, those at ``drawn`` generated (pdfium read no object for it)."""
    return [Glyph(ch, 0, 0, 1, 1, 10, False, "", -1 if k in drawn else 0, -1,
                  generated=k in drawn) for k, ch in enumerate(text) if ch != " "]


def test_only_drawn_bullets_are_left_out() -> None:
    text = "Kept: • wrapped • laid out"
    glyphs = _glyphs(text, {text.index("•")})  # the first drawn, the second set in a font
    assert without_drawn_bullets(text, glyphs) == "Kept: wrapped • laid out"
    assert without_drawn_bullets("• first", _glyphs("• first", {0})) == "first"


def test_bullets_not_matched_to_glyphs_are_kept() -> None:
    # (Two "•" in the text, one glyph: which one is drawn is not known.)
    assert without_drawn_bullets("a • b • c", _glyphs("a • b", {2})) == "a • b • c"
