"""A split is proven by rendering only the pixels its cuts can change (split_proof.cut_boxes):
the box holds the cut operators' text objects, clipped renders agree with the whole render
inside it, and pages whose drawing cannot be bounded are rendered whole."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.layout.glyphs import read_page
from workers.engine.layout.operators import map_operators
from workers.engine.tagged_pdf.checks import page_pixels, pages_drawn_differently
from workers.engine.tagged_pdf.marked_content import read_operators, xobject_names
from workers.engine.tagged_pdf.split_proof import (
    CLIP_MARGIN,
    cut_boxes,
    joined_clip,
    proof_boxes,
)


def _pdf(path: Path, content: str, size: tuple[float, float] = (300, 200)) -> Path:
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica,
                              Encoding=pikepdf.Name.WinAnsiEncoding)
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=size)
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.obj.Contents = pdf.make_stream(content.encode())
    pdf.save(path)
    return path


_TWO_LINES = ("0.5 g 200 20 60 40 re f "
              "BT /F1 12 Tf 20 150 Td [(Market) -3000 (120)] TJ [(after)] TJ ET "
              "BT /F1 12 Tf 20 60 Td (Other line) Tj ET")


def _boxes(path: Path, cut: set[int]) -> list[tuple[int, int, int, int] | None]:
    """:func:`cut_boxes` asked of the page of ``path``."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0]
        names = read_operators(list(pikepdf.parse_content_stream(page)),
                               xobject_names(page.obj.get("/Resources"))).names
        document = pdfium.PdfDocument(str(path))
        try:
            opmap = map_operators(page, read_page(document, 0).object_kinds)
            loaded = document[0]
            try:
                return cut_boxes(loaded, opmap.operator_of, names, cut,
                                 page.obj.get("/Resources"))
            finally:
                loaded.close()
        finally:
            document.close()


def _clip(path: Path, cut: set[int]) -> tuple[int, int, int, int] | None:
    """The box holding all the cut's boxes."""
    return joined_clip(_boxes(path, cut))


def _operator(path: Path, name: str, nth: int = 0) -> int:
    with pikepdf.open(path) as pdf:
        found = [i for i, ins in enumerate(pikepdf.parse_content_stream(pdf.pages[0]))
                 if str(ins.operator) == name]
    return found[nth]


def test_the_clip_holds_the_cut_text_object_and_not_the_others(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "two.pdf", _TWO_LINES)
    clip = _clip(path, {_operator(path, "TJ")})
    assert clip is not None
    left, top, right, bottom = clip
    # The first line (baseline 150, so device y about 50) with the operator after the cut
    # one in its text object; not the second line (device y about 140) nor the grey box.
    assert left <= 20 - CLIP_MARGIN + 1 and top < 50 < bottom < 100
    assert right > 20 + 60  # "Market" and the parts after it
    assert right < 300


#: One text object: a cut line, then a line placed afresh (``Td``) below it.
_ONE_OBJECT = ("BT /F1 12 Tf 20 150 Td [(Market) -3000 (120)] TJ [(after)] TJ "
               "0 -90 Td (Next line) Tj ET")


def test_the_clip_ends_where_the_text_position_is_set_afresh(tmp_path: Path) -> None:
    """pdfium places the text after a ``Td`` from the line's start, not from the glyphs
    shown before: the line below the cut one draws alike cut or whole, so it is left out."""
    path = _pdf(tmp_path / "one.pdf", _ONE_OBJECT)
    clip = _clip(path, {_operator(path, "TJ")})
    assert clip is not None
    left, top, right, bottom = clip
    # The cut line and "after" (device y about 50), not the next line (about 140).
    assert top < 50 < bottom < 100
    assert right > 20 + 60


def test_a_state_restored_after_a_reset_keeps_the_whole_text_object(tmp_path: Path) -> None:
    """``Q`` gives back the text position ``q`` saved (pdfium keeps it in the state): the
    position summed after the cut comes back after the ``Td`` inside, so the whole text
    object is in the box."""
    content = _ONE_OBJECT.replace("0 -90 Td (Next line) Tj", "q 0 -90 Td (Next line) Tj Q "
                                  "(more) Tj")
    path = _pdf(tmp_path / "saved.pdf", content)
    clip = _clip(path, {_operator(path, "TJ")})
    assert clip is not None
    assert clip[3] > 140


def test_cuts_far_apart_are_proven_in_a_box_each(tmp_path: Path) -> None:
    """Lines cut at the top and at the foot of a page: a box each, not the page between."""
    content = ("BT /F1 12 Tf 20 180 Td [(Top) -3000 (1)] TJ ET "
               "BT /F1 12 Tf 20 100 Td (Middle) Tj ET "
               "BT /F1 12 Tf 20 20 Td [(Foot) -3000 (2)] TJ ET")
    path = _pdf(tmp_path / "apart.pdf", content)
    cut = {_operator(path, "TJ", 0), _operator(path, "TJ", 1)}
    boxes = _boxes(path, cut)
    found = proof_boxes(boxes)
    assert found is not None and len(found) == 2
    top_box, foot_box = sorted(found, key=lambda box: box[1])
    # (Device y: the top line about 20, the middle line about 100, the foot about 180.)
    assert top_box[3] < 100 - 12 and foot_box[1] > 100


def test_boxes_that_overlap_are_joined() -> None:
    assert proof_boxes([(0, 0, 10, 10), (5, 5, 20, 20), (30, 30, 40, 40)]) == (
        (0, 0, 20, 20), (30, 30, 40, 40))
    assert proof_boxes([(0, 0, 10, 10), None]) is None
    assert proof_boxes([]) is None


def test_a_change_between_the_boxes_is_not_seen_and_in_one_is(tmp_path: Path) -> None:
    content = ("BT /F1 12 Tf 20 180 Td (Top) Tj ET BT /F1 12 Tf 20 100 Td (Middle) Tj ET "
               "BT /F1 12 Tf 20 20 Td (Foot) Tj ET")
    source = _pdf(tmp_path / "three.pdf", content)
    boxes = [(0, 5, 300, 30), (0, 170, 300, 195)]  # the top and the foot lines' pixels
    document = pdfium.PdfDocument(str(source))
    try:
        for old, new, seen in [("(Middle)", "(Mittel)", False), ("(Foot)", "(Feet)", True)]:
            with pikepdf.open(source) as pdf:
                page = pdf.pages[0]
                page.obj.Contents = pdf.make_stream(content.replace(old, new).encode())
                assert pages_drawn_differently(pdf, document, [0], clips={0: boxes}) == (
                    [0] if seen else [])
    finally:
        document.close()


@pytest.mark.parametrize("content", [
    _TWO_LINES.replace("12 Tf 20 150", "12 Tf 1 Tr 20 150"),  # stroked: reaches beyond
    _TWO_LINES.replace("12 Tf 20 150", "12 Tf 7 Tr 20 150"),  # a clip for what follows
])
def test_text_stroked_or_clipping_is_not_bounded(tmp_path: Path, content: str) -> None:
    path = _pdf(tmp_path / "mode.pdf", content)
    assert _clip(path, {_operator(path, "TJ")}) is None


def test_a_type3_font_is_not_bounded(tmp_path: Path) -> None:
    glyph = "1000 0 0 0 750 750 d1 0 0 750 750 re f"
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 750, 750], FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary(a=pikepdf.Stream(pikepdf.new(), glyph.encode())),
        Encoding=pikepdf.Dictionary(Differences=[97, pikepdf.Name.a]),
        FirstChar=97, LastChar=97, Widths=[1000],
    )
    path = tmp_path / "type3.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 200))
    page = pdf.pages[0]
    font.CharProcs.a = pdf.make_stream(glyph.encode())
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 20 150 Td [(aa) -500 (a)] TJ ET")
    pdf.save(path)
    assert _clip(path, {_operator(path, "TJ")}) is None


@pytest.mark.parametrize("size", [(300, 200), (300.4, 200.7)])
def test_clipped_renders_are_the_whole_render_inside_the_clip(
    tmp_path: Path, size: tuple[float, float]
) -> None:
    path = _pdf(tmp_path / "page.pdf", _TWO_LINES, size)
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        try:
            whole = page.render(scale=1.0)
            stride = whole.stride
            full = bytes(whole.buffer)
            whole.close()
            left, top, right, bottom = 10, 30, 150, 90
            clipped = page_pixels(page, (left, top, right, bottom))
        finally:
            page.close()
    finally:
        document.close()
    if size[0] == int(size[0]):
        # Clipped: the box's rows alone.
        line, x0, y0 = 3 * (right - left), left, top
    else:
        # Cut off at the right and bottom: the rows from the page's top-left corner.
        line, x0, y0 = len(clipped) // bottom, 0, 0
    inner = range(top + 2, bottom - 2)
    for y in inner:
        got = clipped[(y - y0) * line + 3 * (left + 2 - x0):(y - y0) * line + 3 * (right - 2 - x0)]
        assert got == full[y * stride + 3 * (left + 2): y * stride + 3 * (right - 2)]
    # The text drawn there is drawn (not a blank clip).
    assert any(b != 255 for y in inner for b in full[y * stride + 3 * left: y * stride + 3 * right])


def test_a_change_outside_the_clip_is_not_seen_and_inside_it_is(tmp_path: Path) -> None:
    source = _pdf(tmp_path / "source.pdf", _TWO_LINES)
    document = pdfium.PdfDocument(str(source))
    try:
        for old, new, seen in [("(Other line)", "(Other lane)", False),
                               ("(Market)", "(Markt)", True)]:
            with pikepdf.open(source) as pdf:
                page = pdf.pages[0]
                page.obj.Contents = pdf.make_stream(_TWO_LINES.replace(old, new).encode())
                clip = (0, 30, 300, 70)  # the first line's pixels
                assert pages_drawn_differently(pdf, document, [0], clips={0: [clip]}) == (
                    [0] if seen else [])
                assert pages_drawn_differently(pdf, document, [0]) == [0]
    finally:
        document.close()


def _proof_clips(source: Path, monkeypatch: pytest.MonkeyPatch) -> dict[int, object]:
    """The boxes the tagger's split proof renders ``source``'s cut pages in (None: whole)."""
    from workers.engine.analyse import analyse
    from workers.engine.tagged_pdf import tagger

    seen: dict[int, object] = {}
    proved = tagger.pages_drawn_differently

    def recording(*args: object, **kwargs: object) -> list[int]:
        seen.update(kwargs.get("clips") or {})  # type: ignore[call-overload]
        return proved(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tagger, "pages_drawn_differently", recording)
    tagged = tagger.tag_pdf(source, analyse(source, max_pages=10))
    assert tagged.tagged_operators
    return seen


def _rows_in_a_form(tmp_path: Path, name: str, mode: str = "") -> Path:
    """A page painting a form (down 10 points) whose text operators each draw a row of
    cells: cut inside a copy of the form."""
    from .test_form_content import form_pdf
    from .test_split_text import one_operator_per_row

    with pikepdf.open(one_operator_per_row(tmp_path / f"{name}-rows.pdf")) as rows:
        content = pikepdf.Page(rows.pages[0]).obj.Contents.read_bytes()
    return form_pdf(tmp_path / f"{name}.pdf", 1, content=mode.encode() + content)


def test_cuts_inside_a_form_are_proven_where_the_form_draws(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of a form draws what the form did but for its cut operators: the proof renders
    the box pdfium gives the form's object (and a margin), not the whole page."""
    clips = _proof_clips(_rows_in_a_form(tmp_path, "form"), monkeypatch)
    boxes = clips[0]
    assert isinstance(boxes, tuple) and len(boxes) == 1
    left, top, right, bottom = boxes[0]
    # The rows (72 pt from the left, from 760 down to 700 - 16 * rows, moved 10 down) and
    # the margin; far from the whole A4 page.
    assert left == 72 - CLIP_MARGIN - 1 or left == 72 - CLIP_MARGIN
    assert 842 - 760 + 10 - 12 - CLIP_MARGIN <= top <= 842 - 760 + 10
    assert right < 595 and bottom < 842 / 2


def test_cuts_inside_a_form_with_stroked_text_are_proven_on_the_whole_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text stroked in the form reaches beyond its glyphs' boxes: not bounded."""
    clips = _proof_clips(_rows_in_a_form(tmp_path, "stroked", "1 Tr 0.2 w\n"), monkeypatch)
    assert clips == {0: None}
