"""``/ActualText`` for the elements whose drawing reads out of order: right-to-left text,
lines whose operators interleave, accents drawn apart, listings spelled from their glyphs'
places, notes whose mark is drawn against their first word and cells whose word broken over
their lines with no hyphen the model runs on.

A page draws a right-to-left line as it looks (:mod:`..layout.bidi`): the letters one by one
leftwards, the figures and Latin words rightwards, brackets mirrored. The model reads such a
line in its logical order, but tagging only wraps the drawing operators in marked content, in
the order they are drawn, and a screen reader reading an element's marked content hears the
drawing's order: "496 17" for "17 496", ") 12 (" for "(12)". PDF 32000-1 14.9.4 gives the
remedy: the element's ``/ActualText`` says its text as it reads, and a reader (and
:mod:`..structure.reader`) reads that instead of the glyphs.

The same holds where one operator draws two pieces of a line and another the piece read
between them ("NEEL KASHKARI" and "247" by one, "REP" by the next): tagging wraps whole
operators (cutting one only between blocks), so the element reads "NEEL KASHKARI 247 REP".
The layout reader marks such a block's provenance (:attr:`..document.Prov.interleaved`, found
from the objects it reads, at no cost per glyph).

Text drawn in the glyph ids of a composite font not embedded reads as no character pdfium
knows ("QHSDV" for "nepas"); the layout reader reads it glyph by glyph (TrueType's standard
order), and so does :mod:`.glyph_id_reading` the output's marked content: an element drawing
such text gets its model text as its /ActualText where the two have the same characters (no
/ToUnicode: pdfium would draw the font's substitute glyphs otherwise, see
:mod:`.named_to_unicode`).

Reading the output back costs a save and a pdfium read (or only the read, of the copy the
tagger saved to prove its cut operators, where no page read was tagged again since), so only
a document with right-to-left text (only there does the model read lines other than drawn; a
table's figures too: "17 496", drawn "496 17"), or with interleaved leaves (only those), is
looked at, and an element gets one only where it needs one: the text its marked content
reads in content order (pdfium, as :mod:`.mcid_text` reads it) differs from the model's in
order or in where words part (a space the drawing leaves to a gap), with the same
characters. Characters that differ are left to the fidelity check (:mod:`.checks`), which
still compares the drawn characters with the model's (and an /ActualText's with the drawn
ones): an /ActualText would hide them.

>>> give_logical_texts(pdf, leaves, elements, marks)  # doctest: +SKIP
3
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Mapping, Sequence, Set

import pikepdf
import pypdfium2 as pdfium

from ..layout.lines import clean, has_rtl
from .checks import normal_counts
from .glyph_id_reading import GlyphIdFonts, ReadAs, glyph_id_texts
from .mcid_text import page_text_by_mcid
from .plan import Node

#: Characters that say nothing to a listener: the hyphen pdfium reads at a line's end (the
#: model joined the line's word), invisible joiners and direction marks.
_NOT_COMPARED = dict.fromkeys(map(ord, "\ufffe\u00ad\u200b\u200c\u200d\u200e\u200f"))


def give_logical_texts(
    pdf: pikepdf.Pdf,
    leaves: Sequence[Node],
    elements: Mapping[int, pikepdf.Dictionary],
    marks: Mapping[int, Sequence[tuple[int, int]]],
    saved: pdfium.PdfDocument | None = None,
    changed_since: Set[int] = frozenset(),
    read_from_saved: Mapping[int, Mapping[int, list[str]]] | None = None,
    glyph_ids: GlyphIdFonts | None = None,
) -> int:
    """Give each written leaf whose drawing reads otherwise an ``/ActualText`` of its model
    text, in a document with right-to-left text. ``elements``: leaf id -> its structure element;
    ``marks``: leaf id -> its (page, MCID) in reading order. Returns how many got one.
    ``saved``: ``pdf`` as pdfium read a copy of it saved earlier (the caller closes it), with
    ``changed_since`` the pages whose content or resources changed since: where none of the
    pages read is among them, they are read from it, not from a copy saved again (what
    pdfium reads of a page's marked content is drawn from its content and resources
    alone: the structure tree, the keys that point into it and the annotations written
    since change nothing of it). ``read_from_saved``: pages of ``saved`` read already
    (:func:`.mcid_text.loaded_page_text_by_mcid`), not loaded again. ``glyph_ids``: the
    fonts whose codes are glyph ids of a font not embedded (:mod:`.glyph_id_reading`): a leaf
    drawing text in one gets an /ActualText of its model text where that text, read glyph by
    glyph, has the model's characters."""
    wanted = [leaf for leaf in leaves if leaf.role != "Figure" and leaf.leaf_id in elements
              and leaf.leaf_id in marks and leaf.text]
    by_glyph_ids = glyph_ids.pages if glyph_ids is not None and glyph_ids.read_as else set()
    if not any(has_rtl(leaf.text) for leaf in wanted):
        # Without right-to-left text, only a leaf the layout reader read across its operators
        # (one operator's glyphs on both sides of another's) can read otherwise as drawn.
        # So can one whose accents, drawn apart, the reader joined to their letters, and a
        # listing, whose spaces the reader counts from its glyphs' places (its indents, the
        # cells of its pitch), where pdfium parts words at gaps ("i f" for "if"); and a
        # note whose raised mark the reader parted from the first word set against it; and
        # a cell whose word, broken over its lines with no hyphen, the reader ran on; and one
        # whose underscores, drawn as rules, the reader read as "_".
        # And a leaf on a page drawing with glyph ids (read so by the layout reader).
        wanted = [leaf for leaf in wanted if _read_apart(leaf) or (
            by_glyph_ids and not by_glyph_ids.isdisjoint(page for page, _ in marks[leaf.leaf_id]))]
        if not wanted:
            return 0  # the output is not read (nor saved) again
    pages = sorted({page for leaf in wanted for page, _ in marks[leaf.leaf_id]})
    read_as = glyph_ids.read_as if by_glyph_ids and glyph_ids is not None else {}
    glyph_id_pages = [page for page in pages if page in by_glyph_ids]
    if saved is not None and changed_since.isdisjoint(pages):
        by_mcid = _text_by_mark(saved, pages, read_from_saved or {})
        by_glyph = _glyph_id_text_by_mark(saved, glyph_id_pages, read_as)
    else:
        buffer = io.BytesIO()
        # pdfium reads the marked content as written; nothing is compressed (read once, here).
        pdf.save(buffer, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none, fix_metadata_version=False)
        document = pdfium.PdfDocument(buffer.getvalue())
        try:
            by_mcid = _text_by_mark(document, pages, {})
            by_glyph = _glyph_id_text_by_mark(document, glyph_id_pages, read_as)
        finally:
            document.close()
    given = 0
    for leaf in wanted:
        drawn = "".join(by_mcid.get(mark, "") for mark in marks[leaf.leaf_id])
        if by_glyph and any(mark in by_glyph for mark in marks[leaf.leaf_id]):
            # Text drawn in glyph ids reads as no character pdfium knows: said again where,
            # read glyph by glyph, it has the model's characters (the fidelity check holds
            # the /ActualText to that reading).
            glyphs = "".join(by_glyph.get(mark, by_mcid.get(mark, ""))
                             for mark in marks[leaf.leaf_id])
            if normal_counts(glyphs) == normal_counts(leaf.text):
                elements[leaf.leaf_id][pikepdf.Name.ActualText] = pikepdf.String(leaf.text)
                given += 1
            continue
        read, model = _compared(drawn), _compared(leaf.text)
        # Only the order and the spacing are said again: where the characters differ, the
        # drawing is read as it is (an /ActualText would hide what is drawn).
        if read != model and _same_characters(read, model, leaf):
            # (A listing's text with its lines and their indents: a line break in a text
            # string parts words as a space does, and :mod:`..structure.reader` reads a
            # listing's lines from it.)
            elements[leaf.leaf_id][pikepdf.Name.ActualText] = pikepdf.String(leaf.text)
            given += 1
    return given


def pages_maybe_read(leaves: Sequence[Node]) -> set[int]:
    """The pages :func:`give_logical_texts` may read, given the leaves planned (before the
    tree is written and pruned, labels merged into their bodies): those drawing a leaf it
    may look at. A page left out is read then all the same: this only says which pages are
    worth reading while they are loaded for something else."""
    looked_at = [leaf for leaf in leaves if leaf.role != "Figure"]
    if not any(has_rtl(leaf.text) for leaf in looked_at):
        looked_at = [leaf for leaf in looked_at if _read_apart(leaf)]
    return {prov.page for leaf in looked_at for prov in leaf.prov}


def _read_apart(leaf: Node) -> bool:
    """Whether the layout reader read ``leaf`` otherwise than pdfium reads its drawing in
    content order (see :func:`give_logical_texts`), right-to-left text aside."""
    return leaf.role == "Code" or any(
        prov.interleaved or prov.joined_accents or prov.spaced_apart or prov.run_on
        or prov.drawn_underscores for prov in leaf.prov)


def _text_by_mark(
    document: pdfium.PdfDocument, pages: Sequence[int],
    read: Mapping[int, Mapping[int, list[str]]],
) -> dict[tuple[int, int], str]:
    """(page, MCID) -> the text pdfium reads in that marked content, over ``pages``
    (``read``: pages of ``document`` read already)."""
    return {(page, mcid): "".join(pieces) for page in pages
            for mcid, pieces in (read[page] if page in read
                                 else page_text_by_mcid(document, page)).items()}


def _glyph_id_text_by_mark(
    document: pdfium.PdfDocument, pages: Sequence[int], read_as: ReadAs,
) -> dict[tuple[int, int], str]:
    """(page, MCID) -> the text of that marked content read glyph by glyph
    (:func:`.glyph_id_reading.glyph_id_texts`), for the MCIDs of ``pages`` that draw in glyph
    ids."""
    out: dict[tuple[int, int], str] = {}
    for index in pages:
        page = document[index]
        try:
            out.update(((index, mcid), text)
                       for mcid, text in glyph_id_texts(page, read_as).items())
        finally:
            page.close()
    return out


def _same_characters(read: str, model: str, leaf: Node) -> bool:
    """Whether the drawn text ``read`` has the characters of the model's (both as
    :func:`_compared` gives them), in any order. Where the reader joined accents drawn
    apart to their letters, or read underscores drawn as rules, as the fidelity check counts
    them (:func:`.checks.normal_counts`: "o" and a spacing "´" are the "ó" the model says; a
    line-end hyphen the model joined its word at is none, nor is an underscore)."""
    if any(prov.joined_accents or prov.drawn_underscores for prov in leaf.prov):
        # (An underscore drawn as a rule is no character of the drawing's text: the fidelity
        # check counts none, drawn or not.)
        return normal_counts(read) == normal_counts(model)
    return sorted(read.replace(" ", "")) == sorted(model.replace(" ", ""))


def _compared(text: str) -> str:
    """``text`` as heard: normalised, words parted by one space. The characters said nothing
    are dropped first: :func:`.clean` reads pdfium's line-end hyphen (U+FFFE) as "-", which
    would count as a character the model lacks where it joined the word broken there (a
    note's "3The … func-" "tions" read "3 The … functions")."""
    return " ".join(unicodedata.normalize("NFKC", clean(text.translate(_NOT_COMPARED))).split())
