"""The layout reader: a Document from what the pages draw, for PDFs without usable tags.

Steps, page by page (one page in memory at a time), then once over the whole document:

1. :mod:`.glyphs` — glyphs (pdfium), images and rules, with their page objects; :mod:`.operators`
   maps page objects to content-stream operators for provenance.
2. :mod:`.lines` — fragments (runs with no wide gap) and lines.
3. :mod:`.tables` — ruled grids, and runs of lines split into several fragments whose
   fragments line up in columns and do not fill them (text columns fill theirs, table cells
   rarely do).
4. Blocks (here) — the remaining fragments grouped top to bottom while they overlap
   horizontally, sit close (less than a line apart) and share a font size; a list marker
   always starts a block. Figures are images and vector drawings of some size.
5. :mod:`.order` — reading order: regions at column gutters, then recursive XY-cut.
6. :mod:`.classify` — document-wide classification: artifacts, headings and their levels,
   lists, figures (judged by :mod:`.figures`) and captions, notes, links; pages in document
   order (a folded leaflet is read cover first). :mod:`.catalog_facts` reads what the PDF
   says of itself (language, title, bookmarks, links, form fields).

Nothing is tuned to particular files; every threshold is relative to font size or page size.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import pikepdf
import pypdfium2 as pdfium

from ..document import (
    Artifact,
    BBox,
    Document,
    Heading,
    Page,
    Prov,
    Warning,
)
from ..language import detect_languages
from .abutting_labels import abutting_label_walls
from .accents import join_accents
from .aligned_cells import aligned_walls
from .bidi import logical_lines
from .blocks import (
    MAX_SHAPES,
    Block,
    Boxed,
    Hyphenation,
    PageResult,
    area_share,
    draws_line_end_spaces,
    lines_of,
    same_line,
    unspaced,
    unspaced_count,
)
from .box_glyphs import BOX_GLYPHS, box_glyph_walls
from .box_labels import mark_box_labels
from .browser_levels import printed_by_browser
from .catalog_facts import (
    catalog_language,
    catalog_title,
    form_field_boxes,
    info_entry,
    page_field_boxes,
    page_links,
    read_outline,
)
from .classify import classify
from .clipped import take_clipped
from .contents import ends_with_page_number, find_contents, has_leaders, is_page_number
from .contents_lines import split_contents_lines
from .drawn_bullets import drawn_bullet, with_drawn_bullets
from .drawn_underscores import read_drawn_underscores
from .end_marks import EndMark, attach_end_marks, take_end_marks
from .field_rows import split_at_fields
from .figures import (
    BACKGROUND_AREA,
    FIGURE_MIN_AREA,
    PLACE_TOLERANCE,
    ROW_OVERLAP,
    RULE_WIDTH,
    TEXT_DENSITY,
    Candidate,
    caption_text,
    frames_running_text,
    ground_of_pictures,
    place,
    running_keys,
    running_text,
    scale_label,
    smoothness_asked,
    text_frame,
    with_scales,
)
from .font_extents import UndeclaredExtents
from .footnotes import footnotes_apart
from .formulas import formula_block, formula_runs
from .frames import Frames
from .gcpause import collect_young, paused_gc
from .glyphs import (
    SEEN_TOLERANCE,
    Glyph,
    ImageFacts,
    OpenedPage,
    PageContent,
    Rect,
    content_drawn_objects,
    judge_closed_page,
)
from .heading_breaks import bold_lines_apart
from .image_groups import merge_images
from .keyed_entries import split_keyed_entries
from .lead_lines import lead_lines_apart
from .letter_bullets import LetterBulletFaces, letter_bullets
from .limits import noted
from .line_breaks import cell_lines
from .line_stacks import stacks_unbroken
from .lines import (
    BRACES,
    FIXED_PITCH_SPREAD,
    FRAGMENT_GAP,
    Fragment,
    fixed_pitch_fonts,
    fragments,
    lines,
    quick_median,
    set_widths,
    word_count,
)
from .listings import listings_apart
from .named_glyphs import NamedGlyphReading
from .off_page import off_page_objects, off_page_text, take_off_page, visible_area
from .operators import OperatorMap, joined_content, map_operators
from .option_rows import OptionRows
from .order import (
    PANEL_MIN_WORDS,
    Section,
    SectionBreaks,
    column_regions,
    corner_notes_after_title,
    footnotes_last,
    lines_along,
    panels_last,
    reading_order,
    runs_into_top,
    tops_out_at,
    turned,
)
from .page_fonts import PageFonts
from .part_levels import contents_at_the_sections_level
from .patterns import (
    BARE_KEY,
    KEY,
    NUMBER,
    OUTLINE_NUMBER,
    forget_texts,
    is_marker,
    starts_item,
)
from .places import Places, places_by_id
from .respacing import Respacing
from .rotation import Frame, box_to_display, frame_of, to_display_space, to_user_space
from .rounding import round_to
from .running_lines import running_lines_apart
from .runover import (
    asides_after_runover,
    ends_sentence,
    panel_frames,
    paragraphs_run_on,
    text_sizes,
    words_broken_at_block_ends,
)
from .spread import spread_below
from .tabbed_numbers import tabbed_numbers_joined
from .tables import (
    find_tables,
    headnotes_captioned,
    join_tables,
    labels_on_pictures,
    lays_out_form,
    names_of_pictures,
    ruled_tables,
    side_by_side_areas,
)
from .tick_boxes import EVERYWHERE, TickBoxes
from .tick_boxes import GAP as TICK_GAP
from .tick_boxes import LEVEL as TICK_LEVEL
from .tick_boxes import SIDE as TICK_SIDE
from .unread_text import read_alongside
from .unseen import take_unseen
from .walls import (
    GlyphPositions,
    rule_pieces,
    shared_edges,
    split_at_walls,
    vertical_walls,
)
from .wide_leading import wide_leading_lines_joined
from .wordmarks import mark_wordmarks

_blocks_accelerator: ModuleType | None
try:
    # The block-building loop of _text_blocks in C, built by `pip install` where a C
    # compiler exists.
    from . import _block_loop as _blocks_accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _blocks_accelerator = None
_fragments_accelerator: ModuleType | None
try:
    # C loops of lines.py (here: _RowMates' lines, with lines_of).
    from . import _fragments as _fragments_accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _fragments_accelerator = None
_walls_accelerator: ModuleType | None
try:
    # The first pass of _clusters in C (walls.py's module of shapes side by side).
    from . import _walls as _walls_accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _walls_accelerator = None

#: Lines further apart than this many line heights do not belong to one block.
BLOCK_GAP = 0.9
#: The usual gap between lines is taken from the narrower of two kinds of gap when the
#: median gap is this many times the median of the gaps below it (see :func:`_leading`).
TWO_GAPS = 1.5
#: … told from this many gaps at least, …
TWO_GAPS_COUNT = 10
#: … the narrower this many type sizes at least.
LINE_SPACE = 0.1
#: The share of a line's box, at its top, above its capitals or about at their top (a face's
#: ascent reaches past them: by a sixth of the box in Helvetica's, by less in Arial's): a rule
#: drawn there stands between the line and the one above, not through the line's text.
RULE_OVER_CAPITALS = 0.2
#: Lines whose sizes differ by more than this share, in different fonts, are different styles.
FACE_SIZE_STEP = 0.05


def read_layout(path: Path, *, max_pages: int, pdf: pikepdf.Pdf | None = None) -> Document:
    """Analyse the PDF at ``path`` from its drawing alone. ``pdf``: the same file, already open."""
    try:
        with paused_gc():
            return _read_layout(path, max_pages=max_pages, pdf=pdf)
    finally:
        forget_texts()


def _read_layout(path: Path, *, max_pages: int, pdf: pikepdf.Pdf | None) -> Document:
    doc = Document(reader="layout")
    own = pdf is None
    pk = pikepdf.open(path) if pdf is None else pdf
    try:
        fitz = pdfium.PdfDocument(str(path))
        read_alongside(fitz, pk)
        respacing = Respacing(path, fitz, max_pages)
        try:
            # (Both read the fonts each page reaches: one walk of them serves the two.)
            page_fonts = PageFonts()
            named = NamedGlyphReading(page_fonts)
            extents = UndeclaredExtents(page_fonts)
            # (A list of letter bullets going on over a page break may leave one on a page.)
            bullet_faces = LetterBulletFaces()
            count = min(len(fitz), len(pk.pages), max_pages)
            annotated = page_links(pk, count)
            to_pages = annotated.pages
            # (Read once, in user space: each page's reading asks for its own, the model for
            # them all.)
            fields = form_field_boxes(pk, count)
            unjudged: dict[int, dict[int, ImageFacts]] = {}
            results = [
                _read_page(fitz, pk, index, doc, to_pages.get(index, []), named, unjudged,
                           fields.get(index, []), extents, bullet_faces, respacing)
                for index in range(count)
            ]
            _judge_images_left(fitz, results, unjudged)
        finally:
            respacing.close()
            fitz.close()
        outline = read_outline(pk)
        links = annotated.uris
        doc.language = catalog_language(pk)
        doc.title = catalog_title(pk)
        browser = printed_by_browser(info_entry(pk, "/Producer"), info_entry(pk, "/Creator"))
    finally:
        if own:
            pk.close()
    # The analysis works on pages as shown (.rotation); the model's boxes are turned back last.
    frames = [r.frame for r in results]
    doc.pages = [r.page for r in results]
    links = {page: [(box_to_display(box, frames[page]), uri) for box, uri in found]
             for page, found in links.items() if page < len(frames)}
    fields = {page: [box_to_display(box, frames[page]) for box in found]
              for page, found in fields.items() if page < len(frames)}
    to_pages = {page: [(box_to_display(box, frames[page]), to) for box, to in found]
                for page, found in to_pages.items() if page < len(frames)}
    running_lines_apart(results)
    listings_apart(results)
    # (Before the document's hyphenation is gathered from the blocks' lines, and before
    # classification reads each block as a paragraph.)
    for result in results:
        result.blocks = tabbed_numbers_joined(wide_leading_lines_joined(result.blocks))
    text_blocks = [b for r in results for b in r.blocks if b.kind == "text"]
    # (A table's cells write words too, "access-fannkuch" in a column of names.)
    cells = [f.text for r in results for b in r.blocks if b.kind == "table" for f in b.frags]
    hyphenation = Hyphenation(([f.text for f in b.frags] for b in text_blocks), cells)
    hyphenation.spaced_line_ends = draws_line_end_spaces(b.frags for b in text_blocks)
    tables = [b.table for r in results for b in r.blocks if b.table]
    hyphenation.cell_lines = partial(
        cell_lines, (f for table in tables for row in table for f in row if f is not None))
    # (Tables and figures too: their cells and captions read lines as paragraphs do.)
    for block in (b for r in results for b in r.blocks):
        block.hyphenation = hyphenation
    classify(doc, results, outline.levels, links, fields, outline.places, browser)
    # (A Korean word broken by a page or column break is read whole by the drawn spaces'
    # evidence, as one broken by a line break inside a block is.)
    sizes = text_sizes(text_blocks)
    doc.blocks = paragraphs_run_on(
        asides_after_runover(doc.blocks, sizes, panel_frames(
            b for r in results for b in r.blocks)), hyphenation,
        words_broken_at_block_ends(text_blocks) if hyphenation.spaced_line_ends else None,
        sizes,
    )
    find_contents(doc, to_pages)
    contents_at_the_sections_level(doc, outline.levels)
    doc.pages = [r.user_page for r in results]
    to_user_space(doc, frames)
    if doc.title is None:
        heading = next((b for b in doc.blocks if isinstance(b, Heading)), None)
        doc.title = heading.text if heading else None
    # The language the catalog does not say (or says wrongly), and passages in another.
    detect_languages(doc)
    return doc


def _read_page(
    fitz: pdfium.PdfDocument, pk: pikepdf.Pdf, index: int, doc: Document,
    to_pages: list[tuple[BBox, int]],
    named: NamedGlyphReading | None = None,
    unjudged: dict[int, dict[int, ImageFacts]] | None = None,
    fields: Sequence[BBox] | None = None,
    extents: UndeclaredExtents | None = None,
    bullet_faces: LetterBulletFaces | None = None,
    respacing: Respacing | None = None,
) -> PageResult:
    """``unjudged``: where the page's figure images left unjudged are put (see
    :func:`_judge_images_left`); ``fields``: the page's form field boxes in user space
    (:func:`.catalog_facts.page_field_boxes`, read from the page when not given);
    ``extents``: the document's fonts that declare no extent, as far as known;
    ``bullet_faces``: the faces of letter bullets the pages read before are set in;
    ``respacing``: where to read a page pdfium would misplace text on (:mod:`.respacing`;
    None: from ``fitz``, as it is)."""
    try:
        with noted() as limits:
            result = _analyse_page(fitz, pk, index, doc, to_pages,
                                   named or NamedGlyphReading(),
                                   {} if unjudged is None else unjudged, fields,
                                   extents or UndeclaredExtents(),
                                   bullet_faces or LetterBulletFaces(), respacing)
        # (A limit that kept the page's reading bounded changed it: staff are told.)
        doc.warnings.extend(Warning(code, message, index) for code, message in limits.items())
        return result
    except Exception as e:  # noqa: BLE001 - one bad page must not lose the document
        doc.warnings.append(Warning("page-unreadable", f"{type(e).__name__}: {e}", index))
        empty = Page(0.0, 0.0)
        failed = PageResult(empty, [], OperatorMap(), [], Frame(0, 0.0, 0.0), empty)
    # (Only a page that failed leaves cycles worth freeing before the document ends: its
    # exception's frames, holding what the page had read. See .gcpause.)
    collect_young()
    return failed


def _analyse_page(
    fitz: pdfium.PdfDocument, pk: pikepdf.Pdf, index: int, doc: Document,
    to_pages: list[tuple[BBox, int]],
    named: NamedGlyphReading,
    unjudged: dict[int, dict[int, ImageFacts]],
    user_fields: Sequence[BBox] | None,
    extents: UndeclaredExtents,
    bullet_faces: LetterBulletFaces,
    respacing: Respacing | None,
) -> PageResult:
    pk_page = pk.pages[index]
    # (Read once: the operators are mapped from the same bytes.)
    joined = joined_content(pk_page)
    reading = fitz if respacing is None else respacing.document_for(
        index, None if joined is None else joined[0])
    with OpenedPage(reading, index, image_facts=True) as opened:
        content = opened.content
        # Glyphs whose names pdfium does not know read as their names say (the tagged
        # output's /ToUnicode says the same).
        named.apply(pk_page, content.glyphs, opened.unembedded_text)
        # (A font whose descriptor gives no ascent nor descent: its glyphs sized by their
        # point size, as one size reads in every face.)
        extents.apply(pk_page, content.glyphs, opened.type_sizes)
        for message in content.warnings:
            doc.warnings.append(Warning("page-truncated", message, index))
        opmap = map_operators(pk_page, content.object_kinds, joined)
        if opmap.warning:
            doc.warnings.append(Warning("operator-map", opmap.warning, index))
        # Text drawn wholly outside the visible page (the other half of a spread) is no
        # part of what a reader sees: an artifact, not text.
        drawn = content.glyphs
        off = take_off_page(content, visible_area(content, opened.page.get_bbox()))
        # So are whole words a clip path hides (an axis label its chart's frame clips away),
        objects = content_drawn_objects(content)
        clipped = take_clipped(content, opened.clip_boxes(objects))
        # and text painted in no ink, or white on white ("SPACER TEXT" of a template).
        unseen = take_unseen(content, opened.unseen_text(objects))
        off = _in_drawing_order(drawn, off, _in_drawing_order(drawn, clipped, unseen))
        needs_ocr = not content.glyphs and bool(content.images)
        if needs_ocr:
            doc.warnings.append(Warning("needs-ocr", "the page is an image with no text", index))
        page = Page(round_to(content.width, 2), round_to(content.height, 2), content.rotation,
                    needs_ocr, round_to(content.x0, 2), round_to(content.y0, 2))
        frame = frame_of(content)
        if off:
            doc.artifacts.append(_off_page_artifact(off, index, content, opmap, frame))
        to_display_space(content, frame)
        if user_fields is None:
            user_fields = page_field_boxes(pk_page)
        fields = [box_to_display(box, frame) for box in user_fields]
        linked = [(box_to_display(box, frame), to) for box, to in to_pages]
        blocks = page_blocks(content, fields, linked, bullet_faces)
        for b in blocks:
            # (Asked while the page is open: what the shapes are painted with, and where
            # their clip lets them show.)
            if b.candidate:
                b.candidate.nowhere = opened.shows_nowhere(b.objects)
                if not b.candidate.nowhere and b.candidate.drawing:
                    _cut_to_seen(b, opened.seen_box(
                        b.objects, None if frame.turned else (b.x0, b.y0, b.x1, b.y1)
                    ), frame)
            if b.candidate and b.candidate.drawing and not b.candidate.words_on:
                b.candidate.blank = opened.paints_nothing(b.objects)
        # Whether an image is edgeless is asked (by .figures) only of some of a figure's
        # images; judging it renders the image, the dearest fact of a page, so it is judged
        # for those alone, before the page closes. Those asked only if the figure's other
        # images prove running (known once every page is read) wait for that.
        candidates = [b.candidate for b in blocks if b.candidate]
        opened.judge_smoothness(f for c in candidates for f in smoothness_asked(c, set()))
        place_of = {id(f): k for k, f in enumerate(content.image_facts)}
        left = {place_of[id(f)]: f for c in candidates for _, f in c.significant()
                if f.unjudged and id(f) in place_of}
        if left:
            unjudged[index] = left
    return PageResult(
        frame.display_page(page), blocks, opmap, content.object_mcids, frame, page,
        _free_level_rules(content.rules, content.width / 3),
        _level_edges(content.rules, content.width / 3),
    )


def _rules_only(
    members: Sequence[Rect], rule_ids: set[int]
) -> tuple[tuple[float, float, float, float], ...]:
    """The boxes of a drawing's ``members`` when all of them are among the page's rules (by
    ``id``: no other shape, no image); none otherwise (see :func:`.figures.empty_frame`)."""
    if not members or any(id(r) not in rule_ids for r in members):
        return ()
    return tuple((r.x0, r.y0, r.x1, r.y1) for r in members)


def _free_level_rules(rules: Sequence[Rect], longest: float) -> list[BBox]:
    """The page's horizontal rules ``longest`` long at least that stand free, no rule up
    the page meeting either end: a template's stroke under a running header, not the top
    or the bottom of a frame drawn round a table or a chart."""
    upright = [r for r in rules if r.x1 - r.x0 <= RULE_WIDTH]

    def meets(r: Rect, x: float) -> bool:
        return any(
            u.x0 - RULE_WIDTH <= x <= u.x1 + RULE_WIDTH
            and u.y0 - RULE_WIDTH <= r.y1 and r.y0 <= u.y1 + RULE_WIDTH
            for u in upright
        )

    return [
        BBox(r.x0, r.y0, r.x1, r.y1) for r in rules
        if r.y1 - r.y0 <= RULE_WIDTH and r.x1 - r.x0 >= longest
        and not meets(r, r.x0) and not meets(r, r.x1)
    ]


def _level_edges(rules: Sequence[Rect], longest: float) -> list[BBox]:
    """The page's horizontal rules ``longest`` long at least, counting rules drawn end to
    end at one height as one (a table's cells draw their edges cell by cell)."""
    level = sorted(
        (r for r in rules if r.y1 - r.y0 <= RULE_WIDTH), key=lambda r: (round(r.y0), r.x0)
    )
    runs: list[BBox] = []
    for r in level:
        last = runs[-1] if runs else None
        if last and abs(last.y0 - r.y0) <= RULE_WIDTH and r.x0 <= last.x1 + RULE_WIDTH:
            runs[-1] = BBox(last.x0, min(last.y0, r.y0), max(last.x1, r.x1), max(last.y1, r.y1))
        else:
            runs.append(BBox(r.x0, r.y0, r.x1, r.y1))
    return [r for r in runs if r.x1 - r.x0 >= longest]


def _in_drawing_order(drawn: list[Glyph], first: list[Glyph], then: list[Glyph]) -> list[Glyph]:
    """The glyphs ``first`` and ``then`` (each in drawing order, taken out of ``drawn``)
    together, in the order of ``drawn``."""
    if not first or not then:
        return first or then
    place = places_by_id(drawn)
    return sorted(first + then, key=lambda g: place[id(g)])


def _off_page_artifact(
    off: Sequence[Glyph], index: int, content: PageContent, opmap: OperatorMap, frame: Frame
) -> Artifact:
    """The glyphs ``off`` page ``index`` (user space, see :mod:`.off_page`) as an artifact:
    its box in display space, as every box of the model is until the end of the reading."""
    x0, y0 = min(g.x0 for g in off), min(g.y0 for g in off)
    x1, y1 = max(g.x1 for g in off), max(g.y1 for g in off)
    if frame.turned:
        x0, y0, x1, y1 = frame.to_display(x0, y0, x1, y1)
    objects = off_page_objects(off, content.glyphs, content.object_kinds)
    marks = content.object_mcids
    mcids = {marks[o] for o in objects if o < len(marks)} - {-1}
    box = BBox(round_to(x0, 2), round_to(y0, 2), round_to(x1, 2), round_to(y1, 2))
    return Artifact("other", off_page_text(off),
                    [Prov(index, box, tuple(sorted(mcids)), opmap.ranges(objects))])


def _cut_to_seen(
    figure: Block, seen: tuple[float, float, float, float] | None, frame: Frame
) -> None:
    """A vector drawing's box cut to what its shapes show (:meth:`.glyphs.OpenedPage.
    seen_box`): pieces clipped away or drawn off the page are no part of the picture a
    reader sees (a plot's curves drawn past its frame, clipped to it). The text on it (a
    chart's labels and scales, set beside its shapes) stays inside. (An image keeps the
    box it is placed at, the box authoring tools tag a cropped photograph with: only a
    drawing, whose box is made of its shapes' boxes, is cut.)"""
    if seen is None or figure.candidate is None:
        return
    sx0, sy0, sx1, sy1 = frame.to_display(*seen) if frame.turned else seen
    # (A side within a stroke's width of what shows is left where it is.)
    x0 = sx0 if sx0 > figure.x0 + SEEN_TOLERANCE else figure.x0
    y0 = sy0 if sy0 > figure.y0 + SEEN_TOLERANCE else figure.y0
    x1 = sx1 if sx1 < figure.x1 - SEEN_TOLERANCE else figure.x1
    y1 = sy1 if sy1 < figure.y1 - SEEN_TOLERANCE else figure.y1
    if x0 >= x1 or y0 >= y1:
        return
    for (a, b, c, d), _ in figure.candidate.words_on:
        x0, y0, x1, y1 = min(x0, a), min(y0, b), max(x1, c), max(y1, d)
    x0, y0 = max(x0, figure.x0), max(y0, figure.y0)
    x1, y1 = min(x1, figure.x1), min(y1, figure.y1)
    if (x0, y0, x1, y1) == (figure.x0, figure.y0, figure.x1, figure.y1):
        return
    figure.x0, figure.y0, figure.x1, figure.y1 = x0, y0, x1, y1
    if figure.image is not None:
        figure.image = Rect(x0, y0, x1, y1, figure.image.obj)
    figure.candidate.box = (x0, y0, x1, y1)


def _judge_images_left(
    fitz: pdfium.PdfDocument, results: list[PageResult],
    unjudged: dict[int, dict[int, ImageFacts]],
) -> None:
    """Judge the images left unjudged on their pages (``unjudged``: page -> place in its
    image facts -> facts) that :func:`.figures.judge` may ask about now that the running
    images are known. Blocks are only dropped between here and there, so the running images
    it finds are among those found here, and the images it may ask about among these."""
    if not unjudged:
        return
    candidates = [b.candidate for r in results for b in r.blocks if b.candidate]
    running = running_keys(candidates, pages=len(results))
    asked = {id(f) for c in candidates if c.page in unjudged
             for f in smoothness_asked(c, running)}
    for index, left in unjudged.items():
        wanted = {k: f for k, f in left.items() if id(f) in asked}
        if wanted:
            try:
                judge_closed_page(fitz, index, wanted)
            except Exception:  # noqa: BLE001 - the page was read once: its images stay unjudged
                continue


def page_blocks(
    content: PageContent, fields: Sequence[BBox] = (),
    to_pages: Sequence[tuple[BBox, int]] = (),
    bullet_faces: LetterBulletFaces | None = None,
) -> list[Block]:
    """Blocks of one page in reading order (``fields``: the boxes of its form fields;
    ``to_pages``: its links to pages of the document, with the page each leads to;
    ``bullet_faces``: the faces of letter bullets found on the pages read before)."""
    # (Accents drawn apart, "o" and "´" over it, read as the one letter "ó".)
    join_accents(content.glyphs)
    # (TeX's underscores outside the typewriter face are short rules on the baseline.)
    if content.rules:
        read_drawn_underscores(content)
    # (The page's glyph stream, final from here on, indexed once for the passes that look
    # glyphs up in it: letter spacing, code in cells, walls, formulas.)
    stream = Places(content.glyphs)
    page_runs = fragments(content.glyphs, stream)
    # (A brace grouping lines, as tall as many of them, is drawn beside them: decoration.)
    page_runs, braces = _braces_apart(page_runs, content.index)
    if content.paths or content.rules:
        # (Bullets drawn as shapes are read as "•", each a piece of its own before its text.)
        page_runs = with_drawn_bullets(page_runs, content)
    # (A second-level bullet set as the letter "o" in a face of its own is read as "◦".)
    page_runs = letter_bullets(page_runs, bullet_faces)
    frags = [f for line in logical_lines(lines(page_runs)) for f in line.fragments]
    # A form's boxes side by side: text running across a wall between two is two boxes'
    # (read by pdfium as one run where the gap is a word space), split there.
    edges = shared_edges(content.paths[:MAX_SHAPES], RULE_WIDTH)
    walls = vertical_walls(content.rules, edges)
    # (So is a line of options, each opening with a box glyph: cut before each box.)
    boxes = box_glyph_walls(frags)
    # (And an unruled grid's cells run together, flush right against flush left, are cut
    # where the next column starts on every row.)
    aligned = aligned_walls(frags)
    # (And a list's number drawn against its text, "1.Improve", is cut from it.)
    numbers = abutting_label_walls(frags)
    if boxes or aligned or numbers:
        walls = sorted(walls + boxes + aligned + numbers)
    positions = GlyphPositions(content.glyphs, stream)
    frags = split_at_walls(frags, walls, positions)
    page_rules = PageRules(content.rules + edges)
    frames = Frames(content.paths[:MAX_SHAPES], RULE_WIDTH)
    # (Boxes of text side by side are read a box at a time: their frames are no drawing.)
    boxed_rows = side_by_side_areas(content.paths, frags)
    text_grids: list[Rect] = []  # grids of rules framing text read as no table
    blocks = ruled_tables(content, frags, fields, text_grids)
    if blocks:
        inside = {id(f) for b in blocks for f in b.frags}
        frags = [f for f in frags if id(f) not in inside]
    regions: dict[int, int] = {}  # block id -> the column region it was built in
    found_columns = 0  # columns the table finder found (regions numbered below zero)
    sections: dict[int, Section] = {}  # block id -> its section, where lines across cut
    breaks = SectionBreaks(content.rules, content.paths)
    for number, region in enumerate(column_regions(frags, breaks=breaks)):
        # A proof's end mark, set flush right, is read with the line it ends: out of the
        # lines while tables and blocks are built (level with text, it would be a column).
        marks, region_lines = take_end_marks(lines(region))
        if walls:
            # (Grouping into lines joins pieces a fragment gap apart again: split anew.)
            for line in region_lines:
                line.fragments = split_at_walls(line.fragments, walls, positions)
        columns: dict[int, int] = {}
        tables, used = find_tables(
            region_lines, content.index, walls, columns, rules=content.rules
        )
        for form in [t for t in tables if lays_out_form(t, fields)]:
            tables.remove(form)  # its labels are read as text
            used.difference_update(id(f) for f in form.frags)
        # A display formula's lines: one block, read in place (see .formulas).
        runs = formula_runs(region_lines, used)
        in_formulas = {id(f) for run in runs for line in run for f in line}
        ends = {id(m.after): m.mark for m in marks if id(m.after) in in_formulas}
        marks = [m for m in marks if id(m.after) not in in_formulas]
        # (Each glyph's place in the page's stream, indexed once for the page: formulas
        # of several regions look up the same stream.)
        at = stream.at() if runs else {}
        formulas = [
            formula_block(content.index, run, content.glyphs, at, ends) for run in runs
        ]
        used.update(in_formulas)
        rest = [f for line in region_lines for f in line.fragments if id(f) not in used]
        # (Reference entries opening with citation keys, line after line: one block each.)
        # (A form's labels one under another, each beside its own field: one block each.)
        # (A table of contents' numbered lines close under each other: one block each.)
        labelled, side_groups = split_at_fields(split_contents_lines(split_keyed_entries(
            _text_blocks_ended(rest, marks, content.index, to_pages, page_rules, frames)
        )), fields, frags)
        built = labelled + tables + formulas
        regions.update((id(b), number) for b in built)
        for group, head in side_groups:
            # Two groups side by side (the head of a group of fields set beside a group of
            # labels): two columns, numbered as the table finder's are, read one after the
            # other.
            regions.update((id(b), -1 - found_columns) for b in group)
            regions[id(head)] = -2 - found_columns
            found_columns += 2
        # Columns found among the region's lines (lists side by side, columns between rules
        # down): each a region of its own, numbered apart from the column search's regions.
        own: dict[int, int] = {}
        for block_id, column in columns.items():
            if column not in own:
                own[column] = -1 - found_columns
                found_columns += 1
            regions[block_id] = own[column]
        sections.update(
            (id(b), breaks.sections[id(b.frags[0])])
            for b in built if b.frags and id(b.frags[0]) in breaks.sections
        )
        sections.update(
            (id(b), breaks.sections[id(run[0][0])])
            for b, run in zip(formulas, runs, strict=True) if id(run[0][0]) in breaks.sections
        )
        blocks.extend(built)
    page_area = max(content.width * content.height, 1.0)
    page_box = (content.x0, content.y0, content.width, content.height)
    tables = [b for b in blocks if b.kind == "table"]
    drawings: list[Block] = []
    # (The tables ruled: a table of lines lined up may be a chart's labels, read as text on
    # the drawing below, which it does not part.)
    ruled = [t for t in tables if not t.lines]
    found = _drawings(content, frags, ruled)
    for table in _label_tables(found, tables):
        # A chart's labels lined up over its plots: read as the text on it they are.
        blocks.remove(table)
        tables.remove(table)
        text = _text_blocks(table.frags, content.index, rules=content.rules)
        regions.update((id(b), regions.get(id(table), 0)) for b in text)
        blocks.extend(text)
    rule_ids = {id(r) for r in content.rules} if found else set()
    # (Joined once for the page: each drawing looks for its members among them all.)
    drawn_shapes = content.paths + content.rules + content.images if found else []
    for drawing in found:
        if any(area_share(drawing, t) > 0.3 for t in tables) or any(
            area_share(drawing, row) > 0.3 for row in boxed_rows
        ):
            continue  # the rules and shading of a table
        if any(area_share(drawing, g) > 0.3 and area_share(g, drawing) > 0.5 for g in text_grids):
            # Mostly a grid of rules holding text (a menu of links ruled a row each, a frame
            # around paragraphs, with a rule under it): its text is read as text, and its rules
            # draw no picture.
            continue
        members = [
            r for r in drawn_shapes
            if r.x0 >= drawing.x0 - 1 and r.x1 <= drawing.x1 + 1 and r.y0 >= drawing.y0 - 1
            and r.y1 <= drawing.y1 + 1
        ]
        words_on = [
            f for f in frags
            if drawing.x0 <= (f.x0 + f.x1) / 2 <= drawing.x1
            and drawing.y0 <= (f.y0 + f.y1) / 2 <= drawing.y1
        ]
        figure = Block(
            content.index, kind="figure", image=drawing, x0=drawing.x0, y0=drawing.y0,
            x1=drawing.x1, y1=drawing.y1, objects=sorted({r.obj for r in members}),
            candidate=Candidate(
                content.index, (drawing.x0, drawing.y0, drawing.x1, drawing.y1), True,
                text_heights=[f.height for f in words_on], page_box=page_box,
                shapes=tuple(sorted(place(r.x0, r.y0, r.x1, r.y1) for r in members)),
                words_on=[((f.x0, f.y0, f.x1, f.y1), f.text) for f in words_on],
                rules=_rules_only(members, rule_ids),
            ))
        drawings.append(figure)
        blocks.append(figure)
    for labels in _mixed_labels(blocks, drawings):
        # A chart's title and its scale's values in one block (a box's text, read whole):
        # the title is read, the values are set apart (see .classify), each line a block.
        blocks.remove(labels)
        text = _lines_apart(labels, content.index, content.rules)
        regions.update((id(b), regions.get(id(labels), 0)) for b in text)
        blocks.extend(text)
    for figure in drawings:
        figure.labels = drawing_labels(figure, blocks)
    facts = content.image_facts
    for image in merge_images(content.images, content.paths):
        area = (image.x1 - image.x0) * (image.y1 - image.y0)
        # A page-size image behind text is its background (decoration: see .figures); on a
        # page without text it is the page itself, a scan waiting for OCR, left as it was.
        scan = not content.glyphs and area >= BACKGROUND_AREA * page_area
        if area >= FIGURE_MIN_AREA * page_area and not scan:
            pieces = [
                (r, facts[k] if k < len(facts) else ImageFacts())
                for k, r in enumerate(content.images)
                if r.x0 >= image.x0 - 1 and r.x1 <= image.x1 + 1 and r.y0 >= image.y0 - 1
                and r.y1 <= image.y1 + 1
            ]
            blocks.append(
                Block(content.index, kind="figure", image=image, x0=image.x0, y0=image.y0,
                       x1=image.x1, y1=image.y1, objects=sorted({r.obj for r, _ in pieces}),
                       candidate=Candidate(content.index, (image.x0, image.y0, image.x1,
                                                           image.y1), False, pieces,
                                           page_box=page_box, text_on=[
                                               (f.x0, f.y0, f.x1, f.y1, f.size) for f in frags
                                               if image.x0 <= (f.x0 + f.x1) / 2 <= image.x1
                                               and image.y0 <= (f.y0 + f.y1) / 2 <= image.y1
                                           ]))
            )
    for table, names in names_of_pictures(blocks, page_area):
        # The names of a row of pictures, each under its own: read as text, a name at a time.
        blocks.remove(table)
        text = []
        for named, name in names:
            read = _text_blocks(name, content.index, rules=content.rules)
            if named is not None:
                named.labels.extend(read)  # (its names: no headings, see .classify)
            text.extend(read)
        regions.update((id(b), regions.get(id(table), 0)) for b in text)
        blocks.extend(text)
    for labels in labels_on_pictures(blocks, page_area):
        # A chart's labels: read as the text on the picture they are.
        blocks.remove(labels)
        text = _text_blocks(labels.frags, content.index, rules=content.rules)
        regions.update((id(b), regions.get(id(labels), 0)) for b in text)
        blocks.extend(text)
    # (A stack of one-line blocks the cut parted, a block beside its top read between its
    # lines: that block read after the stack, see .line_stacks.)
    ordered = stacks_unbroken(corner_notes_after_title(panels_last(
        reading_order(
            blocks, regions, sections=sections, drawn=breaks.drawn.read_with(blocks)
        ),
        content, fields,
    ))) + braces  # (decoration, read with none of the page's text: last)
    if content.rules or content.paths:
        mark_box_labels(ordered, breaks.drawn)  # (a box is drawn with lines or shapes)
    if content.paths:
        mark_wordmarks(ordered, content.paths)
    return labels_after_drawings(headnotes_captioned(
        join_tables(footnotes_apart(footnotes_last(ordered, content), content))
    ))



#: A brace alone, this many times the size of most of its page's text at least, groups
#: lines of it. (A formula's tallest brackets are three times its size.)
BRACE_LINES = 4.0


def _braces_apart(runs: list[Fragment], page: int) -> tuple[list[Fragment], list[Block]]:
    """``runs`` without the braces standing alone, drawn as tall as :data:`BRACE_LINES`
    lines of the page's text at least (a form's "{" grouping the kinds of relative a list
    names, set apart from its lines: :data:`.lines.SPANS_LINES`), and those, each a block
    of decoration. Such a brace groups the lines beside it, which a sighted reader reads one
    by one, past it: among them, its box reaching over them all would draw them into one
    line, or read the block it joins before the text above it."""
    tall = [f for f in runs if f.text in BRACES]
    if not tall:
        return runs, []
    size = quick_median([f.size for f in runs])
    apart = [f for f in tall if f.size > BRACE_LINES * size]
    if not apart:
        return runs, []
    gone = {id(f) for f in apart}
    blocks = []
    for brace in apart:
        block = Block(page, artifact="decoration")
        block.add(brace)
        blocks.append(block)
    return [f for f in runs if id(f) not in gone], blocks


def labels_after_drawings(blocks: list[Block]) -> list[Block]:
    """Each vector drawing's labels read together right after it, in the order they were
    read: drawings side by side or stacked in a column (charts beside a table) are read one
    after another, and the labels of the first would otherwise follow the last."""
    labelled = [
        b for b in blocks
        if b.kind == "figure" and b.labels and b.candidate is not None and b.candidate.drawing
    ]
    if not labelled:
        return blocks
    at = {id(b): k for k, b in enumerate(blocks)}
    moved: set[int] = set()
    owner: dict[int, list[Block]] = {}
    texts = [b for b in blocks if b.kind == "text" and caption_text(b.text) is None]
    for figure in labelled:
        # (Its labels as the page has them now: a table of them is read as text by now. A
        # line of the column above running on into its top edge is the column's, no label.)
        labels = [
            b for b in texts
            if area_share(b, figure) > LABEL_ON_DRAWING and id(b) not in moved
            and not (at[id(b)] and runs_into_top(b, blocks[at[id(b)] - 1], figure))
        ]
        moved.update(id(b) for b in labels)
        owner[id(figure)] = sorted(labels, key=lambda b: at[id(b)])
    out: list[Block] = []
    for b in blocks:
        if id(b) in moved:
            continue
        out.append(b)
        out.extend(owner.get(id(b), ()))
    return out


def _mixed_labels(blocks: Sequence[Block], drawings: Sequence[Block]) -> list[Block]:
    """Text blocks lying on a vector drawing whose lines are partly values of a chart's
    scale, partly words (:func:`.figures.scale_label`)."""
    out = []
    for b in blocks:
        if b.kind != "text" or not any(area_share(b, d) > LABEL_ON_DRAWING for d in drawings):
            continue
        kinds = {scale_label(text) for text in _line_texts(b)}
        if len(kinds) == 2:
            out.append(b)
    return out


def _line_texts(block: Block) -> list[str]:
    return [" ".join(f.text for f in line) for line in lines_of(block.frags)]


def _lines_apart(block: Block, page: int, rules: Sequence[Rect]) -> list[Block]:
    return [b for line in lines_of(block.frags) for b in _text_blocks(line, page, rules=rules)]


#: A text block this share of whose box lies on a drawing is set on it.
LABEL_ON_DRAWING = 0.9


def drawing_labels(figure: Block, blocks: Sequence[Block]) -> list[Block]:
    """The text blocks set on a vector drawing: its labels (a chart's scale, axis names and
    legend, a diagram's names), words of the picture which, read in the flow of the text, are
    noise ("25 20 15 Height gain 10 Girls Boys"). Its caption ("Figure 2: …"), even set on
    its ground, describes it and stays text. None when a sentence is set on or across it (a
    line holds none, :func:`.figures.text_frame`, but a block may): an infographic, whose
    words are the content, read as text."""
    on_it = [(b, area_share(b, figure)) for b in blocks if b.kind == "text"]
    if any(share > 0.5 and running_text(_worded(b.text)) for b, share in on_it):
        return []
    labels = [
        b for b, share in on_it
        if share > LABEL_ON_DRAWING and caption_text(b.text) is None
    ]
    # (A line of the column above running on into the drawing's top edge is the column's.)
    return [
        b for b in labels
        if not (tops_out_at(b, figure) and any(
            runs_into_top(b, other, figure) for other in blocks if other is not b))
    ] if labels else labels


def _worded(text: str) -> str:
    """``text`` without the values of a chart's scale (:func:`.figures.scale_label`): read
    together in one block ("30 20 10 0 2010 2011", "J F M A M J"), they are no sentence."""
    return " ".join(token for token in text.split() if not scale_label(token))


#: A vector drawing is a cluster of this many shapes at least …
MIN_DRAWING_SHAPES = 4
#: … covering at least this share of the page, and at most this one.
MIN_DRAWING_AREA = 0.02
MAX_DRAWING_AREA = 0.6
#: Shapes within this many points of each other are pieces of one drawing.
DRAWING_GAP = 6.0
#: Where drawings are told apart from a table or from each other, a drawing's pieces touch
#: (within this many points, a stroke's width): a gutter between two frames parts them.
DRAWINGS_APART_GAP = 2.0
#: A rule running across this share of a cluster's width (or height) at least, nearly all of
#: it, frames what it runs past (a page's frame around everything on it): no piece of a
#: drawing. (Shorter rules may be a drawing's own or join its pieces: a diagram's connectors,
#: a chart's gridlines, the borders of a box drawn in two halves.)
JOINING_RULE = 0.9


def _drawings(
    content: PageContent, frags: list[Fragment], tables: Sequence[Boxed] = ()
) -> list[Rect]:
    """Vector drawings (charts, diagrams): clusters of many shapes covering some of the page,
    holding at most short labels. A single shape, or shapes behind running text, are boxes
    and backgrounds, not figures. (``tables``: the boxes of the page's ruled tables, whose
    rules and shading are theirs, not a drawing's.)"""
    page_area = max(content.width * content.height, 1.0)
    left, bottom = content.x0, content.y0
    right, top = left + content.width, bottom + content.height
    # (A bullet drawn as a shape is read as the label of the line it leads: it is text, no
    # piece of a drawing. A list of links, each underlined, led by such bullets would be a
    # cluster of many small shapes: Chromium draws its hollow "◦" and square "▪" bullets.)
    shapes = [
        r for r in content.paths + content.rules
        if (r.x1 - r.x0) * (r.y1 - r.y0) < 0.5 * page_area
        # (Drawn off the page, outside its crop box, a shape shows nothing.)
        and r.x1 > left and r.x0 < right and r.y1 > bottom and r.y0 < top
    ]
    if len(shapes) < MIN_DRAWING_SHAPES:
        # No cluster can hold enough shapes to be a drawing (the bullets and boxes left out
        # below only make fewer): most pages have a rule or two, and need neither their
        # drawn bullets nor their running text found.
        return []
    bullets = _drawn_bullet_boxes(frags)
    if bullets:
        shapes = [r for r in shapes if not _is_bullet(r, bullets)]
    shapes = shapes[:MAX_SHAPES]
    if len(shapes) < MIN_DRAWING_SHAPES:
        return []
    # A box around a caption or a paragraph beside a drawing would join the two and make the
    # whole a text frame: it is no piece of the drawing. (Only shapes as large as a line of
    # running text can hold one: the many small pieces of a drawing are not looked at.)
    boxes = [r for r in shapes if r.x1 - r.x0 > RULE_WIDTH and r.y1 - r.y0 > RULE_WIDTH]
    running = [(f.x0, f.y0, f.x1, f.y1) for f in frags if running_text(f.text)] if boxes else []
    if running:
        least_w = min(x1 - x0 for x0, _, x1, _ in running)
        least_h = min(y1 - y0 for _, y0, _, y1 in running)
        shapes = [
            r for r in shapes
            if r.x1 - r.x0 < least_w or r.y1 - r.y0 < least_h
            or not frames_running_text((r.x0, r.y0, r.x1, r.y1), running)
        ]
    clusters = _clusters(shapes, DRAWING_GAP)
    parts: list[tuple[Rect, int]] = []
    for whole, whole_count in clusters:
        if any(area_share(whole, t) > 0.3 or area_share(t, whole) > 0.3 for t in tables):
            # Lying on a table, or holding one: drawings joined to the table (and to each
            # other) by the rules framing the page or ruling the table. (A cluster too large
            # for one drawing holding no table found may be a table of its own: its pieces
            # are no drawings.)
            parts.extend(_drawings_apart(whole, shapes, tables))
        else:
            parts.append((whole, whole_count))
    pictures: list[tuple[float, float, float, float]] | None = None

    def pictured(box: Rect) -> bool:
        """Shapes that draw a picture: no text frame, nor the ground of photographs."""
        nonlocal pictures
        inside = [
            ((f.x0, f.y0, f.x1, f.y1), f.text) for f in frags
            if box.x0 <= (f.x0 + f.x1) / 2 <= box.x1 and box.y0 <= (f.y0 + f.y1) / 2 <= box.y1
        ]
        members = [
            (r.x0, r.y0, r.x1, r.y1) for r in shapes
            if r.x0 >= box.x0 - 1 and r.x1 <= box.x1 + 1 and r.y0 >= box.y0 - 1
            and r.y1 <= box.y1 + 1
        ]
        if text_frame((box.x0, box.y0, box.x1, box.y1), members, inside):
            return False  # running text on a coloured box, a table drawn with shapes
        if pictures is None:
            pictures = [
                (r.x0, r.y0, r.x1, r.y1) for r in merge_images(content.images, content.paths)
            ]
        # (Not the panel photographs are set on: they are the figures. Covered by the
        # pictures' boxes and by the images themselves: a chart's bars drawn as images make
        # one picture whose box covers its plot, and they cover little of it.)
        whole = (box.x0, box.y0, box.x1, box.y1)
        return not (
            ground_of_pictures(whole, pictures)
            and ground_of_pictures(whole, [(r.x0, r.y0, r.x1, r.y1) for r in content.images])
        )

    def drawing(box: Rect, count: int) -> bool:
        area = _area(box)
        return count >= MIN_DRAWING_SHAPES and (
            MIN_DRAWING_AREA * page_area <= area <= MAX_DRAWING_AREA * page_area
        ) and pictured(box)

    framed = [
        k for k, (whole, count) in enumerate(parts)
        if count > MIN_DRAWING_SHAPES and _area(whole) >= FIGURE_MIN_AREA * page_area
    ]
    for k in reversed(framed):
        # A panel of text framed by rules (four drawn apart, not one box) holding charts:
        # the frame joins the charts and the panel's text into one text frame, no drawing.
        # Inside the frame the charts are drawings of their own.
        inner = _inside_frame(parts[k][0], shapes)
        if inner is not None and not pictured(parts[k][0]):
            parts[k:k + 1] = inner
    found = _figure_groups(parts, frags, page_area, drawing, pictured)
    # (The page's scale values only once a drawing is found: most pages of shapes have none.)
    scales = (
        [((f.x0, f.y0, f.x1, f.y1), f.text) for f in frags if scale_label(f.text)]
        if found else []
    )
    scaled = [
        # (Its scales' values set just off the plot are the chart's.)
        Rect(*with_scales((box.x0, box.y0, box.x1, box.y1), scales), box.obj)
        for box in found
    ]
    return _rows_of_one_figure(scaled, frags, drawing) if len(scaled) > 1 else scaled


def _drawn_bullet_boxes(frags: Sequence[Fragment]) -> dict[tuple[float, float], list[Fragment]]:
    """The pieces read for bullets drawn as shapes (:func:`.drawn_bullets.with_drawn_bullets`
    sets each where its shape is, as high as its line), by their left and right edges."""
    found: dict[tuple[float, float], list[Fragment]] = {}
    for f in frags:
        if drawn_bullet(f):
            found.setdefault((f.x0, f.x1), []).append(f)
    return found


def _is_bullet(shape: Rect, bullets: dict[tuple[float, float], list[Fragment]]) -> bool:
    """Whether ``shape`` is one a piece of ``bullets`` was read for: as wide, on its line."""
    return any(
        f.y0 <= shape.y0 and shape.y1 <= f.y1 for f in bullets.get((shape.x0, shape.x1), ())
    )


#: A drawing smaller than a figure (:data:`MIN_DRAWING_AREA`) but larger than an icon
#: (:data:`.figures.FIGURE_MIN_AREA`), of this many shapes at least, may be a part of one: a
#: panel of a figure of panels, each labelled "(a)", "(b)" under it.
PANEL_MIN_SHAPES = 3
#: Drawings this many times the page's usual font size apart at most (room for a panel's
#: label between them) are panels of one figure.
PANEL_GAP_LINES = 4.0
#: Panels of a page looked at most (bounded work on a page of many small drawings).
MAX_PANELS = 200
#: A plot this share of an icon's size at least (:data:`.figures.FIGURE_MIN_AREA`) may be a
#: chart, if its scales (set outside it, see :func:`_charts_alone`) make it as large as one:
#: a poster's bar chart is a thin band of bars over its axis's values.
CHART_PLOT_MIN = 0.5


def _figure_groups(
    parts: Sequence[tuple[Rect, int]], frags: Sequence[Fragment], page_area: float,
    drawing: Callable[[Rect, int], bool], pictured: Callable[[Rect], bool],
) -> list[Rect]:
    """The drawings among a page's clusters of shapes (``parts``, each with its count of
    shapes): each that is one (``drawing``), and figures of panels. A figure of panels (a
    sphere, a cube and a torus side by side, each with its label under it) draws each panel
    as a cluster of its own, too small for a figure alone; neighbouring panels
    (:data:`PANEL_GAP_LINES` apart at most, nothing but labels between them, each a picture
    of its own: ``pictured``) are one figure, with a drawing next to them if there is one
    (two panels over a third as large as a figure). Two drawings are never joined (charts
    side by side, each with its caption); if the panels joined to one make no drawing, it
    stands alone."""
    large_area = MIN_DRAWING_AREA * page_area
    small_area = FIGURE_MIN_AREA * page_area
    large = {k for k, (box, count) in enumerate(parts) if drawing(box, count)}
    panels = [
        k for k, (box, count) in enumerate(parts)
        if count >= PANEL_MIN_SHAPES and small_area <= _area(box) < large_area
    ]
    # (Plots smaller than an icon are charts only with their scales: no panels to join.)
    plots = [
        box for box, count in parts[:MAX_PANELS]
        if count >= PANEL_MIN_SHAPES and CHART_PLOT_MIN * small_area <= _area(box) < small_area
    ]
    if panels and len(panels) + len(large) >= 2:  # (else nothing to join: no text looked at)
        panels = [k for k in panels if pictured(parts[k][0])]
    if len(panels) + len(large) < 2 or not panels:
        return [parts[k][0] for k in sorted(large)] + _charts_alone(
            [parts[k][0] for k in panels] + plots, frags, small_area, pictured
        )
    sizes = sorted(f.size for f in frags)
    gap = PANEL_GAP_LINES * (sizes[len(sizes) // 2] if sizes else 12.0)
    running = [f for f in frags if running_text(f.text)]
    owner = list(range(len(parts)))

    def root(k: int) -> int:
        while owner[k] != k:
            k = owner[k]
        return k

    has_large = [k in large for k in range(len(parts))]
    # (Neighbours only, nearest first; a page's panels are bounded by its clusters.)
    near = ((_gap_between(parts[a][0], parts[b][0]), a, b)
            for a in panels[:MAX_PANELS] for b in (*panels[:MAX_PANELS], *large) if a != b)
    for _, a, b in sorted(pair for pair in near if pair[0] <= gap):
        ra, rb = root(a), root(b)
        if ra == rb or (has_large[ra] and has_large[rb]):
            continue
        if not _in_line(parts[a][0], parts[b][0]):
            continue  # (a logo beside a header's band: panels stand in rows and columns)
        union = _union_box(parts[a][0], parts[b][0])
        if any(_overlaps(f, union) for f in running):
            continue  # a paragraph between them: drawings of their own
        owner[rb] = ra
        has_large[ra] = has_large[ra] or has_large[rb]
    groups: dict[int, list[int]] = {}
    for k in sorted({*panels, *large}):
        groups.setdefault(root(k), []).append(k)
    out: list[Rect] = []
    alone: list[Rect] = []
    for ks in groups.values():
        if len(ks) == 1:
            # (A panel alone is no figure, unless it is a chart: see _charts_alone.)
            out.extend(parts[k][0] for k in ks if k in large)
            alone.extend(parts[k][0] for k in ks if k not in large)
            continue
        box = parts[ks[0]][0]
        for k in ks[1:]:
            box = _union_box(box, parts[k][0])
        labelled = box
        for k in ks:
            for label in _labels_under(parts[k][0], frags):
                labelled = _union_box(labelled, Rect(label.x0, label.y0, label.x1, label.y1, 0))
        count = sum(parts[k][1] for k in ks)
        # (With its panels' labels if it is still a drawing so: a label may open a line of
        # running text, a panel's caption, which makes the box a text frame.)
        joined = next((b for b in (labelled, box) if drawing(b, count)), None)
        if joined is not None:
            out.append(joined)
        else:
            out.extend(parts[k][0] for k in ks if k in large)
    return out + _charts_alone(alone + plots, frags, small_area, pictured)


#: Rows of labels under a chart (its axis's name, then its legend) taken with it at most.
CHART_LABEL_ROWS = 2


def _charts_alone(
    panels: Sequence[Rect], frags: Sequence[Fragment], small_area: float,
    pictured: Callable[[Rect], bool],
) -> list[Rect]:
    """The charts among drawings too small for a figure alone (``panels``, joined to no other
    drawing; a poster's charts are small beside its page): plots with a scale of their own,
    values lined up along an edge (:func:`.figures.with_scales`; an icon or a logo has
    none). Each is a figure: its box, grown over its scales and over the rows of labels
    right under it (its axis's name, its legend: :func:`_labels_under`, at most
    :data:`CHART_LABEL_ROWS`), still a picture (``pictured``: no running text on it)."""
    if not panels:
        return []
    scales = [((f.x0, f.y0, f.x1, f.y1), f.text) for f in frags if scale_label(f.text)]
    if not scales:
        return []
    out = []
    for panel in panels:
        grown = Rect(*with_scales((panel.x0, panel.y0, panel.x1, panel.y1), scales), panel.obj)
        if grown == panel:
            continue  # no scale: no chart
        for _ in range(CHART_LABEL_ROWS):
            under = _labels_under(grown, frags)
            if not under:
                break
            for label in under:
                grown = _union_box(grown, Rect(label.x0, label.y0, label.x1, label.y1, 0))
        if _area(grown) >= small_area and pictured(grown):
            out.append(grown)
    return out


#: Drawings stacked one over the other are rows of one figure when each spans this share of
#: the wider one's width at least: the rows of a grid of plots line up, edge on edge.
ROWS_ALIGNED = 0.9


def _rows_of_one_figure(
    found: list[Rect], frags: Sequence[Fragment], drawing: Callable[[Rect, int], bool]
) -> list[Rect]:
    """Drawings stacked in a column, lined up edge on edge (:data:`ROWS_ALIGNED`), at most
    :data:`PANEL_GAP_LINES` lines of the page's usual text apart, with nothing between them
    but the values of a scale, and a caption right under the last (or over the first): the
    rows of one captioned figure (a grid of plots, three rows of three, "Figure 2: …" under
    the last row), one figure with that caption. A caption, a title or a paragraph between
    two drawings parts them (each a figure of its own); drawings without a caption stay
    apart (charts stacked in a column, each titled on its own ground); drawings side by
    side are left apart (charts side by side, each captioned under it). The rows joined
    must still be a drawing (``drawing``: no text frame, not too large a share of the
    page)."""
    gap = PANEL_GAP_LINES * _text_size(frags)
    words = [f for f in frags if not scale_label(f.text)]
    captions = [
        # (A caption's line: its label, "Figure 2.", may be set apart from the rest, left of
        # the figure.)
        Rect(f.x0, f.y0, max(g.x1 for g in frags if same_line(f, g)), f.y1, 0)
        for f in words if caption_text(f.text) is not None
    ]
    if not captions:
        return found
    # Each entry: the box of the rows joined so far, and the drawings it is made of.
    out = [(r, [r]) for r in sorted(found, key=lambda r: -r.y1)]
    k = 0
    while k < len(out) - 1:
        upper = out[k][0]
        joined = None
        for j, (lower, _) in enumerate(out):
            if j == k or lower.y1 > upper.y0 + TOUCH_ROWS or upper.y0 - lower.y1 > gap:
                continue
            across = min(upper.x1, lower.x1) - max(upper.x0, lower.x0)
            wider = max(upper.x1 - upper.x0, lower.x1 - lower.x0)
            if across < ROWS_ALIGNED * wider:
                continue
            union = _union_box(upper, lower)
            between = Rect(union.x0, min(lower.y1, upper.y0), union.x1, max(lower.y1, upper.y0),
                           0)
            if any(_overlaps(f, between) for f in words):
                continue  # a caption or a title between them: figures of their own
            if any(_overlaps(r, union) for m, (r, _) in enumerate(out) if m not in (j, k)):
                continue  # (another drawing between them, or beside them, stays its own)
            if drawing(union, MIN_DRAWING_SHAPES):
                joined = j
                break
        if joined is None:
            k += 1
            continue
        union = _union_box(upper, out[joined][0])
        out[k] = (union, out[k][1] + out[joined][1])
        del out[joined]
        if joined < k:
            k -= 1
    result: list[Rect] = []
    for box, rows in out:
        if len(rows) > 1 and _captioned_column(box, captions, gap):
            result.append(box)
        else:
            result.extend(rows)
    return result


def _captioned_column(box: Rect, captions: Sequence[Rect], gap: float) -> bool:
    """A caption ("Figure 2: …") right under ``box`` or right over it (within ``gap``),
    across it."""
    return any(
        min(f.x1, box.x1) > max(f.x0, box.x0)
        and (0 <= box.y0 - f.y1 <= gap or 0 <= f.y0 - box.y1 <= gap)
        for f in captions
    )


def _text_size(frags: Sequence[Fragment]) -> float:
    """The font size most of the page's characters are set in (its body text: a chart's many
    small values are few characters), 12 on a page without text."""
    chars: Counter[float] = Counter()
    for f in frags:
        chars[f.size] += len(f.text)
    if not chars:
        return 12.0
    half, seen = sum(chars.values()) / 2, 0
    for size in sorted(chars):
        seen += chars[size]
        if seen >= half:
            return size
    return 12.0


#: Rows touching (their scales' values may overlap a little) are still one over the other.
TOUCH_ROWS = 2.0


#: A panel's label is set under it at most this many of its own heights.
PANEL_LABEL_REACH = 1.5


def _labels_under(panel: Boxed, frags: Sequence[Fragment]) -> list[Fragment]:
    """The labels set right under a panel of a figure, within its width ("(a) Sphere"): the
    figure's, read with it. Running text and captions are not labels."""
    out = []
    for f in frags:
        reach = f.y1 - f.y0
        if (
            panel.x0 - reach <= f.x0 and f.x1 <= panel.x1 + reach
            and 0 <= panel.y0 - f.y1 <= PANEL_LABEL_REACH * reach
            and not running_text(f.text) and caption_text(f.text) is None
        ):
            out.append(f)
    return out


def _in_line(a: Boxed, b: Boxed) -> bool:
    """Side by side, sharing :data:`.figures.ROW_OVERLAP` of the lower one's height, or one
    over the other, sharing that share of the narrower one's width: panels of one figure
    stand in its rows and columns."""
    rows = min(a.y1, b.y1) - max(a.y0, b.y0)
    columns = min(a.x1, b.x1) - max(a.x0, b.x0)
    return rows >= ROW_OVERLAP * min(a.y1 - a.y0, b.y1 - b.y0) or (
        columns >= ROW_OVERLAP * min(a.x1 - a.x0, b.x1 - b.x0)
    )


def _gap_between(a: Boxed, b: Boxed) -> float:
    """The distance between two boxes (0 when they overlap)."""
    across = max(0.0, a.x0 - b.x1, b.x0 - a.x1)
    up = max(0.0, a.y0 - b.y1, b.y0 - a.y1)
    return max(across, up)


def _union_box(a: Rect, b: Rect) -> Rect:
    return Rect(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1), a.obj)


def _overlaps(a: Boxed, b: Boxed) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


#: A chart's labels cover under this share of the plots they are set on (twice a diagram's
#: few letters, :data:`.figures.TEXT_DENSITY`); a table's cells, a line apart, fill more.
LABELS_DENSITY = 2 * TEXT_DENSITY


def _label_tables(drawings: Sequence[Rect], tables: Sequence[Block]) -> list[Block]:
    """The tables of lines lined up (not ruled) whose text all lies on vector drawings and
    covers little of them: the labels of charts set in a row or a grid (each plot's scale
    values and legend lined up with the next plot's), no table. (A table of data over
    shapes — shaded rows, a grid of boxes — is text over much of its ground: see
    :func:`.figures.text_frame`; a table with no drawing under it is left alone.)"""
    out = []
    for t in tables:
        if not t.lines or not t.frags:
            continue
        under = [d for d in drawings if any(_label_of(f, d) for f in t.frags)]
        labels = sum(_area(f) for f in t.frags)
        if all(any(_label_of(f, d) for d in under) for f in t.frags) and (
            labels < LABELS_DENSITY * sum(map(_area, under))
        ):
            out.append(t)
    return out


def _label_of(f: Fragment, drawing: Boxed) -> bool:
    """The piece of text lies on the drawing, or just beside it (within a line's height: a
    scale's values are set beside the plot's frame)."""
    reach = f.y1 - f.y0
    return (drawing.x0 - reach <= (f.x0 + f.x1) / 2 <= drawing.x1 + reach
            and drawing.y0 - reach <= (f.y0 + f.y1) / 2 <= drawing.y1 + reach)


def _area(box: Boxed) -> float:
    return (box.x1 - box.x0) * (box.y1 - box.y0)


def _clusters(shapes: Sequence[Rect], gap: float) -> list[tuple[Rect, int]]:
    """Shapes within ``gap`` points of each other gathered: each cluster's box and how many
    shapes it holds."""
    # Each cluster as [x0, y0, x1, y1, obj, shapes], grown by its shapes in turn (in C
    # where built: a page's many shapes are each looked at against the clusters so far).
    ordered = sorted(shapes, key=lambda r: (-r.y1, r.x0))
    grown = _walls_accelerator.clusters_grown(ordered, gap) if _walls_accelerator else None
    if grown is None:
        grown = _python_clusters_grown(ordered, gap)
    clusters = [(Rect(x0, y0, x1, y1, obj), n) for x0, y0, x1, y1, obj, n in grown]
    # Clusters that grew into each other are one drawing (bounded: few clusters on a page).
    merged = True
    while merged and len(clusters) <= 300:
        merged = False
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                (a, count_a), (b, count_b) = clusters[i], clusters[j]
                if (a.x0 <= b.x1 + gap and b.x0 <= a.x1 + gap and a.y0 <= b.y1 + gap
                        and b.y0 <= a.y1 + gap):
                    clusters[i] = (
                        Rect(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1),
                             a.obj),
                        count_a + count_b,
                    )
                    del clusters[j]
                    merged = True
                    break
            if merged:
                break
    return clusters


def _python_clusters_grown(shapes: Sequence[Rect], gap: float) -> list[list[Any]]:
    """:func:`_clusters`'s first pass, in Python (``_walls.clusters_grown`` in C, where built:
    keep the two in step; a test compares them): each shape, in turn, grows the first
    cluster within ``gap`` of it, else starts one."""
    # (Grown in place; min() and max() of two values are spelled out with their exact
    # semantics: ``min(a, b)`` is ``b if b < a else a``, ``max(a, b)`` is ``b if b > a
    # else a``.)
    grown: list[list[Any]] = []
    for r in shapes:
        rx0, ry0, rx1, ry1 = r.x0, r.y0, r.x1, r.y1
        for m in grown:
            mx0, my0, mx1, my1 = m[0], m[1], m[2], m[3]
            if rx0 <= mx1 + gap and mx0 <= rx1 + gap and ry0 <= my1 + gap and my0 <= ry1 + gap:
                m[0] = rx0 if rx0 < mx0 else mx0
                m[1] = ry0 if ry0 < my0 else my0
                m[2] = rx1 if rx1 > mx1 else mx1
                m[3] = ry1 if ry1 > my1 else my1
                m[5] += 1
                break
        else:
            grown.append([rx0, ry0, rx1, ry1, r.obj, 1])
    return grown


#: Rules looked at each way for the frames of a cluster of shapes (bounded work).
MAX_FRAME_RULES = 24


def _inside_frame(whole: Rect, shapes: Sequence[Rect]) -> list[tuple[Rect, int]] | None:
    """The clusters of the shapes in ``whole`` (a cluster of shapes) standing clear inside
    the frames drawn among them as four rules (a top and a bottom rule of one stretch, and
    two rules up the page joining their ends, within :data:`.figures.PLACE_TOLERANCE`),
    touching none of them (within :data:`DRAWING_GAP`). None when there is none."""
    inside = [
        r for r in shapes
        if whole.x0 <= r.x0 and r.x1 <= whole.x1 and whole.y0 <= r.y0 and r.y1 <= whole.y1
    ]
    across = sorted(
        (r for r in inside if r.y1 - r.y0 <= RULE_WIDTH < r.x1 - r.x0),
        key=lambda r: r.x0 - r.x1,
    )[:MAX_FRAME_RULES]
    up = sorted(
        (r for r in inside if r.x1 - r.x0 <= RULE_WIDTH < r.y1 - r.y0),
        key=lambda r: r.y0 - r.y1,
    )[:MAX_FRAME_RULES]
    if len(across) < 2 or len(up) < 2:
        return None
    near = PLACE_TOLERANCE

    def side(x: float, low: float, high: float) -> Rect | None:
        return next((
            r for r in up
            if abs((r.x0 + r.x1) / 2 - x) <= near and abs(r.y0 - low) <= near
            and abs(r.y1 - high) <= near
        ), None)

    frame: dict[int, Rect] = {}
    for top in across:
        for bottom in across:
            if bottom.y1 >= top.y0 or abs(top.x0 - bottom.x0) > near or abs(
                top.x1 - bottom.x1
            ) > near:
                continue
            low, high = bottom.y0, top.y1
            left, right = side(top.x0, low, high), side(top.x1, low, high)
            if left is not None and right is not None:
                frame.update((id(r), r) for r in (top, bottom, left, right))
    if not frame:
        return None
    # (What touches a frame is drawn with it: a table's rules meeting its border, a plot's
    # gridlines its box. Only what stands clear inside is apart from it.)
    apart = [
        (box, count)
        for box, count in _clusters([r for r in inside if id(r) not in frame], DRAWING_GAP)
        if all(_gap_between(box, r) > DRAWING_GAP for r in frame.values())
    ]
    return apart or None


def _drawings_apart(
    whole: Rect, shapes: Sequence[Rect], tables: Sequence[Boxed]
) -> list[tuple[Rect, int]]:
    """The drawings within a cluster of shapes lying on a table or holding one: charts
    set beside a table, their frames touching its rules, and the rules framing the page
    joining them all. Without the table's own shapes (its rules and shading) and the rules
    running across the whole cluster (a page's frame), the drawings stand apart; the gutter
    between two charts' frames (a few points) parts them too, as the pieces of one drawing
    touch or overlap."""
    def joining_rule(r: Rect) -> bool:
        w, h = r.x1 - r.x0, r.y1 - r.y0
        return (h <= RULE_WIDTH and w > JOINING_RULE * (whole.x1 - whole.x0)) or (
            w <= RULE_WIDTH and h > JOINING_RULE * (whole.y1 - whole.y0)
        )

    inside = [
        r for r in shapes
        if whole.x0 <= r.x0 and r.x1 <= whole.x1 and whole.y0 <= r.y0 and r.y1 <= whole.y1
    ]
    rules = [r for r in inside if min(r.x1 - r.x0, r.y1 - r.y0) <= RULE_WIDTH]
    grids = [_grid_of(t, rules) for t in tables]

    def on_table(r: Rect) -> bool:
        return any(
            x0 - PLACE_TOLERANCE <= r.x0 and r.x1 <= x1 + PLACE_TOLERANCE
            and y0 - PLACE_TOLERANCE <= r.y0 and r.y1 <= y1 + PLACE_TOLERANCE
            for x0, y0, x1, y1 in grids
        )

    kept = [r for r in inside if not on_table(r) and not joining_rule(r)]
    # A part drawn with rules alone is more of a table's grid (rows left blank, a form's
    # boxes to fill in): a chart has a ground, bars, curves or areas besides its axes.
    shaped = [r for r in kept if min(r.x1 - r.x0, r.y1 - r.y0) > RULE_WIDTH]
    return [
        (box, count) for box, count in _clusters(kept, DRAWINGS_APART_GAP)
        if any(box.x0 <= r.x0 and r.x1 <= box.x1 and box.y0 <= r.y0 and r.y1 <= box.y1
               for r in shaped)
    ]


def _grid_of(
    table: Boxed, rules: Sequence[Rect]
) -> tuple[float, float, float, float]:
    """The box a table's grid covers: a grid reaches past the table's text (a cell's padding,
    a wide column's blank end), as far as the rules crossing into the text's box (its row and
    column rules) run."""
    crossing = [
        r for r in rules
        if r.x0 < table.x1 and table.x0 < r.x1 and r.y0 < table.y1 and table.y0 < r.y1
    ]
    return (min([table.x0, *(r.x0 for r in crossing)]), min([table.y0, *(r.y0 for r in crossing)]),
            max([table.x1, *(r.x1 for r in crossing)]), max([table.y1, *(r.y1 for r in crossing)]))


def _leading(frags: list[Fragment]) -> float:
    """The usual gap between a line and the next one below it in the same column."""
    gaps = []
    # (Asked of every column of every page: min() and max() of two values are spelled out
    # with their exact semantics, ``min(a, b)`` is ``b if b < a else a``, and the height
    # worked out here.)
    for a, b in zip(frags, frags[1:], strict=False):
        ax0, ax1, bx0, bx1, ay0, by1 = a.x0, a.x1, b.x0, b.x1, a.y0, b.y1
        if (bx1 if bx1 < ax1 else ax1) > (bx0 if bx0 > ax0 else ax0) and (
            ay0 > by1 - 0.5 * (a.y1 - ay0)
        ):
            gaps.append(ay0 - by1)
    if len(gaps) < 3:
        return float("inf")
    usual: float = statistics.median(gaps)
    # A page of paragraphs of a line or two each (a manual's parameters, one a paragraph)
    # holds more gaps between paragraphs than between lines: the median is a paragraph's
    # gap, and paragraphs would run into one another. Where the gaps part clearly in two
    # (the lower half's own median much narrower), the narrower is the lines'.
    # (Told only from enough gaps, the narrower a real space between lines, not pieces of a
    # table's rows or of a slide's few lines that nearly touch.)
    if len(gaps) < TWO_GAPS_COUNT:
        return usual
    lines = [gap for gap in gaps if 0 < gap <= usual]
    narrow: float = statistics.median(lines) if lines else usual
    if usual > TWO_GAPS * narrow and narrow >= LINE_SPACE * quick_median(
        [f.size for f in frags]
    ):
        return narrow
    return usual


def _face(f: Fragment) -> str:
    """The font most of the fragment's letters are set in (:attr:`.Fragment.face`, worked out
    once per fragment: block building asks it of each line twice, as the line under one and
    over the next)."""
    return f.face


def _new_face(above: Fragment, below: Fragment) -> bool:
    """Whether ``below`` is set in another type style than ``above``: another size *and*
    another font. A heading in a sans face over body text in a serif one, both bold and of
    near sizes, is two blocks; a bold run-in word or an italic line changes the font but not
    the size, and mixed sizes within a line barely move a fragment's median size."""
    if abs(above.size - below.size) <= FACE_SIZE_STEP * max(above.size, below.size):
        return False
    if _face(above) == _face(below):
        return False
    # Code set inline in a typewriter face measures larger than the running text and may
    # hold most of a line's letters: the lines are judged by their running text.
    upper, lower = above.prose_face, below.prose_face
    if upper is None and lower is None:
        return True
    (upper_size, upper_font, _), (lower_size, lower_font, _) = (
        upper or (above.size, _face(above), above.bold),
        lower or (below.size, _face(below), below.bold),
    )
    return upper_font != lower_font and abs(upper_size - lower_size) > FACE_SIZE_STEP * max(
        upper_size, lower_size)


def _code_inline_goes_on(last: Fragment, f: Fragment) -> bool:
    """``f``, under ``last``, is set as ``last`` is, in size and weight, once the code set
    inline in either (:func:`.large_code_fonts`) is left out: a paragraph's line holding
    "/etc/passwd" in a typewriter face measures larger than its other lines, though it is
    set in their size (the gap between them still tells paragraphs apart). Not a line set
    out left of ``last`` by a level, under the sentence ``last`` closes: the next term of a
    definition list ("-o or --output *FILE*") under its last definition's one line. A line
    of code alone, closed by a stop in the text's face, goes on with the sentence it ends
    (:func:`_code_closing_sentence`). (Asked only of a pair whose weights or sizes differ.)"""
    upper, lower = last.prose_face, f.prose_face
    upper_size, _, upper_bold = upper or (last.size, "", last.bold)
    if lower is None and _code_closing_sentence(last, f, upper_size, upper_bold):
        return True
    if upper is None and lower is None:
        return False
    if f.x0 < last.x0 - INDENT_MIN * (last.y1 - last.y0) and last.text.rstrip().endswith(
        _SENTENCE_END
    ):
        return False
    lower_size, _, lower_bold = lower or (f.size, "", f.bold)
    return upper_bold == lower_bold and abs(upper_size - lower_size) <= CODE_LINE_STEP * max(
        upper_size, lower_size)


#: Two lines whose running text's sizes differ by at most this share are set in one size (as
#: the block loop measures two lines' sizes).
CODE_LINE_STEP = 0.15


def _code_closing_sentence(
    last: Fragment, f: Fragment, upper_size: float, upper_bold: bool
) -> bool:
    """``f``, under ``last`` (a line of running text, with code set inline or none, its
    text's size ``upper_size``), holds only code closing the sentence ``last`` leaves open:
    its letters all in one fixed-pitch font, the stop after them in a proportional one, in
    the text's size and weight ("remove all other instances of server.key and" over "server.pem.").
    The code measures larger, the stop does not: the paragraph's last line. A listing's
    line ends in a bracket or a semicolon, not a sentence's stop in the text's face, and
    opens under a colon or a line of code, which no running text sets in that size."""
    if last.text.rstrip().endswith(_OPEN_END_STOPS):
        return False
    shown = [g for g in f.glyphs if not g.char.isspace()]
    if len(shown) < 2 or shown[-1].char not in _STOPS or _in_fixed_pitch(last):
        return False
    stop, code = shown[-1], shown[:-1]
    fonts = {g.font for g in code}
    # (In the text's weight, the code too: a bold line of code heads what follows it, and
    # the next line is judged against this one's size and weight.)
    if len(fonts) != 1 or stop.font in fonts or stop.bold != upper_bold or f.bold != upper_bold:
        return False
    font = fonts.pop()
    if not fixed_pitch_fonts({font: code}, {font: set_widths(code)}):
        return False
    return abs(stop.size - upper_size) <= CODE_LINE_STEP * max(stop.size, upper_size)


#: The stops a sentence's last word in code is closed by, set in the text's own face.
_STOPS = frozenset(".!?")


#: The word space at a line's end, in line heights, and the room a word must leave
#: besides for a line to count as stopping short of its block's right edge (lines of
#: justified or ragged text set a little under their measure are not short).
SHORT_LINE_SPACE = 0.3
SHORT_LINE_SLACK = 1.0
#: A paragraph's first line is indented by at least this many line heights …
INDENT_MIN = 0.8
#: … and at most this many (further in, a line is set in a block quote or a form's box).
INDENT_MAX = 4.0
_SENTENCE_END = (".", "!", "?", "\u201d", '"', ")")


def _opens_indented_paragraph(
    block: Block, f: Fragment, last_line: tuple[float, float], above_x0: float, height: float,
    edges: TextEdges | None = None,
) -> bool:
    """Whether the line ``f`` starts opens a new paragraph of ``block`` though set close under
    it, as a book sets its paragraphs: the line is indented from where the block's last line
    starts (``last_line``, its x extent; text set round a picture starts its lines further
    in), which is not itself indented from the line above it (``above_x0``), and that last
    line ends a paragraph: short of the block's right edge, or full but closing a sentence
    before a capital (a block's second line or later). Centred lines do not: a line starting
    further out than the one above is the widest so far and ends at the right edge. A list
    item's lines under its label and a program's indented lines (fixed pitch) are no
    paragraphs; a line indented from an item's body set out left of its marker is."""
    last_x0, last_x1 = last_line
    indent = f.x0 - last_x0
    # (At least INDENT_MIN of the height of the line it opens: under a display formula,
    # whose fraction makes its line tall, the taller line's would ask too much.)
    if not INDENT_MIN * (f.y1 - f.y0) <= indent <= INDENT_MAX * height:
        return False
    if last_x0 - above_x0 >= INDENT_MIN * height:
        return False  # the last line is itself a first line, or centred lines narrow
    last = block.frags[-1]
    if block.x1 - last_x1 < height and not (
        # (A block's one line is its widest: a heading's first line before its second.)
        not same_line(block.frags[0], last)
        and last.text.rstrip().endswith(_SENTENCE_END)
        and _opens_sentence(f.text)
    ) and not (
        edges is not None and _indented_under_short_line(block, f, last_line, height, edges)
    ):
        return False
    first = block.frags[0]
    if (starts_item(first.text) or is_marker(first.text)) and (
        first.rtl or last_x0 >= first.x0 - 0.5 * height
    ):
        return False  # (an item whose lines start out left of its marker is set as a
        # paragraph is, its marker at the first-line indent: see _item_body_out_left)
    return not f.fixed_pitch


#: An edge where this many of a page's pieces start, at least, is where its text lines start
#: (a column's edge, or the indent of a manual's text under its headings).
EDGE_LINES = 5


class TextEdges:
    """Where the pieces of a page start, counted to the point (asked only of a short heading
    over an indented line: counted on the first question)."""

    def __init__(self, frags: Sequence[Fragment]) -> None:
        self.frags = frags
        self.counts: Counter[int] | None = None

    def starts_lines(self, x: float) -> bool:
        """Whether :data:`EDGE_LINES` pieces of the page or more start within a point of x."""
        if self.counts is None:
            self.counts = Counter(round(f.x0) for f in self.frags)
        at = round(x)
        return sum(self.counts.get(k, 0) for k in (at - 1, at, at + 1)) >= EDGE_LINES

    def starts_lines_within(self, low: float, high: float) -> bool:
        """Whether :meth:`starts_lines` holds at a whole point from ``low`` to ``high``."""
        return any(self.starts_lines(x) for x in range(round(low), round(high) + 1))

    def right_edge(self, x0: float) -> float:
        """How far right the pieces of the page starting within a point of ``x0`` reach: the
        right edge of the column whose lines start there."""
        return max((f.x1 for f in self.frags if abs(f.x0 - x0) <= 1), default=x0)


#: A heading set at the margin over the indented text of its section is a few words at most.
HEAD_WORDS = 4


#: A line ending in one of these is unfinished: an opening bracket or a joining mark.
_LINE_GOES_ON = ("(", "[", "{", ",", "&", "-", "\u2013")


def _indented_under_short_line(
    block: Block, f: Fragment, last_line: tuple[float, float], height: float, edges: TextEdges
) -> bool:
    """Whether ``f``, indented under ``block``'s one line (``last_line``, its x extent), opens
    a paragraph of its own though that line is the block's widest: the line is a few words
    in bold out in the margin (a section's heading, "EXAMPLES", "SEE ALSO"), and ``f`` the
    first line of the section's text, at the edge where the page's text lines start, in the
    heading's bold (a manual's option or term). A heading's second line is not set so:
    centred lines share their middle, the lines of a heading set flush left start together,
    a numbered heading's hanging indent starts its second line under a word of the first
    (its title past the number), and a name set in two lines as a logo ("Kraxi Systems,
    Inc." over "Paper Planes") stands apart from the text's edge."""
    if not (f.bold and same_line(block.frags[0], block.frags[-1])
            and all(g.bold for g in block.frags) and edges.starts_lines(f.x0)):
        return False
    last_x0, last_x1 = last_line
    if abs((f.x0 + f.x1) - (last_x0 + last_x1)) <= height:
        return False  # (centred: their middles within half a line height)
    head = _last_line_text(block).rstrip()
    if word_count(head) > HEAD_WORDS or head.endswith(_LINE_GOES_ON):
        return False  # (a line ending open, "createPattern(", goes on below: no heading)
    return not any(abs(f.x0 - x) <= 0.5 * height for x in _word_starts(block.frags))


def _word_starts(frags: Sequence[Fragment]) -> list[float]:
    """Where the words of ``frags`` start (each piece's first, and each after a space)."""
    starts = []
    for piece in frags:
        after_space = True
        for g in piece.glyphs:
            if g.char.isspace():
                after_space = True
            elif after_space:
                starts.append(g.x0)
                after_space = False
    return starts


def _opens_sentence(text: str) -> bool:
    """``text`` opens as a sentence may: with a capital, or with a letter of a script
    that has none (Korean, Chinese, Japanese: a paragraph there is told by its indent and
    the full stop before it alone)."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


#: Lines of a column start within this many points of its edge.
COLUMN_EDGE = 1.0
#: A clause closes with one of these: the line after it is no more of the same sentence.
_CLAUSE_END = (*_SENTENCE_END, ":", ";")


def _item_body_out_left(
    block: Block, f: Fragment, height: float, starts: Sequence[float], one_line: bool
) -> bool:
    """Whether ``f``, starting out left of the marker that opens ``block`` (a list item),
    is the item's body going on all the same: a narrow column sets its items as it sets its
    paragraphs, the marker at the first-line indent (:data:`INDENT_MAX` line heights at
    most in) and the body's lines from the column's edge. Under the item's first line, the
    line goes on a sentence that line leaves open (it closes no clause, and ``f`` opens
    with no capital: the next paragraph, out at the edge, would); under a later line, the
    item's lines after the first already start where ``f`` does (that edge is its body's).
    A list whose items hang (their lines under the text past the marker) ends at a line
    out left of the markers, as before. Left-to-right text only."""
    first = block.frags[0]
    if first.rtl or f.x0 < first.x0 - INDENT_MAX * height:
        return False
    if one_line:
        text = f.text.lstrip()
        return not (
            block.frags[-1].text.rstrip().endswith(_CLAUSE_END) or text[:1].isupper()
        )
    return any(abs(x - f.x0) <= COLUMN_EDGE for x in starts[1:])
#: A line of running text (a caption's, a margin note's) holds this many words at least.
RUN_ON_WORDS = 3


def _goes_on_below(
    f: Fragment, step: float, beside: Block, open_blocks: list[Block],
    starts: dict[int, list[float]],
) -> bool:
    """Whether ``f``, set past a gap wider than a word space after the line of ``beside``,
    is rather the next line of another block right above it, whose lines start where ``f``
    does: a column's text going on beside a caption or a margin note whose lines come level
    with it (read as one line, the two would be read into each other line by line). Both
    are running text: a label and its value, a column of values, are rows. The block above
    holds a paragraph's words (:data:`PANEL_MIN_WORDS`); or, where ``f`` is set in another
    type style than the piece it would go on from (:func:`_new_face`: a caption's smaller
    sans beside a column's serif) and in the style of that block's last line, its first
    lines so far (a column's first two or three lines under a heading), each of
    :data:`RUN_ON_WORDS` words or more."""
    height = f.y1 - f.y0
    if step < 0.8 * height or word_count(_last_line_text(beside)) < RUN_ON_WORDS:
        # (A label before its value, "Version:  1.0", a bullet before its text: one row. The
        # line's words, not its last piece's: justified text set word by word ends its line
        # with one word.)
        return False
    piece = beside.frags[-1]
    other_face = _new_face(piece, f)
    for other in open_blocks:
        if other is beside:
            continue
        last = other.frags[-1]
        words = word_count(other.text)
        lines = len(starts.get(id(other), ()))
        if words < PANEL_MIN_WORDS and not (
            other_face and not _new_face(last, f) and lines >= 2
            and words >= RUN_ON_WORDS * lines
        ):
            continue  # (a column of values, "1.0" "2004-04-21", is no running text)
        if not -0.5 * height < last.y0 - f.y1 < BLOCK_GAP * height:
            continue
        edge = [x for x in starts.get(id(other), ()) if abs(x - f.x0) <= COLUMN_EDGE]
        if len(edge) >= 2:
            return True
    return False


def _first_word(f: Fragment) -> list[Glyph]:
    """The glyphs of ``f``'s first word: up to a space, drawn or left as a gap between glyphs."""
    word: list[Glyph] = []
    for g in f.glyphs:
        if g.char.isspace() or (word and g.x0 - word[-1].x1 > 0.15 * g.size):
            if word:
                break
            continue
        word.append(g)
    return word


def _first_word_width(f: Fragment) -> float:
    """How wide ``f``'s first word is drawn (the whole of ``f`` where it has no word)."""
    word = _first_word(f)
    return word[-1].x1 - word[0].x0 if word else f.x1 - f.x0


def _ends_paragraph_short(
    block: Block, last: Fragment, f: Fragment, line_x0: float, line_x1: float,
    height: float, one_line: bool, text_height: float, edges: TextEdges | None = None,
) -> bool:
    """Whether the block's last line ends its paragraph and ``f`` opens the next: the line
    stops short, ``f``'s first word would have fitted in the room left at its end (against
    the right edge the block's other lines reach), and a second sign agrees: ``f`` starts
    out left of the line, a level further out (a man page's next term under the indented
    description of the last, a paragraph after a list's item or a displayed formula).
    Or the line ends a sentence and ``f``, under its start, opens one with a capital: a
    word processor's paragraphs set with neither an indent nor a space between them
    (:func:`_sentence_ends_at_break`). Neither alone will do: ragged-right text leaves
    room at lines' ends, and the lines of an address or a table's cell are short; a hanging
    indent sets a paragraph's later lines in from its first, and a bold word may wrap onto
    the next line. A block of one line shows no right edge of its own: see
    :func:`_display_ends_sentence`."""
    if last.rtl or f.rtl:
        return False
    if edges is not None and _unspaced_line_ends_short(
        block, last, f, line_x0, line_x1, height, edges
    ):
        return True
    if one_line:
        return _display_ends_sentence(last, f, line_x0, line_x1, text_height)
    if not f.x0 < line_x0 - INDENT_MIN * height and not _sentence_ends_at_break(
        last, f, line_x0, height
    ):
        # (The other weight alone is no second sign: a run of small capitals in bold
        # wraps onto a line of its own and goes on.)
        return False
    room = block.x1 - line_x1 - SHORT_LINE_SPACE * height
    return _first_word_width(f) + SHORT_LINE_SLACK * height < room


#: The marks a sentence ends with, before a paragraph's break (see
#: :func:`_sentence_ends_at_break`).
SENTENCE_ENDS = (".", "!", "?")


def _sentence_ends_at_break(last: Fragment, f: Fragment, line_x0: float, height: float) -> bool:
    """Whether the line ending in ``last`` ends a sentence (a full stop, a question or an
    exclamation mark, a closing quote or bracket after it) and ``f``, set under the line's
    start, opens the next with a capital: with the room a line ends with for ``f``'s first
    word (:func:`_ends_paragraph_short`), a paragraph's break."""
    if abs(f.x0 - line_x0) > 0.5 * height or not f.text[:1].isupper():
        return False
    return last.text.rstrip().rstrip("\"'’”)]").endswith(SENTENCE_ENDS)


#: A line of Chinese or Japanese stopping short of the right edge by this many line heights
#: at least ends its paragraph (see :func:`_unspaced_line_ends_short`).
UNSPACED_SHORT = 2.0
#: The full stops, question and exclamation marks of Chinese and Japanese.
_UNSPACED_STOPS = frozenset("。！？．")


def _unspaced_line_ends_short(
    block: Block, last: Fragment, f: Fragment, line_x0: float, line_x1: float, height: float,
    edges: TextEdges,
) -> bool:
    """Whether the block's last line, ending in Chinese or Japanese (``last``), ends its
    paragraph and ``f``, a line of that script starting no further out, opens the next:
    that text is set justified, every line of a paragraph reaching the right edge but its
    last (a line one character short is the line-breaking rules keeping a stop off the next
    line's head), so a line stopping short of the edge the block's lines or ``f`` reach, by
    :data:`UNSPACED_SHORT` and room for ``f``'s first character or word, has ended, where
    ``f`` is a paragraph's first line (indented from an edge where the page's lines start,
    as that text indents each paragraph) or the short line closes a sentence. A report's
    subheading set on its own line ("（二）重大资产出售事项进展") over its paragraph is no
    line of it; a line the author broke by hand inside a sentence ("…と検知機" over "構を…",
    from the edge) is."""
    ends, opens = last.text.rstrip()[-1:], f.text.lstrip()[:1]
    if not (ends and opens and unspaced(ends)) or f.x0 < line_x0 - 0.5 * height:
        return False
    if ends not in _UNSPACED_STOPS and not edges.starts_lines_within(
        f.x0 - INDENT_MAX * height, f.x0 - INDENT_MIN * height
    ):
        return False
    if not (unspaced(opens) or unspaced_count(f.text[:4])):
        return False
    right = max(block.x1, f.x1)
    if right - line_x1 < UNSPACED_SHORT * height:
        return False
    first = height if unspaced(opens) else _first_word_width(f)
    return first + SHORT_LINE_SLACK * height < right - line_x1 - SHORT_LINE_SPACE * height


def _display_ends_sentence(
    last: Fragment, f: Fragment, line_x0: float, line_x1: float, height: float
) -> bool:
    """Whether a block's one line (``line_x0``-``line_x1``, ending in ``last``) is set out
    on its own, centred as a display formula is, and closes the sentence that ``f``, under
    it, does not go on: ``f`` starts out left of the line and ends out right of it by room
    enough for its first word (the right edge ``f`` reaches is the column's), the line
    ends with a full stop and ``f`` opens with a capital. A paragraph's indented first
    line reaches that edge, or stops short of it by less than the next line's first word
    (which would have fitted); a title centred over its second line closes no sentence.
    (``height``: ``f``'s, the text's: a formula's line is taller.)"""
    if not f.x0 < line_x0 - INDENT_MIN * height:
        return False
    if not (ends_sentence(last.text) and _opens_sentence(f.text)):
        return False
    room = f.x1 - line_x1 - SHORT_LINE_SPACE * height
    return _first_word_width(f) + SHORT_LINE_SLACK * height < room


#: A hyphen or an en dash ending a line after a letter or a figure cuts a word or a range
#: ("pages 222–") whose rest opens the next line.
_CUT_DASHES = frozenset({"-", "\u2010", "\u2011", "\u2013"})
#: A relation or an operator ending a line ("LEN !=", "x <", "n +"): the expression goes on
#: with the figure opening the next line, its operand ("0. With this ..." is no item "0.").
_OPERATORS_ENDING = frozenset("=<>+*/\u00d7\u00f7\u2212\u2260\u2264\u2265")

#: A line opening with a letter and a full stop, then a word or nothing (text set word by
#: word): a capital in both places is a name's initial ("E. Schulte-Nordholt,", "J. R.
#: Smith"), which a lettered list's point opens with as well ("A. Apples").
_LETTER_AND_WORD = re.compile(r"([^\W\d_])\.(?:\s+([^\W\d_])|\s*$)")
#: A line that leaves a run of names open: it ends with a comma or an "and" (in English,
#: German, French), the next name on the line below.
_NAMES_OPEN = re.compile(r"(?:,|(?:^|\s)(?:and|&|und|et))$")

#: A line ending with the name of a part of a text, the label it refers to on the next line
#: ("… to paragraph" over "(i) of this AD"; "section", "clause", "Absatz", "alinéa"…).
_NAMES_A_PART = re.compile(
    r"(?:^|\s)(?:(?:sub)?paragraphs?|(?:sub)?sections?|(?:sub)?clauses?|items?|steps?|notes?"
    r"|figures?|tables?|appendix|appendices|articles?|parts?|chapters?|schedules?|rules?"
    r"|columns?|lines?|boxes|box|questions?|options?|Abs\.|Absatz|Nr\.|alinéas?|points?"
    r"|apartados?)$",
    re.IGNORECASE,
)
#: What may follow a label a sentence goes on past ("(i), (j) and (k)"; "(i) of this AD").
_SENTENCE_GOES_ON = frozenset(",;:.)")

_LEADER_DOTS = frozenset({".", "\u00b7", "\u2026", "\u2024", "\u2025", "\u22ef", ". ."})


def _entry_line_starts(frags: list[Fragment]) -> set[int]:
    """The first fragments of the lines that end as contents entries do (leaders, then a
    page number); ``frags`` come line by line."""
    # (Leaders are one fragment, or one a dot when the dots are set apart.) One search of
    # all the texts finds what a search of each finds: no run of leaders holds a line break.
    texts = [f.text for f in frags]
    if not has_leaders("\n".join(texts)) and sum(map(_LEADER_DOTS.__contains__, texts)) < 4:
        return set()
    starts: set[int] = set()
    line: list[Fragment] = []
    for f in [*frags, None]:
        if f is not None and line and same_line(line[-1], f):
            line.append(f)
            continue
        if line and ends_with_page_number(" ".join(part.text for part in line)):
            starts.add(id(line[0]))
        line = [f] if f is not None else []
    return starts


def _end_entry_beside(number: Fragment, open_blocks: list[Block], ended: set[int]) -> bool:
    """Mark the blocks whose last line the lone page number ends, far on its right; whether
    there was one."""
    found = False
    for block in open_blocks:
        last = block.frags[-1]
        if same_line(last, number) and number.x0 - last.x1 > 2 * number.height:
            ended.add(id(block))
            found = True
    return found


def _links_apart(above: Fragment, below: Fragment, line_x0: float, line_x1: float,
                 to_pages: Sequence[tuple[BBox, int]]) -> bool:
    """The two lines are links to different places (the entries of a table of contents or
    of a menu): each line is its link, which leads to another page than the other's, or to
    the same page by another link unless the lower line is indented under the upper one's
    start (a long title wrapped with a hanging indent, each of its lines a link). A line
    reaching out of its link holds running text (a citation linked to its reference): the
    sentence goes on below whatever the links lead to."""
    first, second = _link_under(above, to_pages), _link_under(below, to_pages)
    if first is None or second is None:
        return False
    height = below.height
    upper, lower = to_pages[first][0], to_pages[second][0]
    if (upper.x0 > line_x0 + 0.5 * height or upper.x1 < line_x1 - 0.5 * height
            or lower.x0 > below.x0 + 0.5 * height or lower.x1 < below.x1 - 0.5 * height):
        return False
    if to_pages[first][1] != to_pages[second][1]:
        return True
    return first != second and below.x0 <= line_x0 + 0.5 * height


def _last_line_text(block: Block) -> str:
    return " ".join(f.text for f in _last_line(block.frags))


def _link_under(f: Fragment, to_pages: Sequence[tuple[BBox, int]]) -> int | None:
    """Which link annotation (its index) lies over the fragment's middle, if any."""
    x, y = (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2
    for index, (box, _) in enumerate(to_pages):
        if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1:
            return index
    return None


def _text_blocks_ended(
    frags: list[Fragment], marks: list[EndMark], page: int,
    to_pages: Sequence[tuple[BBox, int]] = (), rules: Sequence[Rect] = (),
    frames: Frames | None = None,
) -> list[Block]:
    """:func:`_text_blocks` of ``frags`` (a column's, line by line), each of the end ``marks``
    read at the end of the text it ends, which ends its block there: the lines a block took
    under its mark are built again into blocks of their own (and so on, mark by mark)."""
    order = {id(f): k for k, f in enumerate(frags)}
    done: list[Block] = []
    while frags:
        blocks = _text_blocks(frags, page, to_pages, rules, frames)
        if not marks:
            return done + blocks
        attached = attach_end_marks(marks, blocks)
        # (A mark whose text went into a table stays a block of its own, as it was.)
        done += blocks + _text_blocks(attached.unplaced, page, to_pages, rules, frames)
        frags = sorted(attached.below, key=lambda f: order[id(f)])
        marks = attached.pending
    return done


#: Two pieces of one line stand apart by less than this many times their height …
LINE_STEP = 2.0
#: … the taller counting at most this many times the shorter's height. A list's bullet or
#: number standing alone before its text goes on with it across a wider gap, up to
#: :data:`MARKER_STEP` times the taller's height: a word processor's hanging indent sets the
#: text at a tab stop half an inch past the label ("•" at 1", its text at 1.5").
LINE_STEP_TALL = 2.0
MARKER_STEP = 3.5
#: A reference list's citation key ("[hut]", "[VKMT13]") and its entry: the entry's text at
#: the tab stop set past the widest key, within this many line heights of the key's start.
KEY_STEP = 7.0
#: A justified line spread wide (a word processor's or groff's, whose next word, a long web
#: address, did not fit: "on     non-POSIX     systems.)     See     https://…") goes on
#: past gaps wider than :data:`LINE_STEP`, up to this many line heights, each about equal to
#: the others (the wider at most :data:`SPREAD_EVEN` times the narrower), from where the
#: running text of the paragraph's line above starts to where that line ends (within
#: :data:`SPREAD_EDGE` heights).
SPREAD_STEP = 4.0
SPREAD_EVEN = 1.5
SPREAD_EDGE = 0.5
#: Words the line above's running text holds, set with word spaces, at the least.
SPREAD_WORDS = 4
#: Gaps the spread line has at the least (two equal gaps show a spread, one shows nothing).
SPREAD_GAPS = 2
#: The second line of a paragraph whose first line is indented may start with a piece set
#: apart from the rest of its line by a wide space (groff's wider space after a full stop:
#: "tion.   Types are M…"), which stands clear of the indented line above: it is measured
#: with the rest, the pieces after it a space of at most this many heights apart, when the
#: line above (full, as a paragraph's first line is) runs as far right, within
#: :data:`LINE_REACH_EDGE` heights (a centred formula is no paragraph's first line).
LINE_REACH_STEP = 1.0
LINE_REACH_EDGE = 0.5
_DASHES = frozenset({"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"})


def _line_step_limit(height: float, other: float, baseline_apart: float) -> float:
    """How far past a piece of a line the next may start and still go on with it: twice the
    taller's height ("2   Title"). Pieces not standing on one baseline (their bottoms
    ``baseline_apart`` more than the shorter's height) count a giant piece's height as no
    more than twice the smaller's, whose words it would go on with: a slide's "Thank you!"
    is no reason to read the site name in the corner beside its top into it, while a
    chapter's large numeral still leads its title, and a proof's end mark set at the right
    margin on the last line's baseline ends it."""
    tall, short = (height, other) if height > other else (other, height)
    if baseline_apart > short and tall > LINE_STEP_TALL * short:
        tall = LINE_STEP_TALL * short
    return LINE_STEP * tall


#: A label in a margin column is at least this many times the size of the row beside it
#: (sizes are loose-box heights, which differ by a tenth or more between faces of one size).
LABEL_SIZE_STEP = 1.3
#: … and is a word or words: this many letters at least (a large numeral before a heading's
#: text numbers it, and is read with it).
LABEL_LETTERS = 3


#: A piece of one size as the next stands this share of its height or more off the next's
#: baseline: the two are set on two baselines, not one line.
LABEL_RAISE = 0.2


def _label_beside(label: Fragment, f: Fragment, step: float) -> bool:
    """Whether ``label``, a bold word set before ``f`` on one line past a gap wider than a line
    is high, is a label of its own: a form's margin heading ("Refund", "Amount You Owe")
    level with the first row of the section beside it, either clearly larger than the row
    (:data:`LABEL_SIZE_STEP`) or in the row's size but standing off its baseline
    (:data:`LABEL_RAISE`: "**Age/Blindness**" set higher than the "**You:**" of its row, each
    on a baseline of its own). A run-in heading ("Definition 6") goes on at a word space on
    its paragraph's baseline; a drop capital is not set apart."""
    if not (
        label.bold and step > label.height
        and sum(map(str.isalpha, label.text)) >= LABEL_LETTERS
    ):
        return False
    if label.size > LABEL_SIZE_STEP * f.size:
        return True
    # (Bottoms of loose boxes of one size stand apart as their baselines do.)
    return (
        abs(label.size - f.size) <= 0.05 * label.size
        and abs(label.y0 - f.y0) >= LABEL_RAISE * label.height
    )


#: Rules gathered into lines: where each stretch stands across its axis, and the stretches.
_RuleLines = tuple[list[float], list[tuple[float, float]]]


class PageRules(list[Rect]):
    """A page's rules (and its boxes' shared edges), with the lines they make each way worked
    out once: every region of the page asks of the same rules (a page of many boxes has tens
    of thousands of edges, sorted anew for each region before)."""

    def __init__(self, rules: Iterable[Rect]) -> None:
        super().__init__(rules)
        #: The lines worked out so far, by whether they are horizontal.
        self.lines: dict[bool, _RuleLines] = {}


def _rule_lines(rules: Sequence[Rect], *, horizontal: bool) -> _RuleLines:
    """The ``rules`` drawn one way (horizontal: by height; else by place across), gathered
    into lines: each stretch's place, and the stretches. Worked out once for a page's
    :class:`PageRules`."""
    known = rules.lines if isinstance(rules, PageRules) else None
    if known is not None and horizontal in known:
        return known[horizontal]
    lines = lines_along(rule_pieces(rules, horizontal=horizontal))
    found = (
        [place for place, stretches in lines for _ in stretches],
        [stretch for _, stretches in lines for stretch in stretches],
    )
    if known is not None:
        known[horizontal] = found
    return found


class _HorizontalRules:
    """The page's horizontal rules, by height, to ask whether one is drawn between two lines
    (a form's rule between two sections' margin headings set close together)."""

    def __init__(self, rules: Sequence[Rect]) -> None:
        self.rules = rules
        self.heights: list[float] = []
        self.spans: list[tuple[float, float]] = []
        self.indexed = False

    def _index(self) -> None:
        """Sort the rules by height, on the first question (most blocks never ask one); the
        pieces drawn at one height are one rule where they touch (a form's row of boxes each
        draws its own stretch of the rule between two rows)."""
        self.heights, self.spans = _rule_lines(self.rules, horizontal=True)
        self.indexed = True

    def between(
        self, below: float, above: float, x0: float, x1: float, reach: float
    ) -> bool:
        """Whether a rule lies between heights ``below`` and ``above`` (strictly in the gap
        between two lines: an underline stands inside its line's box) under both lines,
        whose pieces span ``x0``-``x1``, and reaching ``reach`` or more past them on a side:
        a rule ruling off a part of the page. (A fraction's bar is as wide as its numerator
        or denominator, and a line on either side of it is still one formula.)"""
        if below >= above or not self.rules:
            return False  # the lines touch or overlap: no room for a rule between them
        if not self.indexed:
            self._index()
        start = bisect.bisect_left(self.heights, below)
        stop = bisect.bisect_right(self.heights, above)
        return any(
            rx0 <= x0 and rx1 >= x1 and (x0 - rx0 >= reach or rx1 - x1 >= reach)
            for rx0, rx1 in self.spans[start:stop]
        )


class _VerticalRules:
    """The page's vertical rules, by place across, to ask whether one is drawn between two
    pieces of text level with each other: a form's wall between two boxes side by side (a
    field's label in one box, the next box's note beside it, a word space or two apart)."""

    def __init__(self, rules: Sequence[Rect], frags: Sequence[Fragment]) -> None:
        self.rules = rules
        self.frags = frags  # (line by line, top to bottom, each line left to right)
        self.places: list[float] = []
        self.spans: list[tuple[float, float]] = []
        self.crossings: dict[int, int] = {}  # wall index -> pieces next to each other across it
        self.indexed = False

    def _index(self) -> None:
        """Sort the rules by place across, on the first question (most pages never ask one);
        the pieces drawn at one place are one rule where they touch (each box of a column
        draws its own stretch of the wall)."""
        self.places, self.spans = _rule_lines(self.rules, horizontal=False)
        self.indexed = True

    def between(self, left: float, right: float, y0: float, y1: float) -> bool:
        """Whether a wall lies strictly between ``left`` and ``right`` (the end of one piece
        and the start of the next) and runs down the whole height ``y0``-``y1`` the two
        share (not a stroke ending short of the line: a tick, a bracket's end), and whether
        this is the one place along it where a line's pieces run on across it, a word space
        or two apart: two boxes' texts that happen to meet there. Where lines all along it run
        on across (a table's rows, its rule between two columns), it parts no line."""
        if left >= right or not self.rules:
            return False
        if not self.indexed:
            self._index()
        # (A hair of slack: a box's wall meets the text's loose box at its edge.)
        slack = VERTICAL_RULE_SLACK * (y1 - y0)
        start = bisect.bisect_right(self.places, left)
        stop = bisect.bisect_left(self.places, right)
        return any(
            self.spans[k][0] <= y0 + slack and self.spans[k][1] >= y1 - slack
            and self._crossings(k) <= LONE_CROSSING
            for k in range(start, stop)
        )

    def _crossings(self, k: int) -> int:
        """How many pairs of pieces next to each other on one line, a line step apart at most,
        the wall ``k`` runs between (worked out once per wall, on its first question)."""
        count = self.crossings.get(k)
        if count is None:
            x, (low, high) = self.places[k], self.spans[k]
            count = 0
            for a, b in zip(self.frags, self.frags[1:], strict=False):
                if (
                    a.x1 <= x <= b.x0 and low <= min(a.y0, b.y0) and max(a.y1, b.y1) <= high
                    and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height)
                    and b.x0 - a.x1 < _line_step_limit(a.height, b.height, abs(a.y0 - b.y0))
                ):
                    count += 1
            self.crossings[k] = count
        return count


#: A wall parts a line's pieces where it is the one place along it that pieces run on across.
LONE_CROSSING = 1


#: A wall between two pieces of a line runs down their shared height but this share of it.
VERTICAL_RULE_SLACK = 0.1


class _RowMates:
    """The fragments of a page's lines (``frags`` come line by line), to ask whether a line
    runs on under text set level with the line above it."""

    def __init__(self, frags: list[Fragment]) -> None:
        self.frags = frags
        self.row_of: dict[int, list[Fragment]] = {}

    def _index(self) -> None:
        """Group the fragments into lines, on the first question (most lines never ask)."""
        if _fragments_accelerator is not None:
            # (The same rows in C, but where a box is not plainly floats.)
            rows = _fragments_accelerator.lines_of(self.frags, True)
            if rows is not NotImplemented:
                for line in rows:
                    for f in line:
                        self.row_of[id(f)] = line
                return
        row: list[Fragment] = []
        for f in self.frags:
            if not row or not same_line(row[0], f):
                row = []
            row.append(f)
            self.row_of[id(f)] = row

    def row(self, f: Fragment) -> list[Fragment]:
        """The fragments of ``f``'s line, ``f`` among them."""
        if not self.row_of:
            self._index()
        return self.row_of.get(id(f), [f])

    def reaches_under_row(
        self, f: Fragment, last: Fragment, line_x0: float, line_x1: float
    ) -> bool:
        """``f``, the line below a block's last line (``line_x0``-``line_x1``, ending with
        ``last``), runs on under another piece of text level with that line and outside the
        block, in a type of the line's size: where the block is that one line, it is one
        cell of a row (a form's option "Single" beside "Married filing jointly", a field's
        label beside the next field's), and the line below runs across the row, so it is no
        line of that cell. (A line of a column stays in its column; a drop cap or a bullet
        beside the lines is no text of the row; a paragraph's line with a piece set far out,
        a matrix's last column, has lines above it that show the paragraph's measure. Cells
        hold words: numerators of fractions over one line of a formula are none.)"""
        if not _WORD.search(last.text):
            return False  # (a formula's numerator over the line below is no cell of a row)
        if not self.row_of:
            self._index()
        return any(
            (g.x1 <= line_x0 or g.x0 >= line_x1)  # (not in the block's line)
            and f.x0 < g.x1 and g.x0 < f.x1
            and g.height <= 1.5 * last.height
            and not is_marker(g.text)
            and _WORD.search(g.text) is not None
            for g in self.row_of.get(id(last), ())
        )


_WORD = re.compile(r"[^\W\d_]{2}")
#: Words of two letters or more.
_WORDS = re.compile(r"[^\W\d_]{2,}")
#: A narrow column of running text (a margin note) holds this many lines at least.
NOTE_LINES = 3
#: It is at most this share of the width of the lines beside it.
NOTE_WIDTH = 0.5
#: The lines beside it start within this many line heights of each other (one edge, a
#: paragraph's first line indented).
NOTE_BESIDE_EDGE = 2.0


class _NarrowColumns:
    """The fragments of a page by where they start, to ask whether a piece of a line is one
    line of a text running on in a column of its own beside the rest of the line (a margin
    note set level with the body's lines, a gutter's width from them)."""

    def __init__(self, frags: list[Fragment]) -> None:
        self.frags = frags
        self.starting: dict[int, list[Fragment]] = {}
        #: The next piece of each fragment's line, by the fragment's identity.
        self.beside: dict[int, Fragment] = {}
        #: Per left edge asked about: the fragments starting there, top to bottom (pieces
        #: starting at one edge, a column's lines, ask of the same list).
        self.columns: dict[float, list[Fragment]] = {}
        self.indexed = False

    def _index(self) -> None:
        """Index the fragments, on the first question (asked of few lines of a page)."""
        previous: Fragment | None = None
        for f in self.frags:  # (line by line, top to bottom, each line left to right)
            self.starting.setdefault(int(f.x0), []).append(f)
            if previous is not None and f.x0 > previous.x0 and same_line(previous, f):
                self.beside[id(previous)] = f
            previous = f
        self.indexed = True

    def _column_at(self, x0: float) -> list[Fragment]:
        """The fragments starting within :data:`COLUMN_EDGE` of ``x0``, top to bottom
        (those level with each other in the order of the index); none when fewer than
        :data:`NOTE_LINES` start near it."""
        near = [self.starting.get(k, ()) for k in (int(x0) - 1, int(x0), int(x0) + 1)]
        if sum(len(starting) for starting in near) < NOTE_LINES:
            return []
        same = [f for starting in near for f in starting if abs(f.x0 - x0) <= COLUMN_EDGE]
        if len(same) < NOTE_LINES:
            return []
        same.sort(key=lambda f: -f.y0)
        return same

    def runs_on_beside(self, piece: Fragment, after: Fragment) -> bool:
        """Whether ``piece`` is one of :data:`NOTE_LINES` or more consecutive lines starting
        where it does, each going on from the one above (opening with a small letter: one
        text runs down the column), all ending a gutter's width (:data:`FRAGMENT_GAP`) short
        of where ``after``, the next piece of its line, starts. A label column beside its
        values holds a label a line, each opening its own text; a paragraph's lines reach
        across the gutter."""
        edge = after.x0 - FRAGMENT_GAP * max(piece.size, after.size)
        if piece.x1 > edge:
            return False  # no gutter between the piece and the rest of its line
        if not _WORD.search(piece.text):
            # (Asked below of every line of the run, the piece's among them: asked first of
            # the piece, it spares a table's cells of figures the column's look-up.)
            return False
        if not self.indexed:
            self._index()
        x0 = piece.x0
        same = self.columns.get(x0)
        if same is None:
            same = self.columns[x0] = self._column_at(x0)
        if len(same) < NOTE_LINES:
            return False  # (most pieces: no column of lines starts where they do)
        at = next((k for k, f in enumerate(same) if f is piece), -1)
        if at < 0:
            return False
        first = last = at
        while first > 0 and _next_line_of(same[first - 1], same[first], edge):
            first -= 1
        while last + 1 < len(same) and _next_line_of(same[last], same[last + 1], edge):
            last += 1
        if last - first + 1 < NOTE_LINES:
            return False
        # A gutter runs down beside the column: what follows its lines on theirs starts past
        # all of them, at one edge (a first line may be indented). Justified text set word by
        # word has its lines' first words at one edge too, but its second words anywhere.
        run = same[first:last + 1]
        if not all(_WORD.search(f.text) for f in run):
            return False  # pieces without a word: a listing's variables, a formula's terms
        column_end = max(f.x1 for f in run)
        besides = [after] + [
            b for f in run if f is not piece and (b := self.beside.get(id(f))) is not None
        ]
        starts = [b.x0 for b in besides]
        # A note's column is narrow beside the text (a column of prose beside a listing is
        # found as a column of its own by the reading order).
        return (
            min(starts) - column_end >= FRAGMENT_GAP * max(piece.size, after.size)
            and max(starts) - min(starts) <= NOTE_BESIDE_EDGE * after.height
            and column_end - x0 <= NOTE_WIDTH * max(b.x1 - b.x0 for b in besides)
        )


#: Two pieces of running text level with each other this many times their height apart (or
#: more) are lines of two columns, not one line ...
GUTTER_STEP = 1.0
#: ... when each holds this many words at least.
COLUMN_LINE_WORDS = 5


def _lines_of_two_columns(piece: Fragment, after: Fragment, step: float) -> bool:
    """Whether ``piece`` and ``after``, level with each other ``step`` apart, are lines of
    two columns set side by side (a gutter between them), not one line read on: both run
    on for :data:`COLUMN_LINE_WORDS` words or more, and the white between them is wider
    than any space between words of a line (:data:`GUTTER_STEP` of their height). A line's
    parts set apart on it (a number and its title, a label and its value) hold a few words;
    a table's cells are read as a table before."""
    return (
        step >= GUTTER_STEP * max(piece.y1 - piece.y0, after.y1 - after.y0)
        and word_count(piece.text) >= COLUMN_LINE_WORDS
        and word_count(after.text) >= COLUMN_LINE_WORDS
        # (Words of two letters or more: a program's line, "f u n c", is no running text.)
        and len(_WORDS.findall(piece.text)) >= COLUMN_LINE_WORDS
        and len(_WORDS.findall(after.text)) >= COLUMN_LINE_WORDS
    )


def _next_line_of(above: Fragment, below: Fragment, edge: float) -> bool:
    """Whether ``below`` is the line after ``above`` in one text running down a column that
    ends short of ``edge``: a line's height or so under it, going on from it."""
    height = max(above.height, below.height)
    return (
        0.5 * height < above.y0 - below.y0 < 1.6 * height
        and above.x1 <= edge and below.x1 <= edge
        and below.text[:1].islower()
    )


if _blocks_accelerator is not None:
    # The constants of the tests the C loop decides itself for most pairs (see _BlockAsks).
    _blocks_accelerator.configure(
        fragment_gap=FRAGMENT_GAP, column_edge=COLUMN_EDGE, label_size_step=LABEL_SIZE_STEP,
        label_raise=LABEL_RAISE, vertical_rule_slack=VERTICAL_RULE_SLACK,
        gutter_step=GUTTER_STEP, face_size_step=FACE_SIZE_STEP, indent_min=INDENT_MIN,
        indent_max=INDENT_MAX, rule_over_capitals=RULE_OVER_CAPITALS,
        label_letters=LABEL_LETTERS, run_on_words=RUN_ON_WORDS,
        column_line_words=COLUMN_LINE_WORDS, tick_gap=TICK_GAP, tick_level=TICK_LEVEL,
        tick_side_min=TICK_SIDE[0], tick_side_max=TICK_SIDE[1], marker_step=MARKER_STEP,
        key_step=KEY_STEP, spread_step=SPREAD_STEP, line_reach_step=LINE_REACH_STEP,
        line_reach_edge=LINE_REACH_EDGE, short_line_space=SHORT_LINE_SPACE,
        short_line_slack=SHORT_LINE_SLACK, box_glyphs="".join(sorted(BOX_GLYPHS)),
    )


def _text_blocks(
    frags: list[Fragment], page: int, to_pages: Sequence[tuple[BBox, int]] = (),
    rules: Sequence[Rect] = (), frames: Frames | None = None,
) -> list[Block]:
    """The fragments grouped into blocks: each fragment goes on the line of an open block
    (the rest of the same line, past a gap), or under its last line (the next line of one
    paragraph), or opens a block of its own. ``frags`` come line by line, top to bottom, each
    line left to right. (``frames``: the page's drawn boxes, whose sides part the text they
    hold from text outside them.)"""
    asks = _BlockAsks(frags, page, to_pages, rules, frames)
    found: list[Block] | None = None
    if _blocks_accelerator is not None:
        # The loop in C; None when a fragment's box is not all floats (left to Python).
        found = _blocks_accelerator.text_blocks(
            frags, asks, asks.open_blocks, asks.block_starts, asks.leading, BLOCK_GAP,
            LINE_STEP, LINE_STEP_TALL, starts_item, is_marker,
        )
    if found is None:
        found = _python_text_blocks(frags, asks)
    # (The page's usual gap between lines, which the loop joins lines by, may be a paragraph
    # break's: headings one under another are parted again.)
    return lead_lines_apart(bold_lines_apart(found, frags), frags)


#: A term set in bold before its description at a tab stop is a few words at most (an
#: option's names, "-c" or "-I, --ignore=PATTERN"; a glossary's word).
TERM_WORDS = 4


def _term_at_tab_stop(label: Fragment, f: Fragment) -> bool:
    """Whether ``label``, a block's one piece before ``f`` at a tab stop on its line, is a
    term that ``f`` describes: a hanging-indent list of terms (a manual's options, a
    glossary) sets a term short enough for the indent on its description's first line, the
    description going on in regular text at the indent below. Read apart, the description's
    first line would go on under the entry before it (whose description stands at the same
    indent just above), and the term would be read after text that follows it. A term is a
    few words in bold on one line, its description regular text of its size that opens with
    a word (a column of times in small print beside a timetable's names labels none)."""
    height = f.y1 - f.y0
    return (
        label.bold and not f.bold and not label.rtl and not f.rtl
        and abs(label.size - f.size) <= FACE_SIZE_STEP * max(label.size, f.size)
        and label.y1 - label.y0 <= 1.5 * height
        and abs(label.y0 - f.y0) <= LABEL_RAISE * height
        and word_count(label.text) <= TERM_WORDS
        and sum(map(str.isalpha, f.text)) >= 2
    )


#: Words with letters a line in the regular face holds at least (and half its words at least)
#: to run its sentence on into a line mostly in bold (:meth:`_BlockAsks._wrapped_into_bold`):
#: a sentence's, not a cell's or a timetable row's.
WRAPPED_LINE_WORDS = 4
#: … and the line in bold follows it closer than this many line heights (box to box): at
#: the paragraph's own leading, not a paragraph's space under it.
WRAPPED_GAP = 0.5


def _left_edge(piece: Fragment) -> float:
    return piece.x0


def _last_line(frags: Sequence[Fragment]) -> list[Fragment]:
    """The pieces of the last line of ``frags`` (a block's), in order."""
    if not frags:
        return []
    last = frags[-1]
    line = [last]
    for piece in reversed(frags[:-1]):
        if not same_line(piece, last):
            break
        line.append(piece)
    line.reverse()
    return line


class _BlockAsks:
    """What :func:`_text_blocks` asks of a fragment and an open block beyond their boxes (the
    tests that look at text, fonts, rules, boxes, links and the other blocks), with the state
    they read: the loop itself runs in ``_block_loop.c`` or :func:`_python_text_blocks`,
    which ask these only of the pairs whose boxes already fit (most pairs do not). Nine in
    ten of those pass every test; the C loop settles most of them itself, from the cheap part
    of each test (the pieces too close for a gutter, no rule between them, sizes alike), and
    asks :meth:`goes_on_line` and :meth:`goes_on_below` only where it cannot: keep the two
    in step (its tests check every verdict it decides against these)."""

    def __init__(
        self, frags: list[Fragment], page: int, to_pages: Sequence[tuple[BBox, int]],
        rules: Sequence[Rect], frames: Frames | None,
    ) -> None:
        self.page = page
        self.to_pages = to_pages
        self.rules = rules
        self.frames = frames
        self.leading = _leading(frags)
        self.ruled = _HorizontalRules(rules)
        self.walls = _VerticalRules(rules, frags)
        self.columns = _NarrowColumns(frags)
        self.rows = _RowMates(frags)
        self.edges = TextEdges(frags)
        self.ticks = TickBoxes(frames.shapes) if frames is not None else None
        self.options = OptionRows(frags, self.ticks)
        #: The blocks still open, in the order they were opened (the loop keeps this list,
        #: changing it in place).
        self.open_blocks: list[Block] = []
        #: Blocks whose last line has a lone page number set apart on its right: contents
        #: entries ("1 Chapter          2"), which the next entry (a line ending in leaders
        #: and a page number, its first fragment in ``entry_starts``) does not go on. (Without
        #: that entry below, a name and a number set apart are a table's row, read as before.)
        self.ended: set[int] = set()
        self.entry_starts = _entry_line_starts(frags)
        #: Block id -> where each of its lines starts (the loop appends to the lists).
        self.block_starts: dict[int, list[float]] = {}

    def goes_on_line(self, block: Block, last: Fragment, f: Fragment, step: float) -> bool:
        """Whether ``f``, level with ``last`` (the last piece of ``block``) and ``step`` past
        it (less than a line step), is the rest of the same line ("2   Title")."""
        frames = self.frames
        rules = self.rules
        return (
            # A heading set beside a note in the margin, level with its last line, starts
            # a block of its own: a clearly larger bold piece after a regular one on one
            # line is not one sentence going on. (A bold word set larger opening a
            # paragraph, a run-in heading, is followed by the paragraph's text; a bullet
            # of whatever face leads its item's text.)
            not (f.bold and not last.bold and f.size > 1.15 * last.size
                 and not is_marker(last.text))
            and not _label_beside(last, f, step)
            and not _goes_on_below(f, step, block, self.open_blocks, self.block_starts)
            # Text turned up a picture's side (a photo credit) is no piece of the lines
            # it stands level with.
            and turned(f) == turned(last)
            and not self.columns.runs_on_beside(last, f)
            # A rule drawn down between the two pieces sets them apart: each is in a
            # box of its own (a form's label, and the next box's text beside it).
            # (Asked only of a page with rules: most have none.)
            and not (rules and self.walls.between(
                min(last.x1, f.x1), max(last.x0, f.x0),
                max(f.y0, last.y0), min(f.y1, last.y1),
            ))
            # So does the side of a box drawn round one of them (a form's cell).
            and not (frames is not None and frames.apart(last, f))
            and not _lines_of_two_columns(last, f, step)
            # A box to tick opening ``f`` parts it too: an option of its own ("1. Branch
            # [ ] Army  [ ] Navy"), not the question's line read on (see :mod:`.option_rows`).
            and not self.options.opens_option(last, f)
        )

    def goes_on_below(
        self, block: Block, last: Fragment, f: Fragment, height: float,
        line_x0: float, line_x1: float, above_x0: float, one_line: bool,
    ) -> bool:
        """Whether ``f``, close under ``last`` (the last piece of ``block``, whose last line
        spans ``line_x0``-``line_x1`` and the line above it starts at ``above_x0``;
        ``one_line``: the block has one line), in its size and weight and overlapping its
        line, is the next line of the same paragraph."""
        first = block.frags[0]
        to_pages = self.to_pages
        rules = self.rules
        frames = self.frames
        fx0 = f.x0
        text_height = f.y1 - f.y0
        # After a line opening with a run-in lead in bold, the regular text it ends in is
        # what goes on below (the lead is often set in another face and size).
        after_lead = last.after_lead if last.bold and not f.bold else None
        return (
            not (_new_face(last if after_lead is None else after_lead, f)
                 and not _run_goes_on(block, last, f)
                 and not _inline_code_goes_on(block, last, f, self.leading))
            # A list item's lines never start left of its marker (right of it, in
            # right-to-left text): a line that does is the next point one level out (a
            # paragraph's first line may be indented, so this holds for items only).
            # (Set as a paragraph is, marker at the first-line indent and the body's lines
            # from the column's edge, they are its body still: _item_body_out_left.)
            and not (
                (f.x1 > first.x1 + 0.5 * height if first.rtl else fx0 < first.x0 - 0.5 * height)
                and starts_item(first.text)
                and not _item_body_out_left(
                    block, f, height, self.block_starts.get(id(block), ()), one_line
                )
            )
            # (Its first test asked here, without a call: most lines are not
            # indented from the last.)
            and not (
                INDENT_MIN * text_height <= fx0 - line_x0 <= INDENT_MAX * height
                and _opens_indented_paragraph(
                    block, f, (line_x0, line_x1), above_x0, height, self.edges
                )
            )
            # A line stopping short of the block's right edge, the next in another level
            # or weight: a paragraph's last line, then the next's first.
            and not _ends_paragraph_short(
                block, last, f, line_x0, line_x1, height, one_line, text_height, self.edges
            )
            # A contents entry ends with its page number: the next line is the next
            # entry, not the same paragraph going on.
            and not (last.text.rstrip()[-1:].isalnum()
                     and ends_with_page_number(_last_line_text(block)))
            and not (id(block) in self.ended and id(f) in self.entry_starts)
            # Lines each a link to another place are entries of a table of contents
            # (set without page numbers), not one paragraph.
            and not (to_pages and _links_apart(last, f, line_x0, line_x1, to_pages))
            # A rule drawn between the two lines sets them apart (a form's sections).
            # Lines set so tight that their boxes touch or overlap leave no gap: the rule is
            # then drawn over the capitals of the lower line, in the top of its box (a
            # form's entries one under another, each in its ruled row).
            # (Asked only of a page with rules: most have none.)
            and not (rules and self.ruled.between(
                f.y1 - RULE_OVER_CAPITALS * f.height if f.y1 >= last.y0 else f.y1, last.y0,
                min(fx0, line_x0), max(f.x1, line_x1), height,
            ))
            # A one-line block beside others on its row is a cell of that row.
            and not (one_line and self.rows.reaches_under_row(f, last, line_x0, line_x1))
            # So does the top or foot of a box drawn round one of them.
            and not (frames is not None and frames.apart(last, f))
            # A line opening with a box to tick (an option under its question, the next of
            # a form's rows of options) is no line of the block above. (Pieces by their
            # boxes along one line are still read as one: the question after its boxes,
            # "[x] Yes [ ] No  Charges filed?", is the rest of that line.)
            and not (
                self.ticks is not None
                and _ticked(self.ticks, f, block.frags, line_x0, line_x1)
            )
        )

    def inline_run_goes_on(self, block: Block, last: Fragment, f: Fragment) -> bool:
        """:func:`_run_goes_on` (asked by the C loop of a pair whose weights or sizes
        differ, after the tests of a lead-in)."""
        return _run_goes_on(block, last, f)

    def line_is_code(self, block: Block) -> bool:
        """Whether a piece of ``block``'s last line is set in a fixed-pitch face: an indent
        there is the code's, no paragraph's first line's."""
        return any(piece.fixed_pitch for piece in _last_line(block.frags))

    def spread_line_goes_on(self, block: Block, last: Fragment, f: Fragment) -> bool:
        """Whether ``f``, level with ``last`` (the last piece of ``block``) past a gap wider
        than the pieces of a line are set apart (less than :data:`SPREAD_STEP` line heights),
        goes on a justified line spread wide: a line of a paragraph under another of its
        lines, starting where a piece of that line starts and ending (``f`` and the pieces
        after it on the line) at its right edge, its pieces all set apart by about equal
        gaps (justifying spreads a line's spaces alike; a table's cells stand where their
        columns put them)."""
        if last.rtl or f.rtl:
            return False
        frags = block.frags
        line = _last_line(frags)  # (``last`` ends it)
        above = _last_line(frags[:len(frags) - len(line)])
        if not above:
            return False
        height = max(last.y1 - last.y0, f.y1 - f.y0)
        # The rest of the line: ``f`` and the pieces after it, each within the spread's reach.
        line.append(f)
        for piece in sorted((g for g in self.rows.row(f) if g.x0 >= f.x1), key=_left_edge):
            if piece.x0 - line[-1].x1 >= SPREAD_STEP * height:
                break
            line.append(piece)
        gaps = [b.x0 - a.x1 for a, b in zip(line, line[1:], strict=False)]
        # The line above starts with running text where this line starts (after a term
        # hung in the margin, maybe): words set with a word space, not cells of a row.
        return (
            len(gaps) >= SPREAD_GAPS
            and min(gaps) > 0 and max(gaps) <= SPREAD_EVEN * min(gaps)
            and any(abs(line[0].x0 - piece.x0) <= SPREAD_EDGE * height
                    and piece.text.count(" ") >= SPREAD_WORDS - 1 for piece in above)
            and abs(line[-1].x1 - max(piece.x1 for piece in above)) <= SPREAD_EDGE * height
        )

    def label_at_tab_stop(self, label: Fragment, f: Fragment) -> bool:
        """Whether ``label``, a block's one piece standing before ``f`` on its line past a
        gap wider than the pieces of a line are set apart (less than :data:`MARKER_STEP`
        line heights), is a list's bullet or number labelling ``f`` at a tab stop. Not a
        dash, which stands for nothing in a table's cell as often as it leads a point
        ("-   0.93x"), nor a mark before a letter or a number in a drawing ("·   a"). A
        reference's citation key ("[Knu84]", "[hut]") labels whatever follows it (justified,
        the entry's first line comes word by word: "D.", "——,"), its text at the stop set
        past the widest key (within :data:`KEY_STEP` line heights of the key's start)."""
        key = KEY.fullmatch(label.text) is not None or BARE_KEY.fullmatch(label.text) is not None
        tall = max(label.y1 - label.y0, f.y1 - f.y0)
        if not key and (label.x0 - f.x1 if label.rtl else f.x0 - label.x1) >= MARKER_STEP * tall:
            return False  # (only a key's text stands past the stop measured from its start)
        if OUTLINE_NUMBER.fullmatch(label.text.strip()) and f.text[:1].isupper():
            # A section's number set before its title at a tab stop ("6.4<tab>The changing
            # face"), as a word processor's numbered heading sets it: one heading, number
            # and title, whose outline would otherwise skip the number.
            return True
        if _term_at_tab_stop(label, f):
            return True
        return (
            is_marker(label.text)
            and label.text.strip() not in _DASHES
            and (sum(map(str.isalpha, f.text)) >= 2 or key)
        )

    def weight_goes_on(
        self, block: Block, last: Fragment, f: Fragment, line_x0: float, line_x1: float
    ) -> bool:
        """Whether ``f``, close under ``last`` (the last piece of ``block``, whose last line
        spans ``line_x0``-``line_x1``) but of the other weight as a whole (``last`` mostly
        bold, ``f`` mostly regular), still goes on from it: a bold lead-in wrapped over a line
        break, its text going on in regular ("**Secure federal systems.** The strategy" over
        "identifies steps ..."; "**Goals, objectives, and**" over "**performance.** The
        strategy ..."). The weight where ``last`` ends is the one ``f`` starts in, and the
        line was broken because ``f``'s first word would not fit after it (short of the
        column's right edge as far as it shows: the block's, or ``f``'s). A bold heading
        over a paragraph opening with a bold run-in word leaves room on its line for that
        word, and one over regular text ends in another weight; a line mostly regular going
        into a bold one (a reference card's entries, one a line) is no lead-in."""
        if last.rtl or f.rtl:
            return False
        if not last.bold and f.bold:
            return self._wrapped_into_bold(block, last, f, line_x0, line_x1)
        if not last.bold or f.bold:
            return False  # (a lead-in is bold, its text going on regular)
        ends = [g for g in last.glyphs if g.char.isalnum()]
        word = _first_word(f)
        starts = [g for g in word if g.char.isalnum()]
        if not ends or not starts or ends[-1].bold != starts[0].bold:
            return False
        right = block.x1 if block.x1 > f.x1 else f.x1
        space = 0.25 * max(last.size, f.size)
        return line_x1 + space + (word[-1].x1 - word[0].x0) > right

    def _wrapped_into_bold(
        self, block: Block, last: Fragment, f: Fragment, line_x0: float, line_x1: float
    ) -> bool:
        """Whether ``f``, mostly bold, under ``last``, mostly regular, is the rest of
        ``last``'s sentence wrapped onto the next line ("… it's intended to be the" over
        "**FastAPI of CLIs.** ⌨"): the block's last line (``last`` ends it) is running text
        (:data:`WRAPPED_LINE_WORDS` words, most of its words) that leaves its sentence open
        on a word or a comma, ``f`` starts at the line's left edge (or under its text past a
        term set at a tab stop: "typeof(x)   Return a string …") and opens with no list's
        mark, set at the paragraph's leading (:data:`WRAPPED_GAP`), and ``f``'s first word
        would not have fitted at the end of ``last`` before the right edge of its column
        (the lines starting where it starts). A heading under a paragraph follows a line the
        paragraph ended, on a stop or short of the edge."""
        text = _last_line_text(block).rstrip()
        if not (text[-1:].islower() or text.endswith((",", "-", "\u00ad"))) or starts_item(f.text):
            return False  # (a sentence goes on after a word or a comma, a list's item does not)
        words = text.split()
        worded = sum(any(map(str.isalpha, w)) for w in words)
        if worded < max(WRAPPED_LINE_WORDS, len(words) / 2) or has_leaders(text):
            return False  # (a cell's label, a timetable's row, a contents entry: no sentence)
        if abs(f.x0 - line_x0) > 0.5 * f.size and not any(
            abs(f.x0 - piece.x0) <= 0.5 * f.size for piece in _last_line(block.frags)[1:]
        ):
            return False  # (under the line's start, or under its text past a term at a tab)
        height = max(last.y1 - last.y0, f.y1 - f.y0)
        if last.y0 - f.y1 > WRAPPED_GAP * height:
            return False  # (set a paragraph's space under it: a term or a heading of its own)
        word = _first_word(f)
        if not word:
            return False
        right = self.edges.right_edge(line_x0)
        if right < line_x1 - 1:
            return False  # (the line starts in pieces, a term and its text: no column's edge)
        space = 0.25 * max(last.size, f.size)
        return line_x1 + space + (word[-1].x1 - word[0].x0) > max(right, f.x1)

    # What the block loop in C (_block_loop.c) reads to decide most pairs without asking the
    # two methods above: the rules' lines as _HorizontalRules and _VerticalRules look them up
    # (the same lists, worked out on the first question as theirs are), and the page's boxes
    # to tick as TickBoxes looks them up.

    def wall_lines(self) -> _RuleLines:
        """The vertical rules' lines: places across (sorted), and the stretch of each."""
        walls = self.walls
        if not walls.indexed:
            walls._index()
        return walls.places, walls.spans

    def rule_lines(self) -> _RuleLines:
        """The horizontal rules' lines: heights (sorted), and the stretch of each."""
        ruled = self.ruled
        if not ruled.indexed:
            ruled._index()
        return ruled.heights, ruled.spans

    def tick_squares(self) -> list[Rect]:
        """The page's boxes to tick, by their right sides (asked only of a page whose frames
        have shapes: :attr:`ticks` is then set)."""
        return self.ticks.squares() if self.ticks is not None else []

    def opens_item(self, f: Fragment) -> bool:
        """Whether ``f``, a line opening as a list item does ("228. Springer."), opens one:
        not when it opens with a figure under a line cut at a hyphen or a dash (a page range
        "222–" wrapped in a reference, a number split), whose rest it is, or ending in a
        relation or an operator ("LEN !=" over "0. With ..."), whose operand it is; nor when
        it opens with a name's initial under a line that leaves a run of names open
        (:meth:`_names_go_on`). Nor when its number is the end of a range or a count the
        sentence above runs on to ("… incompatible with GCC 7 through" over "11. GCC 12
        on MIPS will …"): a number past 1 under a line ending in a word, lined up with that
        block's lines, where the block is no point numbered one less (the previous point
        of its list). Nor when its label's bracket closes one the line above left open
        (:meth:`_closes_aside_above`). (Asked only of the lines that open with an item's
        label.)"""
        if f.text[:1] == "(":
            return not self._reference_goes_on(f)
        if self._closes_aside_above(f):
            return False
        if not f.text[:1].isdigit():
            return not (_opens_with_initial(f.text) and self._names_go_on(f))
        height = f.height
        above: Block | None = None  # the block whose last line is nearest above
        for block in self.open_blocks:
            last = block.frags[-1]
            ends = last.text.rstrip()
            if not (-0.5 * height < last.y0 - f.y1 < BLOCK_GAP * height
                    and f.x0 < last.x1 and last.x0 < f.x1):
                continue
            if (ends[-1:] in _CUT_DASHES and ends[-2:-1].isalnum()
                    or ends[-1:] in _OPERATORS_ENDING):
                return False
            if above is None or last.y0 < above.frags[-1].y0:
                above = block
        return above is None or not self._number_runs_on(above, f)

    def _closes_aside_above(self, f: Fragment) -> bool:
        """Whether ``f``'s label, a number or a letter with a closing bracket ("1)"), closes
        a bracket that the last line of an open block right above it leaves open ("… the
        result of "3 < 5" (the value" over "1) to the variable "a". What …"): a sentence's
        aside wrapped at its number. A list's point opens under a line that has closed its
        brackets (an introduction, the point before), never in the middle of one."""
        label = NUMBER.match(f.text)
        if label is None or not label.group(1).endswith(")"):
            return False
        height = f.height
        for block in self.open_blocks:
            last = block.frags[-1]
            if not (-0.5 * height < last.y0 - f.y1 < BLOCK_GAP * height
                    and f.x0 < last.x1 and last.x0 < f.x1):
                continue
            text = _last_line_text(block)
            if text.count("(") > text.count(")"):
                return True
        return False

    def _number_runs_on(self, block: Block, f: Fragment) -> bool:
        """Whether ``f``'s number (past 1) is the sentence of ``block``, right above it,
        running on: that block's last line ends in a small letter ("through"), ``f`` is
        lined up with its lines, and it is no point numbered one less."""
        label = NUMBER.match(f.text)
        number = label.group(1).rstrip(".)") if label else ""
        ends = block.frags[-1].text.rstrip()
        starts = self.block_starts.get(id(block))
        return (
            number.isdigit() and int(number) > 1 and ends[-1:].islower()
            and starts is not None and abs(f.x0 - starts[-1]) <= 0.5 * f.height
            and not _numbered(block, int(number) - 1)
        )

    def _reference_goes_on(self, f: Fragment) -> bool:
        """Whether ``f``, opening with a bracketed label ("(i) of this AD correspond to"), is
        a cross-reference wrapped mid-sentence: right under the last line of an open block
        that ends with the name of the part referred to ("… specified in figure 10 to
        paragraph"), the sentence going on after the label in a small letter or a
        punctuation mark. Rules and regulations refer to their own parts so ("paragraph (i)
        of this AD"), and a line break may fall before the label; a list's point opens with
        its label after a line that ends a sentence or introduces the list (with a colon),
        not one that names a part and stops. So is an enumeration run into a sentence
        ("… into the MMC," over "(1) had no cover texts, and (2) were thus …"): the line
        names the next label itself, further on, under a line that leaves the sentence
        open (a list sets each point on a line of its own)."""
        label = NUMBER.match(f.text)
        after = f.text[label.end():label.end() + 1] if label else ""
        if label is None or not (after.islower() or after in _SENTENCE_GOES_ON):
            return False
        inline = _names_next_label(label.group(1), f.text[label.end():])
        height = f.height
        for block in self.open_blocks:
            last = block.frags[-1]
            ends = last.text.rstrip()
            if (
                -0.5 * height < last.y0 - f.y1 < BLOCK_GAP * height
                and f.x0 < block.x1 and block.x0 < f.x1
                and (_NAMES_A_PART.search(ends)
                     or inline and (ends[-1:].isalnum() or ends.endswith(",")))
            ):
                return True
        return False

    def _names_go_on(self, f: Fragment) -> bool:
        """Whether ``f``, opening with a capital and a full stop ("E. Schulte-Nordholt, K.
        Spicer"), is the next line of a run of names: right under the last line of an open
        block that ends with a comma or an "and" (a reference's authors, "… L. Franconi, S.
        Giessing," wrapped before the next author's initial). A lettered list's points end
        their lines as they like, but the next point's letter counts on the last one's ("B.
        Pears," under "A. Apples,"): that line still opens an item."""
        height = f.height
        letter = f.text[0]
        for block in self.open_blocks:
            last = block.frags[-1]
            if not (-0.5 * height < last.y0 - f.y1 < BLOCK_GAP * height
                    and f.x0 < block.x1 and block.x0 < f.x1):
                continue
            if not _NAMES_OPEN.search(last.text.rstrip()):
                continue
            label = NUMBER.match(block.frags[0].text)
            above = label.group(0).strip().strip("()") if label else ""
            if len(above) == 2 and ord(letter) - ord(above[0]) == 1:
                continue  # the next letter of a lettered list
            return True
        return False

    def new_block(self, f: Fragment) -> Block:
        """The block ``f`` opens (not yet in :attr:`open_blocks`, nor holding ``f``)."""
        target = Block(self.page)
        open_blocks = self.open_blocks
        if self.entry_starts and open_blocks and is_page_number(f.text) and _end_entry_beside(
            f, open_blocks, self.ended
        ):
            self.ended.add(id(target))  # the number, too, ends there
        return target


def _numbered(block: Block, number: int) -> bool:
    """Whether ``block`` opens with the list number ``number`` ("10.", "10)")."""
    # (The label may be a piece of its own, "10." set apart from its text at a tab stop.)
    label = NUMBER.match(block.frags[0].text + " x") if block.frags else None
    return label is not None and label.group(1).rstrip(".)") == str(number)


def _names_next_label(label: str, rest: str) -> bool:
    """Whether ``rest``, the text after the bracketed ``label`` ("(1)", "(a)"), names the
    label that follows it in its own brackets ("(2)", "(b)")."""
    inner = label[1:-1] if label.startswith("(") and label.endswith(")") else ""
    if inner.isdigit():
        following = str(int(inner) + 1)
    elif len(inner) == 1 and inner.isalpha() and inner not in "zZ":
        following = chr(ord(inner) + 1)
    else:
        return False
    return f"({following})" in rest


def _opens_with_initial(text: str) -> bool:
    """Whether ``text`` opens with a capital and a full stop, a capitalised word or nothing
    after them."""
    found = _LETTER_AND_WORD.match(text)
    return (found is not None and found.group(1).isupper()
            and (found.group(2) is None or found.group(2).isupper()))


def _ticked(
    ticks: TickBoxes, f: Fragment, above: list[Fragment], line_x0: float, line_x1: float
) -> bool:
    """A box to tick leads ``f``: within the stretch of the line above (the last line of the
    pieces ``above``, spanning ``line_x0``-``line_x1``); or, options one under another each
    by its box, beside the box of the option above (which stands left of that option's
    text: the first piece of its line, the answers and their question after them on one
    line, "[x] Yes [ ] No  Charges filed?", being that line's option)."""
    if ticks.lead(f, (line_x0, line_x1)):
        return True
    if not ticks.lead(f, EVERYWHERE):
        return False
    start = len(above) - 1
    while start > 0 and same_line(above[start - 1], above[-1]):
        start -= 1
    return ticks.lead(above[start], EVERYWHERE)


def _goes_on_after_lead(last: Fragment, f: Fragment) -> bool:
    """``f``, in the regular face, is of the face ``last`` ends in after a run-in lead in bold
    (:attr:`Fragment.after_lead`): the next line of the paragraph that lead opens, though the
    lead makes most of ``last`` bold or sets it in another size. (Asked only of a pair whose
    weights or sizes differ.)"""
    if f.bold:
        return False
    tail = last.after_lead
    return tail is not None and abs(tail.size - f.size) <= 0.15 * max(tail.size, f.size)


#: Lines of running text stand less than this many sizes apart (double spacing, at most;
#: a line between two single-spaced lines sets them 2.4 sizes apart).
RUN_LINE_STEP = 2.0


def _run_goes_on(block: Block, last: Fragment, f: Fragment) -> bool:
    """:func:`_inline_run_goes_on`; and where ``last``, the last piece of ``block``, is code
    alone (one fixed-pitch face, no running text) ending a line of running text, set apart
    from the rest by a justified line's wide space ("... the original -O2 -ftree-vectorize"
    and "-fvect-"), the same asked of that whole line (:func:`_code_inline_goes_on`): the
    code alone measures larger than the paragraph's text, the line's running text does not.
    Read by the piece alone, a paragraph whose line ends in code would be cut there."""
    if _inline_run_goes_on(last, f):
        return True
    frags = block.frags
    if not frags or frags[-1] is not last or last.prose_face is not None or not last.fixed_pitch:
        return False
    pieces = _last_line(frags)
    if len(pieces) == 1:
        return False  # (code alone on its line: a listing's, judged as before)
    line = Fragment(
        [g for piece in pieces for g in piece.glyphs], " ".join([p.text for p in pieces]),
        min(p.x0 for p in pieces), min(p.y0 for p in pieces),
        max(p.x1 for p in pieces), max(p.y1 for p in pieces),
    )
    return line.prose_face is not None and _code_inline_goes_on(line, f)


def _inline_run_goes_on(last: Fragment, f: Fragment) -> bool:
    """``f``, under ``last``, is the next line of one paragraph whose running text is set in
    one face (:attr:`Fragment.running_face`: one font and weight, sizes apart by no more than
    :data:`FACE_SIZE_STEP`), though a run in another face inside one of the lines (small
    capitals: "should be sent to the person identified" over "in the FOR FURTHER
    INFORMATION" over "CONTACT section. Any ...") sets that line's median apart: a reader
    hears one paragraph. ``last`` leaves its sentence open: under a line closing one, a line
    in another face opens a paragraph (a run-in lead, "FOR FURTHER INFORMATION CONTACT:
    Ian"; a form's next option, its note in small italics), as before; and ``f``'s running
    text is the next line of ``last``'s, less than :data:`RUN_LINE_STEP` sizes below it
    (tall boxes, a formula's, may bring a line two lines down within reach). A heading
    (capitals, bold, larger) has no running face alike, and two lines with no run in them
    are judged by their faces as before. (Asked only of a pair whose weights, sizes or
    fonts differ.)"""
    if _code_inline_goes_on(last, f):
        return True
    if last.text.rstrip().endswith(_SENTENCE_END):
        return False
    above = last.running_face
    if above is None:
        return False  # (asked first: the line below's face is not worked out for nothing)
    below = f.running_face
    return not (
        below is None or not (above[3] or below[3])
        or above[1] != below[1] or above[2] != below[2]
        or abs(above[0] - below[0]) > FACE_SIZE_STEP * max(above[0], below[0])
        or not 0 < above[4] - below[4] < RUN_LINE_STEP * above[0]
    )


#: Inline code's fixed-pitch face may be set this much smaller than the running text (as a
#: fraction of the larger size): typewriter faces are scaled down to match x-heights.
CODE_SIZE_STEP = 2 * FACE_SIZE_STEP
#: Ends of a line after which a line in another face opens a block: a sentence's, and the
#: colon or semicolon that leads into a listing or ends one of its lines.
_OPEN_END_STOPS = (*_SENTENCE_END, ":", ";")


def _in_fixed_pitch(f: Fragment) -> bool:
    """Whether the font most of ``f``'s letters are set in (:func:`_face`) draws its Latin
    letters one width: a code face, though the line may also hold quotes or words in
    another. (Only Latin letters are measured: figures are set one width in most faces, and
    Chinese, Japanese and Korean characters in every one.)"""
    face = _face(f)
    widths = [g.x1 - g.x0 for g in f.glyphs
              if g.font == face and g.char.isascii() and g.char.isalpha()]
    if len(widths) < 4 or statistics.fmean(widths) <= 0:
        return False
    return spread_below(widths, FIXED_PITCH_SPREAD)


def _inline_code_goes_on(block: Block, last: Fragment, f: Fragment, leading: float) -> bool:
    """``f``, under ``last`` (the last piece of ``block``), is the next line of one paragraph
    though one of the two is set in a fixed-pitch face and the other in the running
    proportional one, at nearly the same size (within :data:`CODE_SIZE_STEP`): code set
    inline ("doesn't support the AUTOMATIC TAGS" over "option, and the EXPORT ...";
    "(e.g., as in" over "'char description[...]')."). ``last`` leaves its sentence open (no
    colon leading into a listing, no semicolon ending a line of code), ``f`` comes at the
    column's own line spacing (a listing is set apart by more), and the block opened in
    neither the code's font nor a bold keyword (the lines of a listing are no paragraph's).
    (The C loop asks this of Python too: it leaves pairs of sizes this far apart to
    :meth:`_BlockAsks.goes_on_below`.)"""
    if last.text.rstrip().endswith(_OPEN_END_STOPS):
        return False
    larger = max(last.size, f.size)
    if abs(last.size - f.size) > CODE_SIZE_STEP * larger:
        return False
    height = max(last.y1 - last.y0, f.y1 - f.y0)
    if last.y0 - f.y1 > leading + 0.15 * height:
        return False
    code_above = _in_fixed_pitch(last)
    if code_above == _in_fixed_pitch(f):
        return False  # (both code, or neither: a change of font _new_face judges)
    # A block that opened (its first piece with letters, past a run-in lead in bold,
    # "Returns:") in the code's own font or in bold (a keyword) is a listing, whose
    # comments may be set in a proportional face ("func () { ... }  // call with a
    # function" over "list.Sort()").
    opening = next((
        piece for piece in block.frags
        if _face(piece) and not (piece.bold and piece.text.rstrip().endswith(":"))
    ), None)
    return opening is not None and not opening.bold and (
        _face(opening) != _face(last if code_above else f)
    )


def line_reach(frags: Sequence[Fragment], index: int) -> float:
    """Where the line the ``index``-th of ``frags`` (line by line, each line left to right)
    starts ends on the right, read over the pieces after it a space apart (within
    :data:`LINE_REACH_STEP` heights); a right-to-left piece's own end."""
    f = frags[index]
    reach = f.x1
    if f.rtl:
        return reach
    previous = f
    for k in range(index + 1, len(frags)):
        piece = frags[k]
        if piece.rtl or not same_line(previous, piece):
            break
        height = max(previous.y1 - previous.y0, piece.y1 - piece.y0)
        if not 0 <= piece.x0 - previous.x1 < LINE_REACH_STEP * height:
            break
        reach = max(reach, piece.x1)
        previous = piece
    return reach


def _python_text_blocks(frags: list[Fragment], asks: _BlockAsks) -> list[Block]:
    """:func:`_text_blocks` in Python; ``_block_loop.c`` does the same in C (keep the two in
    step: a test compares them)."""
    leading = asks.leading
    open_blocks = asks.open_blocks
    done: list[Block] = []
    block_line: dict[int, tuple[float, float]] = {}  # block id -> x extent of its last line
    block_above: dict[int, float] = {}  # block id -> where the line above its last starts
    block_starts = asks.block_starts
    # The hottest loop of block building (every fragment against every open block): the
    # fragment's box is kept in locals, and min()/max() of two values are spelled out as
    # conditional expressions with their exact semantics (``min(a, b)`` is ``b if b < a
    # else a``, ``max(a, b)`` is ``b if b > a else a``), which give the same results.
    for index, f in enumerate(frags):
        fx0, fy0, fx1, fy1 = f.x0, f.y0, f.x1, f.y1
        f_height = fy1 - fy0
        target = None
        for block in open_blocks:
            last = block.frags[-1]
            # Right-to-left lines come right to left: the next fragment is further left.
            step = last.x0 - fx1 if last.rtl else fx0 - last.x1
            ly0, ly1 = last.y0, last.y1
            l_height = ly1 - ly0
            if (
                (fy1 if fy1 < ly1 else ly1) - (fy0 if fy0 > ly0 else ly0)
                > 0.5 * (f_height if f_height < l_height else l_height)
                and step >= 0
                and (
                    step < _line_step_limit(f_height, l_height, abs(fy0 - ly0))
                    or (
                        (step < MARKER_STEP * (f_height if f_height > l_height else l_height)
                         or (last.x1 - fx1 if last.rtl else fx0 - last.x0)
                         < KEY_STEP * (f_height if f_height > l_height else l_height))
                        and len(block.frags) == 1 and asks.label_at_tab_stop(last, f)
                    )
                    or (
                        step < SPREAD_STEP * (f_height if f_height > l_height else l_height)
                        and len(block.frags) >= 2 and asks.spread_line_goes_on(block, last, f)
                    )
                )
                and asks.goes_on_line(block, last, f, step)
            ):
                target = block  # the rest of the same line, past a wide gap ("2   Title")
                break
        if target is None and not (starts_item(f.text) and asks.opens_item(f)):
            for block in open_blocks:
                last = block.frags[-1]
                if len(block.frags) == 1 and is_marker(last.text):
                    continue  # a lone bullet or number waits for its text on the same line
                l_height = last.y1 - last.y0
                height = f_height if f_height > l_height else l_height
                gap = last.y0 - fy1
                if not -0.5 * height < gap < BLOCK_GAP * height:
                    continue  # too far above or below: the limit below is never wider
                # Against the whole last line: justified text set word by word leaves a line
                # of separate fragments, and the next line starts under the first of them.
                line_x0, line_x1 = block_line[id(block)]
                overlap = (fx1 if fx1 < line_x1 else line_x1) - (fx0 if fx0 > line_x0 else line_x0)
                if (
                    overlap <= 0 and fx1 <= line_x0 and line_x0 - fx0 <= INDENT_MAX * height
                    and len(block_starts[id(block)]) == 1 and not asks.line_is_code(block)
                ):
                    # Under a paragraph's indented first line, a piece left of it: the rest
                    # of its own line may stand under that line, which runs as far right.
                    # (A code line's indent is the code's, no paragraph's.)
                    reach = line_reach(frags, index)
                    if line_x1 >= reach - LINE_REACH_EDGE * height:
                        overlap = (reach if reach < line_x1 else line_x1) - line_x0
                # A paragraph break is a gap clearly wider than the usual gap between lines.
                limit = min(BLOCK_GAP * height, max(leading + 0.3 * height, 0.15 * height))
                if (
                    -0.5 * height < gap < limit
                    and overlap > 0
                    and (
                        (abs(last.size - f.size) <= 0.15 * max(last.size, f.size)
                         and (last.bold == f.bold
                              or asks.weight_goes_on(block, last, f, line_x0, line_x1)))
                        or _goes_on_after_lead(last, f)
                        or _run_goes_on(block, last, f)
                    )
                    and asks.goes_on_below(
                        block, last, f, height, line_x0, line_x1, block_above[id(block)],
                        len(block_starts[id(block)]) == 1,
                    )
                ):
                    target = block
                    break
        if target is None:
            target = asks.new_block(f)
            open_blocks.append(target)
        target.add(f)
        key = id(target)
        line = block_line.get(key)
        if line is not None and same_line(target.frags[-2], f):
            # (A block with a line has a fragment before f: the line is set when it takes one.)
            line_x0, line_x1 = line
            block_line[key] = (fx0 if fx0 < line_x0 else line_x0, fx1 if fx1 > line_x1 else line_x1)
        else:
            block_above[key] = fx0 if line is None else line[0]
            block_line[key] = (fx0, fx1)
            block_starts.setdefault(key, []).append(fx0)
        # Blocks whose bottom is far above the current line can no longer grow.
        reach = 3 * (1.0 if f_height < 1.0 else f_height)  # max(f_height, 1.0)
        # (Most fragments close no block: the open list is rebuilt only when one does.)
        closing = False
        for block in open_blocks:
            if block.frags[-1].y0 - fy1 > reach and block is not target:
                closing = True
                break
        if closing:
            keep = []
            for block in open_blocks:
                if block.frags[-1].y0 - fy1 > reach and block is not target:
                    done.append(block)
                else:
                    keep.append(block)
            open_blocks[:] = keep  # (in place: asks.open_blocks is this list)
    return done + open_blocks
