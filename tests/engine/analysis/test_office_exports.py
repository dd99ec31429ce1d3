"""Two habits of office exports (Word, LibreOffice) that are no headings' marks: code set
inline in a typewriter face whose box measures larger than the running text's, and a
heading's number set apart from its title by a tab."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: The running text in Times at 10 pt; code in Courier at 13 pt, whose glyphs measure as
#: much larger as DejaVu Sans Mono's beside Liberation Serif's at one point size.
_BODY = b"/F1 10 Tf"
_CODE = b"/F2 13 Tf"


def _line(y: float, runs: list[tuple[bytes, str]]) -> bytes:
    """A line at ``y`` from the left margin, its runs one after another in their faces."""
    shown = b" ".join(b"%s (%s) Tj" % (face, pdf_string(text)) for face, text in runs)
    return b"BT 72 %.1f Td %s ET" % (y, shown)


def test_a_line_holding_inline_code_stays_in_its_paragraph(tmp_path: Path) -> None:
    lines = [
        [(_BODY, "The package holds the master copies of the two files that list the")],
        [(_BODY, "accounts, "), (_CODE, "/etc/passwd"), (_BODY, " and "), (_CODE, "/etc/group"),
         (_BODY, ". The tool")],
        [(_BODY, "keeps the entries of these files in step on every system it runs on, and")],
        [(_BODY, "it asks before it changes an entry that the local administrator has made.")],
    ]
    ops = [_line(760 - 13.5 * k, runs) for k, runs in enumerate(lines)]
    ops += [
        _line(700, [(_BODY, "Every account it lists has a fixed number, the same on every")]),
        _line(686.5, [(_BODY, "system, so that files copied between them keep their owners.")]),
    ]
    path = fonts_page_pdf(tmp_path / "code.pdf", ops, {"F1": "/Times-Roman", "F2": "/Courier"})
    doc = read_layout(path, max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Heading)]
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 2
    assert "/etc/passwd and /etc/group. The tool keeps" in paragraphs[0]


def test_a_one_line_paragraph_with_inline_code_is_no_heading(tmp_path: Path) -> None:
    ops = [
        _line(760, [(_BODY, "Connections are made to the server as the example shows, and it")]),
        _line(746.5, [(_BODY, "answers every command it is sent with a line of its own.")]),
        _line(720, [(_BODY, "Then send "), (_CODE, "client.sock.send(b'QUIT')"),
                    (_BODY, ":")]),
        _line(693.5, [(_BODY, "The server then sends its greeting back, and waits for the")]),
        _line(680, [(_BODY, "next command until the connection is closed by the client.")]),
    ]
    path = fonts_page_pdf(tmp_path / "one.pdf", ops, {"F1": "/Times-Roman", "F2": "/Courier"})
    doc = read_layout(path, max_pages=1)
    assert not [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_a_section_number_and_its_title_across_a_tab_are_one_heading(tmp_path: Path) -> None:
    ops: list[bytes] = []
    y = 760.0
    for number, title in [("1.7.12", "<acceptfont>"), ("1.7.13", "<rejectfont>")]:
        # The number ends just past one tab stop (every 36 pt from the margin at 72): its
        # title, an element's name in a typewriter face, starts at the next one, 108 + 36.
        ops.append(b"BT /F2 14 Tf 72 %.1f Td (%s) Tj ET" % (y, number.encode()))
        ops.append(b"BT /F3 12 Tf 144 %.1f Td (%s) Tj ET" % (y, title.encode()))
        y -= 26
        for line in ["Fonts matched by this element are listed as the user asked, and",
                     "they are kept in the set of fonts used to resolve requests."]:
            ops.append(b"BT /F1 10 Tf 72 %.1f Td (%s) Tj ET" % (y, line.encode()))
            y -= 13.5
        y -= 20
    fonts = {"F1": "/Times-Roman", "F2": "/Times-Bold", "F3": "/Courier-Bold"}
    path = fonts_page_pdf(tmp_path / "tab.pdf", ops, fonts)
    doc = read_layout(path, max_pages=1)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert heads == ["1.7.12 <acceptfont>", "1.7.13 <rejectfont>"]
