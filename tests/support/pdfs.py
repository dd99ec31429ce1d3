"""PDFs the tests make themselves, so the suite needs nothing from outside the repo."""

from __future__ import annotations

import html
from pathlib import Path

import weasyprint

WORDS = [
    "council",
    "housing",
    "report",
    "decision",
    "budget",
    "transport",
    "library",
    "school",
    "planning",
    "consultation",
    "residents",
    "park",
    "services",
    "election",
    "licence",
    "waste",
    "recycling",
    "parking",
    "road",
    "safety",
    "health",
]


def page_paragraphs(page: int, paragraphs: int = 3) -> list[str]:
    """Deterministic, distinct text for each page, so order can be checked."""
    out = []
    for n in range(paragraphs):
        words = [WORDS[(page * 7 + n * 3 + i) % len(WORDS)] for i in range(40)]
        out.append(f"Page {page} paragraph {n}: " + " ".join(words) + ".")
    return out


def text_pdf_bytes(pages: int, title: str = "Test document") -> bytes:
    sections = []
    for page in range(1, pages + 1):
        body = "".join(f"<p>{html.escape(p)}</p>" for p in page_paragraphs(page))
        sections.append(
            f'<section style="break-after: page"><h2>Section {page}</h2>{body}</section>'
        )
    document = (
        f"<!doctype html><html lang='en'><head><title>{html.escape(title)}</title></head>"
        f"<body><h1>{html.escape(title)}</h1>{''.join(sections)}</body></html>"
    )
    pdf = weasyprint.HTML(string=document).write_pdf()
    assert pdf is not None
    return pdf


def write_text_pdf(path: Path, pages: int, title: str = "Test document") -> Path:
    path.write_bytes(text_pdf_bytes(pages, title))
    return path
