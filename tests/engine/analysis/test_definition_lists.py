"""A run of terms, each over its definition, is one definition list
(:mod:`workers.engine.layout.definition_lists`): a ``ListBlock`` with ``definitions`` set,
each item's label the term (drawn apart from the definition) and its blocks the definition.
Every output says it as a definition list: HTML's ``<dl>``, the tagged PDF's ``L`` numbered
``/None`` with ``Lbl`` terms and ``LBody`` definitions, pandoc's and large print's definition
lists with the terms in bold. Small PDFs drawn here."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf

from workers.engine.checks import model_words
from workers.engine.document import (
    BBox,
    Document,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Prov,
    block_text,
)
from workers.engine.layout.reader import read_layout
from workers.engine.render_html import build_html
from workers.engine.render_large_print import build_large_print_html
from workers.engine.render_large_print_docx import document_ast
from workers.engine.render_pandoc import _AstBuilder
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.tagger import tag_pdf

from .drawn_pdfs import helvetica_page
from .test_definition_terms import DEFINITIONS, TERMS, _page, _paragraphs

OPTIONS = ["Quiet Mode", "Verbose Mode", "Version"]
DESCRIPTIONS = [
    "Print nothing but the errors met on the way",
    "Print each file as it is read and each step taken",
    "Print the program's version and stop at once",
]


def _line(font: str, y: float, text: str, x: float = 72) -> str:
    return f"BT /{font} 10 Tf {x} {y} Td ({text}) Tj ET"


def _indented(tmp_path: Path, terms: list[str] = OPTIONS) -> Path:
    """A title and paragraphs at the text's edge, then each term in bold at that edge with
    its description indented past it under it, then paragraphs again."""
    ops = ["BT /F2 18 Tf 72 740 Td (Program Options) Tj ET"]
    more, y = _paragraphs(710)
    ops += more
    for term, text in zip(terms, DESCRIPTIONS, strict=True):
        ops += [_line("F2", y, term), _line("F1", y - 12, text, x=108)]
        y -= 34
    more, _ = _paragraphs(y)
    ops += more
    return helvetica_page(tmp_path / "indented.pdf", ops)


def _definition_lists(path: Path) -> list[ListBlock]:
    blocks = read_layout(path, max_pages=1).blocks
    return [b for b in blocks if isinstance(b, ListBlock) and b.definitions]


def test_bold_terms_over_indented_descriptions_are_one_definition_list(tmp_path: Path) -> None:
    path = _indented(tmp_path)
    (found,) = _definition_lists(path)
    assert [item.label for item in found.items] == OPTIONS
    assert [[p.text for p in item.blocks] for item in found.items] == [
        [d] for d in DESCRIPTIONS
    ]
    # The term is drawn apart from its definition: the label's own drawing.
    assert all(item.label_prov and item.label_prov[0].bbox.x0 < 80 for item in found.items)


def test_bold_terms_flush_over_their_definitions_are_one_definition_list(
    tmp_path: Path,
) -> None:
    path = _page(tmp_path, "flush.pdf", 12, [[d] for d in DEFINITIONS])
    (found,) = _definition_lists(path)
    assert [item.label for item in found.items] == TERMS
    assert [item.text for item in found.items] == DEFINITIONS


def test_bold_lines_spaced_as_paragraphs_make_no_definition_list(tmp_path: Path) -> None:
    # Headings made in bold, a paragraph's space under each: sections, not a list.
    path = _page(tmp_path, "spaced.pdf", 22, [[d] for d in DEFINITIONS])
    assert _definition_lists(path) == []


def _document() -> Document:
    def prov(y: float, x: float = 72) -> list[Prov]:
        return [Prov(0, BBox(x, y, x + 200, y + 12))]

    items = [
        ListItem(term, [Paragraph(text, prov(700 - 30 * k, 108))], prov(712 - 30 * k),
                 prov(712 - 30 * k))
        for k, (term, text) in enumerate(zip(OPTIONS, DESCRIPTIONS, strict=True))
    ]
    return Document(title="Options", language="en", pages=[Page(612.0, 792.0)],
                    blocks=[ListBlock(items, prov=prov(712), definitions=True)])


def test_the_flag_is_written_only_when_true_and_read_back() -> None:
    document = _document()
    assert Document.from_json(document.to_json()) == document
    assert json.loads(document.to_json())["blocks"][0]["definitions"] is True
    plain = Document(blocks=[ListBlock([ListItem("•", [Paragraph("one")])])])
    assert "definitions" not in json.loads(plain.to_json())["blocks"][0]


def test_the_terms_are_words_every_output_says() -> None:
    assert model_words(_document())[:3] == ["quiet", "mode", "print"]


def test_html_gives_terms_and_definitions_as_a_dl() -> None:
    html = build_html(_document()).html
    assert "<dl><dt>Quiet Mode</dt><dd><p>Print nothing" in html
    assert html.count("<dt") == 3 and "<li" not in html


def test_large_print_and_pandoc_give_a_definition_list_with_bold_terms() -> None:
    large = build_large_print_html(_document(), point_size=18).html
    assert "<dt>Quiet Mode</dt>" in large and "dt { font-weight: bold;" in large
    for ast in (_AstBuilder(None, images=True).document(_document()),
                document_ast(_document(), point_size=18)):
        lists = [b for b in ast["blocks"] if b["t"] == "DefinitionList"]
        assert len(lists) == 1 and len(lists[0]["c"]) == 3
        term, definitions = lists[0]["c"][0]
        assert term[0]["t"] == "Strong" and term[0]["c"][0]["c"] == "Quiet"
        assert definitions[0][0]["t"] in ("Para", "Plain")


def _roles(element: pikepdf.Dictionary) -> list[str]:
    out: list[str] = []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            out.append(str(kid.S)[1:])
            out.extend(_roles(kid))
    return out


def _lists(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    out: list[pikepdf.Dictionary] = []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            out += [kid] if kid.S == "/L" else _lists(kid)
    return out


def test_tagged_pdf_tags_a_list_numbered_none_of_terms_and_definitions(
    tmp_path: Path,
) -> None:
    source = _indented(tmp_path)
    document = read_layout(source, max_pages=1)
    tagged = tag_pdf(source, document)
    report = check_tagged_pdf(tagged.content, source=source, expected_texts=tagged.expected_texts)
    checks = report["checks"]
    assert isinstance(checks, list)
    failed = {str(c["id"]) for c in checks if not c["passed"]}
    assert "words" not in failed and "structure" not in failed, failed
    output = tmp_path / "tagged.pdf"
    output.write_bytes(tagged.content)
    with pikepdf.open(output) as pdf:
        (found,) = _lists(pdf.Root.StructTreeRoot)
        assert found.A.O == "/List" and found.A.ListNumbering == "/None"
        assert _roles(found) == ["LI", "Lbl", "LBody", "P"] * 3


COMMANDS = [
    ("h or H", ["Help: display a summary of these commands. If you forget all the other",
                "commands, remember this one."]),
    ("q or Q", ["Exit from the program at once, whatever it is doing."]),
    ("SPACE or f or PAGE-DOWN", ["Scroll forward one window. If a number is given, it is the",
                                 "number of lines to scroll instead."]),
    ("b", ["Scroll backward one window, as SPACE scrolls forward."]),
]


def _hung(
    tmp_path: Path, hang: bool = True, commands: list[tuple[str, list[str]]] = COMMANDS
) -> Path:
    """A title and paragraphs, then commands each a term at the text's edge with its
    definition at a hanging indent 36 points in: on the term's line, or, where the term is
    wider than the indent, on the line under it. Without ``hang``, each entry's lines all
    start at the text's edge (plain paragraphs opening with a few words)."""
    ops = ["BT /F2 18 Tf 72 740 Td (Viewer Commands) Tj ET"]
    more, y = _paragraphs(710)
    ops += more
    indent = 108 if hang else 72
    for term, lines in commands:
        if not hang:
            ops.append(_line("F1", y, f"{term} {lines[0]}"))
            y -= 12
            first = lines[1:]
        elif len(term) > 6:
            ops.append(_line("F1", y, term))
            y -= 12
            first = lines
        else:
            ops.append(_line("F1", y, term))
            ops.append(_line("F1", y, lines[0], x=indent))
            y -= 12
            first = lines[1:]
        for text in first:
            ops.append(_line("F1", y, text, x=indent))
            y -= 12
        y -= 6
    more, _ = _paragraphs(y)
    ops += more
    return helvetica_page(tmp_path / "hung.pdf", ops)


def test_terms_hung_in_the_margin_of_their_definitions_are_a_definition_list(
    tmp_path: Path,
) -> None:
    (found,) = _definition_lists(_hung(tmp_path))
    assert [item.label for item in found.items] == [term for term, _ in COMMANDS]
    assert [item.text for item in found.items] == [" ".join(lines) for _, lines in COMMANDS]
    # Each term's drawing is told apart from its definition's, which starts at the hang.
    for item in found.items:
        assert item.label_prov[0].bbox.x0 < 80 and item.blocks[0].prov[0].bbox.x0 > 100


def test_entries_without_a_hanging_indent_stay_paragraphs(tmp_path: Path) -> None:
    assert _definition_lists(_hung(tmp_path, hang=False)) == []


def test_two_hung_entries_alone_stay_paragraphs(tmp_path: Path) -> None:
    # Two pieces a tab apart come in pairs (a formula's, a statement's label and its text):
    # a list of commands runs on for three at least.
    path = _hung(tmp_path, commands=COMMANDS[:2])
    assert _definition_lists(path) == []
    texts = [block_text(b) for b in read_layout(path, max_pages=1).blocks]
    assert "h or H Help: display a summary of these commands. If you forget all the other " \
        "commands, remember this one." in texts


def test_lines_opening_with_one_word_are_no_terms(tmp_path: Path) -> None:
    # Each line opens with the same word set a tab apart from the rest (lines of code, a
    # diagram's attributes each marked public): no list of terms.
    marked = [("var", lines) for _, lines in COMMANDS[:2] + COMMANDS[3:]] + [
        ("var", ["A last one."])]
    assert _definition_lists(_hung(tmp_path, commands=marked)) == []


def test_contents_entries_with_their_numbers_hung_out_are_no_terms(tmp_path: Path) -> None:
    entries = [(f"2.{k}", [f"{title} . . . . . . . . . . . . . . {k + 3}"])
               for k, title in enumerate(["Mathematics", "Lists", "Figures", "Verbatim"], 1)]
    assert _definition_lists(_hung(tmp_path, commands=entries)) == []


def test_columns_of_single_words_are_no_definitions(tmp_path: Path) -> None:
    # A table's codes each beside its column's heading, a tab apart: no definitions.
    columns = [("etime", ["ELAPSED"]), ("euid", ["EUID"]), ("sched", ["SCH"]),
               COMMANDS[0]]
    assert _definition_lists(_hung(tmp_path, commands=columns)) == []


def _linked(path: Path, box: tuple[float, float, float, float]) -> Path:
    """``path`` with a link to a web page over ``box`` (x0, y0, x1, y1) on its page."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        link = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=list(box), Border=[0, 0, 0],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/")),
        ))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))
        pdf.save(path)
    return path


def test_a_linked_term_out_of_the_list_is_read_with_its_definition(tmp_path: Path) -> None:
    # The first term carries a link (a list's label carries none): it stays out of the
    # list, read with its definition as the one paragraph they were drawn as, not as a term
    # parted from it.
    path = _linked(_hung(tmp_path), (70, 569, 104, 581))
    texts = [block_text(b) for b in read_layout(path, max_pages=1).blocks]
    (found,) = _definition_lists(path)
    assert [item.label for item in found.items] == [term for term, _ in COMMANDS[1:]]
    assert " ".join(["h or H", *COMMANDS[0][1]]) in texts
    assert "h or H" not in texts


def test_further_paragraphs_at_the_hang_are_the_definitions_and_the_list_goes_on(
    tmp_path: Path,
) -> None:
    # Each definition has a second paragraph at the hang, a paragraph's space under its
    # first: the run of terms goes on past it, and it is the definition's.
    more = "Its second paragraph says more, at the hang."
    commands = [(term, lines) for term, lines in COMMANDS if len(term) <= 6]
    ops = ["BT /F2 18 Tf 72 740 Td (Viewer Commands) Tj ET"]
    paragraphs, y = _paragraphs(710)
    ops += paragraphs
    for term, lines in commands + [("z or Z", ["Scroll forward, and set the window's size."])]:
        ops += [_line("F1", y, term), _line("F1", y, lines[0], x=108)]
        for text in lines[1:]:
            y -= 12
            ops.append(_line("F1", y, text, x=108))
        y -= 24
        ops.append(_line("F1", y, more, x=108))
        y -= 24
    paragraphs, _ = _paragraphs(y)
    ops += paragraphs
    path = helvetica_page(tmp_path / "further.pdf", ops)
    (found,) = _definition_lists(path)
    assert [item.label for item in found.items] == [t for t, _ in commands] + ["z or Z"]
    assert all([p.text for p in item.blocks][1:] == [more] for item in found.items)


def test_terms_of_signs_alone_are_terms_and_numbers_alone_are_not(tmp_path: Path) -> None:
    # A manual's commands may be one sign each ("{", "[", "%"): terms all the same, where
    # numbers hung out alone (a contents', a statement's) are none.
    signs = [("{", ["Go to the matching right curly bracket on the bottom line."]),
             ("}", ["Go to the matching left curly bracket on the top line."]),
             ("[", ["Like the curly bracket, but for square brackets instead."]),
             ("%", ["Go to a position some percent into the file."])]
    (found,) = _definition_lists(_hung(tmp_path, commands=signs))
    assert [item.label for item in found.items] == ["{", "}", "[", "%"]
    numbers = [(str(k), lines) for k, (_, lines) in enumerate(signs, 1)]
    assert _definition_lists(_hung(tmp_path, commands=numbers)) == []


def _second_definition_set_apart(first_line: str, rest: str) -> list[str]:
    """Four terms over their definitions, the second's ``first_line`` and its ``rest`` set
    apart, further down than a line's pitch (read as two blocks, as a page's or a column's
    break leaves them), between paragraphs of prose."""
    ops = ["BT /F2 18 Tf 72 740 Td (Project Overview) Tj ET"]
    more, y = _paragraphs(710)
    ops += more
    for k, (term, text) in enumerate(zip(TERMS, DEFINITIONS, strict=True)):
        ops.append(_line("F2", y, term))
        y -= 12
        if k == 1:
            ops.append(_line("F1", y, first_line))
            y -= 20
            text = rest
        ops.append(_line("F1", y, text))
        y -= 22
    more, _ = _paragraphs(y + 10)
    return ops + more


def test_a_definitions_line_read_apart_goes_on_in_it_and_the_list_goes_on(
    tmp_path: Path,
) -> None:
    # The second's first line ends short of a sentence's end, so the line under it is the
    # rest of it, and the list goes on past it.
    first_line = "Where the packages of each release can be fetched from"
    ops = _second_definition_set_apart(first_line, "the web, one by one.")
    (found,) = _definition_lists(helvetica_page(tmp_path / "apart.pdf", ops))
    assert [item.label for item in found.items] == TERMS
    assert found.items[1].text == f"{first_line} the web, one by one."


def test_a_sentence_after_a_definition_without_a_stop_is_no_rest_of_it(tmp_path: Path) -> None:
    # A definition that ends with an example set without a stop, and a paragraph further
    # down that opens with a capital: a sentence of its own, not the definition's rest.
    example = "Example: fetch --all https://example.com/new"
    ops = _second_definition_set_apart(example, "See also the mirrors.")
    lists = _definition_lists(helvetica_page(tmp_path / "sentence.pdf", ops))
    texts = [item.text for found in lists for item in found.items]
    assert example in texts
    assert not any("See also" in text for text in texts)
