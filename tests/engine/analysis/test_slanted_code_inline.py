"""A paragraph's last line holding code in a typewriter face slanted for emphasis
("package python3-*foo.bar*.", as a browser slants a monospaced face that has no italic):
the slanted glyphs' boxes overhang each other, but their pitch is the face's, so the code
is told as code set inline, the line is measured in the running text's size and goes on
with its paragraph, no heading of its own."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

PROSE = ["For subpackages such as these the recommendation of the policy is to name",
         "the binary package after the module it installs, whatever the module is called",
         "upstream, with the name of the interpreter before it and so on, as the"]


def _page(path: Path) -> Path:
    ops = [f"BT /F1 10 Tf 72 {700 - 14 * k} Td ({t}) Tj ET".encode()
           for k, t in enumerate(PROSE)]
    # "package " in Times 10, "python3-" in Courier 13 (a typewriter face's box is taller
    # than the serif's at one size), "foo.bar" in Courier slanted, the full stop in Times.
    ops.append(b"BT /F1 10 Tf 72 658 Td (package ) Tj /F2 13 Tf (python3-) Tj ET")
    ops.append(b"BT /F2 1 Tf 13 0 3.25 13 169.66 658 Tm (foo.bar) Tj"
               b" /F1 1 Tf 10 0 0 10 224.26 658 Tm (.) Tj ET")
    ops += [f"BT /F1 10 Tf 72 {630 - 14 * k} Td ({t}) Tj ET".encode()
            for k, t in enumerate(PROSE)]
    return fonts_page_pdf(path, ops, {"F1": "/Times-Roman", "F2": "/Courier"})


def test_a_line_ending_in_slanted_code_goes_on_with_its_paragraph(tmp_path: Path) -> None:
    blocks = read_layout(_page(tmp_path / "slanted.pdf"), max_pages=1).blocks
    assert not any(isinstance(b, Heading) for b in blocks)
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("as the package python3-foo.bar.")
