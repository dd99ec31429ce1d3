"""A rule's lettered paragraph heads ("(a) Comments Due Date", its text, "(b) Affected ADs" …):
headings a reader can move between, not lists of one point each with the text outside."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading, ListBlock, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page

_HEADS = [("(a) Comments Due Date", "The agency must receive comments on this action by May 1."),
          ("(b) Affected Directives", "This directive replaces the directive issued in 2018."),
          ("(c) Applicability", "This directive applies to the airplanes listed in the bulletin."),
          ("(d) Compliance", "Comply with this directive within the times specified here.")]


def _page(path: Path, between: bool) -> Path:
    """Bold lettered heads, each over a sentence in the regular face (``between``), or each
    over a drawing's lone label ("-1") only, as subfigures' lettered captions are."""
    ops = [b"BT /F1 16 Tf 72 780 Td (The Proposed Amendment) Tj ET"]
    y = 740
    for head, text in _HEADS:
        ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, head.encode()))
        ops.append(b"BT /F2 10 Tf 72 %d Td (%s) Tj ET"
                   % (y - 14, (text if between else "-1").encode()))
        y -= 40
    pdf, page = text_page(b"\n".join(ops), base="/Helvetica-Bold")
    page.obj.Resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    pdf.save(path)
    return path


def test_lettered_heads_with_their_paragraphs_text_between_are_headings(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "rule.pdf", between=True), max_pages=5).blocks
    heads = [b for b in blocks if isinstance(b, Heading)]
    assert [block_text(h) for h in heads[1:]] == [head for head, _ in _HEADS]
    assert {h.level for h in heads[1:]} == {heads[0].level + 1}
    assert not any(isinstance(b, ListBlock) for b in blocks)


def test_lettered_captions_between_a_drawings_labels_stay_as_they_were(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "rule.pdf", between=False), max_pages=5).blocks
    assert not any(isinstance(b, Heading) and block_text(b).startswith("(") for b in blocks)
