"""A section's heading set at the margin in bold, its text indented under it opening with a
term in the same bold (a manual's "EXAMPLES" over "tput init", "Options" over "-S"): the
heading is a line of its own, not the first line of a paragraph going on with the term,
in the Python loop and in the C one alike. Lines of one heading set centred are still read
as one, and so is a name set over a second line apart from where the page's lines start
(a logo's "Kraxi Systems, Inc." over "Paper Planes")."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf


def _texts(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=1)
    return [b.text for b in doc.blocks if isinstance(b, (Heading, Paragraph))]


def _section(y: float, head: str, head_x: float, term: str) -> list[bytes]:
    return [
        f"BT /F2 10 Tf {head_x} {y} Td ({head}) Tj ET".encode(),
        f"BT /F2 10 Tf 108 {y - 12} Td ({term}) Tj ET".encode(),
        f"BT /F1 10 Tf 144 {y - 24} Td (Initialize the terminal according to the type of "
        f"terminal in the variable TERM.) Tj ET".encode(),
        f"BT /F1 10 Tf 144 {y - 36} Td (This command should be included in the profile of "
        f"everyone after TERM is exported.) Tj ET".encode(),
    ]


def test_a_heading_over_an_indented_term_in_its_face_stands_apart(
    tmp_path: Path, block_loop: str
) -> None:
    # (The text of the page starts its lines at 108, where the terms stand.)
    intro = [
        f"BT /F1 10 Tf 108 {760 - 12 * k} Td (The tput utility uses the terminfo database "
        f"to make the values of capabilities available.) Tj ET".encode()
        for k in range(3)
    ]
    ops = [
        *intro,
        *_section(720, "EXAMPLES", 72, "tput init"),
        *_section(640, "Options", 87, "-S"),
        *[f"BT /F1 10 Tf 108 {580 - 12 * k} Td (The terminal is reset according to its type "
          f"in the variable TERM.) Tj ET".encode() for k in range(3)],
    ]
    path = fonts_page_pdf(tmp_path / "sections.pdf", ops,
                          {"F1": "/Times-Roman", "F2": "/Times-Bold"})
    texts = _texts(path)
    assert "EXAMPLES" in texts and "Options" in texts
    assert not any(t.startswith(("EXAMPLES ", "Options ")) for t in texts)


def test_a_centred_heading_goes_on_over_its_second_line(
    tmp_path: Path, block_loop: str
) -> None:
    # "Annual Review of the" centred over "Programme" (both in bold): one heading.
    ops = [
        b"BT /F2 14 Tf 0 0 0 rg 240 720 Td (Annual Review of the) Tj ET",
        b"BT /F2 14 Tf 268.6 703 Td (Programme) Tj ET",
        b"BT /F1 10 Tf 72 680 Td (The programme ran for a year across the member states, "
        b"and this review looks at it.) Tj ET",
    ]
    path = fonts_page_pdf(tmp_path / "centred.pdf", ops,
                          {"F1": "/Times-Roman", "F2": "/Times-Bold"})
    assert _texts(path)[0] == "Annual Review of the Programme"


def test_a_bold_name_over_a_line_off_the_texts_edge_goes_on(
    tmp_path: Path, block_loop: str
) -> None:
    ops = [
        b"BT /F2 16 Tf 208 800 Td (Kraxi Systems, Inc.) Tj ET",
        b"BT /F2 16 Tf 249 783 Td (Paper Planes) Tj ET",
        *[f"BT /F1 10 Tf 55 {700 - 12 * k} Td (John Q. Doe, 255 Customer Lane, Suite B, "
          f"12345 User Town) Tj ET".encode() for k in range(6)],
    ]
    path = fonts_page_pdf(tmp_path / "logo.pdf", ops, {"F1": "/Times-Roman", "F2": "/Times-Bold"})
    assert _texts(path)[0] == "Kraxi Systems, Inc. Paper Planes"


def test_a_bold_line_ending_open_goes_on_below(
    tmp_path: Path, block_loop: str
) -> None:
    # (A method's signature wrapped at its bracket, its arguments indented under it.)
    ops = [
        b"BT /F2 10 Tf 72 720 Td (createPattern\\() Tj ET",
        b"BT /F2 10 Tf 108 708 Td (Object image, string repetition\\)) Tj ET",
        *[f"BT /F1 10 Tf 108 {680 - 12 * k} Td (The pattern repeats the image across the "
          f"area it fills.) Tj ET".encode() for k in range(5)],
    ]
    path = fonts_page_pdf(tmp_path / "signature.pdf", ops,
                          {"F1": "/Times-Roman", "F2": "/Times-Bold"})
    assert _texts(path)[0] == "createPattern( Object image, string repetition)"
