"""The held-out bench (bench/heldout.py) makes tagged PDFs and scores them as the structure bench.

The bench itself takes minutes; this checks its generator on one small page: WeasyPrint writes
a structure tree holding the headings, list and table the page has, the structure reader reads
it as the truth, and the layout reader is scored against it on the stripped copy.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from workers.engine.document import ListItem, Paragraph

from .bench_modules import bench_module

PAGE = """<html><head><title>Held-out test</title></head><body>
<h1>Checking the generator</h1>
<p>The held-out bench makes tagged documents from pages on this machine and checks what the
layout reader finds in their stripped copies against the tags the maker wrote.</p>
<h2>What it lists</h2>
<ul><li>the first thing to check</li><li>the second thing to check</li></ul>
<table><tr><th>Measure</th><th>Meaning</th></tr>
<tr><td>order</td><td>reading order of the body words</td></tr></table>
<p>A last paragraph closes the page so that it has some prose after the table.</p>
</body></html>"""


@pytest.fixture(scope="module")
def heldout() -> ModuleType:
    module = bench_module("heldout")
    if not module.weasyprint_tags():
        pytest.skip("WeasyPrint is not installed")
    return module


def test_the_generator_makes_a_tagged_pdf_the_bench_scores(
    heldout: ModuleType, tmp_path: Path
) -> None:
    html = heldout.source_html_text(PAGE, tmp_path)
    job = heldout.Job("test", heldout.styled(html, "single"), tmp_path, "single", "weasyprint")
    pdf = tmp_path / "test.single.weasyprint.pdf"
    heldout.make_weasyprint(job, pdf)
    if not heldout.has_structure_tree(pdf):
        pytest.skip("this WeasyPrint writes no structure tree")
    work = tmp_path / "work"
    work.mkdir()
    s = heldout.score_file(pdf, work)
    assert s.note == ""
    assert (s.n_headings, s.n_items, s.n_tables) == (2, 2, 1)
    assert s.order is not None and s.order > 0.9
    assert s.s_recall == 1.0


def test_each_source_gets_a_different_design_from_each_maker(
    heldout: ModuleType, tmp_path: Path
) -> None:
    pages = []
    for i in range(3):
        page = tmp_path / f"page{i}.html"
        page.write_text(PAGE)
        pages.append(page)
    jobs = heldout.jobs(pages, heldout.MAKERS)
    assert len(jobs) == 3 * len(heldout.MAKERS)
    for source in range(3):
        designs = [j.design for j in jobs if j.name.endswith(f"page{source}")]
        assert len(set(designs)) == len(heldout.MAKERS)
    assert len({j.design for j in jobs}) >= 3


def test_the_office_reference_documents_carry_the_designs_page_set_up(
    heldout: ModuleType, tmp_path: Path
) -> None:
    import zipfile

    pypandoc = pytest.importorskip("pypandoc")
    reference = tmp_path / "reference.docx"
    heldout.write_reference(pypandoc.get_pandoc_path(), "twocol", "A & B", reference)
    with zipfile.ZipFile(reference) as docx:
        document = docx.read("word/document.xml").decode()
        styles = docx.read("word/styles.xml").decode()
    assert '<w:cols w:num="2"' in document
    assert '<w:pgSz w:w="11906" w:h="16838" />' in document  # A4
    assert 'w:ascii="Liberation Serif"' in styles and 'w:sz w:val="19"' in styles
    assert "<w:tblBorders>" in styles
    heldout.write_reference(pypandoc.get_pandoc_path(), "running", "A & B", reference)
    with zipfile.ZipFile(reference) as docx:
        assert "A &amp; B" in docx.read("word/header1.xml").decode()
        assert "PAGE" in docx.read("word/footer1.xml").decode()
        assert "headerReference" in docx.read("word/document.xml").decode()


def test_libreoffice_makes_a_tagged_pdf_the_bench_scores(
    heldout: ModuleType, tmp_path: Path
) -> None:
    if "libreoffice" not in heldout.available_makers():
        pytest.skip("LibreOffice is not installed")
    html = heldout.source_html_text(PAGE, tmp_path)
    job = heldout.Job("test", heldout.styled(html, "twocol"), tmp_path, "twocol", "libreoffice")
    pdf = tmp_path / "test.twocol.libreoffice.pdf"
    heldout.make_libreoffice(job, pdf)
    assert heldout.has_structure_tree(pdf)
    work = tmp_path / "work"
    work.mkdir()
    s = heldout.score_file(pdf, work)
    assert s.note == ""
    assert (s.n_headings, s.n_items, s.n_tables) == (2, 2, 1)
    assert s.s_recall == 1.0


DEFINITIONS = """<html><head><title>Held-out terms</title></head><body>
<h1>Terms and steps</h1>
<p>The page has a list of steps and a definition list of terms, each with its definition, as
manuals often have.</p>
<ul><li>the first step to take</li><li>the second step to take</li></ul>
<dl><dt>--verbose</dt><dd>Prints every file the tool reads as it reads it.</dd>
<dt>--quiet</dt><dd>Prints nothing but the errors the tool meets on its way.</dd></dl>
<p>A last paragraph closes the page so that it has some prose after the terms.</p>
</body></html>"""


def test_a_definition_lists_terms_and_definitions_are_no_truth_items(
    heldout: ModuleType, tmp_path: Path
) -> None:
    """WeasyPrint tags each dt and each dd as an LI of its own; in the standard a term and its
    definition are one item (LBody: "in a dictionary list ... the definition of the term"),
    and the other makers tag them as paragraphs: the truth keeps the ul's two items only."""
    html = heldout.source_html_text(DEFINITIONS, tmp_path)
    job = heldout.Job("terms", heldout.styled(html, "single"), tmp_path, "single", "weasyprint")
    pdf = tmp_path / "terms.single.weasyprint.pdf"
    heldout.make_weasyprint(job, pdf)
    if not heldout.has_structure_tree(pdf):
        pytest.skip("this WeasyPrint writes no structure tree")
    work = tmp_path / "work"
    work.mkdir()
    assert heldout.score_file(pdf, work).n_items == 6  # the tags, as they are
    s = heldout.score_file(pdf, work, job.html)
    assert s.n_items == 2
    assert s.list_f1 == 1.0


@pytest.fixture(scope="module")
def heldout_code() -> ModuleType:
    """The bench's functions, without WeasyPrint (they make no PDF)."""
    return bench_module("heldout")


def test_a_one_letter_term_is_no_start_of_an_items_text(heldout_code: ModuleType) -> None:
    # (A term "%p", normalised "p", was taken as the start of "preamble the purpose ...": the
    # item, and the parts of others broken across a page, were left out of the truth.)
    kinds = {"p": "dt", "preamble the purpose of this license is to make a manual free": "li"}
    assert heldout_code.element_of_text("preamble the purpose of this license", kinds) == "li"
    assert heldout_code.element_of_text("pages of the document go on", kinds) == "?"
    # A text the term starts, at a word's end, is still the term's.
    kinds = {"verbose output of the tool": "dt"}
    assert heldout_code.element_of_text("verbose output of the tool prints more", kinds) == "dt"
    assert heldout_code.element_of_text("verbose output of the toolbox", kinds) == "?"


def test_words_both_a_term_and_an_item_keep_as_many_items_as_there_are_lis(
    heldout_code: ModuleType,
) -> None:
    # ("Parse the Stylesheet": a dt of two contents lists and a step of an ol.)
    html = ("<html><body><dl><dt>Parse the Stylesheet</dt></dl><dl><dt>Parse the Stylesheet"
            "</dt></dl><ol><li>parse the stylesheet</li><li>apply it</li></ol></body></html>")
    own = heldout_code.list_item_of_its_own(heldout_code.html_item_texts(html),
                                            heldout_code.html_item_counts(html))
    items = [ListItem("", [Paragraph(t)]) for t in
             ("Parse the Stylesheet", "Parse the Stylesheet", "parse the stylesheet", "apply it")]
    assert [own(i) for i in items] == [True, False, False, True]
