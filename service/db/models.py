"""Database models: requests, their state-change events, and stored output artifacts.

The database is the source of truth for every request; the broker only carries work.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class RequestState(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    READY = "ready"
    DELIVERED = "delivered"
    NEEDS_REVIEW = "needs_review"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


#: States in which a worker still has something to do.
ACTIVE_STATES = (RequestState.QUEUED, RequestState.PROCESSING)
#: States in which the output can be downloaded.
DOWNLOADABLE_STATES = (RequestState.READY, RequestState.DELIVERED)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_public_id() -> str:
    """144 random bits, URL-safe: a reference nobody can guess or enumerate."""
    return secrets.token_urlsafe(18)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite stores no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Artifact(Base):
    """A stored output. Shared by every request with the same source bytes, format, options
    and engine version (the cache key), so identical requests convert once."""

    __tablename__ = "artifacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cache_key: Mapped[str] = mapped_column(String(64), unique=True)
    source_sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(32))
    options: Mapped[dict[str, Any]] = mapped_column(JSON)
    engine_version: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(255))  # relative to the storage directory
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    check_report: Mapped[dict[str, Any]] = mapped_column(JSON)
    review_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Request(Base):
    __tablename__ = "requests"
    __table_args__ = (Index("ix_requests_state_updated", "state", "updated_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    document_url: Mapped[str] = mapped_column(Text)
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    #: What the fetched source turned out to be, shown on the form next time it is asked for.
    source_size: Mapped[int | None] = mapped_column(Integer)
    source_pages: Mapped[int | None] = mapped_column(Integer)
    source_title: Mapped[str | None] = mapped_column(String(300))
    format: Mapped[str] = mapped_column(String(32))
    print_size: Mapped[int | None] = mapped_column(Integer)
    assistive_technology: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    state: Mapped[str] = mapped_column(String(20), default=RequestState.QUEUED.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: Celery task id of the latest enqueue; the reconciler looks for it in the broker.
    task_id: Mapped[str | None] = mapped_column(String(64))
    enqueued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: While processing: after this moment no live task can be working on the request.
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    artifact_id: Mapped[int | None] = mapped_column(ForeignKey("artifacts.id"))
    from_cache: Mapped[bool | None] = mapped_column(default=None)
    #: When the retention purge removed the requester's personal data and the output file;
    #: the row keeps only anonymous facts (format, dates, states) for statistics.
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: When a member of staff last marked the requester as contacted by other means.
    contacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    #: Keyed hash of who asked (their e-mail address, else their IP address), so the form
    #: can show an identical request still in progress instead of making a duplicate.
    requester_hash: Mapped[str | None] = mapped_column(String(64), index=True)

    artifact: Mapped[Artifact | None] = relationship(lazy="joined")
    events: Mapped[list[RequestEvent]] = relationship(
        back_populates="request", order_by="RequestEvent.id", cascade="all, delete-orphan"
    )


class RequestEvent(Base):
    """One row per state change: what changed, when, and who or what changed it."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str | None] = mapped_column(Text)

    request: Mapped[Request] = relationship(back_populates="events")


class NotificationState(StrEnum):
    PENDING = "pending"  # waiting to be sent, or being retried
    SENT = "sent"
    FAILED = "failed"  # every retry failed: staff must contact the requester another way
    SKIPPED = "skipped"  # no SMTP server is configured


class Notification(Base):
    """One e-mail to a requester about one outcome. The row is written in the same
    transaction as the state change it reports, so no outcome goes untold, and its state
    shows staff whether the message went out."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("request_id", "kind", name="uq_notifications_request_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    #: The request state the message reports: ready, needs_review or failed.
    kind: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20), default=NotificationState.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StaffUser(Base):
    """A member of staff who may use the console. Passwords are stored as argon2 hashes."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Stored lower-cased, so logins are case-insensitive on the address.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    #: Consecutive failed logins; reset by a successful one.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """Who did what, when: every staff action, every login, every retention purge.

    ``actor`` is ``staff:<email>`` for people and ``system:<task>`` for scheduled work; the
    entry outlives the purge of the request it names (it never holds personal data itself).
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(340))
    #: A short stable verb: login, login-failed, logout, retry, cancel, upload, note, purge …
    action: Mapped[str] = mapped_column(String(40))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"), index=True)
    detail: Mapped[str | None] = mapped_column(Text)


class StaffSession(Base):
    """One signed-in browser. The cookie carries a random token; only its sha256 is stored,
    so a copy of the database cannot be used to sign in. Signing out deletes the row, and
    disabling an account deletes all of its rows."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    staff_user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    staff_user: Mapped[StaffUser] = relationship(lazy="joined")
