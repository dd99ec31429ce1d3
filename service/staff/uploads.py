"""A hand-remediated file uploaded by staff: is it really the requested format?

The expected type comes from ``FORMAT_INFO`` (media type and extension), so a format added
to the engine is accepted here without changes. The file's name must have the format's
extension and its bytes must look like that type (a PDF header that pikepdf can open, a ZIP
package with the right parts, UTF-8 text); what the browser claims the type is, is ignored.
The engine's own checks are then run on it, as on an automatic output, where the format has
them: the report is for staff to read, not a gate (staff are the judges of a hand fix).
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import pikepdf

from service.web import content
from workers.engine import checks
from workers.engine.formats import DEFAULT_PRINT_SIZE, FORMAT_INFO, OutputFormat

log = logging.getLogger(__name__)

#: Largest file staff may upload. Outputs are rarely larger than their source (at most
#: ``AF_MAX_SOURCE_BYTES``, 50 MB by default); large print of a long document can be.
MAX_UPLOAD_BYTES = 100 * 1024 * 1024

#: Parts a ZIP-based format must contain, by media type.
_REQUIRED_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word/document.xml",
    "application/epub+zip": "META-INF/container.xml",
}


class UploadRejected(ValueError):
    """The file is not acceptable; the message says what to upload instead."""


@dataclass(frozen=True)
class AcceptedUpload:
    content: bytes
    media_type: str
    extension: str
    report: dict[str, object]


def check_upload(
    filename: str, data: bytes, output_format: OutputFormat, print_size: int | None
) -> AcceptedUpload:
    info = FORMAT_INFO[output_format]
    label = content.FORMAT_LABELS.get(output_format.value, output_format.value)
    wanted = f"a {label} file ending .{info.extension}"
    if not filename:
        raise UploadRejected("Select the remediated file to upload")
    if not data:
        raise UploadRejected("The selected file is empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(
            f"The selected file must be smaller than {MAX_UPLOAD_BYTES // 2**20} MB"
        )
    if not filename.lower().endswith("." + info.extension):
        raise UploadRejected(f"The selected file must be {wanted}")
    if not _looks_like(info.media_type, data):
        raise UploadRejected(f"The selected file is not a valid {label} file: upload {wanted}")
    return AcceptedUpload(
        data, info.media_type, info.extension, _report(output_format, data, print_size)
    )


def _looks_like(media_type: str, data: bytes) -> bool:
    base = media_type.split(";")[0].strip().lower()
    if base == "application/pdf":
        return data.startswith(b"%PDF-") and _pdf_opens(data)
    if base.startswith("text/"):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        if "\x00" in text:
            return False
        return base != "text/html" or "<html" in text[:4096].lower()
    if base.endswith("+zip") or base in _REQUIRED_PARTS or base == "application/zip":
        return _zip_has(data, _REQUIRED_PARTS.get(base))
    # A media type we have no sniffer for: the extension check above is all we can do.
    log.info("no content check for uploads of %s", base)
    return True


def _pdf_opens(data: bytes) -> bool:
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages) > 0
    except Exception:  # noqa: BLE001 - any failure to parse means "not a usable PDF"
        return False


def _zip_has(data: bytes, part: str | None) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return part is None or part in names


def _checkers(print_size: int | None) -> dict[OutputFormat, Callable[[bytes], dict[str, object]]]:
    size = float(print_size or DEFAULT_PRINT_SIZE)
    return {
        OutputFormat.TAGGED_PDF: checks.check_pdf,
        OutputFormat.HTML: checks.check_html,
        OutputFormat.LARGE_PRINT: lambda data: checks.check_large_print(data, point_size=size),
        OutputFormat.LARGE_PRINT_DOCX: lambda data: checks.check_large_print_docx(
            data, point_size=size
        ),
    }


def _report(output_format: OutputFormat, data: bytes, print_size: int | None) -> dict[str, object]:
    note = "Hand-remediated file uploaded by staff."
    checker = _checkers(print_size).get(output_format)
    if checker is None:
        return {
            "checks": [],
            "passed": None,
            "notes": [note, "No automatic checks for this format."],
        }
    try:
        report = dict(checker(data))
    except Exception as error:  # noqa: BLE001 - a checker's failure must not lose the upload
        log.warning("checks failed on an upload: %s", error, exc_info=True)
        return {
            "checks": [],
            "passed": None,
            "notes": [note, "The automatic checks could not read this file."],
        }
    notes = report.get("notes")
    report["notes"] = [note, *(notes if isinstance(notes, list) else [])]
    return report
