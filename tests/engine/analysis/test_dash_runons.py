"""A line that opens with a dash inside a sentence goes on with its paragraph."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.document import Document, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

EM_DASH = b"\x97"  # (WinAnsiEncoding)

BEFORE = [
    b"Sound is what this section is about, and how a network may learn to make it again",
    b"from the waveforms of many recordings, one short step after another, as shown below.",
]
AFTER = [
    b"are used together with gated units to build a network which can be trained to make",
    b"music. Instead of taking notes directly, the authors took raw audio waveforms as their",
    b"input, and the network is given those waveforms to predict the ones that follow them.",
]


def _read_lines(path: Path, lines: list[tuple[float, bytes]]) -> Document:
    """A page of ``lines`` (left edge, text; an empty text leaves its line blank), set in
    Times at 10 points on a 12-point leading, as the layout reader reads it."""
    ops = [
        f"BT /F1 10 Tf {x} {700 - 12 * k} Td (".encode() + line + b") Tj ET"
        for k, (x, line) in enumerate(lines) if line
    ]
    return read_layout(text_page_pdf(path, ops, base="/Times-Roman"), max_pages=5)


def _flush(lines: list[bytes]) -> list[tuple[float, bytes]]:
    return [(72, line) for line in lines]


def _after_a_paragraph(path: Path, lines: list[bytes]) -> Document:
    """The paragraph :data:`BEFORE`, a blank line, then ``lines``, all at the left margin."""
    return _read_lines(path, _flush([*BEFORE, b"", *lines]))


def _paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _page(tmp_path: Path, opening: bytes) -> Document:
    """A paragraph, then one whose second line opens with an em dash after ``opening``."""
    lines = [opening, EM_DASH + b" " + AFTER[0], *AFTER[1:]]
    return _after_a_paragraph(tmp_path / "dash.pdf", lines)


def test_a_dash_the_line_broke_before_goes_on_with_the_sentence(tmp_path: Path) -> None:
    doc = _page(tmp_path, b"Recurrent networks of long short-term memory units, to be exact")
    texts = _paragraphs(doc)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert len(texts) == 2
    assert texts[1].startswith("Recurrent networks of long short-term memory units, to be exact")
    assert "to be exact \u2014 are used together" in texts[1]


def test_a_dash_after_an_ended_sentence_opens_its_own_paragraph(tmp_path: Path) -> None:
    # Dialogue: the line above ends its sentence, and the dash opens a new paragraph.
    doc = _page(tmp_path, b"The recurrent networks of long short-term memory units say:")
    texts = _paragraphs(doc)
    assert texts[-1].startswith("\u2014 are used together")


def _enumerated(tmp_path: Path, said_before: bytes) -> Document:
    """A paragraph whose line breaks before the enumerator "(ii)" of its own sentence."""
    lines = [
        b"Work on this has since taken two main lines of research: " + said_before
        + b" to come up with",
        b"new mechanisms that improve the accuracy of the results they give on data, and",
        b"(ii) to propose relaxations of the model that require less distortion of the data",
        b"and allow for more accurate results, which is the line this paper follows on.",
    ]
    return _after_a_paragraph(tmp_path / "enum.pdf", lines)


def test_an_enumerator_of_the_sentence_the_line_broke_before_goes_on_with_it(
    tmp_path: Path,
) -> None:
    doc = _enumerated(tmp_path, b"\\(i\\)")
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    texts = _paragraphs(doc)
    assert len(texts) == 2
    assert "they give on data, and (ii) to propose relaxations" in texts[1]


def test_an_enumerator_the_words_above_never_began_is_no_run_on(tmp_path: Path) -> None:
    # (No "(i)" above: "(ii)" is no enumerator of that sentence.)
    doc = _enumerated(tmp_path, b"first,")
    texts = _paragraphs(doc)
    assert not any("and (ii) to propose" in t for t in texts)


def _numbered(tmp_path: Path, above: bytes) -> Document:
    """A paragraph whose line breaks before the number "1." ending its sentence."""
    lines = [
        b"Given a data set and a range, a range query counts the records of the set that are",
        b"contained in the range, and such queries behave well: their sensitivity " + above,
        b"1. This low sensitivity is preserved in histogram queries, a collection of range",
        b"queries over disjoint ranges, which are used for many of the results given here.",
    ]
    return _after_a_paragraph(tmp_path / "num.pdf", lines)


def test_a_number_ending_the_sentence_the_line_broke_before_goes_on_with_it(
    tmp_path: Path,
) -> None:
    doc = _numbered(tmp_path, b"is")
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    texts = _paragraphs(doc)
    assert len(texts) == 2
    assert "their sensitivity is 1. This low sensitivity is preserved" in texts[1]


def test_a_number_after_a_colon_is_no_run_on(tmp_path: Path) -> None:
    # (A colon leads into a list: its first point, however lone, is no sentence's end.)
    doc = _numbered(tmp_path, b"is as follows:")
    texts = _paragraphs(doc)
    assert not any("as follows: 1. This" in t for t in texts)


def test_a_number_under_a_one_line_indented_paragraph_goes_on_with_it(tmp_path: Path) -> None:
    # The paragraph above is its first line alone, set in by the paragraph's indent.
    lines = [
        (72, b"Given a data set and a range, a range query counts the records of the set that are"),
        (72, b"contained in the range, which is all that is asked of it in the section below."),
        (82, b"Range queries behave well under the model: their sensitivity is"),
        (72, b"1. This low sensitivity is preserved in histogram queries, a collection of range"),
        (72, b"queries over disjoint ranges, which are used for many of the results given here."),
    ]
    doc = _read_lines(tmp_path / "one.pdf", lines)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    texts = _paragraphs(doc)
    assert any("their sensitivity is 1. This low sensitivity" in t for t in texts)
