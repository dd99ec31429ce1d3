"""The large print DOCX: pandoc with a generated reference document, and the pandoc wrapper."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from workers.engine.checks import check_large_print_docx
from workers.engine.document import Document, Heading, Paragraph
from workers.engine.errors import RenderError
from workers.engine.external import pandoc
from workers.engine.render_large_print_docx import (
    document_ast,
    reference_docx,
    render_large_print_docx,
)

from .conftest import HEBREW, sample_document, wide_table


@pytest.fixture(scope="module")
def docx_24() -> bytes:
    return render_large_print_docx(sample_document(), point_size=24)


@pytest.mark.parametrize("size", [16, 24])
def test_reference_styles_set_the_sizes(size: int) -> None:
    word = docx.Document(io.BytesIO(reference_docx(size)))
    for name in ("Normal", "Body Text", "First Paragraph", "Compact", "Footnote Text"):
        style = word.styles[name]
        assert style.font.size.pt == size, name
        assert style.font.italic is False and style.font.name == "Arial"
    heading = word.styles["Heading 1"]
    assert heading.font.size.pt > size and heading.font.bold
    assert word.styles["Body Text"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    section = word.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_docx_opens_with_headings_lists_and_tables(docx_24: bytes) -> None:
    word = docx.Document(io.BytesIO(docx_24))
    styles = {p.text: p.style.name for p in word.paragraphs if p.text.strip()}
    # The title heading is Word's Title; the sections under it are Heading 1.
    assert styles["Garden waste collections"] == "Title"
    assert styles["When we collect"] == "Heading 1"
    assert word.core_properties.title == "Garden waste collections"
    assert len(word.tables) == 1
    assert word.tables[0].cell(1, 0).text == "April"
    assert "Every other Tuesday." in [p.text for p in word.paragraphs]
    report = check_large_print_docx(docx_24, point_size=24)
    assert report["passed"], report


def test_sections_after_a_first_h2_stay_its_siblings() -> None:
    # As in the HTML and the tagged PDF: closed up, the sections stay siblings.
    doc = Document(title="Synopsis", blocks=[
        Heading("Synopsis", 2), Paragraph("x"), Heading("Description", 2),
        Heading("Options", 3), Heading("See also", 2),
    ])
    ast = document_ast(doc, point_size=18)
    levels = [block["c"][0] for block in ast["blocks"] if block["t"] == "Header"]
    assert levels == [1, 2, 1]


def test_docx_footer_numbers_pages(docx_24: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_24)) as package:
        footers = [n for n in package.namelist() if n.startswith("word/footer")]
        assert footers
        xml = package.read(footers[0]).decode()
    assert 'w:instr=" PAGE "' in xml and 'w:instr=" NUMPAGES "' in xml


def test_wide_table_is_linearised_in_docx() -> None:
    doc = Document(title="Table", language="en", blocks=[wide_table(12)])
    word = docx.Document(io.BytesIO(render_large_print_docx(doc, point_size=18)))
    assert not word.tables
    assert "Heading 11: value-0-11" in [p.text for p in word.paragraphs]


def test_right_to_left_paragraph_is_bidi() -> None:
    doc = Document(title="Notice", language="he", blocks=[Paragraph(HEBREW)])
    content = render_large_print_docx(doc, point_size=20)
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        assert "<w:bidi" in package.read("word/document.xml").decode()


def test_ast_declares_pandocs_api_version() -> None:
    ast = document_ast(sample_document(), point_size=18)
    assert tuple(ast["pandoc-api-version"]) == pandoc.api_version()
    assert ast["blocks"][0]["t"] == "Para"  # the title heading moved into the metadata


def _fake_pandoc(tmp_path: Path, script: str) -> str:
    path = tmp_path / "pandoc"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_pandoc_failure_becomes_render_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    fake = _fake_pandoc(tmp_path, 'echo "pandoc: something broke" >&2\nexit 64\n')
    monkeypatch.setattr(pandoc, "pandoc_path", lambda: fake)
    with pytest.raises(RenderError) as caught:
        pandoc.convert("{}", from_format="json", to_format="docx", timeout=10)
    assert "exit status 64" in (caught.value.detail or "")
    assert "something broke" in (caught.value.detail or "")
    assert not caught.value.bad_input
    assert any("something broke" in r.getMessage() and r.name == "pandoc" for r in caplog.records)


def test_pandoc_timeout_becomes_render_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _fake_pandoc(tmp_path, "exec sleep 30\n")
    monkeypatch.setattr(pandoc, "pandoc_path", lambda: fake)
    with pytest.raises(RenderError) as caught:
        pandoc.run(["--version"], timeout=0.5)
    assert "timed out" in (caught.value.detail or "")
    assert caught.value.__cause__ is not None


def test_missing_pandoc_becomes_render_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pandoc, "pandoc_path", lambda: "/nonexistent/pandoc")
    with pytest.raises(RenderError) as caught:
        pandoc.run(["--version"], timeout=5)
    assert isinstance(caught.value.__cause__, OSError)


def test_real_pandoc_rejecting_input_becomes_render_error() -> None:
    with pytest.raises(RenderError) as caught:
        pandoc.convert("{not json", from_format="json", to_format="docx", timeout=30)
    assert "pandoc" in (caught.value.detail or "")


def test_a_passage_in_another_language_is_marked_in_word() -> None:
    # A block with its own language (read from tags or detected) keeps it in Word, so a
    # screen reader's voice (and Word's spelling) switches for it.
    doc = Document(title="Notice", language="en", blocks=[
        Paragraph("The council meets on Monday."),
        Paragraph("El consejo se reúne el lunes.", lang="es"),
    ])
    content = render_large_print_docx(doc, point_size=20)
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        xml = package.read("word/document.xml").decode()
    spanish = xml[xml.index("El consejo") - 600: xml.index("El consejo")]
    english = xml[xml.index("The council") - 600: xml.index("The council")]
    assert 'w:lang w:val="es"' in spanish
    assert 'w:val="es"' not in english
