"""Footnotes at the foot of a page (see workers.engine.layout.footnotes): each note read as a
``Note`` of its own after the page's text, the running text whole."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Note, Paragraph, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

WORDS = "public bodies publish documents for many readers"


def _pdf(path: Path, ops: list[str]) -> Path:
    return text_page_pdf(path, [op.encode() for op in ops])


def _raised(x: float, y: float, before: str, mark: str, after: str) -> str:
    """A line of body text carrying ``mark`` raised, in a smaller face, after ``before``."""
    mark = mark.replace(")", "\\)")
    return (f"BT /F1 10 Tf {x} {y} Td ({before}) Tj /F1 6 Tf 4 Ts ({mark}) Tj"
            f" /F1 10 Tf 0 Ts ({after}) Tj ET")


def _columns(marks: tuple[str, str] | None) -> list[str]:
    """Two columns of running text, the left one's last paragraph going on at the top of the
    right one; its lines 20 and 24 carry ``marks`` raised (none: plain lines)."""
    ops = []
    for k in range(30):
        if marks and k in (20, 24):
            mark = marks[0] if k == 20 else marks[1]
            ops.append(_raised(60, 700 - 13 * k, f"left{k} public bodies", mark, " publish"))
        else:
            ops.append(f"BT /F1 10 Tf 60 {700 - 13 * k} Td (left{k} {WORDS}) Tj ET")
    ops += [f"BT /F1 10 Tf 320 {700 - 13 * k} Td (right{k} {WORDS}) Tj ET" for k in range(48)]
    return ops


def _read(path: Path) -> list[object]:
    return list(read_layout(path, max_pages=5).blocks)


def test_numbered_notes_cutting_a_paragraph_are_notes_read_after_it(tmp_path: Path) -> None:
    # A paper's page: two notes under a short rule at the foot of the left column, in a
    # small face, one block of lines; the left column's paragraph goes on in the right one.
    ops = _columns(("1", "2"))
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 8 Tf 60 138 Td (1 The first note says where the data came from.) Tj ET")
    ops.append("BT /F1 8 Tf 60 128 Td (2 The second note names the survey of readers.) Tj ET")
    blocks = _read(_pdf(tmp_path / "notes.pdf", ops))
    notes = [b for b in blocks if isinstance(b, Note)]
    assert [(n.label, n.text) for n in notes] == [
        ("1", "1 The first note says where the data came from."),
        ("2", "2 The second note names the survey of readers."),
    ]
    # The running text whole, the notes after it.
    words = [w for b in blocks for w in block_text(b).split()]
    firsts = [w for w in words if w.startswith(("left", "right", "The"))]
    assert firsts == (
        [f"left{k}" for k in range(30)] + [f"right{k}" for k in range(48)] + ["The", "The"]
    )
    assert blocks[-2:] == notes


def test_a_note_wrapping_to_two_lines_is_one_note(tmp_path: Path) -> None:
    ops = _columns(("1", "2"))
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 8 Tf 60 138 Td (1 The first note runs on past its line, as notes) Tj ET")
    ops.append("BT /F1 8 Tf 66 128 Td (do when they say more than a source.) Tj ET")
    ops.append("BT /F1 8 Tf 60 118 Td (2 The second note names the survey of readers.) Tj ET")
    notes = [b for b in _read(_pdf(tmp_path / "wrap.pdf", ops)) if isinstance(b, Note)]
    assert [n.text for n in notes] == [
        "1 The first note runs on past its line, as notes do when they say more than a source.",
        "2 The second note names the survey of readers.",
    ]


def test_points_numbered_anew_inside_a_note_and_its_end_in_the_next_column_are_the_note(
    tmp_path: Path,
) -> None:
    # Note 2 lists two points numbered 1) and 2), a little in; its last words stand under a
    # rule at the foot of the right column.
    ops = _columns(("1)", "2)"))
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 8 Tf 60 138 Td (1\\) The first note says where the data came from.) Tj ET")
    ops.append("BT /F1 8 Tf 60 126 Td (2\\) The second note lists two kinds of reader:) Tj ET")
    ops.append("BT /F1 8 Tf 64 116 Td (1\\) those who listen to the text read out) Tj ET")
    ops.append("BT /F1 8 Tf 64 106 Td (2\\) those who read it enlarged, and) Tj ET")
    ops.append("320 60 100 0.5 re f")
    ops.append("BT /F1 8 Tf 330 48 Td (those who read it in braille.) Tj ET")
    blocks = _read(_pdf(tmp_path / "points.pdf", ops))
    notes = [b for b in blocks if isinstance(b, Note)]
    assert [n.label for n in notes] == ["1", "2"]
    assert notes[1].text == (
        "2) The second note lists two kinds of reader: 1) those who listen to the text read"
        " out 2) those who read it enlarged, and those who read it in braille."
    )
    assert not any("braille" in block_text(b) for b in blocks if not isinstance(b, Note))


def test_small_text_at_the_foot_without_a_raised_mark_in_the_text_is_no_note(
    tmp_path: Path,
) -> None:
    # A caption, a copyright line and an address opening with a post code at the foot, in a
    # small face: the page's text carries no raised mark.
    ops = _columns(None)
    ops.append("BT /F1 8 Tf 60 130 Td (Figure 3: pupils who read with a screen reader.) Tj ET")
    ops.append("BT /F1 8 Tf 60 90 Td (\\251 2024 The Council. All rights reserved.) Tj ET")
    ops.append("BT /F1 8 Tf 60 60 Td (07233 Main Street 1, Tel. 02-788-4510) Tj ET")
    blocks = _read(_pdf(tmp_path / "plain.pdf", ops))
    assert not any(isinstance(b, Note) for b in blocks)
    texts = [block_text(b) for b in blocks if isinstance(b, Paragraph)]
    assert "Figure 3: pupils who read with a screen reader." in texts
    # (Read in their order, as the left column puts them, after the sentence its last
    # paragraph breaks off and the right column goes on with: see runover.)
    at = {t.split()[0]: k for k, t in enumerate(texts)}
    assert "right0" in texts[at["left0"]]
    assert at["left0"] < at["Figure"] < at["©"] < at["07233"]


def _note_with_raised_mark(y: float, mark: str, text: str) -> str:
    return f"BT /F1 5 Tf 60 {y} Td 3 Ts ({mark}) Tj /F1 8 Tf 0 Ts ( {text}) Tj ET"


def test_notes_whose_own_marks_are_raised_need_no_rule(tmp_path: Path) -> None:
    # A word processor's notes, set apart by a gap alone: each opens with its mark raised.
    ops = _columns(("1", "2"))
    ops.append(_note_with_raised_mark(138, "1", "The first note says where the data came from."))
    ops.append(_note_with_raised_mark(128, "2", "The second note names the survey of readers."))
    blocks = _read(_pdf(tmp_path / "raised.pdf", ops))
    notes = [b for b in blocks if isinstance(b, Note)]
    assert [n.label for n in notes] == ["1", "2"]
    assert blocks[-2:] == notes


def test_a_notes_raised_mark_set_against_its_first_word_is_a_word_of_its_own(
    tmp_path: Path,
) -> None:
    # TeX sets a note's raised mark with no space before its first word: read as drawn, the
    # mark and the word are one ("1The"). The note reads its mark apart.
    ops = _columns(("1", "2"))
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 5 Tf 60 141 Td (1) Tj /F1 8 Tf -3 Ts (The first note says where"
               " the data came from.) Tj ET")
    ops.append('BT /F1 5 Tf 60 131 Td (2) Tj /F1 8 Tf -3 Ts ("Second" names the survey'
               ' of readers.) Tj ET')
    blocks = _read(_pdf(tmp_path / "glued.pdf", ops))
    notes = [b for b in blocks if isinstance(b, Note)]
    assert [(n.label, n.text) for n in notes] == [
        ("1", "1 The first note says where the data came from."),
        ("2", '2 "Second" names the survey of readers.'),
    ]


def test_numbered_points_in_a_small_face_at_the_foot_are_no_notes(tmp_path: Path) -> None:
    # The text carries raised numbers (exponents), and a list of points in a smaller face
    # ends the left column: under no rule, their numbers on the line, they are no notes.
    ops = _columns(("1", "2"))
    ops.append("BT /F1 8 Tf 60 138 Td (1\\) The first point says where the data came from.) Tj ET")
    ops.append("BT /F1 8 Tf 60 128 Td (2\\) The second point names the survey of readers.) Tj ET")
    blocks = _read(_pdf(tmp_path / "points.pdf", ops))
    assert not any(isinstance(b, Note) for b in blocks)


def test_notes_after_a_column_ending_its_paragraph_keep_their_place(tmp_path: Path) -> None:
    # The left column's last paragraph ends with its column: the notes at its foot are read
    # there, after it, before the next column, each a note of its own.
    ops = _columns(("1", "2"))
    ops[29] = "BT /F1 10 Tf 60 323 Td (left29 public bodies publish documents.) Tj ET"
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 8 Tf 60 138 Td (1 The first note says where the data came from.) Tj ET")
    ops.append("BT /F1 8 Tf 60 128 Td (2 The second note names the survey of readers.) Tj ET")
    blocks = _read(_pdf(tmp_path / "after.pdf", ops))
    kinds = [(type(b).__name__, block_text(b).split()[0]) for b in blocks]
    at = kinds.index(("Note", "1"))
    assert block_text(blocks[at - 1]).endswith("left29 public bodies publish documents.")
    assert kinds[at + 1:at + 3] == [("Note", "2"), ("Paragraph", "right0")]


def test_points_numbered_by_outline_at_the_foot_are_no_notes(tmp_path: Path) -> None:
    # An infographic's points at the page's foot, in a small face, numbered "5.1:", "5.2:"
    # (the fifth pillar's points), and a line opening with a decimal: no note's mark.
    ops = [f"BT /F1 10 Tf 60 {700 - 13 * k} Td (line{k} {WORDS}.) Tj ET" for k in range(20)]
    ops.append("BT /F1 8 Tf 60 150 Td (5.1: Build coalitions to counter threats) Tj ET")
    ops.append("BT /F1 8 Tf 60 140 Td (5.2: Strengthen international partner capacity) Tj ET")
    ops.append("BT /F1 8 Tf 60 100 Td (2.5 million readers asked for large print in 2023.) Tj ET")
    blocks = _read(_pdf(tmp_path / "outline.pdf", ops))
    assert not any(isinstance(b, Note) for b in blocks)
    words = " ".join(block_text(b) for b in blocks).split()
    assert words[words.index("5.1:"):][:3] == ["5.1:", "Build", "coalitions"]
