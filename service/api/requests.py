"""Routes for conversion requests: validate, store, enqueue, return where to look."""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from fastapi import APIRouter
from fastapi import Request as HttpRequest
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from service import store
from service.api.deps import SessionDep, SettingsDep
from service.api.errors import ApiError
from service.api.schemas import (
    CreatedResponse,
    CreateRequest,
    ErrorInfo,
    ErrorResponse,
    RequestStatus,
)
from service.db.models import DOWNLOADABLE_STATES, Request, RequestState, utcnow
from service.settings import Settings
from service.web import ratelimit, security
from service.working_days import due_at
from workers import storage
from workers.celery_app import enqueue_conversion
from workers.engine.errors import ConversionError
from workers.engine.formats import ConversionOptions, OutputFormat
from workers.sources import check_document_url

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["requests"])

STATE_DESCRIPTIONS = {
    RequestState.QUEUED: "Waiting to be converted.",
    RequestState.PROCESSING: "Being converted now.",
    RequestState.READY: "Ready to download.",
    RequestState.DELIVERED: "Ready, and downloaded at least once.",
    RequestState.NEEDS_REVIEW: "Converted, but a member of staff needs to check it first.",
    RequestState.FAILED: "Could not be converted automatically.",
    RequestState.CANCELLED: "Cancelled.",
    RequestState.EXPIRED: "No longer available: the retention period has passed.",
}

_ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "The body is not readable JSON"},
    404: {"model": ErrorResponse, "description": "No request has that reference"},
    422: {"model": ErrorResponse, "description": "The request is not valid"},
}
# Public ids are token_urlsafe output; anything else cannot be one of ours.
_PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@router.post(
    "/requests",
    status_code=202,
    response_model=CreatedResponse,
    responses={
        **_ERROR_RESPONSES,
        429: {"model": ErrorResponse, "description": "Too many requests from this client"},
    },
    summary="Ask for a document in an accessible format",
)
def create_request(
    body: CreateRequest,
    http_request: HttpRequest,
    session: SessionDep,
    settings: SettingsDep,
) -> CreatedResponse:
    try:
        check_document_url(body.document_url, settings.source_policy())
    except ConversionError as error:
        raise ApiError(422, error.code, error.message) from error
    _count_submission(settings, http_request)
    options = ConversionOptions(format=body.format, print_size=body.print_size)
    received = utcnow()
    task_id = _new_task_id()
    request = store.create_request(
        session,
        document_url=body.document_url,
        options=options,
        assistive_technology=body.assistive_technology,
        email=str(body.email) if body.email else None,
        received=received,
        due=due_at(received, settings.response_window_days, settings.bank_holiday_nation),
        task_id=task_id,
    )
    # Commit before enqueueing: a worker must find the row when the task arrives.
    session.commit()
    try:
        enqueue_conversion(request.public_id, task_id)
    except Exception:  # noqa: BLE001 - the broker may be down; the request is safe regardless
        log.exception("could not enqueue request %s; the reconciler will", request.public_id)
    return CreatedResponse(
        id=request.public_id,
        state=request.state,
        status_url=str(http_request.url_for("get_request", public_id=request.public_id)),
        due_at=request.due_at,
    )


def _count_submission(settings: Settings, http_request: HttpRequest) -> None:
    """The per-client limit on API submissions, when one is set (counted apart from the
    form's, in the same Redis)."""
    if not settings.api_rate_limit_submissions:
        return
    verdict = ratelimit.hit(
        settings.redis_url,
        f"api:{security.client_ip(http_request)}",
        limit=settings.api_rate_limit_submissions,
        window=settings.rate_limit_window,
    )
    if not verdict.allowed:
        raise ApiError(
            429,
            "rate-limited",
            f"Too many requests from this client: at most {settings.api_rate_limit_submissions}"
            f" every {settings.rate_limit_window} seconds. Try again in "
            f"{verdict.retry_after} seconds; requests already accepted are not affected.",
            headers={"Retry-After": str(verdict.retry_after)},
        )


@router.get(
    "/requests/{public_id}",
    response_model=RequestStatus,
    responses=_ERROR_RESPONSES,
    summary="The state of a request",
)
def get_request(public_id: str, http_request: HttpRequest, session: SessionDep) -> RequestStatus:
    request = _find(session, public_id)
    state = RequestState(request.state)
    download_url = None
    if state in DOWNLOADABLE_STATES and request.artifact is not None:
        download_url = str(http_request.url_for("download", public_id=request.public_id))
    return RequestStatus(
        id=request.public_id,
        state=state.value,
        state_description=STATE_DESCRIPTIONS[state],
        document_url=request.document_url,
        format=request.format,
        print_size=request.print_size,
        created_at=request.created_at,
        updated_at=request.updated_at,
        due_at=request.due_at,
        finished_at=request.finished_at,
        error=(
            ErrorInfo(code=request.error_code, message=request.error_message or "")
            if request.error_code
            else None
        ),
        review_reasons=request.artifact.review_reasons if request.artifact else [],
        download_url=download_url,
    )


@router.get(
    "/requests/{public_id}/file",
    name="download",
    response_class=FileResponse,
    responses={
        **_ERROR_RESPONSES,
        409: {"model": ErrorResponse, "description": "The output is not ready yet"},
        410: {"model": ErrorResponse, "description": "The output is no longer stored"},
    },
    summary="Download the accessible version",
)
def download(
    public_id: str,
    session: SessionDep,
    settings: SettingsDep,
) -> FileResponse:
    request = _find(session, public_id)
    artifact = request.artifact
    if request.state == RequestState.EXPIRED.value:  # the retention purge removed the output
        raise ApiError(410, "expired", "The retention period has passed; please ask again.")
    if RequestState(request.state) not in DOWNLOADABLE_STATES or artifact is None:
        raise ApiError(409, "not-ready", "The accessible version is not ready yet.")
    # Download links end with the retention period, even before the purge runs (issue 7).
    expires = store.download_expires_at(request, settings.retention_days_after_delivery)
    if expires is not None and utcnow() >= expires:
        raise ApiError(410, "expired", "The retention period has passed; please ask again.")
    try:
        path = storage.resolve(settings.storage_dir, artifact.path)
    except storage.UnsafeStoragePath as error:
        raise ApiError(410, "file-missing", "The file is no longer available.") from error
    if not path.is_file():
        log.error("artifact %s of request %s is missing", artifact.id, public_id)
        raise ApiError(410, "file-missing", "The file is no longer available.")
    store.mark_delivered(session, request, actor="requester")
    filename = download_filename(request)
    return FileResponse(
        path,
        media_type=artifact.media_type,
        headers={"Content-Disposition": content_disposition(filename)},
    )


def _find(session: Session, public_id: str) -> Request:
    request = store.get_request(session, public_id) if _PUBLIC_ID.match(public_id) else None
    if request is None:
        raise ApiError(404, "request-not-found", "We have no request with that reference.")
    return request


def _new_task_id() -> str:
    return uuid.uuid4().hex


_SUFFIX = {
    OutputFormat.TAGGED_PDF: ("tagged", "pdf"),
    OutputFormat.HTML: ("accessible", "html"),
    OutputFormat.LARGE_PRINT: ("large-print", "pdf"),
    OutputFormat.LARGE_PRINT_DOCX: ("large-print", "docx"),
    OutputFormat.DOCX: ("accessible", "docx"),
    OutputFormat.EPUB: ("accessible", "epub"),
    OutputFormat.TEXT: ("text", "txt"),
}


def download_filename(request: Request) -> str:
    """A file name that says what the file is: ``annual-report.pdf`` asked as large print at
    20 pt downloads as ``annual-report-large-print-20pt.pdf``."""
    stem = PurePosixPath(unquote(urlsplit(request.document_url).path)).stem or "document"
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    safe_stem = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem).strip("-.")[:80] or "document"
    label, extension = _SUFFIX[OutputFormat(request.format)]
    if request.print_size:
        label = f"{label}-{request.print_size}pt"
    return f"{safe_stem}-{label}.{extension}"


def content_disposition(filename: str) -> str:
    return f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"
