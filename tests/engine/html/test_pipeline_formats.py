"""convert() and the command line for html, docx, epub and text: each from the Document, each
passing its own checks; a picture without alt text sends the output to review."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import weasyprint
from PIL import Image

from workers.engine.formats import FORMAT_INFO, ConversionOptions, OutputFormat
from workers.engine.pipeline import MISSING_ALT_TEXT, convert

from ..conftest import report_checks, write_pdf

FORMATS = [OutputFormat.HTML, OutputFormat.DOCX, OutputFormat.EPUB, OutputFormat.TEXT]
MAGIC = {
    OutputFormat.HTML: b"<!DOCTYPE html>",
    OutputFormat.DOCX: b"PK",
    OutputFormat.EPUB: b"PK",
    OutputFormat.TEXT: b"Bus routes",
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(
        tmp_path_factory.mktemp("formats") / "source.pdf",
        [["Consultation on bus routes", "We want to hear your views."], ["Reply by 1 June."]],
        title="Bus routes",
    )


@pytest.mark.parametrize("fmt", FORMATS, ids=str)
def test_each_format_converts_and_passes_its_checks(source: Path, fmt: OutputFormat) -> None:
    result = convert(source, ConversionOptions(fmt), max_pages=10)
    info = FORMAT_INFO[fmt]
    assert (result.media_type, result.extension) == (info.media_type, info.extension)
    assert result.content.startswith(MAGIC[fmt])
    assert result.report["passed"], result.report
    assert result.review_reasons == ()
    ids = {str(check["id"]) for check in report_checks(result.report)}
    assert "words" in ids or fmt is OutputFormat.DOCX
    json.dumps(result.report)


def test_renderer_revision_keeps_old_cached_outputs_out() -> None:
    for fmt in FORMATS:
        assert "renderer=document-" in ConversionOptions(fmt).cache_key_part()


def _picture_page(path: Path, *, tagged_alt: str | None) -> Path:
    # A real picture (a PNG with two colours) beside some text, laid out by WeasyPrint;
    # as PDF/UA the <img alt> becomes the figure's /Alt, untagged it is lost.
    image = Image.new("RGB", (80, 60), (200, 30, 30))
    image.paste((20, 20, 160), (0, 0, 40, 60))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    data = base64.b64encode(buffer.getvalue()).decode()
    alt = f' alt="{tagged_alt}"' if tagged_alt else ""
    html = (
        '<html lang="en"><head><title>Bins</title></head><body><h1>Bins</h1>'
        "<p>Put the bin out by seven in the morning.</p>"
        f'<img src="data:image/png;base64,{data}"{alt} style="width: 6cm; height: 4.5cm">'
        "</body></html>"
    )
    options = {"pdf_variant": "pdf/ua-1"} if tagged_alt else {}
    weasyprint.HTML(string=html).write_pdf(path, **options)
    return path


@pytest.mark.parametrize("fmt", FORMATS, ids=str)
def test_picture_without_alt_text_needs_review(tmp_path: Path, fmt: OutputFormat) -> None:
    source = _picture_page(tmp_path / "untagged.pdf", tagged_alt=None)
    result = convert(source, ConversionOptions(fmt), max_pages=10)
    assert result.review_reasons == (MISSING_ALT_TEXT,)
    assert result.report["passed"], result.report  # the output itself is fine


def test_picture_with_alt_text_in_the_source_keeps_it(tmp_path: Path) -> None:
    source = _picture_page(tmp_path / "tagged.pdf", tagged_alt="A red and blue bin")
    result = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10)
    assert result.review_reasons == ()
    assert b'alt="A red and blue bin"' in result.content


@pytest.mark.parametrize("fmt", ["html", "docx", "epub", "text"])
def test_command_line_converts(source: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    done = subprocess.run(
        [sys.executable, "-m", "service.cli", "convert", str(source), "--to", fmt, "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "checks passed" in done.stdout
    assert out.read_bytes().startswith(MAGIC[OutputFormat(fmt)])
