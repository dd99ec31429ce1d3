"""Checks of the outputs written from the Document by pandoc: DOCX, EPUB 3 and plain text.

Each reads the output back with other code than the one that wrote it: python-docx for DOCX,
the standard library's zip and XML parsers for EPUB, plain decoding for text. The report
shape is :func:`workers.engine.checks.make_report`'s.

>>> check_epub(content, document)["passed"]  # doctest: +SKIP
True
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import docx

from .checks import Check, Report, make_report, words_check
from .document import Document, Heading

_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XHTML = "{http://www.w3.org/1999/xhtml}"
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_HEADING_STYLE = re.compile(r"^Heading ([1-9])$")


def _check(check_id: str, passed: bool, detail: str) -> Check:
    return {"id": check_id, "passed": passed, "detail": detail}


# --- plain text ------------------------------------------------------------------------------


def check_text(content: bytes, document: Document) -> Report:
    """UTF-8, not empty, and the Document's words in order."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        return make_report([_check("utf-8", False, str(e))])
    return make_report(
        [
            _check("utf-8", True, "decodes as UTF-8"),
            _check("not-empty", bool(text.strip()), f"{len(text.split())} word(s)"),
            words_check(text, document),
        ]
    )


# --- DOCX ------------------------------------------------------------------------------------


def check_docx(content: bytes, document: Document) -> Report:
    """Opens with python-docx, has a title, and every heading of the Document is a Word
    heading ("Heading N" style), in order, with no skipped level.

    The first heading may instead be the document's Title paragraph when it repeats the title.
    """
    try:
        word = docx.Document(io.BytesIO(content))
    except Exception as e:  # python-docx raises several kinds on a damaged package
        return make_report([_check("opens", False, f"{type(e).__name__}: {e}")])
    title = (word.core_properties.title or "").strip()
    found: list[tuple[int, str]] = []
    title_paragraphs: list[str] = []
    for paragraph in word.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name == "Title":
            title_paragraphs.append(_squash(paragraph.text))
        elif match := _HEADING_STYLE.match(name or ""):
            found.append((int(match.group(1)), _squash(paragraph.text)))
    expected = [_squash(b.text) for b in document.walk() if isinstance(b, Heading)]
    expected = [text for text in expected if text]
    texts = [text for _, text in found]
    same = texts == expected or (
        bool(expected) and texts == expected[1:] and expected[0] in title_paragraphs
    )
    skipped = _skipped_levels([level for level, _ in found])
    return make_report(
        [
            _check("opens", True, "python-docx reads it"),
            _check("title", bool(title), title or "no title in the core properties"),
            _check(
                "heading-styles",
                same,
                f"{len(found)} Word heading(s) for {len(expected)} heading(s) of the document",
            ),
            _check("heading-order", not skipped, f"{skipped} skipped heading level(s)"),
        ]
    )


def _skipped_levels(levels: list[int]) -> int:
    skipped = 0
    previous = 0
    for level in levels:
        if level > previous + 1:
            skipped += 1
        previous = level
    return skipped


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- EPUB ------------------------------------------------------------------------------------


def check_epub(content: bytes, document: Document) -> Report:
    """An EPUB 3 that opens (zip, mimetype, container, package), declares its language and
    title, has a navigation document with a table of contents, and holds the Document's words.
    """
    try:
        book = _Epub(content)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError) as e:
        return make_report([_check("opens", False, f"{type(e).__name__}: {e}")])
    checks = [
        _check("opens", True, f"EPUB {book.version}, {len(book.spine)} content document(s)"),
        _check("epub3", book.version.startswith("3"), f"package version {book.version}"),
        _check("lang", bool(book.language), book.language or "no dc:language"),
        _check("title", bool(book.title), book.title or "no dc:title"),
    ]
    try:
        has_toc = book.nav_has_toc()
        text = book.text()
    except (KeyError, ElementTree.ParseError) as e:
        checks.append(_check("nav", False, f"{type(e).__name__}: {e}"))
        return make_report(checks)
    checks.append(
        _check("nav", has_toc, "navigation document with a toc" if has_toc else "no toc nav")
    )
    checks.append(words_check(text, document))
    return make_report(checks)


class _Epub:
    def __init__(self, content: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(content))
        first = self.zip.infolist()[0]
        if first.filename != "mimetype" or self.zip.read(first) != b"application/epub+zip":
            raise ValueError("the first entry is not the EPUB mimetype")
        container = ElementTree.fromstring(self.zip.read("META-INF/container.xml"))
        rootfile = next(e for e in container.iter() if e.tag.endswith("rootfile"))
        self.opf_path = rootfile.attrib["full-path"]
        self.base = self.opf_path.rsplit("/", 1)[0] + "/" if "/" in self.opf_path else ""
        package = ElementTree.fromstring(self.zip.read(self.opf_path))
        self.version = package.attrib.get("version", "")
        self.language = _first_text(package, f"{_OPF}metadata/{_DC}language")
        self.title = _first_text(package, f"{_OPF}metadata/{_DC}title")
        self.items = {
            item.attrib["id"]: item for item in package.iterfind(f"{_OPF}manifest/{_OPF}item")
        }
        self.spine = [
            self.items[ref.attrib["idref"]].attrib["href"]
            for ref in package.iterfind(f"{_OPF}spine/{_OPF}itemref")
        ]

    def nav_has_toc(self) -> bool:
        navs = [
            item.attrib["href"]
            for item in self.items.values()
            if "nav" in item.attrib.get("properties", "").split()
        ]
        for href in navs:
            tree = ElementTree.fromstring(self.zip.read(self.base + href))
            for nav in tree.iter(f"{_XHTML}nav"):
                # An Element without children is falsy: test for presence explicitly.
                links = nav.iter(f"{_XHTML}a")
                if nav.attrib.get(_EPUB_TYPE) == "toc" and next(links, None) is not None:
                    return True
        return False

    def text(self) -> str:
        parts: list[str] = []
        for href in self.spine:
            tree = ElementTree.fromstring(self.zip.read(self.base + href))
            body = tree.find(f"{_XHTML}body")
            if body is not None:
                parts.extend(_texts(body))
        return " ".join(parts)


def _texts(element: Any) -> Iterator[str]:
    # Block boundaries separate words: itertext() would glue "end" and "Start" together.
    if element.text:
        yield element.text
    for child in element:
        yield " "
        yield from _texts(child)
        yield " "
        if child.tail:
            yield child.tail


def _first_text(root: Any, path: str) -> str:
    element = root.find(path)
    return (element.text or "").strip() if element is not None else ""
