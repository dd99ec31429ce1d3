"""Every way a source can be unusable becomes the right error code, never a raw exception."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.errors import (
    ConversionError,
    CorruptPdfError,
    EncryptedPdfError,
    NotAPdfError,
    TooManyPagesError,
)
from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert
from workers.engine.source import open_source

from .conftest import MakePdf, blank_pdf

HTML = ConversionOptions(OutputFormat.HTML)


def convert_error(path: Path, max_pages: int = 100) -> ConversionError:
    with pytest.raises(ConversionError) as caught:
        convert(path, HTML, max_pages=max_pages)
    return caught.value


def test_zero_byte_file_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    error = convert_error(path)
    assert isinstance(error, NotAPdfError)
    assert error.code == "not-a-pdf"


def test_jpeg_renamed_pdf_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "photo.pdf"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\x00" * 2000 + b"\xff\xd9")
    assert convert_error(path).code == "not-a-pdf"


def test_header_after_a_little_junk_is_accepted(tmp_path: Path, make_pdf: MakePdf) -> None:
    source = make_pdf([["Hello after junk"]])
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"Junk from a mail gateway\r\n" + source.read_bytes())
    result = convert(path, HTML, max_pages=10)
    assert b"Hello after junk" in result.content


def test_header_beyond_1024_bytes_is_not_a_pdf(tmp_path: Path, make_pdf: MakePdf) -> None:
    path = tmp_path / "late.pdf"
    path.write_bytes(b"x" * 1024 + make_pdf([["Too late"]]).read_bytes())
    assert convert_error(path).code == "not-a-pdf"


def test_user_password_is_encrypted_pdf(tmp_path: Path) -> None:
    path = blank_pdf(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(user="u", owner="o"))
    error = convert_error(path)
    assert isinstance(error, EncryptedPdfError)
    assert error.code == "encrypted-pdf"
    assert error.bad_input


def test_owner_password_only_opens(tmp_path: Path, make_pdf: MakePdf) -> None:
    source = make_pdf([["Restricted but readable"]])
    path = tmp_path / "owner-only.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="o"))
    result = convert(path, HTML, max_pages=10)
    assert b"Restricted but readable" in result.content
    assert not result.needs_review


def test_garbage_after_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    error = convert_error(path)
    assert isinstance(error, CorruptPdfError)
    assert error.code == "corrupt-pdf"
    assert error.detail  # says what the library reported, for the log


def test_truncated_file_is_corrupt_or_recovered_never_raw(
    tmp_path: Path, make_pdf: MakePdf
) -> None:
    # qpdf rebuilds a lost xref when the objects survive; either outcome is acceptable, a raw
    # library exception is not.
    data = make_pdf([["Some text to lose"]]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    try:
        convert(path, HTML, max_pages=10)
    except ConversionError as e:
        assert e.code == "corrupt-pdf"


def test_pdf_without_pages_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "no-pages.pdf"
    pikepdf.new().save(path)
    assert convert_error(path).code == "corrupt-pdf"


def test_too_many_pages_names_the_limit(tmp_path: Path) -> None:
    path = blank_pdf(tmp_path / "long.pdf", pages=5)
    error = convert_error(path, max_pages=3)
    assert isinstance(error, TooManyPagesError)
    assert error.code == "too-many-pages"
    assert "3 pages" in error.message and "5 pages" in error.message


def test_page_limit_is_inclusive(tmp_path: Path) -> None:
    info = open_source(blank_pdf(tmp_path / "three.pdf", pages=3), max_pages=3)
    assert info.page_count == 3


def test_source_info_reads_title_and_language(make_pdf: MakePdf) -> None:
    info = open_source(make_pdf([["x"]], title="Annual report", lang="cy"), max_pages=10)
    assert (info.page_count, info.title, info.language) == (1, "Annual report", "cy")


def test_malformed_language_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "lang.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.Lang = pikepdf.String('en" onload="x')
    pdf.save(path)
    assert open_source(path, max_pages=10).language is None
