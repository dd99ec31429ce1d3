"""Every hostile file in the shared corpus, submitted through the whole service."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.services import ServiceProcesses

HOSTILE = SHARED / "corpus" / "hostile"
#: Codes that mean "we know what is wrong with this input" (not an internal defect).
SPECIFIC_CODES = {
    "not-a-pdf",
    "encrypted-pdf",
    "corrupt-pdf",
    "too-many-pages",
    "source-too-large",
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not HOSTILE.is_dir(), reason="shared corpus not present"),
]


def test_every_hostile_file_ends_with_a_clear_outcome(
    services: ServiceProcesses, doc_server: DocumentServer, tmp_path: Path
) -> None:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    # Anything a library writes to the default temporary directory would land here.
    services.env.update({"AF_WORKER_CONCURRENCY": "2", "TMPDIR": str(scratch)})
    services.start_together("worker")
    files = sorted(HOSTILE.glob("*.pdf"))
    for path in files:
        doc_server.files[f"/{path.name}"] = path.read_bytes()
    ids = {
        path.name: submit(services.base_url, doc_server.url(f"/{path.name}"))["id"]
        for path in files
    }

    outcomes: dict[str, str] = {}
    for name, request_id in ids.items():
        status = wait_for_state(services.base_url, request_id, timeout=180)
        state = status["state"]
        assert state in {"ready", "needs_review", "failed"}, (name, status)
        if state == "failed":
            code, message = status["error"]["code"], status["error"]["message"]
            assert code in SPECIFIC_CODES, (name, status)
            assert message and "Traceback" not in message and "/" not in message, (name, message)
            outcomes[name] = code
        else:
            outcomes[name] = state

    for name, outcome in outcomes.items():
        if name.startswith("enc-") and "user" in name:
            assert outcome == "encrypted-pdf", (name, outcome)
    assert outcomes["enc-aes256-r6-owner-pw-only.pdf"] != "encrypted-pdf"
    assert outcomes["empty-zero-bytes.pdf"] == "not-a-pdf"
    assert outcomes["jpeg-with-pdf-extension.pdf"] == "not-a-pdf"

    assert services.processes["worker"].poll() is None, "the worker died"
    # (billiard, the worker's pool, keeps an empty pymp-* folder there for itself)
    written = [p for p in scratch.rglob("*") if p.is_file()]
    assert written == [], "a conversion wrote outside the storage directory"
    storage = Path(services.env["AF_STORAGE_DIR"])
    assert list((storage / "work").iterdir()) == [], "scratch files were left behind"
    print("\n".join(f"{name:45} {outcome}" for name, outcome in sorted(outcomes.items())))
