"""What every staff page shares: who is signed in, the CSRF check on forms, the page and
error responses, and the words for states and deadlines.

Every route but the sign-in page depends on ``StaffDep``: with nobody signed in it raises
``LoginRequired``, which ``install_error_handlers`` turns into a redirect to the sign-in page
(or a 401 for ``/staff/api/…``). A form read with ``read_form`` without the project's CSRF
token (``service.web.security``) raises ``CsrfRejected``: 403.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI
from fastapi import Request as HttpRequest
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from service.api.deps import SettingsDep
from service.db.engine import session_scope
from service.db.models import StaffUser
from service.settings import Settings
from service.staff import accounts, dashboard, sessions
from service.staff.uploads import MAX_UPLOAD_BYTES
from service.web import security
from service.web.routes import templates

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
templates.env.globals.update(
    STATE_LABELS=STATE_LABELS,
    DEADLINE_LABELS=DEADLINE_LABELS,
    LOCKOUT_ATTEMPTS=accounts.MAX_FAILED_LOGINS,
    LOCKOUT_MINUTES=int(accounts.LOCKOUT.total_seconds() // 60),
)


templates.env.globals.update(duration_text=dashboard.duration_text)


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


def install_error_handlers(app: FastAPI) -> None:
    """What the console answers to the signed-out, to forgeries and to oversized forms."""

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
        return error_page(
            http_request,
            403,
            "Your action could not be sent securely",
            "Nothing has been changed. This can happen when a page was open for a long time or "
            "your browser blocks cookies. Go back, reload the page and try again.",
        )

    async def form_too_large(http_request: HttpRequest, _: Exception) -> Response:
        return error_page(
            http_request,
            413,
            "What you sent was too large",
            f"Nothing has been changed. Notes and messages must be shorter, and files smaller "
            f"than {MAX_UPLOAD_BYTES // 2**20} MB.",
        )

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(CsrfRejected, csrf_rejected)
    app.add_exception_handler(FormTooLarge, form_too_large)


def csrf_cookie(http_request: HttpRequest) -> str:
    return http_request.cookies.get(security.CSRF_COOKIE) or security.new_csrf_cookie()


def render_page(
    http_request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    user: StaffUser | None,
    status_code: int = 200,
) -> Response:
    """A staff page: never cached, with the CSRF cookie its forms are signed against."""
    settings: Settings = http_request.app.state.settings
    cookie = csrf_cookie(http_request)
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
    security.set_csrf_cookie(response, cookie, https=http_request.url.scheme == "https")
    return response


def error_page(http_request: HttpRequest, status_code: int, title: str, message: str) -> Response:
    response: Response = templates.TemplateResponse(
        http_request,
        "staff/error.html",
        {"title": title, "message": message},
        status_code=status_code,
        headers={"Cache-Control": "no-store"},
    )
    return response


async def read_form(http_request: HttpRequest, *, limit: int = MAX_FORM_BYTES) -> FormData:
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


def form_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def safe_next(target: str) -> str:
    """Only a console page: an open redirect would let a phishing link borrow our address."""
    if re.fullmatch(r"/staff(/[A-Za-z0-9_\-/]*)?(\?[A-Za-z0-9_\-=&%.+]*)?", target or ""):
        return target
    return "/staff"


def not_found(http_request: HttpRequest) -> Response:
    return error_page(
        http_request,
        404,
        "There is no request with that reference",
        "Check the reference, or search for the request in the list of requests.",
    )
