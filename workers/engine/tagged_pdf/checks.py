"""Checks of a tagged PDF, read back from its bytes: a report stored with the output.

* the catalog essentials (:func:`workers.engine.checks.check_pdf`); ``fonts-embedded``,
  ``fonts-unicode``, ``fonts-unicode-values`` and ``fonts-notdef`` over pages, Form XObjects
  and annotation appearances (:mod:`.fonts`);
* ``content-tagged`` — every painting operator of every page is inside marked content that
  the structure tree refers to (an MCID in the ParentTree) or inside ``/Artifact``, never in
  both (PDF/UA-1 7.1, veraPDF 7.1-1…3);
* ``structure`` — standard types only, headings start at H1 and skip no level, every Figure
  has /Alt, TH has /Scope, Note has /ID (7.3, 7.4, 7.5, 7.9);
* ``annotations`` — each annotation (but popups and hidden ones) is tagged through
  ``/StructParent``, its page has ``/Tabs /S``, links have ``/Contents`` (7.18);
* ``text-fidelity`` — the text each tagged element reads as (its /ActualText, else what pdfium
  reads from it) is the model's text for it (the same characters; content order can differ
  from reading order within a block), and an element's /ActualText says the characters it
  draws (text drawn in the glyph ids of a font not embedded read glyph by glyph:
  :mod:`.glyph_id_reading`);
* ``pixels`` — every page renders to the same pixels as the source's (pdfium, 72 dpi).

These are the machine checks that are fast in-process; the full veraPDF judge
(``../shared/tools/pdfua-check``, Java, seconds per file) runs in the tests and the benchmark.
"""

from __future__ import annotations

import ctypes
import functools
import io
import math
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..checks import Check, Report, check_pdf, make_report
from ..errors import DocumentTooComplexError
from ..layout.accents import COMBINING
from ..layout.lines import clean
from ..operator_names import operand_text, operator_name
from ..pdf_entries import name_entry
from .fonts import FontFindings, font_findings
from .glyph_id_reading import ReadAs, glyph_id_texts
from .marked_content import PAINTING_OPERATORS, is_painting, read_operators, xobject_names
from .mcid_text import loaded_page_text_by_mcid, page_text_by_mcid

#: ISO 32000-1 14.8.4 standard structure types (PDF/UA-1 uses the PDF 1.7 set).
STANDARD_TYPES = frozenset({
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
})
_NOT_CONTENT_ANNOTS = frozenset({"/Popup", "/PrinterMark", "/TrapNet"})
#: Pixel comparison resolution: 1.0 = 72 dpi.
PIXEL_SCALE = 1.0
#: Pages rendered for a comparison are this many pixels at most (three bytes each: 300 MB;
#: an A0 poster is 8 million at 72 dpi). A larger one is refused as too complex
#: (:class:`PageTooLargeError`); the pixel check reports it as a page not compared.
MAX_RENDER_PIXELS = 100_000_000


class PageTooLargeError(DocumentTooComplexError):
    """A page larger than :data:`MAX_RENDER_PIXELS` was to be rendered (a damaged page box)."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__(detail=f"page of {width:.0f} x {height:.0f} pixels")
        self.width = width
        self.height = height
#: Structure elements visited at most when checking.
MAX_ELEMENTS = 500_000


def _check(check_id: str, passed: bool, detail: str) -> Check:
    return {"id": check_id, "passed": passed, "detail": detail}


def check_tagged_pdf(content: bytes, *, source: Path, expected_texts: list[str]) -> Report:
    """All the checks above. ``expected_texts``: the text every element that draws content
    should read as, in tree order, figures left out — the model's (re-tagged), or what the
    source's own tags read as (kept: then nothing our changes did may lose a character)."""
    base = check_pdf(content)
    with _open(content) as pdf:
        # Fonts of annotation appearances count too (check_pdf looks at the pages only).
        checks = [c for c in _as_checks(base) if c["id"] != "fonts-embedded"]
        findings = font_findings(pdf)
        checks.extend(_font_checks(findings))
        checks.append(_content_check(pdf))
        checks.append(_structure_check(pdf))
        checks.append(_annotation_check(pdf))
        by_mcid, by_glyph, pixels = _read_and_compare_pages(content, source, findings.glyph_ids)
        # The checks above only read the output: its elements are read from the same copy.
        checks.append(_fidelity_check(pdf, expected_texts, by_mcid, by_glyph))
    checks.append(pixels)
    return make_report(checks)


def _open(content: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(content))


def _as_checks(report: Report) -> list[Check]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return checks


# --- fonts --------------------------------------------------------------------------------


def _font_checks(findings: FontFindings) -> list[Check]:
    missing = sorted(findings.not_embedded)
    unmapped = sorted(findings.no_unicode)
    return [
        _check("fonts-embedded", not missing, "all fonts embedded" if not missing else
               "not embedded in the source, and no program that draws them the same could be "
               "embedded: " + ", ".join(missing)),
        _check("fonts-unicode", not unmapped, "every font maps its codes to Unicode"
               if not unmapped else "no Unicode mapping in the source for: " + ", ".join(unmapped)),
        _check("fonts-unicode-values", not findings.forbidden_unicode,
               "no /ToUnicode value is U+0000 or a byte-order mark"
               if not findings.forbidden_unicode else "the source's /ToUnicode gives glyphs "
               "shown U+0000 or a byte-order mark (U+FEFF, U+FFFE) where it knew no character "
               "(a shaped cluster's other glyphs, whose text an /ActualText span carried): "
               + ", ".join(sorted(findings.forbidden_unicode))),
        _check("fonts-notdef", not findings.notdef, "no text drawn with the .notdef glyph"
               if not findings.notdef else "text drawn with the .notdef glyph (CID 0) in the "
               "source (a character its maker had no font for: a box drawn, or no character "
               "read), which no blank copy could replace: " + ", ".join(sorted(findings.notdef))),
    ]


# --- content ------------------------------------------------------------------------------


def _parent_tree_mcids(pdf: pikepdf.Pdf) -> dict[int, set[int]]:
    """ParentTree key -> MCIDs with an element (flat /Nums arrays, as we and most tools write)."""
    out: dict[int, set[int]] = {}
    root = pdf.Root.get("/StructTreeRoot")
    tree = root.get("/ParentTree") if isinstance(root, pikepdf.Dictionary) else None
    stack = [tree] if isinstance(tree, pikepdf.Dictionary) else []
    while stack:
        node = stack.pop()
        nums = node.get("/Nums")
        if isinstance(nums, pikepdf.Array):
            for k in range(0, len(nums) - 1, 2):
                value = nums[k + 1]
                if isinstance(value, pikepdf.Array):
                    out[int(nums[k])] = {
                        i for i, e in enumerate(value) if isinstance(e, pikepdf.Dictionary)
                    }
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array):
            stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
    return out


def _content_check(pdf: pikepdf.Pdf) -> Check:
    referenced = _parent_tree_mcids(pdf)
    untagged = unreferenced = both = unreadable = 0
    pages_wrong: list[int] = []
    for index, page in enumerate(pdf.pages):
        key = page.obj.get("/StructParents")
        known: set[int] = referenced.get(int(key), set()) if isinstance(key, int) else set()
        names = xobject_names(page.obj.get("/Resources"))
        properties = property_lists(page.obj.get("/Resources"))
        stack: list[str] = []  # "mcid", "artifact" or "other" per open sequence
        wrong_before = untagged + unreferenced + both
        try:
            instructions = _checked_instructions(page)
        except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
            pages_wrong.append(index + 1)
            unreadable += 1
            continue
        operators = read_operators(instructions, names)
        for instruction, op, painting in zip(
            instructions, operators.names, operators.painting, strict=True
        ):
            if op == "BDC" or op == "BMC":
                assert isinstance(instruction, pikepdf.ContentStreamInstruction)
                stack.append(_kind(instruction, known, properties))
                if stack[-1] == "unreferenced":
                    unreferenced += 1
                continue
            if op == "EMC":
                if stack:
                    stack.pop()
                continue
            if not painting:
                continue
            tagged = "mcid" in stack
            artifact = "artifact" in stack
            if tagged and artifact:
                both += 1
            elif not tagged and not artifact and not _form_marked_inside(
                instruction, page.obj.get("/Resources"), 0
            ):
                untagged += 1
        if untagged + unreferenced + both > wrong_before:
            pages_wrong.append(index + 1)
    passed = not (untagged or unreferenced or both or unreadable)
    detail = (
        "every painting operator is tagged or an artifact"
        if passed
        else f"{untagged} painting operator(s) neither tagged nor artifact, {unreferenced} MCID(s) "
        f"not in the ParentTree, {both} both, {unreadable} page(s) whose content could not be "
        f"read; pages {_short(pages_wrong)}"
    )
    return _check("content-tagged", passed, detail)


#: The operators the content check looks at: marked content and painting. Every other
#: instruction (path construction, graphics and text state) is passed over by the check, so
#: qpdf's parser is asked for these only (it still reads the whole stream, but builds no
#: Python objects for the rest: most of a page's instructions).
_CHECKED_OPERATORS = " ".join(sorted(PAINTING_OPERATORS | {"BDC", "BMC", "EMC"}))


def _checked_instructions(
    page: pikepdf.Page,
) -> list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage]:
    """The page's marked-content and painting instructions, in order. An inline image paints
    but has no operator to ask for (qpdf's filter leaves it out), so content that may hold
    one (the bytes ``BI`` anywhere in it) is parsed whole."""
    if _may_hold_inline_image(page):
        return pikepdf.parse_content_stream(page)
    return pikepdf.parse_content_stream(page, _CHECKED_OPERATORS)


def _may_hold_inline_image(page: pikepdf.Page) -> bool:
    """False only when the page's content streams have no bytes ``BI`` (the operator that
    begins an inline image), joined with nothing between them (qpdf reads a token boundary
    there: joining so can only find more); True when one cannot be read (the whole parse
    then decides)."""
    contents = page.obj.get("/Contents")
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    try:
        return b"BI" in b"".join(stream.read_bytes() for stream in streams
                                 if isinstance(stream, pikepdf.Stream))
    except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
        return True


def property_lists(resources: object) -> dict[str, pikepdf.Dictionary]:
    found = resources.get("/Properties") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(found, pikepdf.Dictionary):
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, pikepdf.Dictionary)}


#: Form XObjects inside Form XObjects followed at most, checking marks inside forms.
MAX_FORM_DEPTH = 6


def _form_marked_inside(
    instruction: pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage,
    resources: object,
    depth: int,
) -> bool:
    """A Form XObject painted outside marked content is fine when everything it paints is
    marked inside it (an author's forms carry their own MCIDs and artifacts; MCIDs inside
    forms are not looked up in the ParentTree here)."""
    if isinstance(instruction, pikepdf.ContentStreamInlineImage) or str(
        instruction.operator
    ) != "Do" or depth > MAX_FORM_DEPTH or not isinstance(resources, pikepdf.Dictionary):
        return False
    xobjects = resources.get("/XObject")
    form = xobjects.get(operand_text(instruction.operands[0])) if isinstance(
        xobjects, pikepdf.Dictionary) else None
    if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != "/Form":
        return False
    inner = form.get("/Resources", resources)
    names = xobject_names(inner)
    named = property_lists(inner)
    marked = 0  # open sequences that are an artifact or carry an MCID
    stack: list[bool] = []
    try:
        instructions = pikepdf.parse_content_stream(form)
    except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
        return False
    for item in instructions:
        if not isinstance(item, pikepdf.ContentStreamInlineImage):
            op = operator_name(item.operator)
            if op in ("BDC", "BMC"):
                stack.append(_kind(item, set(), named) in ("artifact", "unreferenced", "mcid"))
                marked += stack[-1]
                continue
            if op == "EMC":
                if stack:
                    marked -= stack.pop()
                continue
        if is_painting(item, names) and not marked and not _form_marked_inside(
            item, inner, depth + 1
        ):
            return False
    return True


def _kind(
    instruction: pikepdf.ContentStreamInstruction,
    known: set[int],
    named: dict[str, pikepdf.Dictionary],
) -> str:
    operands = list(instruction.operands)
    tag = operand_text(operands[0]) if operands else ""
    if tag == "/Artifact":
        return "artifact"
    properties = operands[1] if len(operands) > 1 else None
    if isinstance(properties, pikepdf.Name):
        properties = named.get(str(properties))  # a property list named in the resources
    if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
        return "mcid" if int(properties["/MCID"]) in known else "unreferenced"
    return "other"


# --- structure ----------------------------------------------------------------------------


def _elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return
    stack = list(reversed(element_kids(root)))
    seen: set[tuple[int, int]] = set()
    visited = 0
    while stack and visited < MAX_ELEMENTS:
        element = stack.pop()
        if element.is_indirect:
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
        visited += 1
        yield element
        stack.extend(reversed(element_kids(element)))


def element_kids(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    """The structure elements below ``element`` (not its marked content or object refs)."""
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [
        k for k in items
        if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in ("/MCR", "/OBJR")
    ]


def _role_map(pdf: pikepdf.Pdf) -> dict[str, str]:
    root = pdf.Root.get("/StructTreeRoot")
    role_map = root.get("/RoleMap") if isinstance(root, pikepdf.Dictionary) else None
    if not isinstance(role_map, pikepdf.Dictionary):
        return {}
    return {
        str(key)[1:]: str(role_map[key])[1:]
        for key in role_map.keys()  # noqa: SIM118 - pikepdf Dictionary
        if isinstance(role_map[key], pikepdf.Name)
    }


def _standard_role(role: str, roles: dict[str, str]) -> str:
    for _ in range(20):  # a loop in the role map ends as a non-standard type
        if role in STANDARD_TYPES or role not in roles:
            break
        role = roles[role]
    return role


def _structure_check(pdf: pikepdf.Pdf) -> Check:
    problems: Counter[str] = Counter()
    previous_level = 0
    roles = _role_map(pdf)
    for element in _elements(pdf):
        role = _standard_role(str(element.get("/S", ""))[1:], roles)
        if role not in STANDARD_TYPES:
            problems[f"non-standard type {role}"] += 1
        if len(role) == 2 and role[0] == "H" and role[1].isdigit():
            level = int(role[1])
            if level > previous_level + 1:
                problems["heading level skipped"] += 1
            previous_level = level
        elif role == "Figure" and not str(element.get("/Alt", "")).strip():
            problems["figure without /Alt"] += 1
        elif role == "TH" and not _has_scope(element):
            problems["TH without /Scope"] += 1
        elif role == "Note" and "/ID" not in element:
            problems["Note without /ID"] += 1
    if not problems:
        return _check("structure", True, "standard types, heading levels in order, figures "
                      "described, header cells scoped")
    return _check("structure", False, "; ".join(f"{n} {what}" for what, n in problems.items()))


def _has_scope(element: pikepdf.Dictionary) -> bool:
    attributes = element.get("/A")
    items = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    return any(isinstance(a, pikepdf.Dictionary) and "/Scope" in a for a in items)


def _annotation_check(pdf: pikepdf.Pdf) -> Check:
    untagged = no_tabs = links_without_contents = total = 0
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        content = 0
        for annot in annots:
            if not isinstance(annot, pikepdf.Dictionary):
                continue
            flags = annot.get("/F", 0)
            if name_entry(annot, "/Subtype") in _NOT_CONTENT_ANNOTS or (
                isinstance(flags, int) and flags & 2
            ):
                continue
            content += 1
            if "/StructParent" not in annot:
                untagged += 1
            if annot.get("/Subtype") == "/Link" and not str(annot.get("/Contents", "")).strip():
                links_without_contents += 1
        total += content
        if content and page.obj.get("/Tabs") != "/S":
            no_tabs += 1
    passed = not (untagged or no_tabs or links_without_contents)
    detail = (
        f"{total} annotation(s) tagged, links described, pages with /Tabs /S"
        if passed
        else f"{untagged} annotation(s) untagged, {links_without_contents} link(s) without "
        f"/Contents, {no_tabs} page(s) without /Tabs /S"
    )
    return _check("annotations", passed, detail)


# --- text fidelity ------------------------------------------------------------------------


def normal_counts(text: str) -> Counter[str]:
    """How often each character occurs: spacing, hyphens a reader joined lines at,
    underscores (drawn as rules or not) and controls do not count. Counted first and
    filtered per distinct character (a text has few), as the check compares counts, not
    order."""
    counts = Counter(decomposed(clean(text)))
    for ch in [ch for ch in counts if not _counts_as_character(ch)]:
        del counts[ch]
    return counts


#: Spacing accents as the combining marks they draw (not all decompose so: "ˆ", "ˇ", "`"),
#: and dotless letters, which TeX sets under an accent drawn apart ("ı" and "¨"), as the
#: dotted ones: the layout reader reads such a pair as the dotted letter ("ï").
_APART = str.maketrans({**COMBINING, "\u0131": "i", "\u0237": "j"})


def decomposed(text: str) -> str:
    """``text`` decomposed (NFKD): an accented letter as its letter and combining mark, and
    a spacing accent as the same mark, so that a letter with an accent drawn
    apart ("o", "´") counts as the same characters as the accented letter ("ó") the layout
    reader joined them to (:mod:`..layout.accents`)."""
    return unicodedata.normalize("NFKD", text.translate(_APART))


@functools.lru_cache(maxsize=4096)
def _counts_as_character(ch: str) -> bool:
    # (Not an underscore: TeX draws one outside its typewriter face as a rule, which the
    # layout reader reads as "_" and pdfium as a space or nothing.)
    return ch.isalnum() or (not ch.isspace() and ch not in "-\u00ad_"
                            and unicodedata.category(ch)[0] in "PSM")  # (M: an accent's mark)


#: (page index, MCID) -> the text pdfium reads in that marked-content sequence, in pieces.
TextByMcid = dict[tuple[int, int], list[str]]


def read_tagged_text(content: bytes) -> list[str]:
    """The text of every structure element that draws content, in tree order (pdfium glyphs
    grouped by the MCIDs each element refers to)."""
    document = pdfium.PdfDocument(content)
    try:
        by_mcid: TextByMcid = {}
        for index in range(len(document)):
            for mcid, chars in page_text_by_mcid(document, index).items():
                by_mcid[(index, mcid)] = chars
    finally:
        document.close()
    with _open(content) as pdf_pk:
        return _element_texts(pdf_pk, by_mcid)


def _element_texts(pdf_pk: pikepdf.Pdf, by_mcid: TextByMcid) -> list[str]:
    """:func:`read_tagged_text` of the output opened as ``pdf_pk``, the pages' text by MCID
    read already."""
    return [drawn for drawn, _, _ in _element_readings(pdf_pk, by_mcid)]


#: (page index, MCID) -> the text of that marked content read glyph by glyph, for those that
#: draw in the glyph ids of a font not embedded (:func:`.glyph_id_reading.glyph_id_texts`).
GlyphTextByMcid = dict[tuple[int, int], str]


def _element_readings(
    pdf_pk: pikepdf.Pdf, by_mcid: TextByMcid, by_glyph: GlyphTextByMcid | None = None,
) -> list[tuple[str, str | None, str]]:
    """Each element's drawn text (as :func:`_element_texts`) with its /ActualText, if any,
    and its drawn text with what it draws in glyph ids read glyph by glyph (``by_glyph``)."""
    pages = {page.obj.objgen: index for index, page in enumerate(pdf_pk.pages)}
    out: list[tuple[str, str | None, str]] = []
    for element in _elements(pdf_pk):
        if element.get("/S") == "/Figure":
            continue  # a figure's text is its /Alt, not what it draws
        marks = _marks(element, pages)
        if marks:
            actual = element.get("/ActualText")
            drawn = "".join("".join(by_mcid.get(mark, [])) for mark in marks)
            glyphs = drawn
            if by_glyph and any(mark in by_glyph for mark in marks):
                glyphs = "".join(by_glyph[mark] if mark in by_glyph
                                 else "".join(by_mcid.get(mark, [])) for mark in marks)
            out.append((drawn, str(actual) if isinstance(actual, pikepdf.String) else None,
                        glyphs))
    return out


def _marks(element: pikepdf.Dictionary, pages: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    page = element.get("/Pg")
    default = pages.get(page.objgen, -1) if isinstance(page, pikepdf.Dictionary) else -1
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    out: list[tuple[int, int]] = []
    for kid in items:
        if isinstance(kid, int):
            out.append((default, kid))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            kid_page = kid.get("/Pg")
            index = pages.get(kid_page.objgen, -1) if isinstance(
                kid_page, pikepdf.Dictionary) else default
            out.append((index, int(kid.get("/MCID", -1))))
    return out


def _fidelity_check(pdf: pikepdf.Pdf, expected: list[str], by_mcid: TextByMcid,
                    by_glyph: GlyphTextByMcid | None = None) -> Check:
    """``pdf``: the output; ``by_mcid``: its pages' text, ``by_glyph``: that of the marked
    content drawing in glyph ids, read glyph by glyph (:func:`_read_and_compare_pages`)."""
    readings = _element_readings(pdf, by_mcid, by_glyph)
    # An element's /ActualText (a right-to-left line said in its reading order, text drawn
    # in glyph ids no Unicode mapping reads) is what a screen reader hears instead of the
    # drawing: it is the text compared with the model's, and must say the drawn characters,
    # no other (glyph ids read as their glyphs are).
    read_texts = [drawn if actual is None else actual for drawn, actual, _ in readings]
    unfaithful = sum(1 for _, actual, glyphs in readings
                     if actual is not None and normal_counts(actual) != normal_counts(glyphs))
    wanted = expected
    model_chars = found = exact = 0
    for model, got in zip(wanted, read_texts, strict=False):
        a, b = normal_counts(model), normal_counts(got)
        model_chars += sum(a.values())
        found += sum((a & b).values())
        exact += a == b
    for model in wanted[len(read_texts):]:
        model_chars += normal_counts(model).total()
    recall = found / model_chars if model_chars else 1.0
    passed = exact == len(wanted) == len(read_texts) and not unfaithful
    for got in read_texts[len(wanted):]:
        passed = passed and not normal_counts(got)
    detail = (
        f"{exact} of {len(wanted)} text elements read back with exactly the model's characters; "
        f"{recall:.2%} of the model's characters found in their element"
    )
    if len(read_texts) != len(wanted):
        detail += f"; {len(read_texts)} elements with text read back"
    if unfaithful:
        detail += f"; {unfaithful} /ActualText(s) saying other characters than drawn"
    return _check("text-fidelity", passed, detail)


# --- pixels -------------------------------------------------------------------------------


def _read_and_compare_pages(
    content: bytes, source: Path, glyph_ids: ReadAs | None = None,
) -> tuple[TextByMcid, GlyphTextByMcid, Check]:
    """The output's text by MCID, and that of the MCIDs drawing in the glyph ids of the fonts
    ``glyph_ids`` read glyph by glyph (for the fidelity check), and the pixel check: every
    page of ``content`` renders to exactly the source page's pixels. Each output page is
    loaded once for all (pdfium parses a page's whole content stream when it loads it, which
    costs about as much as reading its text); its pixels are rendered from that page as from
    a page loaded afresh, and compared with the source page's as before."""
    by_mcid: TextByMcid = {}
    by_glyph: GlyphTextByMcid = {}
    differing: list[int] = []
    too_large: list[tuple[int, PageTooLargeError]] = []
    original = pdfium.PdfDocument(str(source))
    tagged = pdfium.PdfDocument(content)
    try:
        count = len(original)
        same_count = len(tagged) == count
        for index in range(len(tagged)):
            page = tagged[index]
            try:
                for mcid, chars in loaded_page_text_by_mcid(page, index).items():
                    by_mcid[(index, mcid)] = chars
                if glyph_ids:
                    by_glyph.update(((index, mcid), text)
                                    for mcid, text in glyph_id_texts(page, glyph_ids).items())
                if same_count and page_pixels(page) != render_page(original, index):
                    differing.append(index + 1)
            except PageTooLargeError as e:
                # (A damaged page box: best effort, the rest of the document is checked;
                # the check fails, so staff look at what could not be compared.)
                too_large.append((index, e))
            finally:
                page.close()
    finally:
        tagged.close()
        original.close()
    if not same_count:
        return by_mcid, by_glyph, _check("pixels", False,
                                         f"{len(tagged)} pages instead of {count}")
    if differing or too_large:
        details = [f"pages rendering differently: {_short(differing)}"] if differing else []
        details.extend(
            f"page {index + 1} not compared: {e.width:.0f} x {e.height:.0f} pixels at 72 dpi, "
            f"more than the {MAX_RENDER_PIXELS:,} a page may be rendered in (a damaged page box?)"
            for index, e in too_large[:3]
        )
        if len(too_large) > 3:
            details.append(f"{len(too_large) - 3} more pages too large to compare")
        return by_mcid, by_glyph, _check("pixels", False, "; ".join(details))
    return by_mcid, by_glyph, _check("pixels", True,
                                     f"all {count} page(s) render identically to the source")


def render_page(
    document: pdfium.PdfDocument, index: int, boxes: Sequence[Clip] | None = None
) -> bytes:
    """Page ``index`` as raw pixels at :data:`PIXEL_SCALE` (``boxes``: :func:`pixels_in`)."""
    page = document[index]
    try:
        return pixels_in(page, boxes)
    finally:
        page.close()


def render_size(page: pdfium.PdfPage) -> tuple[float, float]:
    """The page's width and height in pixels at :data:`PIXEL_SCALE`, if it may be rendered
    (:class:`PageTooLargeError` if not)."""
    width, height = page.get_width() * PIXEL_SCALE, page.get_height() * PIXEL_SCALE
    if not width * height <= MAX_RENDER_PIXELS:
        # (A damaged /MediaBox of 1e9 points: its bitmap would take more memory than a
        # conversion may use. Not NaN either: a box pdfium reads as nothing renders.)
        raise PageTooLargeError(width, height)
    return width, height


#: A box of device pixels (left, top, right, bottom) of a page rendered at :data:`PIXEL_SCALE`.
Clip = tuple[int, int, int, int]


def page_pixels(page: pdfium.PdfPage, clip: Clip | None = None) -> bytes:
    """A loaded page as raw pixels at :data:`PIXEL_SCALE` (the same as a page loaded afresh
    renders: reading a page's text or objects leaves its drawing as it was).

    ``clip``: only what is drawn in that box is rendered, with the very transform of the
    whole page's render (so the pixels well inside the box are the whole render's): two pages
    that differ only inside the box, away from its edges, render alike clipped iff they do
    whole. The box is a clip when the page's size is whole pixels (pdfium's clipped render
    sizes the page in whole points); otherwise the render is cropped to the part of the page
    left of and above the box's far corner (a render cut off at the right and bottom keeps
    the whole render's transform)."""
    width, height = render_size(page)
    if math.ceil(width) < 1 or math.ceil(height) < 1:
        # A page with no area (a crop box away from its media box, a box of zero or negative
        # size) shows nothing, before and after alike; pdfium renders no such bitmap.
        return b""
    if clip is None:
        bitmap = page.render(scale=PIXEL_SCALE, bitmap_maker=_reused_bitmap)
    else:
        # The box kept to the page: drawing outside it is not seen (a glyph placed off the
        # page, or a crop box away from the media box), and pdfium refuses a crop past it.
        left, top = max(0, clip[0]), max(0, clip[1])
        right, bottom = min(math.ceil(width), clip[2]), min(math.ceil(height), clip[3])
        if right <= left or bottom <= top:
            return b""  # nothing of the box is on the page
        if _clips_exactly(page):
            bitmap = _reused_bitmap(int(width), int(height), pdfium_c.FPDFBitmap_BGR)
            try:
                # Only the box is drawn, filled and read (the rest holds an earlier render).
                bitmap.fill_rect((255, 255, 255, 255), left, top, right - left, bottom - top)
                box = pdfium_c.FS_RECTF(left, top, right, bottom)
                pdfium_c.FPDF_RenderPageBitmapWithMatrix(bitmap, page, None, ctypes.byref(box),
                                                         pdfium_c.FPDF_ANNOT)
                rows = memoryview(bitmap.buffer).cast("B")
                stride = bitmap.stride
                return b"".join(rows[y * stride + 3 * left:y * stride + 3 * right]
                                for y in range(top, bottom))
            finally:
                bitmap.close()
        # (render's crop is in points, scaled and rounded up: at most a pixel more cut.)
        bitmap = page.render(scale=PIXEL_SCALE, bitmap_maker=_reused_bitmap, crop=(
            0, max(0, math.ceil(height) - bottom) / PIXEL_SCALE,
            max(0, math.ceil(width) - right) / PIXEL_SCALE, 0))
    try:
        # The bitmap's own bytes (its buffer can be longer: reused, :func:`_reused_bitmap`).
        return bytes(memoryview(bitmap.buffer).cast("B")[:bitmap.stride * bitmap.height])
    finally:
        bitmap.close()


def pixels_in(page: pdfium.PdfPage, boxes: Sequence[Clip] | None) -> bytes:
    """A loaded page's pixels in each of ``boxes`` (None: the whole page), as
    :func:`page_pixels` renders a box: each box alone where the page is clipped exactly,
    else the box holding them all (a render cut off there renders all the page above and
    left of it: one render, not one per box)."""
    if boxes is None:
        return page_pixels(page)
    if len(boxes) > 1 and _clips_exactly(page):
        return b"".join(page_pixels(page, box) for box in boxes)
    return page_pixels(page, (min(box[0] for box in boxes), min(box[1] for box in boxes),
                              max(box[2] for box in boxes), max(box[3] for box in boxes)))


def _clips_exactly(page: pdfium.PdfPage) -> bool:
    """Whether :func:`page_pixels` renders a box of ``page`` alone (see there)."""
    width, height = render_size(page)
    return (PIXEL_SCALE == 1.0 and width == int(width) and height == int(height)
            and not page.formenv)


#: Bytes per pixel of the bitmap formats pdfium renders to.
_CHANNELS = {pdfium_c.FPDFBitmap_Gray: 1, pdfium_c.FPDFBitmap_BGR: 3,
             pdfium_c.FPDFBitmap_BGRx: 4, pdfium_c.FPDFBitmap_BGRA: 4}
#: A render buffer this large at most is kept for the next render (a page at 72 dpi takes
#: about 1.5 MB; a poster, tens).
MAX_KEPT_RENDER_BYTES = 64 << 20
#: Per thread (pdfium renders one page at a time in each), the buffer kept.
_RENDER_BUFFER = threading.local()


def _reused_bitmap(
    width: int, height: int, format: int, rev_byteorder: bool = False  # noqa: A002 - pypdfium2's name
) -> pdfium.PdfBitmap:
    """:meth:`pdfium.PdfBitmap.new_native`'s bitmap (packed rows, the same format), in a
    buffer kept from one render to the next instead of a new one each time: allocating and
    zeroing a page's megabytes cost about as much as drawing a page of text. Every caller
    fills the bitmap (or the box it reads) before drawing, so nothing of an earlier render
    is read: the pixels are those of a new bitmap."""
    size = width * _CHANNELS[format] * height
    buffer = getattr(_RENDER_BUFFER, "buffer", None)
    if buffer is None or len(buffer) < size:
        buffer = (ctypes.c_ubyte * size)()
        if size <= MAX_KEPT_RENDER_BYTES:
            _RENDER_BUFFER.buffer = buffer
    return pdfium.PdfBitmap.new_native(width, height, format, rev_byteorder, buffer=buffer)


def pdfium_copy(pdf: pikepdf.Pdf) -> pdfium.PdfDocument:
    """``pdf`` as it stands (unsaved), saved and read by pdfium (the caller closes it)."""
    buffer = io.BytesIO()
    # Only for reading here: not compressing the streams saves most of the writing time,
    # and the XMP packet is not parsed and written again for its pdf:PDFVersion (pikepdf's
    # metadata fix, which pdfium does not read).
    pdf.save(buffer, encryption=False, compress_streams=False, fix_metadata_version=False)
    return pdfium.PdfDocument(buffer.getvalue())


def pages_drawn_differently(
    pdf: pikepdf.Pdf, source: pdfium.PdfDocument, pages: list[int], *, text: bool = False,
    source_pixels: Callable[[int, Sequence[Clip] | None], bytes] | None = None,
    clips: Mapping[int, Sequence[Clip] | None] | None = None,
    saved: pdfium.PdfDocument | None = None,
    read_also: Callable[[int, pdfium.PdfPage], None] | None = None,
) -> list[int]:
    """Which of ``pages`` pdfium renders differently in ``pdf`` as it stands (unsaved) than in
    ``source`` — or, with ``text``, also reads different text from: how a repair or a split
    made while tagging is proved to leave the page as it was. ``source_pixels``: each source
    page's pixels, where the caller has the page loaded already (:func:`render_page` of
    ``source`` otherwise). ``clips``: pages that can differ only inside some boxes of pixels
    (see :func:`pixels_in`), rendered only there (away from its edges, a box's pixels are
    the whole render's). ``saved``: :func:`pdfium_copy` of ``pdf`` as it stands, where
    the caller made it (and closes it: it reads more from it). ``read_also``: called with
    each page of that copy, loaded for its render, where the caller reads more from it then
    (a load costs about as much as a render). A page too large to render
    (:class:`PageTooLargeError`) counts as drawn differently: nothing proves it is not."""
    if not pages:
        return []
    changed = saved if saved is not None else pdfium_copy(pdf)
    before = source_pixels or functools.partial(render_page, source)
    clip_of = (clips or {}).get

    def drawn_differently(index: int) -> bool:
        clip = clip_of(index)
        if not text:
            if read_also is None:
                return before(index, clip) != render_page(changed, index, clip)
            expected = before(index, clip)
            with _loaded(changed, index) as page:
                pixels = pixels_in(page, clip)
                read_also(index, page)
            return expected != pixels
        # Pixels and text read from one load of each page (a load costs about as much as a
        # render), the text only where the pixels agree.
        with _loaded(changed, index) as page:
            pixels = pixels_in(page, clip)
            if source_pixels is not None:
                return (source_pixels(index, clip) != pixels
                        or page_text(source, index) != loaded_page_text(page))
            with _loaded(source, index) as original:
                return (pixels_in(original, clip) != pixels
                        or loaded_page_text(original) != loaded_page_text(page))

    def unproved(index: int) -> bool:
        try:
            return drawn_differently(index)
        except PageTooLargeError:
            return True  # (a damaged page box: a change to it cannot be proved, so is undone)

    try:
        return [index for index in pages if unproved(index)]
    finally:
        if saved is None:
            changed.close()


@contextmanager
def _loaded(document: pdfium.PdfDocument, index: int) -> Iterator[pdfium.PdfPage]:
    page = document[index]
    try:
        yield page
    finally:
        page.close()


def page_text(document: pdfium.PdfDocument, index: int) -> str:
    """All the text pdfium reads on one page of an open document."""
    page = document[index]
    try:
        return loaded_page_text(page)
    finally:
        page.close()


def loaded_page_text(page: pdfium.PdfPage) -> str:
    """All the text pdfium reads on a loaded page."""
    textpage = page.get_textpage()
    try:
        return str(textpage.get_text_range())
    finally:
        textpage.close()


def drawn_page(document: pdfium.PdfDocument, index: int) -> tuple[bytes, str]:
    """Page ``index``'s pixels (:func:`render_page`) and text (:func:`page_text`), from one
    load of the page (pdfium parses the whole content stream on loading a page: a probe
    page's load costs about as much as its render)."""
    page = document[index]
    try:
        return page_pixels(page), loaded_page_text(page)
    finally:
        page.close()


def _short(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
