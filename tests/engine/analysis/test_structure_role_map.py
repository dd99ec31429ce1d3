"""The author's RoleMap, read as the standard allows: custom types mapped to standard ones,
standard types kept as they are (remapping them is forbidden)."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading, Table
from workers.engine.structure.reader import read_structure

from .conftest import HtmlPdf

BODY = (
    "<h1>Title here</h1><p>Para one.</p>"
    "<table><tr><th>Day</th><th>Rain</th></tr><tr><td>Monday</td><td>3 mm</td></tr>"
    "<tr><td>Tuesday</td><td>none</td></tr></table>"
)

def test_a_standard_type_the_role_map_sends_elsewhere_keeps_its_name(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    # InDesign maps an object style named "Table" to Sect, over an element that holds rows:
    # the standard type is read as itself (remapping it is forbidden), and other types are
    # still mapped (Word's "Title" to H1: PDF 2.0 names, not standard in PDF 1.7).
    path = tmp_path / "remapped.pdf"
    with pikepdf.open(html_pdf(BODY, tagged=True)) as pdf:
        def retype(node: pikepdf.Object) -> None:
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == pikepdf.Name.H1:
                    node.S = pikepdf.Name.Title
                kids = node.get("/K")
                for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                    retype(kid)

        retype(pdf.Root.StructTreeRoot)
        pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary(
            Table=pikepdf.Name.Sect, Title=pikepdf.Name.H1
        )
        pdf.save(path)
    doc = read_structure(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in r.cells] for r in tables[0].rows][1] == ["Monday", "3 mm"]
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].text == "Title here"
