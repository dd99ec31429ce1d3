"""Celery tasks: thin wrappers that call ``workers.job``, ``workers.reconcile``, the retention
purge (``service.retention``) and the e-mail to staff (``service.alerts``)."""

from __future__ import annotations

import logging

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded

from service import alerts, retention
from service.mail import TemporaryMailError
from service.settings import get_settings
from workers import job, notify, reconcile
from workers.celery_app import (
    CONVERT_TASK,
    PURGE_TASK,
    RECONCILE_TASK,
    STAFF_ALERT_TASK,
    app,
)
from workers.engine.errors import (
    ConversionError,
    ConversionTimeoutError,
    DocumentTooComplexError,
)

log = logging.getLogger(__name__)


@app.task(name=CONVERT_TASK, bind=True)
def convert_request(self: Task, public_id: str) -> None:
    settings = get_settings()
    task_id = self.request.id or ""
    claimed = job.claim(
        settings, public_id, task_id=task_id, actor=f"worker:{self.request.hostname}"
    )
    if claimed is None:
        log.info("request %s: nothing to do for task %s", public_id, task_id)
        return
    try:
        job.run(settings, claimed)
    except SoftTimeLimitExceeded:
        job.record_failure(settings, claimed, ConversionTimeoutError())
    except MemoryError:
        # Past this process's address-space limit (AF_WORKER_MEMORY_LIMIT_MB).
        job.record_failure(settings, claimed, DocumentTooComplexError(), detail="out of memory")
    except Exception as error:  # noqa: BLE001 - an internal defect must still end the request
        log.exception("request %s: unexpected error", public_id)
        job.record_failure(settings, claimed, ConversionError(), detail=repr(error))


@app.task(name=RECONCILE_TASK)
def reconcile_stuck_requests() -> None:
    reconcile.reconcile(get_settings())


@app.task(name=PURGE_TASK)
def retention_purge() -> None:
    report = retention.purge_due(get_settings())
    log.info("retention purge: %s", report)


@app.task(name=STAFF_ALERT_TASK)
def staff_morning_alert() -> None:
    result = alerts.send_morning_digest(get_settings())
    log.info("morning e-mail to staff: %s", result.value)


@app.task(name=notify.NOTIFY_TASK, bind=True)
def send_notification(self: Task, notification_id: int) -> None:
    """Send one e-mail; temporary failures are retried with growing delays (1 s, 2 s, 4 s …
    at most 10 minutes apart, AF_MAIL_MAX_RETRIES times), then the message is marked failed."""
    settings = get_settings()
    retries = self.request.retries
    try:
        notify.deliver(
            settings, notification_id, final_attempt=retries >= settings.mail_max_retries
        )
    except TemporaryMailError as error:
        raise self.retry(
            exc=error, countdown=min(600, 2**retries), max_retries=settings.mail_max_retries
        ) from error
