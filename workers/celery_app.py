"""The Celery application: configuration only. Tasks live in ``workers.tasks``."""

from __future__ import annotations

import os
import resource
import tempfile
import uuid
from typing import Any

from celery import Celery
from celery.signals import worker_process_init

from service.db.engine import reset_after_fork
from service.settings import Settings, get_settings

CONVERSION_QUEUE = "conversions"
CONVERT_TASK = "accessible_formats.convert_request"
RECONCILE_TASK = "accessible_formats.reconcile"
PURGE_TASK = "accessible_formats.retention_purge"
STAFF_ALERT_TASK = "accessible_formats.staff_morning_alert"
#: Beat asks this often whether today's e-mail to staff is due; the audit log makes sure it
#: goes once, so the first run after AF_STAFF_ALERT_HOUR sends it, even after beat was down.
STAFF_ALERT_CHECK_SECONDS = 600.0


class BrokerNotConfigured(RuntimeError):
    pass


def create_celery(settings: Settings) -> Celery:
    app = Celery("accessible_formats", broker=settings.redis_url, include=["workers.tasks"])
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        result_serializer="json",
        # The database records outcomes; the broker only carries work.
        task_ignore_result=True,
        result_backend=None,
        # A task is acknowledged only when it has finished, and a task whose worker process
        # died is handed out again: no request is lost with its worker.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=settings.task_soft_time_limit,
        task_time_limit=settings.task_hard_time_limit,
        broker_transport_options={"visibility_timeout": settings.broker_visibility_timeout},
        broker_connection_retry_on_startup=True,
        task_default_queue=CONVERSION_QUEUE,
        worker_concurrency=settings.worker_concurrency,
        # Parsers of hostile PDFs can leak or balloon; a fresh child bounds the damage.
        worker_max_memory_per_child=settings.worker_max_memory_mb * 1024,
        worker_hijack_root_logger=False,
        beat_schedule={
            "reconcile-stuck-requests": {
                "task": RECONCILE_TASK,
                "schedule": settings.reconcile_interval,
                # A reconcile run that waited longer than one interval is pointless.
                "options": {"expires": settings.reconcile_interval},
            },
            "retention-purge": {
                "task": PURGE_TASK,
                "schedule": settings.retention_interval,
                "options": {"expires": settings.retention_interval},
            },
            "staff-morning-alert": {
                "task": STAFF_ALERT_TASK,
                "schedule": STAFF_ALERT_CHECK_SECONDS,
                "options": {"expires": STAFF_ALERT_CHECK_SECONDS},
            },
        },
    )
    return app


app = create_celery(get_settings())


@worker_process_init.connect
def _prepare_pool_process(**_: Any) -> None:
    # Pooled connections inherited from the parent process must not be shared with it.
    reset_after_fork()
    # Libraries (qpdf repairs, WeasyPrint) write temporary files too: keep every byte a
    # conversion writes inside the storage directory, never in a shared /tmp.
    scratch = get_settings().storage_dir.resolve() / "work"
    scratch.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(scratch)
    tempfile.tempdir = str(scratch)
    _limit_address_space(get_settings().worker_memory_limit_mb)


def _limit_address_space(megabytes: int) -> None:
    """Bound what one conversion can take: past the limit allocations fail (MemoryError, or a
    C library aborting, which the worker survives and the attempts count ends), and the
    machine and the other conversions are unharmed. Only pool processes are limited, never the
    worker's main process."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def enqueue_conversion(public_id: str, task_id: str | None = None) -> str:
    """Send the conversion of one request to the workers; returns the task id used."""
    if not app.conf.broker_url:
        raise BrokerNotConfigured("AF_REDIS_URL is not set")
    task_id = task_id or uuid.uuid4().hex
    app.send_task(
        CONVERT_TASK,
        args=[public_id],
        task_id=task_id,
        queue=CONVERSION_QUEUE,
        # Fail fast when Redis is down: the request is already safe in the database and the
        # reconciler will enqueue it again, so the person submitting need not wait.
        retry=True,
        retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2},
    )
    return task_id
