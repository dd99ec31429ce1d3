"""Office exports in two columns: columns of prose with program text set in them (a manual's
declarations, broken at their runs of spaces into pieces), fonts whose descriptor gives no
ascent nor descent (one point size reads as one size in every face), and second-level
bullets set as the letter "o" in a face of their own."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.document import ListBlock, ListItem, Paragraph
from workers.engine.layout.font_extents import USUAL_EXTENT, UndeclaredExtents
from workers.engine.layout.glyphs import OpenedPage
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

_PROSE = (
    "Processes all attributes of a literal result",
    "element, applies the attribute sets it names,",
    "and copies the other attributes over to",
)
_CODE = [
    ("xmlAttrPtr", ""), ("xsltAttrListProcess", ""), ("(xsltContextPtr", "ctxt,"),
    ("", "xmlNodePtr"), ("target,", ""), ("", "xmlAttrPtr"), ("attrs);", ""),
    ("xmlChar *", ""), ("xsltEvalString", ""), ("(xsltContextPtr", "ctxt,"),
    ("", "xmlNodePtr"), ("node,", ""), ("", "xmlNodePtr"), ("inst);", ""),
]


def _text(x: float, y: float, face: str, text: str, size: float = 9.5) -> bytes:
    return b"BT /%s %.1f Tf %.1f %.1f Td (%s) Tj ET" % (
        face.encode(), size, x, y, pdf_string(text)
    )


def _column(x: float, top: float, tag: str, prose_first: bool) -> tuple[list[bytes], float]:
    """A column's declaration (program text in pieces) and its description in prose, the
    prose first where ``prose_first`` (the column's text runs on from the last column)."""
    ops: list[bytes] = []
    y = top

    def code() -> None:
        nonlocal y
        for left, right in _CODE:
            if left:
                ops.append(_text(x, y, "F2", left))
            if right:
                ops.append(_text(x + 110, y, "F2", right))
            y -= 13.5
        y -= 6

    def prose() -> None:
        nonlocal y
        for line in _PROSE:
            ops.append(_text(x, y, "F1", f"{line} {tag}"))
            y -= 13.5
        y -= 8
        for label in ("ctxt:", "node:", "inst:", "Returns:"):  # (its parameters' labels)
            ops.append(_text(x, y, "F1", label))
            y -= 18
        y -= 14

    def head() -> None:
        nonlocal y
        ops.append(_text(x, y, "F3", f"xsltProcess{tag} ()", 11))
        y -= 20

    for part in (prose, head, code) if prose_first else (head, code, prose):
        part()
    return ops, y


def test_columns_of_prose_with_program_text_in_them_are_read_down(tmp_path: Path) -> None:
    ops: list[bytes] = []
    # (The columns out of step: the right one opens with prose where the left has code.)
    for x, tag in ((46.0, "left"), (310.0, "right")):
        top = 780.0
        for part in ("one", "two"):
            column, top = _column(x, top, f"{tag}{part}", tag == "right")
            ops += column
    path = fonts_page_pdf(tmp_path / "columns.pdf", ops, {
        "F1": "/Times-Roman", "F2": "/Courier", "F3": "/Times-Bold"}
    )
    doc = read_layout(path, max_pages=1)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    places = [text.find(f"over to {tag}") for tag in ("leftone", "lefttwo", "rightone", "righttwo")]
    assert -1 not in places, text
    assert places == sorted(places), text


def _undeclared(path: Path, names: list[str]) -> Path:
    """``path`` with the fonts ``names`` given a descriptor whose ascent and descent are 0,
    as some office suites write them."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        fonts = pdf.pages[0].Resources.Font
        for name in names:
            font = fonts[name]
            bold = "Bold" in str(font.BaseFont)
            font.FontDescriptor = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.FontDescriptor, FontName=font.BaseFont,
                Flags=262178 if bold else 34, ItalicAngle=0, StemV=80, CapHeight=0,
                FontBBox=[-168, -303, 1000, 1310] if bold else [-168, -218, 1000, 898],
                Ascent=0, Descent=0,
            ))
        pdf.save(path)
    return path


def _sizes(path: Path) -> dict[str, set[float]]:
    """The sizes of the page's glyphs by font, as the layout reader measures them."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        with OpenedPage(pdf, 0) as opened, pikepdf.open(path) as pk:
            glyphs = opened.content.glyphs
            UndeclaredExtents().apply(pk.pages[0], glyphs, opened.type_sizes)
            out: dict[str, set[float]] = {}
            for g in glyphs:
                if not g.char.isspace():
                    out.setdefault(g.font, set()).add(g.size)
            return out
    finally:
        pdf.close()


def test_one_point_size_reads_as_one_size_in_fonts_declaring_no_extent(
    tmp_path: Path,
) -> None:
    ops = [
        _text(72, 700, "F1", "Running text set in the regular face, Ag", 10),
        _text(72, 680, "F2", "root term", 10),
        _text(72, 660, "F1", "A heading in a larger size", 14),
    ]
    path = _undeclared(fonts_page_pdf(
        tmp_path / "undeclared.pdf", ops, {"F1": "/TimesNR", "F2": "/TimesNR-Bold"}
    ), ["/F1", "/F2"])
    sizes = _sizes(path)
    assert sizes["TimesNR-Bold"] == {round(10 * USUAL_EXTENT, 1)}
    assert sizes["TimesNR"] == {round(10 * USUAL_EXTENT, 1), round(14 * USUAL_EXTENT, 1)}


def test_a_font_declaring_no_extent_reads_as_the_pages_other_fonts_do(tmp_path: Path) -> None:
    ops = [
        _text(72, 700, "F1", "Running text set in a face that declares its extent", 10),
        _text(72, 680, "F2", "Running text set in a face that declares none", 10),
    ]
    path = _undeclared(fonts_page_pdf(
        tmp_path / "mixed.pdf", ops, {"F1": "/Helvetica", "F2": "/TimesNR"}
    ), ["/F2"])
    sizes = _sizes(path)
    assert len(sizes["Helvetica"]) == 1
    assert sizes["TimesNR"] == sizes["Helvetica"]


def test_second_level_bullets_set_as_the_letter_o_are_bullets(tmp_path: Path) -> None:
    ops = [
        _text(72, 760, "F1", "The workers take their tasks from one of several brokers:", 10),
        _text(90, 744, "F2", "o", 10), _text(108, 744, "F1", "RabbitMQ, over AMQP", 10),
        _text(90, 730, "F2", "o", 10), _text(108, 730, "F1", "Redis, with its lists", 10),
        _text(90, 716, "F2", "o", 10), _text(108, 716, "F1", "Amazon SQS", 10),
        _text(72, 694, "F1", "Each of them keeps the messages until a worker takes them.", 10),
    ]
    path = fonts_page_pdf(tmp_path / "o.pdf", ops, {"F1": "/Times-Roman", "F2": "/Courier"})
    doc = read_layout(path, max_pages=1)
    items = [i for b in doc.blocks if isinstance(b, ListBlock) for i in b.items]
    assert [(i.label, i.blocks[0].text) for i in items if isinstance(i, ListItem)] == [
        ("\u25e6", "RabbitMQ, over AMQP"), ("\u25e6", "Redis, with its lists"),
        ("\u25e6", "Amazon SQS"),
    ]


def test_the_word_o_in_the_texts_own_face_is_no_bullet(tmp_path: Path) -> None:
    ops = [
        _text(72, 760, "F1", "Las opciones son dos:", 10),
        _text(90, 744, "F1", "o", 10), _text(108, 744, "F1", "bien la primera", 10),
        _text(90, 730, "F1", "o", 10), _text(108, 730, "F1", "bien la segunda", 10),
    ]
    path = fonts_page_pdf(tmp_path / "word.pdf", ops, {"F1": "/Times-Roman"})
    doc = read_layout(path, max_pages=1)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
