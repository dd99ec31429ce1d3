"""The retention purge: a request's personal data and output go a set time after it ends.

UK GDPR: the e-mail address and the assistive technology (which can reveal a disability) are
kept only as long as the request needs them. When the period has passed the purge removes:

- the e-mail address, the assistive-technology answer and the requester hash (a keyed hash of
  the address or IP address), and the last SMTP error of the request's e-mails, which can
  quote the address;
- the output file, unless another request not yet purged uses the same artifact (outputs are
  shared through the cache key).

The row keeps the anonymous facts (document, format, dates, states, error code) for the
statistics, ``purged_at`` is set, a ready or delivered request becomes ``expired``, and each
purge is written to the audit log as ``system:retention``.

When the clock starts (``AF_RETENTION_DAYS_AFTER_DELIVERY`` / ``AF_RETENTION_DAYS_FAILED``):
- ``delivered``: the first download, the moment the download link's own expiry counts from
  (``store.download_expires_at``), so the link and the file end together;
- ``ready`` but never downloaded: the moment it became ready, so an output nobody fetched
  does not keep an address for ever;
- ``failed`` and ``cancelled``: the moment the request entered that state.
Requests still open (``queued``, ``processing``, ``needs_review``) are never purged: staff
still owe the requester an answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from service import store
from service.db.engine import in_transaction
from service.db.models import (
    AuditEntry,
    Notification,
    NotificationState,
    Request,
    RequestEvent,
    RequestState,
    utcnow,
)
from service.settings import Settings
from workers import storage

log = logging.getLogger(__name__)

ACTOR = "system:retention"
ACTION = "purge"
#: Requests purged per transaction-listing round; each request is its own transaction.
BATCH = 200


@dataclass
class PurgeReport:
    requests: int = 0
    expired: int = 0
    files_deleted: int = 0
    files_kept_shared: int = 0


@dataclass(frozen=True)
class _Outcome:
    expired: bool
    file: str  # "deleted", "shared" or "none"


def _entered_current_state() -> ColumnElement[datetime]:
    """When the request last entered the state it is in now."""
    return (
        select(func.max(RequestEvent.at))
        .where(RequestEvent.request_id == Request.id, RequestEvent.to_state == Request.state)
        .scalar_subquery()
    )


def _first_delivered() -> ColumnElement[datetime]:
    return (
        select(func.min(RequestEvent.at))
        .where(
            RequestEvent.request_id == Request.id,
            RequestEvent.to_state == RequestState.DELIVERED.value,
        )
        .scalar_subquery()
    )


def due_for_purge(settings: Settings, now: datetime) -> ColumnElement[bool]:
    """Requests whose retention period has ended and that are not purged yet."""
    after_delivery = now - timedelta(days=settings.retention_days_after_delivery)
    after_failure = now - timedelta(days=settings.retention_days_failed)
    return and_(
        Request.purged_at.is_(None),
        or_(
            and_(
                Request.state == RequestState.DELIVERED.value,
                _first_delivered() <= after_delivery,
            ),
            and_(
                Request.state == RequestState.READY.value,
                _entered_current_state() <= after_delivery,
            ),
            and_(
                Request.state.in_([RequestState.FAILED.value, RequestState.CANCELLED.value]),
                _entered_current_state() <= after_failure,
            ),
        ),
    )


def purge_due(settings: Settings, now: datetime | None = None) -> PurgeReport:
    """Purge every request whose retention period has ended by ``now``. Safe to run twice at
    once or again after a crash: each request is purged in its own transaction, re-checked
    inside it, and a purged request is never touched again."""
    now = now or utcnow()
    report = PurgeReport()
    after_id = 0
    while True:
        # Keyset pages over the ids, so the loop ends even if some request cannot be purged.
        ids = in_transaction(
            settings.database_url, partial(_due_ids, settings=settings, now=now, after_id=after_id)
        )
        if not ids:
            break
        after_id = ids[-1]
        for request_id in ids:
            outcome = in_transaction(
                settings.database_url,
                partial(_purge_one, settings=settings, request_id=request_id, now=now),
            )
            if outcome is None:
                continue  # changed meanwhile (a staff retry, another purge run)
            report.requests += 1
            report.expired += outcome.expired
            report.files_deleted += outcome.file == "deleted"
            report.files_kept_shared += outcome.file == "shared"
    if report.requests:
        log.info("retention purge: %s", report)
    return report


def _due_ids(session: Session, *, settings: Settings, now: datetime, after_id: int) -> list[int]:
    return list(
        session.scalars(
            select(Request.id)
            .where(Request.id > after_id, due_for_purge(settings, now))
            .order_by(Request.id)
            .limit(BATCH)
        )
    )


def _purge_one(
    session: Session, *, settings: Settings, request_id: int, now: datetime
) -> _Outcome | None:
    request = session.scalar(
        select(Request).where(Request.id == request_id, due_for_purge(settings, now))
    )
    if request is None:
        return None
    state = request.state
    expired = False
    if state in (RequestState.READY.value, RequestState.DELIVERED.value):
        expired = store.expire(
            session,
            request,
            actor=ACTOR,
            detail="retention period ended: output and personal data removed",
            now=now,
        )
        if not expired:
            return None  # its state changed since it was read: the next run decides again
    cleared = session.execute(
        update(Request)
        .where(Request.id == request_id, Request.purged_at.is_(None))
        .values(email=None, assistive_technology=None, requester_hash=None, purged_at=now)
        .execution_options(synchronize_session=False)
    )
    if cleared.rowcount != 1:  # type: ignore[attr-defined]
        return None  # another purge run got there first
    _forget_notification_addresses(session, request_id, now)
    _forget_staff_text(session, request_id)
    file = _remove_output_if_unused(session, settings, request)
    session.add(
        AuditEntry(
            at=now,
            actor=ACTOR,
            action=ACTION,
            request_id=request_id,
            detail=f"{state} request: personal data removed; " + _FILE_NOTES[file],
        )
    )
    return _Outcome(expired=expired, file=file)


_FILE_NOTES = {
    "deleted": "output file deleted",
    "shared": "output file kept: another request still uses it",
    "none": "no output file",
}


def _forget_notification_addresses(session: Session, request_id: int, now: datetime) -> None:
    # An SMTP refusal often quotes the address; the state and attempts stay for statistics.
    session.execute(
        update(Notification)
        .where(Notification.request_id == request_id, Notification.last_error.is_not(None))
        .values(last_error=REMOVED)
        .execution_options(synchronize_session=False)
    )
    # A message still waiting has nobody left to go to.
    session.execute(
        update(Notification)
        .where(
            Notification.request_id == request_id,
            Notification.state == NotificationState.PENDING.value,
            Notification.kind != store.STAFF_REVIEW_ALERT,
        )
        .values(state=NotificationState.SKIPPED.value, updated_at=now)
        .execution_options(synchronize_session=False)
    )


#: Audit actions whose detail is free text written by staff (a note, the message sent with a
#: cancellation): it may well name the requester, so the purge removes it and keeps the fact.
STAFF_TEXT_ACTIONS = ("note", "cancel")
REMOVED = "(removed by the retention purge)"


def _forget_staff_text(session: Session, request_id: int) -> None:
    session.execute(
        update(AuditEntry)
        .where(
            AuditEntry.request_id == request_id,
            AuditEntry.action.in_(STAFF_TEXT_ACTIONS),
            AuditEntry.detail.is_not(None),
        )
        .values(detail=REMOVED)
        .execution_options(synchronize_session=False)
    )
    # A staff cancellation keeps its message as the request's error message (shown on the
    # status page); the error code says what happened.
    session.execute(
        update(Request)
        .where(Request.id == request_id, Request.error_code == store.CANCELLED_BY_STAFF)
        .values(error_message=REMOVED)
        .execution_options(synchronize_session=False)
    )


def _remove_output_if_unused(session: Session, settings: Settings, request: Request) -> str:
    artifact = request.artifact
    if artifact is None:
        return "none"
    # Under the artifact's lock, so a worker serving the same output from the cache right
    # now either is counted here or finds the file gone and converts again.
    store.lock_artifact(session, artifact.id)
    still_used = session.scalar(
        select(func.count())
        .select_from(Request)
        .where(
            Request.artifact_id == artifact.id,
            Request.id != request.id,
            Request.purged_at.is_(None),
        )
    )
    if still_used:
        return "shared"
    try:
        storage.resolve(settings.storage_dir, artifact.path).unlink(missing_ok=True)
    except storage.UnsafeStoragePath:
        log.error("artifact %s has a path outside the storage directory", artifact.id)
    # The artifact row stays (format, size, checks: anonymous facts); a later identical
    # request finds its file missing and converts again under the same key.
    return "deleted"
