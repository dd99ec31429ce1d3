"""Uploads are checked against the format asked for, by extension and by content, for every
format in ``FORMAT_INFO`` (so a format added to the engine is covered without changes)."""

from __future__ import annotations

import io
import zipfile

import docx
import pikepdf
import pytest

from service.staff.uploads import UploadRejected, check_upload
from tests.staff.helpers import GOOD_HTML
from workers.engine.formats import FORMAT_INFO, OutputFormat


def _pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Fixed by hand")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _epub() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/epub+zip")
        package.writestr("META-INF/container.xml", "<container/>")
    return out.getvalue()


#: A valid example of each media type the engine produces, and of those other engineers are
#: adding (plain text, EPUB), so their formats are covered here as soon as they land.
EXAMPLES = {
    "application/pdf": _pdf,
    "text/html": lambda: GOOD_HTML,
    "text/plain": lambda: b"Annual report\n\nFixed by hand.\n",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _docx,
    "application/epub+zip": _epub,
}


def _example(output_format: OutputFormat) -> bytes:
    media_type = FORMAT_INFO[output_format].media_type.split(";")[0]
    if media_type not in EXAMPLES:
        pytest.fail(f"add an example {media_type} file for {output_format} to this test")
    return EXAMPLES[media_type]()


@pytest.mark.parametrize("output_format", list(FORMAT_INFO))
def test_a_valid_file_of_the_format_is_accepted(output_format: OutputFormat) -> None:
    info = FORMAT_INFO[output_format]
    accepted = check_upload(
        f"Fixed.{info.extension.upper()}", _example(output_format), output_format, 18
    )
    assert (accepted.media_type, accepted.extension) == (info.media_type, info.extension)
    assert accepted.report["notes"][0] == "Hand-remediated file uploaded by staff."  # type: ignore[index]


@pytest.mark.parametrize("output_format", list(FORMAT_INFO))
def test_another_formats_file_is_refused(output_format: OutputFormat) -> None:
    info = FORMAT_INFO[output_format]
    for other in FORMAT_INFO:
        other_info = FORMAT_INFO[other]
        if other_info.media_type == info.media_type:
            continue
        # The right name on the wrong bytes, and the wrong name on the right bytes. (Any
        # UTF-8 text, a web page included, is a valid plain text file.)
        if not (
            info.media_type.startswith("text/plain") and other_info.media_type.startswith("text/")
        ):
            with pytest.raises(UploadRejected, match="not a valid"):
                check_upload(f"fixed.{info.extension}", _example(other), output_format, 18)
        with pytest.raises(UploadRejected, match=f"ending .{info.extension}"):
            check_upload(
                f"fixed.{other_info.extension}", _example(output_format), output_format, 18
            )


def test_broken_files_are_refused() -> None:
    with pytest.raises(UploadRejected, match="not a valid"):
        check_upload("fixed.pdf", b"%PDF-1.7\n garbage", OutputFormat.TAGGED_PDF, None)
    with pytest.raises(UploadRejected, match="not a valid"):
        check_upload("fixed.docx", b"PK\x03\x04 not a zip", OutputFormat.LARGE_PRINT_DOCX, 18)
    with pytest.raises(UploadRejected, match="not a valid"):
        check_upload("fixed.html", "<html>é".encode("latin-1"), OutputFormat.HTML, None)
    with pytest.raises(UploadRejected, match="Select the remediated file"):
        check_upload("", b"", OutputFormat.HTML, None)


def test_an_epub_and_plain_text_are_recognised() -> None:
    from service.staff.uploads import _looks_like

    assert _looks_like("application/epub+zip", _epub())
    assert not _looks_like("application/epub+zip", _docx())
    assert _looks_like("text/plain; charset=utf-8", b"Plain words")
    assert not _looks_like("text/plain", b"\xff\xfe\x00binary")


def test_the_report_says_when_checks_fail() -> None:
    accepted = check_upload(
        "fixed.html", b"<html><body><p>no lang, no title</p></body></html>", OutputFormat.HTML, None
    )
    assert accepted.report["passed"] is False
