"""Helpers for the tagged PDF tests: sources made here (WeasyPrint, pikepdf), the renderer
and its checks run the way the pipeline runs them, and the veraPDF judge when it is present."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from workers.engine.analyse import analyse
from workers.engine.checks import Report
from workers.engine.document import Document
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.tagger import TaggedPdf, tag_pdf

from ..analysis.conftest import HtmlPdf, html_pdf, png_data_uri  # noqa: F401 - fixtures
from ..conftest import SHARED

PDFUA_CHECK = SHARED / "tools" / "pdfua-check"


@dataclass
class Tagged:
    source: Path
    output: Path
    document: Document
    tagged: TaggedPdf
    report: Report

    def check(self, check_id: str) -> dict[str, object]:
        checks = self.report["checks"]
        assert isinstance(checks, list)
        found: dict[str, object] = next(c for c in checks if c["id"] == check_id)
        return found

    def failed(self) -> list[str]:
        checks = self.report["checks"]
        assert isinstance(checks, list)
        return [str(c["id"]) for c in checks if not c["passed"]]


def tag_and_check(source: Path, output: Path | None = None) -> Tagged:
    document = analyse(source, max_pages=200)
    tagged = tag_pdf(source, document)
    output = output or source.with_name(source.stem + "-tagged.pdf")
    output.write_bytes(tagged.content)
    report = check_tagged_pdf(
        tagged.content, source=source, expected_texts=tagged.expected_texts
    )
    return Tagged(source, output, document, tagged, report)


def checks_by_id(tagged: TaggedPdf, source: Path) -> dict[str, dict[str, object]]:
    """The run-time checks of a tagged output against its source, by id."""
    report = check_tagged_pdf(tagged.content, source=source, expected_texts=tagged.expected_texts)
    checks = report["checks"]
    assert isinstance(checks, list)
    return {str(c["id"]): c for c in checks}


def pdfua_check(*files: Path) -> list[dict[str, object]]:
    """veraPDF's PDF/UA-1 verdict per file; skips when the judge or Java is missing."""
    if not PDFUA_CHECK.is_file():
        pytest.skip("../shared/tools/pdfua-check not present")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for veraPDF")
    done = subprocess.run(
        [str(PDFUA_CHECK), *map(str, files)], capture_output=True, text=True, timeout=900
    )
    if done.returncode == 3:
        pytest.skip(f"pdfua-check cannot run here: {done.stderr.strip()[-200:]}")
    assert done.returncode in (0, 1, 2), done.stderr[-2000:]
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(results) == len(files)
    return results
