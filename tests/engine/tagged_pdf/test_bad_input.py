"""Bad input: handled with an output that is no worse than the source, or a clear error."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.errors import ConversionError
from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert

from ..conftest import SHARED
from .conftest import HtmlPdf, pdfua_check, tag_and_check

BODY = "<h1>Bin collections</h1><p>Bins are collected every other Tuesday.</p>"
STRUCTURAL = ("marked", "struct-tree", "content-tagged", "structure", "annotations", "pixels")


def assert_well_tagged(path: Path) -> None:
    result = tag_and_check(path)
    failed = set(result.failed())
    assert not failed & set(STRUCTURAL), result.report
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_broken_structure_tree_is_replaced(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "broken-tree.pdf"
    with pikepdf.open(html_pdf(BODY, tagged=True)) as pdf:
        root = pdf.Root.StructTreeRoot
        # A kid that is a number, one that is a stream, an element that is its own child, and a
        # ParentTree pointing nowhere.
        loop = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem,
                                                    S=pikepdf.Name.P))
        loop.K = pikepdf.Array([loop, 7])
        root.K = pikepdf.Array([loop, pdf.make_stream(b"junk"), root.K])
        root.ParentTree = pikepdf.Dictionary(Nums=pikepdf.Array([0, 99]))
        pdf.save(source)
    assert_well_tagged(source)


def test_circular_role_map(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "role-loop.pdf"
    with pikepdf.open(html_pdf(BODY, tagged=True)) as pdf:
        pdf.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary(
            P=pikepdf.Name("/Para"), Para=pikepdf.Name("/P"), H1=pikepdf.Name("/H1")
        )
        pdf.save(source)
    assert_well_tagged(source)


def test_mcids_without_content(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "empty-mcids.pdf"
    with pikepdf.open(html_pdf(BODY, tagged=True)) as pdf:
        page = pdf.pages[0]
        ghost = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=pdf.Root.StructTreeRoot,
            Pg=page.obj, K=pikepdf.Array([900, 901]),
        ))
        kids = pdf.Root.StructTreeRoot.K
        pdf.Root.StructTreeRoot.K = pikepdf.Array(
            [*(kids if isinstance(kids, pikepdf.Array) else [kids]), ghost]
        )
        pdf.save(source)
    assert_well_tagged(source)


def test_owner_password_only(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "owner-only.pdf"
    with pikepdf.open(html_pdf(BODY)) as pdf:
        pdf.save(source, encryption=pikepdf.Encryption(
            owner="secret", user="", allow=pikepdf.Permissions(extract=False, modify_other=False)
        ))
    result = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=10)
    assert result.report["passed"], result.report
    notes = result.report["notes"]
    assert isinstance(notes, list)
    assert any("permission restrictions" in str(n) for n in notes)


def test_incremental_update_is_read_as_updated(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    # A revision appended after the original: a new /Info with a new title.
    plain = tmp_path / "plain.pdf"
    with pikepdf.open(html_pdf(BODY)) as pdf:
        pdf.save(plain, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    with pikepdf.open(plain) as saved:  # saving renumbers objects
        size = int(saved.trailer.Size)
        root = saved.Root.objgen[0]
    data = plain.read_bytes()
    previous = int(data.rsplit(b"startxref", 1)[1].split()[0])
    info = f"{size} 0 obj\n<< /Title (Collections, revised) >>\nendobj\n".encode()
    at = len(data)
    xref_at = at + len(info)
    update = info + (
        f"xref\n{size} 1\n{at:010d} 00000 n \ntrailer\n<< /Size {size + 1} /Root {root} 0 R "
        f"/Info {size} 0 R /Prev {previous} >>\nstartxref\n{xref_at}\n%%EOF\n"
    ).encode()
    source = tmp_path / "incremental.pdf"
    source.write_bytes(data + update)

    result = tag_and_check(source)
    assert result.failed() == [], result.report
    with pikepdf.open(result.output) as pdf:
        assert str(pdf.docinfo.Title) == "Collections, revised"


def test_object_streams(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "object-streams.pdf"
    with pikepdf.open(html_pdf(BODY)) as pdf:
        pdf.save(source, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert_well_tagged(source)


HOSTILE = SHARED / "corpus" / "hostile"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty-zero-bytes.pdf", "not-a-pdf"),
        ("enc-aes256-r6-user-and-owner-pw.pdf", "encrypted-pdf"),
        ("pages-tree-loop.pdf", "corrupt-pdf"),
    ],
)
def test_hostile_file_gets_a_clear_error(name: str, code: str) -> None:
    path = HOSTILE / name
    if not path.is_file():
        pytest.skip(f"{name} not in ../shared/corpus/hostile")
    with pytest.raises(ConversionError) as caught:
        convert(path, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=100)
    assert caught.value.code == code
    assert "/" not in caught.value.message  # no path leaks to the requester


@pytest.mark.parametrize(
    "name", ["enc-aes256-r6-owner-pw-only.pdf", "js-document-page-actions.pdf"]
)
def test_hostile_file_that_opens_is_tagged_and_looks_the_same(name: str) -> None:
    path = HOSTILE / name
    if not path.is_file():
        pytest.skip(f"{name} not in ../shared/corpus/hostile")
    result = convert(path, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=100)
    checks = result.report["checks"]
    assert isinstance(checks, list)
    by_id = {c["id"]: c for c in checks}
    assert by_id["pixels"]["passed"], by_id["pixels"]
    assert by_id["content-tagged"]["passed"], by_id["content-tagged"]


def test_undecodable_page_content_is_left_alone_and_flagged() -> None:
    # Its page content is JBIG2-encoded (no decoder here): untouched, so untagged — reported.
    path = HOSTILE / "bomb-giant-jbig2-image.pdf"
    if not path.is_file():
        pytest.skip("file not in ../shared/corpus/hostile")
    result = convert(path, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=100)
    checks = result.report["checks"]
    assert isinstance(checks, list)
    by_id = {c["id"]: c for c in checks}
    assert not by_id["content-tagged"]["passed"]
    assert "could not be read" in str(by_id["content-tagged"]["detail"])
    assert "checks-failed" in result.review_reasons
