"""Signed-in browsers. The cookie holds ``token.signature``: a random token, signed with
``AF_SECRET_KEY`` so a forged or altered cookie is refused before the database is asked; the
database keeps only the token's sha256 and the session's end."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.db.models import StaffSession, StaffUser, utcnow

COOKIE = "af_staff"
#: A working day and a bit: staff sign in once a day. Not sliding, so a cookie copied from
#: a shared machine stops working by the next morning at the latest.
SESSION_LENGTH = timedelta(hours=10)


def _signature(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), f"staff-session:{token}".encode(), hashlib.sha256).hexdigest()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(session: Session, user: StaffUser, *, secret: str, now: datetime | None = None) -> str:
    """Record a new session for ``user``; returns the cookie value."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    # Ended sessions are of no use to anyone: tidy them away as new ones begin.
    session.execute(delete(StaffSession).where(StaffSession.expires_at <= now))
    session.add(
        StaffSession(
            token_sha256=_digest(token),
            staff_user_id=user.id,
            created_at=now,
            expires_at=now + SESSION_LENGTH,
        )
    )
    return f"{token}.{_signature(secret, token)}"


def _token(secret: str, cookie: str | None) -> str | None:
    if not cookie or cookie.count(".") != 1:
        return None
    token, signature = cookie.split(".")
    return token if hmac.compare_digest(_signature(secret, token), signature) else None


def find_user(session: Session, cookie: str | None, *, secret: str) -> StaffUser | None:
    """The active member of staff signed in with this cookie, or ``None``."""
    token = _token(secret, cookie)
    if token is None:
        return None
    row = session.scalar(select(StaffSession).where(StaffSession.token_sha256 == _digest(token)))
    if row is None or row.expires_at <= utcnow() or not row.staff_user.active:
        return None
    return row.staff_user


def end(session: Session, cookie: str | None, *, secret: str) -> None:
    token = _token(secret, cookie)
    if token is not None:
        session.execute(delete(StaffSession).where(StaffSession.token_sha256 == _digest(token)))
