"""Every change to a request goes through here, so each one is recorded as an event.

Conditional UPDATEs (``WHERE state = …``) make the state machine safe when several workers,
the reconciler and the API touch the same request at once: exactly one of them wins.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from service.db.models import (
    DOWNLOADABLE_STATES,
    Artifact,
    Notification,
    NotificationState,
    Request,
    RequestEvent,
    RequestState,
    utcnow,
)
from workers.engine.formats import ConversionOptions


def add_event(
    session: Session,
    request: Request,
    *,
    from_state: str | None,
    to_state: str,
    actor: str,
    detail: str | None = None,
    at: datetime | None = None,
) -> None:
    session.add(
        RequestEvent(
            request_id=request.id,
            at=at or utcnow(),
            from_state=from_state,
            to_state=to_state,
            actor=actor,
            detail=detail,
        )
    )


def create_request(
    session: Session,
    *,
    document_url: str,
    options: ConversionOptions,
    assistive_technology: str | None,
    email: str | None,
    received: datetime,
    due: datetime,
    task_id: str,
    requester_hash: str | None = None,
) -> Request:
    request = Request(
        requester_hash=requester_hash,
        document_url=document_url,
        format=options.format.value,
        print_size=options.print_size,
        assistive_technology=assistive_technology,
        email=email,
        state=RequestState.QUEUED.value,
        created_at=received,
        updated_at=received,
        due_at=due,
        attempts=0,
        task_id=task_id,
        enqueued_at=received,
    )
    session.add(request)
    session.flush()
    add_event(session, request, from_state=None, to_state=request.state, actor="api", at=received)
    return request


def get_request(session: Session, public_id: str) -> Request | None:
    return session.scalar(select(Request).where(Request.public_id == public_id))


def _change_state(
    session: Session,
    request_id: int,
    *,
    condition: ColumnElement[bool],
    to_state: RequestState,
    actor: str,
    detail: str | None = None,
    now: datetime | None = None,
    **values: Any,
) -> bool:
    """Move one request to ``to_state`` if ``condition`` still holds; record the event."""
    now = now or utcnow()
    current = session.scalar(select(Request.state).where(Request.id == request_id))
    result = session.execute(
        update(Request)
        .where(Request.id == request_id, condition)
        .values(state=to_state.value, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return False
    session.add(
        RequestEvent(
            request_id=request_id,
            at=now,
            from_state=current,
            to_state=to_state.value,
            actor=actor,
            detail=detail,
        )
    )
    return True


def claim_for_processing(
    session: Session, public_id: str, *, task_id: str, actor: str, lease: timedelta
) -> Request | None:
    """Take a queued request for processing; ``None`` if someone else has it or it is done.

    A redelivery of the same task (its worker process was lost) may reclaim its own request
    at once; any other task must wait until the previous lease has run out.
    """
    request = get_request(session, public_id)
    if request is None:
        return None
    now = utcnow()
    claimable = or_(
        Request.state == RequestState.QUEUED.value,
        and_(
            Request.state == RequestState.PROCESSING.value,
            or_(Request.lease_expires_at < now, Request.task_id == task_id),
        ),
    )
    won = _change_state(
        session,
        request.id,
        condition=claimable,
        to_state=RequestState.PROCESSING,
        actor=actor,
        now=now,
        task_id=task_id,
        started_at=now,
        lease_expires_at=now + lease,
        attempts=Request.attempts + 1,
    )
    if not won:
        return None
    session.refresh(request)
    return request


def _owned_by(task_id: str) -> ColumnElement[bool]:
    # A task whose lease was taken over (it was presumed dead) must not overwrite the result.
    return and_(Request.state == RequestState.PROCESSING.value, Request.task_id == task_id)


def record_source(session: Session, request: Request, source_sha256: str) -> None:
    session.execute(
        update(Request)
        .where(Request.id == request.id)
        .values(source_sha256=source_sha256)
        .execution_options(synchronize_session=False)
    )


def record_source_facts(
    session: Session, request: Request, *, size: int, pages: int | None, title: str | None
) -> None:
    """Remember what the source is, so the form can show it when it is asked for again."""
    session.execute(
        update(Request)
        .where(Request.id == request.id)
        .values(source_size=size, source_pages=pages, source_title=title[:300] if title else None)
        .execution_options(synchronize_session=False)
    )


def known_source(session: Session, document_url: str) -> Request | None:
    """The latest request for ``document_url`` whose source was fetched, if any."""
    return session.scalar(
        select(Request)
        .where(Request.document_url == document_url, Request.source_size.is_not(None))
        .order_by(Request.id.desc())
        .limit(1)
    )


def finish_with_artifact(
    session: Session,
    request: Request,
    artifact: Artifact,
    *,
    task_id: str,
    actor: str,
    from_cache: bool,
) -> bool:
    to_state = RequestState.NEEDS_REVIEW if artifact.review_reasons else RequestState.READY
    notes = []
    if artifact.review_reasons:
        notes.append("needs review: " + ", ".join(artifact.review_reasons))
    if from_cache:
        notes.append("served from cache")
    now = utcnow()
    won = _change_state(
        session,
        request.id,
        condition=_owned_by(task_id),
        to_state=to_state,
        actor=actor,
        detail="; ".join(notes) or None,
        now=now,
        artifact_id=artifact.id,
        from_cache=from_cache,
        finished_at=now,
        lease_expires_at=None,
        error_code=None,
        error_message=None,
    )
    if won:  # e-mail the requester (issue 7): written with the state change, sent after commit
        queue_notification(session, request, to_state)
        if to_state is RequestState.NEEDS_REVIEW:
            queue_staff_review_alert(session, request)
    return won


def fail(
    session: Session,
    request: Request,
    *,
    code: str,
    message: str,
    task_id: str,
    actor: str,
    detail: str | None = None,
) -> bool:
    now = utcnow()
    won = _change_state(
        session,
        request.id,
        condition=_owned_by(task_id),
        to_state=RequestState.FAILED,
        actor=actor,
        detail=f"{code}: {detail}" if detail else code,
        now=now,
        error_code=code,
        error_message=message,
        finished_at=now,
        lease_expires_at=None,
    )
    if won:  # e-mail the requester (issue 7): written with the state change, sent after commit
        queue_notification(session, request, RequestState.FAILED)
    return won


#: Outcomes the requester is told about by e-mail (a cancellation by staff carries their
#: message to the requester in ``error_message``).
NOTIFIED_STATES = (
    RequestState.READY,
    RequestState.NEEDS_REVIEW,
    RequestState.FAILED,
    RequestState.CANCELLED,
)


def queue_notification(session: Session, request: Request, outcome: RequestState) -> None:
    """Record that the requester must be told about ``outcome``, if they gave an address.
    One message per request and outcome: a repeated outcome (a retry by staff) is not resent."""
    if not request.email or outcome not in NOTIFIED_STATES:
        return
    exists = session.scalar(
        select(Notification.id).where(
            Notification.request_id == request.id, Notification.kind == outcome.value
        )
    )
    if exists is None:
        session.add(Notification(request_id=request.id, kind=outcome.value))


#: ``Notification.kind`` of the e-mail telling staff at once that a request needs review. It
#: rides on the requesters' e-mail machinery (recorded with the state change, sent after the
#: commit, retried, resent by the reconciler), addressed to every active member of staff.
STAFF_REVIEW_ALERT = "staff-review"


def queue_staff_review_alert(session: Session, request: Request) -> None:
    """Record that staff must be told ``request`` needs review: once per request."""
    exists = session.scalar(
        select(Notification.id).where(
            Notification.request_id == request.id, Notification.kind == STAFF_REVIEW_ALERT
        )
    )
    if exists is None:
        session.add(Notification(request_id=request.id, kind=STAFF_REVIEW_ALERT))


def pending_notifications(session: Session, request_id: int) -> list[Notification]:
    return list(
        session.scalars(
            select(Notification).where(
                Notification.request_id == request_id,
                Notification.state == NotificationState.PENDING.value,
            )
        )
    )


def find_stalled_notifications(session: Session, before: datetime) -> list[Notification]:
    """E-mails still pending whose last attempt (or creation) is older than ``before``: their
    send task was lost (Redis down when it was enqueued, or lost its data since)."""
    return list(
        session.scalars(
            select(Notification).where(
                Notification.state == NotificationState.PENDING.value,
                Notification.updated_at < before,
            )
        )
    )


def download_expires_at(request: Request, retention_days: int) -> datetime | None:
    """Downloads end ``retention_days`` after the first one; ``None`` before that."""
    delivered = next((e.at for e in request.events if e.to_state == "delivered"), None)
    return delivered + timedelta(days=retention_days) if delivered else None


def find_active_duplicate(
    session: Session, *, requester_hash: str, document_url: str, options: ConversionOptions
) -> Request | None:
    """The same person's request for the same document, format and options that has not
    failed, been cancelled or expired: the form shows it rather than making a second one."""
    ended = (RequestState.FAILED, RequestState.CANCELLED, RequestState.EXPIRED)
    return session.scalar(
        select(Request)
        .where(
            Request.requester_hash == requester_hash,
            Request.document_url == document_url,
            Request.format == options.format.value,
            Request.print_size.is_(None)
            if options.print_size is None
            else Request.print_size == options.print_size,
            Request.state.not_in([state.value for state in ended]),
        )
        .order_by(Request.id.desc())
        .limit(1)
    )


def requeue(
    session: Session, request: Request, *, new_task_id: str, actor: str, reason: str
) -> bool:
    """Put a request whose task is lost back in the queue under a new task id."""
    now = utcnow()
    return _change_state(
        session,
        request.id,
        condition=and_(
            Request.state == request.state,
            Request.task_id == request.task_id,
        ),
        to_state=RequestState.QUEUED,
        actor=actor,
        detail=reason,
        now=now,
        task_id=new_task_id,
        enqueued_at=now,
        lease_expires_at=None,
    )


# --- staff actions (issue 8): each one a conditional state change with its event --------

#: States a member of staff may send back to the workers.
RETRYABLE_STATES = (RequestState.FAILED, RequestState.NEEDS_REVIEW)
#: States a member of staff may cancel: anything not yet downloaded or ended.
CANCELLABLE_STATES = (
    RequestState.QUEUED,
    RequestState.PROCESSING,
    RequestState.NEEDS_REVIEW,
    RequestState.FAILED,
    RequestState.READY,
)
#: States in which a hand-remediated file may be delivered in place of the automatic one.
UPLOADABLE_STATES = (*CANCELLABLE_STATES, RequestState.DELIVERED)


def retry_by_staff(session: Session, request: Request, *, new_task_id: str, actor: str) -> bool:
    """Queue a failed or reviewed request again under a new task id, with a fresh count of
    attempts (a document that killed workers before gets its full share again)."""
    now = utcnow()
    return _change_state(
        session,
        request.id,
        condition=Request.state.in_([state.value for state in RETRYABLE_STATES]),
        to_state=RequestState.QUEUED,
        actor=actor,
        detail="retried by staff",
        now=now,
        task_id=new_task_id,
        enqueued_at=now,
        lease_expires_at=None,
        attempts=0,
        error_code=None,
        error_message=None,
        finished_at=None,
        artifact_id=None,
        from_cache=None,
    )


#: The error code of a request cancelled by a member of staff (its message is theirs).
CANCELLED_BY_STAFF = "cancelled-by-staff"


def cancel_by_staff(session: Session, request: Request, *, actor: str, message: str) -> bool:
    """Cancel the request; ``message`` is shown on the status page and e-mailed. A worker
    still converting it loses its claim (``_owned_by``), so its result is not recorded."""
    now = utcnow()
    won = _change_state(
        session,
        request.id,
        condition=Request.state.in_([state.value for state in CANCELLABLE_STATES]),
        to_state=RequestState.CANCELLED,
        actor=actor,
        detail="cancelled by staff",
        now=now,
        error_code=CANCELLED_BY_STAFF,
        error_message=message,
        finished_at=now,
        lease_expires_at=None,
    )
    if won:
        queue_notification(session, request, RequestState.CANCELLED)
    return won


def deliver_by_hand(session: Session, request: Request, artifact: Artifact, *, actor: str) -> bool:
    """Make a hand-remediated file the request's output: ready, and e-mailed as an
    automatic output would be (unless a "ready" message was already sent)."""
    now = utcnow()
    won = _change_state(
        session,
        request.id,
        condition=Request.state.in_([state.value for state in UPLOADABLE_STATES]),
        to_state=RequestState.READY,
        actor=actor,
        detail="hand-remediated file uploaded",
        now=now,
        artifact_id=artifact.id,
        from_cache=False,
        finished_at=now,
        lease_expires_at=None,
        error_code=None,
        error_message=None,
    )
    if won:
        queue_notification(session, request, RequestState.READY)
    return won


def mark_delivered(session: Session, request: Request, *, actor: str) -> bool:
    return _change_state(
        session,
        request.id,
        condition=Request.state == RequestState.READY.value,
        to_state=RequestState.DELIVERED,
        actor=actor,
        detail="output downloaded",
    )


def expire(session: Session, request: Request, *, actor: str, detail: str, now: datetime) -> bool:
    """Retention has removed a ready or delivered request's output: it can no longer be had."""
    return _change_state(
        session,
        request.id,
        condition=Request.state.in_([s.value for s in DOWNLOADABLE_STATES]),
        to_state=RequestState.EXPIRED,
        actor=actor,
        detail=detail,
        now=now,
    )


def lock_artifact(session: Session, artifact_id: int) -> None:
    """Serialise everyone deciding whether an artifact's file is needed (the retention purge,
    a worker serving from the cache or storing a conversion) until this transaction ends.

    A no-op UPDATE: it takes the row lock on PostgreSQL and the database's write lock on
    SQLite (pysqlite begins the transaction at the first write), both held until commit."""
    session.execute(
        update(Artifact)
        .where(Artifact.id == artifact_id)
        .values(path=Artifact.path)
        .execution_options(synchronize_session=False)
    )


def find_expired_leases(session: Session, now: datetime) -> list[Request]:
    return list(
        session.scalars(
            select(Request).where(
                Request.state == RequestState.PROCESSING.value,
                Request.lease_expires_at < now,
            )
        )
    )


def find_waiting_since(session: Session, before: datetime) -> list[Request]:
    return list(
        session.scalars(
            select(Request).where(
                Request.state == RequestState.QUEUED.value,
                or_(Request.enqueued_at.is_(None), Request.enqueued_at < before),
            )
        )
    )


def find_artifact(session: Session, cache_key: str) -> Artifact | None:
    return session.scalar(select(Artifact).where(Artifact.cache_key == cache_key))
