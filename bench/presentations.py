"""Slide decks printed by LibreOffice Impress (how a council's cabinet briefing, consultation
deck or board presentation is often published): how the layout reader reads them, scored
against the slides the bench wrote.

Each deck is made up here (seeded) with python-pptx, from its default template's layouts as
PowerPoint users pick them (title slide, title and content, two content, comparison, section
header, title only with a table), and printed by ``soffice --convert-to pdf`` (untagged, so
the layout reader does the work). Bullets are nested up to three levels; some decks number
them, some run a footer and a slide number on every slide, one is widescreen, and one is
overfull: its text keeps its size where it overflows its box, and runs off the slide's foot.

Per deck, the truth is the deck as written: each slide's title a heading, its text boxes'
paragraphs list items (bulleted or numbered, nested) or paragraphs, its table a table, in
the order a reader takes them (title, then the boxes left to right, each top to bottom). The
scores are bench/structure.py's (reading order, word recall, heading F1, list-item F1, table
F1), plus:

- ``depth``: of the list items matched, the share nested as deep as written;
- ``whole``: of the list items matched, the share read as one paragraph, as written (a
  point whose lines are parted reads as two);
- ``figs``: pictures (a chart with no words, its caption set under it) read as a figure with
  that caption;
- ``furn``: footers and slide numbers kept out of the body (read as artifacts), of those drawn;
- ``checks`` and ``PDF/UA-1``: the run-time checks of the tagged output, and veraPDF's
  verdict on it (``../shared/tools/pdfua-check``; ``--no-verapdf`` leaves it out). The
  overfull deck is scored by these alone (what runs off the slide is not shown, so the deck
  as written is no truth of what is read).

Needs ``soffice`` with Impress (Debian's libreoffice-impress-nogui) and python-pptx (the
project's test extra); skips without them. The PDFs are made into bench/.cache/presentations/
(git ignores it).

Usage: PYTHONPATH=. .venv/bin/python bench/presentations.py [--seed N] [--show] [--no-verapdf]
       [--overfull]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.office_prints import (  # noqa: E402
    Result,
    item_depths,
    judged_documents,
    nested_list,
    print_results,
    printed_by_soffice,
)
from bench.structure import match_texts, norm, score, words  # noqa: E402
from workers.engine.document import (  # noqa: E402
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Row,
    Table,
    block_text,
)
from workers.engine.layout.reader import read_layout  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache" / "presentations"

SUBJECTS = (
    "council tax", "adult social care", "the library service", "street lighting", "the local plan",
    "waste collection", "school transport", "housing repairs", "the leisure centres",
    "parks and open spaces", "the capital programme", "homelessness prevention",
    "the bus network", "flood defences", "children's centres", "the town centre",
)
VERBS = (
    "review", "protect", "reduce the cost of", "invest in", "consult on", "improve",
    "bring forward", "extend", "modernise", "share the running of",
)
OUTCOMES = (
    "by March 2028", "within the agreed budget", "with residents and partners",
    "across every ward", "before the next financial year", "in line with the strategy",
    "subject to the cabinet's approval", "where the evidence supports it",
)
TITLES = (
    "What we propose", "Why change is needed", "What residents told us", "Our priorities",
    "Next steps", "Risks and mitigations", "How we will measure progress", "Timetable",
    "Options considered", "Equality impact", "Financial position", "Summary",
)
SERVICES = ("Adult social care", "Children's services", "Highways", "Libraries", "Waste",
            "Housing", "Planning", "Leisure")


@dataclass(frozen=True)
class Bullet:
    text: str
    level: int = 0


@dataclass
class Slide:
    layout: str
    title: str
    #: The text boxes left to right, each its paragraphs top to bottom.
    boxes: list[list[Bullet]] = field(default_factory=list)
    #: The headers above a comparison slide's two boxes.
    box_heads: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    #: A picture (a bar chart, drawn here) with this caption set under it.
    picture_caption: str = ""
    subtitle: str = ""


@dataclass
class Deck:
    slides: list[Slide]
    numbered: bool = False
    #: Its boxes keep their text's size when it overflows them (autofit off), and the text
    #: runs past the slide's foot: only the checks are scored (see :func:`judge`).
    overfull: bool = False
    footer: str = ""
    widescreen: bool = False


def _sentence(chooser: random.Random, long: bool = False) -> str:
    text = (f"{chooser.choice(VERBS).capitalize()} {chooser.choice(SUBJECTS)} "
            f"{chooser.choice(OUTCOMES)}")
    if long:
        text += (f", so that {chooser.choice(SUBJECTS)} and {chooser.choice(SUBJECTS)} "
                 f"are {chooser.choice(('kept', 'funded', 'planned', 'reported'))} "
                 f"{chooser.choice(OUTCOMES)}")
    return text


def _bullets(chooser: random.Random, count: int, deepest: int) -> list[Bullet]:
    out: list[Bullet] = []
    level = 0
    for _ in range(count):
        # A sub-point follows a point at most one level up; it may step back out any way.
        level = chooser.randint(0, min(level + 1, deepest)) if out else 0
        out.append(Bullet(_sentence(chooser, long=chooser.random() < 0.3), level))
    return out


def _table(chooser: random.Random) -> list[list[str]]:
    rows = [["Service", "2026/27 budget", "2027/28 budget", "Change"]]
    for service in chooser.sample(SERVICES, chooser.randint(3, 6)):
        before = chooser.randint(800, 9000) * 1000
        after = before + chooser.randint(-80, 120) * 1000
        rows.append([service, f"{before:,}", f"{after:,}", f"{(after - before) / before:+.1%}"])
    return rows


def _content_slides(chooser: random.Random, count: int, deepest: int) -> list[Slide]:
    titles = chooser.sample(TITLES, count)
    return [Slide("Title and Content", t, [_bullets(chooser, chooser.randint(3, 6), deepest)])
            for t in titles]


def _briefing(chooser: random.Random) -> Deck:
    slides = [Slide("Title Slide", "Budget consultation 2027/28",
                    subtitle="Cabinet briefing, 12 January 2027")]
    slides += _content_slides(chooser, 5, 2)
    return Deck(slides)


def _numbered(chooser: random.Random) -> Deck:
    slides = [Slide("Title Slide", "Local plan review", subtitle="Planning committee")]
    slides += _content_slides(chooser, 4, 1)
    return Deck(slides, numbered=True)


def _columns(chooser: random.Random) -> Deck:
    slides = [Slide("Title Slide", "Options for the library service",
                    subtitle="Scrutiny panel, 3 February 2027")]
    for title in chooser.sample(TITLES, 2):
        slides.append(Slide("Two Content", title, [_bullets(chooser, chooser.randint(2, 4), 1)
                                                   for _ in range(2)]))
    for title in chooser.sample(TITLES, 2):
        slides.append(Slide("Comparison", title, [_bullets(chooser, chooser.randint(2, 4), 0)
                                                  for _ in range(2)],
                            box_heads=["Option A: keep all sites", "Option B: community hubs"]))
    return Deck(slides, footer="Library service review")


def _furnished(chooser: random.Random) -> Deck:
    slides = [Slide("Title Slide", "Highways asset management plan",
                    subtitle="Transport board")]
    slides.append(Slide("Section Header", "Where we are now",
                        [[Bullet(_sentence(chooser))]]))
    slides += _content_slides(chooser, 3, 2)
    slides.append(Slide("Title Only", "Budget by service", table=_table(chooser)))
    slides.append(Slide("Title Only", "Condition of the network",
                        picture_caption="Figure 1: Roads in poor condition by year"))
    slides.append(Slide("Section Header", "What happens next", [[Bullet(_sentence(chooser))]]))
    slides += _content_slides(chooser, 2, 1)
    return Deck(slides, footer="Transport board, 20 March 2027")


def _widescreen(chooser: random.Random) -> Deck:
    slides = [Slide("Title Slide", "Climate emergency action plan",
                    subtitle="Annual progress report")]
    slides += _content_slides(chooser, 3, 2)
    slides.append(Slide("Title Only", "Spending on the plan", table=_table(chooser)))
    slides.append(Slide("Title Only", "Emissions since 2019",
                        picture_caption="Figure 2: The council's own emissions, in tonnes"))
    slides.append(Slide("Two Content", "Progress and what is left",
                        [_bullets(chooser, 3, 1), _bullets(chooser, 3, 1)]))
    return Deck(slides, footer="Climate emergency action plan", widescreen=True)


def _overfull(chooser: random.Random) -> Deck:
    slides = [Slide("Title Slide", "Waste strategy refresh", subtitle="Overview and scrutiny")]
    for title in chooser.sample(TITLES, 3):
        slides.append(Slide("Title and Content", title,
                            [[Bullet(_sentence(chooser, long=True), 1 if k % 3 == 2 else 0)
                              for k in range(7)]]))
    return Deck(slides, numbered=chooser.random() < 0.5, overfull=True)


DECKS: dict[str, Callable[[random.Random], Deck]] = {
    "briefing": _briefing, "numbered": _numbered, "columns": _columns,
    "furnished": _furnished, "widescreen": _widescreen, "overfull": _overfull,
}


def _number_bullets(paragraph: Any) -> None:
    """Numbers the paragraph "1." , "2." … (the template bullets it; python-pptx has no call
    for numbering, so the paragraph's properties say it in DrawingML)."""
    from pptx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    for old in properties.findall(qn("a:buChar")):
        properties.remove(old)
    number = properties.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"})
    properties.append(number)


def _fill(frame: Any, bullets: list[Bullet], numbered: bool, overfull: bool = False) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE

    # "Shrink text on overflow", the template's own setting in PowerPoint: Impress shrinks a
    # box's text until it fits, as PowerPoint does (python-pptx does not set it). An
    # overfull deck has it off, as an author may set it.
    frame.auto_size = MSO_AUTO_SIZE.NONE if overfull else MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    frame.text = ""
    for index, bullet in enumerate(bullets):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = bullet.text
        paragraph.level = bullet.level
        if numbered and bullet.level == 0:
            _number_bullets(paragraph)


def bar_chart(path: Path, seed: int) -> None:
    """A bar chart with no words in it, as a PNG (a picture only its caption describes)."""
    from PIL import Image, ImageDraw

    chooser = random.Random(seed)
    image = Image.new("RGB", (600, 360), "white")
    draw = ImageDraw.Draw(image)
    draw.line([(40, 20), (40, 330), (580, 330)], fill="black", width=3)
    for k in range(6):
        top = chooser.randint(60, 300)
        draw.rectangle([70 + 85 * k, top, 120 + 85 * k, 328], fill=(40, 90 + 20 * k, 160))
    image.save(path)


def write_pptx(deck: Deck, path: Path) -> None:
    from pptx import Presentation
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu, Pt

    presentation = Presentation()
    layouts = {layout.name: layout for layout in presentation.slide_layouts}
    stretch = 1.0
    if deck.widescreen:
        # The template's placeholders are placed for 4:3; each slide's are stretched across.
        stretch = 16 / 9 / (presentation.slide_width / presentation.slide_height)
        presentation.slide_width = int(presentation.slide_width * stretch)
    width, height = presentation.slide_width, presentation.slide_height
    for number, slide in enumerate(deck.slides, start=1):
        made = presentation.slides.add_slide(layouts[slide.layout])
        holders = sorted((p for p in made.placeholders if p.placeholder_format.idx != 0),
                         key=lambda p: (p.left, p.top))
        if stretch != 1.0:
            for shape in made.placeholders:
                # (All four are set: a placeholder given only some draws at no size.)
                left, top, wide, tall = shape.left, shape.top, shape.width, shape.height
                shape.left, shape.width = int(left * stretch), int(wide * stretch)
                shape.top, shape.height = top, tall
        made.shapes.title.text = slide.title
        if slide.subtitle:
            holders[0].text = slide.subtitle
        if slide.layout == "Comparison":
            # Its placeholders: two heads above two bodies (left pair, right pair).
            heads = sorted(holders, key=lambda p: (p.top, p.left))[:2]
            bodies = sorted(holders, key=lambda p: (p.top, p.left))[2:]
            for head, text in zip(heads, slide.box_heads, strict=True):
                head.text = text
            for body, box in zip(sorted(bodies, key=lambda p: p.left), slide.boxes, strict=True):
                _fill(body.text_frame, box, deck.numbered, deck.overfull)
        elif slide.boxes:
            for holder, box in zip(holders, slide.boxes, strict=False):
                _fill(holder.text_frame, box, deck.numbered, deck.overfull)
        if slide.table:
            rows, cols = len(slide.table), len(slide.table[0])
            shape = made.shapes.add_table(rows, cols, Emu(width // 10), Emu(height * 3 // 10),
                                          Emu(width * 8 // 10), Emu(rows * 370000))
            for r, row in enumerate(slide.table):
                for c, text in enumerate(row):
                    shape.table.cell(r, c).text = text
        if slide.picture_caption:
            picture = path.with_name(f"chart-{number}.png")
            bar_chart(picture, number)
            made.shapes.add_picture(str(picture), Emu(width // 4), Emu(height * 25 // 100),
                                    Emu(width // 2), Emu(height * 45 // 100))
            box = made.shapes.add_textbox(Emu(width // 4), Emu(height * 72 // 100),
                                          Emu(width // 2), Emu(height // 12))
            box.text_frame.text = slide.picture_caption
            box.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
        for holder in made.placeholders:
            # Placeholders left empty print nothing, but are dropped so no prompt text shows.
            if holder.has_text_frame and not holder.text_frame.text:
                holder.element.getparent().remove(holder.element)
        if deck.footer and number > 1:
            for text, left, align_right in ((deck.footer, width // 20, False),
                                            (str(number), width * 17 // 20, True)):
                box = made.shapes.add_textbox(Emu(left), Emu(height * 92 // 100),
                                              Emu(width * 2 // 10 if align_right else
                                                  width * 6 // 10), Emu(height // 20))
                box.text_frame.text = text
                run = box.text_frame.paragraphs[0].runs[0]
                run.font.size = Pt(10)
                if align_right:
                    box.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    presentation.save(str(path))


def truth(deck: Deck) -> Document:
    """The deck as the model should read it."""
    blocks: list[Block] = []
    for slide in deck.slides:
        if slide.layout == "Section Header":
            # (The template sets the section's text above its title, in small type: read
            # first, as drawn.)
            blocks.extend(Paragraph(b.text) for box in slide.boxes for b in box)
            blocks.append(Heading(slide.title, 1))
            continue
        blocks.append(Heading(slide.title, 1))
        if slide.subtitle:
            blocks.append(Paragraph(slide.subtitle))
        for index, box in enumerate(slide.boxes):
            if slide.box_heads:
                # (A body placeholder of its own, which PowerPoint tags P: a heading only by
                # its bold, which the truth does not ask the reader to see.)
                blocks.append(Paragraph(slide.box_heads[index]))
            blocks.append(_nested_list(box, deck.numbered))
        if slide.table:
            blocks.append(Table([Row([Cell(text, header=r == 0) for text in row])
                                 for r, row in enumerate(slide.table)]))
        if slide.picture_caption:
            blocks.append(Figure(caption=slide.picture_caption))
    return Document(blocks=blocks)


def _nested_list(bullets: list[Bullet], numbered: bool) -> ListBlock:
    """A slide's points as a list: numbered at the top level ("1."), when the deck is, and
    bulleted "•" below."""
    return nested_list(
        ((bullet.level, bullet.text) for bullet in bullets),
        lambda level, count: f"{count}." if numbered and level == 0 else "•",
        lambda level: numbered and level == 0,
    )


def judge(name: str, deck: Deck, pdf: Path) -> Result:
    result = Result(name)
    try:
        found = read_layout(pdf, max_pages=200)
    except Exception as e:  # noqa: BLE001 - one deck's failure is a row, not the end
        result.error = f"{type(e).__name__}: {e}"[:100]
        return result
    result.pages = len(found.pages)
    if deck.overfull:
        # (What runs past the slide's foot is not shown: the deck as written is no truth of
        # what a reader sees. Its tagged output is judged all the same.)
        return result
    want = truth(deck)
    want.pages = found.pages
    scores = score(name, want, found)
    result.measures = {"order": scores.order, "recall": scores.recall, "head": scores.head_f1,
                       "items": scores.list_f1, "tables": scores.table_f1}
    truth_items, found_items = item_depths(want), item_depths(found)
    pairs = match_texts([t for t, _, _ in truth_items], [t for t, _, _ in found_items], 80)
    result.measures["depth"] = (sum(truth_items[i][1] == found_items[j][1] for i, j in pairs)
                                / len(pairs) if pairs else None)
    result.measures["whole"] = (sum(found_items[j][2] == 1 for _, j in pairs) / len(pairs)
                                if pairs else None)
    matched = {i for i, _ in pairs}
    result.shown += [f"item missed (depth {d}): {t[:70]}"
                     for k, (t, d, _) in enumerate(truth_items) if k not in matched]
    result.shown += [f"item read as {found_items[j][2]} paragraphs: {truth_items[i][0][:60]}"
                     for i, j in pairs if found_items[j][2] != 1]
    result.shown += [f"depth {truth_items[i][1]} read {found_items[j][1]}: "
                     f"{truth_items[i][0][:60]}" for i, j in pairs
                     if truth_items[i][1] != found_items[j][1]]
    if deck.footer:
        # (The footer may be the deck's title too: only its readings beyond the truth's.)
        body = norm(" ".join(block_text(b) for b in found.blocks))
        drawn = len(deck.slides) - 1
        said = norm(" ".join(block_text(b) for b in want.blocks)).count(norm(deck.footer))
        leaked = max(body.count(norm(deck.footer)) - said, 0)
        result.measures["furn"] = 1 - min(leaked, drawn) / drawn
        if leaked:
            result.shown.append(f"footer read in the body {leaked} of {drawn} times")
    pictures = [b for b in want.walk() if isinstance(b, Figure)]
    if pictures:
        # (Each picture read as a figure with its caption: the caption is what describes
        # it, to a screen reader and as the tagged figure's /Alt.)
        captions = [norm(b.caption or "") for b in found.walk() if isinstance(b, Figure)]
        result.measures["figs"] = sum(norm(b.caption or "") in captions
                                      for b in pictures) / len(pictures)
        result.shown += [f"figure not read with its caption: {b.caption}" for b in pictures
                         if norm(b.caption or "") not in captions]
    heads = {norm(b.text) for b in found.walk() if isinstance(b, Heading)}
    result.shown += [f"heading missed: {b.text}" for b in want.walk()
                     if isinstance(b, Heading) and norm(b.text) not in heads]
    if not words(" ".join(block_text(b) for b in found.blocks)):
        result.shown.append("no body words read")
    return result


def make(name: str, deck: Deck, soffice: str) -> Path | None:
    """The deck printed by Impress into the cache, or None when it failed."""
    return printed_by_soffice(soffice, name, ".pptx", lambda path: write_pptx(deck, path),
                              CACHE)


MEASURES = ("order", "recall", "head", "items", "depth", "whole", "tables", "figs", "furn")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="seed of the made-up decks")
    parser.add_argument("--show", action="store_true", help="print what each deck misread")
    parser.add_argument("--no-verapdf", action="store_true", help="skip the veraPDF judge")
    parser.add_argument("--overfull", action="store_true",
                        help="every deck's boxes keep their text's size where it overflows "
                        "(checks scored only)")
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    try:
        import pptx  # noqa: F401
    except ImportError:
        soffice = None
    if soffice is None:
        print("skipped: soffice (LibreOffice Impress) or python-pptx is not installed")
        return 0
    chooser = random.Random(args.seed)
    def decks() -> Iterator[tuple[str, Path | None, Callable[[Path], Result]]]:
        for name, maker in DECKS.items():
            deck = maker(chooser)
            deck.overfull = deck.overfull or args.overfull
            yield name, make(name, deck, soffice), partial(judge, name, deck)

    results = judged_documents(decks(), "Impress failed", skip_verapdf=args.no_verapdf)
    print_results(results, MEASURES, kind="deck", plural="decks", show=args.show,
                  verapdf=not args.no_verapdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
