"""A block's language (the model's ``lang``) becomes its structure element's ``/Lang``."""

from __future__ import annotations

from workers.engine.document import (
    BBox,
    Cell,
    Document,
    ListBlock,
    ListItem,
    Paragraph,
    Prov,
    Row,
    Table,
)
from workers.engine.tagged_pdf.plan import plan_structure


def _prov() -> list[Prov]:
    return [Prov(0, BBox(72, 700, 300, 712), operators=((0, 1),))]


def test_each_element_says_the_language_its_block_says() -> None:
    document = Document(language="en-CA", blocks=[
        Paragraph("Hello.", _prov()),
        Paragraph("Guten Tag.", _prov(), lang="de-DE"),
        ListBlock([ListItem("", [Paragraph("God dag.", _prov())], lang="nn-NO")],
                  lang="fr-CA"),
        Table([Row([Cell("Hallo", prov=_prov(), lang="de-DE"), Cell("Hi", prov=_prov())])]),
    ])
    root = plan_structure(document)
    langs = [(node.role, node.text, node.lang) for node in root.walk() if node.lang]
    assert langs == [
        ("P", "Guten Tag.", "de-DE"), ("L", "", "fr-CA"), ("LI", "", "nn-NO"),
        ("TD", "Hallo", "de-DE"),
    ]
