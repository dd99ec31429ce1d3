"""Source PDFs for the engine tests, made by the tests themselves (WeasyPrint and pikepdf)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import weasyprint

#: The shared folder sits beside the repository: <root>/../shared.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"

MakePdf = Callable[..., Path]


def report_checks(report: dict[str, object]) -> list[dict[str, object]]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return checks


def report_notes(report: dict[str, object]) -> list[str]:
    notes = report["notes"]
    assert isinstance(notes, list)
    return [str(note) for note in notes]


def html_pages(
    pages: list[list[str]], *, title: str | None = "Test document", lang: str = "en-GB"
) -> str:
    """An HTML document with one printed page per item of ``pages``, one <p> per paragraph."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    body = "".join(
        '<div style="break-after: page; min-height: 1em">'
        + "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in page)
        + "</div>"
        for page in pages
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}'
        "<style>@page { size: A4; margin: 2cm } body { font: 11pt/1.3 'DejaVu Sans' }"
        " p { margin: 0 0 1em }</style>"
        f"</head><body>{body}</body></html>"
    )


def write_pdf(path: Path, pages: list[list[str]], **kwargs: Any) -> Path:
    weasyprint.HTML(string=html_pages(pages, **kwargs)).write_pdf(path)
    return path


def blank_pdf(path: Path, pages: int = 1, **save_kwargs: object) -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(path, **save_kwargs)  # type: ignore[arg-type]
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """make_pdf([["para 1", "para 2"], ["page 2 para"]], title=..., lang=...) -> path."""
    counter = iter(range(1_000_000))

    def make(pages: list[list[str]], **kwargs: Any) -> Path:
        return write_pdf(tmp_path / f"source-{next(counter)}.pdf", pages, **kwargs)

    return make
