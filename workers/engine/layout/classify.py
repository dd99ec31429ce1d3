"""Document-wide classification of the layout reader's blocks into the model.

The body font size is the most used one; running headers and footers are text repeated in the
page margins on many pages (digits ignored, so page numbers match), a lone page number set
apart at the foot or head of a page needs no repeating, and line numbers in the margin are
artifacts too; headings are short blocks in a larger or bold face, levelled by face
(or by the outline when the PDF has bookmarks); list items start with a bullet or a number;
figures are images of some size (judged by :mod:`.figures`), captions the nearby text. Pages
follow one another, except in a folded leaflet (two landscape sides of three panels), read
front cover first and back panels last.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from operator import attrgetter
from types import ModuleType
from typing import Any

from ..document import (
    Artifact,
    BBox,
    Cell,
    Document,
    Figure,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Page,
    Paragraph,
    Prov,
    Row,
    Scope,
    Table,
)
from ..document import Block as ModelBlock
from .accents import glyphs_join_accents
from .asides import before_smaller_aside
from .bidi import reads_right_to_left
from .blocks import (
    MARGIN_BAND,
    Block,
    PageResult,
    area_share,
    boxes_overlap,
    join_lines,
    lines_of,
    stacked_lines,
    x_overlap,
)
from .box_glyphs import opens_options_row
from .browser_levels import bookmarked_heads, browser_levels, heading_face_size
from .bylines import bylines_apart
from .code_face import code_face, code_lines, inline_code_lines
from .contents_labels import contents_labels_apart
from .continued_tables import (
    caption_first_title,
    columns_under,
    continue_table,
    goes_on_in_next_column,
    goes_on_mid_cell,
    goes_on_note,
    goes_on_over_the_page,
    goes_on_rows_apart,
    head_like_its_rows,
    repeats_stub,
    rest_in_head_face,
    spread_over,
    starts_continued,
    title_artifact,
    title_over,
    title_said_again,
)
from .dash_runons import run_on, runs_on_into
from .definition_lists import definition_lists
from .definition_terms import definition_terms
from .described_terms import described_terms
from .disjoint_sets import DisjointSets
from .drawn_bullets import drawn_bullet, without_drawn_bullets
from .drawn_underscores import reads_drawn_underscore
from .end_marks import END_MARK_CHARS
from .figures import (
    CAPTION,
    EDGE_TOLERANCE,
    ON_PICTURE,
    CaptionLine,
    TextLine,
    between_pictures_and_caption,
    caption_among,
    caption_lines,
    caption_text,
    judge,
    row_label_of,
    row_name_of,
    scale_label,
    scale_on,
    set_off_caption,
    sole_caption_of,
    styled_caption_of,
    title_on,
)
from .hanging_terms import hanging_terms
from .items_in_a_row import beside_on_its_line
from .line_breaks import cell_text, line_joiner, runs_words_on
from .lines import (
    SPACE_GAP,
    Fragment,
    comes_back,
    large_code_fonts,
    quick_median,
    text_of,
    word_count,
)
from .list_labels import label_provs
from .listings import listing_text
from .lone_captions import names_as_captions
from .numbered_heads import bracketed_heads, numbered_heading
from .numbered_runs import numbered_runs, outvoted
from .order import side_notes
from .page_margins import second_columns, text_margins
from .part_levels import (
    close_up_levels,
    division_label,
    heads_of_what_follows,
    label_beside_title,
    repeats_of_the_title,
    series_after_series,
    title_over_larger_sections,
)
from .patterns import (
    BARE_KEY,
    BARE_KEYED,
    BULLET,
    EMOJI_SIGNS,
    KEY,
    KEYED,
    LEADER,
    NUMBER,
    NUMBERED,
    REFERENCES_TITLE,
    is_marker,
    prefix_title_keys,
    starts_item,
    title_key,
)
from .repeated_titles import repeated_title_apart
from .rounding import round_to
from .runover import letterheads_apart
from .section_numbers import section_numbered
from .sections_ahead import sections_ahead_apart
from .small_heads import heads_of_smaller_text
from .subtitles import subtitle_apart
from .table_heads import bold_head_column, opens_with, repeated_first_rows, set_apart_head
from .tables import TABLE_CAPTION, table_caption

_scanner: ModuleType | None
try:
    # A block's objects and their marked-content ids in C (_content_scan.c), where built.
    from . import _content_scan as _scanner
except ImportError:  # pragma: no cover - depends on the installation
    _scanner = None

#: Pages of a document at most so many read their running lines each from its own setting
#: (see ``_page_furniture_apart``), as a lone page does.
SHORT_DOCUMENT = 3
#: Lines a side note may hold and be furniture: a print job's slug, a preprint server's
#: stamp, a journal's vertical running title run to a line or two.
SIDE_NOTE_LINES = 3


#: A page's number alone or with its word ("7", "Page 7 of 9", "- 7 -", "xii"). In Roman
#: numerals only front matter's, i to lxxxix (see _ROMAN_FOLIO): a lone capital "C", "D" or
#: "M" over a section is its heading (a language's "C"), and "mild" or "did" are words.
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–(\[]?\s*(\d{1,4}|(?=[ivxl])l?x{0,3}(?:ix|iv|v?i{0,3}))"
    r"\s*[-–)\]]?"
    r"(?:\s*(?:/|of|de|sur|von)\s*\d{1,4})?$",
    re.IGNORECASE,
)


_MONTH = (
    r"(?:jan(?:uary|vier)?|feb(?:ruary)?|f[ée]v(?:rier)?|m[aä]r(?:ch|s|z)?|apr(?:il)?|avr(?:il)?"
    r"|ma[iy]|jui?n[e]?|jui?l(?:y|let)?|aug(?:ust)?|ao[uû]t|sept?(?:ember|embre)?"
    r"|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d[ée][cz](?:ember|embre)?)\.?"
)


_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"


_DATE = (
    rf"(?:{_WEEKDAY}\s*)?(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}}"
    # (Chinese and Japanese: "2018 年 04 月", "2024年2月23日".)
    r"|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?)"
)

#: A line that is only a date ("2025-06-18", "Fri, Feb 24, 2017", "23 February 2024"): the
#: date of a title page or a letter, never a heading however large it is set.
_DATE_ONLY = re.compile(rf"^{_DATE}$", re.IGNORECASE)

#: A line that ends with a date ("The LaTeX Team 2025-06-18": authors and their date).
_DATED = re.compile(rf"(?:^|\s){_DATE}$", re.IGNORECASE)


def norm_running(text: str) -> str:
    """Running text's key: its words in lower case, its numbers one ("Page 2 of 4"). A page
    number in Roman numerals ("iv", "Page xii") is a number too: a report's front matter
    numbers its pages so, at the place its body's folios take."""
    key = _NUMBERS.sub("#", " ".join(text.lower().split()))
    folio = _PAGE_NUMBER.match(key)
    if folio and _ROMAN_FOLIO.fullmatch(folio.group(1)):
        return f"{key[:folio.start(1)]}#{key[folio.end(1):]}"
    return key


_NUMBERS = re.compile(r"\d+")
#: A page's number in Roman numerals, in lower case: i to lxxxix (front matter runs no
#: longer; "mix" or "dim", read as numerals, are far past it, or no numeral at all).
_ROMAN_FOLIO = re.compile(r"l?x{0,3}(?:ix|iv|v?i{0,3})")


_norm = norm_running


def classify(
    doc: Document,
    results: list[PageResult],
    outline: dict[str, int],
    links: dict[int, list[tuple[BBox, str]]],
    fields: dict[int, list[BBox]] | None = None,
    places: dict[str, dict[int, int]] | None = None,
    browser: bool = False,
) -> None:
    """``outline``: bookmark titles -> levels; ``places``: title -> {page: level}, the pages
    the bookmarks of each title lead to (see :class:`.catalog_facts.Outline`); ``browser``:
    the PDF was printed from HTML by a browser engine (see :mod:`.browser_levels`)."""
    fields = fields or {}
    places = places or {}
    artifact_ids = _find_artifacts(doc, results)
    _set_aside_decoration(doc, results, artifact_ids)
    body_size = _body_size(results, artifact_ids)
    artifact_ids.update(_scale_values(results, artifact_ids, body_size))
    # (A title over text set smaller than the body's is judged by that text: a box's.)
    small_heads = heads_of_smaller_text(
        ([b for b in r.blocks if id(b) not in artifact_ids] for r in results), body_size
    )
    for block in (b for r in results for b in r.blocks):
        block.heads_smaller_text = id(block) in small_heads
        if block.heads_smaller_text:
            block.heading_cache = None
    body = [b for r in results for b in r.blocks if b.kind == "text" and id(b) not in artifact_ids]
    # Form labels sit beside their fields: whatever their face, they name a field, not a
    # section (a checkbox's "Option 2" in bold is no heading).
    not_headings = {
        id(b) for b in body
        if fields.get(b.page) and _beside_field(b, fields[b.page], body_size)
    }
    # So does the label at the top of a box left blank to be filled in ("VA DATE STAMP").
    not_headings |= {id(b) for b in body if b.labels_box}
    # And a name locked up with its drawn mark into a letterhead's logo.
    not_headings |= {id(b) for b in body if b.wordmark}
    masthead: set[int] = set()  # the lines over the title naming its publication
    if not _slide_deck(doc.pages):
        # (On slides, pictures fill the page around their title, which the slide-title rule
        # below already tells from the points and labels.)
        not_headings |= _figure_labels(results, body_size)
        not_headings |= _in_running_text_faces(body, body_size)
        not_headings |= _drawing_titles(results, body_size, artifact_ids)
        not_headings |= _grid_heads(results, body_size)
        not_headings |= _closing_foot(results, artifact_ids)
        not_headings |= _lone_notices(results, artifact_ids)
        # The title page is the first page with text (a cover picture may come before it).
        first = next((
            [b for b in r.blocks if id(b) not in artifact_ids] for r in results
            if any(b.kind == "text" and id(b) not in artifact_ids for b in r.blocks)
        ), [])
        if len(results) >= 3:
            not_headings |= _cover_lines(first, body_size)
        masthead = _masthead_lines(first, body_size, not_headings)
        not_headings |= masthead
    if _body_is_bold(body, body_size):
        # Bold is the body's own face here, so it sets nothing apart: only a larger face does.
        body = [b for b in body if b.size >= 1.15 * body_size or not b.bold]
        not_headings |= {
            id(b) for r in results for b in r.blocks
            if b.kind == "text" and b.bold and b.size < 1.15 * body_size
        }
    not_headings |= _bold_paragraph_lines(results, body_size)
    # Code is set larger than the text in some documents: a line of it is no heading, and
    # one in bold is as a bold line of the text's size.
    code = code_face(results, body_size)
    in_code = code_lines(results, code)
    not_headings |= in_code
    # And so is a paragraph's line holding only code set inline, set apart by its size.
    not_headings |= inline_code_lines(
        results, body_size, lambda b: _heading_candidate(b, b.text, body_size)
    )
    # A definition list's bold terms, each bound to its definition flush under it.
    terms = definition_terms(
        results, body_size, lambda b: _heading_candidate(b, b.text, body_size), code,
        artifact_ids,
    )
    # And one described under it indented past the text's edge, where the term stands.
    terms |= described_terms(
        [
            [b for b in blocks if b.kind == "text" and id(b) not in artifact_ids]
            for _, blocks in _document_order(results)
        ],
        body_size,
        lambda b: _heading_candidate(b, b.text, body_size),
    )
    not_headings |= terms
    # Terms hung out in the margin of their definitions, on the definitions' first lines.
    hanging = hanging_terms([
        b for _, blocks in _document_order(results) for b in blocks
        if b.kind == "text" and id(b) not in artifact_ids
    ])
    # Numbered lines in one face are one sequence: read alike, as most of them are judged.
    back, added = outvoted(
        numbered_runs(body, lambda b: _heading_candidate(b, b.text, body_size)), not_headings
    )
    not_headings = (not_headings - back) | added
    body = [b for b in body if id(b) not in not_headings]
    repeated = _repeated_texts(body, body_size)
    # (A block's key is worked out only where there are keys to look it up in: a paragraph's
    # whole text is read for it.)
    styles = _heading_styles(
        [b for b in body if title_key(b.text) not in repeated] if repeated else body, body_size
    )
    faces = _outline_faces(body, outline, body_size)
    byline = _byline(results[0].blocks if results else [], body, body_size)
    byline |= _subtitle_under_title(results[0].blocks if results else [], body, body_size)
    titles = _slide_titles(doc.pages, body, styles, body_size) if _slide_deck(doc.pages) else None
    texts = [b for r in results for b in r.blocks if b.kind == "text"]
    headed = _pages_headed(places, texts)
    echoes = _bookmark_echoes(headed, texts, body_size, in_code)
    own_lines = {
        (title_key(b.text), b.page) for b in texts
        if b.page in headed.get(title_key(b.text), {}) and id(b) not in echoes
        and _heading_candidate(b, b.text, body_size)
    } if headed else set()
    continued = _continued_slides(body, titles) if titles is not None else set()
    margins = text_margins(
        (b for r in results for b in r.blocks), lambda b: id(b) not in artifact_ids
    )
    page_columns = second_columns(
        ((r.page.width, r.blocks) for r in results), lambda b: id(b) not in artifact_ids
    )
    stack: list[ListBlock] = []
    list_x: list[float] = []
    #: Where each item's text starts, past its label (a hanging indent's continuation lines),
    #: and its size.
    item_faces: dict[int, tuple[float | None, float, bool]] = {}
    last_lines: dict[int, Block] = {}  # the block each item's paragraph ends with
    heading_block: Block | None = None  # the block of the last heading
    run_in_heads: set[int] = set()  # the headings run into their paragraphs
    heading_faces: dict[int, tuple[float, bool]] = {}  # each heading line's face
    heading_sizes: dict[int, tuple[float, bool]] = {}  # the same, its size not rounded
    numbered_heads: set[int] = set()  # the paragraphs that are numbered headings' lines
    section_before: str | None = None  # the number of the last of those
    term_paragraphs: set[int] = set()  # the paragraphs that are definition lists' terms
    parted: set[int] = set()  # those of them parted from their definitions' blocks
    # (Heads of the document's tables, told by the tables' opening with them again and again.)
    repeated_heads = repeated_first_rows(
        b.table for r in results for b in r.blocks
        if b.table is not None and id(b) not in artifact_ids
    )
    in_order = _document_order(results)
    keyed_runs = _keyed_runs(in_order, artifact_ids)
    listed: _ListedAgain | None = None  # (worked out when a numbered line first asks)
    # (Each page's result, by its number: where a table the next page goes on with ends.)
    page_results = {r.blocks[0].page: r for r in results if r.blocks}
    page_refs = _PageRefsByPage()  # (the page numbers a heading's line may end in)
    for result, blocks in in_order:
        drawn_in_figure = _figure_labels_kept(blocks, artifact_ids) | _pictures_in_drawings(
            blocks, artifact_ids)
        on_drawing = _drawing_labels(blocks, artifact_ids)
        figures = _page_figures(blocks, result, artifact_ids)
        captions: list[CaptionLine] | None = None  # the page's, found for its first figure
        following = {id(a): b for a, b in zip(blocks, blocks[1:], strict=False)}
        field_number = 0  # the number of the page's last numbered field label ("21.")
        for block in blocks:
            if id(block) in artifact_ids or id(block) in drawn_in_figure:
                continue
            prov = [_prov(block, result, artifact_ids)]
            if block.kind == "figure":
                stack = []
                if captions is None:
                    captions = caption_lines(
                        [other.frags for other in result.blocks if other.kind == "text"])
                doc.blocks.append(_figure(block, result, prov, body_size, artifact_ids, captions))
                continue
            if block.kind == "table":
                table = _table(block, result, prov, repeated_heads)
                # (Its last row saying only that it goes on over the page is pagination.)
                paged = goes_on_rows_apart(table)
                doc.artifacts.extend(paged)
                # A table an open list's item ends with, going on past the page break, is
                # that table continued, and the list goes on after it.
                in_item = _item_table(stack)
                if in_item is not None and _continued_by(in_item, table, None):
                    _join_continued(in_item, table, None, doc)
                    continue
                # A table set in under a list's item, past its label, under its text (a
                # point's table of attributes), is the item's, and the list goes on after
                # it. (Not one at the list's own left edge, after it; nor one beside the
                # item, in another column; nor one going on over a page: its parts are
                # joined at the top level.)
                owner = _continued_item(
                    block, stack, list_x, item_faces, margins, page_columns
                ) if stack and not paged else None
                if owner is not None and _under_item(owner, block):
                    _close_lists_inside(owner, stack, list_x)
                    owner.blocks.append(table)
                    continue
                stack = []
                # (A title said again over the table where it goes on, "—Continued", is
                # read right before it: the table before that is the one it continues.)
                title = doc.blocks[-1] if doc.blocks and title_over(doc.blocks[-1], table) \
                    else None
                before = doc.blocks[:-1] if title is not None else doc.blocks
                previous = before[-1] if before else None
                # (A first row in a head's face may be the rest of a row the page break
                # cut: not a new table's head, when the two pieces meet at the break.)
                rest_head = isinstance(previous, Table) and title is None and rest_in_head_face(
                    previous, table) and _meet_at_page_break(previous, table, page_results,
                                                             artifact_ids)
                # (Nor a new head, a first row in the face of the rows of ``previous`` past
                # its head, filling their columns: the next bold question of a table of
                # questions, the break falling between two of them.)
                in_rows_face = (
                    isinstance(previous, Table) and title is None
                    and head_like_its_rows(previous, table)
                    and _meet_at_page_break(previous, table, page_results, artifact_ids)
                )
                if isinstance(previous, Table) and (
                    _continued_by(previous, table, title, rest_head, in_rows_face)
                    or title is None
                    and (
                        not _headed_anew(previous, table) or goes_on_mid_cell(table)
                        or head_like_its_rows(previous, table)
                    )
                    and _goes_on_past_column_break(
                        previous, table, result, page_results, artifact_ids
                    )
                ):
                    # The same table, continued past a page break, a wide gap between rows,
                    # a column break, or the break from a page's last column to the next
                    # page's first.
                    _join_continued(previous, table, title, doc, block.cut_head, rest_head)
                else:
                    doc.blocks.append(table)
                continue
            text = block.text
            page_links: list[Link] = []
            on_page = links.get(block.page)
            if on_page:
                box = block.bbox  # (made once, for all the page's links)
                page_links = [
                    Link(_link_text(block, r), u, [Prov(block.page, r)])
                    for r, u in on_page if boxes_overlap(r, box)
                ]
            if block.pitch:
                # A code listing (see .listings): its lines and indents kept, no list's
                # items or heading whatever its lines open with. Set in under a list's
                # item, it is the item's (an example in a point of a release's notes), and
                # the list goes on after it.
                listing = Paragraph(listing_text(block), prov, page_links, preformatted=True)
                owner = _continued_item(block, stack, list_x, item_faces, margins, page_columns)
                if owner is not None:
                    _close_lists_inside(owner, stack, list_x)
                    owner.blocks.append(listing)
                    continue
                stack = []
                doc.blocks.append(listing)
                continue
            if block.note is not None:
                # A footnote (see .footnotes): a note, however it opens. (A list going on
                # past it, on the next page, is still the one list.)
                doc.blocks.append(Note(text, block.note, prov, page_links))
                continue
            item = BULLET.match(text) or NUMBER.match(text) or (
                # (A citation key opening a block labels it when set apart from its text, a
                # piece of its own ("[Knu84]  D. E. Knuth, ..."), or under the item of a key
                # above; not in a paragraph of its own opening "[Knu84] shows that".)
                KEYED.match(text) if (
                    KEY.fullmatch(block.frags[0].text.strip())
                    or (stack and stack[-1].items
                        and KEY.fullmatch(stack[-1].items[-1].label) is not None)
                ) else None
            ) or (
                # (A key without a year, "[hut]", labels an entry of a run of them under a
                # references heading; alone, or elsewhere, it is a bracketed word of prose.)
                BARE_KEYED.match(text)
                if id(block) in keyed_runs and _in_references(doc) else None
            )
            if item and item.re is BULLET and caption_text(text) is not None:
                item = None  # "▌Figure 5.1 …": an ornament before a caption, no list's bullet
            if item and item.re is BULLET and opens_options_row(block.frags):
                item = None  # "□ Yes √ No": a form's boxes to tick, the first no bullet
            if item and item.re is BULLET and _lone_emoji(
                item.group(1) or "", stack, _read_next(block, following, artifact_ids)
            ):
                item = None  # "✅ Deployment successful!": a line's sign, no list's bullet
            if item and item.re is NUMBER and _labels_alone(text[item.end():]):
                # "(i) (i)": a formula's superscripts set apart from their line (w_s⁽ⁱ⁾,
                # w_e⁽ⁱ⁾), labels and nothing they label: no list's point, which says
                # something after its label.
                item = None
            if item and block.size >= 1.15 * body_size and (
                # (A slide's heading is its title alone: a point set larger than the deck's
                # body, on a slide whose text was not shrunk to fit, is a point still.)
                titles is None or id(block) in titles
            ) and _heading_level(block, text, styles, outline, body_size, repeated, faces, headed):
                item = None  # "1. Introduction" set large is a numbered heading
            if item and id(block) in masthead:
                # A masthead's line opening with a number names the publication or the part
                # of it over the title ("10. DHAT: a heap profiler" over that chapter's own
                # heading, set larger): no list's point, read as the line it is.
                item = None
            if item and (
                _field_label(block, fields.get(block.page, []), blocks, body_size)
                or _next_field_label(block, item, field_number, fields.get(block.page, []))
            ):
                item = None  # "3. NAME" beside its box on a form names a field: no list
                if NUMBER.match(text):
                    field_number = _label_number(NUMBER.match(text))
            if item and id(block) in on_drawing:
                item = None  # "- name: type" in a diagram's box: a label of the drawing
            if item and text[item.end():].strip() in END_MARK_CHARS:
                # "02. ■": a sentence's last word, a number, before the proof's end mark
                # (:mod:`.end_marks`) on the line it ends, is no list's number.
                item = None
            numbered_head = False
            if (
                item and item.re is NUMBER
                # A line numbered "1." in bold is as often a point set in bold as a section
                # (minutes' agenda items, tagged as lists by their authors): only one that
                # would be read into the list open above it is judged. Roman numerals and
                # capital letters number sections.
                and (not item.group(0)[:1].isdigit()
                     or _into_open_list(block, item.group(0).strip(), stack, list_x)
                     or (_numbered_in_sequence(block, item.group(0).strip(), following,
                                               section_before)
                         # (A contents list's entry: its section is printed again further on.)
                         and not (listed := listed or _ListedAgain(in_order, artifact_ids))
                         .later(block)))
                # (The next point of a list above is that list's, whatever follows it.)
                and not any(lst.items and _counts_on(lst.items[-1].label, item.group(0).strip())
                            for lst in stack)
                and numbered_heading(block, item.group(0).strip(), text[item.end():],
                                     _read_next(block, following, artifact_ids))
            ):
                item, numbered_head = None, True  # "IV. Evaluation" set apart: a heading
                section_before = item_label_of(text)
            if item:
                label = next(g for g in item.groups() if g)
                apart = label_provs(block.page, block.frags, block.objects, result.opmap,
                                    result.mcids, label)
                if drawn_bullet(block.frags[0]):
                    # A bullet drawn as a shape prints no character: the item has no label
                    # in its text (as a tagged list whose label is a picture reads back).
                    label = ""
                body_prov = [_text_read_as(apart[1], prov)] if apart else prov
                entry = ListItem(label, [Paragraph(text[item.end():].strip(), body_prov,
                                                   page_links)], prov,
                                 [apart[0]] if apart else [])
                ordered = not BULLET.match(text)
                indent = _label_indent(block)
                tolerance = 0.8 * max(block.size, 1.0)
                if stack and block.opens_list:
                    stack = []  # a list of its own, set beside the last (a slide's columns)
                if stack and (
                    _beside_a_short_column(block, stack[-1], blocks, artifact_ids)
                    and not any(lst.items and _counts_on(lst.items[-1].label, label)
                                for lst in stack)
                    # (A slide's boxes side by side hold lists of their own, whatever their
                    # bullets: a slide's text is not set in columns it flows through.)
                    or titles is not None and _in_a_new_column(stack[0], block)
                ):
                    # (A list set in the next column beside a list whose column stopped
                    # short, counting on none of its points: a list of its own, not one in
                    # its last point.)
                    stack = []
                if not stack:
                    stack = [ListBlock([], ordered=ordered, prov=prov)]
                    list_x = [indent]
                    doc.blocks.append(stack[0])
                _rebase_indents(block, label, indent, stack, list_x)
                while len(stack) > 1 and indent < list_x[-1] - tolerance:
                    stack.pop()
                    list_x.pop()
                if (
                    indent < list_x[-1] - tolerance
                    and stack[-1].items
                    and not _counts_on(stack[-1].items[-1].label, label)
                    and not _on_a_new_page(stack[-1], block.page)
                    and not _in_a_new_column(stack[-1], block)
                ):
                    # A point of another kind set left of the list's labels, in its column,
                    # is no point of it: a list (or a note, "* estimated") of its own. So is
                    # one of its kind that does not count on its last point (a regulation's
                    # lettered paragraph head "(q)" at the margin, under the "(i)", "(ii)"
                    # set in at its paragraphs' indent).
                    stack = [ListBlock([], ordered=ordered, prov=prov)]
                    list_x = [indent]
                    doc.blocks.append(stack[0])
                if (
                    abs(indent - list_x[-1]) <= tolerance
                    and stack[-1].items
                    and _label_kind(stack[-1].items[-1].label) != _label_kind(label)
                ):
                    # Bullets, then numbers, then letters at one indent are lists one after
                    # the other (a list of people titled "M." above numbered agenda points).
                    fresh = ListBlock([], ordered=ordered, prov=prov)
                    if len(stack) > 1:
                        stack[-2].items[-1].blocks.append(fresh)
                    else:
                        doc.blocks.append(fresh)
                    stack[-1] = fresh
                over_page = _on_a_new_page(stack[-1], block.page)
                # (On a page known to be set in two, the right column's edge is known too,
                # so a point heading it is measured from there, as past a page break.)
                new_column = (
                    not over_page and block.page in page_columns
                    and _in_a_new_column(stack[-1], block)
                )
                # (A point counting on the last is that list's next, its indent taken as the
                # list's there by :func:`_rebase_indents`: no measure of nesting.)
                # (Any bullet counts on any other, but one of another sign, "–" after "•",
                # is as likely a sub-point: its indent says which.)
                last_label = stack[-1].items[-1].label if over_page or new_column else ""
                nested_past_break = (over_page or new_column) and (
                    not _counts_on(last_label, label) or _other_bullet(last_label, label)
                ) and _nested_past_page(block, stack[-1], list_x[-1], margins, page_columns)
                if indent > list_x[-1] + tolerance and not nested_past_break and (
                    over_page
                    or (_in_a_new_column(stack[-1], block)
                        and _counts_on(stack[-1].items[-1].label, label))
                ):
                    # The list goes on past a page or column break, where the margins move
                    # (a book's left and right pages, the next column): the next point there
                    # opens no list inside the last one; its indent is the list's there.
                    list_x[-1] = indent
                if (
                    # (Set further in than the last point's label, as measured on its own
                    # page: past a page break from the right column into the next page's
                    # left one, a point nested in the last stands left of its label.)
                    (indent > list_x[-1] + tolerance or nested_past_break) and stack[-1].items
                    and not _beside_last_item(stack[-1].items[-1], block)
                ):
                    inner = ListBlock([], ordered=ordered, prov=prov)
                    stack[-1].items[-1].blocks.append(inner)
                    stack.append(inner)
                    list_x.append(indent)
                stack[-1].items.append(entry)
                item_faces[id(entry)] = (_text_start(block, label), block.size, block.bold)
                last_lines[id(entry.blocks[0])] = block
                continue
            run_in = _run_in_title(block, places)
            if run_in is not None and (title_key(run_in), block.page) in own_lines:
                run_in = None  # the section's heading is a line of its own on this page
            if run_in is not None:
                level = places[title_key(run_in)][block.page]
            elif (run_in := _run_in_heading(block)) is not None:
                level = _below_last_heading(doc, run_in_heads)
            if run_in is not None:
                apart = label_provs(block.page, block.frags, block.objects, result.opmap,
                                    result.mcids, run_in)
                if apart:
                    stack = []
                    rest = text.split(None, len(run_in.split()))[-1]
                    doc.blocks.append(Heading(run_in, level, [_text_read_as(apart[0], prov)]))
                    run_in_heads.add(id(doc.blocks[-1]))
                    doc.blocks.append(Paragraph(rest, [_text_read_as(apart[1], prov)], page_links))
                    heading_block = None
                    continue
            level = _heading_level(
                block, text, styles, outline, body_size, repeated, faces, headed
            )
            if level and _contents_entry(block, page_refs.of(result.blocks)):
                level = 0  # the heading's entry in a table of contents, not the heading
            if id(block) in echoes:
                level = 0
            if level and _names_a_heading_above(doc, block, heading_faces):
                level = 0
            if level and _captions_table(block, following.get(id(block)), result):
                # A table's caption, even one the outline leads to: said with the table as
                # its caption (see ..captions), not once more as a heading over it.
                level = 0
            if level and title_key(text) not in outline and (
                id(block) in byline
                or id(block) in not_headings
                or _opens_longer_text(block, following.get(id(block)), body_size)
                or (titles is not None and id(block) not in titles)
            ):
                level = 0
            elif level and titles is not None and title_key(text) not in outline:
                # Every slide's title heads that slide, the title slide's included, whatever
                # face its slide sets it in: they are all one level; a slide headed only in
                # the deck's subheading face goes on with the section before it.
                level = 2 if id(block) in continued else 1
            if level:
                stack = []
                previous = doc.blocks[-1] if doc.blocks else None
                if (
                    isinstance(previous, Heading)
                    and heading_block is not None
                    and ((wrapped := previous.level == level
                          and _wrapped_heading(heading_block, block))
                         or _subtitle(heading_block, block, previous.text)
                         or label_beside_title(heading_block, block, previous.text))
                ):
                    # (A subtitle is no line the title runs on into: its own words; nor is
                    # a title set beside its division's label.)
                    previous.text = join_lines(
                        [previous.text, text], block.hyphenation,
                        None if wrapped else lambda k: False,
                    )
                    previous.prov.extend(prov)
                    previous.links.extend(page_links)
                else:
                    doc.blocks.append(Heading(text, level, prov, page_links))
                    heading_faces[id(doc.blocks[-1])] = (round(block.size), block.bold)
                    heading_sizes[id(doc.blocks[-1])] = (heading_face_size(block), block.bold)
                heading_block = block
            elif _is_note(block, result, body_size, text):
                doc.blocks.append(Note(text, text.split(" ", 1)[0], prov, page_links))
            else:
                # (The line leading into a list set beside the last goes on with none.)
                # (Nor does a figure's caption or a label set on a figure: read at the top
                # level, where the figure is, not in the item before it.)
                # (With no list open no item goes on: the figure is not asked after.)
                owner = None if (
                    block.opens_list or numbered_head or not stack
                    or _of_figure(block, figures)
                    or _beside_a_short_column(block, stack[-1], blocks, artifact_ids)
                ) else _continued_item(block, stack, list_x, item_faces, margins, page_columns)
                if owner is not None:
                    _close_lists_inside(owner, stack, list_x)
                    last_par = owner.blocks[-1] if owner.blocks else None
                    if isinstance(last_par, Paragraph) and _wrapped_line(
                        block, last_par, item_faces.get(id(owner)), last_lines.get(id(last_par)),
                        blocks,
                    ):
                        # The item's text wrapped onto a line in another face ("“duck
                        # typing”." in bold): the same paragraph, read on.
                        last_par.text = join_lines([last_par.text, text], block.hyphenation)
                        last_par.prov.extend(prov)
                        last_par.links.extend(page_links)
                        last_lines[id(last_par)] = block
                        continue
                    owner.blocks.append(Paragraph(text, prov, page_links))
                    last_lines[id(owner.blocks[-1])] = block
                    continue
                stack = []
                if id(block) in hanging and len(text.split()) == hanging[id(block)]:
                    # (A term read as a block of its own, its definition the next.)
                    doc.blocks.append(Paragraph(text, prov, page_links))
                    term_paragraphs.add(id(doc.blocks[-1]))
                    continue
                if id(block) in hanging and not numbered_head:
                    hung = _hanging_entry(block, hanging[id(block)], result, prov, page_links)
                    if hung is not None:
                        doc.blocks.extend(hung)
                        term_paragraphs.add(id(hung[0]))
                        parted.add(id(hung[0]))
                        continue
                doc.blocks.append(Paragraph(text, prov, page_links))
                if id(block) in terms:
                    term_paragraphs.add(id(doc.blocks[-1]))
                if numbered_head:
                    numbered_heads.add(id(doc.blocks[-1]))
    # (Before the levels are worked out: they close up around the headings that remain.)
    doc.blocks, letterheads = letterheads_apart(
        doc.blocks, _running_heads_end(results, artifact_ids),
        bookmarked={
            id(b) for b in doc.blocks
            if isinstance(b, Heading) and b.prov
            and b.prov[0].page in places.get(title_key(b.text), {})
        },
    )
    doc.artifacts.extend(letterheads)
    _drop_lone_items(doc)
    _row_heads_said(doc)
    doc.blocks = names_as_captions(doc.blocks)
    _drop_unordered_letters(doc)
    _one_figure_per_caption(doc)
    # (Lines numbered like list items and read back as prose above may be section titles.)
    _numbered_subsections(doc)
    _lettered_sections(doc)
    doc.blocks = bracketed_heads(doc.blocks)
    _numbered_heads_left(doc, numbered_heads, under_title=browser)
    if not outline:
        _form_parts(doc, fields)
        sections_ahead_apart(doc, heading_faces)
    repeated_title_apart(doc)
    contents_labels_apart(doc, heading_faces, body_size)
    subtitle_apart(doc, heading_faces, outline)
    bylines_apart(doc, heading_faces, outline)
    # (Once the blocks left at the top level are known: a run of terms, each over its
    # definition, is one definition list.)
    doc.blocks = definition_lists(doc.blocks, term_paragraphs, parted)
    _normalise_levels(doc, outline, heading_faces, browser=browser)
    if browser:
        heads = [b for b in doc.blocks if isinstance(b, Heading)]
        outlined = bookmarked_heads(heads, outline) if outline else None
        browser_levels(heads, heading_sizes, body_size, outlined)
    for result in results:
        for block in result.blocks:
            if id(block) in artifact_ids:
                doc.artifacts.append(Artifact(artifact_ids[id(block)], block.text,
                                              [_prov(block, result)]))


def _row_heads_said(doc: Document) -> None:
    """Make the cells marked as heads of their rows (scope "row", see :func:`_table_cell`)
    header cells, once tables cut by page breaks are joined: the joining asks which rows
    head the columns, and a row head is none of theirs."""
    for block in doc.walk():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if cell.scope == "row":
                        cell.header = True


def _body_size(results: list[PageResult], artifact_ids: dict[int, Any]) -> float:
    """The size most of the running text is set in. Labels drawn on a figure are left out
    when other text remains (a quarter of it at least): a data model's many diagrams carry
    more words in their small labels than its pages of prose, whose face is still the body's
    the headings stand out from. (Text on a picture behind the whole page is the page's.)"""
    # Characters counted by each fragment's exact size, rounded to the half point once per
    # size at the end (:func:`_by_half_points`): a document's many fragments come in a few
    # sizes, and this is a step of every fragment of the document.
    everywhere: dict[float, int] = {}
    off_figures: dict[float, int] = {}
    # Characters set in a fixed-pitch face (program listings), by size, as above.
    code_everywhere: dict[float, int] = {}
    code_off_figures: dict[float, int] = {}
    for result in results:
        page_area = result.page.width * result.page.height
        figures = [
            b for b in result.blocks
            if b.kind == "figure" and id(b) not in artifact_ids
            and (b.x1 - b.x0) * (b.y1 - b.y0) < BACKDROP * page_area
        ]
        for b in result.blocks:
            if b.kind != "text" or id(b) in artifact_ids:
                continue
            on_figure = bool(figures) and any(area_share(b, figure) > 0.9 for figure in figures)
            for f in b.frags:
                size, count = f.size, len(f.text)
                everywhere[size] = everywhere.get(size, 0) + count
                code = f.fixed_pitch is True
                if code:
                    code_everywhere[size] = code_everywhere.get(size, 0) + count
                if not on_figure:
                    off_figures[size] = off_figures.get(size, 0) + count
                    if code:
                        code_off_figures[size] = code_off_figures.get(size, 0) + count
    rounded_everywhere = _by_half_points(everywhere)
    rounded_off_figures = _by_half_points(off_figures)
    enough = rounded_off_figures.total() >= 0.25 * rounded_everywhere.total()
    sizes = rounded_off_figures if enough else rounded_everywhere
    # Program listings are no running text: a manual whose pages hold more code than prose
    # (function signatures, examples) sets its prose, and the headings standing out from it,
    # in a face of another size; the prose's size is the body's while it holds a quarter of
    # the text at least.
    prose = sizes - _by_half_points(code_off_figures if enough else code_everywhere)
    if prose.total() >= 0.25 * sizes.total():
        sizes = prose
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _by_half_points(chars: dict[float, int]) -> Counter[float]:
    """``chars`` (characters by exact size) by size rounded to the half point. The rounded
    sizes come in the order of the first fragment set in each, as counting fragment by
    fragment would put them (``most_common`` breaks a tie by that order): a size's first
    fragment is the first of the exact sizes rounding to it."""
    out: Counter[float] = Counter()
    for size, count in chars.items():
        out[round(size * 2) / 2] += count
    return out


#: A figure covering this share of its page or more is the page's backdrop.
BACKDROP = 0.8


def _keyed_runs(
    in_order: list[tuple[PageResult, list[Block]]], artifact_ids: dict[int, Any]
) -> set[int]:
    """The text blocks opening with a citation key without a year ("[hut] P. Hut, ...")
    read next to another that does (the one before or after it, page furniture passed
    over): entries of a reference list, one after another. ``in_order``: the pages' blocks
    in reading order (:func:`_document_order`)."""
    text_blocks = [
        b for _, blocks in in_order for b in blocks
        if b.kind == "text" and id(b) not in artifact_ids
    ]
    keyed = [
        (text := b.text)[:1] == "[" and BARE_KEYED.match(text) is not None for b in text_blocks
    ]
    return {
        id(b) for k, b in enumerate(text_blocks)
        if keyed[k] and ((k > 0 and keyed[k - 1]) or (k + 1 < len(keyed) and keyed[k + 1]))
    }


def _in_references(doc: Document) -> bool:
    """Whether the last heading read is a references section's ("References")."""
    for block in reversed(doc.blocks):
        if isinstance(block, Heading):
            return REFERENCES_TITLE.match(block.text.strip()) is not None
    return False


def _document_order(results: list[PageResult]) -> list[tuple[PageResult, list[Block]]]:
    """Each page's blocks, pages in the order they are read: page after page, except in a
    folded leaflet (see :func:`_trifold_cover`), whose cover is read first and whose back last."""
    cover = _trifold_cover(results)
    if cover is None:
        return [(r, r.blocks) for r in results]
    outside, inside = results
    front = [b for b in outside.blocks if id(b) in cover]
    back = [b for b in outside.blocks if id(b) not in cover]
    return [(outside, front), (inside, inside.blocks), (outside, back)]


def _panel_of(block: Block, page: Page) -> int | None:
    """Which third of the page ``block`` lies in (0, 1, 2), or None if it crosses a fold."""
    third = page.width / 3
    left, right = block.x0 - page.x0, block.x1 - page.x0
    for k in range(3):
        # (A little slack: text may touch the fold line, never cross it.)
        if left >= k * third - 0.02 * third and right <= (k + 1) * third + 0.02 * third:
            return k
    return None


def _trifold_cover(results: list[PageResult]) -> set[int] | None:
    """The blocks of the front cover of a letter-folded leaflet, or None for any other document.

    A tri-fold leaflet is two landscape sides, each three equal panels wide, no text crossing
    a fold. Folded, the first side's right panel is the front cover (it carries the largest
    text: the title); the leaflet is read cover first, then the inside, then the back panels.
    Read page by page, the back would come before the cover.
    """
    if len(results) != 2:
        return None
    for result in results:
        page = result.page
        text = [b for b in result.blocks if b.kind != "figure" and b.frags]
        if page.width <= page.height or not text:
            return None
        panels = [_panel_of(b, page) for b in text]
        if None in panels or len(set(panels)) != 3:
            return None
    outside = results[0]
    text = [b for b in outside.blocks if b.kind != "figure" and b.frags]
    largest = max(text, key=lambda b: b.size)
    if _panel_of(largest, outside.page) != 2:
        return None
    # (A picture may bleed past the page edge: its middle tells its panel.)
    fold = outside.page.x0 + 2 * outside.page.width / 3
    return {id(b) for b in outside.blocks if (b.x0 + b.x1) / 2 > fold}


_PAGE_REF = re.compile(r"\d{1,4}|[ivxlcIVXLC]{1,6}")


def _contents_entry(block: Block, refs: _PageRefs) -> bool:
    """A one-line block with a lone page number far along its baseline: an entry of a table
    of contents set without leader dots ("1 Document structures        1")."""
    line = block.frags[-1] if block.frags else None
    if line is None:
        return False
    # (The line's measures worked out once: every other block of the page is looked at.)
    base, level = line.y0, 0.3 * line.height
    if any(abs(f.y0 - base) >= level for f in block.frags):
        return False  # more than one line: a paragraph, or a heading that wraps
    reach = line.x1 + 2 * line.height
    for other in refs.near(base, level):
        if other is block:
            continue
        f = other.frags[0]
        if f.x0 > reach and abs(f.y0 - base) < level:
            return True
    return False


class _PageRefs:
    """A page's one-line text blocks that read as a page number, by the bottom of their
    line: asked of each heading-like line (thousands on a page of scattered letters, whose
    "i"s, "v"s and "x"s read as page numbers), a scan of the page per line was quadratic."""

    #: Coordinates beyond this (a damaged page) are not looked up: every block comes.
    FAR = 1e9

    def __init__(self, page: list[Block]) -> None:
        self.refs = [
            other for other in page
            if other.kind == "text" and len(other.frags) == 1
            and _PAGE_REF.fullmatch(other.frags[0].text.strip())
        ]
        self.indexed = all(abs(b.frags[0].y0) <= self.FAR for b in self.refs)  # (not NaN)
        ordered = sorted(self.refs, key=lambda b: b.frags[0].y0) if self.indexed else []
        self.ordered = ordered
        self.bottoms = [b.frags[0].y0 for b in ordered]

    def near(self, base: float, level: float) -> list[Block]:
        """The blocks among which are all whose line's bottom is less than ``level`` from
        ``base`` (and a few more)."""
        if not self.indexed or not (abs(base) <= self.FAR and 0.0 <= level <= self.FAR):
            return self.refs
        # (A point more either way leaves room for any rounding.)
        start = bisect.bisect_left(self.bottoms, base - level - 1.0)
        end = bisect.bisect_right(self.bottoms, base + level + 1.0)
        return self.ordered[start:end]


class _PageRefsByPage:
    """:class:`_PageRefs` of each page, made when first asked for."""

    def __init__(self) -> None:
        self.made: dict[int, tuple[list[Block], _PageRefs]] = {}

    def of(self, page: list[Block]) -> _PageRefs:
        made = self.made.get(id(page))
        if made is None or made[0] is not page:
            made = self.made[id(page)] = (page, _PageRefs(page))
        return made[1]


#: Labels in small print on a figure that make it a diagram, however much of its page it
#: fills (a data model's classes and their fields).
DIAGRAM_LABELS = 8


def _figure_labels(results: list[PageResult], body_size: float) -> set[int]:
    """Heading-like lines lying wholly on a figure that takes less than half its page, among
    other labels: a chart's title or a diagram's labels, which name the picture, not a
    section. (A title set on a cover photo filling the page still heads the document; a
    figure as large covered in small print is a diagram all the same.) The names set under
    the pictures of a row (:func:`.tables.names_of_pictures`) name them too."""
    out: set[int] = set()
    for result in results:
        page_area = max(result.page.width * result.page.height, 1.0)
        figures = [b for b in result.blocks if b.kind == "figure"]
        if not figures:
            continue
        out.update(
            id(label) for figure in figures
            if figure.candidate is not None and not figure.candidate.drawing
            for label in figure.labels
        )
        texts = [b for b in result.blocks if b.kind == "text"]
        texts_on: dict[int, _TextsOn] = {}
        for block in texts:
            if not _heading_candidate(block, block.text, body_size):
                continue
            for figure in figures:
                if area_share(block, figure) <= 0.9:
                    continue
                # A chart carries other labels too (axes, legend, values); a banner or a
                # slide's title bar behind a heading carries the heading alone. (The texts
                # on each figure are found once: a scan of the page per heading-like line
                # on it was quadratic on a page of scattered letters.)
                on = texts_on.get(id(figure))
                if on is None:
                    on = texts_on[id(figure)] = _TextsOn(
                        [t for t in texts if area_share(t, figure) > 0.9],
                        SMALL_PRINT * body_size)
                # (The block itself is on the figure: the others are all but it.)
                copies = on.copies[id(block)]
                others = len(on.texts) - copies
                small_print = on.small_print - (copies if block.size < on.small_size else 0)
                small = (figure.x1 - figure.x0) * (figure.y1 - figure.y0) < 0.5 * page_area
                if (
                    (small and others >= 3)
                    or small_print >= DIAGRAM_LABELS
                    or any(_column_heads(block, t, body_size) for t in on.texts
                           if t is not block)
                ):
                    out.add(id(block))
                    break
    return out


class _TextsOn:
    """The text blocks on a figure, counted once for every heading-like line on it."""

    def __init__(self, texts: list[Block], small_size: float) -> None:
        self.texts = texts
        self.small_size = small_size
        self.small_print = sum(t.size < small_size for t in texts)
        self.copies = Counter(id(t) for t in texts)  # (a block listed twice is one block)


def _column_heads(block: Block, other: Block, body_size: float) -> bool:
    """Whether ``block`` and ``other``, both on one drawn box, are heads of columns side by
    side: two lines in the same heading face sharing a row, apart across it (a ruled table's
    header row, "Key word | Description", whose empty rows drew no table). A section's
    heading shares its row with no other title in its own face."""
    return (
        other.size == block.size
        and other.bold == block.bold
        and min(block.y1, other.y1) - max(block.y0, other.y0)
        >= 0.5 * min(block.y1 - block.y0, other.y1 - other.y0)
        and (other.x0 >= block.x1 or block.x0 >= other.x1)
        and _heading_candidate(other, other.text, body_size)
    )


#: A row of this many lines in one heading face, side by side, is a grid's ...
GRID_HEADS = 4
#: ... when each starts within this many of its sizes of the one before it: columns a few
#: words wide, as a timetable's or a schedule's are. (The columns of a newsletter or a
#: poster are ten sizes of their headings wide and more.)
GRID_PITCH = 6.0


def _grid_heads(results: list[PageResult], body_size: float) -> set[int]:
    """Heading-like lines in rows of :data:`GRID_HEADS` or more side by side in one face,
    each a few words' width from the next: the column heads and cells of a grid drawn
    without a table's rules ("Main | 2nd | Tuborg | Red Bull" over a festival's stages, the
    bands' names in its slots). A section's heading shares its row with no other title in
    its own face but in a column of text beside it (see :func:`_column_heads`), and those
    columns are wide."""
    out: set[int] = set()
    for result in results:
        heads = sorted(
            (b for b in result.blocks
             if b.kind == "text" and _heading_candidate(b, b.text, body_size)),
            key=lambda b: -b.y1,
        )
        for k, block in enumerate(heads):
            row = [block]
            for other in heads[k + 1:]:
                if other.y1 <= block.y0:
                    break  # (sorted by top: no line further on reaches this row)
                if _column_heads(block, other, body_size):
                    row.append(other)
            if len(row) < GRID_HEADS:
                continue
            row.sort(key=lambda b: b.x0)
            run = [row[0]]
            for left, right in zip(row, row[1:], strict=False):
                if right.x0 - left.x0 > GRID_PITCH * max(block.size, 1.0):
                    run = []
                run.append(right)
                if len(run) >= GRID_HEADS:
                    out.update(id(b) for b in run)
        out |= _grid_cells(heads)
    return out


#: Lines in one weight whose sizes differ by no more than this ratio may be a grid's cells:
#: a timetable shrinks a long name to fit its slot ("Five Finger Death Punch" set smaller
#: than "Korn").
GRID_CELL_SIZES = 1.4


def _grid_cells(heads: list[Block]) -> set[int]:
    """Heading-like lines of a page that fill the cells of a grid: lines side by side a few
    of their sizes apart (:data:`GRID_PITCH`), or stacked in one column, linked into a
    group spanning :data:`GRID_HEADS` columns or more with two rows' worth of lines (a
    timetable's acts in their stages' slots, each set large and bold to be read at a
    glance, in sizes shrunk to fit). A heading is followed by the text it heads; a grid's
    cells are followed by one another, side by side at regular positions. (The headings of
    a page's columns are ten and more of their sizes apart: no links across them.)"""
    if len(heads) < 2 * GRID_HEADS:
        return set()
    # (Lines linked side by side or stacked make a group; lines stacked make a column.)
    groups = DisjointSets(len(heads))
    columns = DisjointSets(len(heads))
    # (Every pair is compared: each line's weight, size and box are read once, not per
    # pair, and the pair's measures are worked out inline, min() and max() of two spelled
    # out with their exact semantics: ``min(a, b)`` is ``b if b < a else a``.)
    faces = [(head.bold, head.size, head.x0, head.y0, head.x1, head.y1) for head in heads]
    for i, (a_bold, a_size, a_x0, a_y0, a_x1, a_y1) in enumerate(faces):
        a_width = a_x1 - a_x0
        for j in range(i + 1, len(faces)):
            b_bold, b_size, b_x0, b_y0, b_x1, b_y1 = faces[j]
            if a_bold != b_bold:
                continue
            larger, smaller = (b_size, a_size) if b_size > a_size else (a_size, b_size)
            if larger > GRID_CELL_SIZES * smaller:
                continue
            # x_overlap(a, b) >= 0.5: the overlap as a share of the narrower of the two.
            b_width = b_x1 - b_x0
            narrower = b_width if b_width < a_width else a_width
            overlap = (b_x1 if b_x1 < a_x1 else a_x1) - (b_x0 if b_x0 > a_x0 else a_x0)
            stacked = (overlap / narrower if narrower > 0 else 0.0) >= 0.5
            if stacked:
                groups.join(i, j)
                columns.join(i, j)
            elif (
                (b_y1 if b_y1 < a_y1 else a_y1) - (b_y0 if b_y0 > a_y0 else a_y0) > 0
                and abs(a_x0 - b_x0) <= GRID_PITCH * max(larger, 1.0)
            ):
                groups.join(i, j)  # (beside)
    members: dict[int, list[int]] = {}
    for k in range(len(heads)):
        members.setdefault(groups.root(k), []).append(k)
    out: set[int] = set()
    for lines in members.values():
        if (len({columns.root(k) for k in lines}) >= GRID_HEADS
                and len(lines) >= 2 * GRID_HEADS):
            out.update(id(heads[k]) for k in lines)
    return out


#: A notice alone on its page has this many words at least (a part's title closed by a
#: full stop, "Part I.", "Book One.", has fewer).
NOTICE_WORDS = 3


def _lone_notices(results: list[PageResult], artifact_ids: dict[int, Any]) -> set[int]:
    """The one line of text on its page (its running lines and number apart), a sentence
    closed by a full stop: a notice ("The appendices follow overleaf."), however large
    it is set. A heading has its section under it; a page this line has to itself holds no
    section."""
    out: set[int] = set()
    for result in results:
        texts = [
            b for b in result.blocks
            if b.kind == "text" and b.frags and id(b) not in artifact_ids
        ]
        if len(texts) != 1:
            continue
        text = texts[0].text.rstrip()
        if (
            text.endswith(_SENTENCE_END)
            and not text.endswith("..")
            and word_count(text) >= NOTICE_WORDS
        ):
            out.add(id(texts[0]))
    return out


#: Text smaller than this share of the body's size is small print: a drawing's labels, notes.
SMALL_PRINT = 0.7


#: How many text blocks in small print after a heading-like line make it a drawing's title.
DRAWING_LABELS = 3


def _drawing_titles(
    results: list[PageResult], body_size: float, artifact_ids: dict[int, Any]
) -> set[int]:
    """Heading-like lines followed on their page by nothing but small print, starting right
    under them: the title of a diagram drawn in lines and boxes, its labels after it (a UML
    diagram's name over its classes). It names the drawing; it heads no text. (A heading
    over a picture and its small caption has its text after them.)"""
    out: set[int] = set()
    for result in results:
        # (A drawing's labels may be read as a table: its size counts the same.)
        texts = [
            b for b in result.blocks
            if b.kind != "figure" and b.frags and id(b) not in artifact_ids
        ]
        for k, block in enumerate(texts):
            after = texts[k + 1:k + 1 + DRAWING_LABELS]
            if (
                len(after) == DRAWING_LABELS
                and block.kind == "text"
                and block.size >= body_size
                and all(b.size < SMALL_PRINT * body_size for b in after)
                and block.y0 - after[0].y1 < 4 * block.size
                and _heading_candidate(block, block.text, body_size)
            ):
                out.add(id(block))
    return out


def _closing_foot(results: list[PageResult], artifact_ids: dict[int, Any]) -> set[int]:
    """Lines in a row in the bottom margin of the last page with no text under them: a
    poster's or a leaflet's foot (the department, the date, the authors), set large to match
    the page, heads nothing, for nothing comes after it. (On other pages a heading may end the page,
    its text going on overleaf.)"""
    if not results:
        return set()
    last = results[-1]
    foot = last.page.y0 + MARGIN_BAND * last.page.height
    texts = [b for b in last.blocks if b.kind == "text" and id(b) not in artifact_ids]
    # (Nothing under ``b``: the lowest bottom of the others, from the two lowest, not a scan
    # of the page for each line, which took minutes on thousands of one-letter blocks.)
    low = sorted({id(o): o for o in texts}.values(), key=lambda o: o.y1)[:2] if all(
        math.isfinite(o.y1) for o in texts) else None
    lowest = [
        b for b in texts
        if b.y1 <= foot and not (
            any(o.y1 <= b.y0 for o in texts if o is not b) if low is None
            else any(o.y1 <= b.y0 for o in low if o is not b)
        )
    ]
    # A foot is a row of pieces across the page; one line alone at the end may be the
    # last part of an agenda ("6. ADJOURNMENT"), headed with nothing under it.
    return {
        id(b) for b in lowest
        if any(o is not b and min(o.y1, b.y1) > max(o.y0, b.y0) for o in lowest)
    }


#: A cover holds at most this many blocks of text.
COVER_LINES = 12


def _cover_lines(first_page: list[Block], body_size: float) -> set[int]:
    """The lines of a cover that head nothing: on the first page with text, when it has no
    running text (a cover or a title page: its title, subtitle, edition, author, publisher),
    only the title, the first line in its largest face, heads the document; the others name
    no section, for no text follows them. (A first page with running text, or a table of
    contents, is no cover.)"""
    texts = [b for b in first_page if b.kind == "text" and b.frags]
    if len(texts) > COVER_LINES:
        return set()  # many short lines: a form's labels, a list, a timetable
    for b in texts:
        lines = {round(f.y0 / max(f.height, 1.0)) for f in b.frags}
        if len(lines) >= 3 and abs(b.size - body_size) <= 0.1 * body_size:
            return set()
    candidates = [b for b in texts if _heading_candidate(b, b.text, body_size)]
    if len(candidates) < 2:
        return set()
    largest = max(b.size for b in candidates)
    title = next(b for b in candidates if b.size >= 0.95 * largest)
    return {id(b) for b in candidates if b is not title}


#: A masthead's line is set at most this share of the title's size: a line as large as the
#: title is a line of it.
MASTHEAD_SIZE = 0.95


def _masthead_lines(
    first_page: list[Block], body_size: float, set_aside: set[int]
) -> set[int]:
    """The lines set above the document's title on its first page, read before it, in a
    smaller face than the title's: a masthead's series name and issue number ("이슈와 논점",
    "제1695호"), a journal's name over an article, a publisher's line. They name the
    publication the document appears in, not a section of it: what follows them is the
    title, and the title heads the document. The title is the first line in the page's
    largest face of heading, when no running text is read before it: a page that opens with
    text sets no masthead over it, and its largest line may be a section's (a title set in
    the body's size in bold, its sections larger). (A division's label set over its title,
    "Chapter 3" over "Methods", is the title's own; so is a line as large as the title, one
    of its lines.) ``set_aside``: the lines already known to head nothing (a chart's title
    drawn large is no document's title)."""
    texts = [b for b in first_page if b.kind == "text" and b.frags]
    candidates = [
        b for b in texts
        if id(b) not in set_aside and _heading_candidate(b, b.text, body_size)
    ]
    if len(candidates) < 2:
        return set()
    largest = max(b.size for b in candidates)
    at = next(i for i, b in enumerate(candidates) if b.size >= MASTHEAD_SIZE * largest)
    title = candidates[at]
    if any(_running_text(b, body_size) for b in texts[:texts.index(title)]):
        return set()
    return {
        id(b) for b in candidates[:at]
        if b.y0 >= title.y1 and b.size < MASTHEAD_SIZE * title.size
        and not division_label(b.text)
    }


def _running_text(block: Block, body_size: float) -> bool:
    """Lines of prose: more than one, in about the body's size."""
    return abs(block.size - body_size) <= 0.1 * body_size and stacked_lines(block) >= 2


def _in_running_text_faces(body: list[Block], body_size: float) -> set[int]:
    """Heading-like lines in a larger face that also sets paragraphs of several lines (the
    answers typed into a form, set larger than its labels): the face sets nothing apart, so
    a short line in it ("None", a paragraph's last word) is no heading."""
    paragraphs: Counter[tuple[float, bool]] = Counter()
    for b in body:
        # (A block of fewer than three fragments cannot span three lines: not counted.)
        if len(b.frags) >= 3 and _spans_lines(b.frags, 3):
            paragraphs[(round(b.size), b.bold)] += 1
    text_faces = {face for face, n in paragraphs.items() if n >= 2}
    if not text_faces:
        return set()  # (most documents: their one text face is the body's, under 1.15 x)
    # (The size asked first: most of the body is set smaller, and is passed over on it.)
    return {
        id(b) for b in body
        if b.size >= 1.15 * body_size
        and (round(b.size), b.bold) in text_faces
        and _heading_candidate(b, b.text, body_size)
    }


def _spans_lines(frags: list[Fragment], wanted: int) -> bool:
    """The fragments lie on ``wanted`` lines at least (looked at only until there are that
    many: a paragraph's first lines show it)."""
    rows: set[int] = set()
    for f in frags:
        # (The height worked out here, and max(height, 1.0) spelled out with its exact
        # semantics: asked of every paragraph of the body.)
        y0 = f.y0
        height = f.y1 - y0
        rows.add(round(y0 / (1.0 if height < 1.0 else height)))
        if len(rows) >= wanted:
            return True
    return False


def _body_is_bold(body: list[Block], body_size: float) -> bool:
    """Most of the text in the body's size is bold (a flyer or a form set all in bold)."""
    bold = plain = 0
    near = 0.05 * body_size  # (worked out once: every fragment of the body is asked)
    for b in body:
        for f in b.frags:
            if abs(f.size - body_size) <= near:
                if f.bold:
                    bold += len(f.text)
                else:
                    plain += len(f.text)
    return bold > plain


#: A label beside a field in a face this much larger than the body's heads a part of the form
#: ("Sign Here", "Paid Preparer Use Only" in the form's margin), not the field beside it.
LARGER_LABEL = 1.15


def _beside_field(block: Block, fields: list[BBox], body_size: float) -> bool:
    """A line of the block, in no larger a face than the body's, sits on the row of a form
    field, just before or after it, or just above it (the label at the top of a form's box,
    the field under it). A title set larger above the first field still names the form, and
    a part's name set larger beside its fields heads that part (see :data:`LARGER_LABEL`)."""
    for f in block.frags:
        reach = 2 * max(f.height, 1.0)
        for box in fields:
            row = min(f.y1, box.y1) - max(f.y0, box.y0) > 0.5 * min(f.height, box.height)
            beside = -reach < box.x0 - f.x1 < reach or -reach < f.x0 - box.x1 < reach
            above = (
                f.size < 1.15 * body_size
                and -0.5 * f.height < f.y0 - box.y1 < f.height
                and min(f.x1, box.x1) - max(f.x0, box.x0) > 0
            )
            if (row and beside and f.size < LARGER_LABEL * body_size) or above:
                return True
    return False


def _set_aside_decoration(
    doc: Document, results: list[PageResult], artifact_ids: dict[int, Any]
) -> None:
    """Figures that are decoration (:mod:`.figures`) become artifacts; a picture merged with
    running images (a logo, a slide's band) keeps only its own images."""
    blocks = {id(b.candidate): (b, r) for r in results for b in r.blocks if b.candidate}
    captions: dict[int, list[CaptionLine]] = {}  # each page's caption lines (by its result's id)
    for block, result in blocks.values():
        if block.candidate is not None:
            if id(result) not in captions:
                captions[id(result)] = caption_lines(
                    [other.frags for other in result.blocks if other.kind == "text"])
            block.candidate.captioned = caption_among(
                block.candidate.box, captions[id(result)], result.page.height) is not None
    verdicts = judge([b.candidate for b, _ in blocks.values() if b.candidate],
                     pages=len(results))
    text_objects: dict[int, set[int]] = {}  # per page (by its result's id)
    for key, verdict in verdicts.items():
        block, result = blocks[key]
        kept = verdict.kept
        if not kept and id(result) not in text_objects:
            text_objects[id(result)] = _text_objects(result)
        if not kept and set(block.objects) & text_objects[id(result)]:
            # Its object (a Form XObject) draws text too (a number set in a badge): marked as
            # an artifact, the text would be hidden with it. Left unmarked, as an image too
            # small to be a figure is, the text is read with its block.
            result.blocks.remove(block)
            continue
        if not kept:
            artifact_ids[id(block)] = "decoration"
            continue
        # (Images drawn by one Form XObject share its object: they stay with the picture.)
        dropped = set(block.objects) - {r.obj for r in kept}
        block.objects = sorted({r.obj for r in kept})
        block.image = kept[0]
        block.x0, block.y0 = min(r.x0 for r in kept), min(r.y0 for r in kept)
        block.x1, block.y1 = max(r.x1 for r in kept), max(r.y1 for r in kept)
        gone = [r for r, _ in block.candidate.images if r.obj in dropped] if block.candidate else []
        if gone:
            box = BBox(min(r.x0 for r in gone), min(r.y0 for r in gone),
                       max(r.x1 for r in gone), max(r.y1 for r in gone))
            doc.artifacts.append(Artifact("decoration", "", [Prov(
                block.page, box, (), result.opmap.ranges(dropped))]))


def _text_objects(result: PageResult) -> set[int]:
    """The page objects drawing the text of a page's blocks."""
    return {
        obj for b in result.blocks if b.kind != "figure" for f in b.frags
        for obj in f.drawn_objects
    }


def _slide_deck(pages: list[Page]) -> bool:
    """Landscape pages, several of them: slides."""
    def landscape(p: Page) -> bool:
        wide = p.width > 1.2 * p.height
        return wide != (p.rotation % 180 == 90)

    return len(pages) >= 3 and sum(landscape(p) for p in pages) >= 0.8 * len(pages)


def _slide_titles(
    pages: list[Page],
    body: list[Block],
    styles: dict[tuple[float, bool], int],
    body_size: float,
) -> set[int]:
    """The headings of each slide: its heading-like lines in its most prominent face (a title,
    or the titles of two halves side by side). The other large lines of a slide are its
    points, set large to be read from afar, not sections of it."""
    candidates = [
        b for b in body
        if _heading_candidate(b, b.text, body_size) and (round(b.size), b.bold) in styles
    ]
    best: dict[int, tuple[float, bool]] = {}
    for b in candidates:
        best[b.page] = max(best.get(b.page, (0.0, False)), (round(b.size), b.bold))
    heads = [b for b in candidates if (round(b.size), b.bold) == best[b.page]]
    if not heads:
        return set()
    # The title slide has one title: a line in its face lower on the slide, neither beside
    # it nor its next line, names the speaker or the occasion ("Yossi Gil" under "Google's
    # Go Programming Language"), no section of the deck.
    first = min(b.page for b in heads)
    top = max((b for b in heads if b.page == first), key=lambda b: b.y1)
    return {
        id(b) for b in heads
        if b.page != first or b is top or b.y1 > top.y0 - (top.y1 - top.y0)
    }


def _continued_slides(body: list[Block], titles: set[int]) -> set[int]:
    """Headings of slides that carry no title in the deck's title face, only lines in a
    regular face where the titles are bold (and no larger): the subheadings of a section
    going on from the slide before ("Main rules:", under "Short intro" one slide back).
    (A smaller size alone says nothing: a long title is shrunk to fit its slide.)"""
    heads = [b for b in body if id(b) in titles]
    by_page: dict[int, tuple[float, bool]] = {}
    for b in heads:
        by_page[b.page] = max(by_page.get(b.page, (0.0, False)), (round(b.size), b.bold))
    if not by_page:
        return set()
    deck, _ = Counter(by_page.values()).most_common(1)[0]
    if not deck[1]:
        return set()
    first = min(page for page, face in by_page.items() if face == deck)
    return {
        id(b) for b in heads
        if b.page > first  # (a title slide before any section heads the deck)
        and not b.bold
        and round(b.size) <= deck[0]
        and by_page[b.page] == (round(b.size), False)
    }


def _byline(first_page: list[Block], body: list[Block], body_size: float) -> set[int]:
    """Lines of a title block that are set large but name no section: authors, affiliations,
    a subtitle.

    The title block is what the first page shows above its first bold heading after the
    title, with no running text. Below the title, lines in a regular face that no heading
    after the title block uses are a byline, not a level of headings."""
    styles: Counter[tuple[float, bool]] = Counter(
        (round(b.size), b.bold) for b in body if _heading_candidate(b, b.text, body_size)
    )
    front: list[Block] = []
    titled = False  # the first heading-like line is the title, whatever its face
    heading_text: Block | None = None  # the line right above the running text: its heading
    for block in first_page:
        if block.kind != "text":
            continue
        candidate = _heading_candidate(block, block.text, body_size)
        if candidate and titled and block.bold:
            break
        if len(block.frags) >= 2 and abs(block.size - body_size) <= 0.05 * body_size:
            if not titled or len(front) < 2:
                return set()  # running text before any title: no title block to judge
            # The title block ends where the running text starts (a paper with no bold
            # heading: its title, authors, date, then "Abstract" set plain over its text).
            heading_text = front[-1]
            break
        titled = titled or candidate
        front.append(block)
    else:
        return set()
    candidates = [
        b for b in front
        if b is not heading_text and _heading_candidate(b, b.text, body_size)
    ]
    if len(candidates) < 2:
        return set()
    title = max(b.size for b in candidates)
    used_in_front: Counter[tuple[float, bool]] = Counter(
        (round(b.size), b.bold) for b in candidates
    )
    byline = {
        id(b) for b in candidates
        if not b.bold
        and b.size < 0.95 * title
        and styles[(round(b.size), b.bold)] == used_in_front[(round(b.size), b.bold)]
    }
    # One such line may as well be a subtitle or a first section in a plain face; a byline
    # names people or places, several of them, or one with the date of the work (a title
    # block with a date is a paper's or a report's: a title, its authors, their date).
    dated = any(_DATED.search(b.text.strip()) for b in front if b.kind == "text")
    return byline if len(byline) >= 2 or (byline and dated) else set()


def _subtitle_under_title(
    first_page: list[Block], body: list[Block], body_size: float
) -> set[int]:
    """The line right under a bold title on the first page, as large but not bold, in a
    face no other heading uses ("Online-Fassung Kapitel 3" in italics under the chapter's
    title): the title's subtitle, which names no section of its own. (A section heading
    in a plain face comes after some space, and its face heads other sections too.)"""
    texts = [b for b in first_page if b.kind == "text" and b.frags]
    title_at = next(
        (k for k, b in enumerate(texts) if _heading_candidate(b, b.text, body_size)), None
    )
    if title_at is None or title_at + 1 >= len(texts):
        return set()
    title, below = texts[title_at], texts[title_at + 1]
    height = max(f.height for f in below.frags)
    face = (round(below.size), below.bold)
    if (
        title.bold
        and not below.bold
        and abs(below.size - title.size) <= 0.05 * title.size
        and -0.5 * height < title.y0 - below.y1 < 0.5 * height
        and abs(title.x0 - below.x0) < height
        and _heading_candidate(below, below.text, body_size)
        and not any(
            b is not below and (round(b.size), b.bold) == face
            and _heading_candidate(b, b.text, body_size)
            for b in body
        )
    ):
        return {id(below)}
    return set()


def _names_a_heading_above(
    doc: Document, block: Block, heading_faces: dict[int, tuple[float, bool]]
) -> bool:
    """Whether ``block`` reads as a heading already found on its page in a larger face: the
    title of a box about the page's subject (an encyclopedia's infobox, "PDF.js" over its
    facts under the article's "PDF.js"), which opens no section of it. A section holds no
    part named as itself."""
    key: str | None = None
    for b in reversed(doc.blocks):  # (the page's blocks are the last ones read)
        if not b.prov or b.prov[0].page != block.page:
            break
        if (
            isinstance(b, Heading)
            and id(b) in heading_faces
            and heading_faces[id(b)][0] > round(block.size)
        ):
            key = key if key is not None else title_key(block.text)
            if title_key(b.text) == key:
                return True
    return False


def _labels_alone(rest: str) -> bool:
    """Whether ``rest``, a line's text after its label, is labels alone ("(i)", "(ii) (iii)")."""
    words = rest.split()
    return bool(words) and all(NUMBER.match(f"{w} x") is not None for w in words)


def _drop_lone_items(doc: Document) -> None:
    """A lone line opening with a dash, a letter or a citation is prose (dialogue, an
    attribution, an initial: "T. Carew", "[3] showed"), and one opening with an asterisk is
    the note its mark refers to ("* Rates include a margin"), not a list; a lone bullet or
    "1." may well be one. A dash or a sentence's own enumerator ("(ii)" after "(i)") the
    line broke before, inside a sentence, goes on with the paragraph above it (see
    :mod:`.dash_runons`)."""
    out: list[ModelBlock] = []
    for block in doc.blocks:
        previous = out[-1] if out else None
        if not (
            isinstance(block, ListBlock)
            and len(block.items) == 1
            and all(isinstance(b, Paragraph) for b in block.items[0].blocks)
        ):
            out.append(block)
            continue
        item = block.items[0]
        runs_on = isinstance(previous, Paragraph) and runs_on_into(previous, item)
        if not (
            runs_on
            or item.label in ("-", "–", "—", "*")
            or item.label[:1].isalpha()
            or item.label.startswith("[")  # a citation opening a line
        ):
            out.append(block)
            continue
        # Only the item's first paragraph goes on from its label: the paragraphs the page
        # sets apart under it (a form's section "A. Children residing at home", then its
        # questions and answers) stay paragraphs of their own, not one run of words.
        first, rest = _run_from_label(item.blocks)
        # The paragraph that continued the item keeps its places on the page.
        prov = _with_continuations(block.prov, [b for b in first if isinstance(b, Paragraph)])
        if runs_on and isinstance(previous, Paragraph):
            out[-1] = run_on(previous, replace(item, blocks=first), prov)
        else:
            text = " ".join([item.label, *(b.text for b in first if isinstance(b, Paragraph))])
            links = [link for b in first if isinstance(b, Paragraph) for link in b.links]
            out.append(Paragraph(text, prov, links))
        out.extend(rest)
    doc.blocks = out


def _run_from_label(blocks: list[ModelBlock]) -> tuple[list[ModelBlock], list[ModelBlock]]:
    """A lone item's paragraphs split into those that go on from its label (the first, and
    any the page sets beside or above its lines rather than under them: a formula's pieces
    in the line, a column vector) and those set under them on the page, each a paragraph of
    its own. A paragraph on another page goes on, as the item's did."""
    run = blocks[:1]
    for at, block in enumerate(blocks[1:], 1):
        if _set_under(block, run):
            return run, blocks[at:]
        run.append(block)
    return run, []


#: Points a paragraph's top may reach into the bottom of the lines above it and still be set
#: under them (the boxes of two lines one leading apart may touch); a formula's piece set
#: beside a line reaches further into it.
UNDER_SLACK = 0.5


def _set_under(block: ModelBlock, above: list[ModelBlock]) -> bool:
    """Whether ``block`` starts below every line of the paragraphs ``above``, on the page of
    the last of them."""
    page = above[-1].prov[-1].page if above[-1].prov else None
    lines = [p.bbox for b in above for p in b.prov if p.page == page]
    if not (block.prov and lines) or block.prov[0].page != page:
        return False
    return block.prov[0].bbox.y1 <= min(box.y0 for box in lines) + UNDER_SLACK


def _with_continuations(prov: list[Prov], paragraphs: list[Paragraph]) -> list[Prov]:
    """An item's provenance with that of the paragraphs that continued it, each drawing once:
    the item's first paragraph draws what the item's own provenance (label and first lines)
    already holds, and is not counted again."""
    out = list(prov)
    claimed = {(p.page, i) for p in out for start, end in p.operators for i in range(start, end)}
    for paragraph in paragraphs:
        for p in paragraph.prov:
            drawn = {(p.page, i) for start, end in p.operators for i in range(start, end)}
            if p not in out and (not drawn or not drawn <= claimed):
                out.append(p)
                claimed |= drawn
    return out


def _field_label(
    block: Block, fields: list[BBox], page: list[Block], body_size: float
) -> bool:
    """Whether a line opening like a list item ("3. NAME", "▶ b Routing number") is the label
    of a form field: the field is what comes next as the form is read, beside the label or
    under it, with no other text in between. A form numbers its fields for a reader to find
    them by, but a sighted reader sees boxes to fill in, not a list."""
    if not fields:
        return False
    if _beside_field(block, fields, body_size):
        return True
    line = max(block.frags[0].height if block.frags else block.size, 1.0)
    for field in fields:
        below = (
            0 <= block.y0 - field.y1 <= FIELD_BELOW * line
            and min(block.x1, field.x1) - max(block.x0, field.x0) > 0
        )
        if below:
            box = field
        elif field.x0 >= block.x1 - line and field.y1 >= block.y0 - line and (
            field.y0 <= block.y1 + line
        ):
            box = _field_column(field, fields, block, line)
            # (A field on the row of one of its lines, not one whose edge grazes the block.)
            if min(block.y1, box.y1) - max(block.y0, box.y0) <= 0.5 * min(line, box.height):
                continue
        else:
            continue
        if not _text_between(block, box, page, body_size):
            return True
    return False


def _label_number(label: re.Match[str] | None) -> int:
    """The number of a "21." label (0 for a letter's or a numeral's)."""
    digits = label.group(1).strip("().[]") if label else ""
    return int(digits) if digits.isdigit() else 0


def _next_field_label(
    block: Block, item: re.Match[str], field_number: int, fields: list[BBox]
) -> bool:
    """Whether a line numbered as a list's point ("22.") numbers the next field of a form
    whose field labels above on the page are numbered up to it ("21. DATE SIGNED"), with a
    field below it: the label of that field, though a note under the label ("NOTE: This
    form may only be completed by…") stands between it and its box (:func:`_field_label`
    asks for none). A form numbers its fields in one run; a list opening under them starts
    from 1."""
    return (
        field_number > 0 and item.re is NUMBER
        and _label_number(item) == field_number + 1
        and any(
            f.y1 <= block.y0 and min(f.x1, block.x1) - max(f.x0, block.x0) > 0
            for f in fields
        )
    )


def _field_column(field: BBox, fields: list[BBox], block: Block, line: float) -> BBox:
    """The field with the fields stacked on it, edge to edge, near the block's rows: one
    field in parts ("LAST" over "FIRST"), whose label is set between the parts."""
    near = [field] + [
        f for f in fields
        if abs(f.x0 - field.x0) <= 1 and abs(f.x1 - field.x1) <= 1
        and f.y1 >= block.y0 - line and f.y0 <= block.y1 + line
    ]
    return BBox(field.x0, min(f.y0 for f in near), field.x1, max(f.y1 for f in near))


#: How far under its label (in the label's line heights) a form's field may start: a label
#: at the top of a box, the boxes for its digits lower down in it.
FIELD_BELOW = 3.0


#: The most words a field's sub-label has ("LAST", "FIRST", "ZIP CODE").
SUB_LABEL_WORDS = 3


def _text_between(block: Block, box: BBox, page: list[Block], body_size: float) -> bool:
    """Whether other text on the page lies in the gap between a block and a box (below it or
    right of it): then the box is not what the block leads to. A word or two that label the
    box too do not count: "22. NAME", then "LAST" and "FIRST" beside their fields (a line of
    its own before the box, "Capital gain… check here ▶", is that line's field)."""
    if box.y1 <= block.y0:  # below: the strip under the block, down to the box
        gap = BBox(max(block.x0, box.x0), box.y1, min(block.x1, box.x1), block.y0)
    else:  # to the right, on the rows both span
        gap = BBox(block.x1, max(block.y0, box.y0), box.x0, min(block.y1, box.y1))
    # (Line by line: on a form, a block may reach round the gap without any of its text in it.)
    return any(
        min(f.x1, gap.x1) - max(f.x0, gap.x0) > 0
        and min(f.y1, gap.y1) - max(f.y0, gap.y0) > 0
        and not (
            word_count(f.text) <= SUB_LABEL_WORDS
            and _beside_field(Block(block.page, [f]), [box], body_size)
        )
        for other in page if other is not block and other.kind == "text"
        for f in other.frags
    )


def _into_open_list(
    block: Block, label: str, stack: list[ListBlock], list_x: list[float]
) -> bool:
    """Whether a line opening with ``label`` would be read into the list open above it: set
    further in than its points (a point of the last one's), or numbered as they are."""
    if not stack or not stack[-1].items:
        return False
    deeper = _label_indent(block) > list_x[-1] + 0.8 * max(block.size, 1.0)
    return deeper or _label_kind(stack[-1].items[-1].label) == _label_kind(label)


#: How many blocks ahead the next section's numbered line is looked for on the page.
SECTION_LOOKAHEAD = 40


def item_label_of(text: str) -> str | None:
    """The number a line opens with ("2." of "2. Preparing your program"), if any."""
    found = NUMBER.match(text)
    return found.group(0).strip() if found else None


def _numbered_in_sequence(
    block: Block, label: str, following: dict[int, Block], before: str | None
) -> bool:
    """Whether the line opening with the figure ``label`` ("1.", "2.") numbers a section in
    a sequence of sections, not a list's point: the numbered heading before it is the one
    it counts on (``before``), or the next line numbered on from it, in its face and from
    its left edge, follows a paragraph of running text set from that edge too. A list's
    points follow one another, or hold their own paragraphs indented past the labels, or a
    line of note each (minutes' agenda points, "1. Ouverture de la séance" / "La séance est
    ouverte à 16h00."); sections' numbers run on across the sections' paragraphs, set as
    the body is ("1. Introduction" / "The Valgrind tool suite …" / "2. Preparing your
    program")."""
    if before is not None and _counts_on(before, label):
        return True
    size = max(block.size, 1.0)
    flush_text = False
    below = following.get(id(block))
    for _ in range(SECTION_LOOKAHEAD):
        if below is None:
            return False
        if below.kind == "text" and abs(below.x0 - block.x0) < 0.8 * size:
            text = below.text
            found = NUMBER.match(text)
            if found:
                return (
                    flush_text and _counts_on(label, found.group(0).strip())
                    and below.bold == block.bold and round(below.size) == round(block.size)
                )
            if not below.bold and len(lines_of(below.frags)) > 1:
                flush_text = True  # (a paragraph running on: an agenda's point has a line)
        below = following.get(id(below))
    return False


class _ListedAgain:
    """Where each numbered line is printed last in the document: a contents list's entry
    ("3. Valgrind aborts unexpectedly", its subsections' entries under it) reads as the
    section it lists, which is printed again further on with its text; a section's
    heading is printed once (running heads and feet, page furniture, are passed over)."""

    def __init__(
        self, in_order: list[tuple[PageResult, list[Block]]], artifact_ids: dict[int, Any]
    ) -> None:
        self.place: dict[int, int] = {}
        self.last: dict[str, int] = {}
        for n, block in enumerate(b for _, blocks in in_order for b in blocks):
            self.place[id(block)] = n
            if id(block) in artifact_ids:
                continue
            for line in lines_of(block.frags):
                text = " ".join(f.text.strip() for f in line)
                if text[:1].isdigit():  # (a table's cells too: a section set in a frame)
                    self.last[title_key(text)] = n

    def later(self, block: Block) -> bool:
        """Whether ``block``'s text is printed again further on in the document."""
        return self.last.get(title_key(block.text), -1) > self.place.get(id(block), -1)


def _lone_emoji(sign: str, stack: list[ListBlock], below: Block | None) -> bool:
    """Whether ``sign``, opening a line as a bullet would, is an emoji (see
    :data:`.patterns.EMOJI_SIGNS`) that marks no list: neither the last point of a list open
    above nor the block read next opens with it."""
    if sign not in EMOJI_SIGNS:
        return False
    if any(lst.items and lst.items[-1].label == sign for lst in stack):
        return False
    return below is None or not below.text.lstrip().startswith(sign)


def _read_next(block: Block, following: dict[int, Block], skip: dict[int, Any]) -> Block | None:
    """The block read after ``block`` on its page, page furniture passed over."""
    below = following.get(id(block))
    while below is not None and id(below) in skip:
        below = following.get(id(below))
    return below


def _rebase_indents(
    block: Block, label: str, indent: float, stack: list[ListBlock], list_x: list[float]
) -> None:
    """Past a page break the margins move (a book's right page set further in than its
    left, the next page's first column left of the last page's second): the indents of the
    open lists, measured on the last page, are no measure of the new one's. A point there
    that counts on the last point of an open list above the innermost ("5)" after "4)",
    read on the next page under "b)") is that list's next point: that list's indent is
    taken to be the point's, the outer lists' moved alike, and the lists inside it are
    closed. (The innermost list's
    next point, set further in, is :func:`_on_a_new_page`'s case.) So too at the head of
    the next column on the same page (a quiz's "7." opening the right column, read after
    the "a." to "d." under its "6."): the point goes on with the outer list, not inside the
    innermost one (whose own next point there is the rule on a new column's case)."""
    last = stack[-1] if stack else None
    if last is None:
        return
    if not _on_a_new_page(last, block.page) and (
        not _in_a_new_column(last, block)
        or (last.items and _counts_on(last.items[-1].label, label))
    ):
        return
    for depth in range(len(stack) - 1, -1, -1):
        items = stack[depth].items
        if items and _counts_on(items[-1].label, label):
            if _label_kind(label) == "bullet":
                return  # (a bullet counts on any bullet: which list it goes on is unsure)
            moved = indent - list_x[depth]
            del stack[depth + 1:]
            del list_x[depth + 1:]
            list_x[:] = [x + moved for x in list_x]
            return


def _other_bullet(last: str, label: str) -> bool:
    """Whether ``label`` is a bullet of another sign than the bullet ``last``."""
    return _label_kind(last) == _label_kind(label) == "bullet" and last != label


def _nested_past_page(
    block: Block, lst: ListBlock, label_x: float, margins: dict[int, float],
    columns: dict[int, tuple[float, float]] | None = None,
) -> bool:
    """Whether the point ``block`` opening on a later page than the last point of ``lst``
    (whose label stands at ``label_x``), or heading the right column of its page, is set
    further in than that list's labels, its indent measured from the left edge of its column
    on each page (the page's margin, :func:`.page_margins.text_margins`, or on a page set in
    two the right column's edge, ``columns``: :func:`.page_margins.second_columns`): a point
    nested in the last, not the list going on at margins moved. Without both pages' margins
    it is not known to be."""
    last = lst.items[-1] if lst.items else None
    if last is None or not last.prov:
        return False
    old, new = last.prov[0].page, block.page
    if old not in margins or new not in margins or reads_right_to_left(block.frags):
        return False
    indent = _label_indent(block)
    moved = (indent - _column_edge(new, indent, margins, columns)
             + _column_edge(old, label_x, margins, columns))
    return moved > label_x + 0.8 * max(block.size, 1.0)


#: A column stops short of the columns beside it when their text goes on this many of its
#: lines further down the page at least.
SHORT_COLUMN_LINES = 3.0


def _beside_a_short_column(
    block: Block, lst: ListBlock, page: list[Block], artifact_ids: dict[int, Any]
) -> bool:
    """Whether ``block`` opens the next column beside the list's last item (clear of it
    across, its top above the item's foot: :func:`_in_a_new_column`) where the item's column
    stopped short: nothing of the page under the item in its column, while the text of the
    columns right of it goes on :data:`SHORT_COLUMN_LINES` lines further down. Text flows
    into the next column from the foot of a full one: beside a column that stopped short
    stands a part set beside it (a quiz's matching exercise and its answers in a box's
    second and third columns, beside the true-or-false points in its first), not the item
    going on. (A column cut short by a note or a figure under it holds them under the
    item.)"""
    if not lst.items or not _in_a_new_column(lst, block):
        return False
    last = lst.items[-1].prov[-1].bbox
    line = 1.2 * max(block.size, 1.0)
    reach = last.y0  # (the foot of the text right of the item's column)
    for other in page:
        if id(other) in artifact_ids:
            continue
        if other.x0 < last.x1 and other.x1 > last.x0 and other.y1 < last.y0 - 0.5 * line:
            return False  # (the column goes on under the item: a note, a figure)
        if other.x0 >= last.x1 - 0.5 * line:
            reach = min(reach, other.y0)
    return last.y0 - reach >= SHORT_COLUMN_LINES * line


def _on_a_new_page(lst: ListBlock, page: int) -> bool:
    """Whether the list's last item is on another page than ``page``."""
    last = lst.items[-1].prov[-1] if lst.items and lst.items[-1].prov else None
    return last is not None and last.page != page


def _in_a_new_column(lst: ListBlock, block: Block) -> bool:
    """Whether ``block``, read after the list's last item on its page, stands in another
    column: clear of the item across, and its top above the item's foot (a point nested
    in the last stands under it)."""
    last = lst.items[-1].prov[-1] if lst.items and lst.items[-1].prov else None
    if last is None or last.page != block.page:
        return False
    box = last.bbox
    return (block.x0 >= box.x1 or block.x1 <= box.x0) and block.y1 > box.y0


def _counts_on(last: str, label: str) -> bool:
    """Whether ``label`` is the next point's after ``last``: another bullet of its kind, or
    the next number or letter ("3." after "2.", "c)" after "b)"), not a count begun anew."""
    kind = _label_kind(label)
    if kind != _label_kind(last):
        return False
    if kind == "bullet":
        return True
    if all(KEY.fullmatch(key) or BARE_KEY.fullmatch(key) for key in (label, last)):
        # A reference list labelled by citation keys runs in the keys' alphabetical order.
        return last.lower() < label.lower()
    a, b = last.strip("()[]."), label.strip("()[].")
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and a.isalpha() and ord(b.lower()) - ord(a.lower()) == 1


def _label_kind(label: str) -> str:
    """What a list label counts with: "number" (1., [2]), "letter" (a), iv.), "key"
    ([Knu84], [hut]) or "bullet";
    an asterisk is a "mark": the note a mark in the text refers to ("* E.g. the guide…" under
    a slide's bullets) is no further point of the list above it."""
    if label == "*":
        return "mark"
    if label[:1] == "[" and (KEY.fullmatch(label) or BARE_KEY.fullmatch(label)):
        return "key"  # a reference list's citation key, with a year or without ("[Red]")
    if any(ch.isdigit() for ch in label):
        return "number"
    return "letter" if any(ch.isalpha() for ch in label) else "bullet"


def _letters_in_sequence(labels: list[str]) -> bool:
    """Whether labels that are single letters run a, b, c… (labels of other kinds pass)."""
    letters = [label.strip("().") for label in labels]
    if not all(len(x) == 1 and x.isalpha() for x in letters):
        return True
    return all(ord(b.lower()) - ord(a.lower()) == 1 for a, b in zip(letters, letters[1:],
                                                                    strict=False))


def _drop_unordered_letters(doc: Document) -> None:
    """Lines opening with letters that do not run a, b, c ("M. Gagné", "M. Huggins", a list
    of people with their titles, or of initials) are prose, not a lettered list."""
    out: list[Any] = []
    for block in doc.blocks:
        if (
            isinstance(block, ListBlock)
            and len(block.items) > 1
            and not _letters_in_sequence([item.label for item in block.items])
            and all(isinstance(b, Paragraph) for item in block.items for b in item.blocks)
        ):
            for item in block.items:
                paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
                text = " ".join([item.label, *(b.text for b in paragraphs)])
                links = [link for b in paragraphs for link in b.links]
                # The paragraphs that continued the item are part of the text: their drawing
                # too (else the tagger, finding it claimed by no block, hides it).
                out.append(Paragraph(text, _with_continuations(item.prov, paragraphs), links))
        else:
            out.append(block)
    doc.blocks = out


def _page_figures(
    blocks: list[Block], result: PageResult, artifact_ids: dict[int, Any]
) -> list[Block]:
    """The figures of a page a text block may belong to (see :func:`_of_figure`): not an
    artifact, nor as large as a backdrop."""
    page_area = result.page.width * result.page.height
    return [
        b for b in blocks
        if b.kind == "figure" and id(b) not in artifact_ids
        and (b.x1 - b.x0) * (b.y1 - b.y0) < BACKDROP * page_area
    ]


def _of_figure(block: Block, figures: list[Block]) -> bool:
    """Whether a text block of a page belongs to a figure, not to the text flowing round it:
    a caption with its label set off (:func:`.figures.set_off_caption`, whether or not a
    picture was found for it), a block lying on a figure of the page (``figures``, see
    :func:`_page_figures`), or a few words with their middle on a figure or just off its
    edge (a diagram's labels, "z" over its axis, "γ2" beside a curve). None goes on with a
    list item before it. (Asked only of a block that might go on with one.)"""
    b = block
    return b.kind == "text" and (
        set_off_caption(b.text)
        or any(area_share(b, figure) > 0.9 for figure in figures)
        or (len(b.text.split()) <= _LABEL_WORDS and any(
            figure.x0 - _ON_PICTURE <= (b.x0 + b.x1) / 2 <= figure.x1 + _ON_PICTURE
            and figure.y0 - _ON_PICTURE <= (b.y0 + b.y1) / 2 <= figure.y1 + _ON_PICTURE
            for figure in figures
        ))
    )


#: At most this many words make a label set on a figure (see :func:`_of_figure`).
_LABEL_WORDS = 3


#: How much larger than a list item's text a line lined up with it may be set and still be
#: the item's (a browser's monospace face for a line of code is set about 1.2 times larger).
LARGER_LINE_IN_ITEM = 1.3


def _continued_item(
    block: Block, stack: list[ListBlock], list_x: list[float],
    item_faces: dict[int, tuple[float | None, float, bool]] | None = None,
    margins: dict[int, float] | None = None,
    columns: dict[int, tuple[float, float]] | None = None,
) -> ListItem | None:
    """The list item an indented paragraph after a list continues, if any: on its page, in
    its size (not a footer or a side note below it), indented past the labels, or lined up
    with the item's text past a narrow label ("■ Term," in bold, its explanation in a
    regular face on the lines below). Past a page break (a running foot and head between),
    indents are measured from each page's text margin (``margins``, see
    :func:`.page_margins.text_margins`), or in a page's right column from that column's left
    edge (``columns``, see :func:`.page_margins.second_columns`: an item in the right
    column of one page goes on in the left of the next): a paragraph there goes on with the
    item when set in as far as the item's text at least. A paragraph that opens a new part
    (:func:`_opens_new_part`) continues no item: past a column break its left edge is well
    right of the list's labels, though it follows no item."""
    for level in range(len(stack) - 1, -1, -1):
        if not stack[level].items:
            continue
        item = stack[level].items[-1]
        start, size, bold = (item_faces or {}).get(id(item), (None, block.size, False))
        last = item.blocks[-1].prov[-1] if item.blocks and item.blocks[-1].prov else None
        if _opens_new_part(block, bold, last):
            return None
        if last is not None and last.page != block.page:
            # (A lone point lettered as a form's or a text's parts are, "A. Children residing
            # at home:" over the form's questions, is no list's until another point follows
            # or it stands in a list: its part may go on over the page as the text, not as
            # the point, and the next part's "B." stay a line of its own.)
            established = (
                level > 0 or len(stack[level].items) > 1
                or _label_kind(item.label) != "letter"
            )
            if established and _goes_on_over_page(
                block, _as_on_label_page(block, item, list_x[level], margins, columns),
                list_x[level], start, size
            ):
                return item
            continue
        # (On a later page than the item's label, past a paragraph of the item's there, the
        # label's indent is measured from the margin of its own page.)
        indent = _as_on_label_page(block, item, list_x[level], margins, columns)
        lined_up = (
            start is not None
            and indent > list_x[level] + 0.3 * block.size
            and abs(indent - start) <= 0.2 * block.size
        )
        if not 0.85 * size <= block.size <= 1.15 * size and not (
            # The item's next line, in another face (its bold title ends the first line,
            # "• Caring for Someone with Cancer – a booklet", the rest regular): lined up
            # with the item's text, right under it.
            lined_up and last is not None and _right_under(block, last.bbox)
        ) and not (
            # A line of code in the item, set in a larger face than its text (a browser's
            # monospace), lined up with the text, or a listing lined up with the item's
            # paragraph it follows (a definition set in under the item's bold title,
            # "• Simple" over "Celery is easy to use ..."): no footer or side note, set
            # smaller.
            (lined_up or bool(block.pitch)
             and _lined_up_with_last(block, indent, last, list_x[level]))
            and size < block.size <= LARGER_LINE_IN_ITEM * size
        ):
            continue
        if indent > list_x[level] + 0.8 * block.size or lined_up:
            return item
    return None


def _lined_up_with_last(block: Block, indent: float, last: Prov | None, label_x: float) -> bool:
    """Whether ``block`` (set in at ``indent``) lines up with the left edge of ``last``, the
    item's last paragraph, on its page, past the item's label at ``label_x``."""
    return (
        last is not None and last.page == block.page and not reads_right_to_left(block.frags)
        and indent > label_x + 0.3 * block.size
        and abs(indent - last.bbox.x0) <= 0.2 * block.size
    )


def _under_item(item: ListItem, block: Block) -> bool:
    """Whether ``block`` is set under the item's text: on the page its last block ends on,
    its top no higher than that block's last line's foot, and across the columns that
    block's lines take (not beside it, in another column)."""
    last = item.blocks[-1] if item.blocks else item
    if not last.prov or last.prov[-1].page != block.page:
        return False
    box = last.prov[-1].bbox
    return block.y1 <= box.y0 + 0.5 * block.size and block.x0 < box.x1 and block.x1 > box.x0


def _close_lists_inside(owner: ListItem, stack: list[ListBlock], list_x: list[float]) -> None:
    """Close the lists open inside ``owner``, a point a paragraph goes on with past them: a
    point after the paragraph opens a list of its own under it, read after the paragraph,
    not one more point of the list above it ("⇒ κ = 0" after "V ∩ E ist eine Gerade")."""
    while len(stack) > 1 and stack[-1].items and stack[-1].items[-1] is not owner:
        stack.pop()
        list_x.pop()


def _as_on_label_page(
    block: Block, item: ListItem, label_x: float, margins: dict[int, float] | None,
    columns: dict[int, tuple[float, float]] | None = None,
) -> float:
    """The block's indent (as :func:`_indent` measures) moved as far as the left edges of
    its column and of the item's label's column (its label at ``label_x``) lie apart: each
    page's margin (``margins``: see :func:`.page_margins.text_margins`), or the right
    column's edge on a page set in two (``columns``: see
    :func:`.page_margins.second_columns`). On the label's own page too: a paragraph at the
    top of the right column, after a list that ended the left one, stands as far right of
    the list's labels as the column lies, yet is set flush, as the text after the list is.
    Right-to-left text and pages not known are taken as they stand."""
    indent = _indent(block)
    label_page = item.prov[0].page if item.prov else None
    if (
        not margins or label_page is None
        or label_page not in margins or block.page not in margins
        or reads_right_to_left(block.frags)
    ):
        return indent
    return (
        indent - _column_edge(block.page, indent, margins, columns)
        + _column_edge(label_page, label_x, margins, columns)
    )


def _column_edge(
    page: int, x: float, margins: dict[int, float],
    columns: dict[int, tuple[float, float]] | None,
) -> float:
    """The left edge of the column that text starting at ``x`` on ``page`` is set in: the
    right column's on a page set in two, right of its middle; else the page's margin."""
    column = (columns or {}).get(page)
    if column is not None and x > column[0]:
        return column[1]
    return margins[page]


def _goes_on_over_page(
    block: Block, indent: float, label_x: float, start: float | None, size: float,
) -> bool:
    """Whether ``block``, on a later page than the end of a list item whose label stands at
    ``label_x`` and text starts at ``start``, goes on with it: in the item's size, and set in
    as far as the item's text at least (a paragraph of the item's, or a listing set further
    in), past the labels; ``indent``: the block's, as on the label's page
    (:func:`_as_on_label_page`)."""
    if not 0.85 * size <= block.size <= 1.15 * size or reads_right_to_left(block.frags):
        return False
    if start is not None and start > label_x:
        return indent >= start - 0.2 * block.size
    return indent > label_x + 0.8 * block.size


#: A section number of two levels or more opening a title or a clause ("4.1.8 Stage C",
#: "2.3 The tests"); one level ("4 engines") may be a count opening a sentence.
SECTION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+[A-Z]")


def _wrapped_line(
    block: Block, paragraph: Paragraph, face: tuple[float | None, float, bool] | None,
    above: Block | None, page: list[Block],
) -> bool:
    """Whether ``block`` is the next line of an item's ``paragraph``: right under its last
    line (no paragraph's space between), lined up with the item's text past its label, and
    its first word too long for the room the line above left (a line broken by choice, "(0,
    1) ist nicht kompakt." over a formula, ends short of the column's right edge).
    ``above``: the block the paragraph ends with; ``page``: the page's blocks."""
    last = paragraph.prov[-1] if paragraph.prov else None
    start = face[0] if face is not None else None
    if not (
        last is not None and start is not None and above is not None
        and last.page == block.page and block.frags and not reads_right_to_left(block.frags)
        and _right_under(block, last.bbox) and abs(_indent(block) - start) <= 0.2 * block.size
    ):
        return False
    line_end = _last_line_end(above)
    # The right edge of the column: of the text in the item's size across the line.
    right = max([block.x1, line_end] + [
        b.x1 for b in page
        if b.kind == "text" and b.x0 < block.x1 and b.x1 > block.x0
        and 0.85 * block.size <= b.size <= 1.15 * block.size
    ])
    return right - line_end < _first_word_width(block.frags[0]) + 0.6 * block.size


def _first_word_width(frag: Fragment) -> float:
    """How wide the fragment's first word is: up to a space, drawn or left as a gap."""
    glyphs = frag.glyphs
    if not glyphs:
        return 0.0
    end = glyphs[0].x1
    for g in glyphs[1:]:
        if g.char.isspace() or g.x0 - end > SPACE_GAP * g.size:
            break
        end = g.x1
    return end - glyphs[0].x0


def _last_line_end(block: Block) -> float:
    """Where the block's last line ends (its right edge)."""
    last = block.frags[-1] if block.frags else None
    if last is None:
        return block.x1
    middle = (last.y0 + last.y1) / 2
    return max(f.x1 for f in block.frags if f.y0 <= middle <= f.y1)


def _opens_new_part(block: Block, item_bold: bool, last: Prov | None) -> bool:
    """Whether a paragraph opens a new part of the text rather than going on with a list
    item: it opens with a section number, or it is a line of its own set in bold after an
    item in a regular face (a heading in the body's size) and set apart from the item. (Right
    under the item's last line, a line all in bold is its words set in bold, "… a
    realization of" / "“duck typing”.", a block of its own only for its face.)"""
    if SECTION_NUMBER.match(block.text):
        return True
    return (
        not item_bold and block.bold and bool(block.frags) and _one_line(block)
        and not (last is not None and last.page == block.page and _right_under(block, last.bbox))
    )


def _one_line(block: Block) -> bool:
    """Whether all the block's fragments sit on one line."""
    first = block.frags[0]
    middle = (first.y0 + first.y1) / 2
    return all(f.y0 <= middle <= f.y1 for f in block.frags)


def _right_under(block: Block, box: BBox) -> bool:
    """Whether the block starts within a line below the box (no paragraph break between)."""
    line = block.frags[0].height if block.frags else block.size
    return -0.5 * line <= box.y0 - block.y1 <= 0.5 * line


def _beside_last_item(last: ListItem, block: Block) -> bool:
    """Whether ``block``'s item stands on the line of the ``last`` item, right of it (the
    next option in a row of them), not on a line below set further in (a nested list)."""
    first = block.frags[0] if block.frags else None
    return bool(
        first is not None and last.prov and last.prov[-1].page == block.page
        and beside_on_its_line(last.prov[-1].bbox, BBox(first.x0, first.y0, first.x1, first.y1))
    )


def _indent(block: Block) -> float:
    """Where the block's lines start, measured along its reading direction: its left edge,
    or in right-to-left text (whose list labels stand at the right, nested lists further
    left) its right edge, negated so that deeper is greater either way."""
    return -block.x1 if reads_right_to_left(block.frags) else block.x0


def _label_indent(block: Block) -> float:
    """Where a list item's label stands (as :func:`_indent` measures): its block's first
    piece, left of which the item's body may go on (an item set as a paragraph is, its
    label at the first-line indent and its lines from the column's edge). The piece's first
    glyph, not its box: a piece made of two lines of the column, held in one line group by
    a line of the column beside them set at another leading, reads its upper line first
    but starts where the lower one does (an indented point's label over the text's edge)."""
    if not block.frags or reads_right_to_left(block.frags):
        return _indent(block)
    first = block.frags[0]
    inked = next((g for g in first.glyphs if not g.char.isspace()), None)
    return first.x0 if inked is None else max(first.x0, inked.x0)


def _text_start(block: Block, label: str) -> float | None:
    """Where the text of a list item starts on its first line, past its label (measured as
    :func:`_indent` measures)."""
    if not block.frags:
        return None
    rtl = reads_right_to_left(block.frags)
    glyphs = block.frags[0].glyphs
    if is_marker(block.frags[0].text) and len(block.frags) > 1:
        glyphs = block.frags[1].glyphs  # the text set apart past a tab stop
        if not glyphs:
            return None
        return -glyphs[0].x1 if rtl else glyphs[0].x0
    marks = sum(not ch.isspace() for ch in label)
    for g in glyphs:
        if g.char.isspace():
            continue
        if marks <= 0:
            return -g.x1 if rtl else g.x0
        marks -= 1
    return None


def _link_text(block: Block, r: BBox) -> str:
    inside = [
        g for f in block.frags for g in f.glyphs
        if r.x0 - 1 <= (g.x0 + g.x1) / 2 <= r.x1 + 1 and r.y0 - 1 <= (g.y0 + g.y1) / 2 <= r.y1 + 1
    ]
    return text_of(inside)


class _HeightOverlaps:
    """Whether another of a page's blocks shares some of a block's height: asked of each
    line in the margin bands, a scan of the page per line took minutes on a page of
    thousands of one-letter blocks. Blocks by bottom, with the two highest tops of each
    prefix (the highest of the others is one of them)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.sortable = all(math.isfinite(b.y0) and math.isfinite(b.y1) for b in blocks)
        ordered = sorted(blocks, key=lambda b: b.y0) if self.sortable else []
        self.bottoms = [b.y0 for b in ordered]
        # (top, block) of the highest and the second highest top among ordered[:k + 1].
        self.highest: list[tuple[tuple[float, int], tuple[float, int]]] = []
        first = second = (-math.inf, -1)
        for b in ordered:
            top = (b.y1, id(b))
            if top[1] == first[1]:
                pass  # (a block listed twice is still one block)
            elif top[0] > first[0]:
                first, second = top, first
            elif top[0] > second[0]:
                second = top
            self.highest.append((first, second))

    def any_beside(self, block: Block) -> bool:
        """``any(other.y0 < block.y1 and block.y0 < other.y1)`` over the other blocks."""
        if not self.sortable:
            return any(
                other is not block and other.y0 < block.y1 and block.y0 < other.y1
                for other in self.blocks
            )
        below = bisect.bisect_left(self.bottoms, block.y1)  # the blocks with y0 < block.y1
        if below == 0:
            return False
        first, second = self.highest[below - 1]
        top = second[0] if first[1] == id(block) else first[0]
        return block.y0 < top


def _find_artifacts(doc: Document, results: list[PageResult]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    seen: Counter[str] = Counter()  # the pages each margin line's text and place is on
    counted: set[tuple[int, str]] = set()
    candidates: list[tuple[Block, str, bool]] = []
    # Numbered lines of the body, by their text with numbers as one, and their faces.
    numbered_in_body: dict[str, list[Block]] = {}
    for result, page in zip(results, doc.pages, strict=True):
        band = MARGIN_BAND * page.height
        # Text running up or down a side margin, beside all the page's level text (an arXiv
        # stamp, a slug, a vertical running title), is furniture of the margin, not of the
        # text: read in the body it lands between the page's paragraphs.
        for block in side_notes(result.blocks):
            if block.artifact is None and len(block.frags) <= SIDE_NOTE_LINES:
                found[id(block)] = "other"
        overlaps = _HeightOverlaps(result.blocks)
        ends = _PageEnds(result.blocks)
        for block in result.blocks:
            if id(block) in found:
                continue
            if block.artifact is not None:
                found[id(block)] = block.artifact
                continue
            # (A form's label beside its field is the form's, though a form printed twice,
            # a copy on each page, repeats it at the same place: see .field_rows.)
            if block.kind != "text" or block.labels_field:
                continue
            y0, y1 = block.y0 - page.y0, block.y1 - page.y0
            in_band = y0 > page.height - band or y1 < band
            # (In the bands, up to three lines: a letter-spaced line, "C O N S T I T U T I O
            # N", comes as many fragments, yet it is one line of running text.)
            if len(block.frags) > 3:
                if not in_band or len(lines_of(block.frags)) > 3:
                    continue
            elif _LEFT_BLANK.match(block.text):
                found[id(block)] = "pagination"
                continue
            text = block.text
            if not in_band and len(block.frags) == 1 and _HAS_DIGIT.search(text):
                numbered_in_body.setdefault(_norm(text), []).append(block)
            if in_band:
                # Running text sits at the same place on every page it repeats on.
                place = "top" if y0 > page.height / 2 else "bottom"
                key = f"{place}:{round((block.y0 + block.y1) / 12)}:{_norm(text)}"
                alone = not overlaps.any_beside(block)
                candidates.append((block, key, alone))
                # (Pages repeat running text: the same line twice on one page, a heading
                # over each of two columns of panels, counts once.)
                if (id(result), key) not in counted:
                    counted.add((id(result), key))
                    seen[key] += 1
            elif _page_number_apart(block, ends, page, len(doc.pages)):
                found[id(block)] = "page-number"
            elif word_count(text) <= 8:
                # Furniture beside the text (a slide's side panel, a book's thumb tab): the
                # same short text at the very same place, left edge and top, on most pages.
                # Only the place is loosely matched; the text itself must be the same, digits
                # included ("Part 1", "Part 2" at the top of each page are headings).
                key = f"side:{round(block.x0 / 6)}:{round(block.y1 / 6)}:{text}"
                candidates.append((block, key, False))
                seen[key] += 1
    repeats = max(2, min(3, len(results) // 2)) if len(results) > 1 else 10**9
    # Away from the margins, only what most pages repeat is furniture: a label or a heading
    # may well come back on a few pages of a form or a report.
    side_repeats = max(3, len(results) // 2 + 1)
    candidates = _drop_set_in_body(doc, results, candidates, seen, repeats)
    sequences = _numbered_sequences(candidates, numbered_in_body, repeats)
    for block, key, alone in candidates:
        text = block.text
        if alone and _PAGE_NUMBER.match(text.strip()):
            found[id(block)] = "page-number"
        elif key.startswith("side:"):
            if seen[key] >= side_repeats:
                found[id(block)] = "other"
        elif seen[key] >= repeats and key not in sequences:
            found[id(block)] = "header" if key.startswith("top") else "footer"
    found |= _running_lines_moved(candidates, found, doc.pages)
    found |= _facing_running_lines(candidates, found, doc.pages)
    if len(results) <= SHORT_DOCUMENT:
        # (A short document's first page may carry no running lines, its title in their
        # place, so its pages seldom repeat theirs: each page shows them by its own setting.)
        for k, result in enumerate(results):
            apart = _page_furniture_apart(result, k > 0)
            if 0 < k == len(results) - 1:
                apart = _without_closing_lines(apart, results, found)
            found = apart | found
        found |= _in_folio_rows(results, found)
    found |= _in_running_rows(candidates, found, side_repeats)
    found |= _spaced_page_numbers(candidates, found)
    found |= _running_rows_past_band(results, found)
    for result in results:
        found.update((id(b), "pagination") for b in _goes_on_at_foot(result.blocks, found))
    return found



def _running_heads_end(results: list[PageResult], artifact_ids: dict[int, Any]) -> dict[int, float]:
    """For each page whose head carries running lines (its running header or its page
    number, found in the upper half of the page), where the lowest of them ends (display
    space: y up): what stands under that is the page's text (see
    :func:`.runover.letterheads_apart`)."""
    out: dict[int, float] = {}
    for result in results:
        middle = result.page.y0 + result.page.height / 2
        for block in result.blocks:
            if artifact_ids.get(id(block)) in ("header", "page-number") and block.y0 > middle:
                out[block.page] = min(out.get(block.page, block.y0), block.y0)
    return out


def _without_closing_lines(
    apart: dict[int, Any], results: list[PageResult], found: dict[int, Any]
) -> dict[int, Any]:
    """The last page's own running lines (``apart``, by :func:`_page_furniture_apart`) less
    its footer when it is the document's closing line: a footer said on the last page only
    (no other page has any furniture at its foot, nor the last page at its head) and not
    holding a page number is no template's running line, which would come back on each page,
    but the end of the document (a cheat sheet's "Source: …" credit, its author's
    copyright). Who made a document, and from what, is content a reader needs."""
    last = results[-1]
    footer = [b for b in last.blocks if apart.get(id(b)) == "footer"]
    if not footer or any(apart.get(id(b)) == "header" for b in last.blocks) or any(
        _PAGE_NUMBER.match(b.text.strip()) for b in footer
    ):
        return apart
    for result in results[:-1]:
        page = result.page
        for block in result.blocks:
            kind = found.get(id(block))
            if kind in ("footer", "page-number") and (
                (block.y0 + block.y1) / 2 - page.y0 < page.height / 2
            ):
                return apart
    return {key: kind for key, kind in apart.items() if kind != "footer"}

#: A number drawn digit by digit, a space between each two ("1 0"): the text reads the
#: spaces a page's content draws.
_SPACED_DIGITS = re.compile(r"\d(?: \d){1,3}")


def _spaced_page_numbers(
    candidates: list[tuple[Block, str, bool]], found: dict[int, Any],
) -> dict[int, Any]:
    """The margin-band lines alone on their line that spell a page number with spaces
    between its digits ("1 0"), and read without them ("10") go on with the page numbers of
    the pages before or after, at the same height: page numbers, not a paragraph of figures.
    (Only where the neighbours' numbers say so: spaced digits are as often a table's or a
    code's.)"""
    numbers: dict[int, tuple[int, Block]] = {}
    for block, _, _ in candidates:
        if found.get(id(block)) != "page-number":
            continue  # (its kind asked first: most candidates are no page number)
        text = block.text.strip()
        if text.isdigit():
            numbers[block.page] = (int(text), block)
    out: dict[int, Any] = {}
    for block, _, alone in candidates:
        if not alone or id(block) in found:
            continue
        text = block.text.strip()
        if not _SPACED_DIGITS.fullmatch(text):
            continue
        value = int(text.replace(" ", ""))
        for step in (-1, 1):
            known = numbers.get(block.page + step)
            if known is not None and known[0] == value + step and (
                abs(known[1].y0 - block.y0) <= block.y1 - block.y0
            ):
                out[id(block)] = "page-number"
    return out


def _goes_on_at_foot(blocks: list[Block], found: dict[int, Any]) -> list[Block]:
    """The lines that only say the text goes on over the page ("(continued on next page)"),
    set at the foot of a part of it (no text of the page's body under them, within their
    width): pagination, as a "—Continued" title over the rest is (see
    :mod:`.continued_tables`). Said, they would read as a line of the text or of its table."""
    body = [b for b in blocks if id(b) not in found]
    return [
        b for b in body
        if b.kind == "text" and len(b.frags) <= 2 and goes_on_note(b.text)
        and not any(
            other is not b and (other.y0 + other.y1) / 2 < b.y0 and x_overlap(other, b) > 0
            for other in body
        )
    ]


def _running_lines_moved(
    candidates: list[tuple[Block, str, bool]], found: dict[int, Any], pages: list[Page]
) -> dict[int, Any]:
    """Margin-band lines saying what a running header or footer found on other pages says,
    a line's height at most nearer to or farther from the page's edge: a report's first
    page, set to other margins than the pages after it (a cover's or a title page's),
    carries the same running head a few points higher; a report whose front matter is set
    on a shorter sheet than its body carries it as far from the top edge, so at another
    height. Its place's key differs, so its text is matched, and its face: the same words
    set large are a title ("U.S. Government Accountability Office" on a report's back page,
    over the running head in small capitals)."""
    places: dict[str, list[tuple[float, float]]] = {}  # "top:text" -> (from edge, size) found
    for block, key, _ in candidates:
        if found.get(id(block)) in ("header", "footer"):
            places.setdefault(_band_and_text(key), []).append(
                (_from_edge(block, pages[block.page]), block.size)
            )
    out: dict[int, Any] = {}
    for block, key, _ in candidates:
        if id(block) in found or key.startswith("side:"):
            continue
        middle, height = _from_edge(block, pages[block.page]), block.y1 - block.y0
        if any(
            abs(m - middle) <= height and abs(size - block.size) <= 0.1 * size
            for m, size in places.get(_band_and_text(key), ())
        ):
            out[id(block)] = "header" if key.startswith("top") else "footer"
    return out


def _facing_running_lines(
    candidates: list[tuple[Block, str, bool]], found: dict[int, Any], pages: list[Page]
) -> dict[int, Any]:
    """Margin-band lines saying the same on two pages one after the other, in one face, as
    far from the edge within a line's height, at places mirrored across the page: a book's
    or a report's pages printed on both sides set their running head at the outer edge,
    on the left of a left-hand page and on the right of a right-hand one, and a template
    may set the two a little apart in height too. Seen on two facing pages only (a short
    document), neither place repeats, but no text of the body is mirrored so."""
    loose: dict[str, list[Block]] = {}  # "top:text" -> lines not found, in page order
    for block, key, _ in candidates:
        if id(block) not in found and not key.startswith("side:"):
            loose.setdefault(_band_and_text(key), []).append(block)
    out: dict[int, Any] = {}
    for key, blocks in loose.items():
        for left, right in zip(blocks, blocks[1:], strict=False):
            if right.page == left.page + 1 and _mirrored(
                left, pages[left.page], right, pages[right.page]
            ):
                out |= dict.fromkeys((id(left), id(right)), "header" if key.startswith("top")
                                     else "footer")
    return out


def _mirrored(a: Block, page_a: Page, b: Block, page_b: Page) -> bool:
    """Whether two lines stand at mirrored places of their pages, in one face: one's left
    edge as far from its page's left edge as the other's right edge from its page's right
    one, within a line's height, and as far from the top (bottom) edge; one left, one right
    (a line centred on both pages is mirrored by any measure, and says nothing)."""
    line = max(a.y1 - a.y0, b.y1 - b.y0)
    inset_a = a.x0 - page_a.x0
    inset_b = page_b.x0 + page_b.width - b.x1
    return (
        abs(inset_a - inset_b) <= line
        and abs((a.x0 - page_a.x0) - (b.x0 - page_b.x0)) > line
        and abs(_from_edge(a, page_a) - _from_edge(b, page_b)) <= line
        and abs(a.size - b.size) <= 0.1 * max(a.size, b.size)
    )


def _from_edge(block: Block, page: Page) -> float:
    """How far a margin-band line's middle lies from the page's nearer edge, top or
    bottom: where a template sets its running lines, whatever the sheet's height."""
    middle = (block.y0 + block.y1) / 2 - page.y0
    return min(middle, page.height - middle)


#: Pages a line past the margin band must open (close) at one place, saying the same, to be
#: a running line: more than a running line in the band needs, as a body's line is likelier there.
PAST_BAND_REPEATS = 3
#: A running line past the band may measure this much larger than the page's text and still
#: be set in its face: glyphs are measured by their boxes, and a line of capitals ("2 DATA
#: SOURCES", LaTeX's running head) measures larger than the text's mix of letters. A larger
#: face (a heading's, 10% and more) stays out.
EDGE_ROW_SIZE = 1.03


def _running_rows_past_band(results: list[PageResult], found: dict[int, Any]) -> dict[int, Any]:
    """Running heads and feet set a little past the margin band, found by their repetition.

    A template sets its running head where its page's text begins less its own gap, not
    where a fixed share of the page ends: LaTeX's head on letter paper stands 12-14% of the
    page from its top, over the text. So the band is each page's own: its outermost row of
    lines (its first one, or its last), nearer the edge than a fifth of the page, a line's
    height at least apart from the rest of the page's text and tables, in no larger a face
    than the page's text (see :func:`_edge_row`). Such a row is a running line where it says
    the same (its numbers as one) on ``PAST_BAND_REPEATS`` pages at least, as far from the
    edge within a line's height, whether left or right (facing pages set it mirrored). A
    lone number in it is the page's number where it counts on with the pages: its value
    less its page's index is that of a page number found on another page, or of lone
    numbers in ``PAST_BAND_REPEATS`` pages' rows at that place. The rest of a row holding a
    running line or a page number so is its running line too (a chapter's title beside the
    folio, another on each chapter's pages). A table's head row repeated at each page's top
    is a table's row, not a row of lines; a section's heading is set larger, or close over
    its text."""
    if len(results) < 2:
        return {}
    rows: list[tuple[int, bool, list[Block]]] = []
    for index, result in enumerate(results):
        # (The page's lines and tables, gathered once for both its edges.)
        blocks = [
            b for b in result.blocks
            if b.kind in ("text", "table") and b.artifact is None and id(b) not in found
        ]
        for top in (True, False):
            row = _edge_row(result, blocks, top)
            if row:
                rows.append((index, top, row))
    # Where each row's lines and numbers stand: (top, text) -> (page, from edge, height, size).
    places: dict[tuple[bool, str], list[tuple[int, float, float, float]]] = {}
    offsets: dict[int, set[int]] = {}  # a found page number less its page's index -> pages
    for index, top, row in rows:
        page = results[index].page
        for block in row:
            places.setdefault((top, _norm(block.text)), []).append(
                (index, _from_edge(block, page), block.y1 - block.y0, block.size)
            )
    for index, result in enumerate(results):
        for block in result.blocks:
            if found.get(id(block)) == "page-number" and block.text.strip().isdigit():
                offsets.setdefault(int(block.text.strip()) - index, set()).add(index)
    out: dict[int, Any] = {}
    for index, top, row in rows:
        page = results[index].page
        marked: dict[int, Any] = {}
        for block in row:
            text = block.text.strip()
            middle, height = _from_edge(block, page), block.y1 - block.y0
            pages = {
                at for at, m, h, size in places[(top, _norm(block.text))]
                if abs(m - middle) <= max(h, height) and abs(size - block.size) <= 0.1 * size
            }
            if text.isdigit() and len(text) <= 4:
                # (A number counts on with the pages wherever their others stand.)
                offset = int(text) - index
                if offsets.get(offset, set()) - {index} or _folios_count_on(
                    rows, results, top, block, offset
                ):
                    marked[id(block)] = "page-number"
            elif len(pages) >= PAST_BAND_REPEATS:
                marked[id(block)] = "header" if top else "footer"
        if marked:
            out |= marked
            out |= {id(b): "header" if top else "footer" for b in row if id(b) not in marked}
    return out


def _folios_count_on(
    rows: list[tuple[int, bool, list[Block]]], results: list[PageResult], top: bool,
    folio: Block, offset: int,
) -> bool:
    """Whether lone numbers in other pages' edge rows at the same edge, as far from it within
    a line's height, count on with ``folio`` (their value less their page's index is
    ``offset``): on ``PAST_BAND_REPEATS`` pages, this one among them."""
    middle, height = _from_edge(folio, results[folio.page].page), folio.y1 - folio.y0
    pages = set()
    for index, edge, row in rows:
        if edge != top:
            continue
        for block in row:
            text = block.text.strip()
            if text.isdigit() and len(text) <= 4 and int(text) - index == offset and abs(
                _from_edge(block, results[index].page) - middle
            ) <= max(height, block.y1 - block.y0):
                pages.add(index)
    return len(pages) >= PAST_BAND_REPEATS


def _edge_row(result: PageResult, blocks: list[Block], top: bool) -> list[Block]:
    """A page's outermost row of lines at its top (``top``) or its foot, where it may be
    the page's running line past the margin band: each block in it a line of text alone (a
    letter-spaced line comes as a few fragments) in no larger a face than the page's text
    (within ``EDGE_ROW_SIZE``); the row reaching past the band, yet nearer the edge than
    ``PAGE_NUMBER_BAND`` of the page; and the rest of the page's text and tables a line's
    height at least beyond it.
    Empty where the page has no such row. ``blocks``: the page's text and table blocks not
    set aside yet (none an artifact)."""
    page = result.page
    texts = [b for b in blocks if b.kind == "text"]
    if len(blocks) < 2 or not texts:
        return []
    outer = max(blocks, key=attrgetter("y1")) if top else min(blocks, key=attrgetter("y0"))
    # (``_same_line(b, outer) or _same_line(outer, b)``, the two overlaps being one: the
    # overlap is more than half the height of either. Asked of every block of every page.)
    low, high = outer.y0, outer.y1
    half = 0.5 * (high - low)
    row = [
        b for b in blocks
        if (overlap := (b.y1 if b.y1 < high else high) - (b.y0 if b.y0 > low else low)) > half
        or overlap > 0.5 * (b.y1 - b.y0)
    ]
    in_row = set(map(id, row))
    rest = [b for b in blocks if id(b) not in in_row]
    if not rest or any(
        b.kind != "text" or b.labels_field or len(lines_of(b.frags)) != 1 for b in row
    ):
        return []
    band = MARGIN_BAND * page.height
    inner = min(b.y0 for b in row) - page.y0 if top else max(b.y1 for b in row) - page.y0
    from_edge = page.height - inner if top else inner
    if not band < from_edge <= PAGE_NUMBER_BAND * page.height:
        return []
    text_size = _page_text_size(texts)
    if any(round(b.size, 1) > EDGE_ROW_SIZE * text_size for b in row) or not _set_off(
        row, rest, top
    ):
        return []
    return [] if _heads_columns(row, rest, top) else row


def _heads_columns(row: list[Block], rest: list[Block], top: bool) -> bool:
    """Whether a page's edge row (``_edge_row``) heads the columns of what stands next to
    it: two pieces or more, each over (under) one column of the nearest table, or of the
    nearest line's one-line pieces, and no two over one column. A long table's head row,
    repeated at the top of each of its pages, is the table's; a running head's pieces sit
    at the text's edges whatever its columns, its title over more than one of a table's."""
    if len(row) < 2:
        return False
    nearest = max(rest, key=attrgetter("y1")) if top else min(rest, key=attrgetter("y0"))
    if nearest.kind == "table" and nearest.table:
        columns = []
        for k in range(max(len(r) for r in nearest.table)):
            cells = [c for r in nearest.table if k < len(r) and (c := r[k]) is not None]
            if cells:
                columns.append((min(c.x0 for c in cells), max(c.x1 for c in cells)))
    else:
        columns = [
            (b.x0, b.x1) for b in rest
            if len(lines_of(b.frags)) == 1 and (_same_line(b, nearest) or _same_line(nearest, b))
        ]
    under: list[int] = []
    for block in row:
        over = [k for k, (x0, x1) in enumerate(columns) if block.x0 < x1 and x0 < block.x1]
        if len(over) != 1:
            return False
        under += over
    return len(set(under)) == len(under)


def _page_furniture_apart(result: PageResult, later: bool = False) -> dict[int, Any]:
    """A lone page's header and footer: a page that no other page repeats (an excerpt of a
    manual, a printed web page) shows its furniture by its place and its setting alone.
    Lines in a margin band, in no larger a face than the page's text, are its header
    (footer) where a drawn rule across the page in the band sets them off from all the text
    below (above) it, or where a page number sits among them, all in a smaller face and the
    text a line's height away at least: a publisher's template rules off or numbers its
    running lines; a paragraph or a title that happens to open or close the page is
    neither. A page numbered so at one edge is a page of a longer work: the lines at its
    other edge, in a smaller face and as far apart, are its running lines too (a
    transcript's "Official - Subject to Final Review" over a page numbered at its foot).
    Lines in faces of their own are running lines by other marks of a template too (see
    ``_own_running_lines``); ``later`` says the page is not its document's first."""
    page = result.page
    texts = [b for b in result.blocks if b.kind == "text" and b.artifact is None]
    if not texts:
        return {}
    text_size = _page_text_size(texts)
    band = MARGIN_BAND * page.height
    out: dict[int, Any] = {}
    margins = {top: _margin_split(texts, page, top) for top in (True, False)}
    numbered_edges = {
        top for top, (edge, rest, _) in margins.items()
        if _margin_lines(edge, text_size) and _set_off(edge, rest, top)
        and _numbered_lines(edge, text_size)
    }
    for top in (True, False):
        def beyond(y: float, top: bool = top) -> bool:
            return y - page.y0 > page.height - band if top else y - page.y0 < band

        parts = [(margins[top], False)] + [
            (_rule_split(texts, r, top), False) for r in result.level_rules
            if beyond(r.y0) and beyond(r.y1) and r.x1 - r.x0 >= page.width / 2
        ]
        boxed: list[tuple[list[Block], list[Block], BBox | None]] = []
        if (not top) in numbered_edges:
            # (The text's first or last line may reach into the band, under or over them.)
            parts.append((_in_faces_of(texts, margins[top][0], margins[not top][0]), True))
            if _past_its_first(margins[not top][0]):
                boxed = _boxed_off(texts, result.level_edges, page, top)
        for split, templated in parts + [(split, True) for split in boxed]:
            edge, rest, ruled = split
            # (A boxed header's lines reach into the band: _boxed_off.)
            if not edge or not rest or not _margin_lines(edge, text_size) or (
                not any(split is b for b in boxed)
                and any(not beyond(b.y0 if top else b.y1) for b in edge)
            ):
                continue
            numbered = templated or _numbered_lines(edge, text_size)
            if (ruled and _spans(ruled, edge, text_size)) or (
                numbered and _set_off(edge, rest, top)
            ):
                # (A form's label beside its field is the form's wherever it stands: a
                # one-page form's last rows may reach under a rule into the band.)
                out |= {
                    id(b): "header" if top else "footer" for b in edge if not b.labels_field
                }
        margin = margins[top][0]
        if not _may_hold_own_running_lines(margin, top, later):
            continue  # (the faces of every line of the page need not be looked up)
        edge, rest, _ = _in_own_faces(texts, margin)
        if _own_running_lines(edge, rest, top, later):
            out |= {id(b): "header" if top else "footer" for b in edge if not b.labels_field}
    return out


def _may_hold_own_running_lines(margin: list[Block], top: bool, later: bool) -> bool:
    """Whether a margin's lines (its top one's, ``top``) may hold running lines in faces of
    their own (``_own_running_lines``, of some of them): there are lines in the margin, and
    one of them opens or closes with a page number set apart, or the margin is the head of
    a page after its document's first."""
    return bool(margin) and ((later and top) or any(map(_folio_set_apart, margin)))


def _in_folio_rows(results: list[PageResult], found: dict[int, Any]) -> dict[int, Any]:
    """Lines standing in the row a short document's page number stands in on another of
    its pages, as far from the edge within its height, on pages with no number there: the
    template's footer (header) row, which holds a form's number ("DCF-F-2476-E (R.
    04/2014)") on a page whose number it leaves out. Each must be one line, smaller than
    its page's text, the last (first) thing of the page and half its height at least
    beyond the rest: the text's own last line, reaching that low, is set in its face."""
    rows = [
        (b.page, (b.y0 + b.y1) / 2 - r.page.y0 > r.page.height / 2, _from_edge(b, r.page),
         b.y1 - b.y0)
        for r in results for b in r.blocks if found.get(id(b)) == "page-number"
    ]
    out: dict[int, Any] = {}
    for k, result in enumerate(results):
        page = result.page
        body = [b for b in result.blocks if id(b) not in found and b.artifact is None]
        texts = [b for b in body if b.kind == "text"]
        numbered = {top for at, top, _, _ in rows if at == k}
        for top in {top for at, top, _, _ in rows if at != k} - numbered:
            edge = [
                b for b in texts
                if ((b.y0 + b.y1) / 2 - page.y0 > page.height / 2) == top
                and any(at != k and t == top and abs(_from_edge(b, page) - m) <= height
                        for at, t, m, height in rows)
            ]
            if len(edge) != 1 or edge[0].labels_field or len(lines_of(edge[0].frags)) > 1:
                continue
            line = edge[0]
            rest = [b for b in body if b is not line]
            height = line.y1 - line.y0
            if rest and round(line.size, 1) < _page_text_size(texts) and _set_off(
                [line], rest, top, height / 2
            ):
                out[id(line)] = "header" if top else "footer"
    return out


def _past_its_first(edge: list[Block]) -> bool:
    """Whether a margin's page number is past the first of its work ("Page 7"): the page
    of a longer work, not its title page."""
    folios = [_PAGE_NUMBER.match(b.text.strip()) for b in edge if _lone_page_folio(b.text)]
    return any(
        f is not None and f.group(1).isdigit() and int(f.group(1)) > 1 for f in folios
    )


def _boxed_off(
    texts: list[Block], edges: list[BBox], page: Page, top: bool
) -> list[tuple[list[Block], list[Block], BBox | None]]:
    """The page's text above (below) a stroke across half the page at least, each line
    reaching into the top (bottom) margin band, and the rest: a page numbered past its
    first carries no title of its own, and lines closed off at its head by a frame's lower
    edge or a rule, though the frame reaches out of the band, are its template's header (a
    Word header's table, a title and the company's name beside its logo)."""
    band = MARGIN_BAND * page.height
    out: list[tuple[list[Block], list[Block], BBox | None]] = []
    for rule in edges:
        if rule.x1 - rule.x0 < page.width / 2:
            continue
        edge, rest, _ = _rule_split(texts, rule, top)
        if edge and all(
            (b.y1 - page.y0 > page.height - band) if top else (b.y0 - page.y0 < band)
            for b in edge
        ):
            out.append((edge, rest, None))
    return out


def _in_own_faces(
    texts: list[Block], margin: list[Block]
) -> tuple[list[Block], list[Block], BBox | None]:
    """A margin's lines set in fonts that no other line of the page is set in, and the rest
    of the page's text: a template sets its running lines apart in a face of their own (a
    note closing the text in its own font, under a table in the band, stays with the text)."""
    in_margin = set(map(id, margin))  # (by identity, as _margin_split parts them)
    faces = {_face_of(b)[0] for b in texts if id(b) not in in_margin}
    own = [b for b in margin if _face_of(b)[0] not in faces]
    taken = set(map(id, own))
    return own, [b for b in texts if id(b) not in taken], None


def _own_running_lines(edge: list[Block], rest: list[Block], top: bool, later: bool) -> bool:
    """Whether a margin's lines in faces of their own (see ``_in_own_faces``), a line or two
    each, all beyond the rest of the text, are running lines by their setting, whatever their
    size: one of them opens or closes with a page number set apart from its words ("206
    Law Enforcement, Courts, and Prisons" at a statistical abstract's foot), or, on a page
    after a document's first, they are two or more pieces of one line over the text, one
    flush with its left edge and one with its right (a paper's running head, "DocEng '19…"
    left and its authors right, on the pages after the one its title heads)."""
    if not edge or not rest or any(len(lines_of(b.frags)) > 2 for b in edge):
        return False
    near = max(b.y1 for b in rest) if top else min(b.y0 for b in rest)
    if any(((b.y0 + b.y1) / 2 > near) != top for b in edge):
        return False
    if any(_folio_set_apart(b) for b in edge):
        return True
    return later and top and _set_off(edge, rest, top) and _split_across(edge, rest)


def _folio_set_apart(block: Block) -> bool:
    """Whether a line opens or closes with a page number set apart from its words by a
    wider space than theirs, as a running title's folio is (an em space or a quad); a
    numbered heading's number ("Chapter 3", "2 Topics") stands a word space away."""
    if len(lines_of(block.frags)) != 1:
        return False
    glyphs = sorted(
        (g for f in block.frags for g in f.glyphs if not g.char.isspace()), key=attrgetter("x0")
    )
    words: list[str] = []
    gaps: list[float] = []
    for before, g in zip([None, *glyphs], glyphs, strict=False):
        gap = g.x0 - before.x1 if before is not None else 0.0
        if before is None or gap > SPACE_GAP * block.size:
            if before is not None:
                gaps.append(gap)
            words.append("")
        words[-1] += g.char
    if len(words) < 4:
        return False
    widest = max(gaps[1:-1])
    return (_lone_page_folio(words[0]) and gaps[0] > 1.5 * widest) or (
        _lone_page_folio(words[-1]) and gaps[-1] > 1.5 * widest
    )


def _split_across(edge: list[Block], rest: list[Block]) -> bool:
    """Whether a margin's lines are pieces of one line, the first flush with the text's
    left edge and the last with its right edge, a line's height at most in or out."""
    pieces = sorted(edge, key=attrgetter("x0"))
    line = max(b.y1 - b.y0 for b in edge)
    first, last = pieces[0], pieces[-1]
    return (
        len(pieces) >= 2
        and all(len(lines_of(b.frags)) == 1 and abs(b.y1 - first.y1) <= line / 2 for b in pieces)
        and abs(first.x0 - min(b.x0 for b in rest)) <= line
        and abs(last.x1 - max(b.x1 for b in rest)) <= line
    )


def _in_faces_of(
    texts: list[Block], edge: list[Block], numbered: list[Block]
) -> tuple[list[Block], list[Block], BBox | None]:
    """A margin's lines set in the face of a line at the numbered edge other than its
    folio, and the rest of the page's text: one template sets the running lines of both
    edges. (A smaller line in the band that is the text's, a line of code reaching in
    under a manual's header, is set in another face than the footer's.)"""
    faces = {_face_of(b) for b in numbered if not _lone_page_folio(b.text)}
    alike = [b for b in edge if _face_of(b) in faces]
    return alike, [b for b in texts if b not in alike], None


def _face_of(block: Block) -> tuple[str, float]:
    """The font most of a block's letters are set in, and its size."""
    fonts = Counter(g.font for f in block.frags for g in f.glyphs if g.char.isalnum())
    return (fonts.most_common(1)[0][0] if fonts else "", round(block.size, 1))


def _margin_lines(edge: list[Block], text_size: float) -> bool:
    """Whether lines may be a margin's furniture by their setting: a line or two each, in
    no larger a face than the page's text."""
    return all(b.size <= text_size and len(lines_of(b.frags)) <= 2 for b in edge)


def _set_off(
    edge: list[Block], rest: list[Block], top: bool, gap: float | None = None
) -> bool:
    """Whether a margin's lines lie a line's height (``gap``) at least beyond the rest of
    the text (above it for a header, below it for a footer)."""
    if not edge or not rest:
        return False
    near = max(b.y1 for b in rest) if top else min(b.y0 for b in rest)
    far = min(b.y0 for b in edge) if top else max(b.y1 for b in edge)
    line = max(b.y1 - b.y0 for b in edge) if gap is None else gap
    return abs(far - near) >= line and (far > near) == top


def _numbered_lines(edge: list[Block], text_size: float) -> bool:
    """Whether a margin's lines hold the page's number: a folio among lines all set in a
    smaller face than the text's, or one folio in the text's face over or beside smaller
    lines (a transcript's page number over its reporter's name). A number among lines of
    the text's own size is a value, a chart's scale under its title; a number alone in
    the text's face may be one too."""
    folios = [b for b in edge if _lone_page_folio(b.text)]
    # (By identity: ``in`` compared blocks field by field, quadratic on a crowded margin; a
    # block equal to a folio is one too.)
    folio_ids = {id(b) for b in folios}
    others = [b for b in edge if id(b) not in folio_ids]
    if not folios or any(round(b.size, 1) >= text_size for b in others):
        return False
    return all(round(b.size, 1) < text_size for b in folios) or (
        len(folios) == 1 and bool(others)
    )


def _lone_page_folio(text: str) -> bool:
    """Whether a line is a page number on a page with no others to count up to: a page of
    a longer work ("93", "Page 93"), but not four bare digits, a year as like as a folio
    ("2024" at a leaflet's foot)."""
    folio = _PAGE_NUMBER.match(text.strip())
    return folio is not None and not re.fullmatch(r"\d{4}", text.strip())


def _margin_split(
    texts: list[Block], page: Page, top: bool
) -> tuple[list[Block], list[Block], BBox | None]:
    """The page's text wholly in its top (bottom) margin band, and the rest."""
    band = MARGIN_BAND * page.height
    edge = [
        b for b in texts
        if (b.y0 - page.y0 > page.height - band if top else b.y1 - page.y0 < band)
    ]
    # (The rest by the blocks' identity: "not in" compared each with every field of each
    # margin line's block, on every page of a short document.)
    taken = set(map(id, edge))
    return edge, [b for b in texts if id(b) not in taken], None


def _rule_split(
    texts: list[Block], rule: BBox, top: bool
) -> tuple[list[Block], list[Block], BBox | None]:
    """The page's text beyond a rule (above it for a header, below it for a footer) and
    the rest, when no text crosses the rule."""
    edge = [b for b in texts if (b.y0 >= rule.y1 if top else b.y1 <= rule.y0)]
    rest = [b for b in texts if b not in edge]
    if any(b.y1 > rule.y0 if top else b.y0 < rule.y1 for b in rest):
        return [], rest, None
    return edge, rest, rule


def _page_text_size(texts: list[Block]) -> float:
    """The size most of the page's characters are set in."""
    chars: Counter[float] = Counter()
    for b in texts:
        chars[round(b.size, 1)] += len(b.text)
    return chars.most_common(1)[0][0]


def _spans(rule: BBox, edge: list[Block], slack: float) -> bool:
    """Whether the rule runs under (over) all the margin's lines (a footnote's separator is
    a short stroke at the left)."""
    return rule.x0 <= min(b.x0 for b in edge) + slack and rule.x1 >= max(b.x1 for b in edge) - slack


def _band_and_text(key: str) -> str:
    """``top:text`` of a running-text key ``top:135:text`` (its band and its text)."""
    place, _, text = key.split(":", 2)
    return f"{place}:{text}"


_HAS_DIGIT = re.compile(r"\d")
#: "This page intentionally left blank": printed so that a chapter starts on a right-hand page
#: and nobody thinks a page is missing from the print. It belongs to the printed pages, as a
#: page number does; read aloud it tells a listener nothing. The whole block must say it (a
#: sentence about blank pages in the text is not furniture); the first word is left open, as
#: a decorated or dropped initial ("T") can be missing from the text.
_LEFT_BLANK = re.compile(
    r"\W*(?:\w+\s+)?page\s+(?:(?:is|has\s+been|was)\s+)?(?:intentionally|deliberately|purposely)"
    r"\s+(?:left\s+)?blank\W*$"
    r"|\W*(?:\w+\s+)?page\s+left\s+blank\s+(?:intentionally|deliberately|on\s+purpose)\W*$",
    re.IGNORECASE,
)


def _numbered_sequences(
    candidates: list[tuple[Block, str, bool]],
    numbered_in_body: dict[str, list[Block]],
    repeats: int,
) -> set[str]:
    """Keys of margin-band lines that are numbered headings of the body which happen to
    open (or close) pages: "SECTION. 7." at the head of a column, whose numbers differ from
    one to the next, and whose text with its number as one ("section. #.") the body sets
    in the same face, away from the margins, as often at least (a constitution's sections,
    a contract's clauses). A running header's number is a page's or a chapter's: the body
    does not set it as lines of their own in the header's face."""
    by_key: dict[str, list[Block]] = {}
    for block, key, _ in candidates:
        if not key.startswith("side:") and "#" in key:
            by_key.setdefault(key, []).append(block)
    out: set[str] = set()
    for key, blocks in by_key.items():
        if len(blocks) < repeats or len({b.text for b in blocks}) < 2:
            continue
        face = blocks[0]
        body = [
            b for b in numbered_in_body.get(_norm(face.text), ())
            if b.bold == face.bold and abs(b.size - face.size) <= 0.1 * face.size
        ]
        if len(body) >= len(blocks):
            out.add(key)
    return out


#: A page number set apart from the text lies within this share of the page from its edge.
PAGE_NUMBER_BAND = 0.2


def _page_number_apart(block: Block, ends: _PageEnds, page: Page, pages: int) -> bool:
    """A lone page number just inside the margin band (LaTeX sets its folio lower than most
    running footers reach): a number alone on one line, the last thing at the foot of the
    page or the first at its head, set apart from everything else by a line's height at
    least. Outside the band it is no running text, so it needs no other page to repeat on;
    so it must be a number the document's ``pages`` can reach (a title page's "1854" at its
    foot is the year it was printed)."""
    found = _PAGE_NUMBER.match(block.text.strip())
    if len(block.frags) != 1 or not found:
        return False
    if _folio_value(found.group(1)) > pages:
        return False
    y0, y1 = block.y0 - page.y0, block.y1 - page.y0
    at_foot = y1 < PAGE_NUMBER_BAND * page.height
    if not at_foot and y0 <= (1 - PAGE_NUMBER_BAND) * page.height:
        return False
    line = block.frags[0].height
    if at_foot:
        lowest = ends.lowest_bottom_besides(block)
        return lowest is not None and lowest >= block.y1 + line
    highest = ends.highest_top_besides(block)
    return highest is not None and highest <= block.y0 - line


class _PageEnds:
    """The lowest bottom and the highest top of a page's blocks but one: asked of each
    number-like line outside the margin bands (a page of thousands of scattered letters has
    thousands of Roman "i"s and "v"s), a scan of the page per line was quadratic. The two
    lowest bottoms and the two highest tops, of different blocks: the extreme of the others
    is one of them."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        # (A NaN orders nothing: such a page is scanned, as before.)
        self.ordered = not any(math.isnan(b.y0) or math.isnan(b.y1) for b in blocks)
        self.bottoms = _two_least(blocks, lambda b: b.y0)
        self.tops = _two_least(blocks, lambda b: -b.y1)

    def lowest_bottom_besides(self, block: Block) -> float | None:
        """``min(other.y0)`` over the other blocks; None when there is none."""
        if not self.ordered:
            return _extreme([b.y0 for b in self.blocks if b is not block], min)
        least = _least_besides(self.bottoms, block)
        return None if least is None else least.y0

    def highest_top_besides(self, block: Block) -> float | None:
        """``max(other.y1)`` over the other blocks; None when there is none."""
        if not self.ordered:
            return _extreme([b.y1 for b in self.blocks if b is not block], max)
        least = _least_besides(self.tops, block)
        return None if least is None else least.y1


def _extreme(values: list[float], pick: Callable[[list[float]], float]) -> float | None:
    """``pick`` of ``values`` (None when there are none), NaN when one is NaN: compared
    with anything it is false, as one of the values compared one by one would be."""
    if any(math.isnan(v) for v in values):
        return math.nan
    return pick(values) if values else None


def _two_least(blocks: list[Block], key: Callable[[Block], float]) -> list[Block]:
    """The block of least ``key`` and the least of the others (a block listed twice is still
    one block): fewer when there are fewer blocks."""
    first: Block | None = None
    second: Block | None = None
    for b in blocks:
        if b is first or b is second:
            continue
        if first is None or key(b) < key(first):
            first, second = b, first
        elif second is None or key(b) < key(second):
            second = b
    return [b for b in (first, second) if b is not None]


def _least_besides(least: list[Block], block: Block) -> Block | None:
    return next((b for b in least if b is not block), None)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def _folio_value(folio: str) -> int:
    """The number a page number says, in figures or in Roman numerals ("xiv": 14)."""
    if folio.isdigit():
        return int(folio)
    values = [_ROMAN_VALUES[ch] for ch in folio.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _drop_set_in_body(
    doc: Document,
    results: list[PageResult],
    candidates: list[tuple[Block, str, bool]],
    seen: Counter[str],
    repeats: int,
) -> list[tuple[Block, str, bool]]:
    """The candidates less the margin-band pieces set in the body's text (a matrix entry of
    a formula reaching into the band), which ``seen`` stops counting: the same letter may
    come back at that height on a few pages by chance, but running headers and footers sit
    apart from the body's lines."""
    margin = {id(b): key for b, key, _ in candidates if not key.startswith("side:")}
    unrepeated = {id(b) for b, key, _ in candidates if id(b) in margin and seen[key] < repeats}
    dropped: set[int] = set()
    for result, page in zip(results, doc.pages, strict=True):
        asked = [
            block for block in result.blocks
            if id(block) in margin and id(block) not in unrepeated
        ]
        if not asked:
            continue  # (a page with no repeated margin line: nothing to look at)
        band = MARGIN_BAND * page.height
        lines = _body_boxes(result.blocks, page.y0, page.height, band)
        # Text in the band that does not repeat is the body's too ("und" over a formula).
        boxes = lines + [b for b in result.blocks if id(b) in unrepeated]
        ruled_off = _under_header_rule(result, page, band)
        by_height = _ByHeight(lines), _ByHeight(boxes)
        for block in asked:
            if _set_in_body(block, *by_height) or id(block) in ruled_off:
                dropped.add(id(block))
                seen[margin[id(block)]] -= 1
    return [c for c in candidates if id(c[0]) not in dropped]


def _body_boxes(blocks: list[Block], page_y0: float, height: float, band: float) -> list[Block]:
    """The text blocks of a page that do not lie wholly in its top or bottom margin band:
    the body's text, even where it reaches into a band. (Not figures: a slide's background
    or a picture bleeding off the page is drawn under its running footer.) A form's labels
    beside their fields are the body's wherever they stand (a form's last rows reach into
    the band)."""
    return [
        b for b in blocks
        if b.artifact is None and b.kind == "text"
        and (b.labels_field or (b.y1 - page_y0 >= band and b.y0 - page_y0 <= height - band))
    ]


def _set_in_body(block: Block, lines: _ByHeight, boxes: _ByHeight) -> bool:
    """Whether a margin-band block is set inside one of the body's ``boxes``, or, being a
    single letter, on one of its ``lines`` (those reaching out of the band): a letter beside
    body text is a variable of it; or on the row of a form's label."""
    letter = len(block.text.strip()) == 1 and block.text.strip().isalpha()
    if letter and any(
        other is not block and _same_line(block, other) for other in lines.beside(block)
    ):
        return True
    # (So is one on the row of a form's label beside its field: the form's next label.)
    return any(
        other is not block and _same_line(block, other)
        and ((block.x0 < other.x1 and other.x0 < block.x1) or other.labels_field)
        for other in boxes.beside(block)
    )


class _ByHeight:
    """A page's blocks by their bottoms, to find those that may share some of a block's
    height (every other one of ``_same_line(block, other)``) without a scan of the page:
    asked of every repeated line in the margin bands, the scans were quadratic on pages of
    thousands of one-letter blocks (minutes). The blocks no taller than a few times the
    usual are looked up by their bottoms; the taller ones (a few paragraphs) always come."""

    #: A block taller than this many times the median height is looked at for every block.
    TALL = 4.0
    #: Coordinates beyond this (a damaged page) are not looked up: every block comes.
    FAR = 1e9

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.indexed = bool(blocks) and all(
            abs(b.y0) <= self.FAR and abs(b.y1) <= self.FAR for b in blocks  # (not NaN)
        )
        if not self.indexed:
            return
        heights = sorted(b.y1 - b.y0 for b in blocks)
        self.tallest = max(self.TALL * heights[len(heights) // 2], 0.0)
        low = [b for b in blocks if 0.0 <= b.y1 - b.y0 <= self.tallest]
        low.sort(key=lambda b: b.y0)
        self.low = low
        self.bottoms = [b.y0 for b in low]
        self.tall = [b for b in blocks if not 0.0 <= b.y1 - b.y0 <= self.tallest]

    def beside(self, block: Block) -> list[Block]:
        """The blocks among which are all that share more than nothing of ``block``'s height
        (``other.y0 < block.y1 and block.y0 < other.y1``), and a few more."""
        if not self.indexed or not 0.0 <= block.y1 - block.y0 <= self.FAR:
            return self.blocks
        # (A low block reaching up to the block's bottom starts no lower than its height
        # below it: twice that and a point more leave room for any rounding.)
        start = bisect.bisect_right(self.bottoms, block.y0 - 2 * self.tallest - 1.0)
        end = bisect.bisect_left(self.bottoms, block.y1)
        return [*self.low[start:end], *self.tall]


def _under_header_rule(result: PageResult, page: Page, band: float) -> set[int]:
    """Ids of the top-band text blocks under the page's header rule: a free rule across the
    page in the band with text of the band over it, the running head it underlines. The
    template's rule sets its furniture off from the body, so what stands under it is the
    body's, however often it comes back at that place (an exercises section's heading
    opening a page in every chapter)."""
    top = page.y0 + page.height - band
    texts = [b for b in result.blocks if b.kind == "text" and b.artifact is None]
    out: set[int] = set()
    for rule in result.level_rules:
        # (The running head's descenders may reach down to its rule: its middle is over it.)
        if rule.y0 < top or not any((b.y0 + b.y1) / 2 > rule.y1 for b in texts):
            continue
        out.update(
            id(b) for b in texts
            if top < b.y0 and b.y1 <= rule.y0 and rule.x0 <= b.x0 and b.x1 <= rule.x1
        )
    return out


def _same_line(block: Block, other: Block) -> bool:
    """Whether ``other`` spans more than half of ``block``'s height."""
    overlap = min(block.y1, other.y1) - max(block.y0, other.y0)
    return overlap > 0.5 * (block.y1 - block.y0)


def _in_running_rows(
    candidates: list[tuple[Block, str, bool]], found: dict[int, Any], most: int
) -> dict[int, Any]:
    """Lines in the margin row where most pages print their running header or footer, in no
    larger a face: the running title of a short section ("5.3. GAUSS-KRÜMMUNG" over the two
    pages of section 5.3) repeats too few times to be found by its text, but it is printed
    where the other sections' titles are."""
    sizes: dict[str, list[float]] = {}
    for block, key, _ in candidates:
        if found.get(id(block)) in ("header", "footer"):
            sizes.setdefault(_margin_row(key), []).append(block.size)
    rows = {row: sorted(s)[len(s) // 2] for row, s in sizes.items() if len(s) >= most}
    out: dict[int, Any] = {}
    for block, key, _ in candidates:
        size = rows.get(_margin_row(key))
        if id(block) not in found and size is not None and block.size <= 1.2 * size:
            out[id(block)] = "header" if key.startswith("top") else "footer"
    return out


def _margin_row(key: str) -> str:
    """``top:135`` of a running-text key ``top:135:text`` (the place and height it is at)."""
    place, height, _ = key.split(":", 2)
    return f"{place}:{height}"


def _repeated_texts(body: list[Block], body_size: float) -> set[str]:
    """Heading-like texts printed three times or more: running titles on pages of a long
    table, chart legends, repeated labels. A heading names one section."""
    candidates = [b for b in body if _heading_candidate(b, b.text, body_size)]
    counts = Counter(title_key(b.text) for b in candidates)
    return {
        key for key, n in counts.items()
        if (n >= 3 or n == 2 and _twice_on_a_page(candidates, key))
        and not _reused_section_name(candidates, key)
    }


def _twice_on_a_page(candidates: list[Block], key: str) -> bool:
    """Whether two heading-like lines reading ``key`` are on one page in one face: the
    titles of two boxes or panels alike (a quoted vision "before" and "after"), labels; a
    section is headed once. (A contents entry on the page of its heading is set smaller;
    two sections' parts of one name have a heading between them: see
    :func:`_reused_section_name`.)"""
    seen: set[tuple[int, float, bool]] = set()
    for b in candidates:
        if title_key(b.text) == key:
            place = (b.page, round(b.size), b.bold)
            if place in seen:
                return True
            seen.add(place)
    return False


def _reused_section_name(candidates: list[Block], key: str) -> bool:
    """Whether every two lines reading ``key`` have another heading, in a face no smaller,
    between them: the same name for a part of several sections ("Programs to use" under each
    method), not a running title or a label repeated page after page."""
    places = [k for k, b in enumerate(candidates) if title_key(b.text) == key]
    size = min(candidates[k].size for k in places)
    return all(
        any(b.size >= 0.95 * size and title_key(b.text) != key for b in candidates[a + 1:z])
        for a, z in zip(places, places[1:], strict=False)
    )


def _heading_styles(body: list[Block], body_size: float) -> dict[tuple[float, bool], int]:
    styles: Counter[tuple[float, bool]] = Counter()
    for b in body:
        # (A letter alone makes no face a heading's: a letter drawn large in a figure's
        # placeholder heads nothing. It heads a section in a face other headings are set in.)
        if len(b.text) > 1 and _heading_candidate(b, b.text, body_size):
            styles[(round(b.size), b.bold)] += 1
    ordered = sorted(styles, key=lambda s: (-s[0], not s[1]))
    # (Not capped at 6: these are ranks among every face a heading may be set in, many of
    # which head nothing in the end; the levels are numbered and capped once the headings
    # are known, see _normalise_levels. Capped here, the faces past the sixth would be one
    # level, and a run-in heading under the sixth its sibling.)
    return {style: i + 1 for i, style in enumerate(ordered)}


def _outline_faces(
    body: list[Block], outline: dict[str, int], body_size: float
) -> dict[tuple[float, bool], int]:
    """The bookmarks' level of each face of unnumbered headings they name: a heading the
    outline leaves out ("Keywords" set like "Abstract", which has a bookmark) takes the level
    of its face's bookmarked headings, not a level of its own below them. Numbered headings
    are left out: a face may serve a numbered level and an unnumbered one below it
    ("3.3.1 Scope", then "Keep it simple" in the same face, one level down). A face the
    outline names few of its lines in (:data:`OUTLINED_SHARE`) is no face of the outline's
    headings: it is the text's bold, which a bookmarked line happens to be set in too
    (lecture notes' "Definition 1", "Beispiel 2" over their text, hundreds of them, beside
    one bookmarked "Übungsaufgaben")."""
    levels: dict[tuple[float, bool], Counter[int]] = {}
    for b in body if outline else ():
        level = outline.get(title_key(b.text))
        if level and not NUMBERED.match(b.text) and _heading_candidate(b, b.text, body_size):
            levels.setdefault((round(b.size), b.bold), Counter())[level] += 1
    # (The lines of those faces only are asked whether they may be headings: most of the
    # text is set in none of them.)
    lines: Counter[tuple[float, bool]] = Counter()
    for b in body if levels else ():
        face = (round(b.size), b.bold)
        if (
            face in levels and not NUMBERED.match(b.text)
            and _heading_candidate(b, b.text, body_size)
        ):
            lines[face] += 1
    return {
        face: counts.most_common(1)[0][0] for face, counts in levels.items()
        if counts.total() >= OUTLINED_SHARE * lines[face]
    }


#: Share of a face's heading-like lines the outline must name for the face to be its
#: headings' (see :func:`_outline_faces`).
OUTLINED_SHARE = 0.2


#: Words a section title set in the body's face may have at most (a numbered clause of
#: running text is a sentence or more).
SUBSECTION_WORDS = 10


def _numbered_subsections(doc: Document) -> None:
    """A short paragraph numbered as the next section after a numbered heading ("3.1.1
    Logical view" under "3.1 LRS model", then "3.1.2 …", then "3.2 …") is that section's
    heading, though set in the body's face: documents often mark their deepest levels by the
    number alone. The numbering must go on in sequence from the last numbered heading (its
    first subsection, or the next section at its level or one above); a decimal opening a
    sentence ("2.5 million people …") does not, and a clause of running text is longer than a
    title and ends as a sentence. A numbered line said again further on is a table of
    contents' entry (a web page's list of links to its sections, with no page numbers), the
    section's heading being the line said last."""
    levels: dict[tuple[int, ...], int] = {}  # the numbered headings so far, and their levels
    last: tuple[int, ...] | None = None
    said_last = {
        title_key(b.text): at for at, b in enumerate(doc.blocks)
        if isinstance(b, Heading | Paragraph) and NUMBERED.match(b.text)
    }
    for at, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            if match := NUMBERED.match(block.text):
                last = tuple(int(n) for n in match.group(1).split("."))
                levels[last] = block.level
            continue
        if last is None or not isinstance(block, Paragraph) or block.preformatted:
            continue  # (a listing's numbered lines are its own: no section's title)
        match = NUMBERED.match(block.text)
        if (
            match is None
            or word_count(block.text) > SUBSECTION_WORDS
            or block.text.rstrip().endswith((".", ":", ";", ","))
            or said_last[title_key(block.text)] > at
        ):
            continue
        number = tuple(int(n) for n in match.group(1).split("."))
        if len(number) < 2:
            continue
        if number == (*last, 1):
            level = levels[last] + 1  # (capped once levels are numbered: see above)
        elif len(number) <= len(last) and number[:-1] == last[: len(number) - 1] and \
                number[-1] == last[len(number) - 1] + 1:
            level = levels.get(last[: len(number)], levels[last])
        else:
            continue
        doc.blocks[at] = Heading(block.text, level, block.prov, block.links)
        last = number
        levels[number] = level


#: A section numbered in Roman numerals ("IV. Evaluation") or lettered ("B. Maximum").
ROMAN_SECTION = re.compile(r"^([IVX]{1,5})\.\s+\S")
LETTER_SECTION = re.compile(r"^([A-H])\.\s+\S")
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _roman_value(numeral: str) -> int:
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _lettered_sections(doc: Document) -> None:
    """Sections numbered I., II., III. … in order through the document, each a short line of
    its own with running text between them, are its sections, and A., B., C. … in order under
    each its subsections, though set in the body's size (papers, court decisions: centred
    small capitals, italics). A list numbered so has its items one after the other; a single
    "I." or a lettered line without Roman sections above it decides nothing, nor does a line
    out of sequence (an author's footnote "D. Megías is with …" under section I)."""
    romans: list[tuple[int, int]] = []  # (index in doc.blocks, value)
    for at, block in enumerate(doc.blocks):
        line = _title_line(block)
        if line is not None and (match := ROMAN_SECTION.match(line.text)):
            value = _roman_value(match.group(1))
            if value > (romans[-1][1] if romans else 0) and (romans or value == 1):
                romans.append((at, value))
    apart = all(b - a > 1 for (a, _), (b, _) in zip(romans, romans[1:], strict=False))
    if len(romans) < 3 or not apart:
        _lettered_without_roman(doc)
        return
    sections = [at for at, _ in romans]
    for k, at in enumerate(sections):
        _make_heading(doc, at, 1)
        end = sections[k + 1] if k + 1 < len(sections) else len(doc.blocks)
        letter, last = "A", at
        for inner in range(at + 1, end):
            if isinstance(doc.blocks[inner], Heading):
                break  # another part of the document ("References")
            line = _title_line(doc.blocks[inner])
            match = LETTER_SECTION.match(line.text) if line is not None else None
            if match is None or match.group(1) != letter or (inner == last + 1 and last != at):
                continue
            _make_heading(doc, inner, 2)
            letter, last = chr(ord(match.group(1)) + 1), inner


def _lettered_without_roman(doc: Document) -> None:
    """Lines lettered A., B., C. … in order, three or more, each a short line of its own with
    text between them, and no heading among them, are the sections of the heading above them
    (one level below it), or of the document (a form's or a checklist's parts, "A. SLEEP
    ENVIRONMENT", "B. SLEEP RITUALS"). Letters one under the other are a list's items."""
    runs: list[list[int]] = []
    run: list[int] = []
    for at, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            runs.append(run)
            run = []
            continue
        line = _title_line(block)
        match = LETTER_SECTION.match(line.text) if line is not None else None
        if match is None:
            continue
        letter = match.group(1)
        if letter == "A":
            runs.append(run)
            run = [at]
        elif run and letter == chr(ord(_letter_of(doc, run[-1])) + 1) and at > run[-1] + 1:
            run.append(at)
    runs.append(run)
    for found in runs:
        if len(found) < 3:
            continue
        above = [b for b in doc.blocks[: found[0]] if isinstance(b, Heading)]
        level = above[-1].level + 1 if above else 1
        for at in found:
            _make_heading(doc, at, level)


def _letter_of(doc: Document, at: int) -> str:
    block = doc.blocks[at]
    assert isinstance(block, Paragraph)
    return block.text.lstrip()[0]


def _title_line(block: object) -> Paragraph | None:
    """``block`` if it is a paragraph short enough to title a section and not a sentence."""
    # (Asked of every paragraph, twice: the words are counted last, when the cheaper tests
    # leave the answer open.)
    if (
        isinstance(block, Paragraph)
        and not block.preformatted  # (a listing titles no section)
        and not block.text.rstrip().endswith((".", ":", ";", ",", "-"))
        and block.text.count(",") <= 1  # (a reference: "A. Curtis, “Now then,” BBC, 2014")
        and word_count(block.text) <= SUBSECTION_WORDS
    ):
        return block
    return None


def _numbered_heads_left(doc: Document, lines: set[int], *, under_title: bool = False) -> None:
    """The numbered headings' lines (see :mod:`.numbered_heads`) that neither the heading
    rules nor the numbering in sequence made headings (a paper's one Roman section among
    others of another face): headings all the same, a level for each number under "1." or
    "I.", a letter's that of the lettered heading before it ("B." after "A."), or one below
    the heading above it.

    ``under_title`` (a page a browser printed): the numbers count from below the headings
    before the first of them, not from the top. In HTML a title set apart above sections
    numbered in the body's face is the page's h1 over their h2, not the first of them."""
    first = next((at for at, b in enumerate(doc.blocks) if id(b) in lines), None)
    above = [
        b.level for b in doc.blocks[:first] if isinstance(b, Heading)
    ] if under_title and first is not None else []
    base = min(above, default=0)
    last: Heading | None = None
    for at, block in enumerate(doc.blocks):
        if isinstance(block, Heading):
            last = block
        if not isinstance(block, Paragraph) or id(block) not in lines:
            continue
        label = block.text.split(None, 1)[0].rstrip(".")
        if label[:1].isdigit():
            level = base + label.count(".") + 1
        elif set(label) <= set(_ROMAN):
            level = base + 1
        elif last is not None and LETTER_SECTION.match(last.text):
            level = last.level
        else:
            level = last.level + 1 if last is not None else 1
        last = Heading(block.text, level, block.prov, block.links)
        doc.blocks[at] = last


def _make_heading(doc: Document, at: int, level: int) -> None:
    block = doc.blocks[at]
    assert isinstance(block, Paragraph)
    doc.blocks[at] = Heading(block.text, level, block.prov, block.links)


#: A document with this many form fields or more is a form (its pages with fields its pages).
FORM_FIELDS = 10


def _form_parts(doc: Document, fields: dict[int, list[BBox]]) -> None:
    """On a form's pages, the headings after its title are its parts, all one level below the
    title: a form's boxes sit side by side, and the face of each box's label is chosen to fit
    its box ("Sign Here" as large as the title, "Presidential Election Campaign" in a narrow
    box set small), not to nest one part in another."""
    if sum(len(boxes) for boxes in fields.values()) < FORM_FIELDS:
        return
    form_pages = {page for page, boxes in fields.items() if boxes}
    heads = [
        b for b in doc.blocks
        if isinstance(b, Heading) and b.prov and b.prov[0].page in form_pages
    ]
    if len(heads) < 2:
        return
    first_page = heads[0].prov[0].page
    title = min((h for h in heads if h.prov[0].page == first_page), key=lambda h: h.level)
    for h in heads:
        if h is not title:
            h.level = title.level + 1


def _normalise_levels(
    doc: Document,
    outline: dict[str, int] | None = None,
    faces: dict[int, tuple[float, bool]] | None = None,
    *,
    browser: bool = False,
) -> None:
    """Section numbers decide levels where headings have them ("3.2.1" is one below "3.2";
    versions listed newest first are none, see :mod:`.section_numbers`);
    then levels are renumbered 1, 2, 3… in order, and closed up so that none is skipped
    going down (:func:`.part_levels.close_up_levels`).

    Numbered sections that start at 1 are the top level of the document: a title set larger
    above them (and whatever else heads the document before the first of them: a cover, its
    publisher, a revision history) is no level above theirs but the first heading of that
    level. So is a heading in a larger face among the sections that no other heading shares
    (a label of a diagram, an appendix). Parts or chapters, a larger face that heads several
    of the sections, keep their level above them.

    Not so on a page a browser printed (``browser``): in HTML the face is the level's, and
    a title set larger than the numbered sections is the page's h1 over their h2 (the
    numbers a style sheet's counters or the source's own), a level above them."""
    heads = [b for b in doc.blocks if isinstance(b, Heading)]
    if not outline and faces:
        _one_offs_among_siblings(heads, faces)
        series_after_series(heads, faces)
        heads_of_what_follows(doc, faces)
        title_over_larger_sections(doc, heads, faces)
        repeats_of_the_title(doc, heads)
    numbered = section_numbered(heads)
    if len(numbered) >= 3 and len({depth for _, depth in numbered}) > 1:
        shallowest = min(depth for _, depth in numbered)
        numbered_levels = {h.level for h, depth in numbered if depth == shallowest}
        base = min(numbered_levels)
        for h, depth in numbered:
            # (Not capped at 6 yet: a cover's levels above may be dropped below.)
            h.level = base + depth - shallowest
    if numbered and not browser:
        _sections_at_the_top(heads, numbered, outline or {})
    used = sorted({h.level for h in heads})
    rank = {level: i + 1 for i, level in enumerate(used)}
    for h in heads:
        h.level = min(rank[h.level], 6)
    close_up_levels(heads)


#: Headings of one face at least, for them to be a level of sections a one-off face among
#: them does not break.
SIBLING_SECTIONS = 3


def _one_offs_among_siblings(
    heads: list[Heading], faces: dict[int, tuple[float, bool]]
) -> None:
    """A heading in a face no other heading uses, between unnumbered headings of one face
    shared by several (a callout set large, a stray label, a one-off line in a display
    face), takes their level: one face is one level, so it cannot be above the sections
    after it and beside those before it. (The document's first heading, its title, has
    none before it, so it keeps its level.) ``faces``: the face of each heading set as one;
    headings made of body text for their numbers or letters have none and are passed by."""
    placed = [h for h in heads if id(h) in faces]
    uses = Counter(faces[id(h)] for h in placed)

    def neighbour(at: int, step: int) -> Heading | None:
        at += step
        while 0 <= at < len(placed) and uses[faces[id(placed[at])]] == 1:
            at += step
        return placed[at] if 0 <= at < len(placed) else None

    for at, h in enumerate(placed):
        if uses[faces[id(h)]] != 1 or NUMBERED.match(h.text):
            continue
        before, after = neighbour(at, -1), neighbour(at, 1)
        if (
            before is not None and after is not None
            and faces[id(before)] == faces[id(after)]
            and uses[faces[id(before)]] >= SIBLING_SECTIONS
            and before.level == after.level > h.level
            and not NUMBERED.match(before.text) and not NUMBERED.match(after.text)
        ):
            h.level = before.level


def _sections_at_the_top(
    heads: list[Heading], numbered: list[tuple[Heading, int]], outline: dict[str, int]
) -> None:
    """Headings above the top numbered sections take their level, unless they are parts or
    chapters (see :func:`_normalise_levels`), or the outline puts them there."""
    shallowest = min(depth for _, depth in numbered)
    top = [h for h, depth in numbered if depth == shallowest]
    first = NUMBERED.match(top[0].text)
    if first is None or first.group(1).split(".")[-1] != "1":
        return
    top_level = min(h.level for h in top)
    start = heads.index(numbered[0][0])
    if _sequence_within(heads, top, top_level, start):
        return
    above = [h for h in heads if h.level < top_level]
    if not above or any(title_key(h.text) in outline for h in above):
        return
    if _chapter_of(above, top):
        return
    after = Counter(h.level for h in heads[start:] if h.level < top_level)
    structural = {
        level for level in after
        if sum(h.level == level for h in heads) >= 2
    }
    if structural:
        return
    for h in above:
        h.level = top_level


#: Unnumbered headings of the numbered run's level before it, at least, for a run set on one
#: page to be a sequence within the document (a paper's "Abstract" before "1 Introduction"
#: is one).
UNNUMBERED_BEFORE = 2


def _sequence_within(
    heads: list[Heading], top: list[Heading], top_level: int, start: int
) -> bool:
    """Whether the numbered run ``top`` (from ``heads[start]``) is a sequence within the
    document rather than the sections dividing it: set on one page of a document headed on
    several, after unnumbered sections of its own level (a strategy's pillars drawn in a
    figure, a procedure's steps). The title above it then keeps its rank."""
    pages = {p.page for h in heads for p in h.prov}
    if len(pages) < 2 or len({p.page for h in top for p in h.prov}) != 1:
        return False
    before = [
        h for h in heads[:start] if h.level == top_level and not NUMBERED.match(h.text)
    ]
    return len(before) >= UNNUMBERED_BEFORE


def _chapter_of(above: list[Heading], top: list[Heading]) -> bool:
    """Whether the top numbered sections are numbered under one of the headings above them
    ("6.1", "6.2" … under "CHAPTER 6 – An overview"): that heading bears the number they all
    open with, so it is their chapter, not a title beside them. (A chapter's sections under
    a title that bears no number, "3.1" … under "How to make accessible documents", are the
    document's top level: the chapter is the document.)"""
    prefixes = set()
    for h in top:
        match = NUMBERED.match(h.text)
        if match is None or "." not in match.group(1).rstrip("."):
            return False
        prefixes.add(match.group(1).split(".")[0])
    if len(prefixes) != 1:
        return False
    number = re.compile(rf"(?<![\w.]){prefixes.pop()}(?!\w|\.\d)")
    return any(number.search(h.text) for h in above)


#: Words a heading run into its paragraph may have at most.
RUN_IN_WORDS = 12


def _run_in_title(block: Block, places: dict[str, dict[int, int]]) -> str | None:
    """The title of a bookmark leading to this page that the paragraph opens with, set in
    bold and run into its text ("Multiple Choice: Check your understanding…"): that section's
    heading. None when the paragraph opens with no such title, or it is not set apart."""
    if not places:
        return None
    # Only the first RUN_IN_WORDS words are looked at: split no further (a paragraph's whole
    # text was split for each). With that many splits the first RUN_IN_WORDS pieces are the
    # words themselves, and there are as many pieces as words up to RUN_IN_WORDS + 1 (the
    # last piece is the rest of the text), so the range below is the same.
    words = block.text.split(maxsplit=RUN_IN_WORDS)
    # (The prefixes' keys worked out one from the last, not each from its whole text.)
    keys = prefix_title_keys(words[:RUN_IN_WORDS])
    for n, key in zip(range(1, min(len(words), RUN_IN_WORDS + 1)), keys, strict=False):
        pages = places.get(key)
        if not pages or block.page not in pages:
            continue
        title = " ".join(words[:n])
        glyphs = [g for f in block.frags for g in f.glyphs if g.char.isalnum()]
        letters = sum(ch.isalnum() for ch in title)
        head, rest = glyphs[:letters], glyphs[letters:]
        if head and rest and all(g.bold for g in head) and not all(g.bold for g in rest):
            return title
        return None
    return None


#: Words a run-in heading ending in a full stop may have (a bold sentence opening a
#: paragraph is longer).
RUN_IN_HEADING_WORDS = 6


def _run_in_heading(block: Block) -> str | None:
    """A title in bold closed by a full stop that opens a paragraph of running text in a
    regular face ("Problems of Undernutrition. If undernutrition is…"): the run-in heading of
    the deepest level of many books and papers (APA's fourth level). Two words or more, from
    a capital, no figures (a list's "1." or a clause's "Section 3."), and text going on after
    it; a label closed by a colon ("Proposition: …") introduces its paragraph, it heads none."""
    opening = next((g for f in block.frags for g in f.glyphs if g.char.isalnum()), None)
    if opening is None or not opening.bold:
        return None  # (most paragraphs: the full test below walks every glyph)
    words = block.text.split()
    glyphs = [g for f in block.frags for g in f.glyphs if g.char.isalnum()]
    letters = 0
    for n, word in enumerate(words[:RUN_IN_HEADING_WORDS], start=1):
        letters += sum(ch.isalnum() for ch in word)
        head = glyphs[:letters]
        # (The rest's length without cutting it off: it is cut once, at the full stop.)
        if not head or not all(g.bold for g in head) or len(glyphs) - letters < 10:
            return None
        if word.endswith(".") and not word.endswith(".."):
            rest = glyphs[letters:]
            title = " ".join(words[:n])
            regular = sum(not g.bold for g in rest) > 0.8 * len(rest)
            if (
                n >= 2
                and regular
                and _stop_in_bold(block, title)
                and not rest[0].bold
                and title[0].isupper()
                and not any(ch.isdigit() for ch in title)
            ):
                return title
            return None
    return None


def _stop_in_bold(block: Block, title: str) -> bool:
    """The full stop closing ``title`` at the start of the block is set in bold with it: a
    run-in heading's own stop, not a sentence's ending after a bold name ("… in the
    **Federal Register**. The FAA will …")."""
    marks = [g for f in block.frags for g in f.glyphs if not g.char.isspace()]
    at = sum(not ch.isspace() for ch in title) - 1
    return 0 <= at < len(marks) and marks[at].char == "." and marks[at].bold


def _below_last_heading(doc: Document, run_in_heads: set[int]) -> int:
    """One level below the last heading so far (a run-in heading is the deepest level), or
    the level of the last one if it was run in too: the two are siblings."""
    last = next((b for b in reversed(doc.blocks) if isinstance(b, Heading)), None)
    if last is None:
        return 1
    return last.level if id(last) in run_in_heads else last.level + 1


#: How far under a heading's line its next line may start, in the letters' height.
WRAPPED_HEADING_GAP = 0.8


def _wrapped_heading(above: Block, below: Block) -> bool:
    """``below`` is the rest of the heading ``above``, wrapped onto the next line but read as
    a block of its own (the page cut into regions between the two lines): the same face,
    right under it, across the same width, and going on in small letters ("What are the
    claimed" / "advantages"). Right under it as a title's lines are set, the leading a word
    processor gives a heading's style included (one and a half lines: a gap of 0.7 of the
    letters' height)."""
    height = max((f.height for f in below.frags), default=1.0)
    return (
        above.page == below.page
        and round(above.size) == round(below.size)
        and above.bold == below.bold
        and -0.2 * height < above.y0 - below.y1 < WRAPPED_HEADING_GAP * height
        and x_overlap(above, below) > 0
        and below.text[:1].islower()
    )


def _subtitle(above: Block, below: Block, title: str) -> bool:
    """``below`` completes the heading ``above`` (``title``), which ends in a colon: its
    subtitle, set right under it from the same left edge in the same weight, a size smaller
    ("Physical Development:" / "The Brain, Body, Motor Skills, and Sexual Development").
    A title announcing what follows it is one heading with it, not a section holding it."""
    height = max((f.height for f in below.frags), default=1.0)
    # Against the title's last line (a chapter's number set large beside the title is in
    # the same block and reaches lower).
    end = above.frags[-1]
    start = min(f.x0 for f in above.frags
                if f.y1 > end.y0 and f.y0 < end.y1 and f.height < 1.6 * end.height)
    return (
        title.endswith(":")
        and above.page == below.page
        and above.bold == below.bold
        and below.size < above.size
        and -0.2 * height < end.y0 - below.y1 < 0.5 * height
        and abs(start - below.x0) < 0.5 * height
    )


#: How far under a line the next line of its paragraph may start, in line heights (a
#: paragraph set with wide leading; the gap between paragraphs is wider).
PARAGRAPH_LEADING = 1.5
#: What a sentence, not a title, ends with.
_SENTENCE_END = (".", "。", "．")


def _bold_paragraph_lines(results: list[PageResult], body_size: float) -> set[int]:
    """The lines of paragraphs set in bold and read as blocks of their own, one per line
    (wide leading): each reaches as far right as the line under it, in the same face, and
    the last ends a sentence ("公司董事会……保证季度报告内容的真" / "实、准确、完整，……承担个别和"
    / "连带的法律责任。"). A line of such a paragraph looks like a heading alone (short, in
    bold, no stop at its end); a heading's own lines do not run on to a sentence's stop."""
    out: set[int] = set()
    for result in results:
        blocks = [b for b in result.blocks if b.kind == "text"]
        at = 0
        while at < len(blocks):
            chain = [blocks[at]]
            if len(chain[0].frags) != 1 or not _heading_candidate(
                chain[0], chain[0].text, body_size
            ):
                at += 1
                continue  # (most lines: a paragraph's lines are followed from a heading-like one)
            while at + len(chain) < len(blocks) and _next_line_of_paragraph(
                chain[-1], blocks[at + len(chain)], chain[0]
            ):
                chain.append(blocks[at + len(chain)])
            end = chain[-1].text.rstrip()
            if len(chain) > 1 and end.endswith(_SENTENCE_END) and not end.endswith(".."):
                out |= {id(b) for b in chain}
            at += len(chain)
    return out


def _next_line_of_paragraph(above: Block, below: Block, first: Block) -> bool:
    """``below`` goes on with the paragraph whose line ``above`` is (opened by ``first``):
    in the same face, right under it at no more than a wide leading, from about the same
    left edge (a first line may be indented), and ``above`` reaches as far right as it: a
    paragraph's lines are full but its last."""
    if len(above.frags) != 1 or below.y1 > above.y0 or below.bold != first.bold:
        return False
    height = max((f.height for f in below.frags), default=1.0)
    return (
        round(below.size) == round(first.size)
        and above.y0 - below.y1 < PARAGRAPH_LEADING * height
        and abs(above.x0 - below.x0) < 3 * height
        and above.x1 >= below.x1 - 0.5 * height
    )


def _opens_longer_text(block: Block, below: Block | None, body_size: float) -> bool:
    """The line read next, right under ``block`` from its left edge, carries its sentence on
    in small letters in the same face, and is no heading's line itself ("**Summary of all
    involvement … by the child's parents**" / "**five years:** (Does not include …)"): the
    block is the first line of a longer label or a paragraph opened in bold, cut from it. (A
    heading wrapped onto a second line is read whole: see :func:`_wrapped_heading`.)"""
    if below is None or below.kind != "text" or below.page != block.page:
        return False
    opening = next((g for f in below.frags for g in f.glyphs if not g.char.isspace()), None)
    if opening is None or not opening.char.islower():
        return False
    height = max((f.height for f in below.frags), default=1.0)
    return (
        opening.bold == block.bold
        and round(opening.size) == round(block.size)
        and -0.2 * height < block.y0 - below.y1 < 0.5 * height
        and abs(block.x0 - below.x0) < 0.5 * height
        and not _heading_candidate(below, below.text, body_size)
    )


def _heading_candidate(block: Block, text: str, body_size: float) -> bool:
    """Whether the block (read as ``text``) looks like a heading in a document whose body is
    set in ``body_size``. Kept with what it was judged from (the fragment list, its length,
    the text, the body size): classification asks it of the same block in each of its passes."""
    # (Unpacked at once: the same blocks are asked tens of thousands of times a document.)
    frags, cached = block.frags, block.heading_cache
    if cached is not None:
        of, count, judged_text, judged_size, verdict = cached
        if (
            of is frags and count == len(frags) and judged_text == text
            and judged_size == body_size
        ):
            return verdict  # type: ignore[return-value]
    verdict = _judge_heading_candidate(block, text, body_size)
    block.heading_cache = (frags, len(frags), text, body_size, verdict)
    return verdict


#: A heading set in bold at the body's point size reads at least this part of the body's size.
#: A glyph's size is its font's box (ascent to descent), whose height per point differs from
#: face to face by several hundredths: a sans-serif bold title beside a serif body of tall
#: extents reads about 0.93 of it ("Blood tests" over a booklet's Minion text, "Airworthiness
#: Directives; …" over the Federal Register's Times). A bold note's label set a point smaller
#: than ten-point text reads 0.9 of it or less.
BOLD_HEADING_SIZE = 0.92

#: A heading wraps onto this many lines at most: a block of more lines is running text.
HEADING_LINES = 3


def _judge_heading_candidate(block: Block, text: str, body_size: float) -> bool:
    # (Lines, not pieces: a heading's line may come in several pieces, its words set apart by
    # wide gaps or by the rules TeX draws for underscores ("asn1_get_tag_der" in four), and
    # is the same heading as the lines of its face read whole. Not in a fixed-pitch face: a
    # line of code comes in pieces at its runs of spaces, and its pieces are its words.)
    size = block.size
    if size < 1.15 * body_size and not (
        block.bold and (size >= BOLD_HEADING_SIZE * body_size or block.heads_smaller_text)
    ):
        return False  # (most blocks: the body's face; asked first, the tests below cost more)
    if not (1 < len(text) <= 160 or _letter_heading(block, text, body_size)) or len(
        block.frags
    ) > HEADING_LINES and (
        any(f.fixed_pitch for f in block.frags)
        or len(lines_of(block.frags)) > HEADING_LINES
    ):
        return False
    if not any(map(str.isalpha, text)) or LEADER.search(text) or BULLET.match(text):
        return False  # no words, a table-of-contents entry ("Results ....... 12"), a bullet
    if _formula(text):
        return False  # "f : |K| → |L|": a display formula, set large as mathematics is
    if _ADDRESS.fullmatch(text.strip()):
        return False  # "http://blog.example.org/" by the title: where to find it, no section
    if _DATE_ONLY.match(text.strip()):
        return False
    if _authors(text):
        return False  # "A. Smith∗, B. Jones†, C. Wu‡": a paper's authors, marked for notes
    if CAPTION.match(text):
        return False  # "Figure 1 – Specifications expansion": a caption, read with its figure
    if _in_parentheses(text):
        return False  # "(Articles L.161-14, … du Code de la sécurité sociale)": a note
    if not (text[0].isalnum() or text[0] in "«“‘\"'(¿¡[§"):
        return False  # "= staff time", "$ = under 50 000": a legend
    # (The words' size is never more than the block's: asked only of a larger block.)
    if block.size >= 1.15 * body_size and _words_size(block) >= 1.15 * body_size:
        # A larger face: a heading, even when numbered like a list ("1. Scope"); but a whole
        # sentence set large ("This page has been intentionally left blank.") is a
        # statement, a pull quote or a slide's point: a title ends without a full stop.
        return not (
            (text.endswith(".") and not text.endswith("..") and word_count(text) >= 6)
            or text.endswith("。")  # (a Chinese or Japanese sentence: no title ends so)
        )
    # The body's size in bold: a heading only if it is a short line that reads like a title
    # (or a title's few words wrapped onto three lines: a bold paragraph runs longer).
    return (
        block.bold
        and (block.size >= BOLD_HEADING_SIZE * body_size or block.heads_smaller_text)
        and (len(block.frags) <= 2 or word_count(text) <= BOLD_HEADING_WORDS)
        and not starts_item(text)
        and not text.endswith((".", ",", ";", ":", "。", "，", "；", "："))
        and not (text[:1].islower() and not _camel_case_name(text))
        and not _label_and_value(block)
        and not _long_question(text)
    )


def _letter_heading(block: Block, text: str, body_size: float) -> bool:
    """A single capital letter in a larger face than the body's may head a section: a
    language's name ("C" among "Ada" and "C++"), an index's letter. (Whether its face is a
    heading's face is asked by the level its face is given, see :func:`_heading_styles`: a
    letter in no other heading's face heads nothing.) In bold it may be set no larger than
    the body, as bold headings are ("C" over "C++", both in the body's size)."""
    return len(text) == 1 and text.isupper() and (
        block.size >= 1.15 * body_size or (block.bold and block.size >= 0.95 * body_size)
    )


def _words_size(block: Block) -> float:
    """The size of the block's letters, its numbers and marks left out (the block's own size
    when it has no letters). A line mixing scripts sets its digits in a Latin face whose box
    is taller than the Chinese or Japanese face of its words at the same point size: in a
    short line ("6.其他", a table's row label) the digits are half the glyphs, and the
    line's median size reads larger than the body's, though its words are set as the
    body's are. A heading is set apart by the size of its words."""
    # (Nor are the letters of code set inline, whose typewriter face measures larger than
    # the running text's at one point size: "Try sending something, … with "\r\n":".)
    glyphs = list(before_smaller_aside([g for f in block.frags for g in f.glyphs]))
    code = large_code_fonts(glyphs)
    sizes = [g.size for g in glyphs if g.char.isalpha() and g.font not in code]
    # (Never larger than the block's: a label whose words are set larger than its numbers,
    # a timetable's "14:20 14:25 … Fightstar", is judged as it was.)
    return min(quick_median(sizes), block.size) if sizes else block.size


#: A heading in the body's size in bold of three pieces (wrapped onto three lines in a
#: narrow column, or its number and two lines of title) holds this many words at most: a
#: bold paragraph of three lines runs longer ("Explanation of Certain Provisions for
#: Alternative Methods of Compliance (AMOCs)" is eleven).
BOLD_HEADING_WORDS = 12

#: A question in the body's size running to this many words or more is asked in the text.
QUESTION_WORDS = 15


def _long_question(text: str) -> bool:
    """A whole sentence asked in the body's size, long as prose runs ("**Does the vision
    proposed in the 2014 plan still reflect your priorities and your aspirations?**", set
    apart in bold as a survey's question is): the text asks it, it names no section. A
    question heading an FAQ's answer is short, as titles are ("How do I apply?")."""
    return text.rstrip().endswith(("?", "？")) and word_count(text) >= QUESTION_WORDS


def _label_and_value(block: Block) -> bool:
    """A bold label closed by a colon with its value or chosen option after it on the line in
    a regular face ("**Child's residence at the time of incident:** In-home"): a form's
    field, filled in, not a title (a title's subtitle after a colon is set in its face)."""
    marks = [g for f in block.frags for g in f.glyphs if not g.char.isspace()]
    colon = next((at for at, g in enumerate(marks) if g.char in ":："), None)
    if colon is None:
        return False
    label = [g for g in marks[:colon] if g.char.isalnum()]
    value = [g for g in marks[colon + 1:] if g.char.isalnum()]
    return (
        bool(label) and bool(value)
        and all(g.bold for g in label) and not any(g.bold for g in value)
    )


def _in_parentheses(text: str) -> bool:
    """Whether the whole of ``text`` is one aside in parentheses ("(Articles L.161-14 …)",
    "(continued)"): a note on the title or the section above it, which names nothing."""
    text = text.strip()
    if not (text.startswith(("(", "（")) and text.endswith((")", "）"))):
        return False
    depth = 0
    for at, ch in enumerate(text):
        depth += ch in "(（"
        depth -= ch in ")）"
        if depth == 0:
            return at == len(text) - 1  # the first parenthesis closes at the end, not before
    return False


#: The marks that tie an author's name to a note (an affiliation, "equal contribution").
_NOTE_MARKS = "∗*†‡§¶"


def _authors(text: str) -> bool:
    """Whether ``text`` lists names marked for notes: three or more parts between commas
    and two note marks or more ("Vladimir Karpukhin∗, Barlas Oguz∗, Sewon Min†"). A title
    may carry one mark for a note on it, not one on each of several names."""
    return text.count(",") >= 2 and sum(text.count(mark) for mark in _NOTE_MARKS) >= 2


#: A web or mail address alone on its line.
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                      re.IGNORECASE)
#: Two letters in a row: a word, not a variable ("f", "K", "s1").
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


#: A Chinese, Japanese or Korean character: a word (or a syllable of one) on its own ("第1章").
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3131-\u318e\u3400-\u4dbf"
                  r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _formula(text: str) -> bool:
    """Whether ``text`` reads as mathematics rather than words: no two letters in a row in
    it ("f : |K| → |L|", "h ↦ g · h", "s1", "m −−→") and no Chinese, Japanese or Korean
    character, and more than a single word without digits ("Q&A" is a title; "A" or "I"
    alone are too short to be judged here)."""
    if _TWO_LETTERS.search(text) or _CJK.search(text):
        return False
    tokens = text.split()
    return len(tokens) > 1 or any(ch.isdigit() for ch in text)


def _camel_case_name(text: str) -> bool:
    """The first word is a name spelled with one small letter before a capital ("iText",
    "eBay", "iPhone"): a lowercase start that is no sentence going on. (A longer small prefix
    is a programming identifier more often than a name: "lineWidth", "drawImage(".)"""
    word = text.split(maxsplit=1)[0] if text.strip() else ""
    return len(word) > 2 and word[1].isupper() and word.isalpha()


def _heading_level(
    block: Block,
    text: str,
    styles: dict[tuple[float, bool], int],
    outline: dict[str, int],
    body_size: float,
    repeated: frozenset[str] | set[str] = frozenset(),
    faces: dict[tuple[float, bool], int] | None = None,
    places: dict[str, dict[int, int]] | None = None,
) -> int:
    """``faces``: levels the outline gives unnumbered headings by face (see
    :func:`_outline_faces`); ``places``: the level of the bookmark of this title that leads to
    this page, where the outline names a title on several pages (a section, and its entry in
    the chapter's summary one level down)."""
    # (Without bookmarks or repeated titles the key has nothing to be looked up in.)
    key = title_key(text) if places or outline or repeated else ""
    pages = places.get(key) if places else None
    if pages and block.page in pages:
        return pages[block.page]
    if pages and block.page < min(pages):
        # Every bookmark of this title leads further on: this line names a section ahead (a
        # chapter's list of its sections), it does not head it. (A line after the page a
        # bookmark leads to may be its heading still, the bookmark set a page early.)
        return 0
    if key in outline and not pages:
        # (With the pages its bookmarks lead to known, the title on another page is the
        # same words used again, a table's label "Results" under each section: it heads
        # something only if its face says so.)
        return outline[key]
    if key in repeated or not _heading_candidate(block, text, body_size):
        return 0
    face = (round(block.size), block.bold)
    if faces and face in faces and not NUMBERED.match(text):
        return faces[face]
    return styles.get(face, 0)


def _pages_headed(
    places: dict[str, dict[int, int]], blocks: list[Block]
) -> dict[str, dict[int, int]]:
    """For each bookmarked title, the pages on which a line reading it is the heading the
    bookmark leads to, and its level there: the pages its bookmarks lead to, and the page
    after one that does not show the title (a bookmark set a page early, at the foot of the
    page before its heading). Bookmarks none of whose pages shows the title lead somewhere
    else than their heading: every page from the first of them showing it is one it may
    head, as if the pages were not known."""
    shown: dict[str, set[int]] = {}
    for b in blocks if places else ():
        key = title_key(b.text)
        if key in places:
            shown.setdefault(key, set()).add(b.page)
    headed: dict[str, dict[int, int]] = {}
    for key, pages in places.items():
        headed[key] = dict(pages)
        for page, level in pages.items():
            if page not in shown.get(key, set()) and page + 1 not in pages:
                headed[key][page + 1] = level
        if not shown.get(key, set()) & set(headed[key]):
            first = min(pages)
            headed[key].update(
                (page, pages[first]) for page in shown.get(key, set()) if page > first
            )
    return headed


def _bookmark_echoes(
    headed: dict[str, dict[int, int]], blocks: list[Block], body_size: float,
    in_code: set[int],
) -> set[int]:
    """Lines that repeat a bookmarked title on the page it heads, in no heading's face or a
    smaller one than another line of that page reading the same in a heading's face: the
    bookmark leads to that heading, not to the echo (a glossary term in the margin beside
    the section it names, the term set in bold in the section's text). A line in the code's
    face, ``in_code`` (see :mod:`.code_face`), is always an echo: the function's name in
    its signature under the heading naming it ("4.1 xsltEvalXPathString ()", the bookmark
    leaving out the number the style sheet adds). A heading numbered where its bookmark is
    not ("1. Introduction" on the page of the bookmark "Introduction": a style sheet's or a
    word processor's counter, drawn before the title and left out of the bookmark) reads
    the same: the table of contents above it on its page, "Introduction", is its echo."""
    lines: dict[tuple[str, int], list[Block]] = {}
    for b in blocks if headed else ():
        key = title_key(b.text)
        if b.page not in headed.get(key, {}) and (number := NUMBERED.match(b.text)):
            key = title_key(b.text[number.end() - 1:])
        if b.page in headed.get(key, {}):
            lines.setdefault((key, b.page), []).append(b)
    out: set[int] = set()
    for same in lines.values():
        heads = [
            b for b in same if id(b) not in in_code and _heading_candidate(b, b.text, body_size)
        ]
        out |= {id(b) for b in same if id(b) in in_code}
        # (A line of code reading the title, "xsltEvalXPathString" in a function's synopsis,
        # measures larger than it is set: a typewriter face's box is taller than a serif's.
        # Beside a heading in a face of text, it is the echo.)
        heads = [b for b in heads if not _typewriter_line(b)] or heads
        if len(same) > 1 and heads:
            largest = max(b.size for b in heads)
            kept = {id(b) for b in heads if b.size >= 0.95 * largest}
            out |= {id(b) for b in same if id(b) not in kept}
    return out


def _typewriter_line(block: Block) -> bool:
    return bool(block.frags) and all(f.fixed_pitch for f in block.frags)


def _is_note(block: Block, result: PageResult, body_size: float, text: str) -> bool:
    """Small text near the page's foot opening with a note's mark: a number of up to three
    digits, not the start of a decimal or an outline number ("5.1: Build coalitions", the
    fifth pillar's first point in an infographic, "2.5 million"), or a symbol."""
    return (
        block.size < 0.85 * body_size
        and block.y1 - result.page.y0 < 0.3 * max(result.page.height, 1.0)
        and bool(_NOTE_MARK.match(text))
    )


#: A note's mark opening its text (see :func:`_is_note`).
_NOTE_MARK = re.compile(r"^(\d{1,3}(?!\d)(?![.,]\d)|[*†‡§])\s*\S")


def _figure_labels_kept(blocks: list[Block], artifact_ids: dict[int, Any]) -> set[int]:
    """The labels of the drawings kept as figures whose caption describes them: read (and
    tagged) as part of the picture, which the caption stands for. A drawing judged
    decoration gives its labels back to the text, and so does one without a caption: its
    worded labels are the only words a listener has of it until a person describes it (the
    values along its scales are set apart: :func:`_scale_values`). The names under a row of
    pictures (:func:`.tables.names_of_pictures`) are read as text: set off the picture, they
    are words of the page a caption does not say."""
    return {
        id(label) for b in blocks
        if b.kind == "figure" and b.labels and id(b) not in artifact_ids
        and b.candidate is not None and b.candidate.captioned and b.candidate.drawing
        for label in b.labels
    }


def _scale_values(
    results: list[PageResult], artifact_ids: dict[int, Any], body_size: float
) -> dict[int, str]:
    """The labels of drawings kept as figures without a caption that are values along a
    chart's scale (:func:`.figures.scale_label`: "0 10 20 30", "J F M A"): read in a row they
    say nothing without the picture, which shows them (every output draws it, and flags it
    for a person to describe). They are artifacts, as a chart program tags them; its title,
    axis names and legend are read after it. (Not in the figure: with no alternative text, a
    reader would read them out of it all the same.) Numbers set larger than the body's text
    are the message of an infographic, not a scale."""
    return {
        id(label): "other" for r in results for b in r.blocks
        if b.kind == "figure" and id(b) not in artifact_ids and b.candidate is not None
        and b.candidate.drawing and not b.candidate.captioned
        for label in _axis_values([lb for lb in b.labels if lb.size <= body_size])
    }


#: A scale marks this many values at least (a number alone on a drawing is no scale).
SCALE_VALUES = 3


def _axis_values(labels: list[Block]) -> list[Block]:
    """The labels that are values along a scale: a row of them in one block ("2010 2011
    2012"), or each lined up with others in a column (ending at the axis) or a row (under
    it), :data:`SCALE_VALUES` at least. A number set alone on a drawing ("1 yearly" in an
    infographic's box) says something of its own."""
    values = [b for b in labels if scale_label(b.text)]

    def lined_up(a: Block, b: Block) -> bool:
        tolerance = 0.5 * max(min(a.y1 - a.y0, b.y1 - b.y0), 1.0)
        same_column = abs(a.x1 - b.x1) <= tolerance or abs(a.x0 - b.x0) <= tolerance
        same_row = abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) <= tolerance
        return same_column or same_row

    return [
        a for a in values
        if len(a.text.split()) >= SCALE_VALUES
        or sum(lined_up(a, b) for b in values if b is not a) >= SCALE_VALUES - 1
    ]


def _pictures_in_drawings(blocks: list[Block], artifact_ids: dict[int, Any]) -> set[int]:
    """The images lying wholly on a vector drawing kept as a figure: pieces of it (a chart's
    bars drawn as images, a photograph set in a diagram), drawn by the drawing's own objects
    (a drawing holds every image inside its box), not figures of their own. A drawing set
    aside as decoration leaves them figures: a picture is not hidden with its frame."""
    drawings = [
        b for b in blocks
        if b.kind == "figure" and b.candidate is not None and b.candidate.drawing
        and id(b) not in artifact_ids
    ]
    return {
        id(b) for b in blocks
        if b.kind == "figure" and b.candidate is not None and not b.candidate.drawing
        and any(
            d.x0 - 1 <= b.x0 and b.x1 <= d.x1 + 1 and d.y0 - 1 <= b.y0 and b.y1 <= d.y1 + 1
            and set(b.objects) <= set(d.objects)
            for d in drawings
        )
    }


def _drawing_labels(blocks: list[Block], artifact_ids: dict[int, Any]) -> set[int]:
    """The text set on the pictures kept as figures that are diagrams (a class diagram's
    boxes, a chart's legend), read out after the picture: a dash or a number opening one of
    them is part of what the picture shows ("- Isolated: boolean" in a class's box), not a
    list's label. A diagram has many pieces of text on it (:data:`DIAGRAM_TEXTS`); a few
    lines set on a photo (a cover's list of questions) are read as they come."""
    out = {
        id(label) for b in blocks
        if b.kind == "figure" and id(b) not in artifact_ids
        for label in b.labels
    }
    texts = [b for b in blocks if b.kind == "text"]
    for figure in blocks:
        if figure.kind != "figure" or id(figure) in artifact_ids:
            continue
        on = [
            b for b in texts
            if figure.x0 <= b.x0 and b.x1 <= figure.x1 and figure.y0 <= b.y0 and b.y1 <= figure.y1
        ]
        if len(on) >= DIAGRAM_TEXTS:
            out.update(map(id, on))
    return out


#: How many pieces of text set on a picture make it a diagram.
DIAGRAM_TEXTS = 8


def _prov(block: Block, result: PageResult, artifact_ids: dict[int, Any] | None = None) -> Prov:
    # A block's glyphs come from a few page objects: deduplicate (at C speed) before looking
    # them up. Glyphs pdfium generated carry -1, which both lookups below skip.
    # (A dict: deduplicated, and in reading order, which the operator ranges follow.)
    # (Each fragment's objects once, in order, as dict.fromkeys below would keep them of its
    # glyphs: the same objects in the same order, from lists a few long, not a glyph each.)
    drawn = list(block.objects)
    drawn.extend(itertools.chain.from_iterable(map(_drawn_objects_of, block.frags)))
    # Labels read as part of the picture (the same test as :func:`_figure_labels_kept`: the
    # names under a row of images are read as text, and draw their own operators).
    captioned = (
        block.candidate is not None and block.candidate.captioned and block.candidate.drawing
    )
    for label in block.labels if captioned else ():
        if artifact_ids is None or id(label) not in artifact_ids:
            for f in label.frags:
                drawn.extend(f.drawn_objects)
    if block.image is not None:
        drawn.append(block.image.obj)
    # (Without the -1 of generated glyphs, which both lookups skip: a block read as drawn
    # then lists its objects in increasing order, ranges_in_order's quick case.)
    marks = result.mcids
    # (Both at C speed where built: every block of a document asks, over its lines' objects.)
    found: Any = (
        _scanner.drawn_objects(drawn, marks)
        if _scanner is not None and isinstance(marks, list) else NotImplemented
    )
    objects: list[int]
    mcids: tuple[int, ...]
    objects, mcids = _drawn_objects(drawn, marks) if found is NotImplemented else found
    text = block.kind == "text"
    # The fragments' texts joined, asked at C speed whether any holds a character beyond
    # ASCII (only such can join accents) or an underscore (only such can read one drawn):
    # most blocks hold neither, and their fragments are then not looked at one by one.
    joined = "".join(map(_text_of, block.frags)) if text else ""
    return Prov(
        block.page,
        BBox(round_to(block.x0, 2), round_to(block.y0, 2), round_to(block.x1, 2),
             round_to(block.y1, 2)),
        mcids,
        result.opmap.ranges_in_order(objects),
        # Text only (a figure's element is not read by its glyphs, a table's cells have their
        # own). Across fragments only where some object is read twice: most blocks read each
        # of theirs once; inside one, as the C loop found it with its objects.
        interleaved=text and (
            len(objects) < len(drawn) - drawn.count(-1)
            and _interleaved(drawn, result.opmap.operator_of)
            or any(map(_objects_interleaved, block.frags))),
        joined_accents=text and not joined.isascii() and _joins_accents(block.frags),
        spaced_apart=block.note is not None and any(f.mark_apart for f in block.frags),
        drawn_underscores=text and "_" in joined
        and any(map(reads_drawn_underscore, block.frags)),
    )


def _drawn_objects(drawn: list[int], marks: Sequence[int]) -> tuple[list[int], tuple[int, ...]]:
    """The objects of ``drawn`` each once, in the order first drawn (none pdfium generated:
    -1), and the marked-content ids ``marks`` gives them, sorted (none unmarked: -1)."""
    objects = [o for o in dict.fromkeys(drawn) if o >= 0]
    count = len(marks)
    return objects, tuple(sorted({marks[o] for o in objects if o < count} - {-1}))


_objects_interleaved = attrgetter("objects_interleaved")
_drawn_objects_of = attrgetter("drawn_objects")
_text_of = attrgetter("text")


def _joins_accents(frags: list[Fragment]) -> bool:
    """Whether a fragment of ``frags`` reads an accent joined to its letter
    (:func:`.accents.joins_accents`). Only text beyond ASCII can: every fragment's text is
    looked at first at C speed (most blocks hold none), each fragment's glyphs only then."""
    if all(map(str.isascii, map(_text_of, frags))):
        return False
    # (Only the fragments beyond ASCII, each looked at once: joins_accents would ask each
    # fragment's text again.)
    return any(glyphs_join_accents(f.glyphs) for f in frags if not f.text.isascii())


def _hanging_entry(
    block: Block, words: int, result: PageResult, prov: list[Prov], links: list[Link]
) -> tuple[Paragraph, Paragraph] | None:
    """A term hung out in the margin (its first ``words`` words) and its definition, each a
    paragraph drawn apart (see :mod:`.hanging_terms`); the block's links go with the part
    they are drawn on. None where the term's glyphs cannot be told apart from the rest."""
    parts = block.text.split(None, words)
    if len(parts) <= words:
        return None
    term = " ".join(parts[:words])
    apart = label_provs(block.page, block.frags, block.objects, result.opmap, result.mcids, term)
    if apart is None:
        return None
    on_term = [link for link in links if boxes_overlap(link.prov[0].bbox, apart[0].bbox)] \
        if links else []
    return (
        Paragraph(term, [_text_read_as(apart[0], prov)], on_term),
        Paragraph(parts[words], [_text_read_as(apart[1], prov)],
                  [link for link in links if link not in on_term]),
    )


def _text_read_as(part: Prov, whole: list[Prov]) -> Prov:
    """``part`` (a list item's body or a run-in heading, parted from its block's label or
    text) reading underscores drawn as rules as its block does: the tagger says its text
    again (see :mod:`.drawn_underscores`)."""
    if any(p.drawn_underscores for p in whole) and not part.drawn_underscores:
        return replace(part, drawn_underscores=True)
    return part


def _interleaved(drawn: list[int], operator_of: list[int]) -> bool:
    """Whether reading ``drawn`` (page objects in reading order, each fragment's once) leaves
    an operator for another's and comes back to it: "NEEL KASHKARI" and "247" drawn by one
    operator, the "REP" read between them by another. Tagging wraps whole operators (only
    those two blocks share are cut), and marked content reads in drawing order: such a
    block's element would read "NEEL KASHKARI 247 REP" (the tagger says its text again:
    :mod:`..tagged_pdf.logical_text`)."""
    count = len(operator_of)
    return comes_back(operator_of[obj] if 0 <= obj < count else -1 for obj in drawn)


def _one_figure_per_caption(doc: Document) -> None:
    """Pictures under one caption on a page (a chart's row of icons over its grid, sub-figures
    side by side) are one figure: each finds the caption nearest, but it is one paragraph,
    said once (every output pairs it with one figure: see :mod:`workers.engine.captions`).
    A later picture joins the earlier when only text set on the two, or between them and
    their caption (the sub-figures' names), stands between them (read after the joined
    figure as they were read after its first part); anything else between them is left as
    it is read."""
    out: list[Any] = []
    for k, block in enumerate(doc.blocks):
        earlier = (
            _same_caption_before(out, block, (doc.blocks, k)) if block.caption
            else _captioned_above(out, block)
        ) if isinstance(block, Figure) else None
        if earlier is None:
            out.append(block)
            continue
        first = out[earlier]
        out[earlier] = replace(first, prov=[*first.prov, *block.prov])
    doc.blocks = out


#: Blocks before or after a figure within which its caption paragraph is looked for.
_CAPTION_REACH = 40


def _caption_paragraph_box(blocks: list[Any], page: int, caption: str) -> BBox | None:
    """The box of the paragraph of ``blocks`` set on ``page`` alone that reads ``caption``
    (spaces aside; an ornament opening it left out, as :func:`.figures.caption_text` leaves
    it out of the caption), or None."""
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.prov or any(
            prov.page != page for prov in block.prov
        ):
            continue
        text = " ".join(block.text.split())
        if text == caption or BULLET.sub("", text, count=1) == caption:
            box = block.prov[0].bbox
            for prov in block.prov[1:]:
                box = box.union(prov.bbox)
            return box
    return None


def _same_caption_before(
    blocks: list[Any], figure: Figure, read: tuple[list[Any], int]
) -> int | None:
    """The index of the figure in ``blocks`` with ``figure``'s caption on its page, with only
    text set on the two of them, or between them and their caption paragraph, after it;
    None if there is none. ``read``: the document's blocks and ``figure``'s index among
    them, near which its caption paragraph is read (a few labels and names away)."""
    if not figure.caption or len(figure.prov) != 1:
        return None
    page, caption = figure.prov[0].page, " ".join(figure.caption.split())
    for at in range(len(blocks) - 1, -1, -1):
        other = blocks[at]
        if isinstance(other, Figure):
            if (
                other.caption and other.prov and other.prov[0].page == page
                and " ".join(other.caption.split()) == caption
            ):
                boxes = [figure.prov[0].bbox, *(p.bbox for p in other.prov)]
                between = [b for b in blocks[at + 1:] if not _set_on(b, page, boxes)]
                if not between:
                    return at
                # (Looked for only when text off the pictures stands between them.)
                every, k = read
                near = every[max(0, k - _CAPTION_REACH):k + _CAPTION_REACH]
                named = _caption_paragraph_box(near, page, caption)
                return at if named is not None and all(
                    _named_under(b, page, boxes, named) for b in between
                ) else None
            return None
        if not isinstance(other, Paragraph | Heading | ListBlock):
            return None
    return None


def _named_under(block: Any, page: int, pictures: list[BBox], caption: BBox) -> bool:
    """Every part of ``block`` is on ``page`` between the ``pictures`` and their
    ``caption``: the sub-figures' names (:func:`.figures.between_pictures_and_caption`)."""
    return all(
        prov.page == page and between_pictures_and_caption(
            (prov.bbox.x0 + prov.bbox.x1) / 2, (prov.bbox.y0 + prov.bbox.y1) / 2,
            pictures, caption, _ON_PICTURE)
        for prov in block.prov
    )


#: Points around a picture within which text is still set on it (its labels).
_ON_PICTURE = 12.0
#: A picture is part of the captioned one right over it when the gap between them is at most
#: this share of the lower of the two heights …
_PART_GAP = 0.5
#: … and they overlap across by this share of the narrower one's width.
_PART_OVERLAP = 0.5


def _captioned_above(blocks: list[Any], figure: Figure) -> int | None:
    """The index of the figure in ``blocks`` that ``figure`` (without a caption) is the lower
    part of: a figure whose caption is set over it, right over ``figure`` across, with only
    their labels read between them; None if there is none.

    A figure drawn in rows (a chart's rows of symbols, each labelled) has its caption over
    the first row only, too far from the later ones for them to find it: split, the later
    rows would be pictures of their own, flagged as undescribed. The caption over the first
    row names them all (it ends at the figure's source line, under the last row). A caption
    under the figure above ends that figure: a picture under that caption is the next one."""
    if figure.alt or len(figure.prov) != 1:
        return None
    low = figure.prov[0]
    for at in range(len(blocks) - 1, -1, -1):
        other = blocks[at]
        if isinstance(other, Figure):
            if not other.caption or not other.prov or other.prov[-1].page != low.page:
                return None
            high = other.prov[-1].bbox
            box = low.bbox
            gap = high.y0 - box.y1
            across = min(high.x1, box.x1) - max(high.x0, box.x0)
            caption = " ".join(other.caption.split())
            between = blocks[at + 1:]
            if (
                -EDGE_TOLERANCE <= gap <= _PART_GAP * min(high.height, box.height)
                and across >= _PART_OVERLAP * min(high.width, box.width)
                and _caption_over(blocks[:at], caption, low.page, high)
                and all(_set_on(b, low.page, [box, high]) for b in between)
                and not any(" ".join(b.text.split()) == caption for b in between)
            ):
                return at
            return None
        if not isinstance(other, Paragraph | Heading):
            return None
    return None


def _caption_over(blocks: list[Any], caption: str, page: int, box: BBox) -> bool:
    """A paragraph of ``blocks`` reading ``caption`` is set on ``page`` over ``box``."""
    return any(
        isinstance(b, Paragraph) and " ".join(b.text.split()) == caption
        and b.prov and b.prov[0].page == page and b.prov[-1].bbox.y0 >= box.y1 - EDGE_TOLERANCE
        for b in blocks
    )


def _set_on(block: Paragraph | Heading | ListBlock, page: int, boxes: list[BBox]) -> bool:
    """Every part of ``block`` is on ``page`` with its middle on one of ``boxes``."""
    for prov in block.prov:
        x, y = (prov.bbox.x0 + prov.bbox.x1) / 2, (prov.bbox.y0 + prov.bbox.y1) / 2
        if prov.page != page or not any(
            b.x0 - _ON_PICTURE <= x <= b.x1 + _ON_PICTURE
            and b.y0 - _ON_PICTURE <= y <= b.y1 + _ON_PICTURE for b in boxes
        ):
            return False
    return True


def _figure(
    block: Block, result: PageResult, prov: list[Prov], body_size: float,
    artifact_ids: dict[int, Any], captions: list[CaptionLine],
) -> Figure:
    """``captions``: :func:`.figures.caption_lines` of the page's text blocks."""
    box = (block.x0, block.y0, block.x1, block.y1)
    # (Page furniture under a picture, a printer's slug line, describes nothing.)
    worded = [o.frags for o in result.blocks if o.kind == "text" and id(o) not in artifact_ids]
    join = line_joiner(block.hyphenation)
    caption = (
        caption_among(box, captions, result.page.height, join)
        or styled_caption_of(box, worded, body_size, join)
        or _row_label(block, result, worded)
        or _row_name(block, result, worded)
        or _title_of_drawing(block, result)
        or _sole_caption(block, result, worded, body_size, join)
    )
    image = f"page:{block.page}/object:{block.image.obj}" if block.image else None
    return Figure(image=image, caption=caption, prov=prov)


def _title_of_drawing(block: Block, result: PageResult) -> str | None:
    """The title set on a chart (:func:`.figures.title_on`) among the page's text. Vector
    drawings are asked, and pictures carrying a chart's scale as text
    (:func:`.figures.scale_on`: a chart exported as an image, its labels laid over it): a
    photograph's words are a sign or a poster in it, and a banner image behind a heading is
    no chart. (The page's text is gathered only here: most pictures are named before.)"""
    if block.candidate is None:
        return None
    box = (block.x0, block.y0, block.x1, block.y1)
    texts = [other.frags for other in result.blocks if other.kind == "text"]
    if not (block.candidate.drawing or scale_on(box, texts)):
        return None
    return title_on(box, texts)


def _sole_caption(
    block: Block, result: PageResult, worded: list[list[Fragment]], body_size: float,
    join: Callable[[Sequence[str]], str],
) -> str | None:
    """The one short line under the only picture of a page (:func:`.figures.sole_caption_of`):
    a slide showing a picture and saying what it is."""
    if sum(o.kind != "text" for o in result.blocks) != 1:
        return None  # another picture or a table: the line may be said of either
    return sole_caption_of((block.x0, block.y0, block.x1, block.y1), worded, body_size, join)


def _row_label(block: Block, result: PageResult, worded: list[list[Fragment]]) -> str | None:
    """The name of a picture in a row of named pictures (:func:`.figures.row_label_of`), when
    it is read with its row: between the picture and its name, in reading order, only the
    row's other pictures and names. A name read after text of the flow is not made the
    picture's caption: said once as its alternative text and again where it is read, it
    would be heard twice."""
    found = row_label_of(
        (block.x0, block.y0, block.x1, block.y1),
        [(o.x0, o.y0, o.x1, o.y1) for o in result.blocks if o.kind == "figure" and o is not block],
        worded,
    )
    if found is None:
        return None
    text, lines = found
    return text if _read_with_row(block, result, lines) else None


def _row_name(block: Block, result: PageResult, worded: list[list[Fragment]]) -> str | None:
    """The name of a picture on a line naming its row of pictures one by one
    (:func:`.figures.row_name_of`), when that line is read with its row (as
    :func:`_row_label` asks)."""
    found = row_name_of(
        (block.x0, block.y0, block.x1, block.y1),
        [(o.x0, o.y0, o.x1, o.y1) for o in result.blocks if o.kind == "figure" and o is not block],
        worded,
    )
    if found is None:
        return None
    text, lines = found
    return text if _read_with_row(block, result, lines) else None


def _read_with_row(block: Block, result: PageResult, lines: Sequence[TextLine]) -> bool:
    """The blocks holding a picture's name (its ``lines``) are read with the picture's row:
    between the picture and each of them, in reading order, only pictures, the blocks holding
    the names and other names of the row (text on the names' line, by a picture)."""
    pieces = {id(f) for f in lines}
    holding = [k for k, o in enumerate(result.blocks) if any(id(f) in pieces for f in o.frags)]
    if not holding:
        return False
    here = result.blocks.index(block)
    low, high = min(f.y0 for f in lines), max(f.y1 for f in lines)
    pictures = [o for o in result.blocks if o.kind == "figure"]

    def named(o: Block) -> bool:  # another name of the row: on the name's line, by a picture
        x = (o.x0 + o.x1) / 2
        return o.kind == "text" and low <= (o.y0 + o.y1) / 2 <= high and any(
            p.x0 <= x <= p.x1 for p in pictures)

    def on_picture(o: Block) -> bool:  # a label of a drawing, set on it or at its edge
        x, y = (o.x0 + o.x1) / 2, (o.y0 + o.y1) / 2
        return o.kind == "text" and any(
            p.x0 - ON_PICTURE <= x <= p.x1 + ON_PICTURE
            and p.y0 - ON_PICTURE <= y <= p.y1 + ON_PICTURE for p in pictures)

    return all(
        o.kind == "figure" or named(o) or on_picture(o) or k in holding
        for at in holding
        for k, o in enumerate(result.blocks[min(at, here) + 1:max(at, here)], min(at, here) + 1)
    )


def _captions_table(block: Block, after: Block | None, result: PageResult) -> bool:
    """The text ``block`` is the caption of the table read right after it (see
    :func:`.tables.table_caption`)."""
    return (
        after is not None and after.kind == "table" and after.table is not None
        and bool(TABLE_CAPTION.match(block.text))
        and table_caption(
            after, [block.frags], result.page.height,
            others=[other for other in result.blocks if other.kind == "table"],
        ) is not None
    )


def _item_table(stack: list[ListBlock]) -> Table | None:
    """The table the last item of the innermost open list ends with, if it does."""
    if not stack or not stack[-1].items:
        return None
    blocks = stack[-1].items[-1].blocks
    return blocks[-1] if blocks and isinstance(blocks[-1], Table) else None


def _join_continued(
    previous: Table, table: Table, title: ModelBlock | None, doc: Document,
    cut_head: bool = False, rest_head: bool = False,
) -> None:
    """Join ``table`` to ``previous``, the same table continued past a page break or a wide
    gap between rows (see :func:`_continued_by`); a ``title`` said again over it (read last
    in ``doc``) and its repeated rows are pagination. ``cut_head``: the break cut the row
    ``table`` opens with, as its drawing shows (see :attr:`.blocks.Block.cut_head`);
    ``rest_head``: its first row, in a head's face, is that row's rest (see
    :func:`.continued_tables.rest_in_head_face`)."""
    said_again = title_said_again(title, table)
    if said_again is not None:
        caption_first_title(doc.blocks, previous, said_again)
    if isinstance(title, Paragraph | Heading):
        doc.blocks.pop()
        doc.artifacts.append(title_artifact(title))
    columns = columns_under(previous, table)
    if columns is not None and not _as_many_columns(previous, table):
        spread_over(table, columns)
    doc.artifacts.extend(continue_table(previous, table, cut_head, rest_head))
    widths = _row_widths(previous)
    widest = max(widths, default=0)  # (once: a long table joined page by page has many rows)
    for row, taken in zip(previous.rows, widths, strict=True):
        # (Rows kept regular: each as wide as the widest, counting the columns its
        # spanning cells and those spanning down into it take.)
        row.cells.extend(Cell("") for _ in range(widest - taken))


def _continued_by(
    previous: Table, table: Table, title: object, rest_head: bool = False,
    in_rows_face: bool = False,
) -> bool:
    """``table`` goes on with ``previous``: set past a page break under it, as wide and with
    as many columns (or with those its last row fills, one for one: see
    :func:`.continued_tables.columns_under`), with rows of its own (not the same rows
    again, with the columns that did not fit), and not headed anew (unless a ``title`` over
    it, or its own first row, says it is continued: its head may then differ in how it is
    drawn; or ``rest_head``, its first row is the rest of a cut row, set in a head's face;
    or ``in_rows_face``, its first row is set as rows of ``previous`` past its head are, a
    bold question, and the two meet at the break: see
    :func:`.continued_tables.head_like_its_rows`)."""
    return (
        bool(previous.prov) and bool(table.prov)
        and previous.prov[-1].page != table.prov[0].page
        and x_overlap(previous.prov[-1].bbox, table.prov[0].bbox) >= 0.6
        and (_as_many_columns(previous, table) or columns_under(previous, table) is not None)
        and not repeats_stub(previous, table)
        and (
            title is not None or starts_continued(table) or rest_head or in_rows_face
            or not _headed_anew(previous, table)
        )
    )


def _meet_at_page_break(
    previous: Table, table: Table, page_results: dict[int, PageResult],
    artifact_ids: dict[int, Any],
) -> bool:
    """``previous`` ends its page and ``table`` opens the next: no content (running heads
    aside) under the one on its page, nor over the other on its."""
    if not previous.prov or not table.prov:
        return False
    end, start = previous.prov[-1], table.prov[0]
    before, after = page_results.get(end.page), page_results.get(start.page)
    if start.page != end.page + 1 or before is None or after is None:
        return False
    return not any(
        box.y1 <= end.bbox.y0 + _BREAK_SLACK for box in _content_boxes(before, artifact_ids)
    ) and not any(
        box.y0 >= start.bbox.y1 - _BREAK_SLACK for box in _content_boxes(after, artifact_ids)
    )


#: How far (points) a box may reach past a table's piece and still be beside it, not under
#: or over it (a rule's width, rounding).
_BREAK_SLACK = 3.0


def _goes_on_past_column_break(
    previous: Table, table: Table, result: PageResult, page_results: dict[int, PageResult],
    artifact_ids: dict[int, Any],
) -> bool:
    """``table`` (on ``result``'s page) is the rest of ``previous`` cut by a column break:
    on its page, or from the foot of the page before's last column to the top of this one's
    first (see :mod:`.continued_tables`)."""
    here = _content_boxes(result, artifact_ids)
    if goes_on_in_next_column(previous, table, here):
        return True
    before = page_results.get(previous.prov[-1].page) if previous.prov else None
    return before is not None and goes_on_over_the_page(
        previous, table, _content_boxes(before, artifact_ids), here
    )


def _content_boxes(result: PageResult, artifact_ids: dict[int, Any]) -> list[BBox]:
    """The boxes of the page's blocks that are content (not running heads, page numbers)."""
    return [
        BBox(b.x0, b.y0, b.x1, b.y1) for b in result.blocks
        if id(b) not in artifact_ids and not b.artifact
    ]


def _headed_anew(previous: Table, table: Table) -> bool:
    """Both tables open with a header row, and not the same one: the next table, not the
    previous one continued on the next page (which repeats its header, or has none)."""
    if not previous.rows or not table.rows:
        return False
    first, head = previous.rows[0].cells, table.rows[0].cells
    return (
        any(c.header for c in first) and any(c.header for c in head)
        and [c.text for c in first] != [c.text for c in head]
    )


def _as_many_columns(previous: Table, table: Table) -> bool:
    return abs(_columns_of(previous) - _columns_of(table)) <= 1


def _columns_of(table: Table) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _row_widths(table: Table) -> list[int]:
    """The columns each row of the table takes: its cells' and those spanning down into it
    from the rows over it."""
    widths = [0] * len(table.rows)
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            taken = max(cell.col_span, 1)
            if cell.row_span <= 1:
                widths[r] += taken  # (most cells: their own row only; asked of long tables)
                continue
            for down in range(r, min(r + cell.row_span, len(widths))):
                widths[down] += taken
    return widths


def _drawn(f: Fragment) -> list[int]:
    """The fragment's page objects, each once, in the order its glyphs are read: the
    operators ranges_in_order gives for them are those of all its glyphs' objects (it reads
    each object where it first comes), found without a step per glyph."""
    return [o for o in f.drawn_objects if o >= 0]


def _table_cell(f: Fragment | None, block: Block, result: PageResult, header: bool,
                span: tuple[int, int], *, row_head: bool = False) -> Cell:
    """The cell ``f`` of ``block``'s grid (None: an empty one), spanning ``span`` (rows,
    columns); a head of its row when ``row_head`` and it holds text (its scope says so
    until the tables are joined: see :func:`_row_heads_said`)."""
    scope: Scope | None = "column" if header else "row" if row_head and f else None
    if not f:
        return Cell("", header=header, scope=scope, row_span=span[0], col_span=span[1])
    # (A list in the cell led by bullets drawn as shapes reads without them, as a list
    # item does: no character is drawn for them.)
    read = cell_text(f, block.hyphenation)
    text = without_drawn_bullets(read, f.glyphs)
    return Cell(
        text, header=header, scope=scope, row_span=span[0], col_span=span[1],
        prov=[Prov(block.page, BBox(f.x0, f.y0, f.x1, f.y1), (),
                   result.opmap.ranges_in_order(_drawn(f)),
                   interleaved=f.objects_interleaved,
                   joined_accents=not f.text.isascii() and glyphs_join_accents(f.glyphs),
                   run_on=runs_words_on(f, read),
                   drawn_underscores=reads_drawn_underscore(f))],
    )


def _table(
    block: Block, result: PageResult, prov: list[Prov],
    repeated_heads: Collection[tuple[str | None, ...]] = (),
) -> Table:
    """``repeated_heads``: the first rows the document's tables open with again and again
    (:func:`.table_heads.repeated_first_rows`), each its table's head."""
    assert block.table is not None
    rows: list[Row] = []
    # A right-to-left table (Arabic, Hebrew, Persian) starts at its right edge: its first
    # column, the one read first, is the rightmost.
    # Decided by the cells holding words: figures are written left to right in any script,
    # and a table of results in Arabic, mostly figures, still reads from its right edge
    # (its rank and name columns first, the total last).
    worded = [f for f in block.frags if any(map(str.isalpha, f.text))]
    rtl = sum(f.rtl for f in worded) > len(worded) / 2
    grid = [row[::-1] for row in block.table] if rtl else block.table
    width = len(grid[0]) if grid else 0
    spans = {
        (r, width - k - columns if rtl else k): (rows_spanned, columns)
        for (r, k), (rows_spanned, columns) in block.spans.items()
    }
    # (No rule or shading set the heads apart: their text may.)
    head_rows = 0 if block.no_heads else block.head_rows or set_apart_head(block.table) or int(
        opens_with(block.table, repeated_heads))
    # (A spanning cell is said once, at its top-left: the positions it covers hold no cell.)
    covered = {
        (r + dr, k + dk) for (r, k), (down, across) in spans.items()
        for dr in range(down) for dk in range(across) if dr or dk
    }
    # (A first column set in bold beside regular cells heads its rows: said with each.)
    row_heads = not rtl and bold_head_column(block.table, head_rows)
    for i, row in enumerate(grid):
        header = i < head_rows
        rows.append(
            Row([
                _table_cell(
                    f, block, result, header, spans.get((i, k), (1, 1)),
                    row_head=row_heads and k == 0 and not header,
                )
                for k, f in enumerate(row) if (i, k) not in covered
            ])
        )
    texts = [other.frags for other in result.blocks if other.kind == "text"]
    tables = [other for other in result.blocks if other.kind == "table"]
    caption = table_caption(
        block, texts, result.page.height, line_joiner(block.hyphenation), tables
    )
    return Table(rows, caption, prov)
