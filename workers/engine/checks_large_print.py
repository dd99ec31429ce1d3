"""Measures of a large print PDF, read back from its bytes with pdfium (not WeasyPrint).

Used by the pipeline's report (:func:`workers.engine.checks.check_large_print`), the tests and
``bench/large_print.py``:

* :func:`read_back` — one pass over every character: the size it prints at, its font's name
  and italic flag, any slant in its matrix, word gaps per line (for justification), and the
  words of each page;
* :func:`word_recall` — how much of a Document's body text is in the output, in order.

>>> facts = read_back(pdf_bytes)  # doctest: +SKIP
>>> facts.glyphs, facts.too_small(18), facts.italic_fonts, facts.justified_lines  # doctest: +SKIP
(48211, 0, [], 0)
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .captions import without_caption_paragraphs
from .document import Document, block_text

#: Font sizes are rounded by renderers and matrices; half a point below the target still
#: prints as the chosen size.
FONT_SIZE_TOLERANCE = 0.5
#: PDF font descriptor flag: the font is italic (ISO 32000-1, 9.8.2, bit 7).
_ITALIC_FLAG = 1 << 6
#: PDF font descriptor flag: all glyphs have the same width (bit 1).
_FIXED_PITCH_FLAG = 1
#: How near a whole number of spaces a gap in fixed-pitch text must be to be read as that
#: many spaces (a code listing's aligned columns), not one space stretched.
_WHOLE_SPACES_TOLERANCE = 0.05
#: Horizontal shear of a character's matrix beyond which the text is slanted (synthetic
#: oblique is about 0.2-0.33).
_MAX_SHEAR = 0.08
#: A word gap this many times the width of the space glyph means the line was stretched.
_JUSTIFIED_GAP_RATIO = 1.3
#: Lines with fewer real word gaps than this are not judged (too little evidence).
_MIN_GAPS = 3

# Chinese, Japanese and Korean are written without spaces: each character counts as a word
# (a line may break between any two of them).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
_PDFIUM_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})


@dataclass
class ReadBack:
    """What a large print PDF turned out to contain, character by character."""

    pages: int = 0
    #: Visible characters (not spaces, not pdfium's inferred ones).
    glyphs: int = 0
    #: Every visible character's size in points, rounded to 0.1 pt -> count.
    sizes: dict[float, int] = field(default_factory=dict)
    #: Fonts whose name or flags say italic or oblique.
    italic_fonts: list[str] = field(default_factory=list)
    #: Characters drawn with a slanted matrix (synthetic oblique).
    slanted_glyphs: int = 0
    #: Lines whose word gaps were stretched beyond the space width (justified text).
    justified_lines: int = 0
    #: Lines with enough word gaps to judge.
    judged_lines: int = 0
    #: Normalised words of the whole output, in order.
    words: list[str] = field(default_factory=list)
    #: Indexes in :attr:`words` of the last word of each printed line.
    line_ends: set[int] = field(default_factory=set)
    #: The text of each page as pdfium extracts it.
    page_texts: list[str] = field(default_factory=list)

    @property
    def smallest(self) -> float | None:
        return min(self.sizes) if self.sizes else None

    def too_small(self, size: float) -> int:
        """How many glyphs print smaller than ``size`` (less the tolerance)."""
        return sum(n for s, n in self.sizes.items() if s < size - FONT_SIZE_TOLERANCE)


def read_back(content: bytes) -> ReadBack:
    """Read every character of the PDF ``content`` with pdfium (see :class:`ReadBack`)."""
    facts = ReadBack()
    italic: set[str] = set()
    pdf = pdfium.PdfDocument(content)
    try:
        facts.pages = len(pdf)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                _read_page(textpage, facts, italic)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    facts.italic_fonts = sorted(italic)
    for text in facts.page_texts:
        for line in text.split("\n"):
            facts.words.extend(words(line))
            if facts.words:
                facts.line_ends.add(len(facts.words) - 1)
    return facts


def _read_page(textpage: pdfium.PdfTextPage, facts: ReadBack, italic: set[str]) -> None:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    # pdfium marks a hyphen it takes for a line-end hyphen as U+FFFE (U+0002 in older builds).
    facts.page_texts.append(text.translate(_PDFIUM_HYPHENS))
    matrix = pdfium_c.FS_MATRIX()
    name_buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int(0)
    box = pdfium_c.FS_RECTF()
    # The current line: each word gap in spaces (and whether its text is fixed-pitch), and
    # the previous char's right edge.
    gaps: list[tuple[float, bool]] = []
    previous_right: float | None = None
    pending_space: float | None = None
    line_y: float | None = None
    fonts_seen: dict[bytes, bool] = {}

    def close_line() -> None:
        nonlocal gaps
        if len(gaps) >= _MIN_GAPS:
            facts.judged_lines += 1
            if line_stretched(gaps):
                facts.justified_lines += 1
        gaps = []

    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        char = chr(code) if code < 0x110000 else "\ufffd"
        generated = pdfium_c.FPDFText_IsGenerated(textpage, i) == 1
        if generated or char in "\r\n":
            if char in "\r\n":
                close_line()
                previous_right = pending_space = None
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box)):
            continue
        y = (box.top + box.bottom) / 2
        if line_y is not None and abs(y - line_y) > (box.top - box.bottom):
            close_line()
            previous_right = pending_space = None
        line_y = y
        if char.isspace():
            if previous_right is not None:
                pending_space = box.right - box.left
                previous_right = min(previous_right, box.left)
            continue
        length = pdfium_c.FPDFText_GetFontInfo(textpage, i, name_buffer, 256, ctypes.byref(flags))
        if pending_space is not None and previous_right is not None and pending_space > 0:
            ratio = (box.left - previous_right) / pending_space
            gaps.append((ratio, bool(flags.value & _FIXED_PITCH_FLAG)))
        pending_space = None
        previous_right = box.right

        facts.glyphs += 1
        if pdfium_c.FPDFText_GetMatrix(textpage, i, ctypes.byref(matrix)):
            # GetFontSize is in text space; the vertical scale of the character's matrix
            # (text matrix x CTM) turns it into points on the page.
            scale = math.hypot(matrix.c, matrix.d)
            size = round(pdfium_c.FPDFText_GetFontSize(textpage, i) * scale, 1)
            facts.sizes[size] = facts.sizes.get(size, 0) + 1
            upright = abs(matrix.b) < 1e-6 * max(abs(matrix.a), 1e-9)
            if upright and abs(matrix.d) > 0 and abs(matrix.c / matrix.d) > _MAX_SHEAR:
                facts.slanted_glyphs += 1
        name = name_buffer.raw[: max(0, length - 1)]
        if name not in fonts_seen:
            decoded = name.decode("latin-1")
            slanted = bool(flags.value & _ITALIC_FLAG) or any(
                word in decoded.lower() for word in ("italic", "oblique", "slant")
            )
            fonts_seen[name] = slanted
            if slanted:
                italic.add(decoded.split("+", 1)[-1] or "unnamed font")
    close_line()


def line_stretched(gaps: list[tuple[float, bool]]) -> bool:
    """Whether a line's word gaps (in spaces; each flagged when its text is fixed-pitch) were
    stretched: justified text widens every gap of its line alike.

    A gap in fixed-pitch text that is a whole number of spaces is that many spaces (see
    :func:`_spaces_gap`). So is one in a line that keeps a single space unstretched while its
    other gaps are whole numbers of spaces: a code line whose characters fell back to a face
    not flagged fixed-pitch (a CJK monospace, half and full width), its columns aligned.

    >>> line_stretched([(1.6, False), (1.6, False), (1.6, False)])
    True
    >>> line_stretched([(1.0, False), (2.0, False), (2.0, False)])
    False
    """
    single = any(abs(ratio - 1) <= _WHOLE_SPACES_TOLERANCE for ratio, _ in gaps)
    whole = single and all(
        abs(ratio - round(ratio)) <= _WHOLE_SPACES_TOLERANCE for ratio, _ in gaps
    )
    spaces = [_spaces_gap(ratio) if fixed or whole else ratio for ratio, fixed in gaps]
    return statistics.median(spaces) > _JUSTIFIED_GAP_RATIO


def _spaces_gap(ratio: float) -> float:
    """A gap in fixed-pitch text, per space: a code line's run of spaces (its columns kept
    aligned; the PDF draws one space glyph and moves on) is a whole number of space widths,
    each unstretched; a stretched gap is not a whole number of them."""
    spaces = round(ratio)
    if spaces >= 2 and abs(ratio - spaces) <= _WHOLE_SPACES_TOLERANCE:
        return ratio / spaces
    return ratio


# --- words ---------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Normalised words: NFKC, case-folded, letters and digits only (punctuation dropped);
    each Chinese, Japanese or Korean character is a word of its own.

    >>> words("Hello, World 2026 日本")
    ['hello', 'world', '2026', '日', '本']
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def document_words(document: Document) -> list[str]:
    """The words of the Document's body text (artifacts left out), in reading order."""
    # A caption's paragraph is said once, with its figure (see .captions).
    return [
        w for block in without_caption_paragraphs(document.blocks)
        for w in words(block_text(block))
    ]


@dataclass(frozen=True)
class Recall:
    found: int
    total: int
    #: Up to 20 words of the truth that were not found in order, for the report.
    missing: tuple[str, ...] = ()

    @property
    def value(self) -> float:
        return self.found / self.total if self.total else 1.0


def word_recall(
    truth: Iterable[str], output: list[str], line_ends: set[int] | None = None
) -> Recall:
    """The share of ``truth`` words found in ``output`` in the same order.

    Exactly: the length of the longest common subsequence of the two word lists over the
    number of truth words — words the output adds (page numbers, "Original page" markers,
    table labels) cost nothing, words it drops or moves out of order do. Computed with the
    bit-parallel LCS algorithm (Hyyrö 2004) on Python integers: one pass over the output, a few
    big-integer operations per word. Words split by a line break (``overflow-wrap`` breaking a
    URL) are joined back first: consecutive output words whose concatenation is a truth word
    missing from the output; and, given ``line_ends`` (indexes of the output words that end a
    printed line, :attr:`ReadBack.line_ends`), pieces parted by a line end whose
    concatenation is any truth word and one of which is no truth word (a code identifier
    broken where the line was full, "tokens / tream", its word said whole elsewhere).

    >>> word_recall(["a", "b", "long", "c"], ["page", "a", "b", "lo", "ng", "c"]).value
    1.0
    >>> word_recall(["a", "b", "c", "d"], ["a", "c", "b", "d"]).value
    0.75
    >>> word_recall(["long", "x", "long"], ["long", "x", "lo", "ng"], line_ends={2}).value
    1.0
    >>> word_recall(["1500", "15"], ["1500", "15", "0", "0"], line_ends={1, 2}).value
    1.0
    """
    truth = list(truth)
    output = _join_split_words(truth, output, line_ends or set())
    n = len(truth)
    if n == 0:
        return Recall(0, 0)
    # masks[word]: bit i set where truth[i] == word.
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(truth):
        positions.setdefault(word, []).append(i)
    masks: dict[str, int] = {}
    full = (1 << n) - 1
    v = full
    for word in output:
        mask = masks.get(word)
        if mask is None:
            if word not in positions:
                continue
            bits = bytearray((n + 7) // 8)
            for i in positions[word]:
                bits[i >> 3] |= 1 << (i & 7)
            mask = masks[word] = int.from_bytes(bits, "little")
        u = v & mask
        v = ((v + u) | (v - u)) & full
    found = n - v.bit_count()
    present = set(output)
    missing = tuple(dict.fromkeys(w for w in truth if w not in present))[:20]
    return Recall(found, n, missing)


def _join_split_words(truth: list[str], output: list[str], line_ends: set[int]) -> list[str]:
    present = set(output)
    wanted = {w for w in truth if w not in present and len(w) > 3}
    known = set(truth)
    if not wanted and not line_ends:
        return output
    joined: list[str] = []
    j = 0
    while j < len(output):
        for length in (3, 2):
            pieces = output[j : j + length]
            whole = "".join(pieces)
            broken_at_line_ends = (
                len(pieces) == length
                and all(k in line_ends for k in range(j, j + length - 1))
                and whole in known
                and len(whole) > 3
                # (An identifier has letters: numbers each on a line of their own, a table's
                # cells, are no word broken.)
                and any(ch.isalpha() for ch in whole)
                and any(piece not in known for piece in pieces)
            )
            if whole in wanted or broken_at_line_ends:
                joined.append(whole)
                j += length
                break
        else:
            joined.append(output[j])
            j += 1
    return joined
