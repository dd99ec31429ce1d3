"""A sample of real published PDFs, tagged and judged by veraPDF (skips without ../shared).

The target: every output PDF/UA-1 compliant except for what only a person or the publisher can
fix — a figure nobody described (7.3-1) or a font the source did not embed (7.21.x) — and
then the output is flagged for review, never delivered as if it were fine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert
from workers.engine.structure.strip import strip_structure

from ..conftest import SHARED
from .conftest import pdfua_check

CORPUS = SHARED / "corpus"
SAMPLE = [
    "untagged/word-process-history-multipage.pdf",
    "untagged/festival-timetable.pdf",
    "untagged/italian-income-statement.pdf",
    "untagged/google-docs-example-document.pdf",
    "tagged/word-table-sample.pdf",
    "tagged/demolition-committee-minutes-fr.pdf",
]

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def acceptable(rule: str) -> bool:
    return rule == "7.3-1" or rule.startswith("7.21.")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, object]]:
    folder = tmp_path_factory.mktemp("corpus-tagged")
    found: dict[str, tuple[Path, object]] = {}
    for name in SAMPLE:
        source = CORPUS / name
        if not source.is_file():
            continue
        if name.startswith("tagged/"):
            # As the benchmark does: the author's tags removed, so the layout path is judged.
            stripped = folder / f"stripped-{source.name}"
            strip_structure(source, stripped)
            source = stripped
        result = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=100)
        output = folder / f"tagged-{source.name}"
        output.write_bytes(result.content)
        found[name] = (output, result)
    if not found:
        pytest.skip("no sample file in this corpus")
    return found


def test_sample_passes_verapdf_but_for_alt_text_and_source_fonts(
    outputs: dict[str, tuple[Path, object]],
) -> None:
    names = list(outputs)
    verdicts = pdfua_check(*(outputs[name][0] for name in names))
    for name, verdict in zip(names, verdicts, strict=True):
        failed = verdict["failed_rules"]
        assert isinstance(failed, dict)
        assert all(acceptable(rule) for rule in failed), (name, failed)
        result = outputs[name][1]
        if failed:
            assert result.needs_review, (name, failed)  # type: ignore[attr-defined]
    compliant = sum(bool(v["compliant"]) for v in verdicts)
    assert compliant >= len(verdicts) // 2, verdicts


def test_sample_renders_identically_and_tags_everything(
    outputs: dict[str, tuple[Path, object]],
) -> None:
    for name, (_, result) in outputs.items():
        checks = {c["id"]: c for c in result.report["checks"]}  # type: ignore[attr-defined]
        assert checks["pixels"]["passed"], (name, checks["pixels"])
        assert checks["content-tagged"]["passed"], (name, checks["content-tagged"])
        assert checks["structure"]["passed"] or "figure" in str(checks["structure"]["detail"])
