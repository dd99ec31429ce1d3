"""Prometheus metrics, computed from the database and the broker at each scrape.

Conversions run in worker processes on any number of machines, so counters kept in the API's
memory would see none of them and would restart from zero with the API. The database already
holds every request with its state, format, start, end and error code, so the collector reads
the figures from there: every scrape is the truth across all workers and survives restarts.

Exposed (``af_`` prefix):
- ``af_requests{state}``: requests in each state;
- ``af_requests_overdue``: unanswered requests past their response window (``service.alerts``);
- ``af_queue_length``: conversion tasks waiting in the broker (``af_broker_up`` 0 if unreachable);
- ``af_conversion_duration_seconds{format}``: time from a worker claiming a request to its
  output being stored, for conversions that produced one (cache hits excluded);
- ``af_failed_requests{error_code}``: requests now failed, by error code.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector, CollectorRegistry
from sqlalchemy import ColumnElement, Float, case, cast, func, select
from sqlalchemy.orm import Session

from service.alerts import overdue
from service.db.engine import session_scope
from service.db.models import Request, RequestState, utcnow
from service.settings import Settings
from workers.broker import queue_length
from workers.celery_app import CONVERSION_QUEUE

log = logging.getLogger(__name__)

#: Seconds. Conversions take from under a second (a short HTML) to minutes (a 400-page manual
#: in large print); the last finite bucket is the default soft time limit.
DURATION_BUCKETS = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


def _duration_seconds(session: Session) -> ColumnElement[Any]:
    """``finished_at - started_at`` in seconds, in this database's own arithmetic."""
    if session.get_bind().dialect.name == "sqlite":
        # SQLite keeps datetimes as text; julianday() reads them as fractional days.
        return (func.julianday(Request.finished_at) - func.julianday(Request.started_at)) * 86400.0
    return cast(func.extract("epoch", Request.finished_at - Request.started_at), Float)


class DatabaseCollector(Collector):
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def collect(self) -> Iterator[Metric]:
        with session_scope(self.settings.database_url) as session:
            yield self._requests_by_state(session)
            yield self._overdue(session)
            yield self._failures(session)
            yield self._durations(session)
        yield from self._queue()

    def _requests_by_state(self, session: Session) -> Metric:
        rows = session.execute(select(Request.state, func.count()).group_by(Request.state))
        counts = {state: count for state, count in rows.tuples()}
        family = GaugeMetricFamily("af_requests", "Requests in each state.", labels=["state"])
        for state in RequestState:  # every state, zeros included, so series never vanish
            family.add_metric([state.value], counts.get(state.value, 0))
        return family

    def _overdue(self, session: Session) -> Metric:
        count = session.scalar(select(func.count()).select_from(Request).where(overdue(utcnow())))
        return GaugeMetricFamily(
            "af_requests_overdue",
            "Requests still owed an answer whose response window has ended.",
            value=count or 0,
        )

    def _failures(self, session: Session) -> Metric:
        family = GaugeMetricFamily(
            "af_failed_requests", "Requests now failed, by error code.", labels=["error_code"]
        )
        rows = session.execute(
            select(Request.error_code, func.count())
            .where(Request.state == RequestState.FAILED.value)
            .group_by(Request.error_code)
        ).tuples()
        for code, count in rows:
            family.add_metric([code or "unknown"], count)
        return family

    def _durations(self, session: Session) -> Metric:
        seconds = _duration_seconds(session)
        converted = (
            Request.artifact_id.is_not(None),
            Request.from_cache.is_(False),
            Request.started_at.is_not(None),
            Request.finished_at.is_not(None),
        )
        bucket_columns = [
            func.sum(case((seconds <= bound, 1), else_=0)) for bound in DURATION_BUCKETS
        ]
        rows = session.execute(
            select(Request.format, func.count(), func.sum(seconds), *bucket_columns)
            .where(*converted)
            .group_by(Request.format)
        ).all()
        family = HistogramMetricFamily(
            "af_conversion_duration_seconds",
            "Time from a worker claiming a request to its output being stored (cache hits "
            "excluded), by format.",
            labels=["format"],
        )
        for format_, count, total, *cumulative in rows:
            buckets = [
                (repr(bound), int(value or 0))
                for bound, value in zip(DURATION_BUCKETS, cumulative, strict=True)
            ]
            buckets.append(("+Inf", int(count)))
            family.add_metric([format_], buckets, sum_value=float(total or 0.0))
        return family

    def _queue(self) -> Iterator[Metric]:
        length: int | None = None
        if self.settings.redis_url:
            try:
                length = queue_length(self.settings.redis_url, CONVERSION_QUEUE)
            except Exception:  # noqa: BLE001 - a scrape must still report the database figures
                log.warning("metrics: the broker is unreachable")
        yield GaugeMetricFamily(
            "af_broker_up", "1 if the broker answered this scrape.", value=length is not None
        )
        if length is not None:
            yield GaugeMetricFamily(
                "af_queue_length", "Conversion tasks waiting in the broker.", value=length
            )


def build_registry(settings: Settings) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector(settings))
    return registry
