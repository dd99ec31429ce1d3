"""Signing in and out of the staff console."""

from __future__ import annotations

import math

from fastapi import APIRouter
from fastapi import Request as HttpRequest
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from service.api.deps import SettingsDep
from service.db.engine import session_scope
from service.db.models import utcnow
from service.settings import Settings
from service.staff import accounts, audit, sessions
from service.staff.web import (
    CsrfRejected,
    StaffDep,
    form_text,
    read_form,
    render_page,
    safe_next,
)
from service.web import security

router = APIRouter(prefix="/staff", include_in_schema=False)


@router.get("/login", name="staff_login")
def login_page(
    http_request: HttpRequest, settings: SettingsDep, next: str = "", signed_out: str = ""
) -> Response:
    with session_scope(settings.database_url) as session:
        signed_in = sessions.find_user(
            session, http_request.cookies.get(sessions.COOKIE), secret=settings.secret_key
        )
    if signed_in is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_form(
        http_request, next=safe_next(next) if next else "", signed_out=bool(signed_out)
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
    return render_page(
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
        form = await read_form(http_request)
    except CsrfRejected:
        return _login_form(
            http_request,
            problem="You could not be signed in securely, perhaps because the page was open for "
            "a long time or your browser blocks cookies. Try again.",
            status_code=403,
        )
    email = form_text(form, "email").strip()[:320]
    password = form_text(form, "password")
    next_page = safe_next(form_text(form, "next"))
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
    security.set_csrf_cookie(response, security.new_csrf_cookie(), https=https)
    return response


@router.post("/logout")
async def logout(http_request: HttpRequest, settings: SettingsDep, user: StaffDep) -> Response:
    await read_form(http_request)
    with session_scope(settings.database_url) as session:
        sessions.end(session, http_request.cookies.get(sessions.COOKIE), secret=settings.secret_key)
        audit.record(session, actor=audit.actor_of(user), action="logout")
    response = RedirectResponse("/staff/login?signed_out=1", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/staff")
    return response
