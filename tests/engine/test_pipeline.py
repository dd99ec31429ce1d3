"""convert(): each format converts and passes its own checks; failures are classified."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import weasyprint

from workers.engine.errors import RenderError
from workers.engine.formats import FORMAT_INFO, ConversionOptions, OutputFormat
from workers.engine.pipeline import ConversionResult, convert

from .conftest import blank_pdf, report_checks, report_notes, write_pdf

OPTIONS = [
    ConversionOptions(OutputFormat.HTML),
    ConversionOptions(OutputFormat.TAGGED_PDF),
    ConversionOptions(OutputFormat.LARGE_PRINT, 18),
]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(
        tmp_path_factory.mktemp("pipeline") / "source.pdf",
        [["Consultation on bus routes", "We want to hear your views."], ["Reply by 1 June."]],
        title="Bus routes",
    )


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: o.cache_key_part())
def test_each_format_converts_and_passes_its_checks(
    source: Path, options: ConversionOptions
) -> None:
    result = convert(source, options, max_pages=10)

    info = FORMAT_INFO[options.format]
    assert (result.media_type, result.extension) == (info.media_type, info.extension)
    assert result.report["passed"], result.report
    assert result.review_reasons == ()
    assert not result.needs_review
    checks = report_checks(result.report)
    assert checks and all(check["passed"] for check in checks)
    json.dumps(result.report)  # stored as JSON on the request row
    if options.format is OutputFormat.HTML:
        assert result.content.startswith(b"<!DOCTYPE html>")
    else:
        assert result.content.startswith(b"%PDF-")


def test_tagged_pdf_keeps_the_source_pages(source: Path) -> None:
    result = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=10)
    pixels = next(c for c in report_checks(result.report) if c["id"] == "pixels")
    assert pixels == {
        "id": "pixels", "passed": True, "detail": "all 2 page(s) render identically to the source"
    }


def test_result_is_immutable(source: Path) -> None:
    result = convert(source, OPTIONS[0], max_pages=10)
    assert isinstance(result, ConversionResult)
    with pytest.raises(AttributeError):
        result.content = b""  # type: ignore[misc]


@pytest.mark.parametrize("fmt", [OutputFormat.HTML, OutputFormat.LARGE_PRINT])
def test_document_without_text_needs_review(tmp_path: Path, fmt: OutputFormat) -> None:
    result = convert(
        blank_pdf(tmp_path / "scan.pdf", pages=2), ConversionOptions(fmt), max_pages=10
    )
    assert result.needs_review
    assert "no-text" in result.review_reasons
    assert any("OCR" in note for note in report_notes(result.report))


def test_document_without_text_gets_no_invented_text(tmp_path: Path) -> None:
    path = blank_pdf(tmp_path / "scan.pdf", pages=2)
    html = convert(path, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()
    assert html.count("No text could be read from this document automatically.") == 1
    assert "<h1" in html and "Untitled document" in html


def test_a_blank_page_is_not_reviewed(tmp_path: Path) -> None:
    # A page with nothing on it (no text, no image) needs no OCR: nothing is missing.
    source = write_pdf(tmp_path / "mixed.pdf", [["Text here"], [], ["More text"]])
    result = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10)
    assert not result.needs_review
    html = result.content.decode()
    # Its marker is there all the same (every page of the original can be found), with
    # nothing under it: no note that text could not be read.
    assert re.search(r'id="page-2">Page 2</p>\n<p class="page-marker" id="page-3">', html)
    assert "No text could be read" not in html


def test_renderer_failure_becomes_render_error(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> bytes:
        raise ValueError("simulated WeasyPrint bug")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", explode)
    with pytest.raises(RenderError) as caught:
        convert(source, ConversionOptions(OutputFormat.LARGE_PRINT), max_pages=10)
    assert caught.value.code == "render-failed"
    assert not caught.value.bad_input
    assert isinstance(caught.value.__cause__, ValueError)
    assert "simulated WeasyPrint bug" in (caught.value.detail or "")


def test_unexpected_error_in_html_renderer_becomes_render_error(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workers.engine.pipeline as pipeline

    def explode(*args: object, **kwargs: object) -> str:
        raise KeyError("bug")

    monkeypatch.setattr(pipeline, "build_html", explode)
    with pytest.raises(RenderError) as caught:
        convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10)
    assert isinstance(caught.value.__cause__, KeyError)


def test_celery_soft_time_limit_is_not_wrapped(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same name as billiard's exception: the engine recognises it without importing Celery.
    class SoftTimeLimitExceeded(Exception):
        pass

    def slow(*args: object, **kwargs: object) -> bytes:
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", slow)
    with pytest.raises(SoftTimeLimitExceeded):
        convert(source, ConversionOptions(OutputFormat.LARGE_PRINT), max_pages=10)
