"""List labels tagged ``Lbl`` apart from ``LBody``, captions tagged ``Caption`` inside their
``Figure``: read back from the output's structure tree, with the page unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.document import (
    BBox,
    Cell,
    Document,
    Figure,
    ListBlock,
    Paragraph,
    Prov,
    Row,
    Table,
)
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment
from workers.engine.layout.list_labels import label_provs
from workers.engine.layout.operators import OperatorMap
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.marked_content import yield_labels
from workers.engine.tagged_pdf.mcid_text import page_text_by_mcid
from workers.engine.tagged_pdf.plan import Node, merge_unseparated_labels, plan_structure

from ..content_pdfs import text_page_pdf
from .conftest import HtmlPdf, pdfua_check, png_data_uri, tag_and_check

ITEMS = ["Apples from the market", "Pears from the orchard", "Plums from the garden"]


@dataclass
class Element:
    role: str
    text: str  # what its own marked content draws (not its children's)
    children: list[Element] = field(default_factory=list)

    def find(self, role: str) -> list[Element]:
        found = [self] if self.role == role else []
        for child in self.children:
            found.extend(child.find(role))
        return found


def read_tree(path: Path) -> Element:
    """The output's structure tree, each element with the text its own MCIDs draw."""
    document = pdfium.PdfDocument(str(path))
    try:
        with pikepdf.open(path) as pdf:
            pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
            texts = {index: page_text_by_mcid(document, index) for index in pages.values()}

            def element(node: pikepdf.Dictionary) -> Element:
                page_ref = node.get("/Pg")
                page = pages.get(page_ref.objgen, -1) if page_ref is not None else -1
                kids = node.get("/K")
                items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
                out = Element(str(node.get("/S", "/"))[1:], "")
                for kid in items:
                    if isinstance(kid, int):
                        out.text += "".join(texts.get(page, {}).get(kid, []))
                    elif isinstance(kid, pikepdf.Dictionary) and kid.get("/S") is not None:
                        out.children.append(element(kid))
                return out

            return element(pdf.Root.StructTreeRoot.K[0])
    finally:
        document.close()


def one_operator_per_item(path: Path) -> Path:
    """A numbered list whose every line ("1. Apples …") is one ``Tj``: label and text can only
    be told apart by cutting the operator between their glyphs."""
    lines = [b"BT /F1 11 Tf 72 760 Td (What we bought at the market this week) Tj ET"]
    for number, item in enumerate(ITEMS, start=1):
        y = 730 - 18 * number
        lines.append(f"BT /F1 11 Tf 72 {y} Td ({number}. {item}) Tj ET".encode())
    return text_page_pdf(path, lines)


def test_numbered_items_drawn_in_one_operator_get_lbl_and_lbody(tmp_path: Path) -> None:
    result = tag_and_check(one_operator_per_item(tmp_path / "list.pdf"))

    assert result.failed() == [], result.report
    items = read_tree(result.output).find("LI")
    assert len(items) == len(ITEMS)
    for number, (item, text) in enumerate(zip(items, ITEMS, strict=True), start=1):
        assert [child.role for child in item.children] == ["Lbl", "LBody"]
        label, body = item.children
        assert label.text.strip() == f"{number}."
        assert [p.text.strip() for p in body.find("P")] == [text]
    assert result.tagged.labels == result.tagged.list_items == len(ITEMS)


def test_bullets_get_lbl_and_read_back_as_labels(html_pdf: HtmlPdf) -> None:
    body = "<h1>Shopping</h1><ul>" + "".join(f"<li>{item}</li>" for item in ITEMS) + "</ul>"
    result = tag_and_check(html_pdf(body))

    assert result.failed() == [], result.report
    items = read_tree(result.output).find("LI")
    assert [[child.role for child in item.children] for item in items] == [
        ["Lbl", "LBody"]] * len(ITEMS)
    assert {item.children[0].text.strip() for item in items} == {"•"}
    assert [item.children[1].find("P")[0].text.strip() for item in items] == ITEMS
    # The structure reader reads the labels back as labels, drawn apart from their text.
    (read,) = [b for b in read_structure(result.output, max_pages=10).blocks
               if isinstance(b, ListBlock)]
    assert [item.label for item in read.items] == ["•"] * len(ITEMS)
    assert [item.text for item in read.items] == ITEMS
    assert all(item.label_prov for item in read.items)
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_caption_below_a_figure_is_its_last_child(html_pdf: HtmlPdf) -> None:
    caption = "Figure 1: Car parks in the town centre"
    body = (f"<h1>Map</h1><p>Where the car parks are.</p><img src='{png_data_uri(300, 200)}'>"
            f"<p>{caption}</p><p>Most are near the station.</p>")
    # (Paragraphs set apart: the layout reader reads lines set close together as one block.)
    result = tag_and_check(html_pdf(body, css="p { margin-bottom: 2em }"))

    assert result.failed() == [], result.report
    tree = read_tree(result.output)
    (figure,) = tree.find("Figure")
    assert [child.role for child in figure.children] == ["Caption"]
    assert figure.children[0].text.strip() == caption
    # Not also a paragraph of its own: the text is in the tree once.
    assert [p.text.strip() for p in tree.find("P")] == [
        "Where the car parks are.", "Most are near the station."]
    assert result.tagged.captions == 1
    with pikepdf.open(result.output) as pdf:
        (element,) = [o for o in pdf.objects
                      if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"]
        assert str(element.Alt) == caption  # the caption still serves as alternative text
        kids = list(element.K) if isinstance(element.K, pikepdf.Array) else [element.K]
        assert isinstance(kids[-1], pikepdf.Dictionary) and kids[-1].S == "/Caption"
    # Read back: the figure's caption, and the caption as text where it is read.
    blocks = read_structure(result.output, max_pages=10).blocks
    (read_figure,) = [b for b in blocks if isinstance(b, Figure)]
    assert read_figure.caption == caption
    after = blocks[blocks.index(read_figure) + 1]
    assert isinstance(after, Paragraph) and after.text == caption
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_caption_above_a_figure_is_its_first_child(html_pdf: HtmlPdf) -> None:
    caption = "Figure 2: Charges by car park"
    body = (f"<h1>Charges</h1><p>{caption}</p><img src='{png_data_uri(300, 200)}'>"
            "<p>Charges rose in spring.</p>")
    result = tag_and_check(html_pdf(body, css="p { margin-bottom: 2em }"))

    assert result.failed() == [], result.report
    with pikepdf.open(result.output) as pdf:
        (element,) = [o for o in pdf.objects
                      if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"]
        kids = list(element.K)
        assert isinstance(kids[0], pikepdf.Dictionary) and kids[0].S == "/Caption"
        assert all(isinstance(kid, int) for kid in kids[1:])  # then the figure's drawing
    blocks = read_structure(result.output, max_pages=10).blocks
    (read_figure,) = [b for b in blocks if isinstance(b, Figure)]
    before = blocks[blocks.index(read_figure) - 1]
    assert isinstance(before, Paragraph) and before.text == caption
    assert read_figure.caption == caption


def test_paragraph_far_from_the_figure_is_no_caption(html_pdf: HtmlPdf) -> None:
    body = (f"<h1>Map</h1><img src='{png_data_uri(300, 200)}'>"
            "<p>Some words between the map and its title.</p>"
            "<p>Figure 1: Car parks in the town centre</p>")
    result = tag_and_check(html_pdf(
        body, css="p { margin-bottom: 2em } img { display: block; margin-bottom: 2em }"))

    (figure,) = [b for b in result.document.blocks if isinstance(b, Figure)]
    assert figure.caption == "Figure 1: Car parks in the town centre"  # the model's caption
    # ... but other text is read between them: moving it would change the reading order.
    tree = read_tree(result.output)
    assert tree.find("Caption") == []
    assert "Figure 1: Car parks in the town centre" in [p.text.strip() for p in tree.find("P")]


def test_label_that_cannot_be_split_yields_to_its_body() -> None:
    # Operator 3 draws label (leaf 0) and text (leaf 1) and was not split (or is a Form
    # XObject's Do); operator 1 is the label's alone. Both go to the body, which then reads
    # label and text. An artifact's claim (operator 1 too) takes nothing from a label.
    owners: list[int | str | None] = [None, 0, None, 0, 2]
    claims: list[tuple[int | str, list[tuple[int, int]]]] = [
        (0, [(1, 2), (3, 4)]), (1, [(3, 4)]), (2, [(4, 5)]), ("footer", [(0, 2)])]
    splits: dict[int, list[tuple[int | str, pikepdf.ContentStreamInstruction]]] = {}
    assert yield_labels(owners, claims, splits, {0: 1}) == {0}
    assert owners == [None, 1, None, 1, 2]
    # Drawn apart (operator 3 the text's alone), the label keeps its own drawing.
    owners = [None, 0, None, 1, 2]
    claims = [(0, [(1, 2)]), (1, [(3, 4)]), (2, [(4, 5)]), ("footer", [(0, 2)])]
    assert yield_labels(owners, claims, splits, {0: 1}) == set()
    assert owners == [None, 0, None, 1, 2]

    body = Node("P", text="Apples", leaf_id=1)
    label = Node("Lbl", text="1.", leaf_id=0, yields_to=body)
    root = Node("Document", [Node("L", [Node("LI", [label, Node("LBody", [body])])])])
    assert merge_unseparated_labels(root, {0}, drawn={1}) == 1
    assert body.text == "1. Apples"


def test_label_split_apart_keeps_its_own_drawing() -> None:
    part = pikepdf.ContentStreamInstruction([pikepdf.Array([b"1."])], pikepdf.Operator("TJ"))
    owners: list[int | str | None] = [0, 0]
    splits: dict[int, list[tuple[int | str, pikepdf.ContentStreamInstruction]]] = {
        1: [(0, part), (1, part)]}
    assert yield_labels(owners, [(0, [(0, 2)]), (1, [(1, 2)])], splits, {0: 1}) == set()
    assert owners == [0, 0] and [o for o, _ in splits[1]] == [0, 1]


def glyph(char: str, x: float, obj: int) -> Glyph:
    return Glyph(char, x, 700.0, x + 5.0, 710.0, 10.0, False, "F1", obj, -1)


def test_symbol_font_bullet_is_told_apart_by_its_glyphs() -> None:
    # A bullet from a symbol font is a private-use character the item's text reads as "•".
    glyphs = [glyph("\uf0b7", 72, 0), glyph(" ", 77, 1), glyph("A", 90, 1), glyph("b", 95, 1)]
    apart = label_provs(0, [Fragment(glyphs, "• Ab")], [], OperatorMap([4, 9]), [], "•")
    assert apart is not None
    label, body = apart
    assert label.operators == ((4, 5),) and body.operators == ((9, 10),)
    assert (label.bbox.x0, label.bbox.x1) == (72, 77) and (body.bbox.x0, body.bbox.x1) == (90, 100)
    # Glyphs that do not spell the label (drawn in another order): not told apart.
    assert label_provs(0, [Fragment(glyphs[2:], "Ab")], [], OperatorMap([4, 9]), [], "•") is None


def test_table_caption_read_before_it_is_its_first_child() -> None:
    def prov(y: float) -> list[Prov]:
        return [Prov(0, BBox(72, y, 300, y + 12), (), ((int(y), int(y) + 1),))]

    caption = "Table 1: Charges by car park"
    document = Document(blocks=[
        Paragraph("Charges went up.", prov(700)),
        Paragraph(caption, prov(680)),
        Table([Row([Cell("Market Street", prov=prov(660)), Cell("1.50", prov=prov(661))])],
              caption=caption, prov=prov(650)),
        # The same words right after it too: a table's caption is looked for above it first.
        Paragraph(caption, prov(600)),
    ])
    root = plan_structure(document)
    assert [node.role for node in root.children] == ["P", "Table", "P"]
    table = root.children[1]
    assert [node.role for node in table.children] == ["Caption", "TR"]
    assert table.children[0].text == caption and table.children[0].is_leaf
