"""Real published PDFs: the HTML passes axe-core and equals the Document's structure, the
DOCX/EPUB/text pass their checks; in Chromium the page reflows at 320 CSS px (with 200%
text and the WCAG text-spacing override) and keeps its contrast in the dark scheme.

Skips without ../shared (corpus, axe-check) or without Chromium.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workers.engine.analyse import analyse
from workers.engine.checks import check_html, model_outline, read_html
from workers.engine.checks_formats import check_docx, check_epub, check_text
from workers.engine.document import Block, Document, Heading, ListBlock, ListItem, Page, Paragraph
from workers.engine.render_html import build_html
from workers.engine.render_pandoc import render_pandoc

from ..conftest import SHARED
from .conftest import (
    ARABIC,
    HEBREW,
    HOSTILE,
    picture_document,
    picture_pdf,
    rich_document,
    run_axe,
)

CORPUS = SHARED / "corpus"
#: A sample: tables and lists (tagged), right-to-left, a layout-read report with figures,
#: numbered sections and many tables.
SAMPLE = [
    "tagged/census-arrests-by-sex-age-table.pdf",
    "tagged/word-arabic-article-rtl.pdf",
    "untagged/gao-cybersecurity-report-excerpt.pdf",
    "untagged/ship-rules-diesel-engines.pdf",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
#: Violations reported in full; ``resultTypes`` spares axe building selectors for every node
#: that passed (half of each run), which these tests never read.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
#: WCAG 1.4.12: the reader's own spacing must not break the page.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
    "word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not present")
    folder = tmp_path_factory.mktemp("corpus-html")
    out = {}
    for name in SAMPLE:
        source = CORPUS / name
        if not source.is_file():
            continue
        document = analyse(source, max_pages=200)
        page = build_html(document, source=source)
        assert check_html(page.content, document)["passed"], name
        facts = read_html(page.content)
        outline = model_outline(document)
        assert tuple(facts.main_headings) == outline.headings, name
        assert (facts.list_items, facts.tables) == (outline.list_items, outline.tables), name
        path = folder / (Path(name).stem + ".html")
        path.write_bytes(page.content)
        out[name] = path
    if not out:
        pytest.skip("no sample file in this corpus")
    return out


@needs_corpus
def test_corpus_sample_has_no_axe_violations(pages: dict[str, Path]) -> None:
    found = run_axe(*pages.values())
    assert found == {path.name: {} for path in pages.values()}


@needs_corpus
@pytest.mark.parametrize("name", SAMPLE[:3])
def test_corpus_sample_pandoc_formats_pass_their_checks(name: str) -> None:
    source = CORPUS / name
    if not source.is_file():
        pytest.skip(f"{name} not in this corpus")
    document = analyse(source, max_pages=200)
    for fmt, check in (("docx", check_docx), ("epub", check_epub), ("text", check_text)):
        report = check(render_pandoc(document, fmt, source=source).content, document)
        assert report["passed"], (fmt, report)


def _overflow(page: Any) -> int:
    width: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return width


@needs_corpus
def test_pages_reflow_at_320px_with_large_text_and_spacing(
    pages: dict[str, Path], browser: Any
) -> None:
    problems = {}
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for name, path in pages.items():
            page.goto(path.as_uri())
            for label, script in (
                ("320px", ""),
                ("text-200", "document.documentElement.style.fontSize = '200%'"),
                ("spacing", f"document.head.insertAdjacentHTML('beforeend', "
                 f"'<style>{TEXT_SPACING}</style>')"),
            ):
                if script:
                    page.evaluate(script)
                if (overflow := _overflow(page)) > 0:
                    problems[f"{name}@{label}"] = overflow
    finally:
        context.close()
    assert not problems


def test_deeply_nested_lists_reflow_at_320px_with_large_text(
    tmp_path: Path, browser: Any
) -> None:
    """Six levels of list, each indented, still leave the text room at 320 CSS px with 200%
    text (a regulation's items, sub-items, bullets …): no horizontal scrolling."""
    inner: list[Block] = [Paragraph("The maximum power permitted for one cylinder misfiring.")]
    for depth in range(6):
        inner = [ListBlock([ListItem(f"{depth + 1}.", [Paragraph(f"Level {depth}"), *inner])],
                           ordered=True)]
    document = Document(title="Nested", language="en-GB", pages=[Page(595, 842)],
                        blocks=[Heading("Nested", 1), *inner])
    path = tmp_path / "nested.html"
    path.write_bytes(build_html(document).content)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        assert _overflow(page) == 0
    finally:
        context.close()


@needs_corpus
def test_dark_scheme_keeps_contrast(pages: dict[str, Path], browser: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    violations = {}
    try:
        for name, path in pages.items():
            page.goto(path.as_uri())
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
                "rgb(18, 18, 18)"
            )
            result = Axe().run(page, options=AXE_OPTIONS)
            found = [v["id"] for v in result.response["violations"]]
            if found:
                violations[name] = found
    finally:
        context.close()
    assert not violations


def test_every_feature_and_bad_input_page_has_no_axe_violations(tmp_path: Path) -> None:
    # Every block kind (skipped heading level, nested list, footnote, spans, TOC), an image
    # with no alt text at all, markup in the text, and a right-to-left page.
    source = picture_pdf(tmp_path / "picture.pdf", "cmyk")
    hostile = rich_document()
    hostile.blocks += [Paragraph(HOSTILE), Paragraph(HEBREW)]
    arabic = Document(
        language="ar",
        blocks=[Heading(ARABIC, 1), Paragraph(ARABIC), Paragraph("Contact: Ms Smith")],
    )
    pages = {
        "rich.html": build_html(hostile),
        "no-alt.html": build_html(picture_document(), source=source),
        "rtl.html": build_html(arabic),
    }
    for name, page in pages.items():
        (tmp_path / name).write_bytes(page.content)
    assert pages["no-alt.html"].figures_without_alt == 1
    found = run_axe(*(tmp_path / name for name in pages))
    assert found == {name: {} for name in pages}
