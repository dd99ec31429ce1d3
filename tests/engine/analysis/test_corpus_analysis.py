"""Real PDFs from the shared corpus (skipped when it is absent): never a crash, always a model."""

from __future__ import annotations

import pytest

from workers.engine.analyse import analyse
from workers.engine.document import Document, Heading
from workers.engine.errors import ConversionError

from ..conftest import SHARED

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")

READABLE = [
    "tagged/word-structure-sample-fr.pdf",
    "tagged/latex-tagged-two-column.pdf",
    "tagged/home-loan-rates-encrypted.pdf",
    "untagged/word-process-history-multipage.pdf",
    "scanned/scanned-book-page-huck-finn.pdf",
    "hostile/type3-content-stream-cycle.pdf",
    "hostile/enc-aes256-r6-owner-pw-only.pdf",
    "hostile/outlines-with-loop.pdf",
    "hostile/pages-tree-deeply-nested.pdf",
    "hostile/truncated-in-trailer.pdf",
    "hostile/malformed-scanner-output.pdf",
    "hostile/bomb-giant-jbig2-image.pdf",
    "hostile/qpdf-ossfuzz-69969.pdf",
    "scanned/scanned-brochure-4-rotations.pdf",
]
REFUSED = [
    "hostile/enc-aes128-r4-user-pw.pdf",
    "hostile/empty-zero-bytes.pdf",
    "hostile/jpeg-with-pdf-extension.pdf",
    "hostile/pages-tree-loop.pdf",
]


@pytest.mark.parametrize("name", READABLE)
def test_corpus_file_analyses_and_round_trips(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in this corpus")
    try:
        doc = analyse(path, max_pages=60)
    except ConversionError as e:
        assert e.bad_input, e
        return
    assert Document.from_json(doc.to_json()) == doc
    if name.startswith("scanned/scanned-book-page"):
        assert all(page.needs_ocr for page in doc.pages)


@pytest.mark.parametrize("name", REFUSED)
def test_unusable_corpus_file_is_a_clear_error(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in this corpus")
    with pytest.raises(ConversionError):
        analyse(path, max_pages=60)


def test_tagged_word_export_headings() -> None:
    path = CORPUS / "tagged" / "word-structure-sample-fr.pdf"
    if not path.is_file():
        pytest.skip("not in this corpus")
    doc = analyse(path, max_pages=10)
    assert doc.reader == "structure"
    assert any(isinstance(b, Heading) for b in doc.blocks)
