"""Whether a font's /ToUnicode maps some codes is answered as the whole map would answer it,
without writing out the codes of every range (the blank .notdef repair asks after one)."""

from __future__ import annotations

import itertools

import pikepdf

from workers.engine.tagged_pdf.fonts import MAX_RANGE_CODES, maps_codes, to_unicode_map

CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0003> <0020>
<00> <0041>
endbfchar
4 beginbfrange
<0010> <0014> <0061>
<0100> <0105> [<0062> <0063>]
<0200> <FFFF> <4E00>
<20> <22> <0030>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _font(pdf: pikepdf.Pdf, cmap: bytes | None) -> pikepdf.Dictionary:
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0)
    if cmap is not None:
        font[pikepdf.Name.ToUnicode] = pdf.make_stream(cmap)
    return font


def test_the_answer_is_the_whole_maps() -> None:
    pdf = pikepdf.new()
    probes = [b"\0\x03", b"\0", b"\0\0", b"\0\x10", b"\0\x14", b"\0\x15", b"\x01\x00",
              b"\x01\x01", b"\x01\x02", b"\x01\x05", b"\x02\x00", b"\xff\xff",
              (0x200 + MAX_RANGE_CODES - 1).to_bytes(3, "big")[-2:], b" ", b"\x22", b"\x23",
              b"\0\0\x10"]
    for cmap in (CMAP, None, b"garbage"):
        font = _font(pdf, cmap)
        keys = to_unicode_map(font).keys()
        for size in range(3):
            for codes in itertools.combinations(probes, size):
                assert maps_codes(font, set(codes)) == (set(codes) <= keys), (cmap, codes)


def test_a_short_array_maps_only_the_codes_it_has_values_for() -> None:
    pdf = pikepdf.new()  # (kept open: the font's stream lives in it)
    font = _font(pdf, CMAP)
    assert len(to_unicode_map(font)) > 60_000
    assert maps_codes(font, {b"\x01\x00", b"\x01\x01"})
    assert not maps_codes(font, {b"\x01\x02"})  # in the range, past the array's values
    assert maps_codes(font, {b"\0\x03", b"\xab\xcd"})  # a bfchar entry and a wide range
