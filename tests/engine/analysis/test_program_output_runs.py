"""Program output quoted on a page, each line opening with the same mark (a process's id in
valgrind's log, "==8119=="): read line by line as a listing is, not as a table, even where
the lines' pieces line up in columns, and in a proportional face (a plain-text file typeset)
as in a fixed-pitch one."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

_FONTS = {"F1": "/Times-Roman", "F3": "/Courier"}


def _text(font: str, size: float, x: float, y: float, text: str) -> bytes:
    return f"BT /{font} {size} Tf {x} {y} Td (".encode() + pdf_string(text) + b") Tj ET"


_LOG = [
    "Invalid read of size 2",
    "   at 0x7F2EFD7AF: ???",
    "   by 0x7F2C82EAF: ???",
    "   by 0x40051D: main (badrw.c:5)",
    "   by 0x40055C: main (badrw.c:22)",
    " Address 0x55cd03c is 4 bytes before a block of size 16 alloc'd",
    "   at 0x2804E26D: vgPlain_arena_malloc (m_mallocfree.c:1914)",
]


def _log_ops() -> list[bytes]:
    """A README's paragraph, then valgrind's log in the same proportional face: each line
    its process's id, then (a gap after it, as the spaces of the plain text set it) the
    message, its frames indented; then a paragraph again."""
    ops = [_text("F1", 10, 72, 700, "For example, this is an error reported by the outer:")]
    for row, line in enumerate(_LOG):
        y = 686 - 12 * row
        ops.append(_text("F1", 10, 78, y, "==8119=="))
        indent = len(line) - len(line.lstrip())
        ops.append(_text("F1", 10, 136 + 4 * indent, y, line.strip()))
    ops.append(_text("F1", 10, 72, 686 - 12 * len(_LOG) - 10, "The frames end the stack."))
    return ops


def test_a_tools_log_lines_opening_with_its_process_id_are_no_table(tmp_path: Path) -> None:
    # Every line opens with "==8119==" and its message starts at one of two indents: two
    # columns, read as a table whose first column said "==8119==" in every row. One value
    # in every row names no row: the lines are output, each read whole.
    path = fonts_page_pdf(tmp_path / "log.pdf", _log_ops(), _FONTS, size=(612, 792))
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    texts = [" ".join(b.text.split()) for b in doc.blocks]
    for line in _LOG:
        assert f"==8119== {line.strip()}" in texts



_SESSION = [
    ("./configure --prefix=/usr", "# where to install"),
    ("make", "# build the tools"),
    ("make check", "# run the tests"),
    ("sudo make install", "# install them"),
]


def _session_ops() -> list[bytes]:
    """A paragraph, then a shell session in the same face: each line the prompt, the
    command, and a comment lined up with the others' a wide gap after it; then a paragraph
    again."""
    ops = [_text("F1", 10, 72, 700, "To build and install the tools, run:")]
    for row, (command, comment) in enumerate(_SESSION):
        y = 686 - 12 * row
        ops.append(_text("F1", 10, 78, y, "$"))
        ops.append(_text("F1", 10, 92, y, command))
        ops.append(_text("F1", 10, 260, y, comment))
    ops.append(_text("F1", 10, 72, 630, "Then read the manual."))
    return ops


def test_a_shell_session_is_read_line_by_line(tmp_path: Path) -> None:
    # The comments lined up in a column of their own: the prompts and commands were read
    # down as one column (run into the paragraph above), the comments as another. Every
    # line opening with the shell's prompt makes them a session, each line read whole.
    path = fonts_page_pdf(tmp_path / "session.pdf", _session_ops(), _FONTS, size=(612, 792))
    doc = read_layout(path, max_pages=5)
    texts = [" ".join(b.text.split()) for b in doc.blocks]
    for command, comment in _SESSION:
        assert f"$ {command} {comment}" in texts
    assert "To build and install the tools, run:" in texts
