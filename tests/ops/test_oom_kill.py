"""A kernel OOM kill of a conversion, as on a machine or container out of memory.

The worker runs inside its own cgroup (v1 memory controller) with a memory limit a little
above its idle use, and the per-process address-space limit off (``AF_WORKER_MEMORY_LIMIT_MB=0``)
so that only the kernel can stop it. The document is a zip bomb in a page's content stream:
400 KB that inflates to 300 MB in the parser. The kernel kills the pool process (SIGKILL);
the task is handed out again, counted, and after ``AF_MAX_ATTEMPTS`` the request fails with a
clear code. The worker's main process survives and serves the next request.

Needs root and a writable cgroup v1 memory hierarchy; skipped elsewhere.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Dictionary, Name

from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import REPO_ROOT, ServiceProcesses

pytestmark = pytest.mark.slow

MEMORY_CGROUPS = Path("/sys/fs/cgroup/memory")
HEADROOM = 200 * 1024 * 1024  # above the idle worker: far more than a normal small conversion


def content_stream_bomb(inflated_mib: int) -> bytes:
    """One page whose content stream is a line of text then ``inflated_mib`` MiB of spaces,
    deflated: a few hundred KB on the wire."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    page.Resources = Dictionary(Font=Dictionary(F1=font))
    deflate = zlib.compressobj(9)
    parts = [deflate.compress(b"BT /F1 12 Tf 72 720 Td (Memory bomb) Tj ET\n")]
    spaces = b" " * (1024 * 1024)
    parts += [deflate.compress(spaces) for _ in range(inflated_mib)]
    parts.append(deflate.flush())
    stream = pikepdf.Stream(pdf, b"")
    stream.write(b"".join(parts), filter=Name.FlateDecode)
    page.Contents = pdf.make_indirect(stream)
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


@pytest.fixture
def memory_cgroup() -> Iterator[Path]:
    """A fresh memory cgroup, removed afterwards (requested before ``services``, so the
    processes in it are stopped first)."""
    if os.geteuid() != 0 or not os.access(MEMORY_CGROUPS, os.W_OK):
        pytest.skip("needs root and a writable cgroup v1 memory hierarchy at /sys/fs/cgroup/memory")
    path = MEMORY_CGROUPS / f"af-test-{uuid.uuid4().hex[:8]}"
    path.mkdir()
    yield path
    deadline = time.monotonic() + 15
    while (path / "cgroup.procs").read_text().split() and time.monotonic() < deadline:
        time.sleep(0.2)
    path.rmdir()


def oom_kills(cgroup: Path) -> int:
    for line in (cgroup / "memory.oom_control").read_text().splitlines():
        name, _, value = line.partition(" ")
        if name == "oom_kill":
            return int(value)
    raise AssertionError("this kernel does not count OOM kills per cgroup")


def start_worker_in(services: ServiceProcesses, cgroup: Path, name: str = "worker") -> None:
    """Like ``services.start_worker``, but the worker joins ``cgroup`` before it starts, so
    its pool processes (forked later) are in it too."""
    log = (services.log_dir / f"{name}.log").open("ab")
    join_then_exec = f'echo $$ > {cgroup}/cgroup.procs && exec "$@"'
    services.processes[name] = subprocess.Popen(
        ["sh", "-c", join_then_exec, "sh", sys.executable, "-m", "service.cli", "worker",
         "--hostname", f"{name}@%h", "--loglevel", "INFO"],
        env=services.env,
        cwd=REPO_ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    services.wait_for_log(name, "ready.")


def test_a_conversion_killed_by_the_kernel_oom_killer_fails_and_the_worker_survives(
    memory_cgroup: Path, services: ServiceProcesses, doc_server: DocumentServer
) -> None:
    services.env.update({"AF_WORKER_MEMORY_LIMIT_MB": "0", "AF_MAX_ATTEMPTS": "2"})
    doc_server.files["/bomb.pdf"] = content_stream_bomb(300)
    doc_server.files["/after.pdf"] = text_pdf_bytes(1, "After")
    base_url = services.start_api()
    start_worker_in(services, memory_cgroup)
    idle = int((memory_cgroup / "memory.usage_in_bytes").read_text())
    (memory_cgroup / "memory.limit_in_bytes").write_text(str(idle + HEADROOM))
    main_pid = services.processes["worker"].pid

    bomb = submit(base_url, doc_server.url("/bomb.pdf"))
    status = wait_for_state(base_url, bomb["id"], timeout=120)
    assert status["state"] == "failed", (status, services.logs_tail())
    assert status["error"]["code"] == "conversion-crashed"
    assert "member of staff" in status["error"]["message"]
    # The kernel did it: once per attempt (the third claim finds the attempts used up).
    assert oom_kills(memory_cgroup) >= 2
    assert "exited with 'signal 9 (SIGKILL)'" in services.log_text("worker")

    assert services.processes["worker"].poll() is None  # the main process survived
    assert str(main_pid) in (memory_cgroup / "cgroup.procs").read_text().split()
    after = submit(base_url, doc_server.url("/after.pdf"))
    assert wait_for_state(base_url, after["id"], timeout=60)["state"] == "ready"

