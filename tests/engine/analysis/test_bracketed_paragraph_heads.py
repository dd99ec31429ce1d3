"""A rule's lettered paragraph heads ("(a) Comments Due Date", its text, "(b) Affected ADs" …):
headings a reader can move between, not lists of one point each with the text outside."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, ListBlock, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

_HEADS = [("(a) Comments Due Date", "The agency must receive comments on this action by May 1."),
          ("(b) Affected Directives", "This directive replaces the directive issued in 2018."),
          ("(c) Applicability", "This directive applies to the airplanes listed in the bulletin."),
          ("(d) Compliance", "Comply with this directive within the times specified here.")]


def _page(path: Path, between: bool) -> Path:
    """Bold lettered heads, each over a sentence in the regular face (``between``), or each
    over a drawing's lone label ("-1") only, as subfigures' lettered captions are."""
    ops = [b"BT /F1 16 Tf 72 780 Td (The Proposed Amendment) Tj ET"]
    y = 740
    for head, text in _HEADS:
        ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, head.encode()))
        ops.append(b"BT /F2 10 Tf 72 %d Td (%s) Tj ET"
                   % (y - 14, (text if between else "-1").encode()))
        y -= 40
    return fonts_page_pdf(path, ops, {"F1": "/Helvetica-Bold", "F2": "/Helvetica"})


def test_lettered_heads_with_their_paragraphs_text_between_are_headings(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "rule.pdf", between=True), max_pages=5).blocks
    heads = [b for b in blocks if isinstance(b, Heading)]
    assert [block_text(h) for h in heads[1:]] == [head for head, _ in _HEADS]
    assert {h.level for h in heads[1:]} == {heads[0].level + 1}
    assert not any(isinstance(b, ListBlock) for b in blocks)


def test_lettered_captions_between_a_drawings_labels_stay_as_they_were(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "rule.pdf", between=False), max_pages=5).blocks
    assert not any(isinstance(b, Heading) and block_text(b).startswith("(") for b in blocks)


def _two_columns(path: Path) -> Path:
    """Lettered heads in two columns: "(c)" over its own numbered points, "(1)" and "(2)",
    at the foot of the left column, "(d)" opening the right one (so read as the next point of
    "(c)"'s list, whose label it counts on)."""
    left = [("(a) Comments Due Date",
             ["The agency must receive comments on this", "proposed directive by the first of May.",
              "Send them by mail or by hand to the office."]),
            ("(b) Affected Directives",
             ["This directive replaces the directive that",
              "was issued in the spring of the year 2018",
              "for the same airplanes and the same parts."]),
            ("(c) Operational Readiness Flight",
             ["(1) Before further flight, do all of the",
              "tests identified in the service bulletin.",
              "(2) After the flight, correct any of the", "faults that were found before flight."])]
    right = [("(d) Special Flight Permits",
              ["Special flight permits may be issued under",
               "the rules to operate the airplane to a",
               "place where the actions can be performed."]),
             ("(e) Related Information",
              ["For more information about this directive,",
               "contact the office named in the bulletin",
               "by telephone, by mail or by electronic mail."])]
    ops = [b"BT /F1 16 Tf 72 780 Td (The Proposed Amendment) Tj ET"]
    for x, heads in ((72, left), (320, right)):
        y = 740
        for head, lines in heads:
            ops.append(b"BT /F1 9 Tf %d %d Td (%s) Tj ET" % (x, y, head.encode()))
            for line in lines:
                y -= 14
                indent = 10 if line.startswith("(") else 0  # (a point's first-line indent)
                ops.append(b"BT /F2 10 Tf %d %d Td (%s) Tj ET" % (x + indent, y, line.encode()))
            y -= 26
    return fonts_page_pdf(path, ops, {"F1": "/Helvetica-Bold", "F2": "/Helvetica"})


def test_a_head_opening_the_next_column_after_a_heads_points_is_a_heading(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_two_columns(tmp_path / "rule.pdf"), max_pages=5).blocks
    heads = [block_text(h) for h in blocks if isinstance(h, Heading)]
    assert heads[1:] == ["(a) Comments Due Date", "(b) Affected Directives",
                         "(c) Operational Readiness Flight", "(d) Special Flight Permits",
                         "(e) Related Information"]
    # (c)'s own points stay a list, after its heading.
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [[item.label for item in lst.items] for lst in lists] == [["(1)", "(2)"]]
