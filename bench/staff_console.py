"""How long the staff console's pages take with many requests in the database.

Fills a fresh database (SQLite in a temporary folder, or the empty database at
--database-url) with --requests requests spread over the last 30 days (each with its events:
received, and ready or failed), then fetches each console page --runs times through the real
application in-process (signed in, templates rendered, no broker: the workers panel says the
broker cannot be reached) and prints the median and worst time per page.

Usage: .venv/bin/python bench/staff_console.py [--requests 20000] [--runs 5]
                                               [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient  # noqa: E402

from service.api.app import create_app  # noqa: E402
from service.db.engine import session_scope  # noqa: E402
from service.db.migrate import upgrade_to_head  # noqa: E402
from service.db.models import Request, RequestEvent, utcnow  # noqa: E402
from service.settings import Nation, Settings  # noqa: E402
from service.staff import accounts, sessions  # noqa: E402
from service.working_days import due_at  # noqa: E402

FORMATS = ("html", "tagged-pdf", "large-print", "large-print-docx")
PAGES = {
    "dashboard": "/staff",
    "list": "/staff/requests",
    "list, failed": "/staff/requests?state=failed",
    "list, overdue": "/staff/requests?due=overdue",
    "list, search": "/staff/requests?q=report-4242",
    "list, page 40": "/staff/requests?page=40",
    "summary JSON": "/staff/api/summary",
}


def fill(database_url: str, count: int) -> str:
    """``count`` requests over 30 days; returns the public id of one of them."""
    rng = random.Random(8)
    now = utcnow()
    rows = []
    for number in range(count):
        received = now - timedelta(seconds=rng.uniform(0, 30 * 86400))
        failed = rng.random() < 0.06
        rows.append(
            {
                "public_id": f"bench{number:019d}",
                "document_url": f"https://www.example.gov.uk/publications/report-{number}.pdf",
                "format": FORMATS[number % len(FORMATS)],
                "state": "failed" if failed else "delivered",
                "created_at": received,
                "updated_at": received,
                "finished_at": received + timedelta(seconds=rng.uniform(20, 600)),
                "due_at": due_at(received, 5, Nation.ENGLAND_AND_WALES),
                "error_code": "source-unavailable" if failed else None,
                "attempts": 1,
            }
        )
    with session_scope(database_url) as session:
        for start in range(0, count, 2000):
            session.execute(insert(Request), rows[start : start + 2000])
        ids = dict(session.execute(select(Request.public_id, Request.id)).all())
        events = []
        for row in rows:
            request_id = ids[row["public_id"]]
            events.append(
                {
                    "request_id": request_id,
                    "at": row["created_at"],
                    "from_state": None,
                    "to_state": "queued",
                    "actor": "api",
                }
            )
            events.append(
                {
                    "request_id": request_id,
                    "at": row["finished_at"],
                    "from_state": "processing",
                    "to_state": row["state"] if row["state"] == "failed" else "ready",
                    "actor": "worker",
                }
            )
        for start in range(0, len(events), 4000):
            session.execute(insert(RequestEvent), events[start : start + 4000])
    return str(rows[count // 2]["public_id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", help="an empty database (default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database_url = args.database_url or f"sqlite:///{folder}/bench.db"
        upgrade_to_head(database_url)
        started = time.perf_counter()
        example = fill(database_url, args.requests)
        print(f"filled {args.requests} requests in {time.perf_counter() - started:.1f} s")
        settings = Settings(database_url=database_url, storage_dir=Path(folder) / "storage")
        with session_scope(database_url) as session:
            user = accounts.add_staff(session, "bench@example.gov.uk", "a benchmark password")
            cookie = sessions.start(session, user, secret=settings.secret_key)
        pages = {**PAGES, "detail": f"/staff/requests/{example}"}
        with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
            client.cookies.set(sessions.COOKIE, cookie, path="/staff")
            print(f"{'page':<16} {'median ms':>10} {'worst ms':>10}")
            for name, path in pages.items():
                times = []
                for _ in range(args.runs):
                    before = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - before) * 1000)
                    assert response.status_code == 200, (path, response.status_code)
                print(f"{name:<16} {statistics.median(times):>10.0f} {max(times):>10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
