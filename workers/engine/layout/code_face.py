"""Lines set in the document's typewriter face at its own size, which sets nothing apart.

A typewriter face may measure larger than the running text's at one point size (DejaVu
Sans Mono's box is taller than Liberation Serif's), or a style sheet may set code a size
up: then every line of code in the document is "larger than the body" without being
emphasised. A function's signature broken into lines ("xmlAttrPtr", then
"xsltAttrListTemplateProcess", then its arguments) or a definition list's terms set in
code ("celery[auth]" over "for using the auth security serializer.") are pieces of code
or terms, not headings, though a heading is what a short line set larger would be.

The code's own face is told by the document's fixed-pitch text as a whole: the size most
of its characters are set in (a listing's lines, inline code), and whether most of them
are bold. A line wholly in a fixed-pitch face in that size is read as set in the text's
size: in the code's weight it is set apart by nothing; in bold where the code is not, it
is a bold line of the text's size, which a heading or a definition list's term may be
(see :mod:`.definition_terms`).

Code set inline in the running text shows the same: a paragraph's last line holding only
a name in code ("pip/_vendor/__init__.py.", "ffi_prep_cif.") measures larger than the
lines above it, and is set apart from them as a block of its own. Its letters are all in
the font the running text sets its code in, in the size they have there: a line of the
paragraph, not a heading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

from .blocks import Block, PageResult
from .lines import CODE_LETTERS, FIXED_PITCH_SPREAD, large_code_fonts, quick_median
from .spread import spread_below

_font_of = attrgetter("font")

#: A line's size is the code's when it is within this share of it.
SAME_SIZE = 0.03

#: The size a font's code is set inline in is told from this many paragraphs at most
#: (the first that hold it).
INLINE_SAMPLE = 20

#: The code's face is told from this many of its characters at least.
CODE_CHARACTERS = 200


@dataclass(frozen=True)
class CodeFace:
    """The size most of a document's fixed-pitch characters are set in, and whether most
    of them are bold."""

    size: float
    bold: bool

    def sets(self, block: Block) -> bool:
        """The block is a text block wholly in a fixed-pitch face, in the code's size."""
        frags = block.frags
        return (
            block.kind == "text" and bool(frags)
            and abs(block.size - self.size) <= SAME_SIZE * self.size
            and all(f.fixed_pitch is not False for f in frags)
            and any(f.fixed_pitch for f in frags)
        )

    def emphasised(self, block: Block) -> bool:
        """The block, set in the code's face, is bold where the code is not."""
        return block.bold and not self.bold


def code_face(results: list[PageResult], body_size: float) -> CodeFace | None:
    """The document's code face when its size is a heading's (1.15 times the body's or
    more) and some line is set wholly in it; None otherwise (most documents: their code is
    set in the text's size, or they have none)."""
    large = 1.15 * body_size
    texts = [b for r in results for b in r.blocks if b.kind == "text"]
    # (Most documents have no line in a fixed-pitch face larger than the body's: told first
    # from the few blocks set larger, before every fragment's pitch is asked.)
    if not any(
        b.size >= large and all(f.fixed_pitch is not False for f in b.frags)
        and any(f.fixed_pitch for f in b.frags)
        for b in texts
    ):
        return None
    sizes: Counter[float] = Counter()
    bold = plain = 0
    for block in texts:
        for f in block.frags:
            if f.fixed_pitch:
                count = len(f.text)
                sizes[round(f.size * 2) / 2] += count
                if f.bold:
                    bold += count
                else:
                    plain += count
    if sizes.total() < CODE_CHARACTERS:
        return None
    rounded = sizes.most_common(1)[0][0]
    # (The exact size: the commonest of the fragments' sizes in that half point.)
    exact: Counter[float] = Counter(
        f.size for b in texts for f in b.frags
        if f.fixed_pitch and round(f.size * 2) / 2 == rounded
    )
    size = exact.most_common(1)[0][0]
    if size < large:
        return None
    return CodeFace(size, bold > plain)


def code_lines(results: list[PageResult], face: CodeFace | None) -> set[int]:
    """The ids of the text blocks set in the code's face and weight (see the module's
    docstring): set apart by nothing, no headings."""
    if face is None:
        return set()
    return {
        id(b) for r in results for b in r.blocks
        if face.sets(b) and not face.emphasised(b)
    }


def inline_code_lines(
    results: list[PageResult], body_size: float, candidate: Callable[[Block], bool]
) -> set[int]:
    """The ids of the blocks a heading's size would make headings (``candidate``) whose
    letters are all in one fixed-pitch font the running text sets its code in, in the size
    they have there (see the module's docstring)."""
    large = 1.15 * body_size
    texts = [b for r in results for b in r.blocks if b.kind == "text"]
    # (Told first from the few lines set larger, each wholly in one fixed-pitch font: the
    # running text is searched for its code only where there is one.)
    lines: list[tuple[Block, str, float]] = []
    for block in texts:
        if block.size < large:
            continue
        letters = [g for f in block.frags for g in f.glyphs if g.char.isalpha()]
        fonts = {g.font for g in letters}
        if len(letters) < CODE_LETTERS or len(fonts) != 1:
            continue
        widths = [g.x1 - g.x0 for g in letters]
        if min(widths) > 0 and spread_below(widths, FIXED_PITCH_SPREAD) and candidate(block):
            lines.append((block, fonts.pop(), quick_median([g.size for g in letters])))
    if not lines:
        return set()
    wanted = {font for _, font, _ in lines}
    inline: dict[str, list[float]] = {}
    seen: Counter[str] = Counter()  # the paragraphs each font is found inline in
    for block in texts:
        if not wanted:
            break
        if block.size >= large:
            continue
        # (Told at C speed first: most paragraphs hold none of the lines' fonts.)
        if wanted.isdisjoint(map(_font_of, chain.from_iterable(f.glyphs for f in block.frags))):
            continue
        glyphs = [g for f in block.frags for g in f.glyphs]
        for font in large_code_fonts(glyphs) & wanted:
            inline.setdefault(font, []).extend(g.size for g in glyphs if g.font == font)
            seen[font] += 1
            if seen[font] >= INLINE_SAMPLE:
                wanted.discard(font)
    sizes = {font: quick_median(found) for font, found in inline.items()}
    return {
        id(block) for block, font, size in lines
        if font in sizes and abs(size - sizes[font]) <= SAME_SIZE * sizes[font]
    }
