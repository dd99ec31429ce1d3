"""A list's points read on past a column break, and a point set left of an open list.

A quiz set in two columns goes on at the head of the right column with "3.", read after the
"a." to "d." under "2." at the foot of the left one: "3." is the numbered list's next point,
not a list inside "d." (it stands further right than "d.", as the next column does). A line
marked "*" set left of a bulleted list's labels, under it in its column, is the note its
mark refers to, no point of that list."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

_WORDS = "the answer is to be given in the box set under the question"


def _pdf(path: Path, lines: list[tuple[float, float, str]]) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    ops = [f"BT /F1 10 Tf {x} {y} Td ({t.replace(')', chr(92) + ')')}) Tj ET".encode("latin-1")
           for x, y, t in lines]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def _quiz(path: Path) -> Path:
    lines: list[tuple[float, float, str]] = []
    y = 760.0
    for x, text in [(50, "Choose the best answer to each question."),
                    (50, "1. Which of these is the first of the"), (62, "questions set here?"),
                    (50, "2. Which of these is the second of the"), (62, "questions set here?"),
                    (62, "a. the first answer given here"), (62, "b. the second answer given"),
                    (62, "c. the third answer given here"), (62, "d. the fourth answer given")]:
        lines.append((x, y, text))
        y -= 14
    y = 760.0
    for x, text in [(320, "3. Which of these is the third of the"), (332, "questions set here?"),
                    (332, "a. the first answer given here"), (332, "b. the second answer given"),
                    (320, "4. Which of these is the last of the"), (332, "questions set here?")]:
        lines.append((x, y, text))
        y -= 14
    return _pdf(path, lines)


def test_a_point_at_the_head_of_the_next_column_goes_on_the_list_it_counts_on(
    tmp_path: Path,
) -> None:
    doc = read_layout(_quiz(tmp_path / "quiz.pdf"), max_pages=1)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [i.label for i in lists[0].items] == ["1.", "2.", "3.", "4."]
    second, third = lists[0].items[1], lists[0].items[2]
    assert [[i.label for i in b.items] for b in second.blocks if isinstance(b, ListBlock)] == [
        ["a.", "b.", "c.", "d."]]
    assert [[i.label for i in b.items] for b in third.blocks if isinstance(b, ListBlock)] == [
        ["a.", "b."]]


def _features(path: Path) -> Path:
    lines: list[tuple[float, float, str]] = [(72, 760, "The key features are:")]
    y = 744.0
    for text in ["Fast: very high performance, on par with the best.",
                 "Quick to code: write features twice as fast. *",
                 "Fewer bugs: reduce the errors people make. *",
                 "Robust: get code that is ready for production."]:
        lines.append((90, y, "\x95"))
        lines.append((100, y, text))
        y -= 14
    lines.append((72, y - 6, "* estimated from tests made by the team that builds it"))
    lines.append((72, y - 30, "The rest of the page goes on in running text after the note."))
    return _pdf(path, lines)


def test_a_marked_line_left_of_a_bulleted_list_is_no_point_of_it(tmp_path: Path) -> None:
    doc = read_layout(_features(tmp_path / "features.pdf"), max_pages=1)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert len(lists[0].items) == 4
    assert all(i.label == "\u2022" for i in lists[0].items)
    notes = [b for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith("*")]
    assert [n.text for n in notes] == ["* estimated from tests made by the team that builds it"]
