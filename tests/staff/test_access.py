"""No staff page or JSON without signing in, no staff form without its CSRF token, and the
session cookie is what the issue asks: signed, HttpOnly, SameSite=Strict, Secure over HTTPS."""

from __future__ import annotations

from contextlib import closing
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy import select

from service.api.app import create_app
from service.db.engine import session_scope
from service.db.models import AuditEntry, Request
from service.staff import routes as staff_routes
from tests.staff.conftest import STAFF_EMAIL, Console, csrf_token, sign_in
from tests.support.api_client import submit, wait_for_state

REFERENCE = "AAAAAAAAAAAAAAAAAAAAAAAA"
#: Every staff route, with the method and an example path. Checked against the app below,
#: so a new route cannot be added without being listed (and so tested) here.
PAGES = [
    ("GET", "/staff"),
    ("GET", "/staff/requests"),
    ("GET", "/staff/requests/{id}"),
    ("GET", "/staff/requests/{id}/output"),
]
JSON = [("GET", "/staff/api/summary")]
FORMS = [
    ("POST", "/staff/logout"),
    ("POST", "/staff/requests/{id}/retry"),
    ("POST", "/staff/requests/{id}/cancel"),
    ("POST", "/staff/requests/{id}/upload"),
    ("POST", "/staff/requests/{id}/contacted"),
    ("POST", "/staff/requests/{id}/notes"),
]
PUBLIC = [("GET", "/staff/login"), ("POST", "/staff/login")]


def test_every_staff_route_is_listed_here() -> None:
    create_app()  # the console's router is the one the app serves
    routes = {
        (method, route.path.replace("{public_id}", "{id}"))
        for router in staff_routes.ROUTERS
        for route in router.routes
        for method in getattr(route, "methods", set()) - {"HEAD"}
    }
    assert routes == set(PAGES + JSON + FORMS + PUBLIC)


@pytest.fixture(scope="module")
def request_id(console: Console) -> str:
    """A real request (so a refusal cannot be a 404 in disguise)."""
    body = submit(console.base_url, console.document("/access/report.pdf"), "html")
    wait_for_state(console.base_url, body["id"])
    return str(body["id"])


def test_anonymous_pages_redirect_to_sign_in(console: Console, request_id: str) -> None:
    for _, path in PAGES:
        url = path.format(id=request_id)
        response = httpx.get(console.base_url + url + "?x=1", timeout=30)
        assert response.status_code == 303, url
        wanted = urlencode({"next": url + "?x=1"})
        assert response.headers["location"] == f"/staff/login?{wanted}", url


def test_anonymous_json_is_401(console: Console) -> None:
    for _, path in JSON:
        response = httpx.get(console.base_url + path, timeout=30)
        assert response.status_code == 401
        assert response.json()["code"] == "login-required"


def test_anonymous_forms_change_nothing_and_redirect(console: Console, request_id: str) -> None:
    with httpx.Client(base_url=console.base_url, timeout=30) as client:
        token = csrf_token(client.get("/staff/login").text)  # a valid token, but no session
        for _, path in FORMS:
            url = path.format(id=request_id)
            response = client.post(url, data={"csrf_token": token, "message": "x", "note": "x"})
            assert (response.status_code, response.headers.get("location")) == (
                303,
                "/staff/login",
            ), url
    _assert_untouched(console, request_id)


@pytest.mark.parametrize("token", [None, "", "forged"], ids=["missing", "empty", "wrong"])
def test_staff_forms_without_a_valid_csrf_token_are_403(
    console: Console, request_id: str, token: str | None
) -> None:
    with closing(sign_in(console.base_url)) as client:
        for _, path in FORMS:
            url = path.format(id=request_id)
            data = {"message": "Cancelled", "note": "A note"}
            if token is not None:
                data["csrf_token"] = token
            response = client.post(url, data=data)
            assert response.status_code == 403, url
            assert "could not be sent securely" in response.text
            assert "Traceback" not in response.text
        # Still signed in: the forged sign-out did nothing either.
        assert client.get("/staff").status_code == 200
    _assert_untouched(console, request_id)


def test_sign_in_without_a_valid_csrf_token_is_403(console: Console) -> None:
    with httpx.Client(base_url=console.base_url, timeout=30) as client:
        client.get("/staff/login")
        response = client.post(
            "/staff/login",
            data={"csrf_token": "forged", "email": STAFF_EMAIL, "password": "whatever it is"},
        )
        assert response.status_code == 403
        assert "af_staff" not in response.headers.get("set-cookie", "")
        assert "could not be signed in securely" in response.text


def test_a_token_from_another_browser_is_refused(console: Console, request_id: str) -> None:
    with closing(sign_in(console.base_url)) as mine, closing(sign_in(console.base_url)) as theirs:
        their_token = csrf_token(theirs.get("/staff").text)
        response = mine.post(
            f"/staff/requests/{request_id}/notes",
            data={
                "csrf_token": their_token,
                "note": "forged",
            },
        )
        assert response.status_code == 403


def _assert_untouched(console: Console, request_id: str) -> None:
    with session_scope(console.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == request_id))
        assert request is not None
        assert request.state == "ready" and request.contacted_at is None
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.request_id == request.id)
        ).all()
        assert actions == []


def test_session_cookie_is_signed_httponly_strict_and_secure_over_https(console: Console) -> None:
    with httpx.Client(base_url=console.base_url, timeout=30) as client:
        form = client.get("/staff/login")
        response = client.post(
            "/staff/login",
            # uvicorn trusts the loopback proxy, as it would trust the site's reverse proxy.
            headers={"X-Forwarded-Proto": "https"},
            data={
                "csrf_token": csrf_token(form.text),
                "email": STAFF_EMAIL.upper(),  # addresses are not case-sensitive
                "password": "correct horse battery staple",
            },
        )
        assert response.status_code == 303
        cookie = next(
            c for c in response.headers.get_list("set-cookie") if c.startswith("af_staff=")
        )
        attributes = {part.strip().lower() for part in cookie.split(";")}
        assert {"httponly", "secure", "samesite=strict", "path=/staff"} <= attributes
        value = cookie.split(";")[0].split("=", 1)[1]
        token, signature = value.split(".")
        assert len(token) >= 43 and len(signature) == 64


def test_tampered_and_signed_out_cookies_are_refused(console: Console) -> None:
    client = sign_in(console.base_url)
    cookie = client.cookies["af_staff"]
    token, signature = cookie.split(".")
    with httpx.Client(base_url=console.base_url, timeout=30) as other:
        other.cookies.set("af_staff", f"{token}x.{signature}", path="/staff")
        assert other.get("/staff").status_code == 303
        other.cookies.set("af_staff", f"{token}.{'0' * 64}", path="/staff")
        assert other.get("/staff").status_code == 303
    page = client.get("/staff")
    assert page.status_code == 200
    signed_out = client.post("/staff/logout", data={"csrf_token": csrf_token(page.text)})
    assert signed_out.headers["location"] == "/staff/login?signed_out=1"
    # The old cookie, replayed, no longer works: the session row is gone.
    with httpx.Client(base_url=console.base_url, timeout=30) as replay:
        replay.cookies.set("af_staff", cookie, path="/staff")
        assert replay.get("/staff").status_code == 303
        assert replay.get("/staff/api/summary").status_code == 401
    client.close()


def test_sign_in_only_returns_to_console_pages(console: Console) -> None:
    for wanted, landing in [
        ("/staff/requests?state=failed", "/staff/requests?state=failed"),
        ("https://evil.example/staff", "/staff"),
        ("//evil.example/staff", "/staff"),
        ("/request", "/staff"),
    ]:
        with httpx.Client(base_url=console.base_url, timeout=30) as client:
            form = client.get("/staff/login", params={"next": wanted})
            response = client.post(
                "/staff/login",
                data={
                    "csrf_token": csrf_token(form.text),
                    "email": STAFF_EMAIL,
                    "password": "correct horse battery staple",
                    "next": wanted,
                },
            )
            assert response.headers["location"] == landing


def test_disabling_an_account_signs_it_out(console: Console) -> None:
    assert console.add_staff("leaver@example.gov.uk", "a password of some length").returncode == 0
    client = sign_in(console.base_url, "leaver@example.gov.uk", "a password of some length")
    assert client.get("/staff").status_code == 200
    from tests.staff.conftest import run_cli

    disabled = run_cli(console.env, "staff", "disable", "leaver@example.gov.uk")
    assert disabled.returncode == 0, disabled.stderr
    assert client.get("/staff").status_code == 303
    client.close()


def test_the_sign_in_page_locks_an_account_after_five_wrong_passwords(console: Console) -> None:
    assert console.add_staff("guessed@example.gov.uk", "the real password is long").returncode == 0
    with httpx.Client(base_url=console.base_url, timeout=30) as client:
        statuses = []
        for _ in range(6):
            form = client.get("/staff/login")
            response = client.post(
                "/staff/login",
                data={
                    "csrf_token": csrf_token(form.text),
                    "email": "guessed@example.gov.uk",
                    "password": "the real password is long" if _ == 5 else "a guess",
                },
            )
            statuses.append(response.status_code)
        # Four refusals, the lockout on the fifth, and the right password refused while locked.
        assert statuses == [400, 400, 400, 400, 429, 429]
        assert 0 < int(response.headers["Retry-After"]) <= 15 * 60
        assert "too many attempts" in response.text
        assert "af_staff" not in response.headers.get("set-cookie", "")
    with session_scope(console.database_url) as session:
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.actor == "staff:guessed@example.gov.uk")
            .order_by(AuditEntry.id)
        ).all()
    assert actions == ["login-failed"] * 5 + ["lockout", "login-locked"]
