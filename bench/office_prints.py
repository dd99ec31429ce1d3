"""What the benches that make their documents with LibreOffice share (bench/spreadsheets.py,
bench/presentations.py): printing a source file to PDF with ``soffice``, tagging each PDF
with its run-time checks, and veraPDF's verdicts on the tagged outputs, said per document."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.tagged_heldout import run_file
from bench.tagged_pdf import verapdf


def printed_by_soffice(
    soffice: str, name: str, suffix: str, write: Callable[[Path], None], cache: Path,
) -> Path | None:
    """The document ``write`` writes (to the path it is given, ``name`` + ``suffix``, in a
    folder of its own) printed to PDF by LibreOffice into ``cache``, or None when it failed."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{name}{suffix}"
        write(source)
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                            str(cache), str(source)], capture_output=True, timeout=300,
                           check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
    made = cache / f"{name}.pdf"
    return made if made.exists() else None


class TaggedOutputs:
    """The tagged outputs of a bench's PDFs, written into ``folder`` (one the bench keeps
    until veraPDF has judged them)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: list[Path] = []

    def check(self, pdf: Path) -> tuple[list[str], str]:
        """``pdf`` analysed and tagged: the run-time checks it failed (with their details)
        and an error, if any; the output is kept for :meth:`verdicts`."""
        failed, error, output = run_file(pdf, self.folder)
        if output is not None:
            self.paths.append(output)
        return failed, error

    def verdicts(self, *, skip: bool) -> dict[str, str]:
        """:func:`pdfua_verdicts` of the outputs kept."""
        return pdfua_verdicts(self.paths, skip=skip)


def pdfua_verdicts(outputs: list[Path], *, skip: bool) -> dict[str, str]:
    """veraPDF's verdict on each output, by its name without ".pdf": "yes" when compliant,
    else the rules it failed; none when ``skip``."""
    verdicts = {} if skip else verapdf(outputs)
    said = {}
    for output in outputs:
        verdict = verdicts.get(output.name)
        if verdict is not None:
            rules = " ".join(sorted(verdict.get("failed_rules", {})))  # type: ignore[call-overload]
            said[output.stem] = "yes" if verdict.get("compliant") else rules
    return said
