"""Staff accounts on both databases: argon2 hashes, the lockout and its audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from service.db.engine import session_scope
from service.db.models import AuditEntry, StaffSession, StaffUser, utcnow
from service.staff import accounts, sessions

PASSWORD = "a long enough password"


def _audit(database_url: str) -> list[tuple[str, str]]:
    with session_scope(database_url) as session:
        rows = session.execute(select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.id))
        return [(actor, action) for actor, action in rows]


def test_passwords_are_stored_as_argon2id_hashes(database_url: str) -> None:
    with session_scope(database_url) as session:
        accounts.add_staff(session, " Ana@Example.GOV.uk ", PASSWORD)
    with session_scope(database_url) as session:
        user = session.scalar(select(StaffUser))
        assert user is not None
        assert user.email == "ana@example.gov.uk"
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
    assert _audit(database_url) == [("system:cli", "staff-add")]


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("not-an-address", PASSWORD, "e-mail address"),
        ("b@example.gov.uk", "short", "at least 12"),
    ],
)
def test_bad_accounts_are_refused_with_a_reason(
    database_url: str, email: str, password: str, message: str
) -> None:
    with (
        session_scope(database_url) as session,
        pytest.raises(accounts.AccountError, match=message),
    ):
        accounts.add_staff(session, email, password)


def test_the_same_address_cannot_be_added_twice(database_url: str) -> None:
    with session_scope(database_url) as session:
        accounts.add_staff(session, "ana@example.gov.uk", PASSWORD)
    with session_scope(database_url) as session, pytest.raises(accounts.AccountError):
        accounts.add_staff(session, "ANA@example.gov.uk", PASSWORD)


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(database_url: str) -> None:
    with session_scope(database_url) as session:
        accounts.add_staff(session, "ana@example.gov.uk", PASSWORD)
    start = utcnow()

    def attempt(password: str, minutes: float = 0) -> accounts.LoginResult:
        with session_scope(database_url) as session:
            return accounts.authenticate(
                session,
                "ana@example.gov.uk",
                password,
                client="192.0.2.7",
                now=start + timedelta(minutes=minutes),
            )

    for number in range(1, accounts.MAX_FAILED_LOGINS):
        result = attempt("wrong password")
        assert not result.ok and result.locked_until is None, number
    fifth = attempt("wrong password")
    assert not fifth.ok and fifth.locked_until == start + accounts.LOCKOUT
    # Locked: even the right password is refused, and is not checked at all.
    locked = attempt(PASSWORD, minutes=14.9)
    assert not locked.ok and locked.locked_until == start + accounts.LOCKOUT
    # After the lockout the right password works again and resets the count.
    assert attempt(PASSWORD, minutes=15.1).ok
    with session_scope(database_url) as session:
        user = session.scalar(select(StaffUser))
        assert user is not None and user.failed_logins == 0 and user.locked_until is None
        assert user.last_login_at is not None

    actor = "staff:ana@example.gov.uk"
    assert _audit(database_url) == [
        ("system:cli", "staff-add"),
        *[(actor, "login-failed")] * accounts.MAX_FAILED_LOGINS,
        (actor, "lockout"),
        (actor, "login-locked"),
        (actor, "login"),
    ]
    with session_scope(database_url) as session:
        details = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "login-failed")
        ).all()
        assert details[-1] == "wrong password (5 in a row) from 192.0.2.7"


def test_unknown_and_disabled_accounts_are_refused_and_audited_without_the_typed_text(
    database_url: str,
) -> None:
    with session_scope(database_url) as session:
        accounts.add_staff(session, "ana@example.gov.uk", PASSWORD)
        accounts.set_active(session, "ana@example.gov.uk", False)
    with session_scope(database_url) as session:
        typed = "my-secret-password@typed-in-the-wrong-box"
        assert not accounts.authenticate(session, typed, PASSWORD, client="192.0.2.1").ok
        assert not accounts.authenticate(session, "ana@example.gov.uk", PASSWORD, client="x").ok
    with session_scope(database_url) as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [e.action for e in entries] == [
            "staff-add",
            "staff-disable",
            "login-failed",
            "login-failed",
        ]
        assert all("typed-in-the-wrong-box" not in (e.detail or "") for e in entries)
        assert entries[-1].actor == "anonymous"


def test_sessions_end_when_signed_out_expired_or_disabled(database_url: str) -> None:
    secret = "a secret of at least sixteen characters"
    with session_scope(database_url) as session:
        user = accounts.add_staff(session, "ana@example.gov.uk", PASSWORD)
        cookie = sessions.start(session, user, secret=secret)
        old = sessions.start(
            session, user, secret=secret, now=utcnow() - sessions.SESSION_LENGTH - timedelta(1)
        )
    with session_scope(database_url) as session:
        found = sessions.find_user(session, cookie, secret=secret)
        assert found is not None and found.email == "ana@example.gov.uk"
        assert sessions.find_user(session, old, secret=secret) is None
        assert sessions.find_user(session, cookie, secret="another secret entirely") is None
        # The database holds only a digest of the token.
        stored = session.scalars(select(StaffSession.token_sha256)).all()
        assert cookie.split(".")[0] not in stored
        sessions.end(session, cookie, secret=secret)
    with session_scope(database_url) as session:
        assert sessions.find_user(session, cookie, secret=secret) is None
        cookie = sessions.start(session, session.get_one(StaffUser, user.id), secret=secret)
    with session_scope(database_url) as session:
        accounts.set_active(session, "ana@example.gov.uk", False)
    with session_scope(database_url) as session:
        assert sessions.find_user(session, cookie, secret=secret) is None
