"""Decoration the layout reader sets aside (:mod:`workers.engine.layout.figures`) is tagged as
a layout artifact, never as a figure waiting for alternative text."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from ..analysis.drawn_pdfs import Picture, body_lines, make_pdf
from ..content_pdfs import labels_drawn_twice
from .conftest import tag_and_check


def _marks_around_images(content: bytes) -> list[list[str]]:
    """For each image ``Do`` of the first page: the marked-content tags open around it."""
    out: list[list[str]] = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        open_marks: list[str] = []
        for instruction in pikepdf.parse_content_stream(pdf.pages[0]):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                continue
            op = str(instruction.operator)
            if op in ("BDC", "BMC"):
                tag = str(instruction.operands[0])
                if op == "BDC" and isinstance(instruction.operands[1], pikepdf.Dictionary):
                    kind = instruction.operands[1].get("/Type")
                    tag += f" {kind}" if kind is not None else ""
                open_marks.append(tag)
            elif op == "EMC" and open_marks:
                open_marks.pop()
            elif op == "Do":
                out.append(list(open_marks))
    return out


def _roles(content: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        roles: list[str] = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/S" in node:
                    roles.append(str(node.S))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    stack.extend(kids)
                elif kids is not None:
                    stack.append(kids)
        return roles


def test_a_running_logo_is_a_layout_artifact_not_a_figure(tmp_path: Path) -> None:
    logo = Picture("logo", 450, 760, 90, 60)
    source = make_pdf(tmp_path / "logo.pdf", [([logo], body_lines()) for _ in range(3)])
    result = tag_and_check(source)
    assert _marks_around_images(result.tagged.content) == [["/Artifact /Layout"]]
    assert "/Figure" not in _roles(result.tagged.content)
    assert not any("figure" in reason for reason in result.tagged.review)
    assert result.failed() == []  # the standard 14 Helvetica is embedded now (font_embedding)


def test_a_picture_stays_a_figure_flagged_for_review(tmp_path: Path) -> None:
    photo = Picture("photo", 150, 200, 300, 200)
    source = make_pdf(tmp_path / "photo.pdf", [([photo], body_lines(700))])
    result = tag_and_check(source)
    (marks,) = _marks_around_images(result.tagged.content)
    assert marks and not marks[0].startswith("/Artifact")  # content, with an MCID
    assert "/Figure" in _roles(result.tagged.content)
    assert any("figure" in reason for reason in result.tagged.review)


def test_words_drawn_again_on_themselves_are_tagged_once(tmp_path: Path) -> None:
    # A diagram's labels drawn over their own grey shadows: the model reads each once, and
    # the drawing no element claims is an artifact, so every check still passes.
    result = tag_and_check(labels_drawn_twice(tmp_path / "labels.pdf"))
    assert result.failed() == []
    assert [b.text for b in result.document.blocks].count("Pituitary gland") == 1
