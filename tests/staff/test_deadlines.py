"""The response window on the dashboard: "overdue" and "due within one working day" counted in
London working days, bank holidays excluded, and the SQL filter agreeing with the Python rule;
and the dashboard's figures from rows whose times are known."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from service.db.engine import session_scope
from service.db.models import Request, RequestEvent
from service.settings import Nation
from service.staff import dashboard
from service.staff.dashboard import Deadline, deadline, percentiles
from service.working_days import due_at, working_days_left
from tests.conftest import make_settings

LONDON = ZoneInfo("Europe/London")
ENGLAND = Nation.ENGLAND_AND_WALES
SCOTLAND = Nation.SCOTLAND


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON).astimezone(UTC)  # type: ignore[misc]


def end_of(year: int, month: int, day: int) -> datetime:
    """The last moment of a London day, as ``due_at`` sets it."""
    return london(year, month, day, 23, 59, 59, 999999)


@pytest.mark.parametrize(
    ("now", "due", "nation", "expected"),
    [
        # Christmas 2026: Fri 25 Dec and Mon 28 Dec (Boxing Day's substitute) are holidays, so
        # on Thursday 24 Dec the next working day is Tuesday 29 Dec.
        (london(2026, 12, 24, 10), end_of(2026, 12, 24), ENGLAND, Deadline.DUE_SOON),
        (london(2026, 12, 24, 10), end_of(2026, 12, 29), ENGLAND, Deadline.DUE_SOON),
        (london(2026, 12, 24, 10), end_of(2026, 12, 30), ENGLAND, Deadline.ON_TIME),
        (london(2026, 12, 24, 10), end_of(2026, 12, 23), ENGLAND, Deadline.OVERDUE),
        # One second past the end of the due day is overdue, holiday or not.
        (london(2026, 12, 25, 0, 0, 1), end_of(2026, 12, 24), ENGLAND, Deadline.OVERDUE),
        # Over the holiday itself, Tuesday is still the next working day.
        (london(2026, 12, 27, 15), end_of(2026, 12, 29), ENGLAND, Deadline.DUE_SOON),
        (london(2026, 12, 27, 15), end_of(2026, 12, 30), ENGLAND, Deadline.ON_TIME),
        # Easter 2027: Good Friday 26 March everywhere, Easter Monday 29 March in England only.
        (london(2027, 3, 25, 9), end_of(2027, 3, 30), ENGLAND, Deadline.DUE_SOON),
        (london(2027, 3, 25, 9), end_of(2027, 3, 30), SCOTLAND, Deadline.ON_TIME),
        (london(2027, 3, 25, 9), end_of(2027, 3, 29), SCOTLAND, Deadline.DUE_SOON),
        # St Andrew's Day (Mon 30 Nov 2026) is a bank holiday in Scotland only.
        (london(2026, 11, 27, 10), end_of(2026, 12, 1), ENGLAND, Deadline.ON_TIME),
        (london(2026, 11, 27, 10), end_of(2026, 12, 1), SCOTLAND, Deadline.DUE_SOON),
        # Clocks go forward on Sun 29 March 2026: the end of Monday is 22:59:59 UTC.
        (london(2026, 3, 27, 23, 30), end_of(2026, 3, 30), ENGLAND, Deadline.DUE_SOON),
        (
            london(2026, 3, 27, 23, 30),
            datetime(2026, 3, 30, 23, 30, tzinfo=UTC),  # already Tuesday in London
            ENGLAND,
            Deadline.ON_TIME,
        ),
    ],
)
def test_deadline_around_bank_holidays(
    now: datetime, due: datetime, nation: Nation, expected: Deadline
) -> None:
    assert deadline(now, due, nation) is expected


def test_due_soon_means_at_most_one_working_day_left_every_hour_of_the_holidays() -> None:
    """The cut-off agrees with ``working_days_left`` (which counts whole working days) at every
    hour from mid-December to mid-January, for due dates set by the real rule."""
    start = datetime(2026, 12, 14, tzinfo=UTC)
    for hour in range(0, 24 * 35, 1):
        now = start + timedelta(hours=hour)
        for received_days_ago in range(0, 12):
            received = now - timedelta(days=received_days_ago, minutes=7)
            due = due_at(received, 5, ENGLAND)
            left = working_days_left(now, due, ENGLAND)
            expected = (
                Deadline.OVERDUE
                if due < now
                else Deadline.DUE_SOON
                if left <= 1
                else Deadline.ON_TIME
            )
            assert deadline(now, due, ENGLAND) is expected, (now, due, left)


def test_percentiles_use_values_that_occurred() -> None:
    assert percentiles([]) == dashboard.Percentiles(0, None, None)
    assert percentiles([7.0]) == dashboard.Percentiles(1, 7.0, 7.0)
    values = [float(n) for n in range(20, 0, -1)]
    assert percentiles(values) == dashboard.Percentiles(20, 10.0, 19.0)


def _add(
    session: object,
    *,
    state: str,
    created: datetime,
    due: datetime,
    ready_after: float | None = None,
    format: str = "html",
    error_code: str | None = None,
    contacted: bool = False,
) -> Request:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    request = Request(
        document_url="https://www.example.gov.uk/report.pdf",
        format=format,
        state=state,
        created_at=created,
        updated_at=created,
        due_at=due,
        error_code=error_code,
        finished_at=created + timedelta(seconds=ready_after or 60),
        contacted_at=created if contacted else None,
    )
    session.add(request)
    session.flush()
    if ready_after is not None:
        session.add(
            RequestEvent(
                request_id=request.id,
                at=created + timedelta(seconds=ready_after),
                from_state="processing",
                to_state="ready",
                actor="worker",
            )
        )
    return request


def test_dashboard_figures_from_known_rows(database_url: str) -> None:
    now = london(2026, 12, 24, 10)  # Thursday before Christmas
    settings = make_settings(database_url=database_url)
    with session_scope(database_url) as session:
        # Ready in the last day after 30 s, 60 s and 600 s; one a few days ago after 2 hours.
        for seconds in (30, 60, 600):
            _add(
                session,
                state="delivered",
                created=now - timedelta(hours=2),
                due=end_of(2026, 12, 31),
                ready_after=seconds,
            )
        _add(
            session,
            state="ready",
            created=now - timedelta(days=3),
            due=end_of(2026, 12, 28),
            ready_after=7200,
            format="large-print",
        )
        overdue = _add(
            session,
            state="failed",
            created=london(2026, 12, 14, 9),
            due=end_of(2026, 12, 21),
            error_code="source-unavailable",
        )
        _add(  # overdue too, but staff have phoned the requester: no longer waiting
            session,
            state="needs_review",
            created=london(2026, 12, 14, 8),
            due=end_of(2026, 12, 21),
            contacted=True,
        )
        soon = _add(
            session,
            state="needs_review",
            created=london(2026, 12, 18, 11),
            due=end_of(2026, 12, 29),
        )
        _add(session, state="queued", created=now - timedelta(minutes=1), due=end_of(2027, 1, 5))
        _add(session, state="cancelled", created=now - timedelta(days=1), due=end_of(2026, 12, 31))

    with session_scope(database_url) as session:
        figures = dashboard.build(session, settings, now=now)
        overdue_id = session.get_one(Request, overdue.id).public_id
        soon_id = session.get_one(Request, soon.id).public_id
        by_filter = {
            which: set(
                session.scalars(
                    select(Request.public_id).where(dashboard.deadline_filter(which, now, ENGLAND))
                )
            )
            for which in (Deadline.OVERDUE, Deadline.DUE_SOON)
        }

    counts = dict(figures.counts)
    assert counts["delivered"] == 3 and counts["needs_review"] == 2 and counts["queued"] == 1
    assert figures.awaiting == 3  # the failed, the unanswered review, the queued
    assert figures.oldest_waiting is not None and figures.oldest_waiting.public_id == overdue_id
    assert [r.public_id for r in figures.overdue] == [overdue_id] and figures.overdue_total == 1
    assert [r.public_id for r in figures.due_soon] == [soon_id] and figures.due_soon_total == 1
    assert by_filter == {Deadline.OVERDUE: {overdue_id}, Deadline.DUE_SOON: {soon_id}}
    last_day, last_week = (p for _, p in figures.time_to_ready)
    assert last_day == dashboard.Percentiles(3, 60.0, 600.0)
    assert last_week == dashboard.Percentiles(4, 60.0, 7200.0)
    assert figures.failures_by_code == []  # finished more than 7 days ago
    html = next(f for f in figures.by_format if f.format == "html")
    assert (html.requested, html.ready, html.needs_review) == (6, 3, 1)  # not the 14 Dec ones
    large = next(f for f in figures.by_format if f.format == "large-print")
    assert (large.requested, large.ready) == (1, 1)
    assert len(figures.days) == dashboard.CHART_DAYS
    today = figures.days[-1]
    assert today.day.isoformat() == "2026-12-24"
    assert (today.requests, today.ready, today.median_to_ready) == (4, 3, 60.0)
