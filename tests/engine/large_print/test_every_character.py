"""Large print prints every character: scripts our text faces lack (Devanagari, Bengali) and
emoji fall back to faces the project installs (scripts/install-system-packages.sh:
fonts-noto-core, fonts-noto-color-emoji), never to the empty box of a missing glyph, which
PDF/UA forbids (7.21.8: no .notdef); digits stay in the text face."""

from __future__ import annotations

import ctypes
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from workers.engine.layout.reader import read_layout
from workers.engine.render_large_print import render_large_print

from .conftest import font_names, pdf_text, pdfua_check

#: What the drawn PDF reads as: Hindi, Bengali, an emoji of Unicode 6 (rocket) and one of
#: Unicode 11 (raccoon, newer than Symbola's), and a heavy check mark.
HINDI = "हिन्दी"
BENGALI = "বাংলা"
EMOJI = "\U0001F680 \U0001F99D \u2705"

# Letters a-l read (the font's ToUnicode map) as those characters, one code each, so a test
# can draw them with a standard font; the emoji beyond U+FFFF as UTF-16 surrogate pairs.
_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Scripts-test def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
13 beginbfchar
<20> <0020>
<61> <0939> <62> <093F> <63> <0928> <64> <094D> <65> <0926> <66> <0940>
<67> <09AC> <68> <09BE> <69> <0982> <6A> <09B2>
<6B> <D83DDE80> <6C> <D83EDD9D>
endbfchar
1 beginbfchar <6D> <2705> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def scripts_pdf(path: Path) -> Path:
    """A page of English text (/F1 Helvetica) with a line that reads as Hindi and Bengali
    words and emoji (/F2, Helvetica read through :data:`_CMAP`)."""
    pdf = pikepdf.new()

    def font(to_unicode: bytes | None) -> pikepdf.Object:
        entry = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding,
        )
        if to_unicode:
            entry.ToUnicode = pdf.make_stream(to_unicode)
        return pdf.make_indirect(entry)

    ops = [
        "BT /F1 20 Tf 72 740 Td (Languages and pictures) Tj ET",
        "BT /F1 11 Tf 72 700 Td (The council prints notices in the languages of its residents.)"
        " Tj ET",
        "BT /F2 11 Tf 72 680 Td (abcdef ghijh k l m) Tj ET",
        "BT /F1 11 Tf 72 660 Td (Call 0300 123 4567 for a copy in another language.) Tj ET",
    ]
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font(None), F2=font(_CMAP))),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    pdf.save(path)
    return path


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    source = scripts_pdf(tmp_path_factory.mktemp("scripts") / "scripts.pdf")
    document = read_layout(source, max_pages=5)
    return render_large_print(document, point_size=18)


def test_the_drawn_pdf_reads_as_the_scripts_and_emoji(tmp_path: Path) -> None:
    document = read_layout(scripts_pdf(tmp_path / "scripts.pdf"), max_pages=5)
    text = " ".join(b.text for b in document.blocks if hasattr(b, "text"))
    assert HINDI in text and BENGALI in text and EMOJI in text


def test_every_script_and_emoji_has_a_face(printed: bytes, tmp_path: Path) -> None:
    # Read with poppler: pdfium leaves out characters drawn with no outline (WeasyPrint draws
    # an emoji as an image over an empty glyph), poppler reads them from the font's map.
    path = tmp_path / "printed.pdf"
    path.write_bytes(printed)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert HINDI in text and BENGALI in text and EMOJI in text, text
    names = {name.split("+", 1)[-1] for name in font_names(printed)}
    assert {"Noto-Sans-Devanagari", "Noto-Sans-Bengali", "Noto-Color-Emoji"} <= names, names


def faces_of(content: bytes) -> dict[str, set[str]]:
    """Each character printed, by the name of the face that draws it (subset tag dropped)."""
    pdf = pdfium.PdfDocument(content)
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int(0)
    faces: dict[str, set[str]] = {}
    try:
        for index in range(len(pdf)):
            textpage = pdf[index].get_textpage()
            for i in range(textpage.count_chars()):
                char = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
                length = pdfium_c.FPDFText_GetFontInfo(textpage, i, name, 256, ctypes.byref(flags))
                face = name.raw[: max(0, length - 1)].decode("latin-1").split("+", 1)[-1]
                faces.setdefault(char, set()).add(face)
    finally:
        pdf.close()
    return faces


def test_digits_stay_in_the_text_face(printed: bytes) -> None:
    # The emoji face maps digits, "#" and "*" too (for keycaps): they must not be drawn with it.
    faces = faces_of(printed)
    assert all(
        "Emoji" not in face for char in "0123456789" for face in faces.get(char, set())
    ), {char: faces.get(char) for char in "0123456789"}
    assert "Liberation-Sans" in faces["0"]


def test_pdf_ua_passes_with_every_character_printed(printed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "scripts-large-print.pdf"
    path.write_bytes(printed)
    (result,) = pdfua_check(path)
    assert result["compliant"], result["failed_rules"]


def test_a_glyph_sharing_its_cluster_s_text_reads_as_no_stray_letter(printed: bytes) -> None:
    # "हि" is drawn vowel sign first; WeasyPrint maps that glyph to empty text, which pdfium
    # read as the glyph's number ("ɟहिन्दी"): it maps to the invisible word joiner instead.
    text = pdf_text(printed)
    assert HINDI in text.replace("\u2060", "")
    source = (
        "Languages and pictures The council prints notices in the languages of its residents. "
        f"{HINDI} {BENGALI} Call 0300 123 4567 for a copy in another language. "
        "Original page 1 Page 1 of 1"
    )
    assert set(text) - set(source) - set("\r\n") <= {"\u2060"}, set(text) - set(source)
