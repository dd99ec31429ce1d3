"""A running header set a line's gap above the title on the first page (a form's "CUI (when
filled in)" over its title) is read apart from the title, as the running header it is on
every other page."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.layout.reader import read_layout

from .conftest import heading_texts

_BODY = b"(The applicant fills in each box of this form and signs it at the foot of the page.) Tj"


def _page_ops(number: int, running: bytes) -> list[bytes]:
    ops = [b"BT /F2 11 Tf 240 805 Td (" + running + b") Tj ET"]
    if number == 1:
        # The title right under the running line, in its face, spaced as its own lines are.
        ops += [
            b"BT /F2 11 Tf 180 791 Td (APPLICATION FOR THE REVIEW OF A DECISION) Tj ET",
            b"BT /F2 11 Tf 205 777 Td (FROM THE BOARD OF THE SERVICE) Tj ET",
        ]
    ops += [b"BT /F1 10 Tf 72 %d Td " % y + _BODY + b" ET" for y in range(740, 400, -14)]
    ops.append(b"BT /F1 9 Tf 500 30 Td (Page %d of 3) Tj ET" % number)
    return ops


def _form(path: Path, running: list[bytes]) -> Path:
    pdf = pikepdf.new()
    fonts = {
        name: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for name, base in (("F1", "/Helvetica"), ("F2", "/Helvetica-Bold"))
    }
    for number, line in enumerate(running, start=1):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(**fonts))
        page.obj.Contents = pdf.make_stream(b"\n".join(_page_ops(number, line)))
    pdf.save(path)
    return path


TITLE = "APPLICATION FOR THE REVIEW OF A DECISION FROM THE BOARD OF THE SERVICE"


def test_a_running_header_over_the_title_is_read_apart(tmp_path: Path) -> None:
    doc = read_layout(_form(tmp_path / "form.pdf", [b"CUI (when filled in)"] * 3), max_pages=5)
    headings = heading_texts(doc)
    assert headings[:1] == [TITLE]
    running = [a for a in doc.artifacts if a.text == "CUI (when filled in)"]
    assert sorted(p.page for a in running for p in a.prov) == [0, 1, 2]


def test_a_line_over_the_title_not_repeated_elsewhere_stays_with_it(tmp_path: Path) -> None:
    # The other pages' top lines differ: the first page's line above the title is its own.
    lines = [b"CUI (when filled in)", b"Notes for the applicant", b"Notes for the board"]
    doc = read_layout(_form(tmp_path / "form.pdf", lines), max_pages=5)
    first = [b for b in doc.blocks if b.prov and b.prov[0].page == 0]
    assert getattr(first[0], "text", "") == "CUI (when filled in) " + TITLE
    assert not [a for a in doc.artifacts if a.text == "CUI (when filled in)"]


def _footer_ops(number: int) -> list[bytes]:
    """Body lines down to the foot; on the first page the last one a line's step above the
    running footer, set flush left with it in its face."""
    bottom = 54 if number == 1 else 200
    ops = [b"BT /F1 10 Tf 72 %d Td " % y + _BODY + b" ET" for y in range(740, bottom - 1, -14)]
    ops.append(b"BT /F1 10 Tf 72 40 Td (FORM 293, FEBRUARY 2025) Tj ET")
    return ops


def test_a_running_footer_under_the_text_is_read_apart(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for number in (1, 2, 3):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"\n".join(_footer_ops(number)))
    pdf.save(tmp_path / "form.pdf")
    doc = read_layout(tmp_path / "form.pdf", max_pages=5)
    running = [a for a in doc.artifacts if a.text == "FORM 293, FEBRUARY 2025"]
    assert sorted(p.page for a in running for p in a.prov) == [0, 1, 2]
    assert not any("FORM 293" in getattr(b, "text", "") for b in doc.blocks)
