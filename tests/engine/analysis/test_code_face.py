"""Lines in a document's typewriter face, where the document sets its code larger than its
text, are set apart by nothing: a piece of a function's signature is no heading, a bookmark
naming the function leads to the heading over it, not to the signature, and a definition
list's bold terms in code are terms (:mod:`workers.engine.layout.code_face`). A bold line
in code standing alone still heads what follows it. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

FONTS = {"F1": "/Helvetica", "F2": "/Helvetica-Bold", "F3": "/Courier", "F4": "/Courier-Bold"}
SENTENCE = (
    "This paragraph is set in the body face and runs on for a while as running text does "
    "so that the body size of the page is known to the reader of the page"
)
#: A listing in Courier 14 over Helvetica 10 text: the document's code, set larger.
LISTING = [
    "xmlChar * xsltEvalXPathString (xsltTransformContextPtr ctxt,",
    "                              xmlXPathCompExprPtr comp);",
    "xmlChar * xsltEvalTemplateString (xsltTransformContextPtr ctxt,",
    "                                 xmlNodePtr contextNode,",
    "                                 xmlNodePtr inst);",
]


def _line(font: str, size: float, y: float, text: str, x: float = 72) -> bytes:
    return f"BT /{font} {size} Tf {x} {y} Td (".encode() + pdf_string(text) + b") Tj ET"


def _paragraphs(top: float, count: int = 2) -> tuple[list[bytes], float]:
    """``count`` paragraphs of three lines (12 pt leading, 10 pt between them); the
    baseline the next line would start on."""
    ops, y, words = [], top, SENTENCE.split()
    for p in range(count):
        for k in range(3):
            at = (p * 3 + k) * 4 % len(words)
            ops.append(_line("F1", 10, y, " ".join(words[at:at + 12])))
            y -= 12
        y -= 10
    return ops, y


def _opening() -> tuple[list[bytes], float]:
    """A title, paragraphs, the listing and a paragraph; the baseline the next line would
    start on."""
    ops = [_line("F2", 18, 740, "Template Processing")]
    more, y = _paragraphs(710)
    ops += more
    for text in LISTING:
        ops.append(_line("F3", 14, y, text))
        y -= 16
    more, y = _paragraphs(y - 10, 1)
    return ops + more, y


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def _signature_page(tmp_path: Path) -> Path:
    """A function's heading in bold, its signature in pieces in the code's face under it,
    then its description."""
    ops, y = _opening()
    ops.append(_line("F2", 12, y, "4.1 xsltEvalXPathString ()"))
    y -= 20
    # (Set in columns, as a browser sets a signature's table: its return type, its name,
    # its arguments, each a block of its own.)
    ops += [
        _line("F3", 14, y, "xmlChar *"),
        _line("F3", 14, y, "xsltEvalXPathString", x=200),
        _line("F3", 14, y, "(xsltTransformContextPtr ctxt,", x=380),
        _line("F3", 14, y - 16, "xmlXPathCompExprPtr comp);", x=388),
    ]
    y -= 42
    more, _ = _paragraphs(y)
    return fonts_page_pdf(tmp_path / "signature.pdf", ops + more, FONTS, size=(612, 792))


def test_a_signature_in_the_codes_face_is_no_heading(tmp_path: Path) -> None:
    found = _headings(_signature_page(tmp_path))
    assert "Template Processing" in found
    assert "4.1 xsltEvalXPathString ()" in found
    assert not {"xmlChar *", "xsltEvalXPathString"} & set(found)


def test_a_bookmark_leads_past_the_signature(tmp_path: Path) -> None:
    # The bookmark leaves out the heading's number: its title reads as the function's name
    # in the signature does.
    path = _signature_page(tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem("xsltEvalXPathString ()", 0))
        pdf.save(path)
    assert "xsltEvalXPathString" not in _headings(path)


TERMS = ["celery[auth]", "celery[msgpack]", "celery[yaml]", "celery[redis]"]
DEFINITIONS = [
    "for using the auth security serializer.",
    "for using the msgpack serializer.",
    "for using the yaml serializer.",
    "for using Redis as a message transport or as a result backend.",
]


def test_terms_in_bold_code_are_no_headings(tmp_path: Path) -> None:
    ops, y = _opening()
    ops.append(_line("F2", 12, y, "Bundles"))
    y -= 20
    for term, definition in zip(TERMS, DEFINITIONS, strict=True):
        ops.append(_line("F4", 14, y, term))
        y -= 15
        ops.append(_line("F1", 10, y, definition))
        y -= 22
    more, _ = _paragraphs(y)
    found = _headings(fonts_page_pdf(tmp_path / "terms.pdf", ops + more, FONTS,
                                     size=(612, 792)))
    assert "Bundles" in found
    assert not set(TERMS) & set(found)


def test_a_definition_holding_code_is_of_the_texts_size(tmp_path: Path) -> None:
    # The second definition is mostly a word of code set inline, in the typewriter face
    # that measures larger: the line measures larger than the text, its words do not.
    ops, y = _opening()
    ops.append(_line("F2", 12, y, "Bundles"))
    y -= 20
    for k, term in enumerate(TERMS):
        ops.append(_line("F4", 14, y, term))
        y -= 15
        if k == 1:
            ops.append(
                f"BT /F1 10 Tf 72 {y} Td (for the ) Tj /F3 14 Tf (task_remote_tracebacks) Tj"
                " /F1 10 Tf (.) Tj ET".encode()
            )
        else:
            ops.append(_line("F1", 10, y, DEFINITIONS[k]))
        y -= 22
    more, _ = _paragraphs(y)
    found = _headings(fonts_page_pdf(tmp_path / "inline.pdf", ops + more, FONTS,
                                     size=(612, 792)))
    assert not set(TERMS) & set(found)


def test_a_bold_line_in_code_alone_stays_a_heading(tmp_path: Path) -> None:
    ops, y = _opening()
    ops.append(_line("F4", 14, y, "celery[redis]"))
    y -= 24
    more, _ = _paragraphs(y)
    found = _headings(fonts_page_pdf(tmp_path / "alone.pdf", ops + more, FONTS,
                                     size=(612, 792)))
    assert "celery[redis]" in found


def test_a_paragraphs_last_line_in_inline_code_is_no_heading(tmp_path: Path) -> None:
    # Paragraphs naming functions in code set inline, in a typewriter face that measures
    # larger than the text; one paragraph's last line holds only a name in code.
    ops = [_line("F2", 18, 740, "The Basics")]
    y = 710.0
    for _ in range(3):
        for _ in range(2):
            ops.append(
                f"BT /F1 10 Tf 72 {y} Td (The function ) Tj /F3 14 Tf (ffi_prep_cif) Tj"
                " /F1 10 Tf ( prepares the call interface of the library for a call.) Tj ET"
                .encode()
            )
            y -= 13
        y -= 10
    ops.append(_line("F1", 10, y, "If the function being called is variadic then use"))
    ops.append(
        f"BT /F3 14 Tf 72 {y - 15} Td (ffi_prep_cif_var) Tj /F1 10 Tf (.) Tj ET".encode()
    )
    more, _ = _paragraphs(y - 40)
    found = _headings(fonts_page_pdf(tmp_path / "inline.pdf", ops + more, FONTS,
                                     size=(612, 792)))
    assert "The Basics" in found
    assert "ffi_prep_cif_var." not in found


def _paragraph_ending_in_code(tmp_path: Path, ending: str) -> list[str]:
    """The texts of the paragraphs read from a page whose paragraph names files in code set
    inline (Courier 14 in Helvetica 10 text: the code measures larger), its second line
    ending in ``ending``, its third only "server.pem" in code closed by a full stop in the
    text's face; a paragraph follows."""
    ops = [_line("F2", 18, 740, "Server Certificate")]
    y = 710.0
    ops.append(
        f"BT /F1 10 Tf 72 {y} Td (Copy the files to the server and keep them safe, ) Tj"
        " /F3 14 Tf (server.key) Tj /F1 10 Tf ( above all.) Tj ET".encode()
    )
    ops.append(
        f"BT /F1 10 Tf 72 {y - 13} Td (Then remove every other copy of the files, ) Tj"
        f" /F3 14 Tf (server.crt) Tj /F1 10 Tf ({ending}) Tj ET".encode()
    )
    ops.append(f"BT /F3 14 Tf 72 {y - 28} Td (server.pem) Tj /F1 10 Tf (.) Tj ET".encode())
    more, _ = _paragraphs(y - 60)
    doc = read_layout(fonts_page_pdf(tmp_path / "pem.pdf", ops + more, FONTS, size=(612, 792)),
                      max_pages=1)
    return [b.text for b in doc.walk() if type(b).__name__ == "Paragraph"]


def test_a_paragraphs_last_line_in_code_closed_by_its_stop_goes_on(tmp_path: Path) -> None:
    texts = _paragraph_ending_in_code(tmp_path, " and")
    assert any(t.endswith("server.crt and server.pem.") for t in texts), texts
    assert "server.pem." not in texts


def test_a_line_of_code_after_a_colon_opens_its_own_block(tmp_path: Path) -> None:
    # Under a line leading into it with a colon, the line of code is no sentence's end.
    texts = _paragraph_ending_in_code(tmp_path, " and this one:")
    assert not any(t.endswith("server.pem.") and "remove" in t for t in texts), texts
