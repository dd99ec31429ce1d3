"""The console's overview pages: the dashboard (and its figures as JSON) and the list of
requests with its filters."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Request as HttpRequest
from fastapi.responses import JSONResponse, Response
from sqlalchemy import ColumnElement, func, or_, select

from service.api.deps import SettingsDep
from service.db.engine import session_scope
from service.db.models import Request, utcnow
from service.settings import Settings
from service.staff import dashboard, workers_view
from service.staff.charts import BarChart, bar_chart
from service.staff.web import DEADLINE_LABELS, STATE_LABELS, StaffDep, render_page

router = APIRouter(prefix="/staff", include_in_schema=False)
PAGE_SIZE = 25


@router.get("", name="staff_dashboard")
def dashboard_page(http_request: HttpRequest, settings: SettingsDep, user: StaffDep) -> Response:
    with session_scope(settings.database_url) as session:
        figures = dashboard.build(session, settings)
    workers = workers_view.look(settings)
    return render_page(
        http_request,
        "staff/dashboard.html",
        {"d": figures, "workers": workers, "charts": _charts(figures), "nav": "dashboard"},
        user=user,
    )


def _charts(figures: dashboard.Dashboard) -> list[BarChart]:
    def short(day: dashboard.DayFigures) -> str:
        return f"{day.day.day} {day.day:%b}"

    def full(day: dashboard.DayFigures) -> str:
        return f"{day.day:%A} {day.day.day} {day.day:%B}"

    def count_text(value: float | None) -> str:
        n = int(value or 0)
        return f"{n} request{'s' if n != 1 else ''}"

    def minutes(seconds: float | None) -> float | None:
        # Charted in minutes so the axis gets round figures (1, 2, 5 min), not seconds.
        return None if seconds is None else seconds / 60

    return [
        bar_chart(
            "chart-requests",
            "Requests received per day",
            [(short(d), full(d), float(d.requests)) for d in figures.days],
            value_text=count_text,
            tick_text=lambda v: f"{v:g}",
        ),
        bar_chart(
            "chart-time-to-ready",
            "Median time to ready, by day received",
            [(short(d), full(d), minutes(d.median_to_ready)) for d in figures.days],
            value_text=lambda v: "none ready" if v is None else dashboard.duration_text(v * 60),
            tick_text=lambda v: f"{v:g} min",
        ),
    ]


@router.get("/api/summary", name="staff_api_summary")
def summary_json(settings: SettingsDep, user: StaffDep) -> JSONResponse:
    """The dashboard's figures as JSON, for a wall display or a script run by staff."""
    with session_scope(settings.database_url) as session:
        figures = dashboard.build(session, settings)
    return JSONResponse(
        {
            "generated_at": figures.now.isoformat(),
            "counts": dict(figures.counts),
            "awaiting_answer": figures.awaiting,
            "overdue": figures.overdue_total,
            "due_within_one_working_day": figures.due_soon_total,
            "oldest_waiting": (
                {
                    "id": figures.oldest_waiting.public_id,
                    "created_at": figures.oldest_waiting.created_at.isoformat(),
                    "due_at": figures.oldest_waiting.due_at.isoformat(),
                }
                if figures.oldest_waiting
                else None
            ),
            "time_to_ready_seconds": {
                label: {"count": p.count, "median": p.median, "p95": p.p95}
                for label, p in figures.time_to_ready
            },
            "failures_by_code": dict(figures.failures_by_code),
        },
        headers={"Cache-Control": "no-store"},
    )


# --- the list of requests -----------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    state: str = ""
    format: str = ""
    due: str = ""
    q: str = ""

    def query_string(self, page: int | None = None) -> str:
        values = {k: v for k, v in vars(self).items() if v}
        if page is not None and page > 1:
            values["page"] = str(page)
        return urlencode(values)


def _filters(state: str, format: str, due: str, q: str) -> Filters:
    """Unknown values are ignored rather than refused: a filter is a convenience."""
    return Filters(
        state=state if state in STATE_LABELS else "",
        format=format if format in dict(dashboard.all_formats()) else "",
        due=due if due in DEADLINE_LABELS else "",
        q=q.strip()[:300],
    )


def _conditions(filters: Filters, settings: Settings) -> list[ColumnElement[bool]]:
    now = utcnow()
    conditions: list[ColumnElement[bool]] = []
    if filters.state:
        conditions.append(Request.state == filters.state)
    if filters.format:
        conditions.append(Request.format == filters.format)
    if filters.due:
        which = dashboard.Deadline(filters.due)
        conditions.append(dashboard.deadline_filter(which, now, settings.bank_holiday_nation))
    if filters.q:
        conditions.append(
            or_(
                Request.public_id == filters.q,
                Request.document_url.contains(filters.q, autoescape=True),
            )
        )
    return conditions


@router.get("/requests", name="staff_requests")
def request_list(
    http_request: HttpRequest,
    settings: SettingsDep,
    user: StaffDep,
    state: str = "",
    format: str = "",
    due: str = "",
    q: str = "",
    page: str = "1",
) -> Response:
    filters = _filters(state, format, due, q)
    conditions = _conditions(filters, settings)
    number = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    now = utcnow()
    with session_scope(settings.database_url) as session:
        total = int(
            session.scalar(select(func.count()).select_from(Request).where(*conditions)) or 0
        )
        pages = max(1, math.ceil(total / PAGE_SIZE))
        number = min(number, pages)
        found = session.scalars(
            select(Request)
            .where(*conditions)
            .order_by(Request.created_at.desc(), Request.id.desc())
            .offset((number - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
        rows = [dashboard.row(r, now, settings.bank_holiday_nation) for r in found]
    return render_page(
        http_request,
        "staff/requests.html",
        {
            "rows": rows,
            "filters": filters,
            "formats": dashboard.all_formats(),
            "total": total,
            "page": number,
            "pages": pages,
            "first_shown": (number - 1) * PAGE_SIZE + 1 if total else 0,
            "last_shown": min(total, number * PAGE_SIZE),
            "previous_url": f"?{filters.query_string(number - 1)}" if number > 1 else None,
            "next_url": f"?{filters.query_string(number + 1)}" if number < pages else None,
            "nav": "requests",
        },
        user=user,
    )
