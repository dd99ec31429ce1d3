"""The C instruction scanner reads streams as qpdf does, and tagging the stream's bytes gives
the same instructions as tagging pikepdf's."""

from __future__ import annotations

import pikepdf
import pytest

from workers.engine.tagged_pdf.marked_content import (
    PageTagging,
    owners_of,
    read_operators,
    scan_content,
    tag_instructions,
    tag_stream_bytes,
    xobject_names,
)

pytest.importorskip("workers.engine.tagged_pdf._instruction_scan")

#: Streams with the syntax the scanner must read exactly: nested and escaped strings, hex
#: strings, dictionaries and arrays as operands, names next to delimiters, a stream split
#: between two objects, old marks, optional content, an XObject that is and one that is not.
STREAMS: list[list[bytes]] = [
    [b"/OC /oc1 BDC q 0 0 m 10 10 l S Q EMC /P <</MCID 0>>BDC BT/F1 12 Tf 72 700 Td"
     b"(Fir\\)st (nested) \\061)Tj[(Sec)-250<6F6E 64>]TJ ET EMC 0 0 100 100 re W n"],
    [b"q 1 0 0 1 0 0 cm /Im1 Do Q /Missing Do /Span<</ActualText(x)/Lang(en)>>BDC",
     b"BT /F1 9 Tf 1 2 Td 0 0 (quoted) \" (line) ' ET EMC 0.5 g 1 1 5 5 re f* /Sh0 sh"],
    [b"[] 0 d 1 w 0 0 1 RG /GS0 gs 3 0 0 3 0 0 cm BT ET"],
]


def page_with(streams: list[bytes]) -> tuple[pikepdf.Pdf, pikepdf.Page]:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    image = pdf.make_stream(b"\xff", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                            Width=1, Height=1, ColorSpace=pikepdf.Name.DeviceGray,
                            BitsPerComponent=8)
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
    contents = [pdf.make_stream(s) for s in streams]
    page.obj.Contents = contents[0] if len(contents) == 1 else pikepdf.Array(contents)
    return pdf, page


@pytest.mark.parametrize("streams", STREAMS)
def test_scanner_agrees_with_pikepdf(streams: list[bytes]) -> None:
    pdf, page = page_with(streams)
    names = xobject_names(page.obj.get("/Resources"))
    scanned = scan_content(page, names)
    assert scanned is not None
    instructions = list(pikepdf.parse_content_stream(page))
    expected = read_operators(instructions, names)
    assert scanned.operators == expected
    for index, instruction in enumerate(instructions):
        piece = scanned.data[scanned.starts[index]:scanned.ends[index]]
        alone = pikepdf.parse_content_stream(pikepdf.Stream(pdf, piece))
        assert pikepdf.unparse_content_stream(alone) == pikepdf.unparse_content_stream(
            [instruction]
        )


@pytest.mark.parametrize("content", [
    b"BT /F1 12 Tf (a) Tj % a comment\nET",  # comments: left to qpdf
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \xff EI",  # inline images
    b"BT (unterminated Tj ET",
    b"/Na#20me Do",  # a name with an escape
    b"1 2",  # operands with no operator
])
def test_scanner_declines_what_it_does_not_read_exactly(content: bytes) -> None:
    _, page = page_with([content])
    assert scan_content(page, frozenset()) is None


@pytest.mark.parametrize("streams", STREAMS)
def test_tagging_bytes_gives_the_same_instructions(streams: list[bytes]) -> None:
    pdf, page = page_with(streams)
    names = xobject_names(page.obj.get("/Resources"))
    scanned = scan_content(page, names)
    assert scanned is not None
    instructions = list(pikepdf.parse_content_stream(page))
    # Every third instruction claimed by a leaf of its own, some by artifacts, the rest not.
    claims: list[tuple[int | str, list[tuple[int, int]]]] = [
        (index // 3 if index % 5 else "header", [(index, index + 1)])
        for index in range(0, len(instructions), 2)
    ]
    owners = owners_of(len(instructions), claims)
    part = pikepdf.ContentStreamInstruction([pikepdf.Array([pikepdf.String("x")])],
                                            pikepdf.Operator("TJ"))
    splits = {index: [(7, part), (8, part)]  # the first text operator cut in two
              for index, name in enumerate(scanned.operators.names) if name in ("Tj", "TJ")}
    splits = dict(list(splits.items())[:1])
    by_pikepdf, by_bytes = PageTagging(), PageTagging()
    expected = tag_instructions(instructions, owners, names, by_pikepdf, splits)
    written = tag_stream_bytes(scanned, owners, by_bytes, splits)
    got = pikepdf.parse_content_stream(pikepdf.Stream(pdf, written))
    assert pikepdf.unparse_content_stream(got) == pikepdf.unparse_content_stream(expected)
    assert by_bytes == by_pikepdf
