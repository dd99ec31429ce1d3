"""The staff console's pages: thin routes over ``accounts``, ``dashboard`` and ``actions``.

Every route but the sign-in page needs a signed-in member of staff (``StaffDep``): pages
send anyone else to sign in, ``/staff/api/…`` answers 401. Every form carries the project's
CSRF token (``service.web.security``); a post without a valid one is refused with 403.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, FastAPI
from fastapi import Request as HttpRequest
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from service.api.deps import SettingsDep
from service.api.requests import _PUBLIC_ID, download_filename
from service.db.engine import session_scope
from service.db.models import Notification, Request, StaffUser, utcnow
from service.settings import Settings
from service.staff import accounts, actions, audit, dashboard, sessions, workers_view
from service.staff.charts import BarChart, bar_chart
from service.staff.uploads import MAX_UPLOAD_BYTES, UploadRejected
from service.web import content, security
from service.web.routes import templates
from workers import storage

log = logging.getLogger(__name__)
router = APIRouter(prefix="/staff", include_in_schema=False)
templates.env.globals.update(duration_text=dashboard.duration_text)

PAGE_SIZE = 25
#: Largest ordinary staff form (notes, messages); uploads have their own limit.
MAX_FORM_BYTES = 64 * 1024
STATE_LABELS = {
    "queued": "Queued",
    "processing": "Processing",
    "ready": "Ready",
    "delivered": "Downloaded",
    "needs_review": "Needs review",
    "failed": "Failed",
    "cancelled": "Cancelled",
    "expired": "Expired",
}
DEADLINE_LABELS = {"overdue": "Overdue", "due-soon": "Due within a working day"}
_DONE_MESSAGES = {
    "retry": "The request is queued again.",
    "cancel": "The request is cancelled and the requester has been sent your message.",
    "upload": "Your file is now the request's output; the requester is told it is ready.",
    "contacted": "The request is marked as contacted.",
    "note": "Your note is added.",
}
templates.env.globals.update(
    STATE_LABELS=STATE_LABELS,
    DEADLINE_LABELS=DEADLINE_LABELS,
    LOCKOUT_ATTEMPTS=accounts.MAX_FAILED_LOGINS,
    LOCKOUT_MINUTES=int(accounts.LOCKOUT.total_seconds() // 60),
)


class LoginRequired(Exception):
    """Nobody (or a disabled account, or an ended session) is signed in."""


class CsrfRejected(Exception):
    """A staff form came without a valid anti-forgery token."""


class FormTooLarge(Exception):
    pass


def current_staff(http_request: HttpRequest, settings: SettingsDep) -> StaffUser:
    with session_scope(settings.database_url) as session:
        user = sessions.find_user(
            session, http_request.cookies.get(sessions.COOKIE), secret=settings.secret_key
        )
    if user is None:
        raise LoginRequired()
    return user


StaffDep = Annotated[StaffUser, Depends(current_staff)]


def install(app: FastAPI) -> None:
    """Add the console's routes and what it answers to the signed-out and to forgeries."""

    async def login_required(http_request: HttpRequest, _: Exception) -> Response:
        path = http_request.url.path
        if path.startswith("/staff/api/"):
            return JSONResponse(
                {"code": "login-required", "message": "Sign in to the staff console first."},
                status_code=401,
                headers={"Cache-Control": "no-store"},
            )
        target = "/staff/login"
        if http_request.method == "GET" and path != "/staff/login":
            wanted = path + (f"?{http_request.url.query}" if http_request.url.query else "")
            target += "?" + urlencode({"next": wanted})
        return RedirectResponse(target, status_code=303)

    async def csrf_rejected(http_request: HttpRequest, _: Exception) -> Response:
        return _error(
            http_request,
            403,
            "Your action could not be sent securely",
            "Nothing has been changed. This can happen when a page was open for a long time or "
            "your browser blocks cookies. Go back, reload the page and try again.",
        )

    async def form_too_large(http_request: HttpRequest, _: Exception) -> Response:
        return _error(
            http_request,
            413,
            "What you sent was too large",
            f"Nothing has been changed. Notes and messages must be shorter, and files smaller "
            f"than {MAX_UPLOAD_BYTES // 2**20} MB.",
        )

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(CsrfRejected, csrf_rejected)
    app.add_exception_handler(FormTooLarge, form_too_large)
    app.include_router(router)


# --- helpers ------------------------------------------------------------------------------


def _csrf_cookie(http_request: HttpRequest) -> str:
    return http_request.cookies.get(security.CSRF_COOKIE) or security.new_csrf_cookie()


def _page(
    http_request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    user: StaffUser | None,
    status_code: int = 200,
    csrf_cookie: str | None = None,
) -> Response:
    """A staff page: never cached, with the CSRF cookie its forms are signed against."""
    settings: Settings = http_request.app.state.settings
    cookie = csrf_cookie or _csrf_cookie(http_request)
    response = templates.TemplateResponse(
        http_request,
        template,
        {
            **context,
            "staff_email": user.email if user else None,
            "csrf_token": security.csrf_form_token(settings.secret_key, cookie),
            "settings": settings,
        },
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )
    response.set_cookie(
        security.CSRF_COOKIE,
        cookie,
        httponly=True,
        samesite="lax",
        secure=http_request.url.scheme == "https",
        path="/",
    )
    return response


def _error(http_request: HttpRequest, status_code: int, title: str, message: str) -> Response:
    response: Response = templates.TemplateResponse(
        http_request,
        "staff/error.html",
        {"title": title, "message": message},
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )
    return response


async def _read_form(http_request: HttpRequest, *, limit: int = MAX_FORM_BYTES) -> FormData:
    """The posted form, after its size and its CSRF token have been checked."""
    try:
        length = int(http_request.headers.get("content-length") or 0)
    except ValueError:
        length = limit + 1
    if length > limit:
        raise FormTooLarge()
    form = await http_request.form(max_files=1, max_fields=20, max_part_size=MAX_FORM_BYTES)
    settings: Settings = http_request.app.state.settings
    token = form.get(security.CSRF_FIELD)
    if not security.csrf_valid(
        settings.secret_key,
        http_request.cookies.get(security.CSRF_COOKIE),
        token if isinstance(token, str) else None,
    ):
        raise CsrfRejected()
    return form


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _safe_next(target: str) -> str:
    """Only a console page: an open redirect would let a phishing link borrow our address."""
    if re.fullmatch(r"/staff(/[A-Za-z0-9_\-/]*)?(\?[A-Za-z0-9_\-=&%.+]*)?", target or ""):
        return target
    return "/staff"


def _not_found(http_request: HttpRequest) -> Response:
    return _error(
        http_request,
        404,
        "There is no request with that reference",
        "Check the reference, or search for the request in the list of requests.",
    )


# --- signing in and out --------------------------------------------------------------------


@router.get("/login", name="staff_login")
def login_page(
    http_request: HttpRequest, settings: SettingsDep, next: str = "", signed_out: str = ""
) -> Response:
    with session_scope(settings.database_url) as session:
        signed_in = sessions.find_user(
            session, http_request.cookies.get(sessions.COOKIE), secret=settings.secret_key
        )
    if signed_in is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_form(
        http_request, next=_safe_next(next) if next else "", signed_out=bool(signed_out)
    )


def _login_form(
    http_request: HttpRequest,
    *,
    next: str = "",
    email: str = "",
    errors: dict[str, str] | None = None,
    problem: str | None = None,
    signed_out: bool = False,
    status_code: int = 200,
) -> Response:
    return _page(
        http_request,
        "staff/login.html",
        {
            "next": next,
            "email": email,
            "errors": errors or {},
            "problem": problem,
            "signed_out": signed_out,
        },
        user=None,
        status_code=status_code,
    )


@router.post("/login")
async def login(http_request: HttpRequest, settings: SettingsDep) -> Response:
    try:
        form = await _read_form(http_request)
    except CsrfRejected:
        return _login_form(
            http_request,
            problem="You could not be signed in securely, perhaps because the page was open for "
            "a long time or your browser blocks cookies. Try again.",
            status_code=403,
        )
    email = _text(form, "email").strip()[:320]
    password = _text(form, "password")
    next_page = _safe_next(_text(form, "next"))
    errors: dict[str, str] = {}
    if not email:
        errors["email"] = "Enter your email address"
    if not password:
        errors["password"] = "Enter your password"
    if errors:
        return _login_form(
            http_request, next=next_page, email=email, errors=errors, status_code=400
        )
    return await run_in_threadpool(_sign_in, http_request, settings, email, password, next_page)


def _sign_in(
    http_request: HttpRequest, settings: Settings, email: str, password: str, next_page: str
) -> Response:
    with session_scope(settings.database_url) as session:
        result = accounts.authenticate(
            session, email, password, client=security.client_ip(http_request)
        )
        cookie = (
            sessions.start(session, result.user, secret=settings.secret_key)
            if result.user is not None
            else None
        )
    if cookie is None:
        if result.locked_until is not None:
            minutes = max(1, math.ceil((result.locked_until - utcnow()).total_seconds() / 60))
            response = _login_form(
                http_request,
                email=email,
                next=next_page,
                problem=f"There have been too many attempts to sign in to this account. Wait "
                f"{minutes} minute{'s' if minutes != 1 else ''} and try again, or ask another "
                "member of staff to check the account.",
                status_code=429,
            )
            response.headers["Retry-After"] = str(minutes * 60)
            return response
        return _login_form(
            http_request,
            email=email,
            next=next_page,
            errors={"email": "Enter a correct email address and password"},
            status_code=400,
        )
    response = RedirectResponse(next_page, status_code=303)
    https = http_request.url.scheme == "https"
    response.set_cookie(
        sessions.COOKIE,
        cookie,
        max_age=int(sessions.SESSION_LENGTH.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=https,
        path="/staff",
    )
    # A fresh anti-forgery cookie for the signed-in session.
    response.set_cookie(
        security.CSRF_COOKIE,
        security.new_csrf_cookie(),
        httponly=True,
        samesite="lax",
        secure=https,
        path="/",
    )
    return response


@router.post("/logout")
async def logout(http_request: HttpRequest, settings: SettingsDep, user: StaffDep) -> Response:
    await _read_form(http_request)
    with session_scope(settings.database_url) as session:
        sessions.end(session, http_request.cookies.get(sessions.COOKIE), secret=settings.secret_key)
        audit.record(session, actor=audit.actor_of(user), action="logout")
    response = RedirectResponse("/staff/login?signed_out=1", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/staff")
    return response


# --- dashboard ----------------------------------------------------------------------------


@router.get("", name="staff_dashboard")
def dashboard_page(http_request: HttpRequest, settings: SettingsDep, user: StaffDep) -> Response:
    with session_scope(settings.database_url) as session:
        figures = dashboard.build(session, settings)
    workers = workers_view.look(settings)
    return _page(
        http_request,
        "staff/dashboard.html",
        {"d": figures, "workers": workers, "charts": _charts(figures), "nav": "dashboard"},
        user=user,
    )


def _charts(figures: dashboard.Dashboard) -> list[BarChart]:
    def short(day: dashboard.DayFigures) -> str:
        return f"{day.day.day} {day.day:%b}"

    def full(day: dashboard.DayFigures) -> str:
        return f"{day.day:%A} {day.day.day} {day.day:%B}"

    def count_text(value: float | None) -> str:
        n = int(value or 0)
        return f"{n} request{'s' if n != 1 else ''}"

    def minutes(seconds: float | None) -> float | None:
        # Charted in minutes so the axis gets round figures (1, 2, 5 min), not seconds.
        return None if seconds is None else seconds / 60

    return [
        bar_chart(
            "chart-requests",
            "Requests received per day",
            [(short(d), full(d), float(d.requests)) for d in figures.days],
            value_text=count_text,
            tick_text=lambda v: f"{v:g}",
        ),
        bar_chart(
            "chart-time-to-ready",
            "Median time to ready, by day received",
            [(short(d), full(d), minutes(d.median_to_ready)) for d in figures.days],
            value_text=lambda v: "none ready" if v is None else dashboard.duration_text(v * 60),
            tick_text=lambda v: f"{v:g} min",
        ),
    ]


@router.get("/api/summary", name="staff_api_summary")
def summary_json(settings: SettingsDep, user: StaffDep) -> JSONResponse:
    """The dashboard's figures as JSON, for a wall display or a script run by staff."""
    with session_scope(settings.database_url) as session:
        figures = dashboard.build(session, settings)
    return JSONResponse(
        {
            "generated_at": figures.now.isoformat(),
            "counts": dict(figures.counts),
            "awaiting_answer": figures.awaiting,
            "overdue": figures.overdue_total,
            "due_within_one_working_day": figures.due_soon_total,
            "oldest_waiting": (
                {
                    "id": figures.oldest_waiting.public_id,
                    "created_at": figures.oldest_waiting.created_at.isoformat(),
                    "due_at": figures.oldest_waiting.due_at.isoformat(),
                }
                if figures.oldest_waiting
                else None
            ),
            "time_to_ready_seconds": {
                label: {"count": p.count, "median": p.median, "p95": p.p95}
                for label, p in figures.time_to_ready
            },
            "failures_by_code": dict(figures.failures_by_code),
        },
        headers={"Cache-Control": "no-store"},
    )


# --- the list of requests -----------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    state: str = ""
    format: str = ""
    due: str = ""
    q: str = ""

    def query_string(self, page: int | None = None) -> str:
        values = {k: v for k, v in vars(self).items() if v}
        if page is not None and page > 1:
            values["page"] = str(page)
        return urlencode(values)


def _filters(state: str, format: str, due: str, q: str) -> Filters:
    """Unknown values are ignored rather than refused: a filter is a convenience."""
    return Filters(
        state=state if state in STATE_LABELS else "",
        format=format if format in dict(dashboard.all_formats()) else "",
        due=due if due in DEADLINE_LABELS else "",
        q=q.strip()[:300],
    )


def _conditions(filters: Filters, settings: Settings) -> list[ColumnElement[bool]]:
    now = utcnow()
    conditions: list[ColumnElement[bool]] = []
    if filters.state:
        conditions.append(Request.state == filters.state)
    if filters.format:
        conditions.append(Request.format == filters.format)
    if filters.due:
        which = dashboard.Deadline(filters.due)
        conditions.append(dashboard.deadline_filter(which, now, settings.bank_holiday_nation))
    if filters.q:
        conditions.append(
            or_(
                Request.public_id == filters.q,
                Request.document_url.contains(filters.q, autoescape=True),
            )
        )
    return conditions


@router.get("/requests", name="staff_requests")
def request_list(
    http_request: HttpRequest,
    settings: SettingsDep,
    user: StaffDep,
    state: str = "",
    format: str = "",
    due: str = "",
    q: str = "",
    page: str = "1",
) -> Response:
    filters = _filters(state, format, due, q)
    conditions = _conditions(filters, settings)
    number = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    now = utcnow()
    with session_scope(settings.database_url) as session:
        total = int(
            session.scalar(select(func.count()).select_from(Request).where(*conditions)) or 0
        )
        pages = max(1, math.ceil(total / PAGE_SIZE))
        number = min(number, pages)
        found = session.scalars(
            select(Request)
            .where(*conditions)
            .order_by(Request.created_at.desc(), Request.id.desc())
            .offset((number - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
        rows = [dashboard.row(r, now, settings.bank_holiday_nation) for r in found]
    return _page(
        http_request,
        "staff/requests.html",
        {
            "rows": rows,
            "filters": filters,
            "formats": dashboard.all_formats(),
            "total": total,
            "page": number,
            "pages": pages,
            "first_shown": (number - 1) * PAGE_SIZE + 1 if total else 0,
            "last_shown": min(total, number * PAGE_SIZE),
            "previous_url": f"?{filters.query_string(number - 1)}" if number > 1 else None,
            "next_url": f"?{filters.query_string(number + 1)}" if number < pages else None,
            "nav": "requests",
        },
        user=user,
    )


# --- one request --------------------------------------------------------------------------


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
        return _not_found(http_request)
    with session_scope(settings.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        if request is None:
            return _not_found(http_request)
        view = _detail_view(session, settings, request)
    return _page(
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
    from workers.engine.formats import FORMAT_INFO, OutputFormat

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
        return _not_found(http_request)
    with session_scope(settings.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        if request is None or request.artifact is None:
            return _not_found(http_request)
        artifact = request.artifact
        filename = download_filename(request)
        try:
            path = storage.resolve(settings.storage_dir, artifact.path)
        except storage.UnsafeStoragePath:
            path = None
        media_type = artifact.media_type
    if path is None or not path.is_file():
        return _error(
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
        return _not_found(http_request)
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
    await _read_form(http_request)
    return await _act(http_request, settings, user, public_id, "retry", actions.retry)


@router.post("/requests/{public_id}/cancel", name="staff_cancel")
async def cancel(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    form = await _read_form(http_request)
    message = _text(form, "message")
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
    form = await _read_form(http_request, limit=MAX_UPLOAD_BYTES + MAX_FORM_BYTES)
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
    await _read_form(http_request)
    return await _act(http_request, settings, user, public_id, "contacted", actions.mark_contacted)


@router.post("/requests/{public_id}/notes", name="staff_note")
async def note(
    public_id: str, http_request: HttpRequest, settings: SettingsDep, user: StaffDep
) -> Response:
    form = await _read_form(http_request)
    text = _text(form, "note")
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
