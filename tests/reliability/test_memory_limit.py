"""A conversion that needs more memory than a conversion process may have: the request fails
clearly, the worker keeps running, the machine is unharmed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses

pytestmark = pytest.mark.slow


def address_space_mib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmSize:\s+(\d+) kB", status)
    assert match
    return int(match.group(1)) // 1024


def test_a_conversion_past_the_memory_limit_fails_and_the_worker_survives(
    services: ServiceProcesses, doc_server: DocumentServer
) -> None:
    # Measure an idle pool process here, then allow only a little more than that: large
    # print of 60 pages cannot fit (the limit depends on no particular machine or library).
    services.start_worker("probe")
    baseline = max(address_space_mib(pid) for pid in services.pool_children("probe"))
    services.kill("probe")
    services.env.update({"AF_WORKER_MEMORY_LIMIT_MB": str(baseline + 40), "AF_MAX_ATTEMPTS": "2"})
    doc_server.files["/long.pdf"] = text_pdf_bytes(60)
    services.start_together("worker")

    heavy = submit(services.base_url, doc_server.url("/long.pdf"), "large-print")
    status = wait_for_state(services.base_url, heavy["id"], timeout=120)
    assert status["state"] == "failed", status
    # MemoryError is reported as such; a C library aborting instead kills the pool process,
    # and the attempts run out.
    assert status["error"]["code"] in {"document-too-complex", "conversion-crashed"}, status
    assert services.processes["worker"].poll() is None
