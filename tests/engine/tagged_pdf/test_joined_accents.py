"""A name set the TeX way ("Laszl", a spacing "´" placed over the "o", then "o") is read
"Laszló" (:mod:`workers.engine.layout.accents`). Tagging wraps the operators as drawn, so the
element's marked content reads "Laszl´o": the layout reader marks its provenance
(``joined_accents``), the tagger gives the element the model's text as its /ActualText, and
the fidelity check counts the spacing accent as the combining mark it draws."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Paragraph
from workers.engine.structure.reader import read_structure

from ..analysis.test_accents_drawn_apart import _over, _pdf, _width
from .conftest import tag_and_check
from .test_interleaved_operators import _actual_texts

NAME = "Laszl\u00f3 wrote it"
OTHER = "An ordinary paragraph below"


def _source(tmp_path: Path) -> Path:
    x = 72.0 + _width("Laszl")
    return _pdf(tmp_path / "in.pdf", [
        (72.0, 700.0, "Laszl"), (_over(x, "o"), 700.0, "\u00b4"), (x, 700.0, "o"),
        (x + _width("o "), 700.0, "wrote it"), (72.0, 660.0, OTHER),
    ])


def test_a_name_with_an_accent_drawn_apart_reads_back_as_the_model_says(
    tmp_path: Path,
) -> None:
    result = tag_and_check(_source(tmp_path), tmp_path / "out.pdf")
    paragraphs = [b for b in result.document.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == [NAME, OTHER]
    assert [[prov.joined_accents for prov in p.prov] for p in paragraphs] == [[True], [False]]
    assert _actual_texts(result.tagged.content) == [NAME, None]
    # Pixels, fidelity, every operator tagged: all pass (bar, where it is not embedded,
    # Helvetica's embedding, which only the source can fix).
    assert set(result.failed()) <= {"fonts-embedded"}
    assert [b.text for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Paragraph)] == [NAME, OTHER]


def test_joined_accents_is_written_to_json_only_when_true(tmp_path: Path) -> None:
    document = tag_and_check(_source(tmp_path), tmp_path / "out.pdf").document
    text = document.to_json()
    assert text.count('"joined_accents": true') == 1 and '"joined_accents": false' not in text
    assert Document.from_json(text) == document
