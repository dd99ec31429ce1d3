"""The beat tasks and the staff e-mail in the real service: api, a Celery worker and beat as
processes, a private redis-server, SQLite, and a real SMTP server on loopback."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from service.db.engine import session_scope
from service.db.models import AuditEntry, Notification, Request
from service.store import STAFF_REVIEW_ALERT
from tests.ops.conftest import add_staff
from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses
from tests.web.conftest import MailCatcher
from tests.web.helpers import blank_pdf
from workers import storage

pytestmark = pytest.mark.slow


@pytest.fixture
def mail_env(mail: MailCatcher, services: ServiceProcesses) -> Iterator[MailCatcher]:
    services.env.update(
        {"AF_SMTP_HOST": "127.0.0.1", "AF_SMTP_PORT": str(mail.port), "AF_SMTP_STARTTLS": "0"}
    )
    yield mail


def _request(database_url: str, public_id: str) -> Request:
    with session_scope(database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None
        _ = request.artifact
        return request


def test_beat_purges_requests_whose_period_has_ended(
    services: ServiceProcesses, doc_server: DocumentServer, service_settings: dict[str, str]
) -> None:
    # A period of 0 days: every finished request is due for the purge at beat's next run.
    services.env.update(
        {
            "AF_RETENTION_DAYS_AFTER_DELIVERY": "0",
            "AF_RETENTION_DAYS_FAILED": "0",
            "AF_RETENTION_INTERVAL": "1",
        }
    )
    database_url = service_settings["AF_DATABASE_URL"]
    storage_dir = service_settings["AF_STORAGE_DIR"]
    doc_server.files["/kept-a-day.pdf"] = text_pdf_bytes(1, "Kept a day")
    base_url = services.start_together("worker", beat=True)
    ready = submit(base_url, doc_server.url("/kept-a-day.pdf"), email="reader@example.org")
    failed = submit(base_url, doc_server.url("/missing.pdf"), email="reader@example.org")

    assert wait_for_state(base_url, ready["id"], {"expired"}, timeout=60)["state"] == "expired"
    deadline = time.monotonic() + 30
    while _request(database_url, failed["id"]).purged_at is None:
        assert time.monotonic() < deadline, services.logs_tail()
        time.sleep(0.2)

    expired = _request(database_url, ready["id"])
    assert expired.email is None and expired.assistive_technology is None
    assert expired.artifact is not None
    assert not storage.resolve(Path(storage_dir), expired.artifact.path).exists()
    response = httpx.get(f"{base_url}/api/v1/requests/{ready['id']}/file", timeout=10)
    assert response.status_code == 410 and response.json()["code"] == "expired"
    gone = _request(database_url, failed["id"])
    assert gone.state == "failed" and gone.error_code and gone.email is None
    with session_scope(database_url) as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "purge")))
    assert sorted(e.request_id for e in entries) == sorted([expired.id, gone.id])
    assert {e.actor for e in entries} == {"system:retention"}


def test_staff_hear_at_once_when_a_request_needs_review(
    services: ServiceProcesses,
    doc_server: DocumentServer,
    service_settings: dict[str, str],
    mail_env: MailCatcher,
) -> None:
    database_url = service_settings["AF_DATABASE_URL"]
    doc_server.files["/scan.pdf"] = blank_pdf()
    base_url = services.start_api()  # migrates the database
    add_staff(database_url, "lead@example.gov.uk", "officer@example.gov.uk")
    services.start_worker()

    review = submit(base_url, doc_server.url("/scan.pdf"), "tagged-pdf", email="me@example.org")
    assert wait_for_state(base_url, review["id"])["state"] == "needs_review"

    message = mail_env.wait_for("lead@example.gov.uk, officer@example.gov.uk", "Needs review")
    text = message.get_body(("plain",))
    assert text is not None and review["id"] in text.get_content()
    assert "me@example.org" not in text.get_content()
    mail_env.wait_for("me@example.org", "is being checked")  # the requester's own message
    with session_scope(database_url) as session:
        alert = session.scalar(
            select(Notification).where(Notification.kind == STAFF_REVIEW_ALERT)
        )
        assert alert is not None
        deadline = time.monotonic() + 10
        while alert.state != "sent" and time.monotonic() < deadline:
            time.sleep(0.1)
            session.refresh(alert)
        assert alert.state == "sent" and alert.attempts == 1
