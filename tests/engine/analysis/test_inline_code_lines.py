"""Code set inline in running text, in a fixed-pitch face a little smaller than the running
proportional one (typewriter faces are scaled to match x-heights), is no new block where a
line breaks next to it: "doesn't support the AUTOMATIC TAGS" over "option, and the EXPORT
sections" is one paragraph, and so is "(as in" over a line of code closing the sentence
(:func:`workers.engine.layout.reader._inline_code_goes_on`, asked by the Python loop and the
C loop alike). A listing (lines in the fixed face, led in by a colon, set apart) still
stands apart from the prose round it. Small PDFs drawn here: Times (``/F1``) for the prose,
Courier (``/F2``) for the code, Times-Bold (``/F3``) for a listing's keywords."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: Prose and code are set at one nominal size: Courier's letters measure some 7% smaller
#: than Times', past reader.FACE_SIZE_STEP.
SIZE = 10
_LEFT, _STEP = 72.0, 12.0
#: A line: its pieces, each (font, text), drawn an em apart (a justified line's stretched
#: word spaces part it into pieces) where ``apart``, else run on.
Line = Sequence[tuple[str, str]]


def _line(pieces: Line, y: float) -> bytes:
    ops = []
    for font, text in pieces:
        ops.append(b"/%s %d Tf [(%s) -1000] TJ" % (font.encode(), SIZE, pdf_string(text)))
    return b"BT %.2f %.2f Td %s ET" % (_LEFT, y, b" ".join(ops))


def _pdf(path: Path, lines: Sequence[Line | None]) -> Path:
    """``lines`` one under another, ``None`` a blank line (paragraphs, a listing set apart)."""
    ops, y = [], 760.0
    for line in lines:
        if line is not None:
            ops.append(_line(line, y))
        y -= _STEP
    return fonts_page_pdf(
        path, ops, {"F1": "/Times-Roman", "F2": "/Courier", "F3": "/Times-Bold"}
    )


def _texts(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Paragraph)]


_OPENING = [("F1", "The parser reads most of the standard notation for modules.")]


def test_a_line_ending_in_code_goes_on_in_prose(tmp_path: Path, block_loop: str) -> None:
    lines = [
        _OPENING,
        [("F1", "This version does not handle the real type. It does not support the"),
         ("F2", "AUTOMATIC TAGS")],
        [("F1", "option, and the"), ("F2", "EXPORT"), ("F1", "and"), ("F2", "IMPORT"),
         ("F1", "sections either, as the manual says.")],
    ]
    texts = _texts(_pdf(tmp_path / "above.pdf", lines))
    assert any("AUTOMATIC TAGS option, and the EXPORT" in t for t in texts), texts


def test_a_line_of_code_closing_the_sentence_goes_on(tmp_path: Path, block_loop: str) -> None:
    lines = [
        _OPENING,
        [("F1", "Some functions need a buffer of at least the maximum size (for example,"),
         ("F1", "as in")],
        [("F2", "char description[ASN1_MAX_ERROR_DESCRIPTION_SIZE];"), ("F1", ").")],
        None,
        [("F1", "The maximum name size is the longest identifier the parser allows.")],
    ]
    texts = _texts(_pdf(tmp_path / "below.pdf", lines))
    assert any(t.endswith("as in char description[ASN1_MAX_ERROR_DESCRIPTION_SIZE]; ).")
               or t.endswith("as in char description[ASN1_MAX_ERROR_DESCRIPTION_SIZE];).")
               for t in texts), texts
    assert "The maximum name size is the longest identifier the parser allows." in texts


@pytest.mark.parametrize("set_apart", [True, False])
def test_a_listing_stays_apart_from_its_prose(
    tmp_path: Path, block_loop: str, set_apart: bool
) -> None:
    # Led in by a colon; its last line, with no stop, is a listing's (the block opened in
    # the code face), whether or not blank lines set the listing apart.
    blank = [None] if set_apart else []
    lines = [
        [("F1", "Each definition of a type must follow the syntax below, for example:")],
        *blank,
        [("F2", "Version ::= SEQUENCE")],
        [("F2", "Value ::= INTEGER")],
        *blank,
        [("F1", "Here is the list of types that the parser can manage in this version.")],
    ]
    texts = _texts(_pdf(tmp_path / "listing.pdf", lines))
    assert "Each definition of a type must follow the syntax below, for example:" in texts
    assert "Here is the list of types that the parser can manage in this version." in texts


def test_a_listing_with_keywords_and_comments_stays_apart(tmp_path: Path, block_loop: str) -> None:
    # A listing's line opening with a keyword in bold and closing with a comment in the
    # proportional face: the line of code under it is the listing's next, no paragraph's.
    lines = [
        [("F1", "To start a task from a function, prefix the call with the keyword go.")],
        None,
        [("F3", "go"), ("F2", "func() { work(data) }"), ("F1", "// call with an anonymous one")],
        [("F2", "list.Sort()")],
    ]
    texts = _texts(_pdf(tmp_path / "keywords.pdf", lines))
    assert not any("anonymous one" in t and "Sort" in t for t in texts), texts


def _sized_line(pieces: Sequence[tuple[str, float, str]], y: float) -> bytes:
    """A line of pieces, each (font, size, text), run on."""
    ops = [b"/%s %g Tf (%s ) Tj" % (font.encode(), size, pdf_string(text))
           for font, size, text in pieces]
    return b"BT %.2f %.2f Td %s ET" % (_LEFT, y, b" ".join(ops))


def test_a_line_mostly_of_smaller_code_goes_on(tmp_path: Path, block_loop: str) -> None:
    # A word processor sets inline code in a typewriter face smaller than the prose (as
    # LibreOffice's HTML import does): a line mostly of code measures smaller than the
    # lines round it, which are still one paragraph's.
    code = 0.8 * SIZE
    lines = [
        [("F1", SIZE, "The cache file holds the same facts as the"), ("F2", code, "globs2"),
         ("F1", SIZE, "and"), ("F2", code, "magic"), ("F1", SIZE, "files, together")],
        [("F1", SIZE, "with"), ("F2", code, "subclasses, aliases, icons, generic-icons"),
         ("F1", SIZE, "and")],
        [("F1", SIZE, "namespaces, in a binary format that can be mapped into memory.")],
    ]
    ops = [_sized_line(line, 760.0 - _STEP * k) for k, line in enumerate(lines)]
    path = fonts_page_pdf(tmp_path / "smaller.pdf", ops,
                          {"F1": "/Times-Roman", "F2": "/Courier"})
    texts = _texts(path)
    assert len(texts) == 1 and "together with subclasses" in texts[0], texts
    assert texts[0].endswith("mapped into memory."), texts
