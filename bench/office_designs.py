"""The held-out bench's page designs as Word reference documents, for the LibreOffice maker.

Most public-sector PDFs are office exports. The LibreOffice maker turns each held-out page into
a .docx with pandoc and exports it as a tagged PDF; pandoc takes a .docx's page set-up (size,
margins, columns, header and footer) and its styles from a reference document, and this module
writes one per design from pandoc's default, so that an office document meets the same designs
as the browser-made ones: page size and margins, one or two columns, the body face and size,
heading sizes (numbered headings come from pandoc's --number-sections), a running header with
the title and a footer with the page number.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

#: Twips (1/1440 inch) per centimetre and the page sizes in twips.
CM = 567
PAGE_SIZES = {"A4": (11906, 16838), "letter": (12240, 15840)}
#: Browsers' default heading sizes relative to the body, as the HTML designs inherit them.
DEFAULT_HEADING_SCALE = (2.0, 1.5, 1.17, 1.0, 0.83, 0.67)


@dataclass(frozen=True)
class OfficeDesign:
    """One design's page set-up and type, as the CSS of the same name in bench/heldout.py."""

    page: str
    margin_cm: tuple[float, float]  # top and bottom, left and right
    font: str
    size_pt: float
    line: float  # line height as a multiple of single spacing
    columns: int = 1
    column_gap_cm: float = 0.0
    heading_scale: tuple[float, ...] = DEFAULT_HEADING_SCALE
    numbered_headings: bool = False
    running: bool = False


OFFICE_DESIGNS: dict[str, OfficeDesign] = {
    "single": OfficeDesign("A4", (2.5, 2.2), "DejaVu Serif", 11, 1.4),
    "twocol": OfficeDesign("A4", (2.0, 1.6), "Liberation Serif", 9.5, 1.3, columns=2,
                           column_gap_cm=0.9),
    "serifnum": OfficeDesign("A4", (2.5, 2.5), "Liberation Serif", 13, 1.5,
                             heading_scale=(2.0, 1.3, 1.1, 1.0, 0.83, 0.67),
                             numbered_headings=True),
    "narrowsans": OfficeDesign("letter", (1.0, 1.2), "DejaVu Sans", 8.5, 1.25,
                               heading_scale=(1.5, 1.0, 1.0, 1.0, 1.0, 1.0)),
    "running": OfficeDesign("A4", (2.6, 2.2), "Liberation Sans", 10.5, 1.4, running=True),
}
MONO = "DejaVu Sans Mono"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
EDITED = ("word/styles.xml", "word/document.xml", "word/_rels/document.xml.rels",
          "[Content_Types].xml")
_FONTS = re.compile(r"<w:rFonts\b[^>]*/>", re.DOTALL)
_SECTION = re.compile(r"<w:sectPr>.*?</w:sectPr>", re.DOTALL)
_DEFAULT_SIZE = re.compile(r"(<w:rPrDefault>.*?)<w:sz w:val=\"\d+\" />\s*<w:szCs w:val=\"\d+\" />",
                           re.DOTALL)
_DEFAULT_SPACING = re.compile(r"(<w:pPrDefault>\s*<w:pPr>\s*)<w:spacing [^>]*/>", re.DOTALL)


def half_points(pt: float) -> int:
    return round(pt * 2)


def styles_xml(text: str, design: OfficeDesign) -> str:
    """Pandoc's styles with the design's faces (theme fonts would be whatever LibreOffice
    substitutes), body size, line spacing and heading sizes."""
    face = escape(design.font, {'"': "&quot;"})

    def font(match: re.Match[str]) -> str:
        name = MONO if "Consolas" in match[0] else face
        return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}" w:eastAsia="{name}" />'

    text = _FONTS.sub(font, text)
    size = half_points(design.size_pt)
    text = _DEFAULT_SIZE.sub(rf'\g<1><w:sz w:val="{size}" /><w:szCs w:val="{size}" />', text, 1)
    line = round(240 * design.line)
    text = _DEFAULT_SPACING.sub(
        rf'\g<1><w:spacing w:after="120" w:line="{line}" w:lineRule="auto" />', text, 1)
    for level, scale in enumerate(design.heading_scale, start=1):
        text = heading_size(text, level, half_points(design.size_pt * scale))
    # The designs rule every cell (0.5pt grey), as Word's default "Table Grid" does.
    return text.replace('<w:tblInd w:w="0" w:type="dxa" />', '<w:tblInd w:w="0" w:type="dxa" />'
                        + TABLE_RULES, 1)


TABLE_RULES = "<w:tblBorders>" + "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="888888" />'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
) + "</w:tblBorders>"


def heading_size(text: str, level: int, size: int) -> str:
    """Heading N's size, and bold: the browsers' headings are bold at every size."""
    start = text.find(f'w:styleId="Heading{level}"')
    end = text.find("</w:style>", start)
    if start < 0 or end < 0:
        return text
    style = text[start:end]
    style = re.sub(r"<w:sz w:val=\"\d+\" />\s*<w:szCs w:val=\"\d+\" />", "", style)
    run = f'<w:b /><w:bCs /><w:sz w:val="{size}" /><w:szCs w:val="{size}" />'
    style = (style.replace("</w:rPr>", run + "</w:rPr>", 1) if "<w:rPr>" in style
             else style + f"<w:rPr>{run}</w:rPr>")
    return text[:start] + style + text[end:]


def section_xml(design: OfficeDesign) -> str:
    """The page set-up pandoc copies from the reference document's last section."""
    width, height = PAGE_SIZES[design.page]
    vertical, horizontal = (round(m * CM) for m in design.margin_cm)
    refs = ('<w:headerReference w:type="default" r:id="rIdHeldoutHeader" />'
            '<w:footerReference w:type="default" r:id="rIdHeldoutFooter" />'
            if design.running else "")
    # With a header, Word's top margin is the header's distance from the edge and the body
    # starts below it; the CSS margin boxes sit in the margin, as here.
    edge = round(min(vertical, 1.2 * CM))
    return (
        f"<w:sectPr>{refs}"
        '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        f'<w:pgSz w:w="{width}" w:h="{height}" />'
        f'<w:pgMar w:top="{vertical}" w:right="{horizontal}" w:bottom="{vertical}" '
        f'w:left="{horizontal}" w:header="{edge}" w:footer="{edge}" w:gutter="0" />'
        f'<w:cols w:num="{design.columns}" w:space="{round(design.column_gap_cm * CM)}" />'
        "</w:sectPr>"
    )


def header_xml(title: str) -> str:
    run = '<w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" /><w:i />' \
          '<w:sz w:val="18" /></w:rPr>'
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{_W}" xmlns:r="{_R}">'
            f'<w:p><w:pPr><w:jc w:val="center" /></w:pPr><w:r>{run}'
            f"<w:t>{escape(title)}</w:t></w:r></w:p></w:hdr>")


def footer_xml() -> str:
    run = '<w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" />' \
          '<w:sz w:val="18" /></w:rPr>'
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="{_W}" xmlns:r="{_R}">'
            f'<w:p><w:pPr><w:jc w:val="right" /></w:pPr>'
            f'<w:r>{run}<w:t xml:space="preserve">Page </w:t></w:r>'
            f'<w:r>{run}<w:fldChar w:fldCharType="begin" /></w:r>'
            f'<w:r>{run}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{run}<w:fldChar w:fldCharType="separate" /></w:r>'
            f"<w:r>{run}<w:t>1</w:t></w:r>"
            f'<w:r>{run}<w:fldChar w:fldCharType="end" /></w:r></w:p></w:ftr>')


def pandoc_reference(pandoc: str) -> bytes:
    return subprocess.run([pandoc, "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True, timeout=60).stdout


def write_reference(pandoc: str, design_name: str, title: str, out: Path) -> None:
    """Writes the design's reference .docx (the title goes into the running header)."""
    design = OFFICE_DESIGNS[design_name]
    source = out.with_suffix(".default.docx")
    source.write_bytes(pandoc_reference(pandoc))
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename not in EDITED:
                zout.writestr(item, zin.read(item.filename))
                continue
            data = zin.read(item.filename).decode("utf-8")
            if item.filename == "word/styles.xml":
                data = styles_xml(data, design)
            elif item.filename == "word/document.xml":
                data = _SECTION.sub(lambda _: section_xml(design), data, 1)
            elif design.running and item.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", (
                    f'<Relationship Type="{_REL}/header" Id="rIdHeldoutHeader" '
                    'Target="header1.xml" />'
                    f'<Relationship Type="{_REL}/footer" Id="rIdHeldoutFooter" '
                    'Target="footer1.xml" /></Relationships>'))
            elif design.running and item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", (
                    f'<Override PartName="/word/header1.xml" ContentType="{_CT}.header+xml" />'
                    f'<Override PartName="/word/footer1.xml" ContentType="{_CT}.footer+xml" />'
                    "</Types>"))
            zout.writestr(item, data)
        if design.running:
            zout.writestr("word/header1.xml", header_xml(title))
            zout.writestr("word/footer1.xml", footer_xml())
    source.unlink()
