"""The stuck-request reconciler: the database is the truth, the broker only carries work.

Two ways a request can be left with no live task:
- ``processing`` past its lease: the worker died (crash, SIGKILL, OOM) or the hard time limit
  killed the task, and nothing redelivered it;
- ``queued`` with its task id nowhere in the broker: Redis lost its data, or the enqueue after
  the database commit failed.
Both are put back in the queue under a new task id. Attempts are counted when a task claims
the request, so a document that keeps killing workers ends ``failed`` instead of looping.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from service import store
from service.db.engine import session_scope
from service.db.models import Request, utcnow
from service.settings import Settings
from workers import notify
from workers.broker import task_ids_in_broker
from workers.celery_app import CONVERSION_QUEUE, enqueue_conversion

log = logging.getLogger(__name__)
ACTOR = "reconciler"


#: A pending e-mail untouched for this long has lost its send task: retries of a live one are
#: at most 10 minutes apart and each one updates the row.
STALLED_EMAIL = timedelta(minutes=30)


@dataclass
class ReconcileReport:
    expired_leases: int = 0
    lost_from_queue: int = 0
    emails_resent: int = 0


def reconcile(settings: Settings) -> ReconcileReport:
    assert settings.redis_url, "the reconciler runs only where a broker is configured"
    report = ReconcileReport()
    now = utcnow()
    to_enqueue: list[tuple[str, str]] = []
    with session_scope(settings.database_url) as session:

        def requeue(request: Request, reason: str) -> bool:
            task_id = uuid.uuid4().hex
            if not store.requeue(session, request, new_task_id=task_id, actor=ACTOR, reason=reason):
                return False  # its state changed meanwhile: someone else took care of it
            to_enqueue.append((request.public_id, task_id))
            return True

        for request in store.find_expired_leases(session, now):
            if requeue(request, "no live task: its worker stopped or the time limit ended it"):
                report.expired_leases += 1

        waiting = store.find_waiting_since(session, now - timedelta(seconds=settings.queued_grace))
        if waiting:
            in_broker = task_ids_in_broker(settings.redis_url, CONVERSION_QUEUE)
            for request in waiting:
                if request.task_id not in in_broker and requeue(
                    request, "task missing from the broker"
                ):
                    report.lost_from_queue += 1
        stalled = store.find_stalled_notifications(session, now - STALLED_EMAIL)
        for notification in stalled:
            # Touched now, so the next run does not send it again while this one is queued.
            notification.updated_at = now
        stalled_ids = [notification.id for notification in stalled]
        report.emails_resent = len(stalled)
    # Enqueue only after the new task ids are committed, so a fast worker finds them.
    for public_id, task_id in to_enqueue:
        enqueue_conversion(public_id, task_id)
    for notification_id in stalled_ids:
        notify.send_later(notification_id)
    if to_enqueue or stalled_ids:
        log.warning("reconciler re-enqueued work: %s", report)
    return report
