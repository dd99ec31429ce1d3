"""Fuzz the conversion engine with seeded mutations of small corpus PDFs (not run in CI).

Bad input is normal: on any PDF the engine must give a best-effort result (with warnings in
the model) or one of its own clear errors (``workers.engine.errors``), and must never crash
with another exception, hang or run out of memory. This script makes mutants of a few small
corpus files from different makers, runs each through ``analyse`` → ``tag_pdf`` → the HTML
and large-print renderers in a forked child with a time limit and an address-space limit,
and classifies the outcome:

``ok``       converted (warnings recorded in the model are fine);
``error``    a ``ConversionError`` whose message is fit for a person (no path, no trace);
``bug``      any other exception (or an error message that leaks a path or a trace);
``timeout``  the child ran past ``--timeout`` seconds (bug: work must be bounded);
``memory``   ``MemoryError`` under the ``--memory-gb`` address-space limit (bug);
``crash``    the child died from a signal (bug).

Every mutant is reproducible from ``(seed, index)``: the mutation is chosen and applied
with ``random.Random(f"{seed}:{index}")``. Usage, from the repository root::

    PYTHONPATH=. .venv/bin/python bench/fuzz.py --count 300 --seed 1
    PYTHONPATH=. .venv/bin/python bench/fuzz.py --seed 1 --index 17 --keep /tmp/m17.pdf
    PYTHONPATH=. .venv/bin/python bench/fuzz.py --count 100 --only cyclic-form
    PYTHONPATH=. .venv/bin/python bench/fuzz.py --count 300 --seed 4 --checks

One mutant runs at a time (the engine is CPU-heavy). ``--large-print-pdf`` also lays the
large-print HTML out with WeasyPrint (slow; off by default); ``--checks`` also checks each
output as the service does before delivery (the tagged PDF's pages rendered against the
source's: about half as long again). Needs the corpus in
``/work/shared/corpus`` (or ``--corpus``).

With ``--large-print-pdf``, a ``many-runs`` mutant of 40,000 letters at 0.1 pt can come near
the time limit on a loaded machine: the letters stand too far apart to make lines, so the
model holds about 20,000 one-letter paragraphs, and the large print about 1,600 pages of them
(plain ``<p>`` elements: no spans, no long line). WeasyPrint's time grows with the pages it
lays out, about 20 ms each (1,000 such paragraphs 1.2 s, 10,000 12.6 s): bounded work, not a
hang; the service's task time limit is five times the default ``--timeout``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import select
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf

CORPUS = Path("/work/shared/corpus")

#: Small files (1-4 pages) from varied makers: tagged and untagged, several producers.
SOURCES = (
    "untagged/la-precinct-bulletin.pdf",  # Ghostscript
    "untagged/latex-two-column-lorem.pdf",  # pdfTeX
    "untagged/google-docs-fable-headings.pdf",  # Skia
    "untagged/festival-timetable.pdf",  # tFPDF
    "untagged/senate-expenditures.pdf",  # iText
    "untagged/impress-presentation.pdf",  # Quartz
    "tagged/pages-memo.pdf",  # Quartz, tagged
    "tagged/libreoffice-tagged-demo-toc.pdf",  # LibreOffice
    "tagged/wisconsin-dcf-90day-summary-report.pdf",  # Adobe PDF Library
    "tagged/word-table-sample.pdf",  # Word
    "tagged/latex-tagged-math-toc.pdf",  # LaTeX tagging
    "pdfua/PDFUA-Reference-Suite-1.1/PDFUA-Ref-2-02_Invoice.pdf",  # PDFlib
)

MAX_PAGES = 50
LARGE_PRINT_POINTS = 18


# --- mutations -------------------------------------------------------------------------------
# Each takes the open source and a seeded Random, changes the PDF in place and says what it
# did. A mutation that finds nothing to change says so (the mutant is then the source).

Mutation = Callable[[pikepdf.Pdf, random.Random], str]


def _page(pdf: pikepdf.Pdf, rng: random.Random) -> tuple[int, pikepdf.Page]:
    index = rng.randrange(len(pdf.pages))
    return index, pdf.pages[index]


def _content(pdf: pikepdf.Pdf, page: pikepdf.Page) -> bytes:
    if "/Contents" not in page.obj:
        return b""
    page.contents_coalesce()
    return bytes(page.obj.Contents.read_bytes())


def _set_content(pdf: pikepdf.Pdf, page: pikepdf.Page, data: bytes) -> None:
    page.obj.Contents = pdf.make_stream(data)


def _content_streams(pdf: pikepdf.Pdf) -> list[pikepdf.Stream]:
    """Page content streams (one per page, arrays joined) and form XObjects."""
    streams: list[pikepdf.Stream] = []
    for page in pdf.pages:
        page.contents_coalesce()
        contents = page.obj.get("/Contents")
        if isinstance(contents, pikepdf.Stream):
            streams.append(contents)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Form:
            streams.append(obj)
    return streams


def _fonts(pdf: pikepdf.Pdf) -> list[tuple[pikepdf.Dictionary, str]]:
    """(font resource dictionary, name) for every font named in a page's resources."""
    found: list[tuple[pikepdf.Dictionary, str]] = []
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font")
        if isinstance(fonts, pikepdf.Dictionary):
            found.extend((fonts, str(name)) for name in sorted(fonts.keys()))
    return found


def byte_flips(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    streams = _content_streams(pdf)
    if not streams:
        return "no content stream"
    stream = rng.choice(streams)
    data = bytearray(stream.read_bytes())
    if not data:
        return "empty content stream"
    flips = rng.randint(1, 40)
    alphabet = b"()<>[]{}/%\\ \n0123456789.-+eBTQqcmlfSsTJjDdoWnhreEI\x00\xff"
    for _ in range(flips):
        at = rng.randrange(len(data))
        data[at] = rng.choice(alphabet) if rng.random() < 0.7 else rng.randrange(256)
    stream.write(bytes(data))
    return f"{flips} byte flips in a content stream of {len(data)} bytes"


def _some_font(pdf: pikepdf.Pdf, rng: random.Random) -> tuple[pikepdf.Dictionary, str] | None:
    """A font resource picked at random: the /Font dictionary holding it and its name."""
    fonts = _fonts(pdf)
    return rng.choice(fonts) if fonts else None


def garble_font(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    picked = _some_font(pdf, rng)
    if picked is None:
        return "no fonts"
    holder, name = picked
    font = holder[name]
    if not isinstance(font, pikepdf.Dictionary):
        return "font is not a dictionary"
    keys = ["/ToUnicode", "/Widths", "/Encoding", "/FontDescriptor", "/FirstChar", "/LastChar",
            "/Subtype", "/BaseFont", "/DescendantFonts", "/W", "/FontMatrix", "/CharProcs"]
    key = rng.choice(keys)
    action = rng.choice(["remove", "integer", "name", "empty-array", "huge", "string", "null"])
    replacement = {
        "integer": pikepdf.Object.parse(b"-7"),
        "name": pikepdf.Name("/Bogus"),
        "empty-array": pikepdf.Array([]),
        "huge": pikepdf.Array([1e30, -1e30, 4294967296]),
        "string": pikepdf.String("\x00\xff junk"),
    }
    if action == "remove":
        if key in font:
            del font[key]
    elif action == "null":
        font[key] = pikepdf.Dictionary()
    else:
        font[key] = replacement[action]
    return f"font {name}: {key} {action}"


def remove_font(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    picked = _some_font(pdf, rng)
    if picked is None:
        return "no fonts"
    holder, name = picked
    del holder[name]
    return f"font {name} removed from resources (still used)"


def garble_widths(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    fonts = [(h, n) for h, n in _fonts(pdf) if "/Widths" in h[n]]
    if not fonts:
        return "no /Widths"
    holder, name = rng.choice(fonts)
    font = holder[name]
    choice = rng.choice(["negative", "huge", "short", "first-char"])
    if choice == "negative":
        font.Widths = pikepdf.Array([-1000] * len(font.Widths))
    elif choice == "huge":
        font.Widths = pikepdf.Array([1e12] * len(font.Widths))
    elif choice == "short":
        font.Widths = pikepdf.Array([500])
    else:
        font.FirstChar = rng.choice([-5, 1000000, 2**31 - 1])
    return f"font {name}: /Widths {choice}"


def garble_to_unicode(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    fonts = [(h, n) for h, n in _fonts(pdf) if isinstance(h[n].get("/ToUnicode"), pikepdf.Stream)]
    if not fonts:
        return "no /ToUnicode"
    holder, name = rng.choice(fonts)
    cmap = holder[name].ToUnicode
    choice = rng.choice(["junk", "huge-range", "truncate"])
    if choice == "junk":
        data = bytes(rng.randrange(256) for _ in range(200))
    elif choice == "huge-range":
        data = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                b"2 beginbfrange <0000> <FFFF> <0041>\n<00000000> <FFFFFFFF> <0041> endbfrange\n"
                b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    else:
        raw = cmap.read_bytes()
        data = raw[: rng.randrange(max(1, len(raw)))]
    cmap.write(data)
    return f"font {name}: /ToUnicode {choice}"


def garble_structure(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        return "no structure tree"
    choice = rng.choice(["parent-tree-junk", "no-parent-tree", "kid-loop", "role-loop",
                         "k-integer", "self-kid", "parent-tree-huge-key"])
    if choice == "parent-tree-junk":
        root.ParentTree = pikepdf.Dictionary(Nums=pikepdf.Array([0, 99, "x", -4]))
    elif choice == "no-parent-tree":
        if "/ParentTree" in root:
            del root.ParentTree
    elif choice == "kid-loop":
        loop = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem,
                                                    S=pikepdf.Name.Sect))
        loop.K = pikepdf.Array([loop, root.get("/K", pikepdf.Array())])
        loop.P = loop
        root.K = loop
    elif choice == "role-loop":
        root.RoleMap = pikepdf.Dictionary(P=pikepdf.Name("/Para"), Para=pikepdf.Name("/P"),
                                          H1=pikepdf.Name("/H1"), Span=pikepdf.Name("/Span"))
    elif choice == "k-integer":
        root.K = 12345
    elif choice == "self-kid":
        elements = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                    and o.get("/Type") == pikepdf.Name.StructElem]
        if not elements:
            return "no structure elements"
        element = rng.choice(elements)
        element.K = pikepdf.Array([element, root])
    else:
        root.ParentTree = pikepdf.Dictionary(Nums=pikepdf.Array([2**31 - 1, root]))
        root.ParentTreeNextKey = 2**31 - 1
    return f"structure tree: {choice}"


def garble_mcids(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    changed = 0
    for page in pdf.pages:
        data = _content(pdf, page)
        if b"/MCID" not in data:
            continue

        def renumber(match: re.Match[bytes]) -> bytes:
            nonlocal changed
            changed += 1
            new = rng.choice([0, -1, 2**31 - 1, rng.randrange(10**6), int(match.group(1))])
            return b"/MCID " + str(new).encode()

        _set_content(pdf, page, re.sub(rb"/MCID\s+(\d+)", renumber, data))
    return f"{changed} MCIDs renumbered" if changed else "no MCIDs"


def garble_annots(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    _, page = _page(pdf, rng)
    choice = rng.choice(["integer", "junk-array", "no-rect", "huge-rect", "loop-parent"])
    if choice == "integer":
        page.obj.Annots = 5
    elif choice == "junk-array":
        page.obj.Annots = pikepdf.Array([1, pikepdf.Name("/X"), pikepdf.Dictionary()])
    else:
        annot = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://x.test/"))))
        if choice == "huge-rect":
            annot.Rect = pikepdf.Array([-1e30, -1e30, 1e30, 1e30])
        elif choice == "loop-parent":
            annot.Rect = pikepdf.Array([0, 0, 100, 100])
            annot.Parent = annot
            annot.Kids = pikepdf.Array([annot])
        page.obj.Annots = pikepdf.Array([annot, *page.obj.get("/Annots", [])])
    return f"annotations: {choice}"


def garble_resources(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    choice = rng.choice(["remove", "integer", "empty", "xobject-null"])
    if choice == "remove":
        if "/Resources" in page.obj:
            del page.obj.Resources
    elif choice == "integer":
        page.obj.Resources = 3
    elif choice == "empty":
        page.obj.Resources = pikepdf.Dictionary()
    else:
        resources = page.obj.get("/Resources")
        if isinstance(resources, pikepdf.Dictionary) and "/XObject" in resources:
            for name in list(resources.XObject.keys()):
                resources.XObject[name] = pikepdf.Dictionary()
    return f"page {index + 1} resources: {choice}"


def cyclic_form(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    two = rng.random() < 0.5
    first = pdf.make_stream(b"q 1 0 0 1 1 1 cm /Fx Do Q", Type=pikepdf.Name.XObject,
                            Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100])
    if two:
        second = pdf.make_stream(b"/Fy Do", Type=pikepdf.Name.XObject,
                                 Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100])
        first.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx=second))
        second.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fy=first))
    else:
        first.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx=first))
    _add_xobject(pdf, page, "/FuzzLoop", first)
    _set_content(pdf, page, _content(pdf, page) + b"\nq /FuzzLoop Do Q\n")
    return f"page {index + 1}: form that draws itself ({'two forms' if two else 'one form'})"


def _add_xobject(pdf: pikepdf.Pdf, page: pikepdf.Page, name: str, xobject: pikepdf.Object
                 ) -> None:
    resources = page.obj.get("/Resources")
    if not isinstance(resources, pikepdf.Dictionary):
        resources = page.obj.Resources = pikepdf.Dictionary()
    if not isinstance(resources.get("/XObject"), pikepdf.Dictionary):
        resources.XObject = pikepdf.Dictionary()
    resources.XObject[name] = xobject


def nested_forms(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    depth = rng.choice([50, 300, 2000])
    fonts = page.obj.get("/Resources", {}).get("/Font")
    inner = pdf.make_stream(b"BT 10 10 Td (deep) Tj ET" if fonts else b"0 0 5 5 re f",
                            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                            BBox=[0, 0, 100, 100])
    if fonts:
        name = sorted(fonts.keys())[0]
        inner.write(f"BT {name} 10 Tf 10 10 Td (deep) Tj ET".encode())
        inner.Resources = pikepdf.Dictionary(Font=fonts)
    for _ in range(depth):
        inner = pdf.make_stream(b"q /Fn Do Q", Type=pikepdf.Name.XObject,
                                Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100],
                                Resources=pikepdf.Dictionary(
                                    XObject=pikepdf.Dictionary(Fn=inner)))
    _add_xobject(pdf, page, "/FuzzDeep", inner)
    _set_content(pdf, page, _content(pdf, page) + b"\nq /FuzzDeep Do Q\n")
    return f"page {index + 1}: forms nested {depth} deep"


def nested_q(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    depth = rng.choice([100, 5000, 50000])
    balanced = rng.random() < 0.5
    data = _content(pdf, page)
    data = b"q " * depth + b"\n" + data + (b"\n" + b"Q " * depth if balanced else b"")
    _set_content(pdf, page, data)
    return f"page {index + 1}: q nested {depth} deep ({'balanced' if balanced else 'unclosed'})"


def huge_numbers(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    streams = _content_streams(pdf)
    if not streams:
        return "no content stream"
    stream = rng.choice(streams)
    data = stream.read_bytes()
    numbers = list(re.finditer(rb"(?<![\w/.])-?\d+(\.\d+)?(?![\w.])", data))
    if not numbers:
        return "no numbers"
    picks = sorted(rng.sample(numbers, min(len(numbers), rng.randint(1, 20))),
                   key=lambda m: m.start())
    out = bytearray()
    last = 0
    for match in picks:
        out += data[last:match.start()]
        out += rng.choice([b"1e38", b"-1e38", b"99999999999999999999999", b"-2147483649",
                           b"3.4028236e38", b"0.00000000000000001", b"0", b"-0"])
        last = match.end()
    out += data[last:]
    stream.write(bytes(out))
    return f"{len(picks)} numbers in a content stream made huge or zero"


def many_runs(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    fonts = page.obj.get("/Resources", {}).get("/Font")
    if not isinstance(fonts, pikepdf.Dictionary) or not fonts.keys():
        return "no fonts on the page"
    name = sorted(fonts.keys())[0]
    count = rng.choice([2000, 10000, 40000])
    size = rng.choice([0.1, 1, 4])
    parts = [f"BT {name} {size} Tf".encode()]
    for i in range(count):
        x, y = rng.uniform(0, 600), rng.uniform(0, 800)
        parts.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm ({chr(97 + i % 26)}) Tj".encode())
    parts.append(b"ET")
    _set_content(pdf, page, _content(pdf, page) + b"\n" + b"\n".join(parts))
    return f"page {index + 1}: {count} one-letter text runs at {size} pt"


def page_box(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    choice = rng.choice(["huge", "negative", "zero", "inverted", "short", "crop-outside"])
    boxes = {
        "huge": [0, 0, 1e9, 1e9],
        "negative": [0, 0, -612, -792],
        "zero": [0, 0, 0, 0],
        "inverted": [612, 792, 0, 0],
        "short": [0, 0, 612],
    }
    if choice == "crop-outside":
        page.obj.CropBox = pikepdf.Array([5000, 5000, 6000, 6000])
    else:
        page.obj.MediaBox = pikepdf.Array(boxes[choice])
        if "/CropBox" in page.obj and rng.random() < 0.5:
            del page.obj.CropBox
    return f"page {index + 1}: box {choice}"


def rotate(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    index, page = _page(pdf, rng)
    value = rng.choice([45, -270, 7, 10**9, 2**31, 450, -90])
    page.obj.Rotate = value
    return f"page {index + 1}: /Rotate {value}"


def garble_object(pdf: pikepdf.Pdf, rng: random.Random) -> str:
    objects = [o for o in pdf.objects if isinstance(o, (pikepdf.Dictionary, pikepdf.Stream))
               and o.get("/Type") not in (pikepdf.Name.Catalog, pikepdf.Name.Pages)]
    if not objects:
        return "no objects"
    target = rng.choice(objects)
    kind = str(target.get("/Type", target.get("/Subtype", "?")))
    keys = sorted(target.keys())
    if not keys:
        return "empty object"
    key = rng.choice(keys)
    value = rng.choice([pikepdf.Name("/Junk"), 0, -1, pikepdf.Array([]), pikepdf.Dictionary()])
    target[key] = value
    shown = repr(value).replace("\n", "")
    return f"{kind} object: {key} replaced with {shown}"


MUTATIONS: dict[str, Mutation] = {
    "byte-flips": byte_flips,
    "garble-font": garble_font,
    "remove-font": remove_font,
    "garble-widths": garble_widths,
    "garble-to-unicode": garble_to_unicode,
    "garble-structure": garble_structure,
    "garble-mcids": garble_mcids,
    "garble-annots": garble_annots,
    "garble-resources": garble_resources,
    "cyclic-form": cyclic_form,
    "nested-forms": nested_forms,
    "nested-q": nested_q,
    "huge-numbers": huge_numbers,
    "many-runs": many_runs,
    "page-box": page_box,
    "rotate": rotate,
    "garble-object": garble_object,
    "truncate": lambda pdf, rng: "",  # applied to the saved bytes (see make_mutant)
}


@dataclass(frozen=True)
class Mutant:
    index: int
    source: str
    mutation: str
    description: str


def make_mutant(corpus: Path, seed: int, index: int, out: Path, only: str | None) -> Mutant:
    """Write mutant ``index`` of ``seed`` to ``out``; the same arguments give the same bytes."""
    rng = random.Random(f"{seed}:{index}")
    source = rng.choice(SOURCES)
    name = only or rng.choice(sorted(MUTATIONS))
    with pikepdf.open(corpus / source) as pdf:
        description = MUTATIONS[name](pdf, rng)
        # Deterministic output: no new /ID from the clock, objects in a fixed order.
        pdf.save(out, static_id=True, deterministic_id=False, compress_streams=True)
    if name == "truncate":
        data = out.read_bytes()
        keep = rng.randrange(len(data))
        out.write_bytes(data[:keep])
        description = f"cut to {keep} of {len(data)} bytes"
    return Mutant(index, source, name, description)


# --- running one mutant ----------------------------------------------------------------------


def _convert_in_child(path: Path, large_print_pdf: bool,
                      progress: Callable[[str], None] = lambda step: None,
                      checks: bool = False) -> dict[str, object]:
    """Run the engine on ``path`` and say what happened (called in the forked child).

    ``progress`` hears each step as it starts, so a timeout can say where it was; ``checks``:
    each output is also checked as the service checks it (the tagged PDF rendered page by
    page against the source)."""
    from workers.engine.analyse import analyse
    from workers.engine.checks import check_html, check_large_print
    from workers.engine.errors import ConversionError
    from workers.engine.render_html import build_html
    from workers.engine.render_large_print import build_large_print_html, html_to_pdf
    from workers.engine.tagged_pdf.checks import check_tagged_pdf
    from workers.engine.tagged_pdf.tagger import tag_pdf

    step = "analyse"
    progress(step)
    try:
        document = analyse(path, max_pages=MAX_PAGES)
        warnings = len(document.warnings)
        step = "tag_pdf"
        progress(step)
        tagged = tag_pdf(path, document)
        if checks:
            step = "check_tagged_pdf"
            progress(step)
            check_tagged_pdf(tagged.content, source=path, expected_texts=tagged.expected_texts)
        step = "html"
        progress(step)
        html = build_html(document, source=path)
        if checks:
            step = "check_html"
            progress(step)
            check_html(html.content, document)
        step = "large_print"
        progress(step)
        page = build_large_print_html(document, point_size=LARGE_PRINT_POINTS, source=path)
        if large_print_pdf:
            printed = html_to_pdf(page.html, images=page.images)
            if checks:
                step = "check_large_print"
                progress(step)
                check_large_print(printed, point_size=LARGE_PRINT_POINTS)
    except ConversionError as e:
        leaks = str(path) in e.message or "Traceback" in e.message or "/tmp" in e.message
        return {"outcome": "bug" if leaks else "error", "step": step, "code": e.code,
                "detail": f"message leaks: {e.message}" if leaks else (e.detail or "")[:200]}
    except MemoryError:
        return {"outcome": "memory", "step": step}
    except RecursionError as e:
        return {"outcome": "bug", "step": step, "code": "RecursionError", "detail": _where(e)}
    except Exception as e:
        return {"outcome": "bug", "step": step, "code": type(e).__name__,
                "detail": f"{str(e)[:160]} @ {_where(e)}"}
    return {"outcome": "ok", "step": "done", "warnings": warnings}


def _where(e: BaseException) -> str:
    """The innermost frame in our code: enough to group bugs by cause."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if "/workers/" in f.filename]
    if not frames:
        return "?"
    frame = frames[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def run_mutant(path: Path, *, timeout: float, memory_gb: float, large_print_pdf: bool,
               checks: bool = False) -> dict[str, object]:
    """Fork a child with limits, convert ``path`` in it and classify the outcome."""
    read_end, write_end = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_end)
        # Libraries' chatter would interleave with the table; the outcome comes by the pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        limit = int(memory_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            result = _convert_in_child(
                path, large_print_pdf, lambda step: os.write(write_end, f"{step}\n".encode()),
                checks)
        except BaseException as e:  # noqa: BLE001 - whatever it is, report it
            result = {"outcome": "bug", "step": "?", "code": type(e).__name__, "detail": ""}
        os.write(write_end, (json.dumps(result) + "\n").encode())
        os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    timed_out = False
    while True:
        left = timeout - (time.monotonic() - started)
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([read_end], [], [], left)
        if ready:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    os.close(read_end)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    seconds = round(time.monotonic() - started, 1)
    lines = b"".join(chunks).decode().splitlines()
    last_step = lines[-1] if lines and not lines[-1].startswith("{") else "?"
    if timed_out:
        return {"outcome": "timeout", "step": last_step, "seconds": seconds}
    if os.WIFSIGNALED(status):
        return {"outcome": "crash", "code": signal.Signals(os.WTERMSIG(status)).name,
                "step": last_step, "seconds": seconds}
    try:
        result: dict[str, object] = json.loads(lines[-1])
    except (ValueError, IndexError):
        result = {"outcome": "crash", "step": last_step,
                  "code": f"exit {os.WEXITSTATUS(status)}"}
    result["seconds"] = seconds
    return result


# --- campaign --------------------------------------------------------------------------------

BUGS = ("bug", "timeout", "memory", "crash")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=100, help="mutants to run")
    parser.add_argument("--start", type=int, default=0, help="first mutant index")
    parser.add_argument("--index", type=int, help="run only this mutant (reproduce one)")
    parser.add_argument("--only", choices=sorted(MUTATIONS), help="use only this mutation")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant")
    parser.add_argument("--memory-gb", type=float, default=2.0, help="address-space limit")
    parser.add_argument("--large-print-pdf", action="store_true",
                        help="also lay out the large print PDF with WeasyPrint (slow)")
    parser.add_argument("--checks", action="store_true",
                        help="also check each output as the service does (slower)")
    parser.add_argument("--keep", type=Path, help="with --index: write the mutant here")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="write every result here (JSON lines)")
    args = parser.parse_args(argv)
    if not (args.corpus / SOURCES[0]).exists():
        print(f"corpus not found in {args.corpus}", file=sys.stderr)
        return 2

    # Imported once here, so each forked child starts converting at once.
    import workers.engine.analyse  # noqa: F401
    import workers.engine.render_html  # noqa: F401
    import workers.engine.render_large_print  # noqa: F401
    import workers.engine.tagged_pdf.tagger  # noqa: F401

    indices = [args.index] if args.index is not None else range(args.start,
                                                                args.start + args.count)
    outcomes: Counter[str] = Counter()
    by_mutation: dict[str, Counter[str]] = {}
    bugs: list[tuple[Mutant, dict[str, object]]] = []
    log = args.json.open("w") if args.json else None
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        for index in indices:
            path = args.keep if args.keep and args.index is not None else Path(tmp) / "m.pdf"
            try:
                mutant = make_mutant(args.corpus, args.seed, index, path, args.only)
            except Exception as e:  # a mutation that cannot apply to this source
                print(f"{index:4d} skipped  ({type(e).__name__}: {str(e)[:80]})", flush=True)
                outcomes["skipped"] += 1
                continue
            result = run_mutant(path, timeout=args.timeout, memory_gb=args.memory_gb,
                                large_print_pdf=args.large_print_pdf, checks=args.checks)
            outcome = str(result["outcome"])
            outcomes[outcome] += 1
            by_mutation.setdefault(mutant.mutation, Counter())[outcome] += 1
            line = (f"{index:4d} {outcome:8s} {result.get('seconds', 0):5}s "
                    f"{mutant.mutation:18s} {Path(mutant.source).name[:32]:32s} "
                    f"{mutant.description[:60]}")
            if outcome != "ok":
                line += f"  [{result.get('step', '')} {result.get('code', '')}]"
            print(line, flush=True)
            if outcome in BUGS:
                bugs.append((mutant, result))
            if log:
                log.write(json.dumps({**mutant.__dict__, **result}) + "\n")
    if log:
        log.close()

    print(f"\n{'mutation':18s} " + " ".join(f"{o:>7s}" for o in ("ok", "error", *BUGS)))
    for name in sorted(by_mutation):
        counts = by_mutation[name]
        print(f"{name:18s} " + " ".join(f"{counts[o]:7d}" for o in ("ok", "error", *BUGS)))
    print(f"{'total':18s} " + " ".join(f"{outcomes[o]:7d}" for o in ("ok", "error", *BUGS)))
    if bugs:
        print(f"\n{len(bugs)} bugs (reproduce: bench/fuzz.py --seed {args.seed} --index N"
              f"{' --only ' + args.only if args.only else ''} --keep /tmp/mutant.pdf):")
        for mutant, result in bugs:
            print(f"  {mutant.index}: {result['outcome']} {result.get('code', '')} in "
                  f"{result.get('step', '?')} | {mutant.mutation} on {mutant.source}: "
                  f"{mutant.description} | {result.get('detail', '')}")
    return 1 if bugs else 0


if __name__ == "__main__":
    sys.exit(main())
