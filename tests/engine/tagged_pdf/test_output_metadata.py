"""The tagged output's XMP packet is written once, afresh, by the catalog step: saving it
again with pikepdf's metadata fix (which the tagger skips: it re-parses and re-writes the
packet for a pdf:PDFVersion) would change no byte, whatever the source's own packet said."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from workers.engine.analyse import analyse
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..content_pdfs import text_page

_SOURCE_XMP = b"""<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" pdf:PDFVersion="2.0">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Annual figures</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def _source(path: Path) -> Path:
    pdf, _ = text_page(b"BT /F1 14 Tf 72 720 Td (Annual figures for the year) Tj ET\n"
                       b"BT /F1 11 Tf 72 690 Td (Sales rose in every region.) Tj ET")
    metadata = pdf.make_stream(_SOURCE_XMP)
    metadata.Type, metadata.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    pdf.Root.Metadata = metadata
    pdf.save(path, force_version="2.0")
    return path


def _xmp(content: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        return bytes(pdf.Root.Metadata.read_bytes())


def test_metadata_fix_would_change_nothing(tmp_path: Path) -> None:
    source = _source(tmp_path / "source.pdf")
    tagged = tag_pdf(source, analyse(source, max_pages=10))
    written = _xmp(tagged.content)
    assert b"pdfuaid" in written and b"Annual figures" in written
    assert b"PDFVersion" not in written
    assert tagged.content.startswith(b"%PDF-1.7")
    with pikepdf.open(io.BytesIO(tagged.content)) as pdf:
        again = io.BytesIO()
        pdf.save(again, fix_metadata_version=True, force_version="1.7")
    assert _xmp(again.getvalue()) == written
