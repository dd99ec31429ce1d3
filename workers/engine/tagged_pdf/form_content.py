"""Mark the content of a Form XObject that draws several blocks inside the form itself.

A page is often drawn by one Form XObject (``/Fm1 Do``): its heading and paragraphs, or a
diagram's labels. The model's provenance addresses that content by the ``Do`` that paints it,
so every block drawn by the form claims the same operator, and a sequence around the ``Do``
can belong to one element only: the other blocks' text would be read by nobody. The same
holds for a form drawing one block and page furniture (a letterhead: the running header and
the page's heading): the block's claim wins, and its element would read the header too.

ISO 32000-1 14.7.4.3 and 14.7.5.1 ("marked content in a form XObject"): the sequences with
their MCIDs go inside the form's own content stream, the form gets a ``/StructParents`` entry
whose ParentTree array names the element of each of its MCIDs, and elements refer to them with
marked-content references (``/MCR`` with ``/Pg`` the page it is painted on and ``/Stm`` the
form). A form's MCIDs are one set for all its paintings, so that is exact only for a form
painted once; a form may be painted on several pages, or twice on one. So each painting that
draws several blocks gets a *copy* of the form (same dictionary, same drawing, its content now
marked) under a new resource name of its page: every sequence is painted in one place, the
original stays as it was for any other painting, and the page draws what it drew before (the
tagger proves it by rendering, as it does for split text). The copy's MCIDs go on from the
page's own numbering (:attr:`.marked_content.PageTagging.mcid_stream`), so a page's MCID names
one sequence whichever stream holds it.

Which element an object inside the form belongs to is decided as :mod:`.split_text` decides
for a glyph: by where pdfium draws it (a text object by its glyphs' centres, anything else by
its box's centre) within the boxes of the blocks that claim the ``Do``. Where pdfium's objects
inside the form and the form's operators do not line up one to one, the form is left as it
was (one element owns the whole ``Do``).
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pikepdf
import pypdfium2.raw as c

from ..document import BBox
from ..layout.form_space import Matrix, mapped_box, object_matrix, then
from ..layout.glyphs import Glyph
from ..layout.operators import form_objects, map_operators
from ..operator_names import operand_text
from .checks import Clip
from .marked_content import (
    Instruction,
    Owner,
    PageTagging,
    indices_of,
    read_operators,
    tag_instructions,
    xobject_names,
)
from .mcid_text import object_changes
from .source_pages import PageSource, loaded_page
from .split_proof import form_clip
from .split_text import (
    NO_BOX,
    CodeTexts,
    GlyphNeeds,
    LeafBox,
    PageText,
    Parts,
    fonts_in_use,
    give_unambiguous,
    glyph_owner,
    held_by,
    split_by_glyphs,
    wanted_by,
)

#: Points an object's centre may lie outside a block's box and still belong to it.
_TOLERANCE = 1.0
_DO = frozenset({"Do"})
#: Keys of a stream dictionary that describe its bytes (the copy's are written anew) or tie it
#: to the old structure tree.
_NOT_COPIED = frozenset({"/Length", "/Filter", "/DecodeParms", "/StructParents",
                         "/StructParent"})
_KIND = {
    c.FPDF_PAGEOBJ_TEXT: "text",
    c.FPDF_PAGEOBJ_PATH: "path",
    c.FPDF_PAGEOBJ_IMAGE: "image",
    c.FPDF_PAGEOBJ_SHADING: "shading",
    c.FPDF_PAGEOBJ_FORM: "form",
}


@dataclass
class FormCopy:
    """One painting of a form whose content is divided between several owners."""

    #: The ``Do`` that paints the copy instead (written outside any page sequence).
    do: pikepdf.ContentStreamInstruction
    name: str
    form: pikepdf.Stream
    instructions: list[Instruction]
    xobject_names: frozenset[str]
    #: The owner of every instruction of the form's content (None: not painting).
    owners: list[Owner | None]
    #: Text operators of the form drawing several leaves' glyphs, cut into parts (as
    #: :mod:`.split_text` cuts a page's).
    splits: dict[int, Parts]
    #: The forms the painted one wraps, outermost first, down to ``form`` (which is the last
    #: one's only painting): each with its instructions and the index of the ``Do`` painting
    #: the next. Empty when the painted form draws the blocks itself.
    wrappers: list[tuple[pikepdf.Stream, list[Instruction], int]] = field(default_factory=list)
    #: Text operators of leaves whose text the form draws in another order than the model
    #: reads it, each starting a sequence of its own (:func:`in_leaf_order`).
    cuts: frozenset[int] = frozenset()
    #: Those operators' places in their leaf's reading order (:func:`in_leaf_order`).
    ranks: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    #: Where ``splits`` cut some operator: the pixels the cuts can change
    #: (:func:`.split_proof.form_clip`; None: anywhere on the page).
    clip: Clip | None = None


def painted_forms(names: Sequence[str], painting: Sequence[bool]) -> list[int]:
    """The page's painting ``Do`` operators (images and forms alike: pdfium tells them apart)."""
    return [index for index in indices_of(names, _DO) if painting[index]]


def shared_paintings(
    dos: Sequence[int], claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]]
) -> dict[int, list[Owner]]:
    """``Do`` operators claimed by a leaf and anyone else (another leaf, or an artifact: a
    letterhead form drawing the running header and the page's heading): index -> every
    claimant, in claim order. A leaf's claim wins over an artifact's on the page, so left
    whole such a form would read its running header into the heading."""
    if not dos:
        return {}
    claimants: dict[int, list[Owner]] = {}
    for who, ranges in claims:
        for start, end in ranges:
            first = bisect.bisect_left(dos, start)
            for index in dos[first:bisect.bisect_left(dos, end, first)]:
                owners = claimants.setdefault(index, [])
                if who not in owners:
                    owners.append(who)
    return {index: owners for index, owners in claimants.items()
            if len(owners) > 1 and any(isinstance(o, int) for o in owners)}


def plan_form_copies(
    page: pikepdf.Page,
    page_index: int,
    glyph_source: PageSource,
    shared: Mapping[int, list[Owner]],
    names_of: Mapping[int, str],
    boxes: Sequence[tuple[Owner, BBox]],
    leaf_texts: Mapping[int, str] | None = None,
) -> dict[int, FormCopy]:
    """For each shared ``Do`` (:func:`shared_paintings`) of a form whose objects can be told
    apart, the copy to paint instead. ``names_of``: each ``Do``'s resource name.
    ``leaf_texts``: the model's text of the leaves (which of several overlapping boxes a
    glyph goes to: :class:`.split_text.GlyphNeeds`; None: boxes alone decide)."""
    resources = page.obj.get("/Resources")
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not shared or not isinstance(xobjects, pikepdf.Dictionary):
        return {}
    forms: dict[int, pikepdf.Stream] = {}
    for index in shared:
        form = xobjects.get(names_of.get(index, ""))
        if isinstance(form, pikepdf.Stream) and form.get("/Subtype") == pikepdf.Name.Form:
            forms[index] = form
    if not forms:
        return {}
    taken = {str(name) for name in xobjects.keys()}  # noqa: SIM118 - pikepdf keys
    out: dict[int, FormCopy] = {}
    with loaded_page(glyph_source, page_index) as pdfium_page:
        raw = pdfium_page.raw
        count = c.FPDFPage_CountObjects(raw)
        objects = [c.FPDFPage_GetObject(raw, k) for k in range(count)]
        opmap = map_operators(page, [_kind(obj) for obj in objects])
        top_of = {op: k for k, op in enumerate(opmap.operator_of) if op in forms}
        # A form whose content only paints another form (a chart placed by a wrapper) is
        # divided where the blocks are drawn: in the innermost form.
        wrapped = {index: _unwrap(form, _inner_objects(objects[top_of[index]]), resources)
                   for index, form in forms.items() if index in top_of}
        # pdfium boxes the objects inside a form in the form's space (see layout.form_space).
        to_page_of = {index: _to_page(objects[top_of[index]], len(wrapped[index][3]))
                      for index in wrapped}
        textpage = pdfium_page.get_textpage()
        try:
            glyphs = _glyphs_by_object(textpage, {
                _address(obj) for _, inner, _, _ in wrapped.values() for obj in inner
                if _kind(obj) == "text"})
            for index, (form, inner, outer_resources, wrappers) in wrapped.items():
                inside = _owners_inside(form, inner, outer_resources, glyphs,
                                        [(o, b) for o, b in boxes if o in shared[index]],
                                        shared[index], to_page_of[index], leaf_texts)
                if inside is None:
                    continue
                instructions, inner_owners, splits, drawn = inside
                cuts, ranks = in_leaf_order(inner_owners, splits, drawn, leaf_texts or {})
                name = _new_name(taken)
                out[index] = FormCopy(
                    pikepdf.ContentStreamInstruction([pikepdf.Name(name)],
                                                     pikepdf.Operator("Do")),
                    name, form, instructions,
                    xobject_names(form.get("/Resources", outer_resources)), inner_owners,
                    splits, wrappers, cuts, ranks,
                    form_clip(pdfium_page, objects[top_of[index]],
                              _painted_with(resources, wrappers, form)) if splits else None,
                )
        finally:
            textpage.close()
    return out


def write_form_copies(
    pdf: pikepdf.Pdf, page: pikepdf.Page, copies: Mapping[int, FormCopy], tagging: PageTagging,
    yielded_to: Mapping[int, int],
) -> None:
    """Mark each copy's content (its MCIDs going on from the page's) and add the copies to
    the page's resources, which become the page's own (they may be shared or inherited).
    ``yielded_to``: list labels that gave their drawing to their body -> that body."""
    if not copies:
        return
    resources = page.obj.get("/Resources")
    assert isinstance(resources, pikepdf.Dictionary)
    own = pikepdf.Dictionary({key: resources[key] for key in resources.keys()})  # noqa: SIM118
    xobjects = resources.get("/XObject")
    assert isinstance(xobjects, pikepdf.Dictionary)
    own_xobjects = pikepdf.Dictionary(
        {key: xobjects[key] for key in xobjects.keys()})  # noqa: SIM118

    def mapped(owner: Owner) -> Owner:
        return yielded_to.get(owner, owner) if isinstance(owner, int) else owner

    for index in sorted(copies):
        copy = copies[index]
        owners = [None if o is None else mapped(o) for o in copy.owners]
        first = len(tagging.mcid_owner)
        splits = {at: [(mapped(o), part) for o, part in parts]
                  for at, parts in copy.splits.items()}
        tagged = tag_instructions(copy.instructions, owners, copy.xobject_names, tagging,
                                  splits, cuts=copy.cuts)
        stream = pdf.make_stream(pikepdf.unparse_content_stream(tagged))
        _rank_sequences(tagging, first, copy.ranks)
        for key in copy.form.keys():  # noqa: SIM118 - pikepdf keys
            if key not in _NOT_COPIED:
                stream[key] = copy.form[key]
        if "/Resources" not in copy.form:
            # A form without resources of its own uses its page's (PDF 1.1): the copy's page
            # is known, so it gets them, which draws the same (a wrapped form, its wrapper's).
            stream[pikepdf.Name.Resources] = (
                copy.wrappers[-1][0].get("/Resources", resources) if copy.wrappers
                else resources)
        for mcid in range(first, len(tagging.mcid_owner)):
            tagging.mcid_start[mcid] = index  # read where the Do is, within its leaf
            tagging.mcid_stream[mcid] = stream
        for form, instructions, at in reversed(copy.wrappers):
            stream = _wrapper_copy(pdf, form, instructions, at, stream, resources)
        own_xobjects[copy.name] = stream
    own[pikepdf.Name.XObject] = own_xobjects
    page.obj[pikepdf.Name.Resources] = own


def in_leaf_order(
    owners: Sequence[Owner | None], splits: Mapping[int, Parts], drawn: Mapping[int, str],
    leaf_texts: Mapping[int, str],
) -> tuple[frozenset[int], dict[int, tuple[int, int, int]]]:
    """Where a leaf's text operators in the form are drawn in another order than its model
    text reads them (a big item number drawn after the two lines it stands before; a table
    cell's lines drawn bottom up), those operators (each to start a sequence of its own) and
    each one's place in the leaf's reading order: ``position -> (leaf, offset, position)``,
    ``offset`` where its text is found in the leaf's text (an operator whose text is not
    found follows the one drawn before it). The element then lists the sequences in its
    reading order, as it does for a page's ranges (ISO 32000-1 14.7.4: the order of an
    element's kids is the reading order, whatever the drawing order)."""
    positions_of: dict[int, list[int]] = {}
    for position in sorted(drawn):
        leaves = ([o for o, _ in splits[position]] if position in splits
                  else [owners[position]])
        for leaf in dict.fromkeys(leaves):
            if isinstance(leaf, int):
                positions_of.setdefault(leaf, []).append(position)
    cuts: set[int] = set()
    ranks: dict[int, tuple[int, int, int]] = {}
    for leaf, positions in positions_of.items():
        if len(positions) < 2 or leaf not in leaf_texts:
            continue
        offsets = text_offsets(leaf_texts[leaf], [
            "" if position in splits else drawn[position] for position in positions])
        placed: list[tuple[int, int]] = []
        previous = -1
        for position, offset in zip(positions, offsets, strict=True):
            previous = previous if offset is None else offset
            placed.append((previous, position))
        if placed == sorted(placed):
            continue  # drawn in reading order: one sequence reads it right
        cuts.update(positions)
        ranks.update((position, (leaf, offset, position)) for offset, position in placed)
    return frozenset(cuts), ranks


def text_offsets(text: str, pieces: Sequence[str]) -> list[int | None]:
    """Where each piece of drawn text is found in ``text``, counted in its letters and digits:
    as drawn first (case folded, spaces collapsed: "PointEvents" and "Point Events" are two
    pieces), then by its letters and digits alone (the model's text has its own spaces,
    hyphens and ligatures); longest pieces first, each in the first place no piece took
    before. None where not found."""
    spaced = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    letters_before = list(itertools.accumulate((ch.isalnum() for ch in spaced), initial=0))
    haystack = _letters(spaced)
    taken: list[tuple[int, int]] = []
    out: list[int | None] = [None] * len(pieces)
    # Each piece's letters, read once (normalising is most of the work, and a form's leaf
    # can have hundreds of pieces).
    needles = [_letters(piece) for piece in pieces]
    longest_first = sorted(range(len(pieces)), key=lambda k: -len(needles[k]))
    for exact in (True, False):
        for k in longest_first:
            needle = needles[k]
            if out[k] is not None or not needle:
                continue
            drawn = " ".join(unicodedata.normalize("NFKC", pieces[k]).casefold().split())
            found = _free_place(spaced, drawn, letters_before, len(needle), taken) if exact \
                else _free_place(haystack, needle, None, len(needle), taken)
            if found is not None:
                taken.append((found, found + len(needle)))
                out[k] = found
    return out


def _free_place(
    haystack: str, needle: str, letters_before: Sequence[int] | None, length: int,
    taken: Sequence[tuple[int, int]],
) -> int | None:
    """The first place of ``needle`` in ``haystack`` whose ``length`` letters no piece took,
    in letters (``letters_before[i]``: the letters before ``haystack[i]``; None: the
    haystack is letters only)."""
    start = haystack.find(needle)
    while start >= 0:
        at = start if letters_before is None else letters_before[start]
        if not any(at < end and begin < at + length for begin, end in taken):
            return at
        start = haystack.find(needle, start + 1)
    return None


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _rank_sequences(
    tagging: PageTagging, first: int, ranks: Mapping[int, tuple[int, int, int]]
) -> None:
    """Each of the copy's sequences from MCID ``first`` on (``mcid_start``: still its first
    instruction in the form) gets its place in its leaf's reading order: that of the first
    ranked text operator of its leaf it holds (:func:`in_leaf_order`); in drawing order
    otherwise."""
    ranked_of: dict[int, list[int]] = {}
    for position, (leaf, _, _) in sorted(ranks.items()):
        ranked_of.setdefault(leaf, []).append(position)
    for mcid in range(first, len(tagging.mcid_owner)):
        leaf, start = tagging.mcid_owner[mcid], tagging.mcid_start[mcid]
        mine = ranked_of.get(leaf)
        if not mine:
            tagging.mcid_rank[mcid] = (0, start)
            continue
        k = min(bisect.bisect_left(mine, start), len(mine) - 1)
        _, offset, position = ranks[mine[k]]
        tagging.mcid_rank[mcid] = (offset, position)


#: Forms wrapping forms looked through, at most (bounded work; pdfium nests no deeper).
MAX_WRAPPERS = 4


def _unwrap(
    form: pikepdf.Stream, inner: list[Any], resources: object
) -> tuple[pikepdf.Stream, list[Any], object, list[tuple[pikepdf.Stream, list[Instruction], int]]]:
    """The form that draws what ``form`` paints (``inner``: pdfium's objects of its content;
    ``resources``: those it is painted with): ``form`` itself, or the form it wraps when its
    content paints only that form, followed down. With it: its objects, the resources it is
    painted with and the wrappers (:attr:`FormCopy.wrappers`)."""
    wrappers: list[tuple[pikepdf.Stream, list[Instruction], int]] = []
    while len(wrappers) < MAX_WRAPPERS and len(inner) == 1 and _kind(inner[0]) == "form":
        own = form.get("/Resources", resources)
        try:
            instructions = list(pikepdf.parse_content_stream(form))
        except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
            break
        kinds, positions = form_objects(instructions, own)
        xobjects = own.get("/XObject") if isinstance(own, pikepdf.Dictionary) else None
        do = instructions[positions[0]] if kinds == ["form"] else None
        operands = list(do.operands) if isinstance(do, pikepdf.ContentStreamInstruction) else []
        nested = (xobjects.get(operand_text(operands[0])) if operands
                  and isinstance(xobjects, pikepdf.Dictionary) else None)
        if not isinstance(nested, pikepdf.Stream) or nested.get("/Subtype") != pikepdf.Name.Form:
            break
        wrappers.append((form, instructions, positions[0]))
        form, inner, resources = nested, _inner_objects(inner[0]), own
    return form, inner, resources, wrappers


def _painted_with(
    page_resources: object, wrappers: list[tuple[pikepdf.Stream, list[Instruction], int]],
    form: pikepdf.Stream,
) -> list[pikepdf.Object | None]:
    """The resources the page, each wrapper and ``form`` paint with (a form without its own
    uses those it is painted with), outermost first."""
    found: list[pikepdf.Object | None] = [
        page_resources if isinstance(page_resources, pikepdf.Object) else None]
    for wrapper, _, _ in wrappers:
        found.append(wrapper.get("/Resources", found[-1]))
    found.append(form.get("/Resources", found[-1]))
    return found


def _wrapper_copy(
    pdf: pikepdf.Pdf, form: pikepdf.Stream, instructions: list[Instruction], at: int,
    inner: pikepdf.Stream, page_resources: pikepdf.Dictionary,
) -> pikepdf.Stream:
    """A copy of the wrapper ``form`` painting ``inner`` (the copy of the form it wraps) with
    its ``Do`` at ``at``, under a name of the copy's own resources; nothing else changes."""
    resources = form.get("/Resources", page_resources)
    own = pikepdf.Dictionary({key: resources[key] for key in resources.keys()})  # noqa: SIM118
    xobjects = resources.get("/XObject")
    assert isinstance(xobjects, pikepdf.Dictionary)  # it holds the wrapped form (_unwrap)
    own_xobjects = pikepdf.Dictionary(
        {key: xobjects[key] for key in xobjects.keys()})  # noqa: SIM118
    name = _new_name({str(key) for key in xobjects.keys()})  # noqa: SIM118
    own_xobjects[name] = inner
    own[pikepdf.Name.XObject] = own_xobjects
    painted = list(instructions)
    painted[at] = pikepdf.ContentStreamInstruction([pikepdf.Name(name)], pikepdf.Operator("Do"))
    stream = pdf.make_stream(pikepdf.unparse_content_stream(painted))
    for key in form.keys():  # noqa: SIM118 - pikepdf keys
        if key not in _NOT_COPIED:
            stream[key] = form[key]
    stream[pikepdf.Name.Resources] = own
    return stream


def _to_page(form_object: Any, wrappers: int) -> Matrix | None:
    """The matrix putting on the page the boxes of the objects inside ``form_object``, or,
    past ``wrappers`` forms each painting only the next (:func:`_unwrap`), inside the last:
    each nested form object's matrix, innermost first, then its enclosing ones'."""
    to_page = object_matrix(form_object)
    for _ in range(wrappers):
        if to_page is None:
            return None
        inner = _inner_objects(form_object)
        if not inner:
            return None
        form_object = inner[0]
        own = object_matrix(form_object)
        to_page = None if own is None else then(own, to_page)
    return to_page


def _owners_inside(
    form: pikepdf.Stream,
    inner: list[Any],
    page_resources: object,
    glyphs_of: Mapping[int, list[Glyph]],
    boxes: list[tuple[Owner, BBox]],
    claimants: list[Owner],
    to_page: Matrix | None,
    leaf_texts: Mapping[int, str] | None = None,
) -> tuple[list[Instruction], list[Owner | None], dict[int, Parts], dict[int, str]] | None:
    """The form's instructions, the owner of each painting one, the text operators cut
    between owners and the text each text operator draws; None when pdfium's objects do not
    line up with the operators, or everything goes to one owner anyway. ``to_page``: the
    form object's matrix, which puts the inner objects' boxes on the page (None: pdfium has
    none; the boxes are taken as they are)."""
    try:
        instructions = list(pikepdf.parse_content_stream(form))
    except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
        return None
    resources = form.get("/Resources", page_resources)
    kinds, positions = form_objects(instructions, resources)
    if kinds != [_kind(obj) for obj in inner]:
        return None  # do not guess which operator drew what
    owners: list[Owner | None] = [None] * len(instructions)
    previous: Owner = claimants[0]
    # Text operators whose glyphs lie in several boxes, with the boxes near them.
    several: dict[int, tuple[list[Glyph], list[tuple[Owner, BBox]]]] = {}
    needs = _needs(leaf_texts, claimants, inner, kinds, glyphs_of, boxes)
    drawn: dict[int, str] = {}
    for obj, position, kind in zip(inner, positions, kinds, strict=True):
        found: Owner | None = None
        if kind == "text":
            glyphs = glyphs_of.get(_address(obj), [])
            drawn[position] = "".join(g.char for g in glyphs)
            near = _boxes_near(glyphs, boxes)
            visible = [g for g in glyphs if not g.char.isspace()]
            # (A glyph one box holds votes for that box's owner, as glyph_owner says.)
            votes = Counter(
                near[held][0] if held >= 0 else None if held == NO_BOX
                else glyph_owner(g, near, wanted_by(needs, g))
                for g, held in zip(visible, held_by(visible, [b for _, b in near]),
                                   strict=True))
            votes.pop(None, None)
            if votes:
                found = votes.most_common(1)[0][0]
            if len(votes) > 1:
                several[position] = (glyphs, near)  # given out glyph by glyph when cut
            elif found is not None and needs is not None:
                for glyph in glyphs:
                    needs.give(found, glyph)
        else:
            centre = _centre(obj, to_page)
            found = _owner_at(*centre, boxes) if centre is not None else None
        if found is None:
            # In no block's box: text goes with the text before it (no text is lost from the
            # tags); anything else is an artifact, as unclaimed painting on a page is.
            found = previous if kind == "text" else "decoration"
        elif kind == "text":
            previous = found
        owners[position] = found
    splits = _split_text(instructions, resources, several, owners, needs)
    owned = {o for o in owners if o is not None}
    owned.update(o for parts in splits.values() for o, _ in parts)
    if len(owned) < 2:
        return None
    return instructions, owners, splits, drawn


def _split_text(
    instructions: list[Instruction], resources: object,
    several: Mapping[int, tuple[list[Glyph], list[tuple[Owner, BBox]]]],
    owners: list[Owner | None],
    needs: GlyphNeeds | None = None,
) -> dict[int, Parts]:
    """The form's text operators whose glyphs lie in several leaves' boxes, cut between them
    (a table's label cell and its text in one ``Tj``)."""
    if not several:
        return {}
    names = read_operators(instructions, xobject_names(resources)).names
    text = PageText.of(instructions, names, several)
    fonts = fonts_in_use(resources, text, set(several))
    texts = CodeTexts()
    out: dict[int, Parts] = {}
    for position, (glyphs, near) in several.items():
        first = owners[position]
        if not isinstance(first, int):
            continue
        leaf_boxes = [LeafBox(o, b) for o, b in near if isinstance(o, int)]
        parts = split_by_glyphs(instructions[position], glyphs, leaf_boxes, first,
                                fonts.get(position), texts, needs)
        if parts is not None:
            out[position] = parts
    return out


def _needs(
    leaf_texts: Mapping[int, str] | None, claimants: list[Owner], inner: list[Any],
    kinds: list[str], glyphs_of: Mapping[int, list[Glyph]], boxes: list[tuple[Owner, BBox]],
) -> GlyphNeeds | None:
    """What the texts of the leaves sharing the form lack, once the glyphs in one box only
    are given to it (None without the texts)."""
    if leaf_texts is None:
        return None
    needs = GlyphNeeds({o: leaf_texts.get(o, "") for o in claimants if isinstance(o, int)})
    for obj, kind in zip(inner, kinds, strict=True):
        if kind == "text":
            glyphs = [g for g in glyphs_of.get(_address(obj), []) if not g.char.isspace()]
            give_unambiguous(needs, glyphs, _boxes_near(glyphs, boxes))
    return needs


def _boxes_near(glyphs: list[Glyph], boxes: list[tuple[Owner, BBox]]) -> list[tuple[Owner, BBox]]:
    """The boxes that can hold one of the glyphs' centres (a form may draw a page's blocks:
    each glyph is then looked up among a few)."""
    if not glyphs:
        return []
    x0 = min(g.x0 for g in glyphs) - _TOLERANCE
    y0 = min(g.y0 for g in glyphs) - _TOLERANCE
    x1 = max(g.x1 for g in glyphs) + _TOLERANCE
    y1 = max(g.y1 for g in glyphs) + _TOLERANCE
    return [(o, b) for o, b in boxes if b.x0 <= x1 and x0 <= b.x1 and b.y0 <= y1 and y0 <= b.y1]


def _owner_at(x: float, y: float, boxes: list[tuple[Owner, BBox]]) -> Owner | None:
    """The owner whose box holds the point: the most specific box (holding it before reaching
    it through the tolerance, then the smallest), as :func:`.split_text.glyph_owner` for a
    glyph."""
    best: tuple[float, float] | None = None
    owner: Owner | None = None
    for who, box in boxes:
        left, right, below, above = box.x0 - x, x - box.x1, box.y0 - y, y - box.y1
        if left > _TOLERANCE or right > _TOLERANCE or below > _TOLERANCE or above > _TOLERANCE:
            continue  # (tested one by one: most boxes are far, and this is cheaper than max)
        rank = (max(left, right, below, above, 0.0), (box.x1 - box.x0) * (box.y1 - box.y0))
        if best is None or rank < best:
            best, owner = rank, who
    return owner


def _inner_objects(form_object: Any) -> list[Any]:
    """The page objects pdfium made of a form's own content, in order."""
    return [c.FPDFFormObj_GetObject(form_object, k)
            for k in range(c.FPDFFormObj_CountObjects(form_object))]


def _glyphs_by_object(textpage: Any, wanted: set[int]) -> dict[int, list[Glyph]]:
    """Text object address (of those ``wanted``) -> the characters it draws, with their
    boxes (page space)."""
    raw = textpage.raw
    count = c.FPDFText_CountChars(raw)
    out: dict[int, list[Glyph]] = {}
    if count <= 0:
        return out
    # The runs of characters one text object draws (found in C, :func:`.mcid_text.
    # object_changes`): only the characters of the wanted objects' runs are read, in order.
    starts, addresses = object_changes(_address(raw), count)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for start, end, address in zip(starts, [*starts[1:], count], addresses, strict=True):
        if not address or address not in wanted:
            continue  # (0: a character of no object, pdfium's own space)
        for i in range(start, end):
            if not c.FPDFText_GetCharBox(raw, i, left, right, bottom, top):
                continue
            out.setdefault(address, []).append(Glyph(
                chr(c.FPDFText_GetUnicode(raw, i)), left.value, bottom.value, right.value,
                top.value, 0.0, False, "", -1, -1,
                generated=c.FPDFText_IsGenerated(raw, i) == 1,
            ))
    return out


def _centre(obj: Any, to_page: Matrix | None) -> tuple[float, float] | None:
    """The centre on the page of an object inside a form (``to_page``: the form object's
    matrix; pdfium's box of the object is in the form's space)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    box = (left.value, bottom.value, right.value, top.value)
    if to_page is not None:
        box = mapped_box(*box, to_page)
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _kind(obj: Any) -> str:
    return _KIND.get(c.FPDFPageObj_GetType(obj), "unknown") if obj else "unknown"


def _address(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _new_name(taken: set[str]) -> str:
    number = len(taken)
    while f"/FmTagged{number}" in taken:
        number += 1
    name = f"/FmTagged{number}"
    taken.add(name)
    return name
