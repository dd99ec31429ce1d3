"""The source's pages as pdfium reads them, each loaded once for the steps that read it.

Tagging a page reads its glyphs (:mod:`.split_text`, :mod:`.form_content`), and a page whose
text operators were cut is rendered once every page is tagged, to prove that it draws as
before (:func:`.checks.pages_drawn_differently`). pdfium parses a page's whole content stream
when it loads the page, which costs about as much as rendering it, and loading it again for
the proof gives the same page: so a page read for its glyphs stays loaded until it is proven,
or until the tagger says it need not be (:meth:`SourcePages.release`). Its glyphs are read
once too, kept with the page: the list labels (:mod:`.stand_in_labels`) and the splitting of
text operators (:mod:`.split_text`) read the same pages.

Memory stays bounded: at most :data:`MAX_KEPT_PAGES` pages are kept; beyond, the page loaded
first is closed (loaded again if it is asked for). Which pages are kept depends only on the
order they are asked for, so the work done is the same from run to run.

>>> with SourcePages(pdfium.PdfDocument("report.pdf")) as pages:  # doctest: +SKIP
...     glyphs = pages.content(0).glyphs
...     pixels = pages.pixels(0)  # the page loaded above, rendered
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TypeAlias

import pypdfium2 as pdfium

from ..layout.glyphs import PageContent, read_loaded_page, read_page
from ..layout.respacing import Respacing
from .checks import Clip, pixels_in

#: Source pages kept loaded at most (a loaded page holds its parsed content: a dense page
#: can take a few megabytes).
MAX_KEPT_PAGES = 32


class SourcePages:
    """The pages of ``document`` (the source, as pdfium reads it) loaded so far, and kept."""

    def __init__(self, document: pdfium.PdfDocument, limit: int = MAX_KEPT_PAGES,
                 respacing: Respacing | None = None) -> None:
        """``respacing``: where to read the glyphs of a page pdfium would misplace text on
        (:mod:`..layout.respacing`), as the layout reader read them; the page is still
        rendered from ``document``."""
        self.document = document
        self.respacing = respacing
        self._limit = limit
        #: page index -> the loaded page, in the order they were loaded.
        self._kept: dict[int, pdfium.PdfPage] = {}
        #: page index -> its glyphs (:meth:`content`), read from the kept page; dropped with it.
        self._contents: dict[int, PageContent] = {}

    def page(self, index: int) -> pdfium.PdfPage:
        """Page ``index`` loaded (kept: the caller does not close it)."""
        page = self._kept.get(index)
        if page is None:
            if len(self._kept) >= self._limit:
                first = next(iter(self._kept))
                self._kept.pop(first).close()
                self._contents.pop(first, None)
            page = self._kept[index] = self.document[index]
        return page

    @property
    def loaded(self) -> list[int]:
        """The pages kept loaded, in the order they were loaded."""
        return list(self._kept)

    def content(self, index: int) -> PageContent:
        """:func:`..layout.glyphs.read_page` of page ``index``, read from the kept page once
        (the same object while the page is kept: the caller only reads it)."""
        content = self._contents.get(index)
        if content is None:
            reading = self.respacing.document_for(index) if self.respacing else self.document
            if reading is not self.document:
                content = read_page(reading, index)
                # (The source's page loaded too: glyphs are kept while their page is, which
                # bounds what is kept, and the page is rendered from the source.)
                self.page(index)
            else:
                content = read_loaded_page(self.page(index), index)
            self._contents[index] = content
        return content

    def pixels(self, index: int, boxes: Sequence[Clip] | None = None) -> bytes:
        """Page ``index`` rendered as :func:`.checks.render_page` renders it."""
        return pixels_in(self.page(index), boxes)

    def release(self, index: int) -> None:
        """Page ``index`` is not asked for again (or seldom): closed if it is kept."""
        page = self._kept.pop(index, None)
        self._contents.pop(index, None)
        if page is not None:
            page.close()

    def close(self) -> None:
        if self.respacing is not None:
            self.respacing.close()
        for page in self._kept.values():
            page.close()
        self._kept.clear()
        self._contents.clear()

    def __enter__(self) -> SourcePages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Where a step reads the source's pages from: the document (each page loaded and closed
#: again) or the tagger's kept pages.
PageSource: TypeAlias = pdfium.PdfDocument | SourcePages


def page_content(source: PageSource, index: int) -> PageContent:
    """:func:`..layout.glyphs.read_page` of page ``index`` of ``source``."""
    if isinstance(source, SourcePages):
        return source.content(index)
    return read_page(source, index)


@contextmanager
def loaded_page(source: PageSource, index: int) -> Iterator[pdfium.PdfPage]:
    """Page ``index`` of ``source`` loaded meanwhile (closed after, unless ``source`` keeps
    it)."""
    if isinstance(source, SourcePages):
        yield source.page(index)
        return
    page = source[index]
    try:
        yield page
    finally:
        page.close()
