"""The figures on the staff dashboard, computed from the database (the source of truth).

The response window is the promise made to every requester, so "due" and "overdue" are
counted the way ``service.working_days`` sets the due date: in London working days, with the
configured nation's bank holidays excluded.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from service.db.models import Request, RequestEvent, RequestState, utcnow
from service.settings import Nation, Settings
from service.web import content
from service.working_days import LONDON, due_at
from workers.engine.formats import OutputFormat

#: States in which the requester is still waiting for an answer from us (a failure is told
#: "a member of staff will reply by …"), unless staff have contacted them another way.
AWAITING_STATES = (
    RequestState.QUEUED,
    RequestState.PROCESSING,
    RequestState.NEEDS_REVIEW,
    RequestState.FAILED,
)
READY_STATES = (RequestState.READY, RequestState.DELIVERED)
CHART_DAYS = 14
LIST_LIMIT = 10


class Deadline(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"  # by the end of the next working day
    ON_TIME = "on-time"


def due_soon_cutoff(now: datetime, nation: Nation) -> datetime:
    """The end of the next working day in London: a request due by then is due soon."""
    return due_at(now, 1, nation)


def deadline(now: datetime, due: datetime, nation: Nation) -> Deadline:
    if due < now:
        return Deadline.OVERDUE
    if due <= due_soon_cutoff(now, nation):
        return Deadline.DUE_SOON
    return Deadline.ON_TIME


def awaiting_answer() -> ColumnElement[bool]:
    return and_(
        Request.state.in_([state.value for state in AWAITING_STATES]),
        Request.contacted_at.is_(None),
    )


def deadline_filter(which: Deadline, now: datetime, nation: Nation) -> ColumnElement[bool]:
    """The SQL twin of ``deadline`` for requests still awaiting an answer."""
    if which is Deadline.OVERDUE:
        return and_(awaiting_answer(), Request.due_at < now)
    if which is Deadline.DUE_SOON:
        return and_(
            awaiting_answer(),
            Request.due_at >= now,
            Request.due_at <= due_soon_cutoff(now, nation),
        )
    return and_(awaiting_answer(), Request.due_at > due_soon_cutoff(now, nation))


@dataclass(frozen=True)
class Percentiles:
    count: int
    median: float | None  # seconds
    p95: float | None


def percentiles(values: Sequence[float]) -> Percentiles:
    """Median and 95th percentile by the nearest-rank method (a value that really occurred)."""
    if not values:
        return Percentiles(0, None, None)
    ordered = sorted(values)

    def rank(p: float) -> float:
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]

    return Percentiles(len(ordered), rank(50), rank(95))


@dataclass(frozen=True)
class RequestRow:
    public_id: str
    document_name: str
    format: str
    state: str
    created_at: datetime
    due_at: datetime
    #: ``None`` once the requester is no longer waiting on us (answered, or contacted).
    deadline: Deadline | None


@dataclass(frozen=True)
class FormatFigures:
    format: str
    label: str
    requested: int
    ready: int
    needs_review: int
    failed: int


@dataclass(frozen=True)
class DayFigures:
    day: date
    requests: int
    ready: int
    median_to_ready: float | None  # seconds, over that day's requests that became ready


@dataclass(frozen=True)
class Dashboard:
    now: datetime
    counts: list[tuple[str, int]]
    awaiting: int
    oldest_waiting: RequestRow | None
    overdue: list[RequestRow]
    overdue_total: int
    due_soon: list[RequestRow]
    due_soon_total: int
    time_to_ready: list[tuple[str, Percentiles]]
    by_format: list[FormatFigures]
    failures_by_code: list[tuple[str, int]]
    days: list[DayFigures]


def row(request: Request, now: datetime, nation: Nation) -> RequestRow:
    return RequestRow(
        public_id=request.public_id,
        document_name=content.document_name(request.document_url),
        format=content.format_label(request.format, request.print_size),
        state=request.state,
        created_at=request.created_at,
        due_at=request.due_at,
        deadline=deadline(now, request.due_at, nation) if is_awaiting(request) else None,
    )


def is_awaiting(request: Request) -> bool:
    awaiting = request.state in {state.value for state in AWAITING_STATES}
    return awaiting and request.contacted_at is None


def build(session: Session, settings: Settings, now: datetime | None = None) -> Dashboard:
    now = now or utcnow()
    nation = settings.bank_holiday_nation
    # Results have keys(), so dict() would take them for a mapping: build it row by row.
    counted = {
        state: int(n)
        for state, n in session.execute(select(Request.state, func.count()).group_by(Request.state))
    }
    counts = [(state.value, int(counted.get(state.value, 0))) for state in RequestState]

    def rows(query: Select[Request], limit: int = LIST_LIMIT) -> list[RequestRow]:
        return [row(r, now, nation) for r in session.scalars(query.limit(limit))]

    def total(condition: ColumnElement[bool]) -> int:
        return int(session.scalar(select(func.count()).where(condition)) or 0)

    overdue = deadline_filter(Deadline.OVERDUE, now, nation)
    due_soon = deadline_filter(Deadline.DUE_SOON, now, nation)
    oldest = rows(select(Request).where(awaiting_answer()).order_by(Request.created_at), 1)
    week_ago = now - timedelta(days=7)
    return Dashboard(
        now=now,
        counts=counts,
        awaiting=total(awaiting_answer()),
        oldest_waiting=oldest[0] if oldest else None,
        overdue=rows(select(Request).where(overdue).order_by(Request.due_at)),
        overdue_total=total(overdue),
        due_soon=rows(select(Request).where(due_soon).order_by(Request.due_at)),
        due_soon_total=total(due_soon),
        time_to_ready=[
            ("Last 24 hours", percentiles(_times_to_ready(session, since=now - timedelta(days=1)))),
            ("Last 7 days", percentiles(_times_to_ready(session, since=week_ago))),
        ],
        by_format=_by_format(session, since=week_ago),
        failures_by_code=[
            (code or "unknown", int(n))
            for code, n in session.execute(
                select(Request.error_code, func.count())
                .where(Request.state == RequestState.FAILED.value, Request.finished_at >= week_ago)
                .group_by(Request.error_code)
                .order_by(func.count().desc())
            )
        ],
        days=_days(session, now),
    )


def _first_ready() -> Select[int, datetime]:
    return (
        select(
            RequestEvent.request_id.label("request_id"),
            func.min(RequestEvent.at).label("ready_at"),
        )
        .where(RequestEvent.to_state == RequestState.READY.value)
        .group_by(RequestEvent.request_id)
    )


def _times_to_ready(session: Session, *, since: datetime) -> list[float]:
    """Seconds from receipt to first ready, for requests that became ready since ``since``."""
    first = _first_ready().subquery()
    pairs = session.execute(
        select(Request.created_at, first.c.ready_at)
        .join(first, first.c.request_id == Request.id)
        .where(first.c.ready_at >= since)
    )
    return [(ready - created).total_seconds() for created, ready in pairs]


def _by_format(session: Session, *, since: datetime) -> list[FormatFigures]:
    per_format: dict[str, Counter[str]] = defaultdict(Counter)
    for format_value, state, n in session.execute(
        select(Request.format, Request.state, func.count())
        .where(Request.created_at >= since)
        .group_by(Request.format, Request.state)
    ):
        per_format[format_value][state] += int(n)
    ordered = [f.value for f in OutputFormat] + sorted(
        set(per_format) - {f.value for f in OutputFormat}
    )
    return [
        FormatFigures(
            format=value,
            label=content.FORMAT_LABELS.get(value, value),
            requested=sum(per_format[value].values()),
            ready=sum(per_format[value][s.value] for s in READY_STATES),
            needs_review=per_format[value][RequestState.NEEDS_REVIEW.value],
            failed=per_format[value][RequestState.FAILED.value],
        )
        for value in ordered
    ]


def _days(session: Session, now: datetime) -> list[DayFigures]:
    """Requests received on each of the last ``CHART_DAYS`` London days, and how quickly the
    ones that became ready did so."""
    today = now.astimezone(LONDON).date()
    first_day = today - timedelta(days=CHART_DAYS - 1)
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=LONDON)
    first = _first_ready().subquery()
    received: Counter[date] = Counter()
    durations: dict[date, list[float]] = defaultdict(list)
    for created, ready in session.execute(
        select(Request.created_at, first.c.ready_at)
        .outerjoin(first, first.c.request_id == Request.id)
        .where(Request.created_at >= start)
    ):
        day = created.astimezone(LONDON).date()
        received[day] += 1
        if ready is not None:
            durations[day].append((ready - created).total_seconds())
    days = [first_day + timedelta(days=n) for n in range(CHART_DAYS)]
    return [
        DayFigures(day, received[day], len(durations[day]), percentiles(durations[day]).median)
        for day in days
    ]


def duration_text(seconds: float | None) -> str:
    """``45 seconds``, ``12 minutes``, ``3.5 hours``, ``2.1 days``: precise enough to act on."""
    if seconds is None:
        return "–"
    if seconds < 90:
        return f"{round(seconds)} second{'s' if round(seconds) != 1 else ''}"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes"
    if seconds < 36 * 3600:
        return f"{seconds / 3600:.1f} hours"
    return f"{seconds / 86400:.1f} days"


def all_formats(extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    values = [f.value for f in OutputFormat] + [v for v in extra if v not in set(OutputFormat)]
    return [(value, content.FORMAT_LABELS.get(value, value)) for value in values]
