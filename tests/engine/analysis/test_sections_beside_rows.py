"""Forms whose rows do not run across the page: a boxed notice beside a stack of field rows is
read whole, and a line running across a row of options is no line of the option above it."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page


def show(x: float, y: float, text: str, size: float = 8, font: str = "F1") -> bytes:
    return b"BT /%s %.1f Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (
        font.encode(), size, x, y, text.encode()
    )


def form_pdf(path: Path, ops: list[bytes]) -> Path:
    """A page drawn by ``ops``, with ``/F1`` Helvetica and ``/F2`` Helvetica-Bold."""
    pdf, page = text_page(b"\n".join(ops))
    page.obj.Resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name("/Helvetica-Bold"), Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    pdf.save(path)
    return path


def read_words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks).split()


NOTICE = ["Check the box", "if you want", "three dollars", "for the fund."]


def test_a_boxed_notice_beside_field_rows_is_read_whole(tmp_path: Path) -> None:
    # The notice's heading is level with the first row of fields beside it, and its text,
    # set right under the heading, runs down past the next row: the two sides are sections
    # side by side, not rows of one grid, so the heading is not read a row before its text.
    ops = [
        show(40, 656, "Filing status: check only one box, and enter the names of your "
             "dependents and of your spouse as the instructions for this form say."),
        show(40, 632, "Home address (number and street)"), show(423, 632, "Apt. no."),
        show(473, 634, "Presidential Election Campaign", 8.5, "F2"),
    ]
    ops += [show(470, 623 - 8 * k, line, 7) for k, line in enumerate(NOTICE)]
    ops += [
        show(40, 608, "City, town or post office, state, and ZIP code. If you have a foreign "
             "address, complete the spaces below."),
        show(40, 578, "Foreign country name, foreign province or county, and foreign postal code, "
             "if you live abroad (see instructions), and the name of the city you live in"),
        show(40, 560, "Standard deduction: someone can claim you as a dependent, or your spouse "
             "as a dependent on a separate return, or you were a dual-status alien."),
    ]
    words = read_words(form_pdf(tmp_path / "form.pdf", ops))
    notice = ["Presidential", "Election", "Campaign"] + " ".join(NOTICE).split()
    start = words.index("Presidential")
    assert words[start:start + len(notice)] == notice
    assert words.index("Apt.") < words.index("City,") < words.index("Foreign")


def test_a_line_running_across_a_row_of_options_starts_a_block(tmp_path: Path) -> None:
    # A row of options, each a short label after its box; the line under them starts where
    # the first option does and runs on under the others: it is the next row of the form,
    # read after the whole row of options, not the first option's second line.
    ops = [
        show(36, 732, "Filing Status", 9, "F2"),
        show(108, 716, "Single"), show(180, 716, "Married filing jointly"),
        show(290, 716, "Married filing separately"), show(420, 716, "Head of household"),
        show(108, 706, "If you checked the separately box, enter the name of your spouse here."),
        show(40, 680, "Your first name and middle initial"), show(242, 680, "Last name"),
    ]
    words = read_words(form_pdf(tmp_path / "form.pdf", ops))
    assert words.index("Single") < words.index("jointly") < words.index("household") < (
        words.index("If")
    )
