"""A conversion running past Celery's hard time limit, in a real worker with limits of a few
seconds: the pool process is killed, the request is redone as designed (the reconciler finds
its lease run out and queues it again; attempts are counted), and the worker keeps serving.

The soft limit cannot stop a task stuck inside C code: Python runs the signal handler that
raises ``SoftTimeLimitExceeded`` only between bytecodes. The test makes the worker wait in
SQLite's busy handler (C) by holding the database's write lock from outside, exactly as a
parser stuck in a C library would; only the hard limit ends it.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine import make_url

from service import store
from service.db.engine import session_scope
from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses

pytestmark = pytest.mark.slow

SOFT, HARD = 2, 3


def test_a_task_past_the_hard_time_limit_is_killed_and_redone(
    services: ServiceProcesses, doc_server: DocumentServer, service_settings: dict[str, str]
) -> None:
    services.env.update(
        {
            "AF_TASK_SOFT_TIME_LIMIT": str(SOFT),
            "AF_TASK_HARD_TIME_LIMIT": str(HARD),
            "AF_MAX_ATTEMPTS": "2",
        }
    )
    database = make_url(service_settings["AF_DATABASE_URL"]).database
    assert database
    # Fetched slowly, so the test can take the lock while the worker is still downloading.
    doc_server.files["/stuck.pdf"] = text_pdf_bytes(1, "Stuck")
    doc_server.slow["/stuck.pdf"] = 1.5
    doc_server.slow_once.add("/stuck.pdf")
    doc_server.files["/after.pdf"] = text_pdf_bytes(1, "After")
    base_url = services.start_together("worker", beat=True)
    first_children = set(services.pool_children("worker"))

    stuck = submit(base_url, doc_server.url("/stuck.pdf"))
    wait_for_state(base_url, stuck["id"], {"processing"}, timeout=30, poll=0.05)
    blocker = sqlite3.connect(database, timeout=1, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # the write lock: the worker's next write waits in C
        services.wait_for_log("worker", f"Hard time limit ({HARD}s) exceeded", timeout=30)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()

    # Killed, not stopped by the soft limit: no conversion-timeout failure was recorded.
    done = wait_for_state(base_url, stuck["id"], {"ready", "failed"}, timeout=60)
    assert done["state"] == "ready", (done, services.logs_tail())
    events = request_events(service_settings["AF_DATABASE_URL"], stuck["id"])
    assert [to for to, _, _ in events] == ["queued", "processing", "queued", "processing", "ready"]
    _, actor, reason = events[2]
    assert actor == "reconciler"
    assert reason == "no live task: its worker stopped or the time limit ended it"

    # The worker's main process survived and replaced its pool process; it keeps serving.
    assert services.processes["worker"].poll() is None
    assert set(services.pool_children("worker")) != first_children
    after = submit(base_url, doc_server.url("/after.pdf"))
    assert wait_for_state(base_url, after["id"], timeout=60)["state"] == "ready"


def request_events(database_url: str, public_id: str) -> list[tuple[str, str, str | None]]:
    with session_scope(database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        assert request.attempts == 2
        return [(e.to_state, e.actor, e.detail) for e in request.events]

