"""Time from POST to `ready` through the real service, against the engine alone.

Starts api + one worker + beat (real processes, a private Redis, SQLite unless
AF_DATABASE_URL is set), serves 20-page PDFs from a local server, and prints:
- POST→ready for fresh conversions (median of N, each PDF different so nothing is cached),
- the engine converting the same files in this process (the reference: the service's
  overhead is the difference),
- POST→ready for a cached duplicate (median of N).

Usage: .venv/bin/python bench/request_latency.py [--runs 10] [--pages 20] [--format html]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from service.db.engine import session_scope  # noqa: E402
from service.db.models import Request  # noqa: E402
from service.supervisor import start_private_redis  # noqa: E402
from tests.support.api_client import submit, wait_for_state  # noqa: E402
from tests.support.doc_server import DocumentServer  # noqa: E402
from tests.support.pdfs import text_pdf_bytes  # noqa: E402
from tests.support.services import ServiceProcesses  # noqa: E402
from workers.engine import pipeline  # noqa: E402
from workers.engine.formats import ConversionOptions, OutputFormat  # noqa: E402


def post_to_ready(base_url: str, url: str, fmt: str, ids: list[str] | None = None) -> float:
    started = time.perf_counter()
    created = submit(base_url, url, fmt)
    status = wait_for_state(base_url, created["id"], timeout=300, poll=0.01)
    elapsed = time.perf_counter() - started
    if status["state"] != "ready":
        raise SystemExit(f"request ended {status['state']}: {status}")
    if ids is not None:
        ids.append(created["id"])
    return elapsed


def stage_medians(database_url: str, ids: list[str]) -> tuple[float, float]:
    """Median seconds queued (received → claimed) and processing (claimed → ready), from the
    request's own event history."""
    waits, work = [], []
    with session_scope(database_url) as session:
        for public_id in ids:
            request = session.scalar(select(Request).where(Request.public_id == public_id))
            assert request is not None
            at = {event.to_state: event.at for event in request.events}
            waits.append((at["processing"] - at["queued"]).total_seconds())
            work.append((at["ready"] - at["processing"]).total_seconds())
    return statistics.median(waits), statistics.median(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--format", default="html", choices=[f.value for f in OutputFormat])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp, DocumentServer() as server:
        work = Path(tmp)
        redis, redis_url = start_private_redis(work / "redis")
        (work / "logs").mkdir()
        env = {
            "AF_DATABASE_URL": f"sqlite:///{work}/bench.db",
            "AF_REDIS_URL": redis_url,
            "AF_STORAGE_DIR": str(work / "storage"),
            "AF_ALLOWED_SOURCES": server.origin,
        }
        if os.environ.get("AF_DATABASE_URL"):
            env["AF_DATABASE_URL"] = os.environ["AF_DATABASE_URL"]
        processes = ServiceProcesses(env, work / "logs")
        try:
            base_url = processes.start_api()
            processes.start_worker()
            processes.start_beat()
            sources = []
            for run in range(args.runs + 1):
                path = f"/doc-{run}.pdf"
                server.files[path] = text_pdf_bytes(args.pages, f"Benchmark document {run}")
                sources.append(path)
            # One warm-up (imports, fonts) that is not counted.
            post_to_ready(base_url, server.url(sources[0]), args.format)
            fresh_ids: list[str] = []
            cached_ids: list[str] = []
            fresh = [
                post_to_ready(base_url, server.url(p), args.format, fresh_ids) for p in sources[1:]
            ]
            cached = [
                post_to_ready(base_url, server.url(sources[1]), args.format, cached_ids)
                for _ in range(args.runs)
            ]
            stages = {
                "fresh": stage_medians(env["AF_DATABASE_URL"], fresh_ids),
                "cached": stage_medians(env["AF_DATABASE_URL"], cached_ids),
            }
            engine = []
            options = ConversionOptions(OutputFormat(args.format))
            for path in sources[1:]:
                pdf = work / "engine.pdf"
                pdf.write_bytes(server.files[path])
                started = time.perf_counter()
                pipeline.convert(pdf, options, max_pages=10_000)
                engine.append(time.perf_counter() - started)
        finally:
            processes.stop_all()
            redis.terminate()

    fresh_median = statistics.median(fresh)
    engine_median = statistics.median(engine)
    print(f"format {args.format}, {args.pages}-page PDF, {args.runs} runs each")
    print(
        f"POST→ready, fresh conversion : median {fresh_median:.3f} s "
        f"(min {min(fresh):.3f}, max {max(fresh):.3f})"
    )
    print(f"engine alone, same files     : median {engine_median:.3f} s")
    print(
        f"service overhead             : {fresh_median - engine_median:+.3f} s "
        f"(ratio {fresh_median / engine_median:.2f}x the engine)"
    )
    print(
        f"POST→ready, cached duplicate : median {statistics.median(cached):.3f} s "
        f"(min {min(cached):.3f}, max {max(cached):.3f})"
    )
    for label, (waiting, working) in stages.items():
        print(
            f"  {label:6} stages, median     : queued {waiting:.3f} s, "
            f"processing {working:.3f} s (from the requests' events)"
        )


if __name__ == "__main__":
    main()
