"""A running head past the margin band (LaTeX's, 12% of the page from its top) in the text's
face, though it measures a little larger than the text (a line of capitals, "2 DATA
SOURCES", measures larger by its glyphs' boxes than the text's mix of letters): furniture,
with its page number. A line set in a heading's larger face stays text."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

_LINE = b"(The survey was weighted to the population estimates of each region and year) Tj"


def _report(path: Path, head_size: float) -> Path:
    """Five pages of 11-point text, each under a running head set in ``head_size`` points,
    its section's title in capitals on the left and the page number on the right, 100 points
    from the top edge."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for number in range(1, 6):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        title = b"2 DATA SOURCES" if number <= 2 else b"3 MAIN FINDINGS"
        ops = [b"BT /F1 %.2f Tf 72 742 Td (%s) Tj ET" % (head_size, title),
               b"BT /F1 %.2f Tf 515 742 Td (%d) Tj ET" % (head_size, number)]
        ops += [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(712, 300, -14)]
        page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_a_running_head_measured_a_little_larger_than_the_text_is_furniture(
    tmp_path: Path,
) -> None:
    doc = read_layout(_report(tmp_path / "report.pdf", 11.12), max_pages=10)
    body = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph | Heading))
    assert "DATA SOURCES" not in body and "MAIN FINDINGS" not in body
    kinds = sorted((a.kind, a.text) for a in doc.artifacts)
    assert [t for k, t in kinds if k == "page-number"] == ["1", "2", "3", "4", "5"]
    assert sum("SOURCES" in t or "FINDINGS" in t for _, t in kinds) == 5


def test_a_line_in_a_headings_larger_face_at_each_pages_top_is_no_running_head(
    tmp_path: Path,
) -> None:
    doc = read_layout(_report(tmp_path / "report.pdf", 12.5), max_pages=10)
    assert not any(a.kind == "header" for a in doc.artifacts)
