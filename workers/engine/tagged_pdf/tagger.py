"""Tag the source PDF itself from its Document model: same pages, same look, now navigable.

Steps (each its own module):

0. a source whose own tags are sound keeps them, completed (:mod:`.keep`); otherwise:
1. drop the source's structure tree and marked content (:mod:`.catalog`,
   :func:`.marked_content.strip_form_marks`) — a source with tags has been read into the
   model already, so nothing the author said is lost;
2. plan the structure elements from the model (:mod:`.plan`);
3. page by page, wrap each leaf's operators (from the model's provenance) in marked content,
   and everything else painted in ``/Artifact`` (:mod:`.marked_content`); a Form XObject
   painting several leaves' content is marked inside a copy of it (:mod:`.form_content`);
   a page whose cut text operators pdfium draws a pixel away cuts those operators nudged by
   a few ten-thousandths of a point, or else keeps them whole (:mod:`.split_proof`; the
   source page read for its glyphs stays loaded for that render: :mod:`.source_pages`);
4. write the structure tree, ParentTree and annotation tags (:mod:`.structure_tree`);
5. catalog and metadata (:mod:`.catalog`).

>>> tagged = tag_pdf(Path("report.pdf"), document)  # doctest: +SKIP
>>> tagged.review  # doctest: +SKIP
['a figure on page 3 has no alternative text in the source and no caption: ...']
"""

from __future__ import annotations

import bisect
import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pikepdf
import pypdfium2 as pdfium

from ..document import BBox, Document
from ..layout.gcpause import paused_gc
from ..layout.respacing import Respacing
from ..operator_names import operand_text, operator_name
from ..pdf_entries import entry_of
from .catalog import remove_old_structure, write_catalog
from .checks import (
    Clip,
    PageTooLargeError,
    pages_drawn_differently,
    pdfium_copy,
    read_tagged_text,
)
from .font_embedding import repair_fonts
from .fonts import drop_subset_glyph_lists
from .form_content import painted_forms, plan_form_copies, shared_paintings, write_form_copies
from .glyph_id_reading import GlyphIdFonts
from .keep import keep_author_tags
from .logical_text import give_logical_texts, pages_maybe_read
from .marked_content import (
    ActualTextSpan,
    Instruction,
    Owner,
    PageTagging,
    ReadingKey,
    ScannedContent,
    contested_leaves,
    indices_of,
    mentions_actual_text,
    owners_of,
    read_operators,
    scan_content,
    source_actual_texts,
    strip_form_marks,
    tag_instructions,
    tag_stream_bytes,
    xobject_names,
    yield_labels,
)
from .mcid_text import loaded_page_text_by_mcid
from .plan import Node, merge_unseparated_labels, plan_structure
from .source_pages import SourcePages
from .split_proof import changed_points, glyph_boxes, operators_at, proof_boxes, rendered
from .split_text import CodeTexts, LeafBox, PageText, contested_text, split_operators
from .stand_in_labels import LAYOUT_STAND_INS, stand_in_labels
from .structure_tree import write_structure


@dataclass
class TaggedPdf:
    content: bytes
    #: The planned structure, with leaf ids (the checks read the output back against it).
    plan: Node
    #: Reasons a person must look before delivery (alt text, undescribed annotations).
    review: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Painting operators wrapped as content / as artifacts, over all pages.
    tagged_operators: int = 0
    artifact_operators: int = 0
    #: Pages whose content stream could not be parsed, left untouched (so untagged).
    untagged_pages: list[int] = field(default_factory=list)
    #: Leaves whose drawing is shared with an earlier leaf (one operator draws both).
    contested: int = 0
    #: The model's text of each element written with content, in tree order, figures left
    #: out (see :func:`.checks.check_tagged_pdf`); with the author's tags kept, the text each
    #: of the source's elements reads as.
    expected_texts: list[str] = field(default_factory=list)
    #: The source's own tags were sound and kept (:mod:`.keep`), not rebuilt from the model.
    kept_author_tags: bool = False
    #: Elements written: list items, their labels tagged ``Lbl``, captions tagged ``Caption``.
    list_items: int = 0
    labels: int = 0
    captions: int = 0


def tag_pdf(source: Path, document: Document) -> TaggedPdf:
    kept = keep_author_tags(source, document)
    if kept is not None:
        # The elements are the author's: each must read as it did in the source.
        return TaggedPdf(kept.content, Node("Document"), kept.review, kept.notes,
                         expected_texts=read_tagged_text(source.read_bytes()),
                         kept_author_tags=True)
    # pdfium locates the glyphs of operators that draw several blocks (split_text).
    glyph_source = pdfium.PdfDocument(str(source))
    # (Glyphs read where the layout reader read them: see .layout.respacing.)
    source_pages = SourcePages(glyph_source,
                               respacing=Respacing(source, glyph_source, len(glyph_source)))
    # Tagging allocates many small objects (instructions, marks, structure elements), few
    # in reference cycles, while the whole model is alive: the cycle collector would walk
    # them and the model again and again for nothing freed (a few hundred objects in cycles
    # on the largest documents, freed once tagging ends; collecting them page by page, as
    # the layout reader does, cost more than it saved here).
    try:
        with paused_gc():
            return _tag(source, document, source_pages)
    finally:
        source_pages.close()
        glyph_source.close()


def _tag(source: Path, document: Document, source_pages: SourcePages) -> TaggedPdf:
    glyph_source = source_pages.document
    with pikepdf.open(source) as pdf, ExitStack() as closing:
        was_encrypted = pdf.is_encrypted
        had_tags = remove_old_structure(pdf)
        strip_form_marks(pdf)
        drop_subset_glyph_lists(pdf)
        reread: set[str] = set()  # fonts whose text the output reads otherwise
        glyph_ids = GlyphIdFonts()  # fonts drawing glyph ids, said by /ActualText
        font_notes = repair_fonts(pdf, glyph_source, reread, glyph_ids)
        if glyph_ids.read_as:
            font_notes.append(
                "text drawn in the glyph ids of composite fonts not embedded, read by "
                "TrueType's standard glyph order, said as the /ActualText of the elements "
                "drawing it (the fonts left as they were: pixels unchanged, their codes still "
                "mapped to no Unicode): " + ", ".join(sorted(glyph_ids.read_as)))
        plan = plan_structure(document)
        # (Labels whose glyphs stand in for another sign: decoration, taken out of the tree.)
        stand_ins = stand_in_labels(
            plan, source_pages, reread,
            LAYOUT_STAND_INS if document.reader == "layout" else None)
        leaves = plan.leaves()  # walked once: the tree has an element per block and cell
        claims = _claims_by_page(leaves, document, len(pdf.pages), stand_ins)
        actual_texts = _actual_texts_by_page(leaves, len(pdf.pages))
        page_mcids: list[list[int]] = []
        result = TaggedPdf(b"", plan, notes=font_notes)
        boxes = _leaf_boxes(leaves, len(pdf.pages))
        owner_boxes = _owner_boxes(leaves, document, len(pdf.pages))
        labels = {n.leaf_id: n.yields_to.leaf_id for n in leaves if n.yields_to is not None}
        taggings: list[PageTagging] = []
        code_texts = CodeTexts()  # what pdfium reads for a font's codes, probed once
        leaf_texts = {leaf.leaf_id: leaf.text for leaf in leaves}
        # page -> its original /Contents and /Resources, and the operators cut on it
        split_pages: dict[int, tuple[pikepdf.Object, pikepdf.Object | None, set[int]]] = {}
        # page -> the pixels its cuts can change (None: anywhere), rendered alone to prove them
        clips: dict[int, tuple[Clip, ...] | None] = {}
        for index, page in enumerate(pdf.pages):
            tagging = PageTagging()
            original = page.obj.get("/Contents")
            resources = page.obj.get("/Resources")
            try:
                page_clip: list[Clip | None] = []
                cut, cut_in_forms = _tag_page(pdf, page, claims[index], tagging, source_pages,
                                              index, boxes[index], labels, owner_boxes[index],
                                              texts=code_texts, leaf_texts=leaf_texts,
                                              actual_texts=actual_texts[index], clip=page_clip)
                if (cut or cut_in_forms) and original is not None:
                    split_pages[index] = (original, resources, cut)
                    # The pixels the page's cuts can change, and those cuts in forms can
                    # (where the forms are painted: :func:`.split_proof.form_clip`).
                    clips[index] = proof_boxes(page_clip)
            except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError) as e:
                # Unreadable content: left exactly as it was (never redrawn or dropped).
                result.untagged_pages.append(index)
                result.notes.append(f"page {index + 1}: content not tagged ({type(e).__name__})")
            if index not in split_pages:
                source_pages.release(index)  # no cut to prove: not rendered
            taggings.append(tagging)

        def retag(index: int, whole: frozenset[int] | None,
                  nudges: Mapping[int, float] | None = None) -> None:
            """Tag page ``index`` again from its original content, the operators in ``whole``
            not cut (None: none at all), those in ``nudges`` cut nudged (:data:`NUDGE`)."""
            page = pdf.pages[index]
            original, resources, _ = split_pages[index]
            page.obj[pikepdf.Name.Contents] = original
            if resources is not None:
                page.obj[pikepdf.Name.Resources] = resources
            taggings[index] = PageTagging()
            _tag_page(pdf, page, claims[index], taggings[index], source_pages, index,
                      boxes[index], labels, owner_boxes[index], split=whole is not None,
                      whole=whole or frozenset(), texts=code_texts, leaf_texts=leaf_texts,
                      nudges=nudges, actual_texts=actual_texts[index])

        # The pages as tagged, saved and read by pdfium for the proof: read again for the
        # elements' logical texts (:mod:`.logical_text`) where no page it reads was tagged
        # again since.
        saved = closing.enter_context(closing_copy(pdf)) if split_pages else None
        retagged: set[int] = set()
        # A page of that copy the logical texts may read is read while loaded for the proof
        # (worked out only where some page is proven: every leaf's text is looked at).
        maybe_read = pages_maybe_read(leaves) if split_pages else set()
        read_from_saved: dict[int, dict[int, list[str]]] = {}

        def read_also(index: int, page: pdfium.PdfPage) -> None:
            if index in maybe_read:
                read_from_saved[index] = loaded_page_text_by_mcid(page, index)

        # (A split page is rendered from its load for its glyphs, where it is still kept.)
        for index in pages_drawn_differently(pdf, glyph_source, list(split_pages),
                                             source_pixels=source_pages.pixels, clips=clips,
                                             saved=saved,
                                             read_also=read_also if maybe_read else None):
            retagged.add(index)
            # Splitting a text operator is exact in PDF terms, but pdfium can draw a part a
            # pixel away (:mod:`.split_proof`). Identical pixels come first: the operators
            # drawing where the pixels changed are nudged or kept whole, else the page's all
            # are kept whole.
            try:
                settled = _whole_to_redraw(pdf, glyph_source, index, split_pages[index], retag)
            except PageTooLargeError:
                retag(index, None)
                result.notes.append(
                    f"page {index + 1}: text operators drawing several blocks kept whole (the "
                    "page is too large to render, so no split could be proved)")
                continue
            if settled is not None:
                whole, nudged = settled
                if nudged:
                    result.notes.append(
                        f"page {index + 1}: {len(nudged)} cut text operator(s) nudged by at most "
                        f"{NUDGE:g}/1000 of a text space unit to render as before")
                if whole:
                    result.notes.append(
                        f"page {index + 1}: {len(whole)} text operator(s) drawing several "
                        "blocks kept whole (split, the page rendered differently)")
                continue
            retag(index, None)
            result.notes.append(f"page {index + 1}: text operators drawing several blocks kept "
                                "whole (split, the page rendered differently)")
        source_pages.close()  # every cut proven: the source's pages are not read again
        yielded: set[int] = set()
        mcid_places = [reading_keys(tagging, reading_places(tagging, page_claims))
                       for tagging, page_claims in zip(taggings, claims, strict=True)]
        for tagging in taggings:
            page_mcids.append(tagging.mcid_owner)
            yielded |= tagging.yielded
            result.tagged_operators += tagging.tagged_operators
            result.artifact_operators += tagging.artifact_operators
            result.contested += len(tagging.contested)
        drawn = {leaf for owners in page_mcids for leaf in owners}
        merge_unseparated_labels(plan, yielded, drawn)
        summary = write_structure(pdf, plan, page_mcids, document, mcid_places,
                                  [tagging.mcid_stream for tagging in taggings])
        written = list(plan.walk())  # the tree as written (pruned)
        # Right-to-left text, and leaves whose operators interleave, read out of order as
        # drawn, and text drawn in glyph ids reads as no character: said again as the model
        # reads them.
        give_logical_texts(pdf, [node for node in written if node.is_leaf],
                           summary.leaf_elements, summary.leaf_marks, saved, retagged,
                           read_from_saved, glyph_ids)
        roles = Counter(node.role for node in written)
        result.list_items = roles["LI"]
        # (A contents entry's Lbl is no list item's: TOCI holds its own.)
        result.labels = sum(1 for node in written if node.role == "LI"
                            for child in node.children if child.role == "Lbl")
        result.captions = roles["Caption"]
        result.review.extend(summary.review)
        result.expected_texts = summary.expected_texts
        result.notes.extend(write_catalog(pdf, document))
        if had_tags:
            result.notes.append(
                "the source's tags were read into the model and the document re-tagged from it"
            )
        if was_encrypted:
            result.notes.append(
                "the source's permission restrictions (owner password) were not carried over"
            )
        buffer = io.BytesIO()
        # Object streams: the many small dictionaries tagging adds (one per structure
        # element) are compressed together, which makes the file smaller and saving no slower.
        # PDF/UA-1 is defined on PDF 1.7 (veraPDF 6.1-1): a 2.0 source is written as 1.7,
        # which changes the header, not what the pages draw (the pixel check confirms it).
        # No metadata fix: pikepdf's parses the XMP packet, sets its pdf:PDFVersion if it has
        # one, and writes the packet again (about half a millisecond a document, some 5% of
        # this save); the packet is the one write_catalog has just written afresh from the
        # information dictionary, which has no pdf:PDFVersion, so the fix would write back the
        # same bytes.
        options = {"encryption": False, "fix_metadata_version": False,
                   "object_stream_mode": pikepdf.ObjectStreamMode.generate}
        if pdf.pdf_version > "1.7":
            result.notes.append(f"written as PDF 1.7 (the source is PDF {pdf.pdf_version})")
            options["force_version"] = "1.7"
        with flate_level(SAVE_FLATE_LEVEL):
            pdf.save(buffer, **options)
        result.content = buffer.getvalue()
    return result


#: Renders of a page while narrowing down the operators it must nudge or keep whole.
MAX_PROOF_ROUNDS = 6
#: The spacing (thousandths of text space, so 1/20000 of the font size) a cut operator's
#: later parts are nudged by, either way, before it is kept whole: at most a few ten-
#: thousandths of a point, which moves no glyph on any device, but puts back on its side of
#: a pixel boundary a glyph that pdfium's single-precision sums placed on the other side.
NUDGE = 0.05
_NUDGES = (NUDGE, -NUDGE)
_TF = frozenset({"Tf"})


def _whole_to_redraw(
    pdf: pikepdf.Pdf,
    source: pdfium.PdfDocument,
    index: int,
    split_page: tuple[pikepdf.Object, pikepdf.Object | None, set[int]],
    retag: Callable[[int, frozenset[int] | None, Mapping[int, float] | None], None],
) -> tuple[frozenset[int], dict[int, float]] | None:
    """The cut operators of page ``index`` to keep whole, and those to cut nudged (the
    spacing their later parts are nudged by), for the page to render as in ``source`` (the
    page is left tagged that way); None when the changed pixels lie at none of them (then
    nothing is settled: the caller keeps every operator whole)."""
    original, resources, cut = split_page
    page = pdf.pages[index]
    # Where the cut operators' glyphs are, read against the content they are indices of.
    tagged = page.obj.get("/Contents"), page.obj.get("/Resources")
    page.obj[pikepdf.Name.Contents] = original
    if resources is not None:
        page.obj[pikepdf.Name.Resources] = resources
    boxes = glyph_boxes(source, page, index, cut)
    for key, value in zip((pikepdf.Name.Contents, pikepdf.Name.Resources), tagged, strict=True):
        if value is not None:
            page.obj[key] = value
    whole: frozenset[int] = frozenset()
    nudges: dict[int, float] = {}
    tried: Counter[int] = Counter()  # operator -> nudges tried
    before = rendered(source, index)
    for _ in range(MAX_PROOF_ROUNDS):
        buffer = io.BytesIO()
        pdf.save(buffer, encryption=False, compress_streams=False, fix_metadata_version=False)
        changed = pdfium.PdfDocument(buffer.getvalue())
        try:
            points = changed_points(before, rendered(changed, index), changed, index)
        finally:
            changed.close()
        if not points:
            return (whole, nudges) if whole or nudges else None
        at = operators_at({k: v for k, v in boxes.items() if k not in whole}, points)
        if not at:
            break
        # Nudged either way first; kept whole when neither renders as before.
        for operator in at:
            if tried[operator] < len(_NUDGES):
                nudges[operator] = _NUDGES[tried[operator]]
                tried[operator] += 1
            else:
                nudges.pop(operator, None)
                whole |= {operator}
        retag(index, whole, nudges)
    return None


#: zlib level the output's streams are compressed with. Saving is mostly compressing the
#: rewritten content streams: level 3 takes half the time of zlib's default (6) for a file
#: about 3% larger (measured over the tagged-PDF bench's 74 outputs).
FlateLevel = Literal[-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
SAVE_FLATE_LEVEL: FlateLevel = 3
#: qpdf's own setting, zlib's default level.
_DEFAULT_FLATE_LEVEL: FlateLevel = -1


@contextmanager
def closing_copy(pdf: pikepdf.Pdf) -> Iterator[pdfium.PdfDocument]:
    """:func:`.checks.pdfium_copy` of ``pdf`` meanwhile."""
    document = pdfium_copy(pdf)
    try:
        yield document
    finally:
        document.close()


@contextmanager
def flate_level(level: FlateLevel) -> Iterator[None]:
    """Compress what qpdf writes meanwhile at ``level`` (a process-wide qpdf setting, so it is
    set back to the default afterwards)."""
    pikepdf.settings.set_flate_compression_level(level)
    try:
        yield
    finally:
        pikepdf.settings.set_flate_compression_level(_DEFAULT_FLATE_LEVEL)


def _claims_by_page(
    leaves: Sequence[Node], document: Document, pages: int, stand_ins: Sequence[Node] = (),
) -> list[list[tuple[Owner, Sequence[tuple[int, int]]]]]:
    """Per page, who claims which operator ranges: leaves in reading order, then artifacts
    (a block's claim wins over an artifact's: never hide content from the reader), then
    list labels drawn as stand-ins for another sign (:mod:`.stand_in_labels`): decoration."""
    claims: list[list[tuple[Owner, Sequence[tuple[int, int]]]]] = [[] for _ in range(pages)]
    for leaf in leaves:
        for prov in leaf.prov:
            if 0 <= prov.page < pages and prov.operators:
                claims[prov.page].append((leaf.leaf_id, prov.operators))
    for artifact in document.artifacts:
        for prov in artifact.prov:
            if 0 <= prov.page < pages and prov.operators:
                claims[prov.page].append((artifact.kind, prov.operators))
    for label in stand_ins:
        for prov in label.prov:
            if 0 <= prov.page < pages and prov.operators:
                claims[prov.page].append(("decoration", prov.operators))
    return claims


def _actual_texts_by_page(leaves: Sequence[Node], pages: int) -> list[list[ActualTextSpan]]:
    """Per page, the operators the author gave an /ActualText for, with the text. Only an
    /ActualText over one run of operators is said again: over several, where it would go is
    not known."""
    out: list[list[ActualTextSpan]] = [[] for _ in range(pages)]
    for leaf in leaves:
        for prov in leaf.prov:
            if 0 <= prov.page < pages:
                out[prov.page].extend((start, end, actual.text)
                                      for actual in prov.actual_texts
                                      for (start, end) in actual.operators[:1]
                                      if len(actual.operators) == 1)
    return out


def _marked_actual_texts(page: pikepdf.Page, scanned: ScannedContent | None,
                         instructions: Sequence[Instruction] | None) -> list[ActualTextSpan]:
    """The source page's own marked-content /ActualText spans (parsed only when the page
    can have some)."""
    resources = entry_of(page.obj, "/Resources")
    properties = entry_of(resources, "/Properties") if isinstance(resources, pikepdf.Dictionary) \
        else None
    if instructions is None:
        if scanned is None or not mentions_actual_text(scanned.data, properties):
            return []
        instructions = list(pikepdf.parse_content_stream(page))
    return source_actual_texts(instructions, properties)


def _claim_whole_spans(owners: list[Owner | None], spans: Sequence[ActualTextSpan],
                       painting: Sequence[bool]) -> None:
    """Give a span's unclaimed drawing to the one leaf that claims the rest of it. pdfium
    reads a span's /ActualText as the characters of its first text object, so the readers
    claim that one alone and the rest of the drawing the text stands for (a logo's other
    pieces) would otherwise go as page furniture."""
    for start, end, _ in spans:
        painted = [index for index in range(start, min(end, len(owners))) if painting[index]]
        claimed = {owners[index] for index in painted} - {None}
        if len(claimed) != 1:
            continue
        (leaf,) = claimed
        if isinstance(leaf, int):
            for index in painted:
                if owners[index] is None:
                    owners[index] = leaf


def read_elsewhere(claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]]) -> set[int]:
    """Where a leaf's ranges are not read in the order they are drawn, the first operator of
    each: each starts a marked-content sequence of its own (even inside one text object), so
    that the element can list its parts in reading order (:func:`reading_places`)."""
    cuts: set[int] = set()
    for owner, ranges in claims:
        if isinstance(owner, int) and any(
            later[0] < earlier[0] for earlier, later in itertools.pairwise(ranges)
        ):
            cuts.update(start for start, _ in ranges)
    return cuts


def reading_places(
    tagging: PageTagging, claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]]
) -> list[int]:
    """Where each of the page's MCIDs is read within its leaf: the place, in the leaf's
    operator ranges (the model's reading order), of the range its first operator is in. A
    sequence outside its leaf's ranges (a list label's drawing given to its body) keeps its
    place after the sequence drawn before it in the same leaf. Ties keep stream order."""
    # Per leaf: its ranges sorted by start, each with its place in reading order.
    ranges_of: dict[Owner, list[tuple[int, int, int]]] = {}
    for owner, ranges in claims:
        mine = ranges_of.setdefault(owner, [])
        # Counted from the leaf's ranges before this claim's (a leaf claims once per box):
        # ``len(mine)`` inside the generator would grow as ``extend`` appends, numbering a
        # box's ranges two apart and interleaving them with the next box's.
        first = len(mine)
        mine.extend((start, end, first + k) for k, (start, end) in enumerate(ranges))
    starts_of: dict[Owner, list[int]] = {}
    for owner, mine in ranges_of.items():
        mine.sort()
        starts_of[owner] = [start for start, _, _ in mine]
    places: list[int] = []
    last_place: dict[int, int] = {}
    for leaf, start in zip(tagging.mcid_owner, tagging.mcid_start, strict=True):
        place = last_place.get(leaf, -1)
        found = ranges_of.get(leaf)
        if found:
            k = bisect.bisect_right(starts_of[leaf], start) - 1
            if k >= 0 and start < found[k][1]:
                place = found[k][2]
        last_place[leaf] = place
        places.append(place)
    return places


def reading_keys(tagging: PageTagging, places: Sequence[int]) -> list[ReadingKey]:
    """Each MCID's place (:func:`reading_places`) with what orders sequences of one place:
    the operator they start at, and inside a form painted there their order in the leaf
    (:attr:`.marked_content.PageTagging.mcid_rank`); the page's own keep stream order."""
    return [(place, start, *tagging.mcid_rank.get(mcid, (0, 0)))
            for mcid, (place, start) in enumerate(zip(places, tagging.mcid_start, strict=True))]


def _leaf_boxes(leaves: Sequence[Node], pages: int) -> list[list[LeafBox]]:
    boxes: list[list[LeafBox]] = [[] for _ in range(pages)]
    for leaf in leaves:
        for prov in leaf.prov:
            if 0 <= prov.page < pages:
                boxes[prov.page].append(LeafBox(leaf.leaf_id, prov.bbox))
    return boxes


def _owner_boxes(
    leaves: Sequence[Node], document: Document, pages: int
) -> list[list[tuple[Owner, BBox]]]:
    """Per page, the box of every leaf and artifact drawn there (who owns what a shared Form
    XObject draws: :mod:`.form_content`)."""
    boxes: list[list[tuple[Owner, BBox]]] = [[] for _ in range(pages)]
    for leaf in leaves:
        for prov in leaf.prov:
            if 0 <= prov.page < pages:
                boxes[prov.page].append((leaf.leaf_id, prov.bbox))
    for artifact in document.artifacts:
        for prov in artifact.prov:
            if 0 <= prov.page < pages:
                boxes[prov.page].append((artifact.kind, prov.bbox))
    return boxes


def _scanned_text(
    pdf: pikepdf.Pdf, scanned: ScannedContent, contested: Mapping[int, object]
) -> PageText | None:
    """What splitting needs, from the scanned bytes: only the contested instructions are
    parsed by pikepdf (into objects the parts are made of). None if pikepdf reads them
    differently."""
    data, starts, ends = scanned.data, scanned.starts, scanned.ends
    wanted = sorted(contested)
    parsed = pikepdf.parse_content_stream(pikepdf.Stream(
        pdf, b"\n".join(data[starts[i]:ends[i]] for i in wanted)
    ))
    names = scanned.operators.names
    if len(parsed) != len(wanted) or any(
        isinstance(instruction, pikepdf.ContentStreamInlineImage)
        or operator_name(instruction.operator) != names[i]
        for i, instruction in zip(wanted, parsed, strict=True)
    ):
        return None
    fonts: dict[int, str | None] = {}
    for index in indices_of(names, _TF):
        # pikepdf would give the first operand as text: "/F1", or (not a name) something
        # no font resource is called; None where there is no operand at all.
        has_operands = ends[index] - starts[index] > len("Tf")
        fonts[index] = (scanned.first_name(index) or "") if has_operands else None
    return PageText(names, fonts, dict(zip(wanted, parsed, strict=True)))


def _tag_page(
    pdf: pikepdf.Pdf,
    page: pikepdf.Page,
    claims: list[tuple[Owner, Sequence[tuple[int, int]]]],
    tagging: PageTagging,
    source_pages: SourcePages,
    index: int,
    boxes: list[LeafBox],
    labels: Mapping[int, int],
    owner_boxes: Sequence[tuple[Owner, BBox]],
    *,
    split: bool = True,
    whole: frozenset[int] = frozenset(),
    texts: CodeTexts | None = None,
    leaf_texts: Mapping[int, str] | None = None,
    nudges: Mapping[int, float] | None = None,
    actual_texts: Sequence[ActualTextSpan] = (),
    clip: list[Clip | None] | None = None,
) -> tuple[set[int], bool]:
    """Tag one page; the text operators of its content that were cut (see
    :mod:`.split_text`), and whether some were cut inside a Form XObject whose content is
    marked inside it (:mod:`.form_content`). ``whole``: operators never to cut.
    ``labels``: list labels' leaf ids -> the body leaf that takes their drawing where a text
    operator draws both and is not split. ``leaf_texts``: the model's text of every leaf
    (which of several overlapping boxes a glyph goes to: :class:`.split_text.GlyphNeeds`).
    ``clip``: given, the pixels the page's cuts can change are appended to it
    (:func:`.split_proof.cut_boxes`), where some operator of its content is cut, and then
    those each form copy's cuts can change (:func:`.split_proof.form_clip`)."""
    names = xobject_names(page.obj.get("/Resources"))
    scanned = scan_content(page, names)
    # With the leaves' texts, an operator a leaf shares with an artifact is cut too: the
    # glyphs no leaf's text has, in the artifact's box, are the artifact's.
    by_text = leaf_texts is not None
    instructions: list[Instruction] | None = None
    text: PageText | None = None
    if scanned is not None:
        operators = scanned.operators
        contested = contested_text(operators.names, claims, by_text) if split else {}
        if contested:
            text = _scanned_text(pdf, scanned, contested)
            if text is None:  # pikepdf reads the contested operators otherwise: trust it
                scanned = None
    if scanned is None:
        instructions = list(pikepdf.parse_content_stream(page))
        operators = read_operators(instructions, names)
        contested = contested_text(operators.names, claims, by_text) if split else {}
        text = PageText.of(instructions, operators.names, contested) if contested else None
    count = len(operators.names)
    owners = owners_of(count, claims)
    marked_actual_texts = _marked_actual_texts(page, scanned, instructions)
    _claim_whole_spans(owners, marked_actual_texts, operators.painting)
    if whole:
        contested = {at: leaves for at, leaves in contested.items() if at not in whole}
    artifact_boxes = [LeafBox(who, box) for who, box in owner_boxes if isinstance(who, str)]
    splits = (split_operators(source_pages, page, index, text, contested,
                              [*boxes, *artifact_boxes] if by_text else boxes, texts,
                              leaf_texts, owners, nudges, clip)
              if text is not None and contested else {})
    shared = shared_paintings(painted_forms(operators.names, operators.painting),
                              claims) if split else {}
    copies = {}
    if shared:
        if scanned is not None:
            names_of = {i: scanned.first_name(i) or "" for i in shared}
        else:
            assert instructions is not None
            names_of = {i: operand_text(instructions[i].operands[0]) for i in shared
                        if isinstance(instructions[i], pikepdf.ContentStreamInstruction)
                        and instructions[i].operands}
        copies = plan_form_copies(page, index, source_pages, shared, names_of, owner_boxes,
                                  leaf_texts)
        if clip is not None:
            # (After the page's own cuts' boxes: the proof renders them all, those that
            # overlap joined: :func:`.split_proof.proof_boxes`.)
            clip.extend(copy.clip for copy in copies.values() if copy.splits)
    tagging.yielded = yield_labels(owners, claims, splits, labels, set(copies))
    for at, copy in copies.items():
        # A list label that owns nothing inside the form is drawn with other content (its
        # item's text in one text object): it yields to its body, as on the page.
        drawn_inside = set(copy.owners)
        tagging.yielded |= {leaf for leaf in shared[at] if isinstance(leaf, int)
                            and leaf in labels and leaf not in drawn_inside}
    tagging.contested = contested_leaves(
        count, [c for c in claims if c[0] not in tagging.yielded],
        lambda i: i not in splits and i not in copies and operators.painting[i],
    )
    cuts = read_elsewhere(claims)
    bare = {i: copy.do for i, copy in copies.items()}
    actual_texts = [*actual_texts, *marked_actual_texts]
    if scanned is not None:
        stream = tag_stream_bytes(scanned, owners, tagging, splits, cuts, bare, actual_texts)
    else:
        assert instructions is not None
        tagged = tag_instructions(instructions, owners, names, tagging, splits,
                                  operators=operators, cuts=cuts, bare=bare,
                                  actual_texts=actual_texts)
        stream = pikepdf.unparse_content_stream(tagged)
    page.obj[pikepdf.Name.Contents] = pdf.make_stream(stream)
    write_form_copies(pdf, page, copies, tagging,
                      {label: labels[label] for label in tagging.yielded if label in labels})
    # Marks and a copied form draw what the original did by construction (as marks on the
    # page do); cut text operators are proven by rendering, in a form as on the page.
    return set(splits), any(copy.splits for copy in copies.values())
