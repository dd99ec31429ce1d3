"""A listing whose text the layout reader spells from its glyphs' places (each character in a
cell of a fixed pitch, set in a proportional face) reads back from the tagged PDF as the model
says it: its ``Code`` element gets an /ActualText where pdfium, reading the drawing, would part
or join its words otherwise ("i f" for "if")."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.structure.reader import read_structure

from ..analysis.test_code_listings import _BRACED, code_in_cells_pdf
from .conftest import tag_and_check
from .test_interleaved_operators import _actual_texts


def test_a_listing_spelled_from_its_cells_reads_back_as_the_model_says(tmp_path: Path) -> None:
    result = tag_and_check(code_in_cells_pdf(tmp_path / "in.pdf"), tmp_path / "out.pdf")
    (code,) = [b for b in result.document.blocks
               if isinstance(b, Paragraph) and b.preformatted]
    assert code.text == "\n".join(_BRACED)
    # Its lines and their indents, as the model has them: a listing read back keeps them.
    assert _actual_texts(result.tagged.content, "/Code") == [code.text]
    read = [b for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Paragraph) and b.preformatted]
    assert [b.text for b in read] == [code.text]
    assert set(result.failed()) <= {"fonts-embedded"}
