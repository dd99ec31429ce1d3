"""The retention purge on a clock moved forward, on SQLite and PostgreSQL: personal data and
output files go when their period ends, shared outputs stay while needed, open requests are
never touched, every purge is audited, and running it twice (even at once) changes nothing."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from service import store
from service.db.engine import session_scope
from service.db.models import Artifact, AuditEntry, Notification, Request, utcnow
from service.retention import ACTOR, REMOVED, purge_due
from service.settings import Settings
from tests.conftest import make_settings
from tests.ops.helpers import backdate, deliver, fail, finish, load, make_artifact, new_request
from workers import storage

DAY = timedelta(days=1)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url=database_url,
        storage_dir=tmp_path / "storage",
        retention_days_after_delivery=30,
        retention_days_failed=10,
    )


def _file(settings: Settings, artifact_id: int) -> Path:
    with session_scope(settings.database_url) as session:
        artifact = session.get_one(Artifact, artifact_id)
        return storage.resolve(settings.storage_dir, artifact.path)


def _audit(settings: Settings) -> list[AuditEntry]:
    with session_scope(settings.database_url) as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_a_delivered_request_is_purged_when_its_period_ends(settings: Settings) -> None:
    public_id = new_request(settings.database_url)
    artifact_id = make_artifact(settings.database_url, settings.storage_dir, "a1" * 32)
    assert finish(settings.database_url, public_id, artifact_id) == "ready"
    deliver(settings.database_url, public_id)

    # A day before the end: nothing happens.
    assert purge_due(settings, now=utcnow() + 29 * DAY).requests == 0
    assert load(settings.database_url, public_id).email is not None

    report = purge_due(settings, now=utcnow() + 30 * DAY + timedelta(minutes=1))
    assert (report.requests, report.expired, report.files_deleted) == (1, 1, 1)
    request = load(settings.database_url, public_id)
    assert request.state == "expired" and request.purged_at is not None
    assert (request.email, request.assistive_technology, request.requester_hash) == (None,) * 3
    assert not _file(settings, artifact_id).exists()
    # The anonymous facts stay for the statistics.
    assert request.format == "html" and request.finished_at is not None
    assert request.artifact_id == artifact_id and request.due_at is not None
    assert [e.to_state for e in request.events][-2:] == ["delivered", "expired"]
    assert request.events[-1].actor == ACTOR
    [entry] = _audit(settings)
    assert (entry.actor, entry.action, entry.request_id) == (ACTOR, "purge", request.id)
    assert entry.detail == "delivered request: personal data removed; output file deleted"
    assert "@" not in (entry.detail or "")

    # Again: nothing more to do, nothing audited twice.
    assert purge_due(settings, now=utcnow() + 60 * DAY).requests == 0
    assert len(_audit(settings)) == 1


def test_a_shared_output_stays_until_the_last_request_using_it_is_purged(
    settings: Settings,
) -> None:
    artifact_id = make_artifact(settings.database_url, settings.storage_dir, "b2" * 32)
    first = new_request(settings.database_url)
    second = new_request(settings.database_url, email="other@example.org")
    finish(settings.database_url, first, artifact_id)
    deliver(settings.database_url, first)
    backdate(settings.database_url, first, days=31)
    # The second is served from the same artifact 31 days after the first.
    finish(settings.database_url, second, artifact_id)

    report = purge_due(settings, now=utcnow())
    assert (report.requests, report.files_deleted, report.files_kept_shared) == (1, 0, 1)
    assert load(settings.database_url, first).state == "expired"
    assert _file(settings, artifact_id).exists()  # the second still needs it
    assert load(settings.database_url, second).email == "other@example.org"
    assert "kept: another request still uses it" in (_audit(settings)[-1].detail or "")

    # The second, ready but never downloaded, ends 30 days after it became ready.
    assert purge_due(settings, now=utcnow() + 29 * DAY).requests == 0
    report = purge_due(settings, now=utcnow() + 30 * DAY + timedelta(minutes=1))
    assert (report.requests, report.files_deleted) == (1, 1)
    assert load(settings.database_url, second).state == "expired"
    assert not _file(settings, artifact_id).exists()


def test_failed_requests_keep_their_facts_and_lose_personal_data_after_their_own_period(
    settings: Settings,
) -> None:
    public_id = new_request(settings.database_url)
    fail(settings.database_url, public_id)
    with session_scope(settings.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None
        notification = session.scalar(
            select(Notification).where(Notification.request_id == request.id)
        )
        assert notification is not None
        notification.last_error = "550 <reader@example.org>: no such mailbox"

    assert purge_due(settings, now=utcnow() + 9 * DAY).requests == 0
    report = purge_due(settings, now=utcnow() + 10 * DAY + timedelta(minutes=1))
    assert (report.requests, report.expired, report.files_deleted) == (1, 0, 0)
    request = load(settings.database_url, public_id)
    assert request.state == "failed" and request.error_code == "source-not-found"
    assert request.email is None and request.purged_at is not None
    with session_scope(settings.database_url) as session:
        notification = session.scalar(
            select(Notification).where(Notification.request_id == request.id)
        )
        assert notification is not None
        assert "@" not in (notification.last_error or "")
        # A message not yet sent has nobody left to go to.
        assert notification.state == "skipped"
    assert _audit(settings)[-1].detail == "failed request: personal data removed; no output file"


def test_requests_still_owed_an_answer_are_never_purged(settings: Settings) -> None:
    queued = new_request(settings.database_url)
    review = new_request(settings.database_url)
    artifact_id = make_artifact(
        settings.database_url, settings.storage_dir, "c3" * 32, review=["figure-without-alt"]
    )
    assert finish(settings.database_url, review, artifact_id) == "needs_review"

    assert purge_due(settings, now=utcnow() + 1000 * DAY).requests == 0
    assert load(settings.database_url, queued).email is not None
    assert load(settings.database_url, review).email is not None
    assert _file(settings, artifact_id).exists()


def test_two_purges_at_once_purge_and_audit_each_request_once(settings: Settings) -> None:
    ids = [new_request(settings.database_url) for _ in range(6)]
    for public_id in ids:
        fail(settings.database_url, public_id)
    moved = utcnow() + 11 * DAY
    reports = []

    def run() -> None:
        reports.append(purge_due(settings, now=moved))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(report.requests for report in reports) == 6
    entries = _audit(settings)
    assert sorted(e.request_id for e in entries) == sorted({e.request_id for e in entries})
    assert len(entries) == 6


def test_staff_notes_and_cancellation_messages_are_removed_with_the_personal_data(
    settings: Settings,
) -> None:
    # Staff write free text about a request, which may name the requester: the purge keeps
    # the fact that a note was added or a message sent, not the words.
    public_id = new_request(settings.database_url)
    with session_scope(settings.database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        message = "Dear Ms Example, we have posted a printed copy to 1 High Street."
        assert store.cancel_by_staff(session, request, actor="staff:a@example.org", message=message)
        for action, detail in (("cancel", message), ("note", "Phoned Ms Example on 0123")):
            session.add(
                AuditEntry(actor="staff:a@example.org", action=action, request_id=request.id,
                           detail=detail)
            )

    assert purge_due(settings, now=utcnow() + 10 * DAY + timedelta(minutes=1)).requests == 1
    request = load(settings.database_url, public_id)
    assert request.state == "cancelled" and request.error_code == store.CANCELLED_BY_STAFF
    assert request.error_message == REMOVED
    staff_entries = [e for e in _audit(settings) if e.actor.startswith("staff:")]
    assert [(e.action, e.detail) for e in staff_entries] == [
        ("cancel", REMOVED), ("note", REMOVED)
    ]
