"""Words broken at a line end outside paragraphs (captions, table cells, list items) are read
as a paragraph's are: joined where the typesetter broke them, kept where the hyphen is the
word's own."""

from __future__ import annotations

from workers.engine.document import Figure, ListBlock, Table, block_text
from workers.engine.layout.blocks import Hyphenation, join_lines
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.line_breaks import cell_text, runs_words_on, stacked
from workers.engine.layout.lines import Fragment
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf, png_data_uri

#: Evidence for the document's habits: it writes "examples", "system" and "TraceMonkey"
#: whole and "well-known" with its hyphen, so it hyphenates words (the breaks below).
EVIDENCE = (
    "<p>These examples show that the system is well-known. TraceMonkey runs the section"
    " with the government and the treatment.</p>"
)
#: Breaks of the same words: "sec-" / "tion" and "gov-" / "ernment" vote for hyphenation.
BREAKS = "<p>The sec-<br>tion and the gov-<br>ernment hyphenate; the treat-<br>ment too.</p>"


def test_a_figure_caption_joins_a_word_broken_at_a_line_end(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"{EVIDENCE}{BREAKS}<figure><img src='{png_data_uri()}' style='width: 8cm'>"
        "<figcaption>Figure 1: Training ex-<br>amples of a well-<br>known Trace-<br>Monkey"
        "</figcaption></figure>"
    )
    (figure,) = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Figure)]
    assert figure.caption == "Figure 1: Training examples of a well-known TraceMonkey"


def test_a_table_cell_joins_a_word_broken_at_a_line_end(html_pdf: HtmlPdf) -> None:
    rows = "".join(
        f"<tr><td>Item {k}</td><td>{k * 3} units</td><td>{k * 7} pounds</td></tr>"
        for k in range(1, 5)
    )
    path = html_pdf(
        f"{EVIDENCE}{BREAKS}<table>{rows}"
        "<tr><td>Fuel sys-<br>tem</td><td>well-<br>known</td><td>99 pounds</td></tr>"
        "</table>",
        css="table { border-collapse: collapse } td { border: 1px solid black; padding: 3pt 6pt;"
        " vertical-align: top }",
    )
    tables = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    cells = [c.text for row in tables[0].rows for c in row.cells]
    assert cells[-3:] == ["Fuel system", "well-known", "99 pounds"], cells
    # Provenance: the joined cell still refers to the operators of both its lines.
    (cell,) = [c for row in tables[0].rows for c in row.cells if c.text == "Fuel system"]
    assert cell.prov and cell.prov[0].operators


def test_a_compound_written_in_a_table_cell_keeps_its_hyphen_at_a_line_end(
    html_pdf: HtmlPdf,
) -> None:
    # The document hyphenates words (the breaks of EVIDENCE's words), but it writes
    # "access-fannkuch" with its hyphen, in a table's column of names: broken at its own
    # hyphen in a paragraph, the compound keeps it.
    rows = "".join(
        f"<tr><td>{name}</td><td>{k * 3}</td><td>{k * 7}</td></tr>"
        for k, name in enumerate(["crypto-aes", "access-fannkuch", "math-cordic"], 1)
    )
    path = html_pdf(
        f"{EVIDENCE}{BREAKS}<p>Some programs such as access-<br>fannkuch trace well.</p>"
        f"<table>{rows}</table>",
        css="table { border-collapse: collapse } td { border: 1px solid black; padding: 3pt 6pt }",
    )
    texts = [block_text(b) for b in read_layout(path, max_pages=5).blocks]
    assert "Some programs such as access-fannkuch trace well." in texts, texts


def test_a_list_item_joins_a_word_broken_at_a_line_end(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"{EVIDENCE}{BREAKS}<ul><li>The sys-<br>tem is well-<br>known.</li>"
        "<li>Second point of the list.</li></ul>"
    )
    (listing,) = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, ListBlock)]
    assert block_text(listing.items[0].blocks[0]) == "The system is well-known."


def test_a_capitalised_word_is_joined_only_where_the_document_writes_it_whole() -> None:
    hyphenation = Hyphenation([["TraceMonkey and the section", "the sec-", "tion"]])
    assert join_lines(["the Trace-", "Monkey"], hyphenation) == "the TraceMonkey"
    # No evidence: a capital after a hyphen is more often a compound's.
    assert join_lines(["the Anglo-", "Saxon"], hyphenation) == "the Anglo-Saxon"


def test_a_hyphen_before_a_digit_at_a_line_end_is_kept_without_a_space() -> None:
    assert join_lines(["the COVID-", "19 cases"], None) == "the COVID-19 cases"
    assert join_lines(["the years 2008-", "2010"], None) == "the years 2008-2010"
    # A dash set apart from the words is no hyphen of theirs.
    assert join_lines(["the years -", "2010"], None) == "the years - 2010"


def test_a_cell_stacked_from_lines_keeps_them_apart_and_pieces_beside_together() -> None:
    top = Fragment([], "fuel sys-", 0.0, 20.0, 40.0, 30.0)
    beside = Fragment([], "(main)", 45.0, 20.0, 70.0, 30.0)
    under = Fragment([], "tem", 0.0, 8.0, 20.0, 18.0)
    cell = stacked(stacked(top, beside), under)
    # Table finding reads the cell as before; the model joins its lines.
    assert cell.text == "fuel sys- (main) tem"
    assert cell_text(cell, None) == "fuel sys- (main) tem"
    cell = stacked(top, under)
    assert cell_text(cell, None) == "fuel system"
    assert (cell.x0, cell.y0, cell.x1, cell.y1) == (0.0, 8.0, 40.0, 30.0)


def test_a_word_broken_with_no_hyphen_in_a_narrow_cell_is_read_whole(html_pdf: HtmlPdf) -> None:
    # A word processor breaks a word too wide for its narrow cell between two letters, no
    # hyphen drawn: "Complèteme" / "nt". The document writes "complètement" and "désaccord"
    # whole inside a line; "Cross" / "head" are words of their own, written inside a line.
    rows = "".join(
        f"<tr><td>Row {k}</td><td>{k * 3}</td><td>{k * 7}</td><td>{k}</td><td>{k * 2}</td></tr>"
        for k in range(1, 5)
    )
    path = html_pdf(
        "<p>Synthèse: complètement en désaccord, the crosshead and the head of the cross bar.</p>"
        "<table><tr><th>Synthèse des résultats</th><th>Complètement en accord</th>"
        "<th>En désaccord</th><th>Cross head</th><th>Complètement en accord</th>"
        f"</tr>{rows}</table>",
        css="table { border-collapse: collapse } th, td { border: 1px solid black;"
        " padding: 3pt 4pt; text-align: center; font-size: 10pt } th { width: 52pt;"
        " overflow-wrap: anywhere } th:last-child { width: 90pt }",
    )
    tables = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    heads = [c.text for c in tables[0].rows[0].cells]
    assert heads == [
        "Synthèse des résultats", "Complètement en accord", "En désaccord", "Cross head",
        "Complètement en accord",
    ], heads


def _glyphs(text: str, x0: float, y0: float) -> list[Glyph]:
    """One glyph a character (5 points wide, 10 high) of ``text`` from ``x0`` on, spaces
    drawn as gaps."""
    return [
        Glyph(c, x0 + 5 * k, y0, x0 + 5 * k + 5, y0 + 10, 10.0, False, "F", 0, -1)
        for k, c in enumerate(text) if c != " "
    ]


def test_a_cell_held_in_one_piece_reads_a_word_broken_with_no_hyphen_whole() -> None:
    # A narrow head cell's two lines merged into one piece (set over each other in a row of
    # taller cells), read with a space between them: "Complèteme" fills the cell.
    top, under = _glyphs("Complèteme", 0.0, 20.0), _glyphs("nt en accord", 0.0, 8.0)
    cell = Fragment(top + under, "Complèteme nt en accord", 0.0, 8.0, 60.0, 30.0)
    evidence = Hyphenation([["Complètement en désaccord", "the cross bar"]])
    assert cell_text(cell, evidence) == "Complètement en accord"
    # Two words the document writes keep their space; so does a line ended short.
    cross = Fragment(
        _glyphs("cross", 0.0, 20.0) + _glyphs("bar", 0.0, 8.0), "cross bar", 0.0, 8.0, 25.0, 30.0)
    assert cell_text(cross, Hyphenation([["crossbar", "a cross bar"]])) == "cross bar"
    short = Fragment(top + _glyphs("nt en accord plus", 0.0, 8.0), "Complèteme nt en accord plus",
                     0.0, 8.0, 85.0, 30.0)
    assert cell_text(short, evidence) == "Complèteme nt en accord plus"


def test_a_cell_runs_words_on_only_where_a_reader_would_hear_them_apart() -> None:
    # (The cell's lines read with a space between them, and the cell's text as read.)
    def runs_on(drawn: str, read: str) -> bool:
        return runs_words_on(Fragment([], drawn, 0.0, 0.0, 50.0, 20.0), read)

    assert runs_on("github.c om/mozilla", "github.com/mozilla")
    assert runs_on("Complèteme nt en accord", "Complètement en accord")
    assert runs_on("생물테러감 염병", "생물테러감염병")  # Korean parts its words with spaces
    # Read as drawn; a compound broken at its own hyphen; Chinese, which no space parts; a
    # doubled space read as one.
    assert not runs_on("En accord", "En accord")
    assert not runs_on("main- d’œuvre", "main-d’œuvre")
    assert not runs_on("归属于上市公司 股东的净利润", "归属于上市公司股东的净利润")
    assert not runs_on("en  accord", "en accord")
    # A hyphen the text leaves out is another join (the hyphen's word read whole).
    assert not runs_on("sys- tem", "system")
