"""Redis lost with work in it: the database is the truth, so nothing is lost."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service.supervisor import free_port, start_private_redis
from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses

pytestmark = pytest.mark.slow


class RestartableRedis:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.process, self.url = start_private_redis(directory, self.port)

    def crash_and_lose_everything(self) -> None:
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.directory)  # its append-only file: the queue is gone

    def start_again(self) -> None:
        self.process, _ = start_private_redis(self.directory, self.port)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[RestartableRedis]:
    redis = RestartableRedis(tmp_path / "restartable-redis")
    yield redis
    redis.stop()


def test_requests_survive_losing_the_broker(
    services: ServiceProcesses, doc_server: DocumentServer, broker: RestartableRedis
) -> None:
    services.env["AF_REDIS_URL"] = broker.url
    for name in ("a", "b", "c"):
        doc_server.files[f"/{name}.pdf"] = text_pdf_bytes(1, f"Document {name}")
    services.start_together(beat=True)
    # No worker yet: these wait in Redis, and Redis is about to lose them.
    queued = [submit(services.base_url, doc_server.url(p))["id"] for p in ("/a.pdf", "/b.pdf")]

    broker.crash_and_lose_everything()
    started = time.monotonic()
    during_outage = submit(services.base_url, doc_server.url("/c.pdf"))["id"]
    assert time.monotonic() - started < 10, "accepting a request must not hang on the broker"
    assert httpx.get(services.base_url + "/readyz", timeout=10).status_code == 503

    broker.start_again()
    services.start_worker()
    for request_id in [*queued, during_outage]:
        status = wait_for_state(services.base_url, request_id, timeout=90)
        assert status["state"] == "ready", status
    assert services.processes["beat"].poll() is None
    assert httpx.get(services.base_url + "/readyz", timeout=10).status_code == 200


def test_broker_restart_during_a_conversion(
    services: ServiceProcesses, doc_server: DocumentServer, broker: RestartableRedis
) -> None:
    services.env["AF_REDIS_URL"] = broker.url
    doc_server.files["/slow.pdf"] = text_pdf_bytes(2)
    doc_server.slow["/slow.pdf"] = 3.0
    services.start_together("worker", beat=True)
    request_id = submit(services.base_url, doc_server.url("/slow.pdf"))["id"]
    wait_for_state(services.base_url, request_id, {"processing"}, timeout=30)

    broker.crash_and_lose_everything()
    time.sleep(1.0)
    broker.start_again()

    status = wait_for_state(services.base_url, request_id, timeout=90)
    assert status["state"] == "ready", status
    # The worker reconnected and still takes new work.
    doc_server.files["/after.pdf"] = text_pdf_bytes(1)
    after = submit(services.base_url, doc_server.url("/after.pdf"))["id"]
    assert wait_for_state(services.base_url, after, timeout=60)["state"] == "ready"
