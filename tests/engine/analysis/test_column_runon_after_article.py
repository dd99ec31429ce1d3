"""A paragraph broken off at a column's foot after an article, a word that leads on to
another ("… are on the"), goes on at the head of the next column though that opens with a
capital (a name: "BRCA1 and BRCA2 genes."): one paragraph, not two. One broken off after
another word, the next column opening with a capital, is two."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

_LEFT = [
    "Most people diagnosed with breast cancer do not",
    "have a family history of the disease. However, a",
    "small number of people have inherited a gene fault",
    "that increases their breast cancer risk.",
    "",
    "The two most common gene mutations that are",
    "linked to breast cancer are on the",
]
_RIGHT = [
    "BRCA1 and BRCA2 genes. Women in families with an",
    "inherited change are at an increased risk of breast",
    "and ovarian cancers.",
    "",
    "People with a strong family history of breast cancer",
    "can attend a family cancer clinic for tests.",
]


def _page(tmp_path: Path, last: str) -> Path:
    ops = []
    for column, x in ((_LEFT[:-1] + [last], 72), (_RIGHT, 320)):
        ops += [
            f"BT /F1 10 Tf {x} {700 - 13 * k} Td ({line}) Tj ET".encode()
            for k, line in enumerate(column) if line
        ]
    return text_page_pdf(tmp_path / "page.pdf", ops, size=(595, 842))


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Paragraph)]


def test_a_sentence_broken_after_an_article_goes_on_in_the_next_column(tmp_path: Path) -> None:
    texts = _paragraphs(_page(tmp_path, _LEFT[-1]))
    assert (
        "The two most common gene mutations that are linked to breast cancer are on the "
        "BRCA1 and BRCA2 genes. Women in families with an inherited change are at an increased "
        "risk of breast and ovarian cancers."
    ) in texts


def test_a_paragraph_ended_on_another_word_stays_apart(tmp_path: Path) -> None:
    texts = _paragraphs(_page(tmp_path, "linked to breast cancer are known"))
    assert "The two most common gene mutations that are linked to breast cancer are known" in texts
    assert any(t.startswith("BRCA1 and BRCA2 genes.") for t in texts)
