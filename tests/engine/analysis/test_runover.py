"""Asides are not read inside a paragraph broken by a page break."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import (
    BBox,
    Figure,
    ListBlock,
    ListItem,
    Paragraph,
    Prov,
    Table,
    block_text,
)
from workers.engine.layout.reader import read_layout
from workers.engine.layout.runover import asides_after_runover, paragraphs_run_on

from .conftest import HtmlPdf


def read_words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks).split()


def test_a_caption_beside_a_paragraph_broken_by_the_page_is_read_after_it_ends(
    html_pdf: HtmlPdf,
) -> None:
    # The running text's last paragraph on the first page goes on on the second; a caption
    # in the margin at the foot of the first page is read after the paragraph, not inside.
    letters = "abcdefghijklmnopqrstuvwxyz"
    running = " ".join(f"w{letters[i // 26 % 26]}{letters[i % 26]}" for i in range(900))
    caption = "Picture " + " ".join(f"cap{letters[i]}" for i in range(10))
    path = html_pdf(
        "<div style='position: absolute; left: 0; top: 22cm; width: 3.5cm; font-size: 8pt'>"
        f"{caption}</div>"
        f"<p style='margin: 0 0 0 4.5cm; line-height: 14pt'>{running}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert [p.page for p in doc.blocks[0].prov] == [0, 1]  # (one paragraph on both pages)
    assert read_words(path) == running.split() + caption.split()


def para(text: str, page: int, x0: float, y0: float, x1: float, y1: float) -> Paragraph:
    return Paragraph(text, [Prov(page, BBox(x0, y0, x1, y1))])


def test_only_asides_of_a_broken_paragraph_move() -> None:
    broken = para("the bridge was closed for", 0, 200, 80, 560, 300)
    caption = para("A photo of the bridge.", 0, 40, 80, 180, 120)
    rest = para("three weeks in June.", 1, 200, 700, 560, 760)
    assert asides_after_runover([broken, caption, rest]) == [broken, rest, caption]
    # A column of an index ends in page numbers: no sentence broken off.
    entries = para("marasmus 192", 0, 200, 80, 560, 300)
    assert asides_after_runover([entries, caption, rest]) == [entries, caption, rest]
    # Running text under the paragraph, as wide: the paragraph was not the page's last.
    under = para("Another paragraph of the page.", 0, 200, 20, 560, 70)
    assert asides_after_runover([broken, under, rest]) == [broken, under, rest]
    # A heading-less new page starting with a capital: no sentence goes on.
    fresh = para("Three weeks later.", 1, 200, 700, 560, 760)
    assert asides_after_runover([broken, caption, fresh]) == [broken, caption, fresh]


def test_a_sentence_going_on_under_a_formula_is_not_moved() -> None:
    # "Then the map / α: X → Y / is an isomorphism." with a diagram's label "γ" atop the
    # next page: the short line under the formula is the sentence's end, no aside.
    formula = para("α : π(X, a) → π(X, b) [δ ∗ γ]", 0, 200, 300, 400, 320)
    end = para("is an isomorphism.", 0, 72, 280, 190, 295)
    label = para("γ", 1, 300, 700, 310, 710)
    assert asides_after_runover([formula, end, label]) == [formula, end, label]
    going_on = para("is an isomorphism of groups.", 1, 72, 700, 500, 760)
    assert asides_after_runover([formula, end, going_on]) == [formula, end, going_on]


def letter_words(count: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join(f"w{letters[i // 26 % 26]}{letters[i % 26]}" for i in range(count))


def test_a_paragraph_broken_by_the_page_is_one_paragraph(html_pdf: HtmlPdf) -> None:
    # The running text breaks mid-sentence at the foot of page 1 and goes on on page 2: a
    # screen reader should hear one paragraph, and its one element is marked on both pages.
    running = letter_words(1400)
    path = html_pdf(f"<p style='margin: 0; line-height: 14pt'>{running}</p>")
    doc = read_layout(path, max_pages=5)
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert paragraphs[0].text.split() == running.split()
    assert [p.page for p in paragraphs[0].prov] == [0, 1]


def test_a_paragraph_broken_by_the_column_is_one_paragraph(html_pdf: HtmlPdf) -> None:
    running = letter_words(250)
    path = html_pdf(
        "<div style='columns: 2; column-gap: 1cm; height: 12cm; column-fill: auto'>"
        f"<p style='margin: 0; line-height: 14pt'>{running}</p></div>"
    )
    paragraphs = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert paragraphs[0].text.split() == running.split()
    (left, right) = paragraphs[0].prov
    assert left.page == right.page == 0 and right.bbox.x0 > left.bbox.x1


def test_a_word_hyphenated_at_the_break_is_one_word() -> None:
    broken = para("the bridge was closed for three weeks of the sum-", 0, 72, 60, 520, 300)
    rest = para("mer while the river was in flood.", 1, 72, 700, 520, 760)
    (joined,) = paragraphs_run_on([broken, rest], None)
    assert isinstance(joined, Paragraph)
    assert joined.text == (
        "the bridge was closed for three weeks of the summer while the river was in flood."
    )
    assert [p.page for p in joined.prov] == [0, 1]


def test_what_does_not_go_on_stays_apart() -> None:
    broken = para("the bridge was closed for three weeks of the summer in", 0, 72, 60, 520, 300)
    # A sentence's end, a capital, or a narrow caption on the next page: no run-on.
    ended = para("the bridge was closed for three weeks of the summer.", 0, 72, 60, 520, 300)
    rest = para("june while the river was in flood.", 1, 72, 700, 520, 760)
    capital = para("June came, and the river was in flood.", 1, 72, 700, 520, 760)
    caption = para("a photo of the bridge in june", 1, 72, 700, 200, 760)
    assert len(paragraphs_run_on([ended, rest], None)) == 2
    assert len(paragraphs_run_on([broken, capital], None)) == 2
    assert len(paragraphs_run_on([broken, caption], None)) == 2
    # Labels side by side in a row (an infographic's columns) each break off and go on.
    left = para("for 1–2 years after treatment", 0, 72, 300, 250, 320)
    right = para("for 3–5 years after treatment", 0, 300, 300, 478, 320)
    assert len(paragraphs_run_on([left, right], None)) == 2
    # The next column of the page, above where the first half ends: one paragraph.
    top_right = para("june while the river was in flood and more.", 0, 300, 600, 520, 760)
    column = para("the bridge was closed for three weeks of the summer in", 0, 72, 60, 292, 300)
    assert len(paragraphs_run_on([column, top_right], None)) == 1


def test_a_picture_under_a_paragraph_broken_by_the_column_is_read_after_it_ends() -> None:
    # The left column's paragraph breaks off mid-sentence above a picture (its labels and
    # caption under it, as wide as they reach) and goes on at the head of the right
    # column: the sentence is read whole, the picture after it.
    broken = para("spring styles in various sizes. The wing type that is", 0, 72, 254, 309, 278)
    picture = Figure(caption="Figure 7-26. Self-locking nuts.", prov=[
        Prov(0, BBox(71, 88, 310, 239))])
    label = para("Boots aircraft nut", 0, 102, 177, 160, 186)
    caption = para("Figure 7-26. Self-locking nuts.", 0, 72, 61, 182, 72)
    going_on = para("the most common ranges in size for No. 6 up", 0, 321, 417, 558, 730)
    blocks = [broken, picture, label, caption, going_on]
    assert asides_after_runover(blocks) == [broken, going_on, picture, label, caption]
    (joined, *rest) = paragraphs_run_on(asides_after_runover(blocks), None)
    assert joined.text.endswith("The wing type that is the most common ranges in size for No. 6 up")
    assert rest == [picture, label, caption]
    # Text under the paragraph, as wide, not on the picture: the running text goes on there.
    under = para("Another paragraph of the column that is set here.", 0, 72, 20, 309, 50)
    assert asides_after_runover([broken, picture, under, going_on]) == [
        broken, picture, under, going_on]


def test_a_sentence_ending_in_a_short_line_on_the_next_page_is_one_paragraph() -> None:
    # "... and no wonder, for who" / "had ever heard of the Moon being lost?": the rest of
    # the sentence is one line, as long as its words (set flush right on the next page):
    # narrower than the column, it still ends the paragraph.
    broken = para("in the inn and all about; and no wonder, for who", 0, 57, 67, 433, 131)
    rest = para("had ever heard of the Moon being lost?", 1, 262, 722, 555, 735)
    (joined,) = paragraphs_run_on([broken, rest], None)
    assert isinstance(joined, Paragraph)
    assert joined.text.endswith("for who had ever heard of the Moon being lost?")
    # A word or two ending the sentence are its rest too.
    share = para("the old woman took care to save the bigger share for", 0, 57, 67, 433, 131)
    word = para("herself.", 1, 57, 722, 100, 735)
    (joined,) = paragraphs_run_on([share, word], None)
    assert isinstance(joined, Paragraph)
    assert joined.text.endswith("share for herself.")
    # A label at the head of the next page, with no sentence's end, stays apart.
    label = para("miles an hour", 1, 57, 722, 140, 735)
    assert len(paragraphs_run_on([broken, label], None)) == 2


def test_a_list_point_broken_by_the_page_goes_on_in_the_point() -> None:
    # "5. When they build on a stream, they make a dam for the purpose of keeping the" /
    # (next page) "water at the height they wish.": the point's rest, no paragraph after it.
    first = ListItem("4.", [para("They build their huts by rivers.", 0, 80, 140, 520, 152)])
    last = ListItem("5.", [para("When they build on a stream, they make a dam for the"
                                " purpose of keeping the", 0, 80, 60, 520, 130)])
    points = ListBlock([first, last], ordered=True)
    rest = para("water at the height they wish.", 1, 80, 740, 300, 752)
    (read,) = paragraphs_run_on([points, rest], None)
    assert read is points
    assert [item.text for item in points.items] == [
        "They build their huts by rivers.",
        "When they build on a stream, they make a dam for the purpose of keeping the water"
        " at the height they wish."]
    assert [p.page for p in points.items[1].blocks[0].prov] == [0, 1]


def test_a_float_at_the_head_of_the_next_column_is_read_after_the_sentence(
    html_pdf: HtmlPdf,
) -> None:
    # The left column breaks off mid-sentence ("… our compiler based on"); the right column
    # opens with a figure's caption, as wide as the column, and goes on under it ("a set of
    # benchmarks."): the sentence is read whole, then the caption.
    left = letter_words(160) + " based on"
    caption = "Figure 2. " + " ".join(f"cap{c}" for c in "abcdefghijklmnopqrst") + "."
    rest = "a set of industry benchmarks. " + letter_words(60) + "."
    column = "position: absolute; width: 8cm; line-height: 14pt; margin: 0"
    path = html_pdf(
        f"<p style='{column}; left: 0; top: 0'>{left}</p>"
        f"<p style='{column}; left: 9cm; top: 0'>{caption}</p>"
        f"<p style='{column}; left: 9cm; top: 4cm'>{rest}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert read_words(path) == left.split() + rest.split() + caption.split()
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].text.split() == left.split() + rest.split()


def test_floats_between_the_halves_of_a_sentence_are_read_after_it() -> None:
    # The left column ends "… based on"; the right opens with a listing, its caption and a
    # picture with its caption, then "a set of industry benchmarks.".
    broken = para("we then evaluate our dynamic compiler in Section 7 based on", 0,
                  54, 66, 293, 164)
    listing = Paragraph("1 for (i = 2; i < 100; ++i)\n2   continue;",
                        [Prov(0, BBox(317, 662, 505, 720))], preformatted=True)
    listed = para("Figure 1. Sample program: sieve of Eratosthenes.", 0, 317, 620, 556, 648)
    picture = Figure(caption="Figure 2. State machine.", prov=[Prov(0, BBox(317, 415, 556, 601))])
    pictured = para("Figure 2. State machine.", 0, 317, 312, 556, 400)
    going_on = para("a set of industry benchmarks. The paper ends in Section 9.", 0,
                    317, 273, 556, 291)
    floats = [listing, listed, picture, pictured]
    assert asides_after_runover([broken, *floats, going_on]) == [broken, going_on, *floats]
    # A table read as its columns' paragraphs across the head of the next page, its caption
    # under it: the sentence goes on under the caption.
    ends = para("these runs have large standard deviations (on the order of the", 0,
                317, 66, 556, 104)
    cells = [para(f"{n}.{n} 1.0 2.0", 1, 60 + 60 * n, 452, 100 + 60 * n, 709) for n in range(8)]
    title = para("Figure 13. Detailed trace recording statistics.", 1, 161, 427, 446, 435)
    mean = para("mean). We exclude regexp-dna from the following calculations.", 1,
                54, 318, 293, 405)
    assert asides_after_runover([ends, *cells, title, mean]) == [ends, mean, *cells, title]
    # A table's cells (one opening with a small letter) over a caption in two paragraphs,
    # its label's line set apart ("Figure 9. Tagged values." over its rest, close under
    # it): the float ends in the caption's rest, set farther over the running text.
    then = para("considers the values in registers at the point each is referred to. Then the",
                0, 54, 67, 293, 95)
    head = para("Tag JS Type", 0, 324, 711, 377, 719)
    cell = para("xx1 number 000 object 010 number", 0, 324, 641, 384, 709)
    label = para("Figure 9. Tagged values in the interpreter.", 0, 317, 624, 556, 632)
    rest_of_it = para("Testing tags, unboxing and boxing have costs.", 0, 317, 594, 556, 622)
    heuristic = para("heuristic selects v with minimum vm. The motivation is plain.", 0,
                     317, 547, 556, 565)
    table = [head, cell, label, rest_of_it]
    assert asides_after_runover([then, *table, heuristic]) == [then, heuristic, *table]


def test_blocks_between_without_a_float_s_foot_stay() -> None:
    broken = para("we then evaluate our dynamic compiler in Section 7 based on", 0,
                  54, 66, 293, 164)
    going_on = para("a set of industry benchmarks. The paper ends in Section 9.", 0,
                    317, 273, 556, 291)
    # Running text over the second half, no caption nor picture last: no float.
    text = para("Another paragraph of the right column, set at its head.", 0, 317, 300, 556, 720)
    assert asides_after_runover([broken, text, going_on]) == [broken, text, going_on]
    # A caption beside the second half, not over it: no float at the column's head.
    beside = para("Figure 4. A chart.", 0, 317, 200, 556, 290)
    assert asides_after_runover([broken, beside, going_on]) == [broken, beside, going_on]
    # The sentence going on in its column under a formula: no float, however a caption
    # heads the next column.
    formula = para("f(x) = max g(x, y)", 0, 100, 40, 250, 60)
    where = para("where g is the gain of the step taken.", 0, 54, 20, 293, 35)
    caption = para("Figure 4. A chart.", 0, 317, 300, 556, 320)
    assert asides_after_runover([broken, formula, where, caption, going_on]) == [
        broken, formula, where, caption, going_on]
    # A line over a table ("Unit: shares") is no sentence broken off.
    unit = para("单位：股", 3, 65, 700, 120, 712)
    table = Table(rows=[], prov=[Prov(3, BBox(65, 80, 530, 690)), Prov(4, BBox(65, 600, 530, 760))])
    rest = para("公司前十名普通股股东在报告期内是否进行约定购回交易", 4, 65, 560, 530, 580)
    assert asides_after_runover([unit, table, rest]) == [unit, table, rest]


def test_a_sentence_wrapped_round_a_picture_is_read_whole_then_the_picture() -> None:
    # A biography set beside its author's photo breaks off ("… cryptographic pro-") and
    # goes on under the photo ("tocols."): one paragraph, the photo after it.
    beside = para("is a professor of computer science. His research interests are in data"
                  " privacy, data security and cryptographic pro-", 11, 383, 375, 547, 470)
    photo = Figure(prov=[Prov(11, BBox(303, 385, 374, 467))])
    under = para("tocols.", 11, 303, 367, 326, 374)
    moved = asides_after_runover([beside, photo, under])
    assert moved == [beside, under, photo]
    (joined, after) = paragraphs_run_on(moved, None)
    assert isinstance(joined, Paragraph) and after is photo
    assert joined.text.endswith("data security and cryptographic protocols.")
    # Under the photo, a line's gap or more below the text: a paragraph of its own.
    apart = para("tocols.", 11, 303, 340, 326, 347)
    assert asides_after_runover([beside, photo, apart]) == [beside, photo, apart]
    # A diagram's labels by its drawing ("c" beside it, "γ 2" under): no sentence.
    label = para("c", 50, 433, 743, 438, 754)
    drawing = Figure(prov=[Prov(50, BBox(198, 726, 429, 770))])
    other = para("γ ′ 2", 50, 365, 732, 375, 742)
    assert asides_after_runover([label, drawing, other]) == [label, drawing, other]


def test_a_quotation_going_on_after_the_page_break_is_the_sentence_s_rest() -> None:
    # "… the destiny of oNLine Systems (NLS) was the" / (next page) "“augmentation of human
    # intellect” via …": an opening quote before the small letter; the photo in the margin
    # between is read after the sentence.
    broken = para("His notion of the dream was that the destiny of oNLine Systems (NLS) was the",
                  12, 90, 76, 441, 102)
    photo = Figure(prov=[Prov(12, BBox(465, 542, 542, 644))])
    caption = para("Dave Evans, Head of the Department, and my mentor.", 12, 465, 505, 547, 542)
    rest = para("“augmentation of human intellect” via an interactive vehicle.",
                13, 90, 691, 441, 717)
    moved = asides_after_runover([broken, photo, caption, rest])
    assert moved == [broken, rest, photo, caption]
    (joined, *after) = paragraphs_run_on(moved, None)
    assert isinstance(joined, Paragraph) and after == [photo, caption]
    assert joined.text.endswith("(NLS) was the “augmentation of human intellect” via an"
                                " interactive vehicle.")
    # A bracketed label or a diagram's stereotype name is no sentence's middle.
    for start in ("(a) the first of the points made here.", "«spatialEvol» HydroJunction - Type"):
        other = para(start, 13, 90, 691, 441, 717)
        assert asides_after_runover([broken, photo, caption, other]) == [
            broken, photo, caption, other]


def test_a_table_with_its_caption_and_note_is_an_aside() -> None:
    # "… with activities involving the" / TABLE 5.1's caption (nearly as wide as the
    # column), its heading cells, the table and its "Sources: …" line under it / (next
    # page) "head, neck, and upper extremities …".
    broken = para("The two fundamental laws also hold for motor development, with activities"
                  " involving the", 10, 249, 417, 609, 455)
    title = "TABLE 5.1 Age Norms (in Months) for Important Motor Developments"
    caption = para(title, 10, 261, 359, 593, 397)
    heads = [para("Month when 50% of infants have", 10, 411, 325, 485, 348),
             para("Month when 90% of infants have", 10, 510, 325, 584, 348)]
    table = Table(rows=[], caption=title, prov=[Prov(10, BBox(261, 90, 584, 326))])
    note = para("Sources: Bayley, 1993; Frankenburg et al., 1992.", 10, 249, 68, 417, 78)
    rest = para("head, neck, and upper extremities preceding those of the legs.",
                11, 212, 452, 573, 752)
    floats = [caption, *heads, table, note]
    assert asides_after_runover([broken, *floats, rest]) == [broken, rest, *floats]
    # Running text under the table, a line's gap and more below it: the paragraph was not
    # the page's last.
    under = para("Other text of the page.", 10, 249, 40, 417, 60)
    assert asides_after_runover([broken, *floats, under, rest]) == [
        broken, *floats, under, rest]


def test_labels_set_round_a_drawing_are_read_with_it() -> None:
    # "… it contains centers for speech," then the margin's glossary (its entries opening
    # with small letters, beside the paragraph), the figure's caption and a drawing with a
    # dozen labels set round it (their boxes touching its box, not inside it) / (next page)
    # "hearing, verbal memory, …".
    broken = para("The highest brain center consists of two halves; as illustrated in Figure"
                  " 5.6, it contains centers for speech,", 7, 213, 303, 573, 390)
    glossary = [para("corpus callosum", 7, 69, 440, 123, 451),
                para("the bundle of fibers that connects the two halves.", 7, 69, 390, 184, 440)]
    caption = para("Figure 5.6 Lateral view of the left cerebral cortex.", 7, 69, 205, 197, 282)
    drawing = Figure(prov=[Prov(7, BBox(231, 113, 517, 260))])
    labels = [para(f"Lobe {n} (function)", 7, 240 + 20 * n, 261, 290 + 20 * n, 275)
              for n in range(10)]
    labels += [para("Temporal lobe (memory)", 7, 278, 96, 334, 111),
               para("Cerebellum (balance)", 7, 518, 130, 564, 155)]
    rest = para("hearing, verbal memory, decision making and language.", 8, 249, 590, 610, 752)
    floats = [*glossary, caption, drawing, *labels]
    assert asides_after_runover([broken, *floats, rest]) == [broken, rest, *floats]
    # The sentence going on under the paragraph with a small letter: no aside.
    going_on = para("and for hearing.", 7, 213, 280, 400, 295)
    assert asides_after_runover([broken, going_on, drawing, rest]) == [
        broken, going_on, drawing, rest]


def test_a_note_set_smaller_at_the_column_s_foot_is_read_after_the_sentence() -> None:
    # "… popular for web programming" / the permission notice at the left column's foot,
    # as wide but set smaller / (next column) "and is used for the application logic …".
    broken = para("Dynamic languages such as JavaScript, Python, and Ruby are popular since"
                  " they are expressive and have become the language of web programming",
                  0, 54, 159, 293, 207)
    notice = para("Permission to make digital or hard copies of all or part of this work is"
                  " granted without fee.", 0, 54, 68, 293, 125)
    going_on = para("and is used for the application logic of browser-based applications.",
                    0, 317, 406, 556, 454)
    blocks = [broken, notice, going_on]
    sizes = {id(broken.prov[0]): 10.0, id(notice.prov[0]): 8.0, id(going_on.prov[0]): 10.0}

    def size(prov: Prov) -> float | None:
        return sizes.get(id(prov))

    assert asides_after_runover(blocks, size) == [broken, going_on, notice]
    # Set in the running text's size, it is the running text going on under the paragraph.
    sizes[id(notice.prov[0])] = 10.0
    assert asides_after_runover(blocks, size) == blocks
    # Sizes unknown: nothing moves.
    assert asides_after_runover(blocks) == blocks


def test_a_sentence_goes_on_over_the_page_in_its_own_size() -> None:
    # An infographic's last point at the page's foot, set small with no full stop ("5.5:
    # Secure global supply chains for products and services"), then the next page's running
    # text going on with a small letter, in the body's size: the point is no first half.
    point = para("5.5: Secure global supply chains for information and operational"
                 " technology products and services", 0, 320, 90, 560, 110)
    sources = para("Sources: GAO analysis of the strategy.", 0, 320, 70, 560, 80)
    going_on = para("strategy. However, not all of the characteristics were addressed.",
                    1, 60, 700, 300, 740)
    sizes = {id(point.prov[0]): 7.5, id(sources.prov[0]): 6.0, id(going_on.prov[0]): 11.0}

    def size(prov: Prov) -> float | None:
        return sizes.get(id(prov))

    blocks = [point, sources, going_on]
    assert asides_after_runover(blocks, size) == blocks
    assert paragraphs_run_on([point, going_on], None, size=size) == [point, going_on]
    # In one size, the sentence goes on (and without sizes, as before).
    sizes[id(point.prov[0])] = 11.0
    assert asides_after_runover(blocks, size) == [point, going_on, sources]
    assert len(paragraphs_run_on([point, going_on], None, size=size)) == 1
    assert len(paragraphs_run_on([point, going_on], None)) == 1
