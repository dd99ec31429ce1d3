"""Which character codes each simple font actually shows, read from the content streams.

A font's /Widths may list codes no text ever shows (Word writes 0 for them); only the codes
shown are drawn, so only they must agree with an embedded program (veraPDF checks glyphs as
they are shown, 7.21.5-1). Pages, the Form XObjects they paint (nested) and annotation
appearances are read; the text font is part of the graphics state, so ``q``/``Q`` save and
restore it and a form starts with its caller's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

import pikepdf

from ..layout.operators import joined_content
from ..operator_names import operand_text, operator_name
from ..pdf_entries import entry_of
from .fonts import _appearance_streams
from .marked_content import first_name_at, indices_of

_scanner: ModuleType | None
try:
    # Where each instruction lies and what text-showing ones show, read in C
    # (_instruction_scan.c): parsing every operand into pikepdf objects cost most of the time.
    from . import _instruction_scan as _scanner
except ImportError:  # pragma: no cover - depends on the installation
    _scanner = None

#: Form XObjects inside Form XObjects followed at most.
MAX_FORM_DEPTH = 12
_SHOW_TEXT = frozenset({"Tj", "TJ", "'", '"'})
#: The operators read (parsing only these is several times faster than parsing them all).
_OPERATORS = "q Q Tf Tj TJ ' \" Do"
#: The operators that change which font is in use, or paint a form (which may show text).
_STATE = frozenset({"q", "Q", "Tf", "Do"})

Key = tuple[int, int]
#: An instruction's operands as pikepdf gives them (a list of its own, read in place).
Operands = Sequence[object] | pikepdf._core._ObjectList


class CodesUsed:
    """Codes shown per font (by object id). ``unreadable``: a content stream that could not
    be parsed — what it shows is unknown, so no font's usage is complete."""

    def __init__(self, fonts: set[Key]) -> None:
        self._fonts = fonts
        self._shown: dict[Key, bytearray] = {key: bytearray() for key in fonts}
        self.unreadable = False
        self._forms_seen: set[tuple[Key, Key | None]] = set()

    def codes(self, font: Key) -> set[int]:
        return set(self._shown[font])

    def shown_bytes(self, font: Key) -> bytes:
        """Every string the font shows, one after another (a Type 0 font's codes are read
        from it in twos)."""
        return bytes(self._shown[font])

    def read_page(self, page: pikepdf.Page) -> None:
        resources = page.obj.get("/Resources")
        self._read(page.obj, resources, None, 0)
        annots = entry_of(page.obj, "/Annots")
        if isinstance(annots, pikepdf.Array):
            for annot in annots:
                if isinstance(annot, pikepdf.Dictionary):
                    for stream in _appearance_streams(entry_of(annot, "/AP")):
                        self._read(stream, stream.get("/Resources", resources), None, 0)

    def _read(
        self, holder: pikepdf.Object, resources: object, font: Key | None, depth: int
    ) -> None:
        if depth > MAX_FORM_DEPTH:
            self.unreadable = True
            return
        steps = _scanned_steps(holder, resources, font, self._fonts)
        if steps is not None:
            for step in steps:
                if isinstance(step, _Shown):
                    self._shown[step.font] += step.data
                else:
                    self._form(resources, step.name, step.font, depth)
            return
        # The C scanner is not built, or left the stream to pikepdf.
        try:
            instructions = pikepdf.parse_content_stream(holder, _OPERATORS)
        except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
            self.unreadable = True
            return
        saved: list[Key | None] = []
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                continue
            op = operator_name(instruction.operator)
            if op == "q":
                saved.append(font)
            elif op == "Q":
                if saved:
                    font = saved.pop()
            elif op in _SHOW_TEXT:
                if font in self._fonts:
                    self._count(font, instruction.operands)
            else:  # Tf or Do (the operands are read only where they are used: each is built)
                operands = list(instruction.operands)
                if op == "Tf" and operands:
                    font = _font_key(resources, operands[0])
                elif op == "Do" and operands:
                    self._form(resources, operands[0], font, depth)

    def _count(self, font: Key, operands: Operands) -> None:
        # (Read in place: copying pikepdf's operands and arrays into lists costs as much
        # as the rest, on every text-showing instruction of the document.)
        shown = operands[-1] if operands else None  # " takes two numbers first
        items = shown if isinstance(shown, pikepdf.Array) else (shown,)
        codes = self._shown[font]
        for item in items:
            if isinstance(item, pikepdf.String):
                codes += bytes(item)

    def _form(self, resources: object, name: object, font: Key | None, depth: int) -> None:
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        form = (xobjects.get(operand_text(name)) if isinstance(xobjects, pikepdf.Dictionary)
                else None)
        if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != "/Form":
            return
        # A form shared by many pages is read once per font it starts with (a form may show
        # text in the font its caller set).
        if form.is_indirect:
            if (form.objgen, font) in self._forms_seen:
                return
            self._forms_seen.add((form.objgen, font))
        self._read(form, form.get("/Resources", resources), font, depth + 1)


def _font_key(resources: object, name: object) -> Key | None:
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    font = fonts.get(operand_text(name)) if isinstance(fonts, pikepdf.Dictionary) else None
    if isinstance(font, pikepdf.Dictionary) and font.is_indirect:
        return font.objgen
    return None


@dataclass(frozen=True)
class _Shown:
    """Bytes a run of text-showing instructions shows in ``font``."""

    font: Key
    data: bytes


@dataclass(frozen=True)
class _Painted:
    """A ``Do`` of the XObject ``name``, painted with ``font`` the font in use."""

    name: str
    font: Key | None


def _scanned_steps(
    holder: pikepdf.Object, resources: object, font: Key | None, fonts: set[Key]
) -> list[_Shown | _Painted] | None:
    """What :meth:`CodesUsed._read` reads of ``holder``'s content, in order, read by the C
    scanner: the bytes each run of text-showing instructions in one of ``fonts`` shows, and
    the ``Do``s (a form may show text too). Only the few instructions that change the font
    are looked at in Python. None where the scanner is not built, or leaves the stream to
    pikepdf (then so does the caller): nothing is read until every step is known."""
    if _scanner is None:
        return None
    content = _content_bytes(holder)
    if content is None:
        return None
    data, boundaries = content
    scanned = _scanner.scan(data, boundaries, frozenset())
    if scanned is None:
        return None
    names, starts, ends, _ = scanned
    steps: list[_Shown | _Painted] = []
    saved: list[Key | None] = []
    first = 0  # the first instruction since the font last changed
    for index in [*indices_of(names, _STATE), len(names)]:
        if font in fonts and first < index:
            assert font is not None
            shown = _scanner.shown(data, starts, ends, names, first, index)
            if shown is None:
                return None
            if shown:
                steps.append(_Shown(font, shown))
        first = index + 1
        if index == len(names):
            break
        op = names[index]
        if op == "q":
            saved.append(font)
        elif op == "Q":
            if saved:
                font = saved.pop()
        elif ends[index] - starts[index] > len(op):  # Tf or Do, with operands
            name = first_name_at(data, starts[index])
            if name is None:
                return None  # (pikepdf reads what such an operand names)
            if op == "Tf":
                font = _font_key(resources, name)
            else:
                steps.append(_Painted(name, font))
    return steps


def _content_bytes(holder: pikepdf.Object) -> tuple[bytes, list[int]] | None:
    """A page's content streams joined (:func:`..layout.operators.joined_content`), or a
    stream's content; None when they cannot be read."""
    if isinstance(holder, pikepdf.Stream):
        try:
            return holder.read_bytes(), []
        except Exception:  # noqa: BLE001 - whatever the damage, pikepdf's parser will say it
            return None
    return joined_content(pikepdf.Page(holder))

