"""A list's points read where their labels stand, and a point of its kind set left of a list
that it does not count on kept out of it.

A column of text beside another set at another leading can hold two of its lines in one line
group through a line of the other column level with both: the two are read as one piece, the
upper line first (an indented point's first line over the paragraph's next), whose box starts
where the lower line does. The point's label stands where the piece's first glyph is, not at
the piece's left edge: read there, "(i)" seemed set out at the column's edge, left of the
next point "(ii)", which was read as nested in it."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Block, ListBlock
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string, text_page_pdf

#: A rule's text in the left column, 8 pt on an 8.8 pt step, its points set in at the first
#: line's indent and their lines going on at the column's edge.
_LEFT = [(45, "This paragraph applies to the airplanes named"),
         (45, "in the service bulletin and to all their parts."),
         (53, "(1) For service information that contains"),
         (45, "steps that are labeled as required for"),
         (45, "compliance, the provisions below apply."),
         (53, "(i) The steps labeled as RC, including"),
         (45, "substeps under an RC step and any figures"),
         (45, "identified in an RC step, must be done to"),
         (45, "comply with the AD as it is written here."),
         (53, "(ii) Steps not labeled as RC may be deviated"),
         (45, "from using accepted methods in accordance"),
         (45, "with the operator's maintenance program.")]
#: The middle column's running text, 9 pt on a 10.2 pt step.
_MIDDLE = ["The agency proposes to adopt a new directive for",
           "the airplanes named here. This proposed directive",
           "results from continuing airworthiness information",
           "originated by an aviation authority of another",
           "country to identify and correct an unsafe condition",
           "on an aviation product. The information describes",
           "the unsafe condition as the seizing of a main gear",
           "spring pack assembly. The agency is proposing this",
           "directive to address the unsafe condition on these",
           "products. It must receive comments by September."]


def _shape(blocks: list[Block]) -> list[list[tuple[str, list[object]]]]:
    """The lists among ``blocks``: each point's label and the lists inside it."""
    return [[(item.label, _shape(item.blocks[1:])) for item in b.items]
            for b in blocks if isinstance(b, ListBlock)]


def _two_leadings(path: Path) -> Path:
    ops = []
    y = 700.0
    for x, line in _LEFT:
        ops.append(b"BT /F1 8 Tf %d %.1f Td (%s) Tj ET" % (x, y, pdf_string(line)))
        y -= 8.8
    y = 702.5  # (a middle line level with the lower half of "(i)"'s line and the next's top)
    for line in _MIDDLE:
        ops.append(b"BT /F1 9 Tf 222 %.1f Td (%s) Tj ET" % (y, pdf_string(line)))
        y -= 10.2
    return text_page_pdf(path, ops, size=(612, 792))


def test_points_held_with_a_line_beside_them_are_read_at_their_labels(tmp_path: Path) -> None:
    blocks = read_layout(_two_leadings(tmp_path / "rule.pdf"), max_pages=5).blocks
    assert _shape(blocks) == [[("(1)", [])], [("(i)", []), ("(ii)", [])]]


def _head_under_points(path: Path) -> Path:
    """A rule's "(i)" and "(ii)" set in at their paragraphs' first-line indent, then the
    next lettered paragraph head "(q)" at the column's edge in bold, over its own "(1)"."""
    ops = [b"BT /F2 9 Tf 45 720 Td (Any figures identified in the bulletin apply as follows.) "
           b"Tj ET"]
    y = 708.0
    for x, line in _LEFT[5:]:
        ops.append(b"BT /F2 8 Tf %d %.1f Td (%s) Tj ET" % (x, y, pdf_string(line)))
        y -= 8.8
    y -= 6
    ops.append(b"BT /F1 8 Tf 45 %.1f Td (%s) Tj ET" % (y, pdf_string("(q) Related Information")))
    for x, line in [(53, "(1) For more information about this AD,"),
                    (45, "contact the office named in the bulletin"),
                    (45, "by telephone or by electronic mail.")]:
        y -= 8.8
        ops.append(b"BT /F2 8 Tf %d %.1f Td (%s) Tj ET" % (x, y, pdf_string(line)))
    return fonts_page_pdf(path, ops, {"F1": "/Helvetica-Bold", "F2": "/Helvetica"},
                          size=(612, 792))


def test_a_point_left_of_a_list_not_counting_on_it_is_no_point_of_it(tmp_path: Path) -> None:
    blocks = read_layout(_head_under_points(tmp_path / "rule.pdf"), max_pages=5).blocks
    # ("(q)" heads a list of its own, over its own "(1)".)
    assert _shape(blocks) == [[("(i)", []), ("(ii)", [])], [("(q)", [[("(1)", [])]])]]
