"""What the Celery workers are doing right now, asked over the broker with a short timeout so
the dashboard never hangs on a worker that does not answer."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from service.settings import Settings
from workers import broker

log = logging.getLogger(__name__)

#: Seconds the dashboard waits for workers to answer; a busy worker answers between tasks'
#: steps, so a slow reply means "not answering", not "not working".
INSPECT_TIMEOUT = 1.0


@dataclass(frozen=True)
class WorkerTask:
    kind: str  # "conversion", "e-mail" or the task's name
    public_id: str | None
    started_at: datetime | None


@dataclass(frozen=True)
class WorkerStatus:
    name: str
    tasks: list[WorkerTask] = field(default_factory=list)


@dataclass(frozen=True)
class WorkersView:
    broker_reachable: bool
    workers: list[WorkerStatus] = field(default_factory=list)
    queue_length: int | None = None


def look(settings: Settings, *, timeout: float = INSPECT_TIMEOUT) -> WorkersView:
    if not settings.redis_url or not broker.ping(settings.redis_url, timeout=timeout):
        return WorkersView(broker_reachable=False)
    from workers.celery_app import CONVERSION_QUEUE, CONVERT_TASK, app

    try:
        waiting = broker.queue_length(settings.redis_url, CONVERSION_QUEUE)
        # The broker named by these settings, whatever the Celery app was configured with.
        with app.connection_for_write(settings.redis_url) as connection:
            replies: dict[str, list[dict[str, Any]]] = (
                app.control.inspect(timeout=timeout, connection=connection).active() or {}
            )
    except Exception:  # noqa: BLE001 - the dashboard shows "unknown" rather than failing
        log.warning("could not inspect the workers", exc_info=True)
        return WorkersView(broker_reachable=False)
    workers = [
        WorkerStatus(name, [_task(task, CONVERT_TASK) for task in tasks or []])
        for name, tasks in sorted(replies.items())
    ]
    return WorkersView(broker_reachable=True, workers=workers, queue_length=waiting)


def _task(task: dict[str, Any], convert_task: str) -> WorkerTask:
    args = task.get("args") or []
    started = task.get("time_start")
    started_at = datetime.fromtimestamp(started, UTC) if isinstance(started, int | float) else None
    if task.get("name") == convert_task:
        public_id = args[0] if args and isinstance(args[0], str) else None
        return WorkerTask("conversion", public_id, started_at)
    if str(task.get("name", "")).endswith("send_notification"):
        return WorkerTask("e-mail", None, started_at)
    return WorkerTask(str(task.get("name", "task")), None, started_at)
