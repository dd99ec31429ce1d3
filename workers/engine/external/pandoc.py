"""pandoc, run as an external program with a timeout; failures become ``RenderError``.

The binary comes with the ``pypandoc-binary`` wheel. pypandoc's own ``convert_*`` functions
have no timeout and raise a bare ``RuntimeError``, so only its ``get_pandoc_path`` is used and
pandoc is run here directly. Every run uses ``--sandbox``: pandoc reads only the files named on
its command line (images are passed as ``data:`` URIs), never the network or other files.

>>> docx = convert(  # doctest: +SKIP
...     json.dumps(ast), from_format="json", to_format="docx",
...     extra_args=["--reference-doc", str(reference)], timeout=60)
>>> api_version(timeout=10)  # doctest: +SKIP
[1, 23, 1, 1]
"""

from __future__ import annotations

import functools
import json
import logging
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import RenderError

log = logging.getLogger("pandoc")

#: Seconds for pandoc's own small queries (version, data files).
QUERY_TIMEOUT = 30.0
#: How much of pandoc's stderr goes into an error's detail.
_DETAIL_CHARS = 2000


@functools.cache
def pandoc_path() -> str:
    """The pandoc binary shipped with pypandoc-binary (or one on PATH)."""
    try:
        import pypandoc

        path = pypandoc.get_pandoc_path()
    except (ImportError, OSError, RuntimeError) as e:
        raise RenderError(detail=f"pandoc: not installed: {e}") from e
    return str(path)


def run(args: Sequence[str], *, timeout: float, stdin: bytes | None = None) -> bytes:
    """Run ``pandoc ARGS`` and return its standard output.

    Raises RenderError when pandoc cannot start, exits non-zero or outlives ``timeout``
    seconds (it is killed then). Its stderr is logged as warnings under the "pandoc" logger.
    """
    command = [pandoc_path(), *args]
    try:
        completed = subprocess.run(
            command, input=stdin, capture_output=True, timeout=timeout, check=True
        )
    except subprocess.TimeoutExpired as e:
        _log_stderr(e.stderr)
        raise RenderError(detail=f"pandoc: timed out after {timeout:g} s") from e
    except subprocess.CalledProcessError as e:
        stderr = _log_stderr(e.stderr)
        raise RenderError(
            detail=f"pandoc: exit status {e.returncode}: {stderr[-_DETAIL_CHARS:]}"
        ) from e
    except OSError as e:
        raise RenderError(detail=f"pandoc: could not run {command[0]}: {e}") from e
    _log_stderr(completed.stderr)
    return completed.stdout


def convert(
    source: str | bytes,
    *,
    from_format: str,
    to_format: str,
    timeout: float,
    extra_args: Sequence[str] = (),
) -> bytes:
    """Convert ``source`` (the input document's text or bytes) and return the output's bytes.

    Binary outputs (docx, epub, odt) are written to a temporary file, since pandoc refuses to
    write them to a terminal-like standard output.
    """
    data = source.encode("utf-8") if isinstance(source, str) else source
    with tempfile.TemporaryDirectory(prefix="pandoc-") as tmp:
        output = Path(tmp) / f"output.{to_format}"
        run(
            [
                "--sandbox",
                f"--from={from_format}",
                f"--to={to_format}",
                f"--output={output}",
                *extra_args,
            ],
            stdin=data,
            timeout=timeout,
        )
        try:
            return output.read_bytes()
        except OSError as e:
            raise RenderError(detail=f"pandoc: wrote no output: {e}") from e


@functools.cache
def api_version(*, timeout: float = QUERY_TIMEOUT) -> tuple[int, ...]:
    """The pandoc-types API version a JSON AST given to this pandoc must declare."""
    out = run(["--from=markdown", "--to=json"], stdin=b"", timeout=timeout)
    try:
        version = json.loads(out)["pandoc-api-version"]
        return tuple(int(part) for part in version)
    except (ValueError, KeyError, TypeError) as e:
        raise RenderError(detail=f"pandoc: unexpected JSON from --to=json: {out[:200]!r}") from e


def default_data_file(name: str, *, timeout: float = QUERY_TIMEOUT) -> bytes:
    """One of pandoc's default data files, e.g. ``reference.docx``."""
    return run([f"--print-default-data-file={name}"], timeout=timeout)


def _log_stderr(stderr: bytes | str | None) -> str:
    if not stderr:
        return ""
    text = stderr.decode("utf-8", errors="replace") if isinstance(stderr, bytes) else stderr
    for line in text.splitlines():
        if line.strip():
            log.warning("%s", line)
    return text
