"""Large print through the pipeline (analyse → render → check), on generated PDFs and, when
../shared is present, on corpus samples judged by pdfua-check."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.analyse import analyse
from workers.engine.checks_large_print import document_words, read_back, word_recall
from workers.engine.formats import FORMAT_INFO, ConversionOptions, OutputFormat
from workers.engine.pipeline import convert
from workers.engine.render_large_print import render_large_print

from ..conftest import SHARED, report_checks, write_pdf
from .conftest import WORDS, pdfua_check

CORPUS = SHARED / "corpus"
SAMPLES = ["tagged/word-table-sample.pdf", "untagged/google-docs-fable-headings.pdf"]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(
        tmp_path_factory.mktemp("large-print-pipeline") / "source.pdf",
        [["Garden waste", WORDS * 8], [WORDS * 3]],
        title="Garden waste collections",
    )


def test_docx_format_through_the_pipeline(source: Path) -> None:
    options = ConversionOptions(OutputFormat.LARGE_PRINT_DOCX, 24)
    result = convert(source, options, max_pages=10)
    assert result.content.startswith(b"PK")
    assert (result.media_type, result.extension) == (
        FORMAT_INFO[OutputFormat.LARGE_PRINT_DOCX].media_type,
        "docx",
    )
    assert result.report["passed"], result.report
    assert not result.needs_review


def test_docx_format_takes_the_print_size() -> None:
    assert ConversionOptions(OutputFormat.LARGE_PRINT_DOCX).print_size == 18
    with pytest.raises(ValueError):
        ConversionOptions(OutputFormat.LARGE_PRINT_DOCX, 12)
    assert ConversionOptions(OutputFormat.LARGE_PRINT_DOCX, 20).cache_key_part() != (
        ConversionOptions(OutputFormat.LARGE_PRINT, 20).cache_key_part()
    )


def test_pdf_report_has_the_clear_print_checks(source: Path) -> None:
    result = convert(source, ConversionOptions(OutputFormat.LARGE_PRINT, 20), max_pages=10)
    checks = {c["id"]: c for c in report_checks(result.report)}
    for check_id in ("min-font-size", "no-italic", "no-justified", "marked", "lang"):
        assert checks[check_id]["passed"], checks[check_id]
    assert result.report["passed"] and not result.needs_review


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_samples_pass_every_target(tmp_path: Path) -> None:
    outputs = []
    for name in SAMPLES:
        path = CORPUS / name
        if not path.is_file():
            continue
        doc = analyse(path, max_pages=50)
        content = render_large_print(doc, point_size=18, source=path)
        facts = read_back(content)
        assert facts.too_small(18) == 0, name
        assert not facts.italic_fonts and facts.justified_lines == 0, name
        recall = word_recall(document_words(doc), facts.words)
        assert recall.value >= 0.999, (name, recall.missing)
        out = tmp_path / Path(name).name
        out.write_bytes(content)
        outputs.append(out)
    if not outputs:
        pytest.skip("samples not in this corpus")
    for result in pdfua_check(*outputs):
        assert result["compliant"], result
