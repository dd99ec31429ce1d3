"""Which character codes each simple font actually shows, read from the content streams.

A font's /Widths may list codes no text ever shows (Word writes 0 for them); only the codes
shown are drawn, so only they must agree with an embedded program (veraPDF checks glyphs as
they are shown, 7.21.5-1). Pages, the Form XObjects they paint (nested) and annotation
appearances are read; the text font is part of the graphics state, so ``q``/``Q`` save and
restore it and a form starts with its caller's.
"""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf

from .fonts import _appearance_streams

#: Form XObjects inside Form XObjects followed at most.
MAX_FORM_DEPTH = 12
_SHOW_TEXT = frozenset({"Tj", "TJ", "'", '"'})
#: The operators read (parsing only these is several times faster than parsing them all).
_OPERATORS = "q Q Tf Tj TJ ' \" Do"

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
        annots = page.obj.get("/Annots")
        if isinstance(annots, pikepdf.Array):
            for annot in annots:
                if isinstance(annot, pikepdf.Dictionary):
                    for stream in _appearance_streams(annot.get("/AP")):
                        self._read(stream, stream.get("/Resources", resources), None, 0)

    def _read(
        self, holder: pikepdf.Object, resources: object, font: Key | None, depth: int
    ) -> None:
        if depth > MAX_FORM_DEPTH:
            self.unreadable = True
            return
        try:
            instructions = pikepdf.parse_content_stream(holder, _OPERATORS)
        except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
            self.unreadable = True
            return
        saved: list[Key | None] = []
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                continue
            op = str(instruction.operator)
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
        form = xobjects.get(str(name)) if isinstance(xobjects, pikepdf.Dictionary) else None
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
    font = fonts.get(str(name)) if isinstance(fonts, pikepdf.Dictionary) else None
    if isinstance(font, pikepdf.Dictionary) and font.is_indirect:
        return font.objgen
    return None
