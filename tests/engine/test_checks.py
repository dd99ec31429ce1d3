"""The checks judge outputs independently: they must fail what is wrong, not only pass ours."""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pikepdf
import pytest

from workers.engine.checks import check_html, check_pdf
from workers.engine.render_large_print import html_to_pdf

from .conftest import report_checks


def failed(report: dict[str, object]) -> set[str]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return {str(check["id"]) for check in checks if not check["passed"]}


def untagged_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_untagged_pdf_fails_the_catalog_checks() -> None:
    report = check_pdf(untagged_pdf())
    assert report["passed"] is False
    assert {"marked", "struct-tree", "lang", "title", "display-doc-title"} <= failed(report)
    json.dumps(report)


def test_min_font_size_fails_without_text() -> None:
    assert "min-font-size" in failed(check_pdf(untagged_pdf(), min_font_size=16))


def test_html_checks_pass_a_good_page() -> None:
    page = (
        b'<!DOCTYPE html><html lang="en"><head><title>T</title></head>'
        b"<body><main></main></body></html>"
    )
    report = check_html(page)
    assert report == {
        "checks": [
            {"id": "lang", "passed": True, "detail": "en"},
            {"id": "title", "passed": True, "detail": "T"},
            {"id": "one-main", "passed": True, "detail": "1 main landmark(s)"},
            {"id": "no-script", "passed": True, "detail": "0 <script> element(s)"},
        ],
        "passed": True,
        "notes": [],
    }


def test_html_checks_fail_a_bad_page() -> None:
    page = (
        b"<html><head><title> </title><script></script></head>"
        b"<main></main><div role=main></div></html>"
    )
    assert failed(check_html(page)) == {"lang", "title", "one-main", "no-script"}


def tagged_pdf(title: str, text: str) -> bytes:
    """A PDF/UA-1 file as WeasyPrint writes it: what the checks should pass."""
    return html_to_pdf(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><p>{text}</p></body></html>"
    )


def code_point_no_font_draws() -> str:
    """A private-use character that no installed font has a glyph for.

    Some fonts do fill private-use code points (LibreOffice's OpenSymbol has U+E000 on), so the
    test asks fontconfig which one is drawn by none rather than trusting a fixed one."""
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed")
    for code in [*range(0xE020, 0xF8FF, 0x1F1), *range(0xF0020, 0xFFFFD, 0x2F01)]:
        out = subprocess.run(
            ["fc-list", f":charset={code:x}", "file"], capture_output=True, text=True, check=False
        )
        if out.returncode == 0 and not out.stdout.strip():
            return chr(code)
    pytest.skip("every private-use code point tried has a glyph in some installed font")


def test_characters_without_a_glyph_fail_the_glyphs_check() -> None:
    # WeasyPrint draws .notdef for a character no font has (the reader drops such code points;
    # here the renderer is fed one directly).
    missing = code_point_no_font_draws()
    report = check_pdf(tagged_pdf("Glyphs", f"Boxes: {missing} here"))
    assert failed(report) == {"glyphs"}
    detail = next(c["detail"] for c in report_checks(report) if c["id"] == "glyphs")
    assert missing in str(detail)


def test_our_tagged_pdf_passes_every_check() -> None:
    report = check_pdf(tagged_pdf("Fine", "Plain text"))
    assert failed(report) == set()


def test_inline_elements_do_not_split_words_but_blocks_do() -> None:
    # A footnote reference glued to a word reads as one word, as in a browser.
    from workers.engine.checks import read_html
    from workers.engine.checks_large_print import words

    page = (
        b'<html lang="en"><body><main><p>norm k<sup><a href="#n2">2</a></sup> of'
        b" <em>f</em>s</p><p>end</p><p>next</p></main></body></html>"
    )
    assert words(read_html(page).main_text()) == ["norm", "k2", "of", "fs", "end", "next"]


def test_a_listing_s_lines_are_read_apart() -> None:
    # A listing's lines are spans the page's style sets as blocks (``pre .line``): the
    # last word of one line and the first of the next are two words, as a browser shows
    # them; another span runs on.
    from workers.engine.checks import read_html
    from workers.engine.checks_large_print import words

    page = (
        b'<html lang="en"><body><main><pre><code><span class="line">package main</span>'
        b'<span class="line">import <span class="kw">o</span>s</span></code></pre>'
        b"</main></body></html>"
    )
    assert words(read_html(page).main_text()) == ["package", "main", "import", "os"]
