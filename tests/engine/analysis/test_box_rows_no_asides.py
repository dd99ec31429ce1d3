"""Reading order: boxed panels are read after the page's running text, as asides; but boxes
set side by side, each sharing a side with the next (a form's row of addresses), are cells
of the page's content and keep their places."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

ABOVE = [
    "Send the completed application to the board of your branch of service at",
    "the address below and keep a copy of every page and document for your own",
    "records since the board will not return any of the papers you send to it",
    "and a review can take several months from the day the board receives them",
    "so please allow for the time it takes before you ask about your application",
]
BELOW = [
    "Additional information about the review and the documents it needs can be",
    "found online together with answers to the questions applicants ask most",
]
BOXES = [
    ["Army review board", "two five one eighteenth street", "south suite three eight five",
     "arlington virginia two two two", "online application link here"],
    ["Navy review board", "seven two zero kennon avenue", "south east suite three nine",
     "washington navy yard district", "online application link here"],
    ["Air force review board", "three three five one celmers", "lane joint base andrews in",
     "maryland two zero seven six", "online application link here"],
]


def show(x: float, y: float, text: str) -> bytes:
    return b"BT /F1 9 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (x, y, text.encode())


def _page(gutter: float) -> list[bytes]:
    """Text above, three boxes in a row (``gutter`` points apart), text below."""
    ops = [show(40, 790 - 12 * k, line) for k, line in enumerate(ABOVE)]
    for n, box in enumerate(BOXES):
        x = 38 + n * (170 + gutter)
        ops.append(b"0.5 w %.1f 640 170 76 re S" % x)
        ops += [show(x + 4, 704 - 12 * k, line) for k, line in enumerate(box)]
    ops += [show(40, 610 - 12 * k, line) for k, line in enumerate(BELOW)]
    return ops


def _words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks).split()


def test_boxes_side_by_side_keep_their_places(tmp_path: Path) -> None:
    words = _words(text_page_pdf(tmp_path / "row.pdf", _page(0.0)))
    assert words.index("records") < words.index("Army") < words.index("Navy")
    assert words.index("Navy") < words.index("Air") < words.index("Additional")


def test_boxes_a_gutter_apart_are_still_asides(tmp_path: Path) -> None:
    # The same boxes set apart (no side shared): panels, read after the running text.
    words = _words(text_page_pdf(tmp_path / "row.pdf", _page(6.0)))
    assert words.index("Additional") < words.index("Army")


def test_panels_are_read_before_the_page_footer_under_them(tmp_path: Path) -> None:
    # A one-page sheet's footer (no other page repeats it as furniture): the panels are
    # read after the running text, but the footer still ends the page, as it stands.
    ops = _page(6.0) + [show(40, 30, "Prepared by the review office"), show(480, 30, "2024")]
    words = _words(text_page_pdf(tmp_path / "footer.pdf", ops))
    assert words.index("Additional") < words.index("Army") < words.index("Air")
    assert words.index("Air") < words.index("Prepared") < words.index("2024")


def test_panels_are_read_before_the_notes_at_the_page_s_foot(tmp_path: Path) -> None:
    # A footnote set smaller at the foot (above the footer's band, on several lines) and an
    # imprint under it: notes that end the page as they stand, read after the panels.
    ops = _page(6.0) + [
        b"BT /F1 7 Tf 1 0 0 1 40 %d Tm (%s) Tj ET" % (140 - 9 * k, line)
        for k, line in enumerate([b"Note: the board meets once a month and reviews the files",
                                  b"in the order it receives them, the oldest first."])
    ] + [show(40, 30, "Registration number 31-9735045")]
    words = _words(text_page_pdf(tmp_path / "notes.pdf", ops))
    assert words.index("Additional") < words.index("Army") < words.index("Air")
    assert words.index("Air") < words.index("Note:") < words.index("Registration")
