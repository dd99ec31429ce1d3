"""LaTeX labels the points of a list nested three deep with "∗" (U+2217, the asterisk operator
of its maths symbol font): they are points of a list nested in the "–" point above them, not
words run into its text. A small PDF drawn here: Helvetica, whose "*" a /ToUnicode map reads
as "∗", as pdflatex's symbol font is read."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

#: The font's /ToUnicode map: its code for "*" is read as U+2217.
_ASTERISK_OPERATOR = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Asterisk def "
    b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <2A> <2217> endbfchar "
    b"endcmap CMapName currentdict /CMap defineresource pop end end"
)

#: (label x, text x, y, label, text) of each line: "•" points, "–" points under the first,
#: and "∗" points under the first "–".
_LINES = [
    (82, 100, 740, b"\x95", b"Rents rose in every region"),
    (106, 124, 726, b"\x96", b"Most in the North East"),
    (130, 148, 712, b"*", b"Above the national mean"),
    (130, 148, 698, b"*", b"Below last year's rise"),
    (106, 124, 684, b"\x96", b"Least in London"),
    (82, 100, 670, b"\x95", b"Wages fell"),
]


def _report(path: Path) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding, ToUnicode=pdf.make_stream(_ASTERISK_OPERATOR),
    ))
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    ops = [b"BT /F1 10 Tf 72 760 Td (The survey found three things:) Tj ET"]
    for label_x, text_x, y, label, text in _LINES:
        ops += [b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (label_x, y, label),
                b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (text_x, y, text)]
    ops.append(b"BT /F1 10 Tf 72 650 Td (The report closes with its sources.) Tj ET")
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_asterisk_operators_label_a_list_nested_three_deep(tmp_path: Path) -> None:
    doc = read_layout(_report(tmp_path / "report.pdf"), max_pages=1)
    (top,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [i.label for i in top.items] == ["•", "•"]
    (dashes,) = [b for b in top.items[0].blocks if isinstance(b, ListBlock)]
    assert [i.label for i in dashes.items] == ["–", "–"]
    assert [b.text for b in dashes.items[0].blocks if isinstance(b, Paragraph)] == [
        "Most in the North East"
    ]
    (stars,) = [b for b in dashes.items[0].blocks if isinstance(b, ListBlock)]
    assert [i.label for i in stars.items] == ["∗", "∗"]
    assert [i.text for i in stars.items] == ["Above the national mean", "Below last year's rise"]
