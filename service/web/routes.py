"""The public journey: request form → confirmation → status page → download.

Thin routes in the style of the JSON API: validate, store, enqueue, redirect to where to look.
Every page works without JavaScript; errors re-show the form with the answers kept.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from email_validator import EmailNotValidError, validate_email
from fastapi import APIRouter
from fastapi import Request as HttpRequest
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from service import store
from service.api.deps import SettingsDep
from service.api.requests import _PUBLIC_ID, content_disposition, download_filename
from service.db.engine import session_scope
from service.db.models import DOWNLOADABLE_STATES, Request, RequestState, utcnow
from service.settings import Settings
from service.web import content, ratelimit, security
from service.working_days import due_at
from workers import storage
from workers.celery_app import enqueue_conversion
from workers.engine.errors import ConversionError
from workers.engine.formats import (
    DEFAULT_PRINT_SIZE,
    LARGE_PRINT_FORMATS,
    PRINT_SIZES,
    ConversionOptions,
    OutputFormat,
)
from workers.sources import check_document_url

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals.update(
    FORMATS=content.FORMATS,
    ASSISTIVE_TECHNOLOGIES=content.ASSISTIVE_TECHNOLOGIES,
    PRINT_SIZES=PRINT_SIZES,
    london_date=content.london_date,
    london_time=content.london_time,
)
_ACTIVE = (RequestState.QUEUED, RequestState.PROCESSING)
_MAX_URL = 2048
_MAX_TEXT = 200


@dataclass
class Answers:
    document: str = ""
    assistive_technology: str = ""
    assistive_technology_other: str = ""
    format: str = ""
    print_size: str = str(DEFAULT_PRINT_SIZE)
    email: str = ""


@dataclass
class Checked:
    """Answers that passed validation, or the errors keyed by the id of the field to fix."""

    answers: Answers
    errors: dict[str, str] = field(default_factory=dict)
    options: ConversionOptions | None = None
    email: str | None = None


# --- pages ------------------------------------------------------------------------------


@router.get("/")
def start() -> RedirectResponse:
    return RedirectResponse("/request", status_code=303)


@router.get("/request", name="request_form")
def request_form(http_request: HttpRequest, document: str = "") -> Response:
    return _form_page(http_request, Answers(document=document.strip()[:_MAX_URL]))


@router.post("/request")
async def submit_request(http_request: HttpRequest, settings: SettingsDep) -> Response:
    fields = await _read_form(http_request, settings.max_form_bytes)
    if fields is None:
        return render_error(
            http_request,
            413,
            "Your answers were too long to send",
            "The form you sent was larger than we accept. Go back, shorten your answers and "
            "try again.",
        )
    return await run_in_threadpool(_handle_submission, http_request, settings, fields)


@router.get("/requests/{public_id}/confirmation", name="confirmation")
def confirmation(public_id: str, http_request: HttpRequest, settings: SettingsDep) -> Response:
    with session_scope(settings.database_url) as session:
        request = _find(session, public_id)
        if request is None:
            return _not_found(http_request)
        return templates.TemplateResponse(
            http_request,
            "confirmation.html",
            {"r": _view(http_request, settings, request), "settings": settings},
        )


@router.get("/requests/{public_id}", name="status_page")
def status_page(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, existing: str = ""
) -> Response:
    with session_scope(settings.database_url) as session:
        request = _find(session, public_id)
        if request is None:
            return _not_found(http_request)
        view = _view(http_request, settings, request)
    return templates.TemplateResponse(
        http_request,
        "status.html",
        {"r": view, "existing": existing == "1", "settings": settings},
        headers={"Cache-Control": "no-store"},
    )


@router.get("/requests/{public_id}/panel", name="status_panel")
def status_panel(public_id: str, http_request: HttpRequest, settings: SettingsDep) -> Response:
    """The status panel alone, for ``status.js`` to swap in without reloading the page."""
    with session_scope(settings.database_url) as session:
        request = _find(session, public_id)
        if request is None:
            return _not_found(http_request)
        view = _view(http_request, settings, request)
    return templates.TemplateResponse(
        http_request, "_status_panel.html", {"r": view}, headers={"Cache-Control": "no-store"}
    )


@router.get("/requests/{public_id}/download", name="web_download")
def web_download(public_id: str, http_request: HttpRequest, settings: SettingsDep) -> Response:
    with session_scope(settings.database_url) as session:
        request = _find(session, public_id)
        if request is None:
            return _not_found(http_request)
        view = _view(http_request, settings, request)
        artifact = request.artifact
        if view["state"] == RequestState.EXPIRED.value:
            return render_error(
                http_request,
                410,
                "This download has expired",
                "We delete files and contact details "
                f"{settings.retention_days_after_delivery} days after the first download. "
                "You can ask for the document again.",
                show_new_request=True,
            )
        if not view["downloadable"] or artifact is None:
            return RedirectResponse(
                str(http_request.url_for("status_page", public_id=public_id)), status_code=303
            )
        try:
            path = storage.resolve(settings.storage_dir, artifact.path)
        except storage.UnsafeStoragePath:
            path = None
        if path is None or not path.is_file():
            log.error("artifact of request %s is missing", public_id)
            return render_error(
                http_request,
                410,
                "This file is no longer available",
                "A member of staff has been told. You can ask for the document again.",
                show_new_request=True,
            )
        store.mark_delivered(session, request, actor="requester")
        filename = download_filename(request)
        media_type = artifact.media_type
    return FileResponse(
        path,
        media_type=media_type,
        headers={
            "Content-Disposition": content_disposition(filename),
            "Cache-Control": "private, no-store",
        },
    )


# --- the form -----------------------------------------------------------------------------


async def _read_form(http_request: HttpRequest, limit: int) -> dict[str, str] | None:
    """The urlencoded form fields, or ``None`` when the body is larger than ``limit``."""
    try:
        if int(http_request.headers.get("content-length") or 0) > limit:
            return None
    except ValueError:
        return None
    body = bytearray()
    async for chunk in http_request.stream():
        body += chunk
        if len(body) > limit:
            return None
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=50)
    return {name: values[0] for name, values in parsed.items()}


def _handle_submission(
    http_request: HttpRequest, settings: Settings, fields: dict[str, str]
) -> Response:
    answers = Answers(
        document=fields.get("document", "").strip(),
        assistive_technology=fields.get("assistive_technology", "").strip(),
        assistive_technology_other=fields.get("assistive_technology_other", "").strip(),
        format=fields.get("format", "").strip(),
        print_size=fields.get("print_size", "").strip(),
        email=fields.get("email", "").strip(),
    )
    if not security.csrf_valid(
        settings.secret_key,
        http_request.cookies.get(security.CSRF_COOKIE),
        fields.get(security.CSRF_FIELD),
    ):
        return _form_page(
            http_request,
            answers,
            status_code=400,
            problem="Your answers could not be sent securely, perhaps because the page was "
            "open for a long time or your browser blocks cookies. Your answers are kept below: "
            "check them and select Send request again.",
        )
    checked = check_answers(answers, settings)
    if checked.errors or checked.options is None:
        return _form_page(http_request, answers, errors=checked.errors, status_code=400)

    ip = security.client_ip(http_request)
    verdict = ratelimit.hit(
        settings.redis_url,
        ip,
        limit=settings.rate_limit_submissions,
        window=settings.rate_limit_window,
    )
    if not verdict.allowed:
        minutes = max(1, -(-verdict.retry_after // 60))
        response = render_error(
            http_request,
            429,
            "You have sent a lot of requests",
            f"To keep the service working for everyone we limit how many requests can be sent "
            f"from one place. Please try again in {minutes} minute{'s' if minutes != 1 else ''}. "
            "Requests you have already sent are not affected.",
        )
        response.headers["Retry-After"] = str(verdict.retry_after)
        return response

    requester = security.requester_hash(settings.secret_key, email=checked.email, ip=ip)
    with session_scope(settings.database_url) as session:
        existing = store.find_active_duplicate(
            session,
            requester_hash=requester,
            document_url=answers.document,
            options=checked.options,
        )
        if existing is not None:
            url = http_request.url_for("status_page", public_id=existing.public_id)
            return RedirectResponse(f"{url}?existing=1", status_code=303)
        received = utcnow()
        task_id = uuid.uuid4().hex
        request = store.create_request(
            session,
            document_url=answers.document,
            options=checked.options,
            assistive_technology=_assistive_technology_text(answers),
            email=checked.email,
            received=received,
            due=due_at(received, settings.response_window_days, settings.bank_holiday_nation),
            task_id=task_id,
            requester_hash=requester,
        )
        public_id = request.public_id
        # Commit before enqueueing: a worker must find the row when the task arrives.
        session.commit()
    try:
        enqueue_conversion(public_id, task_id)
    except Exception:  # noqa: BLE001 - the broker may be down; the reconciler will enqueue it
        log.exception("could not enqueue request %s; the reconciler will", public_id)
    return RedirectResponse(
        str(http_request.url_for("confirmation", public_id=public_id)), status_code=303
    )


def check_answers(answers: Answers, settings: Settings) -> Checked:
    """Validate the form, with GOV.UK-style messages that say how to put each answer right."""
    checked = Checked(answers)
    errors = checked.errors
    url = answers.document
    if not url:
        errors["document"] = "Enter the web address of the document you need"
    elif (
        len(url) > _MAX_URL
        or urlsplit(url).scheme not in ("http", "https")
        or not (urlsplit(url).hostname)
    ):
        errors["document"] = (
            "Enter the document's web address in the correct format, like "
            "https://www.example.gov.uk/report.pdf"
        )
    else:
        try:
            check_document_url(url, settings.source_policy())
        except ConversionError as error:
            sites = ", ".join(urlsplit(o).hostname or o for o in settings.allowed_sources)
            errors["document"] = (
                f"{error.message} Enter the address of a document published on {sites}"
                if error.code == "source-not-allowed" and sites
                else error.message
            )

    at = answers.assistive_technology
    if at and at not in content.AT_LABELS:
        errors["assistive-technology"] = "Select the assistive technology you use, or none"
    if len(answers.assistive_technology_other) > _MAX_TEXT:
        errors["assistive-technology-details"] = (
            f"Your assistive technology must be {_MAX_TEXT} characters or fewer"
        )

    if answers.format not in content.FORMAT_LABELS:
        message = "Select the format you need"
        suggested = content.SUGGESTED_FORMAT.get(at)
        if suggested:
            message += (
                f" – people who use a {content.AT_LABELS[at].split(' (')[0].lower()} often "
                f"choose {content.FORMAT_IN_SENTENCE[suggested]}"
            )
        errors["format"] = message
    print_size: int | None = None
    if answers.format in LARGE_PRINT_FORMATS:
        if answers.print_size not in {str(size) for size in PRINT_SIZES}:
            errors["print-size"] = "Select the size of text you need for large print"
        else:
            print_size = int(answers.print_size)

    if answers.email:
        try:
            checked.email = validate_email(answers.email, check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = "Enter an email address in the correct format, like name@example.com"
        if len(answers.email) > 320:
            errors["email"] = "Enter an email address of 320 characters or fewer"

    if not errors:
        checked.options = ConversionOptions(
            format=OutputFormat(answers.format), print_size=print_size
        )
    return checked


def _assistive_technology_text(answers: Answers) -> str | None:
    if answers.assistive_technology == "other":
        return answers.assistive_technology_other or "Something else"
    if answers.assistive_technology:
        return content.AT_LABELS[answers.assistive_technology]
    return None


def _form_page(
    http_request: HttpRequest,
    answers: Answers,
    *,
    errors: dict[str, str] | None = None,
    problem: str | None = None,
    status_code: int = 200,
) -> Response:
    settings: Settings = http_request.app.state.settings
    cookie = http_request.cookies.get(security.CSRF_COOKIE) or security.new_csrf_cookie()
    document = answers.document
    known = bool(document) and not (errors or {}).get("document") and "://" in document
    facts = _known_facts(settings, document) if known else None
    response = templates.TemplateResponse(
        http_request,
        "request.html",
        {
            "a": answers,
            "errors": errors or {},
            "problem": problem,
            "csrf_token": security.csrf_form_token(settings.secret_key, cookie),
            "document_name": content.document_name(document) if known else None,
            "document_site": content.document_site(document) if known else None,
            "document_facts": facts,
            "settings": settings,
            "suggested": content.SUGGESTED_FORMAT,
        },
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )
    security.set_csrf_cookie(response, cookie, https=http_request.url.scheme == "https")
    return response


def _known_facts(settings: Settings, document_url: str) -> dict[str, Any] | None:
    """The document's title, pages and size, if someone has asked for it before."""
    with session_scope(settings.database_url) as session:
        earlier = store.known_source(session, document_url)
        if earlier is None or earlier.source_size is None:
            return None
        return {
            "title": earlier.source_title,
            "pages": earlier.source_pages,
            "size": _size_text(earlier.source_size),
        }


# --- status -------------------------------------------------------------------------------


def _find(session: Session, public_id: str) -> Request | None:
    return store.get_request(session, public_id) if _PUBLIC_ID.match(public_id) else None


def _view(http_request: HttpRequest, settings: Settings, request: Request) -> dict[str, Any]:
    """Everything the confirmation and status templates show about one request."""
    state = RequestState(request.state)
    expires = store.download_expires_at(request, settings.retention_days_after_delivery)
    if state in DOWNLOADABLE_STATES and expires is not None and utcnow() >= expires:
        state = RequestState.EXPIRED  # the retention purge has not run yet; the link has ended
    downloadable = state in DOWNLOADABLE_STATES and request.artifact is not None
    artifact = request.artifact
    return {
        "id": request.public_id,
        "state": state.value,
        "active": state in _ACTIVE,
        "heading": content.STATE_HEADINGS[state],
        "document_url": request.document_url,
        "document_name": content.document_name(request.document_url),
        "document_site": content.document_site(request.document_url),
        "document_title": request.source_title,
        "format": content.format_label(request.format, request.print_size),
        "download_label": content.DOWNLOAD_LABELS.get(request.format, "Download"),
        "created_at": request.created_at,
        "due_at": request.due_at,
        "finished_at": request.finished_at,
        "error_message": request.error_message,
        "email": request.email,
        "downloadable": downloadable,
        "download_url": (
            str(http_request.url_for("web_download", public_id=request.public_id))
            if downloadable
            else None
        ),
        "download_name": download_filename(request) if downloadable else None,
        "download_size": _size_text(artifact.size) if downloadable and artifact else None,
        "expires_at": expires,
        "keep_days": settings.retention_days_after_delivery,
        "status_url": str(http_request.url_for("status_page", public_id=request.public_id)),
        "panel_url": str(http_request.url_for("status_panel", public_id=request.public_id)),
    }


def _size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# --- errors ------------------------------------------------------------------------------


def _not_found(http_request: HttpRequest) -> Response:
    return render_error(
        http_request,
        404,
        "We cannot find that request",
        "Check the web address is exactly as it appears in your confirmation page or email. "
        "Requests are deleted some time after they finish.",
        show_new_request=True,
    )


def render_error(
    http_request: HttpRequest,
    status_code: int,
    title: str,
    message: str,
    *,
    show_new_request: bool = False,
) -> HTMLResponse:
    response: HTMLResponse = templates.TemplateResponse(
        http_request,
        "error.html",
        {"title": title, "message": message, "show_new_request": show_new_request},
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )
    return response
