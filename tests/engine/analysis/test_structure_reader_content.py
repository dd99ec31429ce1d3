"""The structure reader on hand-made tagged PDFs: which drawing an element's marked content
holds (text inside a Form XObject painted in a marked sequence)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from workers.engine.analyse import analyse
from workers.engine.document import BBox, Block, Document, Figure, Paragraph
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..tagged_pdf.conftest import checks_by_id
from .conftest import add_structure_tree, paragraph_texts


def _page_with_helvetica() -> tuple[pikepdf.Pdf, pikepdf.Page, pikepdf.Object]:
    """A new one-page PDF, its page, and a Helvetica font for its resources."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    return pdf, pdf.pages[0], font


def _tagged_pdf(path: Path, content: bytes, kids: list[list[int]],
                forms: dict[str, bytes] | None = None) -> Path:
    """One page drawing ``content`` (``/F1`` Helvetica; ``forms``: Form XObjects by name,
    drawn with the same font); the structure tree has one ``P`` per entry of ``kids``, whose
    MCIDs (on the page) are listed in that order."""
    pdf, page, font = _page_with_helvetica()
    fonts = pikepdf.Dictionary(F1=font)
    xobjects = pikepdf.Dictionary()
    for name, stream in (forms or {}).items():
        form = pdf.make_stream(stream)
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox = pikepdf.Array([0, 0, 595, 842])
        form.Resources = pikepdf.Dictionary(Font=fonts)
        xobjects[f"/{name}"] = form
    page.obj.Resources = pikepdf.Dictionary(Font=fonts, XObject=xobjects)
    page.obj.Contents = pdf.make_stream(content)

    def build(pdf: pikepdf.Pdf, document: pikepdf.Object,
              page: pikepdf.Page) -> tuple[list[pikepdf.Object], dict[int, pikepdf.Object]]:
        elements = []
        parents: dict[int, pikepdf.Object] = {}
        for mcids in kids:
            element = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document, Pg=page.obj,
                K=pikepdf.Array(mcids)))
            elements.append(element)
            parents.update(dict.fromkeys(mcids, element))
        return elements, parents

    add_structure_tree(pdf, page, build)
    pdf.save(path)
    return path


def _paragraphs(path: Path) -> list[str]:
    doc = read_structure(path, max_pages=5)
    assert doc.reader == "structure", doc.warnings
    return paragraph_texts(doc)


def test_text_of_a_form_painted_in_a_marked_sequence_is_the_elements(tmp_path: Path) -> None:
    # The page marks the whole form: its text has no marked content of its own.
    form = b"BT /F1 12 Tf 72 700 Td (Drawn inside the form) Tj ET"
    content = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (On the page) Tj ET EMC\n"
               b"/P <</MCID 1>> BDC /Fm0 Do EMC")
    path = _tagged_pdf(tmp_path / "form.pdf", content, [[0], [1]], {"Fm0": form})
    assert _paragraphs(path) == ["On the page", "Drawn inside the form"]


def test_a_word_broken_at_a_line_end_is_joined_as_the_layout_reader_joins_it(
    tmp_path: Path
) -> None:
    # The document writes "document" whole and "well-known" with its hyphen: the evidence
    # that says which line-end hyphen the typesetter added.
    content = (
        b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (This document is about a well-known) Tj"
        b" 0 -14 Td (subject that fills a short page.) Tj ET EMC\n"
        b"/P <</MCID 1>> BDC BT /F1 12 Tf 72 700 Td (A second paragraph of this docu-) Tj"
        b" 0 -14 Td (ment names a well-) Tj 0 -14 Td (known subject again.) Tj ET EMC"
    )
    path = _tagged_pdf(tmp_path / "hyphens.pdf", content, [[0], [1]])
    assert _paragraphs(path) == [
        "This document is about a well-known subject that fills a short page.",
        "A second paragraph of this document names a well-known subject again.",
    ]


def _tagged_tree(path: Path, content: bytes, kids: list[pikepdf.Dictionary]) -> Path:
    """One page drawing ``content`` (``/F1`` Helvetica) whose ``Document`` holds ``kids``:
    structure elements made by :func:`_element` (their MCIDs on the page)."""
    pdf, page, font = _page_with_helvetica()
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(content)
    page.obj.StructParents = 0
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root,
        K=pikepdf.Array([pdf.make_indirect(kid) for kid in kids])))
    root.K = document

    def mcrs(element: pikepdf.Object) -> None:
        # Marked-content references name the page: the elements themselves name none.
        kids = element.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        out = pikepdf.Array()
        for kid in items:
            if isinstance(kid, int):
                out.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=kid, Pg=page.obj))
            else:
                mcrs(kid)
                out.append(kid)
        element.K = out

    for kid in document.K:
        mcrs(kid)
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(path)
    return path


def _element(role: str, *kids: object, **entries: object) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + role),
                              K=pikepdf.Array(list(kids)), **entries)


def test_actual_text_inside_a_word_stays_in_the_word(tmp_path: Path) -> None:
    # "LuaTeX": the logo's letters are drawn apart (a lowered E) and a Span's /ActualText
    # says "TeX"; the Span names no page, its marked content does.
    content = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (Read about Lua) Tj ET EMC\n"
               b"/Span <</MCID 1>> BDC BT /F1 12 Tf 154.7 760 Td (T) Tj 7.3 -2 Td (E) Tj"
               b" 7.3 2 Td (X) Tj ET EMC\n"
               b"/P <</MCID 2>> BDC BT /F1 12 Tf 177.3 760 Td (. Then more.) Tj ET EMC")
    span = _element("Span", 1, ActualText=pikepdf.String("TeX"))
    path = _tagged_tree(tmp_path / "logo.pdf", content, [_element("P", 0, span, 2)])
    assert _paragraphs(path) == ["Read about LuaTeX. Then more."]


def test_a_label_is_a_word_of_its_own(tmp_path: Path) -> None:
    # A footnote's mark set close to its text: "1 The note", not "1The note".
    content = (b"/Lbl <</MCID 0>> BDC BT /F1 7 Tf 72 763 Td (1) Tj ET EMC\n"
               b"/P <</MCID 1>> BDC BT /F1 12 Tf 76 760 Td (The note says this.) Tj ET EMC")
    path = _tagged_tree(tmp_path / "note.pdf", content,
                        [_element("P", _element("Lbl", 0), 1)])
    assert _paragraphs(path) == ["1 The note says this."]


# The tagged pages say more than the untagged one: the tags cover most of the text.
FIRST = "The first page is tagged, and it says a good deal more than the second."
THIRD = "The third page is tagged, and it too says more than the second page."


def _two_pages(path: Path, second: bytes) -> Path:
    """Page 1 tagged (one P, MCID 0); page 2 draws ``second`` and the tree refers to none of
    it; page 3 tagged again (one P, MCID 0)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    contents = [
        b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (" + FIRST.encode() + b") Tj ET EMC",
        second,
        b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (" + THIRD.encode() + b") Tj ET EMC",
    ]
    for content in contents:
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(content)
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root))
    elements = []
    for index in (0, 2):
        page = pdf.pages[index]
        page.obj.StructParents = index
        elements.append(pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document, Pg=page.obj,
            K=pikepdf.Array([0]))))
    document.K = pikepdf.Array(elements)
    root.K = document
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array([
        0, pikepdf.Array([elements[0]]), 2, pikepdf.Array([elements[1]])])))
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(path)
    return path


def test_a_page_the_tags_leave_out_is_read_from_the_layout_in_its_place(tmp_path: Path) -> None:
    second = (b"BT /F1 12 Tf 72 760 Td (Nobody tagged this second page of the report,) Tj"
              b" 0 -14 Td (yet a reader needs every word of it.) Tj ET")
    doc = read_structure(_two_pages(tmp_path / "gap.pdf", second), max_pages=5)
    assert doc.reader == "structure"
    assert paragraph_texts(doc) == [
        FIRST,
        "Nobody tagged this second page of the report, yet a reader needs every word of it.",
        THIRD,
    ]
    # (The catalog names no language: that the text's was detected is said apart.)
    assert [(w.code, w.page) for w in doc.warnings
            if w.code != "language-detected"] == [("untagged-page", 1)]
    assert not any(a.prov[0].page == 1 for a in doc.artifacts)


def test_a_page_of_artifacts_stays_page_furniture(tmp_path: Path) -> None:
    second = (b"/Artifact BMC BT /F1 12 Tf 72 760 Td (A running header the author marked as"
              b" furniture, on a page with no content.) Tj ET EMC")
    doc = read_structure(_two_pages(tmp_path / "furniture.pdf", second), max_pages=5)
    assert paragraph_texts(doc) == [FIRST, THIRD]
    assert not doc.warnings


def test_a_list_going_on_onto_an_untagged_page_gives_that_page_its_items() -> None:
    from workers.engine.document import BBox, Document, ListBlock, ListItem, Prov
    from workers.engine.structure.reader import _fill_untagged_pages

    def on(page: int) -> list[Prov]:
        return [Prov(page, BBox(72, 700, 300, 712))]

    tagged = Document(reader="structure", blocks=[
        ListBlock([ListItem("•", [Paragraph("First item, tagged", on(0))], on(0))]),
        Paragraph("After the list, tagged", on(2)),
    ])
    layout = Document(reader="layout", blocks=[
        ListBlock([ListItem("•", [Paragraph("First item, tagged", on(0))], on(0)),
                   ListItem("•", [Paragraph("Second item, untagged", on(1))], on(1))],
                  prov=on(0) + on(1)),
        Paragraph("After the list, tagged", on(2)),
    ])
    _fill_untagged_pages(tagged, layout, [1])
    lists = [b for b in tagged.blocks if isinstance(b, ListBlock)]
    assert [[i.blocks[0].text for i in b.items] for b in lists] == [  # type: ignore[union-attr]
        ["First item, tagged"], ["Second item, untagged"]]
    # The part on the untagged page keeps its provenance there (what the layout drew there).
    assert [p.page for p in lists[1].prov] == [1]
    assert isinstance(tagged.blocks[-1], Paragraph)
    assert tagged.blocks[-1].text == "After the list, tagged"


def _figure_page(path: Path, **entries: object) -> list[Block]:
    """A paragraph and a Figure drawing a grey square and two labels (``entries``: the
    Figure's own, /Alt say): the model's blocks."""
    content = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (The nut is shown below.) Tj ET EMC\n"
               b"/Figure <</MCID 1>> BDC 0.5 g 72 600 100 100 re f 0 g"
               b" BT /F1 8 Tf 180 680 Td (Nut case) Tj 0 -40 Td (Keyway) Tj ET EMC")
    path = _tagged_tree(path, content, [_element("P", 0), _element("Figure", 1, **entries)])
    doc = read_structure(path, max_pages=5)
    assert doc.reader == "structure", doc.warnings
    return doc.blocks


def test_the_words_of_a_figure_without_alt_are_read_after_it(tmp_path: Path) -> None:
    # Nobody described the picture: its labels are all a listener has of it.
    blocks = _figure_page(tmp_path / "labels.pdf")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Figure", "Paragraph"]
    assert isinstance(blocks[2], Paragraph) and blocks[2].text == "Nut case Keyway"
    # The labels' drawing is the paragraph's, not the figure's too.
    figure, labels = blocks[1], blocks[2]
    assert isinstance(figure, Figure) and figure.alt is None
    assert labels.prov[0].operators and not figure.prov[0].operators
    assert figure.prov[0].bbox == labels.prov[0].bbox


def test_a_figure_with_alt_is_its_alt_and_a_placeholder_is_no_alt(tmp_path: Path) -> None:
    blocks = _figure_page(tmp_path / "alt.pdf", Alt=pikepdf.String("A locknut, cut open"))
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Figure"]
    assert isinstance(blocks[1], Figure) and blocks[1].alt == "A locknut, cut open"
    # An authoring tool's "Figure" (with a C string's NUL) describes nothing.
    blocks = _figure_page(tmp_path / "placeholder.pdf", Alt=pikepdf.String("Figure\x00"))
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Figure", "Paragraph"]
    assert isinstance(blocks[1], Figure) and blocks[1].alt is None


def _note_page(path: Path, **figure_entries: object) -> Path:
    """A paragraph, then a ``Note`` (LaTeX's float: an ``Aside`` mapped to ``Note`` for PDF
    1.7) holding a ``Part`` whose ``P`` holds a Figure (a grey square with a label;
    ``figure_entries``: its /Alt say), and the float's caption."""
    content = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (The nut is shown below.) Tj ET EMC\n"
               b"/Figure <</MCID 1>> BDC 0.5 g 72 600 100 100 re f 0 g"
               b" BT /F1 8 Tf 180 680 Td (Keyway) Tj ET EMC\n"
               b"/Caption <</MCID 2>> BDC BT /F1 10 Tf 72 580 Td (Figure 1: A locknut.) Tj ET"
               b" EMC")
    figure = _element("Figure", 1, **figure_entries)
    note = _element("Note", _element("Part", _element("P", figure)), _element("Caption", 2))
    return _tagged_tree(path, content, [_element("P", 0), note])


def test_a_note_holding_a_described_figure_is_read_as_the_figure(tmp_path: Path) -> None:
    # Read as one note of text, the float would say "Keyway" and lose the author's /Alt.
    path = _note_page(tmp_path / "float.pdf", Alt=pikepdf.String("A locknut, cut open"))
    doc = read_structure(path, max_pages=5)
    assert doc.reader == "structure", doc.warnings
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Figure", "Paragraph"]
    figure = doc.blocks[1]
    assert isinstance(figure, Figure) and figure.alt == "A locknut, cut open"
    assert figure.prov and figure.prov[0].page == 0
    assert doc.blocks[2].text == "Figure 1: A locknut."  # type: ignore[union-attr]


def test_the_floats_figure_keeps_the_authors_alt_when_re_tagged(tmp_path: Path) -> None:
    # No ParentTree: the tags are not kept, the page is re-tagged from the model.
    source = _note_page(tmp_path / "float.pdf", Alt=pikepdf.String("A locknut, cut open"))
    tagged = tag_pdf(source, analyse(source, max_pages=5))
    assert not tagged.kept_author_tags
    with pikepdf.open(io.BytesIO(tagged.content)) as pdf:
        alts = [(str(e.S), str(e.Alt)) for e in _elements(pdf.Root.StructTreeRoot) if "/Alt" in e]
    assert ("/Figure", "A locknut, cut open") in alts
    checks = checks_by_id(tagged, source)
    for check in ("text-fidelity", "pixels"):
        assert checks[check]["passed"], checks[check]


def _elements(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    out: list[pikepdf.Dictionary] = []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            out.extend([kid, *_elements(kid)])
    return out


def test_a_note_whose_figure_has_no_alt_stays_a_note(tmp_path: Path) -> None:
    # Nothing of the author's to keep: the note reads as it did, its figure's words included.
    doc = read_structure(_note_page(tmp_path / "note.pdf"), max_pages=5)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Note"]
    assert doc.blocks[1].text == "Keyway Figure 1: A locknut."  # type: ignore[union-attr]


def test_a_figure_a_table_holds_outside_its_rows_is_read_after_the_table(
    tmp_path: Path
) -> None:
    # A sheet's logo tagged in its Table, in no row: no cell says it, the author's /Alt does.
    content = (b"/Figure <</MCID 0>> BDC 0.5 g 400 760 60 40 re f EMC\n"
               b"/TD <</MCID 1>> BDC BT /F1 12 Tf 72 760 Td (County) Tj ET EMC\n"
               b"/TD <</MCID 2>> BDC BT /F1 12 Tf 200 760 Td (Notices) Tj ET EMC")
    table = _element("Table", _element("Figure", 0, Alt=pikepdf.String("State seal")),
                     _element("TR", _element("TD", 1), _element("TD", 2)))
    doc = read_structure(_tagged_tree(tmp_path / "sheet.pdf", content, [table]), max_pages=5)
    assert doc.reader == "structure", doc.warnings
    assert [type(b).__name__ for b in doc.blocks] == ["Table", "Figure"]
    figure = doc.blocks[1]
    assert isinstance(figure, Figure) and figure.alt == "State seal" and figure.prov
    assert [c.text for c in doc.blocks[0].rows[0].cells] == [  # type: ignore[union-attr]
        "County", "Notices"]


def _widget(pdf: pikepdf.Pdf, page: pikepdf.Page, rect: list[float], **field: object
            ) -> pikepdf.Dictionary:
    """A widget annotation on ``page`` that is its own form field (``field``: /FT, /V…)."""
    widget = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, Rect=pikepdf.Array(rect),
        P=page.obj, F=4, **field))
    if "/Annots" not in page.obj:
        page.obj.Annots = pdf.make_indirect(pikepdf.Array())
    page.obj.Annots.append(widget)
    if "/AcroForm" not in pdf.Root:
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array())
    parent = widget.get("/Parent")
    if isinstance(parent, pikepdf.Dictionary):
        parent.Kids = pikepdf.Array([widget])
    pdf.Root.AcroForm.Fields.append(parent if parent is not None else widget)
    return widget


def test_form_fields_keep_their_words_apart_from_the_text(tmp_path: Path) -> None:
    # A list box showing its options, a push button's caption, a check box (its mark is a
    # state, drawn in a symbol font: no words) and a hidden text field, none in the tree.
    path = _tagged_tree(tmp_path / "fields.pdf",
                        b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (Choose one.) Tj ET EMC",
                        [_element("P", 0)])
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    page = pdf.pages[0]
    _widget(pdf, page, [72, 600, 200, 700], FT=pikepdf.Name.Ch, T=pikepdf.String("List"),
            Opt=pikepdf.Array([pikepdf.String("One"),
                               pikepdf.Array([pikepdf.String("2"), pikepdf.String("Two")])]))
    _widget(pdf, page, [72, 560, 120, 580], FT=pikepdf.Name.Btn, Ff=1 << 16,
            MK=pikepdf.Dictionary(CA=pikepdf.String("Clear")))
    _widget(pdf, page, [72, 530, 82, 540], FT=pikepdf.Name.Btn,
            MK=pikepdf.Dictionary(CA=pikepdf.String("4")))
    hidden = _widget(pdf, page, [72, 500, 200, 520], FT=pikepdf.Name.Tx,
                     V=pikepdf.String("Secret"))
    hidden.F = 2
    pdf.save(path)
    doc = read_structure(path, max_pages=5)
    assert paragraph_texts(doc) == ["Choose one."]
    assert [(a.text, a.prov[0].bbox) for a in doc.artifacts] == [
        ("One Two", BBox(72, 600, 200, 700)), ("Clear", BBox(72, 560, 120, 580))]


def test_a_form_field_the_tags_refer_to_is_kept_apart_too(tmp_path: Path) -> None:
    # A Form element refers to a filled-in text field, whose kind and value its parent
    # field holds: the widget speaks for itself in every output (a tagged PDF tags it as a
    # Form), so its value is kept, but not read as a paragraph too.
    content = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (Name:) Tj ET EMC\n"
               b"/P <</MCID 1>> BDC BT /F1 12 Tf 72 700 Td (Thank you.) Tj ET EMC")
    form = _element("Form")
    path = _tagged_tree(tmp_path / "filled.pdf", content,
                        [_element("P", 0), form, _element("P", 1)])
    pdf = pikepdf.open(path, allow_overwriting_input=True)
    page = pdf.pages[0]
    parent = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Tx,
                                                  V=pikepdf.String("Ada  Lovelace")))
    widget = _widget(pdf, page, [120, 755, 300, 775], Parent=parent)
    form = pdf.Root.StructTreeRoot.K.K[1]
    form.K = pikepdf.Array([pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=widget,
                                               Pg=page.obj)])
    pdf.save(path)
    doc = read_structure(path, max_pages=5)
    assert paragraph_texts(doc) == ["Name:", "Thank you."]
    assert [(a.text, a.prov[0].bbox) for a in doc.artifacts] == [
        ("Ada Lovelace", BBox(120, 755, 300, 775))]


def _with_language(path: Path, lang: str) -> Path:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.Lang = pikepdf.String(lang)
        pdf.save(path)
    return path


_THREE_LINES = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (Hello there.) Tj ET EMC\n"
                b"/P <</MCID 1>> BDC BT /F1 12 Tf 72 700 Td (Guten Tag.) Tj ET EMC\n"
                b"/P <</MCID 2>> BDC BT /F1 12 Tf 72 640 Td (Good day.) Tj ET EMC")


def _languages(doc: Document) -> list[tuple[str, str | None]]:
    return [(b.text, b.lang) for b in doc.blocks if isinstance(b, Paragraph)]


def test_an_elements_language_is_its_blocks_and_inherited_from_a_section(
    tmp_path: Path,
) -> None:
    # The Sect says German; its second paragraph says again the document's language.
    sect = _element("Sect", _element("P", 1), _element("P", 2, Lang=pikepdf.String("en-CA")),
                    Lang=pikepdf.String("de-DE"))
    path = _with_language(_tagged_tree(tmp_path / "lang.pdf", _THREE_LINES,
                                       [_element("P", 0), sect]), "en-CA")
    doc = read_structure(path, max_pages=5)
    assert doc.reader == "structure", doc.warnings
    assert _languages(doc) == [
        ("Hello there.", None), ("Guten Tag.", "de-DE"), ("Good day.", None)
    ]


def test_marked_content_language_is_the_blocks_and_x_none_names_none(tmp_path: Path) -> None:
    content = (b"/P <</MCID 0 /Lang (x-none)>> BDC BT /F1 12 Tf 72 760 Td (Hello there.) Tj "
               b"ET EMC\n"
               b"/P <</MCID 1 /Lang (nn-NO)>> BDC BT /F1 12 Tf 72 700 Td (God dag.) Tj ET EMC\n"
               b"/Span <</Lang (de-DE)>> BDC /P <</MCID 2>> BDC BT /F1 12 Tf 72 640 Td "
               b"(Guten Tag.) Tj ET EMC EMC")
    path = _with_language(_tagged_tree(tmp_path / "mc.pdf", content,
                                       [_element("P", 0), _element("P", 1), _element("P", 2)]),
                          "en-US")
    doc = read_structure(path, max_pages=5)
    assert _languages(doc) == [
        ("Hello there.", None), ("God dag.", "nn-NO"), ("Guten Tag.", "de-DE")
    ]


def test_a_re_tagged_passage_keeps_its_language(tmp_path: Path) -> None:
    # No ParentTree: the tags are not kept, the page is re-tagged from the model.
    sect = _element("Sect", _element("P", 1), Lang=pikepdf.String("de-DE"))
    source = _with_language(_tagged_tree(tmp_path / "lang.pdf", _THREE_LINES,
                                         [_element("P", 0), sect, _element("P", 2)]), "en-CA")
    tagged = tag_pdf(source, analyse(source, max_pages=5))
    assert not tagged.kept_author_tags
    with pikepdf.open(io.BytesIO(tagged.content)) as pdf:
        assert str(pdf.Root.Lang) == "en-CA"
        langs = [(str(e.S), str(e.Lang)) for e in _elements(pdf.Root.StructTreeRoot)
                 if "/Lang" in e]
    # Only where it differs from the document's language.
    assert langs == [("/P", "de-DE")]
    checks = checks_by_id(tagged, source)
    for check in ("text-fidelity", "pixels"):
        assert checks[check]["passed"], checks[check]


def test_a_block_in_regional_variants_of_one_language_is_in_that_language(
    tmp_path: Path,
) -> None:
    # A sequence drawing only a space says no language; one in German besides English makes
    # the paragraph one of two languages: it is left to the element's (the document's).
    content = (b"/P <</MCID 0 /Lang (en-GB)>> BDC BT /F1 12 Tf 72 760 Td (Colour and) Tj ET EMC\n"
               b"/P <</MCID 1>> BDC BT /F1 12 Tf 140 760 Td ( ) Tj ET EMC\n"
               b"/P <</MCID 2 /Lang (en-US)>> BDC BT /F1 12 Tf 150 760 Td (tint) Tj ET EMC\n"
               b"/P <</MCID 3 /Lang (en-GB)>> BDC BT /F1 12 Tf 72 700 Td (Colour) Tj ET EMC\n"
               b"/P <</MCID 4 /Lang (de-DE)>> BDC BT /F1 12 Tf 72 690 Td (Farbe) Tj ET EMC")
    path = _with_language(_tagged_tree(tmp_path / "variants.pdf", content,
                                       [_element("P", 0, 1, 2), _element("P", 3, 4)]), "fr-CA")
    doc = read_structure(path, max_pages=5)
    assert _languages(doc) == [("Colour and tint", "en-GB"), ("Colour Farbe", None)]


def test_a_list_bodys_language_is_its_paragraphs(tmp_path: Path) -> None:
    content = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (1.) Tj ET EMC\n"
               b"/P <</MCID 1>> BDC BT /F1 12 Tf 90 760 Td (Guten Tag.) Tj ET EMC")
    item = _element("LI", _element("Lbl", 0),
                    _element("LBody", 1, Lang=pikepdf.String("de-DE")))
    path = _with_language(_tagged_tree(tmp_path / "list.pdf", content,
                                       [_element("L", item)]), "en-CA")
    doc = read_structure(path, max_pages=5)
    body = [b for b in doc.walk() if isinstance(b, Paragraph)]
    assert [(b.text, b.lang) for b in body] == [("Guten Tag.", "de-DE")]
