"""The structure reader on tagged PDFs made by the tests, and the analyse() entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from service.cli import main
from workers.engine.analyse import analyse
from workers.engine.document import Document, Heading, ListBlock, Paragraph, Table, block_text
from workers.engine.errors import EncryptedPdfError, NotAPdfError
from workers.engine.layout.blocks import Hyphenation, join_lines
from workers.engine.structure.reader import read_structure
from workers.engine.structure.strip import strip_structure

from .conftest import HtmlPdf

BODY = (
    "<h1>Title here</h1><p>Para one with <a href='https://example.org/'>a link</a>.</p>"
    "<ul><li>Alpha</li><li>Beta<ul><li>Inner</li></ul></li></ul>"
    "<table><tr><th>Day</th><th>Rain</th></tr><tr><td>Monday</td><td>3 mm</td></tr>"
    "<tr><td>Tuesday</td><td>none</td></tr><tr><td>Friday</td><td>1 mm</td></tr></table>"
    "<h2>Sub heading</h2><p>The end.</p>"
)


def test_tags_become_the_model(html_pdf: HtmlPdf) -> None:
    doc = read_structure(html_pdf(BODY, tagged=True), max_pages=5)
    assert doc.reader == "structure"
    assert doc.language == "en-GB"
    assert [b.type for b in doc.blocks] == [
        "heading", "paragraph", "list", "table", "heading", "paragraph"
    ]
    h1, para, lst, table, h2, _ = doc.blocks
    assert isinstance(h1, Heading) and (h1.text, h1.level) == ("Title here", 1)
    assert isinstance(h2, Heading) and (h2.text, h2.level) == ("Sub heading", 2)
    assert isinstance(para, Paragraph)
    assert [(link.text, link.target) for link in para.links] == [
        ("a link", "https://example.org/")
    ]
    assert isinstance(lst, ListBlock)
    assert [(i.label, i.text) for i in lst.items] == [("•", "Alpha"), ("•", "Beta")]
    nested = lst.items[1].blocks[-1]
    assert isinstance(nested, ListBlock) and [i.text for i in nested.items] == ["Inner"]
    assert isinstance(table, Table)
    assert [[c.text for c in r.cells] for r in table.rows][:2] == [
        ["Day", "Rain"], ["Monday", "3 mm"]
    ]
    assert [c.header for c in table.rows[0].cells] == [True, True]
    # Provenance keeps the author's MCIDs.
    assert h1.prov[0].mcids and h1.prov[0].operators


def test_stripped_copy_is_read_from_layout_with_the_same_words(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    tagged = html_pdf(BODY, tagged=True, css="td, th { padding: 1pt 12pt }")
    stripped = tmp_path / "stripped.pdf"
    strip_structure(tagged, stripped)
    with pikepdf.open(stripped) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        ops = {str(i.operator) for i in pikepdf.parse_content_stream(pdf.pages[0])}
        assert not ops & {"BDC", "BMC", "EMC"}
    truth = read_structure(tagged, max_pages=5)
    found = analyse(stripped, max_pages=5)
    assert found.reader == "layout"
    words = lambda d: " ".join(block_text(b) for b in d.blocks).split()  # noqa: E731
    assert words(found) == words(truth)
    assert [(b.text, b.level) for b in found.blocks if isinstance(b, Heading)] == [
        ("Title here", 1), ("Sub heading", 2)
    ]


def test_untagged_pdf_falls_back_to_layout(html_pdf: HtmlPdf) -> None:
    doc = read_structure(html_pdf("<h1>Plain</h1><p>Text.</p>"), max_pages=5)
    assert doc.reader == "layout"
    assert [w.code for w in doc.warnings] == ["no-structure"]


def test_image_only_page_needs_ocr_and_empty_page_is_fine(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.add_blank_page(page_size=(595, 842))
    image = pikepdf.Stream(pdf, b"\x80" * 100, Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Image, Width=10, Height=10,
                           ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(b"q 500 0 0 700 40 60 cm /Im0 Do Q")
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    doc = analyse(path, max_pages=5)
    assert [p.needs_ocr for p in doc.pages] == [False, True]
    assert [(w.code, w.page) for w in doc.warnings] == [("needs-ocr", 1)]
    assert not doc.blocks or all(b.type == "figure" for b in doc.blocks)


def test_broken_content_stream_and_missing_font_do_not_crash(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Contents = pdf.make_stream(
        b"BT /F9 12 Tf 72 700 Td (no such font) Tj ET q 1 0 0 1 ( cm [ <<>> Tj EMC EMC Q BT"
    )
    path = tmp_path / "broken.pdf"
    pdf.save(path)
    doc = analyse(path, max_pages=5)
    assert Document.from_json(doc.to_json()) == doc


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"hello")
    with pytest.raises(NotAPdfError):
        analyse(junk, max_pages=5)
    pdf = pikepdf.new()
    pdf.add_blank_page()
    locked = tmp_path / "locked.pdf"
    pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    with pytest.raises(EncryptedPdfError):
        analyse(locked, max_pages=5)
    owner_only = tmp_path / "owner-only.pdf"
    pdf.save(owner_only, encryption=pikepdf.Encryption(user="", owner="owner"))
    assert len(analyse(owner_only, max_pages=5).pages) == 1


def test_analyse_command_prints_the_model(
    html_pdf: HtmlPdf, capsys: pytest.CaptureFixture[str]
) -> None:
    path = html_pdf(BODY, tagged=True)
    assert main(["analyse", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1 and data["reader"] == "structure"
    assert data["blocks"][0] == Document.from_dict(data).to_dict()["blocks"][0]
    assert data["blocks"][0]["type"] == "heading"


HYPHENATED = (
    "The administration considered accessibility documentation, and the well-known "
    "representatives published comprehensive recommendations regarding international "
    "interoperability."
)


def test_words_hyphenated_at_line_ends_are_read_whole(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    # The same sentence set wide (no breaks) and narrow with hyphens: auto (the typesetter
    # breaks words with U+2010 hyphens): both read alike, from the tags and from the layout,
    # and the compound keeps its own hyphen.
    tagged = html_pdf(
        f"<p>{HYPHENATED}</p><p class='narrow'>{HYPHENATED}</p>",
        css="p.narrow { width: 5.5cm; hyphens: auto }",
        tagged=True,
    )
    stripped = tmp_path / "stripped.pdf"
    strip_structure(tagged, stripped)
    for doc in (read_structure(tagged, max_pages=2), read_structure(stripped, max_pages=2)):
        texts = [block_text(b) for b in doc.blocks]
        assert texts == [HYPHENATED, HYPHENATED], doc.reader


def test_soft_hyphens_join_the_word_they_sit_in() -> None:
    # Tagged PDFs mark a line-end hyphen as an /ActualText of U+00AD, which is read as a
    # glyph run of its own (with spaces around it) or at the end of the line's run.
    assert join_lines(["the ex \u00ad", "change of files"], None) == "the exchange of files"
    assert join_lines(["the ex", "\u00ad", "change"], None) == "the exchange"
    assert join_lines(["the ex\u00adchange"], None) == "the exchange"
    # With no evidence in a document that does not hyphenate words, a line-end hyphen stays.
    assert join_lines(["a well-", "known name"], Hyphenation([])) == "a well-known name"


def _tagged_by_hand(path: Path, content: bytes, mcids: list[int]) -> Path:
    """One page drawing ``content`` (Helvetica as /F1) with one P element over ``mcids``."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    page = pdf.add_blank_page(page_size=(400, 300))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(content)
    page.obj.StructParents = 0
    paragraph = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, Pg=page.obj, K=pikepdf.Array(mcids),
    ))
    root = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([paragraph]),
        ParentTree=pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Array([paragraph] * 2)])),
    ))
    paragraph.P = root
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(path)
    return path


def test_a_line_end_hyphen_the_author_made_an_artifact_joins_the_word(tmp_path: Path) -> None:
    # The PDF/UA reference brochure marks the hyphens that break words at line ends as
    # artifacts: the word's halves are in the paragraph, the hyphen is not.
    content = (
        b"/P <</MCID 0>> BDC BT /F1 12 Tf 20 250 Td (Open to government agen) Tj ET EMC\n"
        b"/Artifact BMC BT /F1 12 Tf 165.4 250 Td (-) Tj ET EMC\n"
        b"/P <</MCID 1>> BDC BT /F1 12 Tf 20 235 Td (cies and to everyone.) Tj ET EMC\n"
    )
    doc = read_structure(_tagged_by_hand(tmp_path / "hyphen.pdf", content, [0, 1]),
                         max_pages=1)
    assert doc.reader == "structure"
    assert [block_text(b) for b in doc.blocks] == ["Open to government agencies and to everyone."]


def test_an_item_body_with_its_own_text_and_a_nested_list_keeps_both(tmp_path: Path) -> None:
    # Only the content elements say their page (/Pg is optional elsewhere): an item's body
    # holding its own text and a nested list reads its text on the page the body names,
    # not on the page of the list around it, which says none.
    content = (
        b"/Lbl <</MCID 0>> BDC BT /F1 12 Tf 20 250 Td (1.) Tj ET EMC\n"
        b"/LBody <</MCID 1>> BDC BT /F1 12 Tf 40 250 Td (Fruit we grow:) Tj ET EMC\n"
        b"/LBody <</MCID 2>> BDC BT /F1 12 Tf 60 235 Td (apples) Tj ET EMC\n"
    )
    path = _tagged_by_hand(tmp_path / "list.pdf", content, [])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0].obj
        root = pdf.Root.StructTreeRoot

        def element(role: str, kids: list[object], on_page: bool = False) -> pikepdf.Object:
            made = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name(role), K=pikepdf.Array(kids),
            ))
            if on_page:
                made.Pg = page
            return made

        inner = element("/L", [element("/LI", [element("/LBody", [2], on_page=True)])])
        body = element("/LBody", [1, inner], on_page=True)
        outer = element("/L", [element("/LI", [element("/Lbl", [0], on_page=True), body])])
        root.K = pikepdf.Array([outer])
        root.ParentTree = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Array([outer] * 3)]))
        pdf.save(path)
    doc = read_structure(path, max_pages=1)
    assert doc.reader == "structure"  # no text lost, so the tags are used
    (lst,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lst.items] == ["Fruit we grow:"]
    (nested,) = [b for b in lst.items[0].blocks if isinstance(b, ListBlock)]
    assert [item.text for item in nested.items] == ["apples"]


def test_a_word_broken_across_two_marked_sequences_counts_as_hyphenation_evidence(
    tmp_path: Path
) -> None:
    # A tagger marking each line apart (or cutting a paragraph where it is read out of
    # order): the halves of a word broken at a line's end are in two sequences. They are
    # still evidence that the document hyphenates words ("agen-" "cies", written whole
    # elsewhere), so a break with no evidence of its own ("docu-" "ment") is joined too.
    lines = ["Open to government agen-", "cies and to everyone. The docu-", "ment is short.",
             "The agencies agreed."]
    content = b"\n".join(
        f"/P <</MCID {k}>> BDC BT /F1 12 Tf 20 {250 - 15 * k} Td ({line}) Tj ET EMC".encode()
        for k, line in enumerate(lines)
    )
    path = _tagged_by_hand(tmp_path / "lines.pdf", content, [0, 1, 2])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.StructTreeRoot
        first = root.K[0]
        second = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=root, Pg=pdf.pages[0].obj,
            K=pikepdf.Array([3]),
        ))
        root.K = pikepdf.Array([first, second])
        root.ParentTree = pikepdf.Dictionary(
            Nums=pikepdf.Array([0, pikepdf.Array([first] * 3 + [second])]))
        pdf.save(path)
    doc = read_structure(path, max_pages=1)
    assert doc.reader == "structure"
    assert [block_text(b) for b in doc.blocks] == [
        "Open to government agencies and to everyone. The document is short.",
        "The agencies agreed.",
    ]
