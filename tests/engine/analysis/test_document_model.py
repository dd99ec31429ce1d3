"""The Document model round-trips through JSON, for hand-made and generated documents."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine.document import (
    SCHEMA_VERSION,
    Artifact,
    BBox,
    Cell,
    Document,
    Figure,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Page,
    Paragraph,
    Prov,
    Row,
    Table,
    Warning,
    block_text,
)

finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
text = st.text(max_size=20)
bboxes = st.builds(BBox, finite, finite, finite, finite)
provs = st.lists(
    st.builds(
        Prov,
        page=st.integers(0, 1000),
        bbox=bboxes,
        mcids=st.lists(st.integers(0, 10_000), max_size=3).map(tuple),
        operators=st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=3).map(
            tuple
        ),
    ),
    max_size=2,
)
LANGS = st.none() | st.sampled_from(["de-DE", "nn-NO"])
links = st.lists(st.builds(Link, text=text, target=text, prov=provs), max_size=2)
cells = st.builds(
    Cell,
    text=text,
    header=st.booleans(),
    scope=st.sampled_from([None, "row", "column", "both"]),
    row_span=st.integers(1, 4),
    col_span=st.integers(1, 4),
    prov=provs,
    lang=LANGS,
)
leaf_blocks = st.one_of(
    st.builds(Heading, text=text, level=st.integers(1, 6), prov=provs, links=links,
              lang=LANGS),
    st.builds(Paragraph, text=text, prov=provs, links=links, lang=LANGS),
    st.builds(
        Table,
        rows=st.lists(st.builds(Row, cells=st.lists(cells, max_size=3)), max_size=3),
        caption=st.none() | text,
        prov=provs,
    ),
    st.builds(Figure, image=st.none() | text, caption=st.none() | text, alt=st.none() | text,
              prov=provs),
    st.builds(Note, text=text, label=text, prov=provs, links=links),
)
blocks = st.recursive(
    leaf_blocks,
    lambda children: st.builds(
        ListBlock,
        items=st.lists(
            st.builds(ListItem, label=text, blocks=st.lists(children, max_size=3), prov=provs,
                      lang=LANGS),
            max_size=3,
        ),
        ordered=st.booleans(),
        prov=provs,
    ),
    max_leaves=8,
)
documents = st.builds(
    Document,
    title=st.none() | text,
    language=st.none() | st.sampled_from(["en", "fr-CA", "ar"]),
    pages=st.lists(st.builds(Page, finite, finite, st.sampled_from([0, 90]), st.booleans()),
                   max_size=3),
    blocks=st.lists(blocks, max_size=5),
    artifacts=st.lists(
        st.builds(Artifact, kind=st.sampled_from(["header", "footer", "page-number"]),
                  text=text, prov=provs),
        max_size=2,
    ),
    warnings=st.lists(st.builds(Warning, text, text, st.none() | st.integers(0, 9)), max_size=2),
    reader=st.sampled_from(["layout", "structure"]),
)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_any_document_round_trips_through_json(doc: Document) -> None:
    assert Document.from_json(doc.to_json()) == doc


def test_json_is_versioned_and_tags_block_types() -> None:
    doc = Document(
        title="T",
        pages=[Page(612, 792)],
        blocks=[
            Heading("Intro", 2, prov=[Prov(0, BBox(1, 2, 3, 4), mcids=(3,), operators=((5, 9),))]),
            ListBlock([ListItem("1.", [Paragraph("one")])], ordered=True),
        ],
    )
    data = json.loads(doc.to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    assert [b["type"] for b in data["blocks"]] == ["heading", "list"]
    assert data["blocks"][0]["prov"][0] == {
        "page": 0, "bbox": [1, 2, 3, 4], "mcids": [3], "operators": [[5, 9]],
        "actual_texts": [],
    }
    assert data["blocks"][1]["items"][0]["blocks"][0] == {
        "type": "paragraph", "text": "one", "prov": [], "links": [], "lang": None
    }
    assert [block_text(b) for b in Document.from_json(doc.to_json()).walk()] == [
        "Intro", "1. one", "1. one", "one"
    ]


def test_a_blocks_language_round_trips_and_is_optional_when_decoding() -> None:
    doc = Document(language="en-CA", blocks=[Paragraph("Guten Tag.", lang="de-DE"),
                                              Paragraph("Hello.")])
    data = json.loads(doc.to_json())
    assert [b["lang"] for b in data["blocks"]] == ["de-DE", None]
    assert Document.from_json(doc.to_json()) == doc
    del data["blocks"][0]["lang"]  # JSON written before blocks had a language
    assert Document.from_dict(data).blocks[0].lang is None  # type: ignore[union-attr]


def test_other_schema_versions_are_refused() -> None:
    data = Document().to_dict()
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match="schema version"):
        Document.from_dict(data)
