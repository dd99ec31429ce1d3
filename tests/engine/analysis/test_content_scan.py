"""The C content-stream scanner (layout/_content_scan.c) finds what pikepdf's parser finds: the
same instruction count and the same page objects predicted, made by the same instructions
(operators._kinds_of over operators._pikepdf_events), or leaves the stream to pikepdf (None).
Hand-made streams exercise every branch, random ones the tokenizer, and the corpus (when
present) real pages."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine.layout import operators
from workers.engine.layout.operators import map_operators

pytestmark = pytest.mark.skipif(
    operators._scanner is None, reason="the C scanner is not built here (no C compiler)"
)

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


# The documents of the pages made here: a page is unusable once its Pdf is collected.
_OPEN: list[pikepdf.Pdf] = []


def _page(*streams: bytes) -> pikepdf.Page:
    pdf = pikepdf.new()
    _OPEN.append(pdf)
    page = pdf.add_blank_page(page_size=(612, 792))
    made = [pdf.make_stream(data) for data in streams]
    page.obj.Contents = made[0] if len(made) == 1 else pikepdf.Array(made)
    return page


# What the XObjects of the hand-made pages are ("/Nothing" is none: its Do makes no object).
XOBJECTS = {"/Im1": "image", "/Fm0": "form"}


def _pikepdf(page: pikepdf.Page) -> tuple[int, list[str], list[int]]:
    instructions = pikepdf.parse_content_stream(page)
    events = operators._pikepdf_events(instructions)
    return (len(instructions), *operators._kinds_of(events, XOBJECTS))


def _scanned(page: pikepdf.Page) -> tuple[int, list[str], list[int]] | None:
    return operators._scanned(page, XOBJECTS)


# Streams the scanner reads: each the same as pikepdf's reading.
READ = [
    b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
    b"BT () Tj (\\() Tj (a(b)c) Tj (\\053) Tj <> Tj < > Tj <4 1> Tj <41> ' ET",
    b"BT [() -200 ()] TJ [(x)] TJ [[(nested)]] TJ [-100 <>] TJ [-100 <00>] TJ ET",
    b"BT 1 2 (x) \" 1 2 () \" 5 Tj [] TJ TJ Tj ET",
    b"q 1 0 0 1 72 72 cm /Im1 Do Q /Fm0 Do Do /Im1 5 Do /Nothing Do",
    b"0 0 m 10 10 l 5 5 10 10 15 15 c h S 0 0 10 10 re f* 0 0 m n n f /Sh0 sh f 1 1 m B*",
    b"0 0 m (x) Tj /Im1 Do S 0 0 10 10 re W n b 0 0 m s",
    b"/P <</MCID 0 /Alt (a \\) b) /K [1 2 <<>>]>> BDC EMC /Artifact BMC EMC",
    b"1 g .5 G -1.5 0 Td +3 Tz 4. w true false null 3 d0\r\n\f\tQ",
    b"[(a) <</X (y)>>] TJ [<</S (x)>>] TJ",
    # A backslash ending a line continues the string with no byte of its own (CR, LF or CR
    # LF); a second line end is a byte: empty strings and strings with bytes either way.
    b"BT (\\\r) Tj (\\\n) Tj (\\\r\n) Tj [(\\\r\n)] TJ",
    b"(\\\n\r) Tj (\\\r\r) Tj (\\\r\n\n) Tj ET",
    b"BT (line \\\ncontinued) Tj (a\\\rb) Tj [(\\\r\n) -5 (x\\\r\n)] TJ ET\r\n",
    # Every operator name the scanner knows, many sharing a first character with others.
    b"q BT /F1 12 Tf 1 Tc 2 Tw 100 Tz 12 TL 0 Tr 0 Ts 1 0 0 1 0 0 Tm 0 0 Td 0 0 TD T* (x) Tj"
    b" [(y)] TJ (z) ' 1 2 (w) \" ET 1 w 0 J 0 j 10 M [] 0 d /R0 ri 1 i /G0 gs /C0 CS /C0 cs"
    b" 0 SC 0 sc 0 SCN 0 scn 0 G 0 g 0 0 0 RG 0 0 0 rg 0 0 0 0 K 0 0 0 0 k /P BMC EMC"
    b" /P <<>> BDC EMC /P MP /P <<>> DP BX EX 0 0 d0 0 0 0 0 0 0 d1 0 0 m 1 1 l 1 2 3 4 v"
    b" 1 2 3 4 y 1 2 3 4 5 6 c h W n 0 0 1 1 re W* n 0 0 1 1 re F 0 0 1 1 re f 0 0 1 1 re f*"
    b" 0 0 1 1 re B 0 0 1 1 re B* 0 0 1 1 re b 0 0 1 1 re b* 0 0 1 1 re S 0 0 1 1 re s"
    b" /Sh0 sh /Im1 Do Q",
]
# Streams left to pikepdf (what the scanner would not read exactly as qpdf does).
LEFT = [
    b"% a comment\nBT (x) Tj ET",
    b"BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI Q",
    b"BT (a line continued \\\r\n",  # (unterminated)
    b"{ 1 } q",
    b"BT (unterminated Tj ET",
    b"BT (x)) Tj ET",
    b"[ 1 2 q",
    b"1 2 3",
    b"1.2.3 Tj",
    b"BT (x) Frob ET",
    b"BT (x) Tx ET",  # (names unknown, beginning as known ones do)
    b"0 0 1 1 re bb",
    b"q Qq",
    b"/Im#31 Do",
    b"/ Do",
    b"(name) Do",
    b"5 /Im1 Do",
    b"<4G> Tj",
    b"[ q ] TJ",
    b"1 > q",
    b"q\x00Q",
]


@pytest.mark.parametrize("data", READ)
def test_the_scanner_reads_as_pikepdf(data: bytes) -> None:
    page = _page(data)
    scanned = _scanned(page)
    assert scanned is not None
    assert scanned == _pikepdf(page)


@pytest.mark.parametrize("data", LEFT)
def test_the_scanner_leaves_unusual_streams_to_pikepdf(data: bytes) -> None:
    assert _scanned(_page(data)) is None


def test_streams_of_an_array_are_read_as_one() -> None:
    page = _page(b"BT (a) Tj", b"(b) Tj ET\n", b"0 0 10 10 re", b"f")
    scanned = _scanned(page)
    assert scanned is not None and scanned == _pikepdf(page)
    # A string begun in one stream and ended in the next is left to qpdf.
    assert _scanned(_page(b"BT (a", b") Tj ET")) is None


def test_the_map_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(READ[0] + b" " + READ[4] + b" " + READ[5])
    kinds = ["text", "path", "path", "shading"]
    fast = map_operators(page, kinds)
    monkeypatch.setattr(operators, "_scanner", None)
    slow = map_operators(page, kinds)
    assert (fast.operator_of, fast.warning) == (slow.operator_of, slow.warning)


TOKENS = [
    "q", "Q", "BT", "ET", "Tj", "TJ", "'", '"', "Do", "re", "f", "S", "n", "m", "l", "sh", "b*",
    "cm", "Tf", "BDC", "EMC", "(x)", "()", "(a\\)b)", "(\\\\)", "<>", "<41>", "< 4 1 >", "[",
    "]", "<<", ">>", "/Im1", "/F1", "1", "-2.5", ".5", "true", "null", "%c\n", "{", ")",
    "BI", "1.2.3", "Frob", "\x00", "\\", "(\\\n)", "(\\\r)", "(\\\r\n\n)", "/Fm0",
    "/Nothing",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30), st.sampled_from([" ", "\n", "\r\n"]))
def test_random_streams_are_read_as_pikepdf_or_left_to_it(tokens: list[str], space: str) -> None:
    page = _page(space.join(tokens).encode("latin-1"))
    scanned = _scanned(page)
    if scanned is None:
        return
    assert scanned == _pikepdf(page)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_pages_are_read_as_pikepdf() -> None:
    read = 0
    for path in sorted((CORPUS / "tagged").glob("*.pdf"))[:12]:
        with pikepdf.open(path) as pdf:
            for page in pdf.pages[:20]:
                scanned = _scanned(page)
                if scanned is not None:
                    assert scanned == _pikepdf(page), f"{path.name} page {page.index}"
                    read += 1
    assert read > 50  # the scanner reads real pages, not only leaves them to pikepdf
