"""Security for the public pages: response headers, anti-forgery tokens, who is asking.

CSRF uses the signed double-submit pattern: a random token in an HttpOnly cookie, and in the
form an HMAC of that token under ``AF_SECRET_KEY``. A forged cross-site post can carry the
cookie but cannot know the matching form value.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request as HttpRequest
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "af_csrf"
CSRF_FIELD = "csrf_token"

#: No inline script or style anywhere; forms post only to us; nobody may frame the pages.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Status and download addresses carry the request's secret reference: never leak them.
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# Swagger UI (/docs, /redoc) loads its own scripts; it keeps FastAPI's defaults.
_NO_CSP_PREFIXES = ("/docs", "/redoc")


def set_csrf_cookie(response: Response, cookie: str, *, https: bool) -> None:
    """The anti-forgery cookie, for every page with a form (public and staff alike)."""
    response.set_cookie(
        CSRF_COOKIE, cookie, httponly=True, samesite="lax", secure=https, path="/"
    )


class SecurityHeadersMiddleware:
    """Adds the headers above to every response, a strict CSP to every page but the API
    docs, and HSTS when the request came over HTTPS (directly or via a trusted proxy)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = list(_HEADERS)
                if not path.startswith(_NO_CSP_PREFIXES):
                    extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                if https:
                    extra.append((b"strict-transport-security", b"max-age=31536000"))
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _sign(secret: str, purpose: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(32)


def csrf_form_token(secret: str, cookie_value: str) -> str:
    return _sign(secret, "csrf", cookie_value)


def csrf_valid(secret: str, cookie_value: str | None, form_value: str | None) -> bool:
    if not cookie_value or not form_value:
        return False
    return hmac.compare_digest(csrf_form_token(secret, cookie_value), form_value)


def client_ip(request: HttpRequest) -> str:
    """The client's address; behind a proxy, uvicorn's ``--proxy-headers`` (on by default for
    trusted proxies) has already put the forwarded address here."""
    return request.client.host if request.client else "unknown"


def requester_hash(secret: str, *, email: str | None, ip: str) -> str:
    """Who asked, as a keyed hash: the e-mail address when given, else the IP address. Kept
    only to spot a repeated submission; it cannot be turned back into either."""
    who = f"email:{email.strip().lower()}" if email else f"ip:{ip}"
    return _sign(secret, "requester", who)
