"""The shared independent judges (veraPDF PDF/UA-1, axe-core in Chromium) on our outputs.

Skips cleanly when ../shared/tools is absent or a judge cannot run on this machine (exit 3:
no JDK or no Chromium). The first run of each judge sets up its cache, which takes a while.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert

from .conftest import SHARED, write_pdf

TOOLS = SHARED / "tools"

pytestmark = pytest.mark.skipif(not TOOLS.is_dir(), reason="shared judges not present")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("judged")
    source = write_pdf(
        folder / "source.pdf",
        [["Planning notice", "An application has been made <here> & there."], [], ["Page 3"]],
        title="Planning notice",
    )
    found = {}
    for name, options in {
        "tagged.pdf": ConversionOptions(OutputFormat.TAGGED_PDF),
        "large-print.pdf": ConversionOptions(OutputFormat.LARGE_PRINT, 20),
        "page.html": ConversionOptions(OutputFormat.HTML),
    }.items():
        path = folder / name
        path.write_bytes(convert(source, options, max_pages=10).content)
        found[name] = path
    return found


def run_judge(tool: str, *files: Path) -> str:
    done = subprocess.run(
        [str(TOOLS / tool), *map(str, files)], capture_output=True, text=True, timeout=600
    )
    if done.returncode == 3:
        pytest.skip(f"{tool} cannot run here: {done.stderr.strip()[-200:]}")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return done.stdout


def test_pdf_outputs_pass_verapdf_pdfua1(outputs: dict[str, Path]) -> None:
    out = run_judge("pdfua-check", outputs["tagged.pdf"], outputs["large-print.pdf"])
    results = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(results) == 2
    for result in results:
        assert result["compliant"], result


def test_html_output_has_no_axe_violations(outputs: dict[str, Path]) -> None:
    report = json.loads(run_judge("axe-check", outputs["page.html"]))
    (page,) = report["pages"]
    assert "error" not in page, page
    assert page["violations"] == [], page["violations"]
