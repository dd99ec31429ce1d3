"""What the layout reader keeps or finds faster gives what it gave when worked out each time:
a fragment's glyph sizes, band and word count, a block's median size over all its glyphs,
the words Hyphenation finds in one search of all texts, word_count's ASCII search, the
column search's memo (found by the identity of a part's fragments in order), and the
running-text faces' line count that stops at three, a word's underline told with each
piece's reach worked out once."""

from __future__ import annotations

import random
import re
import statistics
from pathlib import Path

import pypdfium2 as pdfium

from tests.engine.analysis.drawn_pdfs import make_pdf
from workers.engine.document import Heading, Paragraph
from workers.engine.layout import figures, order
from workers.engine.layout import lines as lines_module
from workers.engine.layout.blocks import _WORD, Block, Hyphenation
from workers.engine.layout.classify import _spans_lines, _title_line
from workers.engine.layout.glyphs import Glyph, Rect, read_page
from workers.engine.layout.lines import Fragment, Line, _band_of, band, fragments, lines, word_count
from workers.engine.layout.tables import (
    _columns,
    _line_size,
    _RunShape,
    _without_underlines,
    merged_columns,
)


def _split_count(text: str) -> int:
    """word_count as it was: tokens of str.split() with a letter (str.isalpha) in them."""
    return sum(any(ch.isalpha() for ch in token) for token in text.split())


def _page_fragments(tmp_path: Path) -> list[Fragment]:
    """The fragments of a generated page: two columns of Helvetica text, a heading, figures."""
    text = [
        (72.0, 760.0, "Annual report 2024 - summary of the year"),
        *[(72.0, 700.0 - 14 * k, f"Left column line {k} with several words") for k in range(8)],
        *[(320.0, 700.0 - 14 * k, f"Right column, line {k}: 12.5 % and 3") for k in range(8)],
        (72.0, 560.0, "... 12 34 56 ..."),
    ]
    path = make_pdf(tmp_path / "page.pdf", [([], text)])
    pdf = pdfium.PdfDocument(str(path))
    try:
        content = read_page(pdf, 0)
    finally:
        pdf.close()
    return fragments(content.glyphs)


def test_a_fragment_keeps_what_its_glyphs_give(tmp_path: Path) -> None:
    frags = _page_fragments(tmp_path)
    assert len(frags) >= 17
    for f in frags:
        assert f.sizes == [g.size for g in f.glyphs]
        assert f.size == statistics.median(g.size for g in f.glyphs)
        assert f.band == _band_of(f) == band(f)
        assert f.words == _split_count(f.text)
    # Grouped into lines again (as each column region is), the kept bands group them alike.
    first = [[id(f) for f in line.fragments] for line in lines(frags)]
    again = [[id(f) for f in line.fragments] for line in lines(frags)]
    assert first == again


def test_a_tall_fragments_band_is_its_median_glyphs() -> None:
    # A brace of a maths font reaches far above and below the line: the band leaves it out.
    glyphs = [Glyph(c, 72 + 6 * k, 700, 78 + 6 * k, 712, 12.0, False, "F", 1, -1)
              for k, c in enumerate("x + y")]
    glyphs.append(Glyph("{", 102, 680, 108, 740, 12.0, False, "F", 1, -1))
    (fragment,) = fragments(glyphs)
    assert (fragment.y0, fragment.y1) == (680, 740)
    assert fragment.band == band(fragment) == (700, 712)


def test_a_blocks_size_is_the_median_of_all_its_glyphs() -> None:
    block = Block(0)
    for y, (size, count) in enumerate([(10.0, 7), (14.0, 3), (10.5, 4), (14.0, 5)]):
        glyphs = [Glyph("a", 72 + 6 * k, 700 - 20 * y, 78 + 6 * k, 700 - 20 * y + size, size,
                        False, "F", 1, -1) for k in range(count)]
        (fragment,) = fragments(glyphs)
        block.add(fragment)
        every = [g.size for f in block.frags for g in f.glyphs]
        assert block.size == statistics.median(every)


def test_a_fragments_word_count_is_its_texts() -> None:
    def fragment(text: str) -> Fragment:
        (built,) = fragments([
            Glyph(c, 72 + 6 * k, 700, 78 + 6 * k, 712, 12.0, False, "F", 1, -1)
            for k, c in enumerate(text)
        ])
        return built

    assert fragment("two words").words == 2
    assert fragment("now three words").words == 3
    assert fragment("12 34 ...").words == 0
    assert fragment("naïve 12 café").words == 2


def test_word_count_counts_as_split_and_isalpha() -> None:
    fixed = ["", " ", "a", "1a", "a1 b2 33", "...", "x\x1cy", "x\x1fy z", "\tTab\nnew\x0bline",
             "naïve café", "归属于 上市公司", "Ωmega 12", "a-b c_d", "(see p. 3)", "\x00a \x7f"]
    rng = random.Random(7)
    alphabet = [chr(i) for i in range(128)] + ["é", "ß", "Ω", "\u00a0", "\u2003", "1"]
    drawn = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
             for _ in range(3000)]
    for text in fixed + drawn:
        assert word_count(text) == _split_count(text), repr(text)


def test_hyphenation_finds_the_words_of_each_text() -> None:
    runs = [
        ["A docu-", "ment on well-known", "topics- and -dashes", "end-"],
        ["con-", "tinued text", "well-", "known words‐with‐dashes"],
        ["", "-", "x-y-z", "tail-\n", "ünïcode wörds-", "über"],
    ]
    hyphenation = Hyphenation(runs)
    written = {w for texts in runs for text in texts for w in _WORD.findall(text)}
    assert hyphenation.words == {w.lower().replace("\u2010", "-") for w in written}
    assert hyphenation.joins("A docu-", "ment") is False  # "docu-ment" written nowhere
    assert hyphenation.joins("the well-", "known") is False  # written with its hyphen


def test_hyphenation_gathers_the_words_only_when_a_break_asks() -> None:
    # (Speed: most documents that no line of ends in a hyphen never ask.)
    runs = [["Plain lines of text", "with no break in a word"], ["another well-known one"]]
    hyphenation = Hyphenation(runs)
    assert hyphenation._words is None and hyphenation.join_default is False
    assert hyphenation.joins("a well-", "known one") is False  # asked: gathered then
    assert hyphenation._words == {"plain", "lines", "of", "text", "with", "no", "break", "in",
                                  "a", "word", "another", "well-known", "one"}
    assert Hyphenation([["a docu-", "ment"]])._words is not None  # (a break votes at once)


def test_the_split_memo_knows_a_part_by_its_fragments_in_order() -> None:
    frags = [Fragment([], f"piece {k}", 72.0 + k, 700.0 - k, 80.0 + k, 712.0 - k)
             for k in range(9)]
    memo = order._SplitMemo()
    asked: list[list[Fragment]] = []
    answer = (frags[:3], frags[3:7])

    def find(part: list[Fragment]) -> tuple[list[Fragment], list[Fragment]] | None:
        asked.append(part)
        return answer if part[1] is frags[1] else None

    part = frags[:7]
    assert memo.split_of(part, find) == answer and len(asked) == 1
    part.append(frags[8])  # (the caller's list changing does not change what was kept)
    assert memo.split_of(frags[:7], find) == answer and len(asked) == 1
    # The same ends and length, another fragment between: another part, looked at.
    other = frags[:3] + [frags[8]] + frags[4:7]
    assert memo.split_of(other, find) == answer and len(asked) == 2
    # The same fragments in another order: another question (the split follows the order).
    reordered = [frags[0], frags[2], frags[1], *frags[3:7]]
    assert memo.split_of(reordered, find) is None and len(asked) == 3
    assert memo.split_of(list(reordered), find) is None and len(asked) == 3
    assert memo.split_of(frags[:7], find) == answer and len(asked) == 3


def test_a_section_title_is_a_short_line_not_a_sentence() -> None:
    assert _title_line(Paragraph("II. Results")) is not None
    assert _title_line(Paragraph("A. Methods and data")) is not None
    assert _title_line(Paragraph("The results are shown below.")) is None
    assert _title_line(Paragraph("A. Curtis, “Now then,” BBC")) is None
    long = "A. " + " ".join(["word"] * 30)
    assert _title_line(Paragraph(long)) is None
    assert _title_line(Heading("II. Results", 1)) is None


def test_a_blocks_lines_are_counted_until_there_are_enough() -> None:
    def frag(y: float) -> Fragment:
        return Fragment([], "text", 72.0, y, 200.0, y + 12.0)

    assert _spans_lines([frag(700), frag(686), frag(672)], 3)
    assert not _spans_lines([frag(700), frag(700.5), frag(686)], 3)
    assert _spans_lines([frag(700), frag(700), frag(686), frag(672), frag(658)], 3)
    assert not _spans_lines([], 3)


def test_the_word_search_is_one_pattern() -> None:
    # (What test_hyphenation_finds_the_words_of_each_text relies on: a word never spans
    # the line break the texts are joined with.)
    assert not re.search(_WORD.pattern, "\n")
    assert _WORD.findall("end-\nstart") == ["end", "start"]


def test_set_text_is_told_by_its_lines_widths(tmp_path: Path) -> None:
    frags = _page_fragments(tmp_path)
    left = [f for f in frags if f.x0 < 300 and f.text.startswith("Left")]
    right = [f for f in frags if f.x0 >= 300]
    assert order._text_like(left) and order._text_like(right)
    # Short pieces of one word each, in a column of their own: no set text.
    pieces = [Fragment([], "12.5", 72.0, 700.0 - 14 * k, 90.0, 712.0 - 14 * k) for k in range(6)]
    assert not order._text_like(pieces)
    # Lines of several words, most far narrower than the widest: no column of set text.
    ends = [400.0, 100.0, 100.0, 100.0, 100.0, 100.0]
    ragged = [Fragment([], "one two three four", 72.0, 700.0 - 14 * k, end, 712.0 - 14 * k)
              for k, end in enumerate(ends)]
    assert not order._text_like(ragged)


def test_underlines_are_found_among_many_words_and_rules() -> None:
    # Words of several heights on many lines, rules at their feet, across them and between
    # them: the rules kept are those no word's foot is near enough to, by the plain test of
    # every rule against every word.
    rng = random.Random(5)
    words = []
    for k in range(120):
        height = rng.choice((6.0, 10.0, 30.0))
        x0, y0 = rng.uniform(0, 500), rng.uniform(0, 700)
        words.append(Fragment([], f"w{k}", x0, y0, x0 + rng.uniform(5, 80), y0 + height))
    rules = []
    for k in range(200):
        word = rng.choice(words)
        x0 = word.x0 + rng.choice((-3.0, 0.0, 1.0, 20.0))
        y = word.y0 + rng.choice((-13.0, -4.0, -1.0, 0.0, 2.0, 5.0))
        rules.append(Rect(x0, y - 0.4, x0 + rng.choice((10.0, 50.0, 600.0)), y + 0.4, k))
    box = Rect(-10.0, -20.0, 620.0, 760.0, -1)

    def underlined(r: Rect) -> bool:
        return any(
            f.x0 - 2 <= r.x0 and r.x1 <= f.x1 + 2
            and abs((r.y0 + r.y1) / 2 - f.y0) <= 0.4 * (f.y1 - f.y0)
            for f in words
        )

    kept = _without_underlines(rules, box, words)
    assert kept == [r for r in rules if not underlined(r)]
    assert 20 < len(kept) < len(rules) - 20  # both kinds are many: the test tells them apart


def test_a_words_underline_marks_no_row() -> None:
    word = Fragment([], "link", 100.0, 700.0, 130.0, 712.0)
    box = Rect(50.0, 600.0, 400.0, 760.0, -1)
    underline = Rect(100.5, 699.0, 129.0, 699.8, 1)  # at the word's foot, no wider than it
    row_rule = Rect(50.0, 699.0, 400.0, 699.8, 2)  # across the table at the same height
    lower = Rect(100.5, 680.0, 129.0, 680.8, 3)  # under the word, a row below
    kept = _without_underlines([underline, row_rule, lower], box, [word])
    assert kept == [row_rule, lower]
    # A word outside the table's box underlines nothing in it.
    assert _without_underlines([underline], Rect(200.0, 0.0, 400.0, 100.0, -1), [word]) == [
        underline
    ]


def test_columns_merged_row_by_row_are_the_columns_of_all_rows() -> None:
    """find_tables grows a run's columns a row at a time: the same intervals as all rows at
    once, including spans chained by gaps of at most a point, nested and touching spans."""
    rng = random.Random(7)
    for _ in range(300):
        rows: list[list[Fragment]] = []
        columns: list[list[float]] = []
        for _ in range(rng.randint(1, 12)):
            row = []
            for _ in range(rng.randint(2, 6)):
                x0 = float(rng.choice((rng.randint(0, 400), rng.uniform(0, 400))))
                width = rng.choice((0.0, 0.5, 1.0, rng.uniform(1, 80)))
                row.append(Fragment([], "w", x0, 0.0, x0 + width, 10.0))
            rows.append(row)
            columns = merged_columns(columns, row)
            assert columns == _columns(rows)


def test_a_runs_shape_grows_with_it() -> None:
    """find_tables keeps its run's median line size and the edges of all its pieces as the run
    grows (and starts afresh for a new run): the values statistics.median, min() and max()
    give over the whole run, sizes repeating and all."""
    rng = random.Random(5)
    shape = _RunShape()
    for _ in range(200):
        run: list[Line] = []
        for _ in range(rng.randint(1, 10)):
            pieces = []
            for _ in range(rng.randint(1, 4)):
                x0 = rng.choice((0.0, 12.5, rng.uniform(0, 400)))
                glyph = Glyph("w", x0, 0.0, x0 + 5, 10.0, rng.choice((8.0, 10.0, 10.5, 12.0)),
                              False, "F", 0, -1)
                pieces.append(Fragment([glyph], "w", x0, 0.0, x0 + rng.uniform(1, 50), 10.0))
            run.append(Line(pieces))
            grown = shape.of(run)
            assert grown.usual_size() == statistics.median(map(_line_size, run))
            assert grown.left == min(f.x0 for line in run for f in line.fragments)
            assert grown.right == max(f.x1 for line in run for f in line.fragments)
            assert grown.columns == _columns([list(line.fragments) for line in run])


def test_running_text_split_only_as_far_as_needed() -> None:
    """running_text splits a text into at most RUNNING_WORDS pieces: the same answer as
    counting all its tokens, whatever spaces lead, trail or repeat."""
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("ab \t\n") for _ in range(rng.randint(0, 24)))
        whole = len(text.split()) >= figures.RUNNING_WORDS
        assert figures.running_text(text) == (
            whole or (not text.isascii() and figures.word_count(text) >= figures.RUNNING_WORDS)
        )


def test_clean_gives_printable_text_back_when_it_has_nothing_to_change() -> None:
    """clean() returns printable text as it is unless a space leads, trails or doubles: that
    holds only while the ASCII space is the one printable white space (this Unicode's)."""
    assert [chr(c) for c in range(0x110000) if chr(c).isprintable() and chr(c).isspace()] == [
        " "
    ]
    for text in ("", "a", "two words", " lead", "trail ", "dou  ble", "caf\u00e9 \u4e2d",
                 "\u00a0nbsp", "tab\there", "\uf0b7 bullet", "\x02x"):
        assert lines_module.clean(text) == " ".join(
            "".join(ch for ch in lines_module.clean(text)).split()
        )
    assert lines_module.clean("two words") == "two words"
    assert lines_module.clean(" a  b ") == "a b"
    assert lines_module.clean("a\u00a0\u00a0b") == "a b"
