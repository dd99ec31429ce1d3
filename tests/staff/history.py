"""Two weeks of past requests written straight into the database, so the dashboard's charts
and tables have something to show in the browser tests and the screenshots. Every figure the
dashboard then shows is computed from these rows by the service; nothing is drawn from here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from service.db.engine import session_scope
from service.db.models import Request, RequestEvent
from service.settings import Nation
from service.working_days import LONDON, due_at

#: Requests received on each of the last 14 days, oldest first (a quiet weekend included).
PER_DAY = (6, 9, 7, 11, 4, 1, 0, 8, 12, 10, 7, 9, 3, 5)
FORMATS = ("html", "tagged-pdf", "large-print", "html", "large-print-docx")
FAILURES = ("source-unavailable", "encrypted-pdf", "corrupt-pdf")


def seed_history(database_url: str, now: datetime) -> None:
    today = now.astimezone(LONDON).date()
    with session_scope(database_url) as session:
        for age, count in enumerate(reversed(PER_DAY)):
            day = today - timedelta(days=age)
            for number in range(count):
                received = datetime(day.year, day.month, day.day, 9, tzinfo=LONDON).astimezone(
                    UTC
                ) + timedelta(minutes=37 * number)
                if received > now:
                    continue
                format = FORMATS[(age + number) % len(FORMATS)]
                failed = (age * 7 + number) % 13 == 0
                seconds = 35 + 20 * number + 15 * (age % 5)
                finished = received + timedelta(seconds=seconds)
                request = Request(
                    document_url=f"https://www.example.gov.uk/publications/report-{age}-{number}.pdf",
                    format=format,
                    print_size=18 if format.startswith("large-print") else None,
                    state="failed" if failed else "delivered",
                    created_at=received,
                    updated_at=finished,
                    finished_at=finished,
                    due_at=due_at(received, 5, Nation.ENGLAND_AND_WALES),
                    error_code=FAILURES[number % len(FAILURES)] if failed else None,
                    attempts=1,
                )
                session.add(request)
                session.flush()
                session.add_all(
                    [
                        RequestEvent(
                            request_id=request.id,
                            at=received,
                            from_state=None,
                            to_state="queued",
                            actor="api",
                        ),
                        RequestEvent(
                            request_id=request.id,
                            at=finished,
                            from_state="processing",
                            to_state="failed" if failed else "ready",
                            actor="worker",
                        ),
                    ]
                )
