"""One request: its detail page, its output for staff, and the actions on it."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from fastapi import Request as HttpRequest
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from service.api.deps import SettingsDep
from service.api.requests import _PUBLIC_ID, download_filename
from service.db.engine import session_scope
from service.db.models import Notification, Request, StaffUser, utcnow
from service.settings import Settings
from service.staff import actions, audit, dashboard
from service.staff.uploads import MAX_UPLOAD_BYTES, UploadRejected
from service.staff.web import (
    MAX_FORM_BYTES,
    StaffDep,
    error_page,
    form_text,
    not_found,
    read_form,
    render_page,
)
from service.web import content
from workers import storage
from workers.engine.formats import FORMAT_INFO, OutputFormat

router = APIRouter(prefix="/staff", include_in_schema=False)
_DONE_MESSAGES = {
    "retry": "The request is queued again.",
    "cancel": "The request is cancelled and the requester has been sent your message.",
    "upload": "Your file is now the request's output; the requester is told it is ready.",
    "contacted": "The request is marked as contacted.",
    "note": "Your note is added.",
}


@router.get("/requests/{public_id}", name="staff_request")
def request_detail(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep, done: str = ""
) -> Response:
    return _detail_page(http_request, settings, user, public_id, done=done)


def _detail_page(
    http_request: HttpRequest,
    settings: Settings,
    user: StaffUser,
    public_id: str,
    *,
    done: str = "",
    errors: dict[str, str] | None = None,
    answers: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    if not _PUBLIC_ID.match(public_id):
        return not_found(http_request)
    with session_scope(settings.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        if request is None:
            return not_found(http_request)
        view = _detail_view(session, settings, request)
    return render_page(
        http_request,
        "staff/request.html",
        {
            "r": view,
            "done": _DONE_MESSAGES.get(done),
            "errors": errors or {},
            "answers": answers or {},
            "nav": "requests",
        },
        user=user,
        status_code=status_code,
    )


def _detail_view(session: Session, settings: Settings, request: Request) -> dict[str, Any]:
    now = utcnow()
    artifact = request.artifact
    report = artifact.check_report if artifact else None
    notifications = list(
        session.scalars(
            select(Notification)
            .where(Notification.request_id == request.id)
            .order_by(Notification.id)
        )
    )
    entries = audit.for_request(session, request.id)
    return {
        "id": request.public_id,
        "state": request.state,
        "document_url": request.document_url,
        "document_name": content.document_name(request.document_url),
        "document_title": request.source_title,
        "source_sha256": request.source_sha256,
        "source_pages": request.source_pages,
        "source_size": request.source_size,
        "format": content.format_label(request.format, request.print_size),
        "format_value": request.format,
        "extension": _extension(request.format),
        "created_at": request.created_at,
        "due_at": request.due_at,
        "deadline": dashboard.row(request, now, settings.bank_holiday_nation).deadline,
        "finished_at": request.finished_at,
        "attempts": request.attempts,
        "error_code": request.error_code,
        "error_message": request.error_message,
        "contacted_at": request.contacted_at,
        "purged_at": request.purged_at,
        "email": request.email,
        "assistive_technology": request.assistive_technology,
        "from_cache": request.from_cache,
        "artifact": artifact,
        "output_url": f"/staff/requests/{request.public_id}/output" if artifact else None,
        "report_checks": [c for c in (report or {}).get("checks", []) if isinstance(c, dict)],
        "report_passed": (report or {}).get("passed"),
        "report_notes": [str(n) for n in (report or {}).get("notes", []) or []],
        "review_reasons": list(artifact.review_reasons) if artifact else [],
        "hand_made": bool(artifact and artifact.engine_version == actions.UPLOAD_ENGINE_VERSION),
        "events": list(request.events),
        "notifications": notifications,
        "notes": [e for e in entries if e.action == "note"],
        "audit": entries,
        "status_url": f"/requests/{request.public_id}",
        "can_retry": actions.retryable(request.state),
        "can_cancel": actions.cancellable(request.state),
        "can_upload": actions.uploadable(request),
    }


def _extension(format_value: str) -> str:
    try:
        return FORMAT_INFO[OutputFormat(format_value)].extension
    except (ValueError, KeyError):
        return ""


@router.get("/requests/{public_id}/output", name="staff_output")
def output_file(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    """The output for staff to check; unlike the requester's download, it does not count as
    delivered."""
    if not _PUBLIC_ID.match(public_id):
        return not_found(http_request)
    with session_scope(settings.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        if request is None or request.artifact is None:
            return not_found(http_request)
        artifact = request.artifact
        filename = download_filename(request)
        try:
            path = storage.resolve(settings.storage_dir, artifact.path)
        except storage.UnsafeStoragePath:
            path = None
        media_type = artifact.media_type
    if path is None or not path.is_file():
        return error_page(
            http_request,
            410,
            "The output file is no longer stored",
            "It may have been removed by the retention purge. Retry the request to make it again.",
        )
    actions.record_download(settings, public_id, user)
    return FileResponse(
        path,
        media_type=media_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
            "Cache-Control": "private, no-store",
        },
    )


def _after(public_id: str, done: str) -> RedirectResponse:
    return RedirectResponse(f"/staff/requests/{public_id}?done={done}", status_code=303)


async def _act(
    http_request: HttpRequest,
    settings: Settings,
    user: StaffUser,
    public_id: str,
    done: str,
    action: Any,
    *args: Any,
    answers: dict[str, str] | None = None,
) -> Response:
    if not _PUBLIC_ID.match(public_id):
        return not_found(http_request)
    try:
        await run_in_threadpool(action, settings, public_id, user, *args)
    except (actions.ActionRefused, UploadRejected) as refused:
        message = getattr(refused, "message", str(refused))
        field = getattr(refused, "field", None) or _ERROR_FIELDS.get(done, "actions")
        return await run_in_threadpool(
            _detail_page,
            http_request,
            settings,
            user,
            public_id,
            errors={field: message},
            answers=answers,
            status_code=400,
        )
    return _after(public_id, done)


#: The field each action's error is shown against (the id the error summary links to).
_ERROR_FIELDS = {
    "retry": "retry",
    "cancel": "cancel-message",
    "upload": "upload-file",
    "contacted": "contacted",
    "note": "note",
}


@router.post("/requests/{public_id}/retry", name="staff_retry")
async def retry(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    await read_form(http_request)
    return await _act(http_request, settings, user, public_id, "retry", actions.retry)


@router.post("/requests/{public_id}/cancel", name="staff_cancel")
async def cancel(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    form = await read_form(http_request)
    message = form_text(form, "message")
    return await _act(
        http_request,
        settings,
        user,
        public_id,
        "cancel",
        actions.cancel,
        message,
        answers={"message": message},
    )


@router.post("/requests/{public_id}/upload", name="staff_upload")
async def upload(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    form = await read_form(http_request, limit=MAX_UPLOAD_BYTES + MAX_FORM_BYTES)
    file = form.get("file")
    filename, data = "", b""
    if isinstance(file, UploadFile):
        filename = (file.filename or "")[:255]
        data = await file.read(MAX_UPLOAD_BYTES + 1)
        await file.close()
    return await _act(
        http_request, settings, user, public_id, "upload", actions.upload, filename, data
    )


@router.post("/requests/{public_id}/contacted", name="staff_contacted")
async def contacted(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    await read_form(http_request)
    return await _act(http_request, settings, user, public_id, "contacted", actions.mark_contacted)


@router.post("/requests/{public_id}/notes", name="staff_note")
async def note(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    form = await read_form(http_request)
    text = form_text(form, "note")
    return await _act(
        http_request,
        settings,
        user,
        public_id,
        "note",
        actions.add_note,
        text,
        answers={"note": text},
    )
