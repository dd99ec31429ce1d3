"""A rule's lettered or numbered paragraph heads ("(a) Comments Due Date", its text, "(b)
Affected ADs" …; "(1)", "(2)" …): headings a reader can move between, not lists of one point
each with the text outside."""

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


def _heads_page(path: Path, heads: list[tuple[str, str]]) -> Path:
    """Bold bracketed heads, each over a sentence in the regular face, under a title."""
    ops = [b"BT /F1 16 Tf 72 780 Td (2 Insurance and the pandemic) Tj ET"]
    y = 740
    for head, text in heads:
        ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, head.encode()))
        ops.append(b"BT /F2 10 Tf 72 %d Td (%s) Tj ET" % (y - 14, text.encode()))
        y -= 40
    return fonts_page_pdf(path, ops, {"F1": "/Helvetica-Bold", "F2": "/Helvetica"})


_NUMBERED = [("(1) Amendment of the Infectious Disease Act",
              "The act was amended at the start of the year for every insurer."),
             ("(2) Standard terms of life insurance",
              "The standard terms list the diseases the policies cover as accidents."),
             ("(3) Reading the terms of a contract",
              "Terms that are unclear are read in the customer's favour by law."),
             ("(4) What the insurers say",
              "The insurers have not agreed on how to pay the claims so far.")]


def test_numbered_heads_with_their_paragraphs_text_between_are_headings(
    tmp_path: Path,
) -> None:
    # A report's subsections under its numbered section, "(1)" to "(4)", each over its text.
    blocks = read_layout(_heads_page(tmp_path / "report.pdf", _NUMBERED), max_pages=5).blocks
    heads = [b for b in blocks if isinstance(b, Heading)]
    assert [block_text(h) for h in heads[1:]] == [head for head, _ in _NUMBERED]
    assert {h.level for h in heads[1:]} == {heads[0].level + 1}
    assert not any(isinstance(b, ListBlock) for b in blocks)


def test_numbered_heads_under_a_lettered_head_are_a_level_below_it(tmp_path: Path) -> None:
    # "(b)" holds numbered heads "(1)" to "(3)"; the letters go on with "(c)" after them.
    heads = [_HEADS[0], _HEADS[1], *_NUMBERED[:3], _HEADS[2]]
    blocks = read_layout(_heads_page(tmp_path / "rule.pdf", heads), max_pages=5).blocks
    found = [(block_text(b), b.level) for b in blocks if isinstance(b, Heading)]
    top = found[0][1]
    assert found[1:] == [(_HEADS[0][0], top + 1), (_HEADS[1][0], top + 1),
                         *[(head, top + 2) for head, _ in _NUMBERED[:3]],
                         (_HEADS[2][0], top + 1)]
