"""E-mail to staff about the promise made on every page ("we reply within N working days").

- Each working morning (Europe/London, bank holidays excluded), one message to every active
  member of staff listing the requests due that day and those overdue. The beat task
  ``staff_morning_alert`` asks often; the first run after ``AF_STAFF_ALERT_HOUR`` sends it,
  and the day's entry in the audit log (``staff-alert``) stops any other run from sending it
  again, even two at once.
- At once when a request goes to ``needs_review``: ``service.store`` records it as a
  ``Notification`` of kind ``staff-review`` with the state change and ``workers.notify``
  sends it like any other e-mail.

A request is *unanswered* while the requester is still owed something: it is queued, being
converted, waiting for review, or failed, and no member of staff has marked it contacted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, delete, select, text, update
from sqlalchemy.orm import Session

from service import mail
from service.db.engine import in_transaction
from service.db.models import AuditEntry, Request, RequestState, StaffUser, utcnow
from service.settings import Settings
from service.working_days import LONDON, is_working_day

log = logging.getLogger(__name__)

ACTOR = "system:staff-alert"
ACTION = "staff-alert"
FAILED_ACTION = "staff-alert-failed"
#: Any fixed number: PostgreSQL advisory locks are named by integers.
_PG_ALERT_LOCK = 0x5AFF_A1E7

UNANSWERED_STATES = (
    RequestState.QUEUED,
    RequestState.PROCESSING,
    RequestState.NEEDS_REVIEW,
    RequestState.FAILED,
)


def unanswered() -> ColumnElement[bool]:
    return and_(
        Request.state.in_([state.value for state in UNANSWERED_STATES]),
        Request.contacted_at.is_(None),
    )


def overdue(now: datetime) -> ColumnElement[bool]:
    """Unanswered requests whose response window has ended."""
    return and_(unanswered(), Request.due_at < now)


def end_of_london_day(now: datetime) -> datetime:
    today = now.astimezone(LONDON).date()
    return datetime.combine(today + timedelta(days=1), time(0), tzinfo=LONDON)


@dataclass(frozen=True)
class Digest:
    day: date
    due_today: list[Request]
    overdue: list[Request]

    @property
    def empty(self) -> bool:
        return not self.due_today and not self.overdue


def collect_digest(session: Session, now: datetime) -> Digest:
    by_due = Request.due_at, Request.id
    return Digest(
        day=now.astimezone(LONDON).date(),
        due_today=list(
            session.scalars(
                select(Request)
                .where(unanswered(), Request.due_at >= now, Request.due_at < end_of_london_day(now))
                .order_by(*by_due)
            )
        ),
        overdue=list(session.scalars(select(Request).where(overdue(now)).order_by(*by_due))),
    )


def active_staff_addresses(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(StaffUser.email).where(StaffUser.active.is_(True)).order_by(StaffUser.email)
        )
    )


class DigestResult(StrEnum):
    SENT = "sent"
    NOTHING_DUE = "nothing-due"
    ALREADY_SENT = "already-sent"
    NOT_A_WORKING_DAY = "not-a-working-day"
    TOO_EARLY = "too-early"
    NO_SMTP = "no-smtp"
    NO_STAFF = "no-staff"
    FAILED = "failed"


class _AlreadyClaimed(Exception):
    pass


@dataclass(frozen=True)
class _Claim:
    entry_id: int
    message: mail.Message | None
    summary: str


def send_morning_digest(settings: Settings, now: datetime | None = None) -> DigestResult:
    """Send today's message to staff unless it is not due yet or has already gone."""
    now = now or utcnow()
    local = now.astimezone(LONDON)
    if not is_working_day(local.date(), settings.bank_holiday_nation):
        return DigestResult.NOT_A_WORKING_DAY
    if local.hour < settings.staff_alert_hour:
        return DigestResult.TOO_EARLY
    if not settings.smtp_host:
        return DigestResult.NO_SMTP
    try:
        claim = in_transaction(settings.database_url, lambda s: _claim_today(s, settings, now))
    except _AlreadyClaimed:
        return DigestResult.ALREADY_SENT
    if claim is None:
        return DigestResult.NO_STAFF
    if claim.message is None:
        return DigestResult.NOTHING_DUE
    try:
        mail.send(settings, claim.message)
    except mail.TemporaryMailError as error:
        # Give the day back: the next run (minutes later) tries again.
        _record_failure(settings, claim, now, str(error), release=True)
        return DigestResult.FAILED
    except mail.PermanentMailError as error:
        # Refused for good: retrying all day would only repeat the refusal.
        _record_failure(settings, claim, now, str(error), release=False)
        return DigestResult.FAILED
    _set_detail(settings, claim.entry_id, f"{claim.summary}; sent")
    log.info("morning e-mail to staff sent: %s", claim.summary)
    return DigestResult.SENT


def _claim_today(session: Session, settings: Settings, now: datetime) -> _Claim | None:
    """Write today's entry first and only then look for another: whoever wrote first wins.

    PostgreSQL: an advisory lock held to the end of the transaction serialises the claims.
    SQLite: the INSERT takes the database's write lock, so the second claimant reads after
    the first has committed."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_ALERT_LOCK})
    recipients = active_staff_addresses(session)
    if not recipients:
        return None
    day = now.astimezone(LONDON).date()
    entry = AuditEntry(at=now, actor=ACTOR, action=ACTION, detail=f"{day.isoformat()}: claimed")
    session.add(entry)
    session.flush()
    earlier = session.scalar(
        select(AuditEntry.id)
        .where(
            AuditEntry.action == ACTION,
            AuditEntry.detail.like(f"{day.isoformat()}:%"),
            AuditEntry.id != entry.id,
        )
        .limit(1)
    )
    if earlier is not None:
        raise _AlreadyClaimed  # rolls this entry back
    digest = collect_digest(session, now)
    summary = (
        f"{day.isoformat()}: {len(digest.due_today)} due today, {len(digest.overdue)} overdue, "
        f"{len(recipients)} staff"
    )
    if digest.empty:
        entry.detail = f"{summary}; nothing to report, no e-mail"
        return _Claim(entry.id, None, summary)
    return _Claim(entry.id, mail.compose_staff_digest(settings, digest, recipients), summary)


def _record_failure(
    settings: Settings, claim: _Claim, now: datetime, error: str, *, release: bool
) -> None:
    def write(session: Session) -> None:
        if release:
            session.execute(delete(AuditEntry).where(AuditEntry.id == claim.entry_id))
        else:
            session.execute(
                update(AuditEntry)
                .where(AuditEntry.id == claim.entry_id)
                .values(detail=f"{claim.summary}; refused, not retried")
            )
        session.add(
            AuditEntry(at=now, actor=ACTOR, action=FAILED_ACTION, detail=error[:1000])
        )

    in_transaction(settings.database_url, write)
    log.warning("morning e-mail to staff not sent (%s): %s", claim.summary, error)


def _set_detail(settings: Settings, entry_id: int, detail: str) -> None:
    in_transaction(
        settings.database_url,
        lambda session: session.execute(
            update(AuditEntry).where(AuditEntry.id == entry_id).values(detail=detail)
        ),
    )
