"""Large print through the pipeline (analyse → render → check), on generated PDFs and, when
../shared is present, on corpus samples judged by pdfua-check."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from workers.engine.analyse import analyse
from workers.engine.checks_large_print import document_words, read_back, word_recall
from workers.engine.formats import FORMAT_INFO, ConversionOptions, OutputFormat
from workers.engine.pipeline import convert
from workers.engine.render_large_print import build_large_print_html, render_large_print

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


def test_an_image_only_page_says_no_text_was_read(tmp_path: Path) -> None:
    # A scanned page between two pages of text: under its "Original page" marker the large
    # print says, in the HTML's words, that no text could be read from it (so a reader knows
    # it was not left out by mistake); the pages with text say nothing of the kind.
    text = write_pdf(tmp_path / "text.pdf", [["First page text."], ["Last page text."]])
    pdf = pikepdf.open(text)
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    image = pikepdf.Stream(pdf, b"\x80" * 100, Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Image, Width=10, Height=10,
                           ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q")
    pdf.pages.insert(1, pdf.pages[-1])
    del pdf.pages[-1]
    source = tmp_path / "scan.pdf"
    pdf.save(source)
    document = analyse(source, max_pages=5)
    assert [p.needs_ocr for p in document.pages] == [False, True, False]
    html = " ".join(build_large_print_html(document, point_size=18, source=source).html.split())
    assert re.search(
        r'<p class="page-marker">Original page 2</p> '
        r"<p>No text could be read from this page automatically\.</p> "
        r'<p class="page-marker">Original page 3</p>', html
    ), html
    assert html.count("No text could be read") == 1
