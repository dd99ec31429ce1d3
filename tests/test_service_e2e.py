"""The whole service as separate real processes: api, Celery workers, beat, Redis, database."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pikepdf
import pytest
from sqlalchemy import func, select

from service.db.engine import session_scope
from service.db.models import Artifact, Request, RequestEvent
from tests.conftest import fresh_postgres_database, private_redis, service_env
from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def documents() -> Iterator[DocumentServer]:
    """The publisher for the tests sharing :func:`running`; each serves its own paths."""
    with DocumentServer() as server:
        yield server


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def running(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    documents: DocumentServer,
) -> Iterator[ServiceProcesses]:
    """api + one worker + beat, on SQLite and on PostgreSQL: started once per database for
    the tests that only send requests and wait for them (each with its own documents), not
    once per test. Tests that kill, stop or reconfigure processes use ``services``."""
    folder = tmp_path_factory.mktemp(f"e2e-{request.param}")
    with ExitStack() as stack:
        env = service_env(folder, stack.enter_context(private_redis(folder / "redis")), documents)
        if request.param == "postgresql":
            admin_url = request.getfixturevalue("postgres_admin_url")
            env["AF_DATABASE_URL"] = stack.enter_context(fresh_postgres_database(admin_url))
        (folder / "logs").mkdir()
        services = ServiceProcesses(env, folder / "logs")
        stack.callback(services.stop_all)
        services.start_together("worker", beat=True)
        yield services


def test_request_reaches_ready_and_downloads(
    running: ServiceProcesses, documents: DocumentServer
) -> None:
    documents.files["/minutes/council-minutes.pdf"] = text_pdf_bytes(3, "Council minutes")
    created = submit(
        running.base_url,
        documents.url("/minutes/council-minutes.pdf"),
        "html",
        assistive_technology="screen reader",
        email="reader@example.org",
    )
    assert created["state"] == "queued"
    assert created["status_url"].endswith(f"/api/v1/requests/{created['id']}")
    assert len(created["id"]) >= 22  # ≥ 128 random bits, URL-safe

    status = wait_for_state(running.base_url, created["id"])
    assert status["state"] == "ready", status
    assert status["download_url"]

    download = httpx.get(status["download_url"], timeout=30)
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/html")
    assert 'filename="council-minutes-accessible.html"' in download.headers["content-disposition"]
    page = download.text
    assert "Page 2 paragraph 1" in page
    assert page.index("Page 1 paragraph 0") < page.index("Page 3 paragraph 2")

    after = httpx.get(created["status_url"], timeout=10).json()
    assert after["state"] == "delivered"
    with session_scope(running.env["AF_DATABASE_URL"]) as session:
        request = session.scalar(select(Request).where(Request.public_id == created["id"]))
        assert request is not None
        states = [e.to_state for e in request.events]
        actors = {e.actor for e in request.events}
    assert states == ["queued", "processing", "ready", "delivered"]
    assert {"api", "requester"} <= actors
    assert any(actor.startswith("worker:") for actor in actors)


def test_tagged_and_large_print_pdfs_download(
    running: ServiceProcesses, documents: DocumentServer
) -> None:
    documents.files["/report.pdf"] = text_pdf_bytes(2, "Annual report")
    tagged = submit(running.base_url, documents.url("/report.pdf"), "tagged-pdf")
    large = submit(running.base_url, documents.url("/report.pdf"), "large-print", print_size=24)
    for created, filename in [
        (tagged, "report-tagged.pdf"),
        (large, "report-large-print-24pt.pdf"),
    ]:
        status = wait_for_state(running.base_url, created["id"])
        assert status["state"] == "ready", status
        download = httpx.get(status["download_url"], timeout=30)
        assert download.headers["content-type"] == "application/pdf"
        assert filename in download.headers["content-disposition"]
        with pikepdf.open(__import__("io").BytesIO(download.content)) as pdf:
            assert pdf.Root.MarkInfo.Marked is True
            assert "/StructTreeRoot" in pdf.Root


def test_identical_requests_convert_once(
    running: ServiceProcesses, documents: DocumentServer
) -> None:
    # A source no other test sharing ``running`` converts: the first request is no cache hit.
    documents.files["/same.pdf"] = text_pdf_bytes(2)
    artifacts_before = _artifacts(running)
    first = submit(running.base_url, documents.url("/same.pdf"), "large-print", print_size=20)
    assert wait_for_state(running.base_url, first["id"])["state"] == "ready"
    second = submit(running.base_url, documents.url("/same.pdf"), "large-print", print_size=20)
    assert wait_for_state(running.base_url, second["id"])["state"] == "ready"
    other_size = submit(running.base_url, documents.url("/same.pdf"), "large-print")
    assert wait_for_state(running.base_url, other_size["id"])["state"] == "ready"

    with session_scope(running.env["AF_DATABASE_URL"]) as session:
        rows = {
            r.public_id: r
            for r in session.scalars(
                select(Request).where(
                    Request.public_id.in_([first["id"], second["id"], other_size["id"]])
                )
            )
        }
        assert rows[first["id"]].from_cache is False
        assert rows[second["id"]].from_cache is True
        assert rows[second["id"]].artifact_id == rows[first["id"]].artifact_id
        assert rows[other_size["id"]].artifact_id != rows[first["id"]].artifact_id
    # Earlier tests' requests were all finished: exactly two files were made for these three.
    assert _artifacts(running) == artifacts_before + 2
    a = httpx.get(f"{running.base_url}/api/v1/requests/{first['id']}/file", timeout=30)
    b = httpx.get(f"{running.base_url}/api/v1/requests/{second['id']}/file", timeout=30)
    assert a.content == b.content


def _artifacts(services: ServiceProcesses) -> int:
    with session_scope(services.env["AF_DATABASE_URL"]) as session:
        return session.scalar(select(func.count()).select_from(Artifact)) or 0


BAD_SOURCES = {
    "/photo.pdf": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 2000, "not-a-pdf"),
    "/empty.pdf": (b"", "not-a-pdf"),
    "/broken.pdf": (b"%PDF-1.7\n" + b"\x00garbage" * 500, "corrupt-pdf"),
    "/gone.pdf": (None, "source-unavailable"),  # the publisher answers 404
}


def test_bad_sources_fail_clearly_and_the_worker_keeps_running(
    running: ServiceProcesses, documents: DocumentServer
) -> None:
    for path, (body, _) in BAD_SOURCES.items():
        if body is not None:
            documents.files[path] = body
    documents.files["/good.pdf"] = text_pdf_bytes(1)
    ids = {path: submit(running.base_url, documents.url(path))["id"] for path in BAD_SOURCES}
    for path, (_, code) in BAD_SOURCES.items():
        status = wait_for_state(running.base_url, ids[path])
        assert status["state"] == "failed", (path, status)
        assert status["error"]["code"] == code, (path, status)
        message = status["error"]["message"]
        assert message and "/tmp" not in message and "Traceback" not in message
        assert "127.0.0.1" not in message

    good = submit(running.base_url, documents.url("/good.pdf"))
    assert wait_for_state(running.base_url, good["id"])["state"] == "ready"
    assert "worker" in running.processes and running.processes["worker"].poll() is None


def test_limits_and_passwords(
    services: ServiceProcesses, doc_server: DocumentServer, tmp_path: object
) -> None:
    services.env.update({"AF_MAX_PAGES": "3", "AF_MAX_SOURCE_BYTES": "200000"})
    services.start_together("worker")
    doc_server.files["/long.pdf"] = text_pdf_bytes(5)
    doc_server.files["/huge.pdf"] = b"%PDF-1.4\n" + b"0" * 300_000
    doc_server.files["/locked.pdf"] = _encrypted(text_pdf_bytes(1), user="secret")
    doc_server.files["/owner-only.pdf"] = _encrypted(text_pdf_bytes(1), user="")
    expected = {
        "/long.pdf": ("failed", "too-many-pages"),
        "/huge.pdf": ("failed", "source-too-large"),
        "/locked.pdf": ("failed", "encrypted-pdf"),
        "/owner-only.pdf": ("ready", None),
    }
    ids = {path: submit(services.base_url, doc_server.url(path))["id"] for path in expected}
    for path, (state, code) in expected.items():
        status = wait_for_state(services.base_url, ids[path])
        assert status["state"] == state, (path, status)
        assert (status["error"] or {}).get("code") == code, (path, status)
    assert doc_server.hits["/huge.pdf"] == 1


def _encrypted(content: bytes, *, user: str) -> bytes:
    import io

    with pikepdf.open(io.BytesIO(content)) as pdf:
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret"))
    return out.getvalue()


def test_worker_killed_mid_conversion_request_still_completes(
    services: ServiceProcesses, doc_server: DocumentServer
) -> None:
    # Short limits so the dead task's lease runs out quickly; the first download trickles
    # out over 6 s so the worker is surely mid-task when it is killed.
    services.env.update({"AF_TASK_SOFT_TIME_LIMIT": "10", "AF_TASK_HARD_TIME_LIMIT": "12"})
    doc_server.files["/slow.pdf"] = text_pdf_bytes(3)
    doc_server.slow["/slow.pdf"] = 6.0
    doc_server.slow_once.add("/slow.pdf")
    services.start_together("worker-a", beat=True)

    created = submit(services.base_url, doc_server.url("/slow.pdf"))
    wait_for_state(services.base_url, created["id"], {"processing"}, timeout=30)
    time.sleep(1.0)
    services.kill("worker-a")  # SIGKILL to the worker and its pool children
    assert httpx.get(created["status_url"], timeout=10).json()["state"] == "processing"

    services.start_worker("worker-b")
    status = wait_for_state(services.base_url, created["id"], timeout=90)
    assert status["state"] == "ready", status
    assert doc_server.hits["/slow.pdf"] == 2

    with session_scope(services.env["AF_DATABASE_URL"]) as session:
        request = session.scalar(select(Request).where(Request.public_id == created["id"]))
        assert request is not None
        assert request.attempts == 2
        events = list(
            session.scalars(
                select(RequestEvent)
                .where(RequestEvent.request_id == request.id)
                .order_by(RequestEvent.id)
            )
        )
        assert [e.to_state for e in events] == [
            "queued",
            "processing",
            "queued",
            "processing",
            "ready",
        ]
        assert events[2].actor == "reconciler"
        assert session.scalar(select(func.count()).select_from(Artifact)) == 1


def _events(database_url: str, public_id: str) -> tuple[Request, list[RequestEvent]]:
    with session_scope(database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None
        return request, list(request.events)


def test_pool_process_killed_mid_task_is_redelivered_at_once(
    services: ServiceProcesses, doc_server: DocumentServer
) -> None:
    # Default (long) time limits: only the immediate redelivery of the lost task can finish
    # this request within the test's timeout, not the reconciler.
    doc_server.files["/slow.pdf"] = text_pdf_bytes(2)
    doc_server.slow["/slow.pdf"] = 4.0
    doc_server.slow_once.add("/slow.pdf")
    services.start_together("worker")

    created = submit(services.base_url, doc_server.url("/slow.pdf"))
    wait_for_state(services.base_url, created["id"], {"processing"}, timeout=30)
    time.sleep(0.5)
    services.kill_pool_children("worker")

    status = wait_for_state(services.base_url, created["id"], timeout=30)
    assert status["state"] == "ready", status
    request, events = _events(services.env["AF_DATABASE_URL"], created["id"])
    assert request.attempts == 2
    assert [e.to_state for e in events] == ["queued", "processing", "processing", "ready"]
    assert services.processes["worker"].poll() is None


def test_a_document_that_keeps_killing_workers_fails_after_max_attempts(
    services: ServiceProcesses, doc_server: DocumentServer
) -> None:
    services.env["AF_MAX_ATTEMPTS"] = "1"
    doc_server.files["/deadly.pdf"] = text_pdf_bytes(2)
    doc_server.slow["/deadly.pdf"] = 4.0
    services.start_together("worker")

    created = submit(services.base_url, doc_server.url("/deadly.pdf"))
    wait_for_state(services.base_url, created["id"], {"processing"}, timeout=30)
    time.sleep(0.5)
    services.kill_pool_children("worker")

    status = wait_for_state(services.base_url, created["id"], timeout=30)
    assert status["state"] == "failed", status
    assert status["error"]["code"] == "conversion-crashed"
    assert doc_server.hits["/deadly.pdf"] == 1  # not fetched again once attempts ran out
