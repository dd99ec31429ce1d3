"""Real published PDFs from the shared corpus, when it is present beside the repository."""

from __future__ import annotations

import pytest

from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert

from .conftest import SHARED, report_checks

CORPUS = SHARED / "corpus"
FILES = [
    "untagged/word-process-history-multipage.pdf",
    "tagged/demolition-committee-minutes-fr.pdf",
]

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_corpus_file_converts_and_passes_checks(name: str, fmt: OutputFormat) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in this corpus")
    if fmt is OutputFormat.TAGGED_PDF and name.startswith("tagged/"):
        # Its fonts are not embedded: a tagged copy of the original cannot pass (flagged for
        # review; see tests/engine/tagged_pdf/test_corpus_tagged.py).
        pytest.skip("source fonts not embedded")
    result = convert(path, ConversionOptions(fmt), max_pages=100)
    assert result.report["passed"], result.report
    assert not result.needs_review


def test_scanned_file_needs_review() -> None:
    path = CORPUS / "scanned" / "scanned-book-page-huck-finn.pdf"
    if not path.is_file():
        pytest.skip("scan not in this corpus")
    result = convert(path, ConversionOptions(OutputFormat.HTML), max_pages=100)
    assert result.review_reasons == ("no-text",)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("hostile/empty-zero-bytes.pdf", "not-a-pdf"),
        ("hostile/jpeg-with-pdf-extension.pdf", "not-a-pdf"),
        ("hostile/enc-aes256-r6-user-and-owner-pw.pdf", "encrypted-pdf"),
        ("hostile/pages-tree-loop.pdf", "corrupt-pdf"),
        ("hostile/large-page-count-irs-manual-400p.pdf", "too-many-pages"),
    ],
)
def test_hostile_file_gets_its_error_code(name: str, code: str) -> None:
    from workers.engine.errors import ConversionError

    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in this corpus")
    with pytest.raises(ConversionError) as caught:
        convert(path, ConversionOptions(OutputFormat.HTML), max_pages=100)
    assert caught.value.code == code


def test_cjk_without_a_cjk_font_is_flagged_not_delivered_as_boxes() -> None:
    # The Japanese in this file needs a CJK font; if the machine has none, the glyphs check
    # must catch the .notdef boxes and send the output to review.
    path = CORPUS / "untagged" / "google-docs-fable-headings.pdf"
    if not path.is_file():
        pytest.skip("file not in this corpus")
    result = convert(path, ConversionOptions(OutputFormat.LARGE_PRINT), max_pages=100)
    glyphs = next(c for c in report_checks(result.report) if c["id"] == "glyphs")
    if glyphs["passed"]:  # this machine has a CJK font
        assert not result.needs_review
    else:
        assert result.review_reasons == ("checks-failed",)
