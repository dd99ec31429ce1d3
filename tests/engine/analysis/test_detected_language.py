"""A PDF whose catalog names no language gets the language its text is in (script first:
Hangul, Han; CLD2 for the rest), with a warning that it was detected, not declared; a long
passage clearly in another language than the document's gets its own; short or mixed text
gets none (the renderers fall back to English and say so, as before). A valid ``/Lang``
stands. The renderers declare what the model says: ``<html lang>``, the tagged PDF's
``/Lang`` and each passage's."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import Document, Paragraph
from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.language import detect_languages, text_language
from workers.engine.layout.reader import read_layout
from workers.engine.pipeline import convert
from workers.engine.structure.reader import read_structure

from .conftest import HtmlPdf

GERMAN = [
    "Die Gemeinde hat im vergangenen Jahr die Straßen im Ortskern erneuert. Der Rat beschloss "
    "außerdem, die beiden Schulen und die Bibliothek zu sanieren, sobald das Land die Mittel "
    "dafür bewilligt hat.",
    "Die Arbeiten sollen im Frühjahr beginnen und bis zum Ende des Sommers abgeschlossen sein. "
    "Während dieser Zeit bleibt die Hauptstraße für den Durchgangsverkehr gesperrt.",
]
FRENCH = [
    "Le conseil municipal a adopté le budget de l'année prochaine lors de sa séance du mois "
    "dernier. Les travaux de réfection des trottoirs commenceront dès le printemps.",
    "Les habitants sont invités à consulter le plan de circulation affiché à la mairie et à "
    "faire part de leurs remarques avant la fin du mois de mars.",
]
ENGLISH = [
    "The council adopted next year's budget at its meeting last month. Work on the pavements "
    "in the town centre will begin in the spring and should be finished by the autumn.",
    "Residents are invited to read the traffic plan displayed at the town hall and to send "
    "their comments before the end of March, when the council will decide on the route.",
]
SPANISH = (
    "El ayuntamiento aprobó el presupuesto del año próximo en su sesión del mes pasado. Las "
    "obras de las aceras del centro comenzarán en primavera y terminarán antes del otoño."
)
KOREAN = [
    "대한민국 헌법은 국민의 기본권을 보장하고 국가기관의 조직과 운영에 관한 기본 원칙을 "
    "정한다. 모든 국민은 법 앞에 평등하며 누구든지 성별이나 종교 또는 사회적 신분에 의하여 "
    "차별을 받지 아니한다.",
    "보험회사는 매 분기마다 재무 상태와 경영 성과를 공시하여야 하며 보험계약자는 이를 "
    "언제든지 열람할 수 있다.",
]
CHINESE = [
    "本公司第一季度营业收入较上年同期增长百分之十二，主要原因是新产品销售情况良好，"
    "海外市场的订单数量明显增加。",
    "董事会认为，公司将继续加大研发投入，提高产品质量，并积极开拓新的销售渠道。",
]


#: The standard CID fonts a reader supplies (not embedded; codes are UCS-2, read back
#: without a font file): name, encoding, character collection.
_CID_FONTS = {
    "HYSMyeongJo-Medium": ("UniKS-UCS2-H", "Korea1"),
    "STSong-Light": ("UniGB-UCS2-H", "GB1"),
}


def _font(pdf: pikepdf.Pdf, name: str) -> pikepdf.Object:
    if name == "Helvetica":
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
    encoding, ordering = _CID_FONTS[name]
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/" + name), Flags=6,
        FontBBox=[0, -200, 1000, 900], ItalicAngle=0, Ascent=880, Descent=-120,
        CapHeight=880, StemV=93,
    ))
    cid = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0,
        # (A space half an em wide, as CJK fonts have: a face of one pitch for all would
        # read as program code.)
        BaseFont=pikepdf.Name("/" + name), FontDescriptor=descriptor, DW=1000, W=[1, [500]],
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String(ordering), Supplement=1),
    ))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/" + name),
        Encoding=pikepdf.Name("/" + encoding), DescendantFonts=[cid],
    ))


def _lines(paragraph: str, width: int, *, anywhere: bool = False) -> list[str]:
    """``paragraph`` cut into lines of at most ``width`` characters, at spaces, or
    ``anywhere`` (CJK typesetting fills each line)."""
    if anywhere:
        return [paragraph[k:k + width] for k in range(0, len(paragraph), width)]
    lines: list[str] = []
    for word in paragraph.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _pdf(path: Path, paragraphs: list[str], *, font: str = "Helvetica",
         lang: str | None = None) -> Path:
    """One A4 page of ``paragraphs`` in 10-point ``font`` (Helvetica, or a CID font of
    :data:`_CID_FONTS`), a blank line between them; the catalog's ``/Lang`` is ``lang``
    (none when None)."""
    pdf = pikepdf.new()
    ops, y = [], 770.0
    for paragraph in paragraphs:
        # (A paragraph Helvetica can set is set in it, /F2, whatever ``font`` is.)
        wide = not paragraph.isascii() and font != "Helvetica"
        for line in _lines(paragraph, 40 if wide else 85, anywhere=wide):
            code = line.encode("utf-16-be") if wide else line.encode("cp1252")
            ops.append(f"BT /F{1 if wide else 2} 10 Tf 72 {y} Td <{code.hex()}> Tj ET")
            y -= 14
        y -= 14
    fonts = pikepdf.Dictionary(F2=_font(pdf, "Helvetica"))
    if font != "Helvetica":
        fonts.F1 = _font(pdf, font)
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=fonts),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    if lang is not None:
        pdf.Root.Lang = pikepdf.String(lang)
    pdf.save(path)
    return path


def _read(path: Path) -> Document:
    return read_layout(path, max_pages=10)


def _detected_warnings(doc: Document) -> list[str]:
    return [w.message for w in doc.warnings if w.code == "language-detected"]


@pytest.mark.parametrize(
    ("paragraphs", "font", "language"),
    [
        (GERMAN, "Helvetica", "de"),
        (FRENCH, "Helvetica", "fr"),
        (KOREAN, "HYSMyeongJo-Medium", "ko"),
        (CHINESE, "STSong-Light", "zh"),
    ],
    ids=["german", "french", "korean", "chinese"],
)
def test_a_document_without_lang_gets_the_language_of_its_text(
    tmp_path: Path, paragraphs: list[str], font: str, language: str
) -> None:
    doc = _read(_pdf(tmp_path / "doc.pdf", paragraphs, font=font))
    assert doc.language == language
    assert _detected_warnings(doc) == [
        f"the source does not say its language: {language!r}, read from its text"
    ]
    # (Every passage is in the document's language: none says its own.)
    assert all(b.lang is None for b in doc.walk())


def test_a_valid_lang_stands(tmp_path: Path) -> None:
    doc = _read(_pdf(tmp_path / "doc.pdf", GERMAN, lang="de-AT"))
    assert doc.language == "de-AT"
    assert not _detected_warnings(doc)
    assert all(b.lang is None for b in doc.walk())


def test_a_lang_that_is_no_language_tag_is_replaced(tmp_path: Path) -> None:
    doc = _read(_pdf(tmp_path / "doc.pdf", FRENCH, lang="French"))
    assert doc.language == "fr"
    assert _detected_warnings(doc)


def test_a_passage_in_another_language_says_its_own(tmp_path: Path) -> None:
    doc = _read(_pdf(tmp_path / "doc.pdf", [ENGLISH[0], SPANISH, ENGLISH[1]]))
    assert doc.language == "en"
    langs = {b.text[:12]: b.lang for b in doc.walk() if isinstance(b, Paragraph)}
    assert langs == {"The council ": None, "El ayuntamie": "es", "Residents ar": None}


def test_a_passage_in_another_language_than_the_declared_one(tmp_path: Path) -> None:
    # (The catalog's language stands; the passage that is not in it says so.)
    doc = _read(_pdf(tmp_path / "doc.pdf", [*GERMAN, SPANISH], lang="de-DE"))
    assert doc.language == "de-DE"
    assert [b.lang for b in doc.walk()] == [None, None, "es"]


def test_short_text_gets_no_language(tmp_path: Path) -> None:
    doc = _read(_pdf(tmp_path / "doc.pdf", ["Summary 2024", "Total: 1,250.00", "Page 1 of 3"]))
    assert doc.language is None
    assert not _detected_warnings(doc)
    assert all(b.lang is None for b in doc.walk())


def test_text_in_languages_mixed_states_none_for_the_document() -> None:
    # Two languages, neither most of the text: the document's stays unsaid (its passages
    # each say theirs where they are long enough).
    assert text_language(" ".join([ENGLISH[0], FRENCH[0]])) is None


def test_a_formula_or_a_name_is_no_language() -> None:
    formula = "= (cx + d) + icy · (cx + d) − icy (ax + b)(cx + d) + aycy ay(cx + d) − " * 3
    assert text_language(formula) is None
    assert text_language("Kunio Murasugi, Oleg Alexandrov, Martin Thoma") is None


def test_han_alone_in_a_japanese_text_is_japanese() -> None:
    # Kanji are Japanese too: a long passage of them in a Japanese text says no language of
    # its own (Chinese); a Japanese passage in a Chinese text does.
    japanese = ("この規則は、会社の従業員が業務上の事故によって負傷した場合の補償について定める"
                "ものであり、すべての事業所に適用される。")
    kanji = "株式会社東京本社総務部人事課長" * 3
    doc = Document(language="ja", blocks=[Paragraph(japanese), Paragraph(kanji)])
    detect_languages(doc)
    assert [b.lang for b in doc.blocks] == [None, None]
    chinese = Document(language="zh", blocks=[Paragraph(japanese), Paragraph(CHINESE[0])])
    detect_languages(chinese)
    assert [b.lang for b in chinese.blocks] == ["ja", None]


def test_renderers_declare_the_detected_language(tmp_path: Path) -> None:
    source = _pdf(tmp_path / "doc.pdf", [*KOREAN, ENGLISH[0]], font="HYSMyeongJo-Medium")
    html = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()
    assert '<html lang="ko"' in html
    assert re.search(r'<p lang="en"[^>]*>The council', html)
    tagged = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=10)
    out = tmp_path / "tagged.pdf"
    out.write_bytes(tagged.content)
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "ko"
        langs = [str(e.Lang) for e in _elements(pdf.Root.StructTreeRoot) if "/Lang" in e]
        assert langs == ["en"]


def _elements(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = node.get("/K")
    if kids is None:
        return []
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    out: list[pikepdf.Dictionary] = []
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            out.append(kid)
            out.extend(_elements(kid))
    return out


def _tagged(html_pdf: HtmlPdf, paragraphs: list[str], *, lang: str | None) -> Path:
    """A tagged PDF (WeasyPrint's PDF/UA) of ``paragraphs``, its catalog's ``/Lang``
    replaced by ``lang`` (removed when None)."""
    path = html_pdf("".join(f"<p>{p}</p>" for p in paragraphs), tagged=True)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if lang is None:
            del pdf.Root["/Lang"]
        else:
            pdf.Root.Lang = pikepdf.String(lang)
        pdf.save(path)
    return path


def test_tags_without_any_language_get_the_text_s(html_pdf: HtmlPdf) -> None:
    doc = read_structure(_tagged(html_pdf, [*GERMAN, SPANISH], lang=None), max_pages=10)
    assert doc.reader == "structure"
    assert doc.language == "de"
    assert _detected_warnings(doc)
    assert [b.lang for b in doc.walk()] == [None, None, "es"]


def test_tags_with_a_language_are_left_as_the_author_tagged_them(html_pdf: HtmlPdf) -> None:
    # (The author's /Lang values stand: the structure reader reads no language of its own.)
    doc = read_structure(_tagged(html_pdf, [*GERMAN, SPANISH], lang="de-CH"), max_pages=10)
    assert doc.language == "de-CH"
    assert not _detected_warnings(doc)
    assert all(b.lang is None for b in doc.walk())
