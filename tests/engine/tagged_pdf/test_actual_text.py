"""A re-tagged source keeps its author's /ActualText: said over exactly the glyphs it stands
for (PDF 32000-1 14.9.4), so a screen reader hears "LaTeX", not the logo's pieces."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from workers.engine.analyse import analyse
from workers.engine.document import Paragraph
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.marked_content import (
    PageTagging,
    owners_of,
    tag_instructions,
)
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..content_pdfs import text_page
from .conftest import checks_by_id

# The logo drawn in pieces, as TeX sets it: a raised small A, a lowered E.
LOGO = (b"BT /F1 12 Tf 150 760 Td (L) Tj 5 2 Td /F1 9 Tf (A) Tj 6 -2 Td /F1 12 Tf (T) Tj"
        b" 6.5 -2.5 Td (E) Tj 6.8 2.5 Td (X) Tj ET")
CONTENT = (b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (Typeset with) Tj ET EMC\n"
           b"/Span <</MCID 1>> BDC " + LOGO + b" EMC\n"
           b"/P <</MCID 2>> BDC BT /F1 12 Tf 182.5 760 Td (, as most papers are.) Tj ET EMC")


def _tagged_source(path: Path, actual_text: str) -> Path:
    """One page: a ``P`` whose middle is a ``Span`` (the logo) with ``actual_text``. No
    ParentTree: the tags are not sound enough to keep, so the page is re-tagged."""
    pdf, page = text_page(CONTENT)
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))

    def element(role: str, *kids: object, **entries: object) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + role), Pg=page.obj,
            K=pikepdf.Array(list(kids)), **entries))

    span = element("Span", 1, ActualText=pikepdf.String(actual_text))
    paragraph = element("P", 0, span, 2)
    root.K = element("Document", paragraph)
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    pdf.save(path)
    return path


def _actual_text_spans(content: bytes) -> list[tuple[str, list[str]]]:
    """Each /ActualText marked-content sequence: its text and the strings shown inside it."""
    out: list[tuple[str, list[str]]] = []
    open_spans: list[tuple[str, list[str]] | None] = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for operands, operator in pikepdf.parse_content_stream(pdf.pages[0]):
            op = str(operator)
            if op in ("BDC", "BMC"):
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                actual = props.get("/ActualText") if isinstance(props, pikepdf.Dictionary) \
                    else None
                open_spans.append((str(actual), []) if actual is not None else None)
            elif op == "EMC" and open_spans:
                closed = open_spans.pop()
                if closed is not None:
                    out.append(closed)
            elif op == "Tj":
                for span in open_spans:
                    if span is not None:
                        span[1].append(bytes(operands[0]).decode("latin-1"))
    return out


def test_the_logo_is_read_as_its_actual_text_in_the_retagged_output(tmp_path: Path) -> None:
    source = _tagged_source(tmp_path / "logo.pdf", "LaTeX")
    model = read_structure(source, max_pages=10)
    assert [b.text for b in model.blocks if isinstance(b, Paragraph)] == [
        "Typeset with LaTeX, as most papers are."]
    tagged = tag_pdf(source, model)
    assert not tagged.kept_author_tags
    # Exactly the logo's five pieces, nothing around them.
    assert _actual_text_spans(tagged.content) == [("LaTeX", ["L", "A", "T", "E", "X"])]
    # Read back from the output's tags, the paragraph says what the model says.
    output = tmp_path / "out.pdf"
    output.write_bytes(tagged.content)
    back = read_structure(output, max_pages=10)
    assert back.reader == "structure"
    (text,) = [b.text for b in back.blocks if isinstance(b, Paragraph)]
    # (pdfium sets the replacing characters in the first piece's box and then infers a
    # space before the comma: the words are the model's, the spacing one space off.)
    assert text.startswith("Typeset with LaTeX")
    assert text.replace(" ", "") == "TypesetwithLaTeX,asmostpapersare."
    checks = checks_by_id(tagged, source)
    for check in ("text-fidelity", "pixels", "content-tagged"):
        assert checks[check]["passed"], checks[check]


def test_an_empty_actual_text_silences_its_glyphs_in_the_output_too(tmp_path: Path) -> None:
    # An empty /ActualText says the drawing is not to be read (a leader, a decorative
    # glyph): the model leaves it out, and so does the output.
    source = _tagged_source(tmp_path / "quiet.pdf", "")
    model = read_structure(source, max_pages=10)
    tagged = tag_pdf(source, model)
    assert _actual_text_spans(tagged.content) == [("", ["L", "A", "T", "E", "X"])]


def test_a_span_is_only_written_inside_one_leafs_sequence() -> None:
    # Operators 1-2 are the /ActualText's; a span across two leaves' sequences (or over a
    # path) would nest badly or say its text for other drawing: left out.
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].obj.Contents = pdf.make_stream(
        b"BT /F1 12 Tf (a) Tj (b) Tj (c) Tj ET 0 0 5 5 re f")
    instructions = list(pikepdf.parse_content_stream(pdf.pages[0]))

    def written(claims: list[tuple[int | str, list[tuple[int, int]]]],
                span: tuple[int, int]) -> bytes:
        owners = owners_of(len(instructions), claims)
        out = tag_instructions(instructions, owners, frozenset(), PageTagging(),
                               actual_texts=[(*span, "ab")])
        return pikepdf.unparse_content_stream(out)

    one_leaf = written([(0, [(2, 5)])], (2, 4))
    assert b"/ActualText (ab)" in one_leaf
    assert one_leaf.index(b"/ActualText") < one_leaf.index(b"(a)")
    assert one_leaf.index(b"(b)") < one_leaf.index(b"EMC", one_leaf.index(b"/ActualText"))
    assert one_leaf.index(b"(c)") > one_leaf.index(b"EMC", one_leaf.index(b"/ActualText"))
    assert b"/ActualText" not in written([(0, [(2, 3)]), (1, [(3, 5)])], (2, 4))
    assert b"/ActualText" not in written([(0, [(2, 8)])], (4, 8))  # (c) and a path
    assert b"/ActualText" not in written([(0, [(2, 5)]), ("other", [(5, 8)])], (5, 8))


def test_a_marked_content_actual_text_of_the_source_is_said_again(tmp_path: Path) -> None:
    # No structure tree: the source says "LaTeX" only in a marked-content property list,
    # which the layout reader reads through (pdfium); the output keeps saying it.
    pdf, _ = text_page(
        b"BT /F1 12 Tf 72 760 Td (Typeset with) Tj ET\n"
        b"/Span <</ActualText (LaTeX)>> BDC " + LOGO + b" EMC\n"
        b"BT /F1 12 Tf 182.5 760 Td (, as most papers are.) Tj ET")
    source = tmp_path / "marked.pdf"
    pdf.save(source)
    model = analyse(source, max_pages=10)
    assert "LaTeX" in " ".join(b.text for b in model.blocks if isinstance(b, Paragraph))
    tagged = tag_pdf(source, model)
    assert _actual_text_spans(tagged.content) == [("LaTeX", ["L", "A", "T", "E", "X"])]
    checks = checks_by_id(tagged, source)
    for check in ("text-fidelity", "pixels", "content-tagged"):
        assert checks[check]["passed"], checks[check]
