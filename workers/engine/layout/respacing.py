"""Text pdfium places wrongly: after a ``TJ`` array that holds an empty string.

pdfium sizes its list of an array's spacing numbers by counting the array's strings, empty
ones included, and fills it skipping the empty ones. The move after the last string it
draws is then taken from a slot left at zero: the number there is dropped. groff's gropdf
sets a word space that way at every font change and line end
(``[(the) -273.7 (subsection) -273.7 ()] TJ`` then ``(Special) Tj``), so whatever follows
on the line stands that much too far left, in pdfium's reading and in its rendering:
"subsectionSpecial", "sock et.", "www .gnu.org". The standard places it where poppler and
Acrobat do (ISO 32000-1, 9.4.3: each number moves the text position; an empty string draws
nothing and moves nothing).

So taking the empty strings out of the arrays changes nothing the page shows, by the
standard, and pdfium then places the text right. The readers read such a page's glyphs from
a copy of the document made so (:class:`Respacing`); its operators are the source's one for
one, so every operator reference the model keeps holds for the source. The tagger marks the
source's own content and proves its cuts on pdfium's rendering of the source as it is; it
reads the copy only to find which block each glyph of an operator it cuts belongs to, as the
model found them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from ..operator_names import operator_name
from .operators import joined_content

#: How far past an array's closing bracket its ``TJ`` may stand (white space between).
_TJ_REACH = 16


def _drops(array: bytes) -> bool:
    """:func:`drops_a_move` of a ``TJ`` array read from its bytes between the brackets."""
    items: list[bytes | float] = []
    at, size = 0, len(array)
    while at < size:
        char = array[at]
        if char == 0x28:  # "(": a literal string, its brackets balanced, escapes skipped
            depth, end = 1, at + 1
            while end < size and depth:
                if array[end] == 0x5C:
                    end += 2
                    continue
                depth += {0x28: 1, 0x29: -1}.get(array[end], 0)
                end += 1
            items.append(array[at + 1:end - 1])
            at = end
        elif char == 0x3C:  # "<": a hex string
            end = array.find(b">", at)
            end = size if end < 0 else end
            items.append(b"".join(array[at + 1:end].split()))
            at = end + 1
        elif (number := _NUMBER.match(array, at)) is not None:
            items.append(float(number.group()))
            at = number.end()
        else:
            at += 1
    return _moves_dropped(items)


def _moves_dropped(items: Sequence[bytes | float]) -> bool:
    """Whether pdfium drops a move of a ``TJ`` array (its strings' bytes and its numbers):
    it holds an empty string and a number other than zero after the last string that draws
    something (see the module)."""
    strings = [k for k, item in enumerate(items) if isinstance(item, bytes)]
    drawn = [k for k in strings if items[k]]
    if len(drawn) == len(strings):
        return False
    after = items[drawn[-1] + 1:] if drawn else items
    return sum(item for item in after if isinstance(item, float)) != 0


def _escaped(content: bytes, at: int) -> bool:
    """Whether the character at ``at`` is escaped (an odd number of backslashes before it)."""
    slashes = 0
    while at - slashes - 1 >= 0 and content[at - slashes - 1] == 0x5C:
        slashes += 1
    return slashes % 2 == 1


_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")


def may_misplace(content: bytes) -> bool:
    """Whether the page's content bytes may hold a ``TJ`` array with an empty string in it
    and a move after its last string that is not: a cheap test (bytes searched in C, each
    stretch a few times at most: every page of every document is tested), what it finds
    looked at again, parsed (:func:`respaced`). A string holding a bracket may hide such an
    array, which leaves the page as pdfium reads it."""
    at = 0
    empty_at = {b"()": -1, b"<>": -1}  # each kind's next place from ``at`` (-1: not sought)
    while True:
        for empty, place in empty_at.items():
            if place < at:
                place = content.find(empty, at)
                while empty == b"()" and place >= 0 and _escaped(content, place):
                    place = content.find(empty, place + 1)
                empty_at[empty] = len(content) if place < 0 else place
        start = min(empty_at.values())
        if start >= len(content):
            return False
        end = content.find(b"]", start)
        if end < 0:
            return False
        opening = content.rfind(b"[", at, end)
        if opening > start:
            at = opening  # (the empty string is in no array that ends there)
            continue
        if (opening >= 0 and content[end + 1:end + _TJ_REACH].lstrip().startswith(b"TJ")
                and _drops(content[opening + 1:end])):
            return True
        at = end + 1


def drops_a_move(array: pikepdf.Object) -> bool:
    """:func:`_moves_dropped` of a ``TJ`` operand as pikepdf parses it."""
    return _moves_dropped([bytes(item) if isinstance(item, pikepdf.String) else _number(item)
                           for item in array])


def _number(item: object) -> float:
    """A spacing number of a ``TJ`` array (pikepdf gives an int or a Decimal); 0 for
    anything else, which pdfium reads as 0 too."""
    try:
        return float(item)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def respaced(pdf: pikepdf.Pdf, pages: Iterable[int]) -> set[int]:
    """Take the empty strings out of the ``TJ`` arrays of those of ``pages`` of ``pdf``
    where pdfium would drop a move (in place); those pages. A page whose content cannot be
    parsed is left as it is (the layout reader reports the damage)."""
    changed: set[int] = set()
    for index in sorted(pages):
        page = pdf.pages[index]
        try:
            instructions = pikepdf.parse_content_stream(page)
        except Exception:  # noqa: BLE001 - damage is the layout reader's to report
            continue
        shown = [i for i in instructions
                 if isinstance(i, pikepdf.ContentStreamInstruction)
                 and operator_name(i.operator) == "TJ" and i.operands
                 and isinstance(i.operands[0], pikepdf.Array)]
        if not any(drops_a_move(i.operands[0]) for i in shown):
            continue
        shown_ids = set(map(id, shown))
        rewritten = []
        for instruction in instructions:
            if id(instruction) in shown_ids:
                kept = [item for item in instruction.operands[0]
                        if not (isinstance(item, pikepdf.String) and not len(bytes(item)))]
                instruction = pikepdf.ContentStreamInstruction(
                    [pikepdf.Array(kept)], instruction.operator)
            rewritten.append(instruction)
        page.obj[pikepdf.Name.Contents] = pdf.make_stream(
            pikepdf.unparse_content_stream(rewritten))
        changed.add(index)
    return changed


class Respacing:
    """Which pdfium document to read each page's glyphs from: ``source`` (pdfium's reading
    of the file at ``path``), or for a page it places text wrongly on, a copy respaced
    (:func:`respaced`), made the first time such a page is asked about. The copy is closed
    by :meth:`close`; the caller closes ``source``."""

    def __init__(self, path: Path, source: pdfium.PdfDocument, max_pages: int) -> None:
        self.path = path
        self.source = source
        self._count = min(len(source), max_pages)
        self._pdf: pikepdf.Pdf | None = None
        self._copy: pdfium.PdfDocument | None = None
        #: The pages read from the copy; None until some page has been looked at closely.
        self.pages: set[int] | None = None

    def document_for(self, index: int, content: bytes | None = None) -> pdfium.PdfDocument:
        """The document to read page ``index``'s glyphs from. ``content``: its content
        bytes, when the caller has read them (else they are read here, when needed)."""
        if self.pages is None:
            try:
                if content is None:
                    content = self._content(index)
                if content is None or not may_misplace(content):
                    return self.source
                self._find_pages()
            except (pikepdf.PdfError, OSError, ValueError):
                self.pages = set()  # (the file cannot be read again: pdfium's reading it is)
                self.close()
        if self.pages and index in self.pages and self._copy is not None:
            return self._copy
        return self.source

    def _content(self, index: int) -> bytes | None:
        joined = joined_content(self._opened().pages[index])
        return None if joined is None else joined[0]

    def _opened(self) -> pikepdf.Pdf:
        if self._pdf is None:
            self._pdf = pikepdf.open(self.path)
        return self._pdf

    def _find_pages(self) -> None:
        pdf = self._opened()
        # (A page whose content bytes cannot be read is parsed to be sure.)
        candidates = [
            index for index in range(min(self._count, len(pdf.pages)))
            if (joined := joined_content(pdf.pages[index])) is None or may_misplace(joined[0])
        ]
        found = self.pages = respaced(pdf, candidates)
        if found:
            try:
                buffer = io.BytesIO()
                pdf.save(buffer)
                self._copy = pdfium.PdfDocument(buffer.getvalue())
            except (pikepdf.PdfError, pdfium.PdfiumError, ValueError, OSError):
                self.pages = set()  # the copy cannot be made: pdfium's reading it is
        pdf.close()
        self._pdf = None

    def close(self) -> None:
        if self._copy is not None:
            self._copy.close()
            self._copy = None
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
