"""A burst of submissions against the real service, then the time for the queue to drain.

For each worker count: a fresh service (api, N workers of concurrency 1, beat, private Redis,
and a fresh database: SQLite, or with --database postgresql a new PostgreSQL database on the
server at AF_TEST_POSTGRES_URL, dropped afterwards), then --requests POSTs from an asyncio
client with at most --concurrency in flight, every one a different PDF so nothing is served
from the cache. Prints POST latency p50/p99, status counts (5xx must be 0), requests lost
(neither accepted nor refused by the rate limiter, or not finished when the drain timeout ends;
must be 0) and the drain time. With --api-rate-limit N, the first N are accepted and the rest
answered 429 (every POST comes from the one client).

Traffic goes only to 127.0.0.1, bounded in count and time.

Usage: .venv/bin/python bench/load.py [--requests 1000] [--concurrency 50] [--workers 1 2]
                                     [--database sqlite|postgresql] [--api-rate-limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pikepdf
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.supervisor import start_private_redis  # noqa: E402
from tests.support.doc_server import DocumentServer  # noqa: E402
from tests.support.pdfs import text_pdf_bytes  # noqa: E402
from tests.support.services import ServiceProcesses  # noqa: E402

FINAL = {"ready", "delivered", "needs_review", "failed"}


def distinct_pdfs(count: int) -> list[bytes]:
    """One small real PDF, re-saved with a different title each time: distinct bytes."""
    base = text_pdf_bytes(1, "Load test")
    out = []
    for n in range(count):
        with pikepdf.open(io.BytesIO(base)) as pdf:
            pdf.docinfo["/Title"] = f"Load test document {n}"
            buffer = io.BytesIO()
            pdf.save(buffer, deterministic_id=True)
        out.append(buffer.getvalue())
    return out


async def burst(
    base_url: str, urls: list[str], concurrency: int
) -> tuple[list[float], Counter[int], list[str]]:
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    errors: Counter[str] = Counter()
    ids: list[str] = []
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:

        async def one(url: str) -> None:
            async with gate:
                started = time.perf_counter()
                try:
                    response = await client.post(
                        "/api/v1/requests", json={"document_url": url, "format": "html"}
                    )
                except httpx.HTTPError as error:
                    statuses[0] += 1
                    errors[type(error).__name__] += 1
                    return
                latencies.append(time.perf_counter() - started)
                statuses[response.status_code] += 1
                if response.status_code == 202:
                    ids.append(response.json()["id"])

        await asyncio.gather(*(one(url) for url in urls))
    if errors:
        print(f"  client-side errors (no HTTP response): {dict(errors)}")
    return latencies, statuses, ids


async def wait_all_final(
    base_url: str, ids: list[str], timeout: float
) -> tuple[float, Counter[str]]:
    started = time.perf_counter()
    pending = set(ids)
    states: Counter[str] = Counter()
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        while pending and time.perf_counter() - started < timeout:
            for request_id in list(pending):
                state = (await client.get(f"/api/v1/requests/{request_id}")).json()["state"]
                if state in FINAL:
                    pending.discard(request_id)
                    states[state] += 1
            if pending:
                await asyncio.sleep(0.5)
    states["unfinished"] = len(pending)
    return time.perf_counter() - started, states


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@contextmanager
def fresh_database(kind: str, work: Path) -> Iterator[str]:
    """A new, empty database for one run: the service migrates it at start."""
    if kind == "sqlite":
        yield f"sqlite:///{work}/load.db"
        return
    admin_url = make_url(
        os.environ.get("AF_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    ).set(drivername="postgresql+psycopg")
    name = f"af_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(workers: int, args: argparse.Namespace, pdfs: list[bytes]) -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        DocumentServer() as server,
        fresh_database(args.database, Path(tmp)) as database_url,
    ):
        work = Path(tmp)
        redis, redis_url = start_private_redis(work / "redis")
        (work / "logs").mkdir()
        env = {
            "AF_DATABASE_URL": database_url,
            "AF_REDIS_URL": redis_url,
            "AF_STORAGE_DIR": str(work / "storage"),
            "AF_ALLOWED_SOURCES": server.origin,
            "AF_WORKER_CONCURRENCY": "1",
            "AF_API_RATE_LIMIT_SUBMISSIONS": str(args.api_rate_limit),
        }
        for n, pdf in enumerate(pdfs):
            server.files[f"/load-{workers}-{n}.pdf"] = pdf
        urls = [server.url(f"/load-{workers}-{n}.pdf") for n in range(len(pdfs))]
        processes = ServiceProcesses(env, work / "logs")
        try:
            base_url = processes.start_api()
            for n in range(workers):
                processes.start_worker(f"worker-{n}")
            processes.start_beat()
            started = time.perf_counter()
            latencies, statuses, ids = asyncio.run(burst(base_url, urls, args.concurrency))
            burst_seconds = time.perf_counter() - started
            _, states = asyncio.run(wait_all_final(base_url, ids, args.drain_timeout))
            drained = time.perf_counter() - started
        finally:
            processes.stop_all()
            redis.terminate()

    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    # A 429 from the rate limiter is an answer, not a loss: the client was told to wait.
    refused = statuses.get(429, 0)
    lost = (len(urls) - len(ids) - refused) + states["unfinished"]
    print(
        f"\n{workers} worker(s), {len(urls)} requests, {args.concurrency} in flight, "
        f"{args.database}"
    )
    print(
        f"  POST latency   : p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, "
        f"mean {statistics.mean(latencies) * 1000:.0f} ms; burst took {burst_seconds:.1f} s"
    )
    print(f"  statuses       : {dict(sorted(statuses.items()))} (0 = connection error)")
    print(f"  5xx            : {server_errors}")
    print(f"  429 (limiter)  : {refused} (limit {args.api_rate_limit or 'off'})")
    print(f"  final states   : {dict(states)}")
    print(f"  lost           : {lost}")
    print(
        f"  drain          : {drained:.1f} s from first POST to last final state "
        f"({len(ids) / drained:.1f} requests/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--drain-timeout", type=float, default=900)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--api-rate-limit", type=int, default=0,
        help="AF_API_RATE_LIMIT_SUBMISSIONS for the run (0: off); every POST comes from one "
        "client, so all past the limit should get 429",
    )
    args = parser.parse_args()
    pdfs = distinct_pdfs(args.requests)
    for workers in args.workers:
        run(workers, args, pdfs)


if __name__ == "__main__":
    main()
