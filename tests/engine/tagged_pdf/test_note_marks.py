"""A note's raised mark set against its first word ("1The", as TeX sets it) is read as a word
of its own ("1 The", :mod:`workers.engine.layout.footnotes`). Tagging wraps the operators as
drawn, so the note's marked content reads "1The": the layout reader marks its provenance
(``spaced_apart``) and the tagger gives the Note the model's text as its /ActualText, so a
screen reader (and the structure reader) hears the mark and the word apart."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Note
from workers.engine.structure.reader import read_structure

from ..analysis.test_footnotes import _columns, _pdf
from .conftest import tag_and_check
from .test_interleaved_operators import _actual_texts

GLUED = "1 The first note says where the data came from."
SPACED = "2 The second note names the survey of readers."


def _source(tmp_path: Path) -> Path:
    # Two notes under a rule at the foot of the left column: the first's mark set against its
    # first word, the second's a word's space apart.
    ops = _columns(("1", "2"))
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 5 Tf 60 141 Td (1) Tj /F1 8 Tf -3 Ts (The first note says where"
               " the data came from.) Tj ET")
    ops.append("BT /F1 5 Tf 60 131 Td (2 ) Tj /F1 8 Tf -3 Ts (The second note names the"
               " survey of readers.) Tj ET")
    return _pdf(tmp_path / "in.pdf", ops)


def test_a_notes_mark_drawn_against_its_first_word_reads_back_apart(tmp_path: Path) -> None:
    result = tag_and_check(_source(tmp_path), tmp_path / "out.pdf")
    notes = [b for b in result.document.blocks if isinstance(b, Note)]
    assert [n.text for n in notes] == [GLUED, SPACED]
    assert [[prov.spaced_apart for prov in n.prov] for n in notes] == [[True], [False]]
    assert _actual_texts(result.tagged.content, "/Note") == [GLUED, None]
    assert set(result.failed()) <= {"fonts-embedded"}
    read = [b.text for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Note)]
    assert read == [GLUED, SPACED]


def test_spaced_apart_is_written_to_json_only_when_true(tmp_path: Path) -> None:
    document = tag_and_check(_source(tmp_path), tmp_path / "out.pdf").document
    text = document.to_json()
    assert text.count('"spaced_apart": true') == 1 and '"spaced_apart": false' not in text
    assert Document.from_json(text) == document


def test_a_note_with_its_mark_against_its_first_word_and_a_word_broken_at_a_hyphen(
    tmp_path: Path,
) -> None:
    # The note's mark set against its first word, and a word of it broken over its two lines
    # at a hyphen the model joins the word at: its drawing reads "1The … docu-" "ments …",
    # which the /ActualText still says with the drawing's characters (a line-end hyphen is
    # none), so the note gets the model's text there as well.
    ops = _columns(("1", ""))
    ops.append("60 150 100 0.5 re f")
    ops.append("BT /F1 5 Tf 60 141 Td (1) Tj /F1 8 Tf -3 Ts"
               " (The first note says which docu-) Tj ET")
    ops.append("BT /F1 8 Tf 60 131 Td (ments the survey of readers came from.) Tj ET")
    result = tag_and_check(_pdf(tmp_path / "in.pdf", ops), tmp_path / "out.pdf")
    said = "1 The first note says which documents the survey of readers came from."
    notes = [b for b in result.document.blocks if isinstance(b, Note)]
    assert [n.text for n in notes] == [said]
    assert _actual_texts(result.tagged.content, "/Note") == [said]
    assert set(result.failed()) <= {"fonts-embedded"}
    read = [b.text for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Note)]
    assert read == [said]
