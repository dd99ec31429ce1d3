"""Staff accounts: argon2id password hashes, sign-in with a lockout, enabling and disabling.

>>> add_staff(session, "Ana@Example.gov.uk", "correct horse battery")  # doctest: +SKIP
>>> authenticate(session, "ana@example.gov.uk", "wrong", client="127.0.0.1").ok  # doctest: +SKIP
False
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from service.db.models import StaffSession, StaffUser, utcnow
from service.staff import audit

#: Consecutive wrong passwords that lock an account, and for how long. Long enough to make
#: guessing hopeless (5 tries per 15 minutes), short enough that a member of staff who
#: mistyped is not stuck for the day.
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
#: Verified against when the address is unknown, so a wrong address takes as long to refuse
#: as a wrong password and response times do not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash("no account has this password")


class AccountError(ValueError):
    """A staff account could not be added or changed; the message says why."""


@dataclass(frozen=True)
class LoginResult:
    user: StaffUser | None
    #: When the account is locked, the moment it opens again.
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.user is not None


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == normalise_email(email)))


def add_staff(
    session: Session, email: str, password: str, *, actor: str = "system:cli"
) -> StaffUser:
    address = normalise_email(email)
    if "@" not in address or len(address) > 320:
        raise AccountError("Enter the member of staff's e-mail address, like name@example.gov.uk")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"The password must be at least {MIN_PASSWORD_LENGTH} characters long")
    if find(session, address) is not None:
        raise AccountError(f"{address} already has an account")
    user = StaffUser(email=address, password_hash=_hasher.hash(password), active=True)
    session.add(user)
    session.flush()
    audit.record(session, actor=actor, action="staff-add", detail=f"added staff:{address}")
    return user


def set_active(
    session: Session, email: str, active: bool, *, actor: str = "system:cli"
) -> StaffUser:
    user = find(session, email)
    if user is None:
        raise AccountError(f"{normalise_email(email)} has no account")
    user.active = active
    if not active:  # signed-in browsers are signed out at once
        session.execute(delete(StaffSession).where(StaffSession.staff_user_id == user.id))
    else:
        user.failed_logins = 0
        user.locked_until = None
    audit.record(
        session,
        actor=actor,
        action="staff-enable" if active else "staff-disable",
        detail=f"{'enabled' if active else 'disabled'} staff:{user.email}",
    )
    return user


def list_staff(session: Session) -> list[StaffUser]:
    return list(session.scalars(select(StaffUser).order_by(StaffUser.email)))


def authenticate(
    session: Session, email: str, password: str, *, client: str, now: datetime | None = None
) -> LoginResult:
    """Check a sign-in attempt and record it in the audit trail, whatever the outcome."""
    now = now or utcnow()
    user = find(session, email)
    where = f"from {client}"
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password)
        # The typed address is not stored: it may be a password typed in the wrong box.
        audit.record(
            session, actor="anonymous", action="login-failed", detail=f"unknown account {where}"
        )
        return LoginResult(None)
    actor = audit.actor_of(user)
    if user.locked_until is not None and user.locked_until > now:
        audit.record(session, actor=actor, action="login-locked", detail=where)
        return LoginResult(None, locked_until=user.locked_until)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        audit.record(
            session,
            actor=actor,
            action="login-failed",
            detail=f"wrong password ({user.failed_logins} in a row) {where}",
        )
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.failed_logins = 0
            user.locked_until = now + LOCKOUT
            audit.record(
                session,
                actor=actor,
                action="lockout",
                detail=f"locked for {int(LOCKOUT.total_seconds() // 60)} minutes",
            )
            return LoginResult(None, locked_until=user.locked_until)
        return LoginResult(None)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit.record(session, actor=actor, action="login", detail=where)
    return LoginResult(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
