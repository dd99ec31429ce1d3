"""Accents drawn apart from their letters (TeX's way: the letter, and a spacing accent set
over it) are read as the accented letter (:mod:`workers.engine.layout.accents`). Small PDFs
drawn here, each piece of text a text object of its own, placed with Helvetica's widths."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.document import block_text
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.reader import page_blocks, read_layout

SIZE = 10.0
#: Helvetica's advance widths (thousandths of the size) of the characters drawn here.
_WIDTHS = {
    "L": 556, "a": 556, "s": 500, "z": 500, "l": 222, "o": 556, "K": 667, "u": 556, "t": 278,
    "e": 556, "r": 333, ",": 278, "A": 667, "v": 500, "i": 222, "c": 500, "n": 556, " ": 278,
    "\u0131": 278, "C": 722, "d": 556, "S": 667, "h": 556, "g": 556, "w": 722, "b": 556,
    "k": 500, "M": 833, "m": 833, "p": 556, "y": 500, "I": 278,
}
#: Codes of the accents (WinAnsi, with dotless i and caron put in by /Differences).
_CODES = {"\u00b4": 0xB4, "\u00a8": 0xA8, "\u00b8": 0xB8, "\u02dc": 0x98, "\u0131": 0xF5,
          "\u02c7": 0xF6}
#: The accents' width (all 333 in Helvetica).
_ACCENT = 0.333 * SIZE

Piece = tuple[float, float, str]


def _width(text: str) -> float:
    return sum(_WIDTHS[ch] for ch in text) * SIZE / 1000


def _literal(text: str) -> str:
    out = []
    for ch in text:
        code = _CODES.get(ch, ord(ch))
        out.append(f"\\{code:03o}" if code > 126 or ch in "()\\" else ch)
    return "(" + "".join(out) + ")"


def _pdf(path: Path, pieces: list[Piece]) -> Path:
    """One page drawing each piece (x, baseline, text) as a text object of its own."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Dictionary(
            Type=pikepdf.Name.Encoding, BaseEncoding=pikepdf.Name.WinAnsiEncoding,
            Differences=[0xF5, pikepdf.Name.dotlessi, pikepdf.Name.caron],
        ),
    ))
    ops = [f"BT /F1 {SIZE} Tf {x:.2f} {y:.2f} Td {_literal(text)} Tj ET" for x, y, text in pieces]
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    pdf.save(path)
    return path


def _over(x: float, letter: str) -> float:
    """Where an accent starts that is centred over ``letter`` drawn at ``x``."""
    return x + (_width(letter) - _ACCENT) / 2


def _word(x: float, y: float, parts: list[tuple[str, str]]) -> list[Piece]:
    """A word drawn as text pieces, each followed by the accent (if any) over its last letter,
    in that drawing order: [("Laszl", ""), ("o", "´")] draws "Laszl", "o", then "´"."""
    out: list[Piece] = []
    for text, accent in parts:
        out.append((x, y, text))
        x += _width(text)
        if accent:
            out.append((_over(x - _width(text[-1]), text[-1]), y, accent))
    return out


def _text(path: Path) -> str:
    doc = read_layout(path, max_pages=1)
    return " ".join(block_text(b) for b in doc.blocks)


def test_an_acute_drawn_before_its_letter_joins_it(tmp_path: Path) -> None:
    x = 72.0 + _width("Laszl")
    pieces = [(72.0, 700.0, "Laszl"), (_over(x, "o"), 700.0, "\u00b4"), (x, 700.0, "o"),
              (x + _width("o "), 700.0, "Lukacs wrote it")]
    text = _text(_pdf(tmp_path / "a.pdf", pieces))
    assert "Laszl\u00f3 Lukacs" in text
    assert "\u00b4" not in text


def test_an_accent_drawn_after_the_word_joins_its_letter(tmp_path: Path) -> None:
    # "Kuttler," drawn whole, then the diaeresis moved back over the "u".
    pieces = [(72.0, 700.0, "Kuttler,"), (_over(72.0 + _width("K"), "u"), 700.0, "\u00a8"),
              (72.0 + _width("Kuttler, "), 700.0, "Mike and others")]
    text = _text(_pdf(tmp_path / "k.pdf", pieces))
    assert "K\u00fcttler, Mike" in text


def test_a_cedilla_under_and_a_tilde_over_make_one_word(tmp_path: Path) -> None:
    pieces = _word(72.0, 700.0, [("Aviac", "\u00b8"), ("a", "\u02dc"), ("o Civil", "")])
    text = _text(_pdf(tmp_path / "c.pdf", pieces))
    assert "Avia\u00e7\u00e3o Civil" in text


def test_a_dotless_i_under_a_diaeresis_is_an_i(tmp_path: Path) -> None:
    pieces = _word(72.0, 700.0, [("na", ""), ("\u0131", "\u00a8"), ("ve reading", "")])
    text = _text(_pdf(tmp_path / "i.pdf", pieces))
    assert "na\u00efve reading" in text


def test_an_accent_over_a_capital_raised_joins_it(tmp_path: Path) -> None:
    # (Over a capital TeX raises the accent: here a caron, a third of the size up.)
    pieces = [(72.0, 700.0, "Sediv"), (72.0 + _width("Sediv"), 700.0, "y")]
    pieces.insert(0, (_over(72.0, "A") - 0.3, 700.0 + SIZE / 3, "\u02c7"))
    pieces[1] = (72.0, 700.0, "Aediv")
    text = _text(_pdf(tmp_path / "s.pdf", pieces))
    assert "\u01cdediv" in text.replace(" ", "")  # Ǎ


def test_an_accent_over_no_letter_stays(tmp_path: Path) -> None:
    # A spacing accent named in running text, with spaces about it and no letter under it.
    pieces = [(72.0, 700.0, "the sign"), (72.0 + _width("the sign "), 700.0, "\u00b4"),
              (72.0 + _width("the sign ") + _ACCENT + _width(" "), 700.0, "is an acute")]
    text = _text(_pdf(tmp_path / "n.pdf", pieces))
    assert "\u00b4" in text
    assert "\u00e1" not in text


def test_an_accent_on_the_line_below_is_not_joined(tmp_path: Path) -> None:
    # A line's accent over its "a", drawn after the whole next line: the "a" standing right
    # under it, a line lower, is not its letter.
    x = 72.0 + _width("S")
    pieces = [(72.0, 700.0, "Sackinger, and others"), (x, 688.0, "able to be"),
              (_over(x, "a"), 700.0, "\u00a8")]
    text = _text(_pdf(tmp_path / "b.pdf", pieces))
    assert "S\u00e4ckinger" in text
    assert "\u00e4ble" not in text


def test_the_accents_object_stays_in_the_letters_block(tmp_path: Path) -> None:
    x = 72.0 + _width("Laszl")
    pieces = [(72.0, 700.0, "Laszl"), (_over(x, "o"), 700.0, "\u00b4"), (x, 700.0, "o")]
    path = _pdf(tmp_path / "p.pdf", pieces)
    pdf = pdfium.PdfDocument(path)
    try:
        blocks = page_blocks(read_page(pdf, 0))
    finally:
        pdf.close()
    assert len(blocks) == 1
    assert {0, 1, 2} <= {obj for f in blocks[0].frags for obj in f.objects}
