"""What a member of staff can do to a request. Each action is one transaction that changes
the request (through ``service.store``, which records state changes as events) and writes its
audit entry; work for the workers (a conversion, an e-mail) is sent only after the commit."""

from __future__ import annotations

import hashlib
import logging
import uuid

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service import store
from service.db.engine import session_scope
from service.db.models import Artifact, Request, StaffUser, utcnow
from service.settings import Settings
from service.staff import audit
from service.staff.uploads import check_upload
from workers import notify, storage
from workers.celery_app import enqueue_conversion
from workers.engine.formats import OutputFormat

log = logging.getLogger(__name__)

#: Artifacts made by hand carry this instead of an engine version: never served from cache.
UPLOAD_ENGINE_VERSION = "staff-upload"
MAX_MESSAGE = 1000
MAX_NOTE = audit.MAX_DETAIL


class ActionRefused(ValueError):
    """The action does not apply to the request as it is now; the message says why."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _request(session: Session, public_id: str) -> Request:
    request = store.get_request(session, public_id)
    if request is None:
        raise ActionRefused("There is no request with that reference")
    return request


def _state_words(request: Request) -> str:
    return request.state.replace("_", " ")


def retry(settings: Settings, public_id: str, user: StaffUser) -> None:
    task_id = uuid.uuid4().hex
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        if not store.retry_by_staff(
            session, request, new_task_id=task_id, actor=audit.actor_of(user)
        ):
            raise ActionRefused(
                f"Only failed requests and requests needing review can be retried; this one is "
                f"{_state_words(request)}"
            )
        audit.record(session, actor=audit.actor_of(user), action="retry", request_id=request.id)
    try:
        enqueue_conversion(public_id, task_id)
    except Exception:  # noqa: BLE001 - the request is queued in the database; the reconciler sends it
        log.exception("could not enqueue retried request %s; the reconciler will", public_id)


def cancel(settings: Settings, public_id: str, user: StaffUser, message: str) -> None:
    message = message.strip()
    if not message:
        raise ActionRefused("Enter a message to the requester saying why", field="cancel-message")
    if len(message) > MAX_MESSAGE:
        raise ActionRefused(
            f"The message must be {MAX_MESSAGE} characters or fewer", field="cancel-message"
        )
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        if not store.cancel_by_staff(session, request, actor=audit.actor_of(user), message=message):
            raise ActionRefused(f"This request cannot be cancelled: it is {_state_words(request)}")
        audit.record(
            session,
            actor=audit.actor_of(user),
            action="cancel",
            request_id=request.id,
            detail=message,
        )
        request_id = request.id
    notify.enqueue_pending(settings, request_id)


def upload(settings: Settings, public_id: str, user: StaffUser, filename: str, data: bytes) -> None:
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        if request.purged_at is not None or request.state not in store.UPLOADABLE_STATES:
            raise ActionRefused(
                f"A file cannot be delivered for this request: it is {_state_words(request)}"
            )
        output_format = OutputFormat(request.format)
        print_size = request.print_size
    # Validated and checked outside any transaction: the checks can take seconds.
    accepted = check_upload(filename, data, output_format, print_size)
    digest = storage.sha256_of(accepted.content)
    key = hashlib.sha256(f"{UPLOAD_ENGINE_VERSION}|{public_id}|{digest}".encode()).hexdigest()
    relative_path = f"uploads/{key[:2]}/{key}.{accepted.extension}"
    storage.store_bytes(settings.storage_dir, relative_path, accepted.content)
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        artifact = store.find_artifact(session, key) or _new_artifact(
            session,
            request,
            key,
            relative_path,
            accepted.media_type,
            accepted.content,
            accepted.report,
        )
        actor = audit.actor_of(user)
        if not store.deliver_by_hand(session, request, artifact, actor=actor):
            raise ActionRefused(
                f"A file cannot be delivered for this request: it is {_state_words(request)}"
            )
        audit.record(
            session,
            actor=actor,
            action="upload",
            request_id=request.id,
            detail=f"{len(accepted.content)} bytes, sha256 {digest}",
        )
        request_id = request.id
    notify.enqueue_pending(settings, request_id)


def _new_artifact(
    session: Session,
    request: Request,
    key: str,
    relative_path: str,
    media_type: str,
    data: bytes,
    report: dict[str, object],
) -> Artifact:
    artifact = Artifact(
        cache_key=key,
        source_sha256=request.source_sha256 or "",
        format=request.format,
        options={"print_size": request.print_size},
        engine_version=UPLOAD_ENGINE_VERSION,
        path=relative_path,
        media_type=media_type,
        size=len(data),
        sha256=storage.sha256_of(data),
        check_report=report,
        review_reasons=[],
    )
    try:
        with session.begin_nested():
            session.add(artifact)
    except IntegrityError:  # the same file for the same request, uploaded twice at once
        existing = store.find_artifact(session, key)
        if existing is None:
            raise
        return existing
    return artifact


def mark_contacted(settings: Settings, public_id: str, user: StaffUser) -> None:
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        session.execute(
            update(Request)
            .where(Request.id == request.id)
            .values(contacted_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        audit.record(session, actor=audit.actor_of(user), action="contacted", request_id=request.id)


def add_note(settings: Settings, public_id: str, user: StaffUser, text: str) -> None:
    text = text.strip()
    if not text:
        raise ActionRefused("Enter the note", field="note")
    if len(text) > MAX_NOTE:
        raise ActionRefused(f"The note must be {MAX_NOTE} characters or fewer", field="note")
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        audit.record(
            session, actor=audit.actor_of(user), action="note", request_id=request.id, detail=text
        )


def record_download(settings: Settings, public_id: str, user: StaffUser) -> None:
    """Staff looking at an output is audited too (it may hold personal information)."""
    with session_scope(settings.database_url) as session:
        request = _request(session, public_id)
        audit.record(
            session, actor=audit.actor_of(user), action="view-output", request_id=request.id
        )


def retryable(state: str) -> bool:
    return state in {s.value for s in store.RETRYABLE_STATES}


def cancellable(state: str) -> bool:
    return state in {s.value for s in store.CANCELLABLE_STATES}


def uploadable(request: Request) -> bool:
    return request.purged_at is None and request.state in {s.value for s in store.UPLOADABLE_STATES}
