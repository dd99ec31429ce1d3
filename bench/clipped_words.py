"""The words the layout reader takes out as hidden by a clip path or as painted where no one
sees them, file by file, each proved invisible by rendering.

For every PDF under ../shared/corpus (or the files named), page by page (at most
``--max-pages``): the glyphs read as the layout reader reads them, the off-page ones taken
out (:mod:`workers.engine.layout.off_page`), then the clipped words
(:mod:`workers.engine.layout.clipped`), then the unseen ones (no ink, or white on white:
:mod:`workers.engine.layout.unseen`; their lines say ``clip unseen``). Each page with such
words is rendered by pdfium twice, as it is and without the page objects that drew them;
inside each word's box (two pixels around it, at ``--scale``) the two must not differ. A word
whose box differs by more than ``--threshold`` (0-255, grey) is marked VISIBLE. A CONTROL line
per page renders a word those objects draw and the reader keeps, to show the comparison sees
a word that shows.

    PYTHONPATH=. .venv/bin/python bench/clipped_words.py [files...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as c
from PIL import Image, ImageChops

from workers.engine.layout.clipped import take_clipped
from workers.engine.layout.glyphs import Glyph, OpenedPage, drawn_objects
from workers.engine.layout.off_page import take_off_page, visible_area
from workers.engine.layout.unseen import take_unseen

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _words(glyphs: list[Glyph], objects: set[int] | None = None) -> list[list[Glyph]]:
    out: list[list[Glyph]] = []
    word: list[Glyph] = []
    for g in [*glyphs, None]:
        if g is None or g.char.isspace() or (objects is not None and g.obj not in objects):
            if word:
                out.append(word)
            word = []
        else:
            word.append(g)
    return out


def _difference(before: Image.Image, after: Image.Image, word: list[Glyph],
                bbox: tuple[float, float, float, float], scale: float) -> int:
    left, top = bbox[0], bbox[3]
    x0, y0 = min(g.x0 for g in word), min(g.y0 for g in word)
    x1, y1 = max(g.x1 for g in word), max(g.y1 for g in word)
    box = (max(0, int((x0 - left) * scale) - 2), max(0, int((top - y1) * scale) - 2),
           min(before.width, int((x1 - left) * scale) + 3),
           min(before.height, int((top - y0) * scale) + 3))
    if box[0] >= box[2] or box[1] >= box[3]:
        return 0
    extrema = ImageChops.difference(before.crop(box), after.crop(box)).getextrema()
    return int(extrema[1])  # type: ignore[index]


def survey_page(pdf: pdfium.PdfDocument, index: int, args: argparse.Namespace,
                name: str) -> int:
    with OpenedPage(pdf, index) as opened:
        content = opened.content
        take_off_page(content, visible_area(content, opened.page.get_bbox()))
        shown = content.glyphs
        drawn = drawn_objects(shown)
        clips = opened.clip_boxes(drawn)
        gone = take_clipped(content, clips)
        unseen = take_unseen(content, opened.unseen_text(drawn))
        hidden_by = {id(g): "unseen" for g in unseen}
        if unseen:
            place = {id(g): k for k, g in enumerate(shown)}
            gone = sorted(gone + unseen, key=lambda g: place[id(g)])
        if not gone:
            return 0
        page = opened.page
        turn = page.get_rotation()
        page.set_rotation(0)  # (boxes are in user space: render it unturned)
        bbox = page.get_bbox()
        before = page.render(scale=args.scale).to_pil().convert("L")
        objects = {g.obj for g in gone if g.obj >= 0}
        for obj in sorted(objects, reverse=True):
            c.FPDFPage_RemoveObject(page.raw, c.FPDFPage_GetObject(page.raw, obj))
        after = page.render(scale=args.scale).to_pil().convert("L")
        words = _words(gone)
        for word in words:
            diff = _difference(before, after, word, bbox, args.scale)
            text = "".join(g.char for g in word)
            x0, y0 = min(g.x0 for g in word), min(g.y0 for g in word)
            clip = clips.get(word[0].obj)
            why = hidden_by.get(id(word[0])) or (tuple(round(v, 1) for v in clip) if clip else None)
            print(f"WORD\t{name}\tp{index + 1}\t{text!r}\tat ({x0:.1f}, {y0:.1f})\tclip "
                  f"{why}\trotate {turn}\t"
                  f"diff {diff}\t{'VISIBLE' if diff > args.threshold else 'hidden'}")
        for word in _words(content.glyphs, objects)[:1]:
            print(f"CONTROL\t{name}\tp{index + 1}\t{''.join(g.char for g in word)!r}\tdiff "
                  f"{_difference(before, after, word, bbox, args.scale)}")
        return len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--max-pages", type=int, default=400)
    parser.add_argument("--scale", type=float, default=2.0)
    parser.add_argument("--threshold", type=int, default=8)
    args = parser.parse_args()
    files = args.files or sorted(CORPUS.rglob("*.pdf"))
    total = 0
    for path in files:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:
            continue
        count = 0
        for index in range(min(len(pdf), args.max_pages)):
            try:
                count += survey_page(pdf, index, args, path.name)
            except pdfium.PdfiumError:
                continue
        pdf.close()
        if count:
            print(f"FILE\t{path.name}\t{count} word(s)")
        total += count
    print(f"TOTAL\t{total} word(s) in {len(files)} file(s)")


if __name__ == "__main__":
    main()
