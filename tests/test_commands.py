"""The command line: `serve` (the whole service on embedded defaults) and `convert`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from service.supervisor import free_port
from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import write_text_pdf
from tests.support.services import REPO_ROOT


def cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.slow
def test_serve_runs_everything_and_ctrl_c_stops_it(
    tmp_path: Path, doc_server: DocumentServer
) -> None:
    doc_server.files["/notice.pdf"] = write_text_pdf(tmp_path / "notice.pdf", 2).read_bytes()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AF_")}
    env.update(
        {
            # Embedded defaults, but under the test's own folder: SQLite, local storage, and a
            # redis-server that `serve` starts itself because AF_REDIS_URL is unset.
            "AF_DATABASE_URL": f"sqlite:///{tmp_path}/var/accessible-formats.db",
            "AF_STORAGE_DIR": str(tmp_path / "var" / "storage"),
            "AF_API_PORT": str(port),
            "AF_ALLOWED_SOURCES": doc_server.origin,
        }
    )
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve"],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base_url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("serve never became ready:\n" + (tmp_path / "serve.log").read_text())

        created = submit(base_url, doc_server.url("/notice.pdf"), "html")
        status = wait_for_state(base_url, created["id"], timeout=60)
        assert status["state"] == "ready", status
        download = httpx.get(status["download_url"], timeout=30)
        assert download.status_code == 200 and "Page 2 paragraph 0" in download.text
    finally:
        os.killpg(serve.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        code = serve.wait(timeout=60)
    assert code == 0
    with pytest.raises(httpx.HTTPError):
        httpx.get(base_url + "/healthz", timeout=2)
    leftovers = subprocess.run(
        ["pgrep", "-g", str(serve.pid)], capture_output=True, text=True, check=False
    )
    assert leftovers.stdout.strip() == "", "processes still running after Ctrl-C"


def test_convert_writes_each_format(tmp_path: Path) -> None:
    source = write_text_pdf(tmp_path / "in.pdf", 2, "Parish newsletter")
    for fmt, extra in [("html", []), ("tagged-pdf", []), ("large-print", ["--size", "24"])]:
        output = tmp_path / f"out-{fmt}"
        result = cli("convert", str(source), "--to", fmt, *extra, "-o", str(output))
        assert result.returncode == 0, result.stderr
        assert output.stat().st_size > 0
    assert "Parish newsletter" in (tmp_path / "out-html").read_text()
    assert (tmp_path / "out-large-print").read_bytes().startswith(b"%PDF")


def test_convert_explains_bad_input(tmp_path: Path) -> None:
    bogus = tmp_path / "photo.pdf"
    bogus.write_bytes(b"\xff\xd8\xff\xe0 not a pdf")
    result = cli("convert", str(bogus), "--to", "html", "-o", str(tmp_path / "out.html"))
    assert result.returncode == 2
    assert "not-a-pdf" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.html").exists()


def test_unknown_format_is_refused_with_the_choices(tmp_path: Path) -> None:
    result = cli("convert", "x.pdf", "--to", "braille", "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "tagged-pdf" in result.stderr and "large-print" in result.stderr
