"""Tell requesters by e-mail when their request is ready, needs review or has failed, and
staff at once when a request needs review (kind ``staff-review``, see ``service.alerts``).

``service.store`` writes a ``Notification`` row in the same transaction as the state change;
after the commit the worker calls ``enqueue_pending``, and the ``send_notification`` task
(``workers.tasks``) calls ``deliver``. Every attempt is recorded on the row, so staff can see a
message that could not be sent; a failed e-mail never changes the request itself.
"""

from __future__ import annotations

import logging

from service import alerts, mail, store
from service.db.engine import session_scope
from service.db.models import Notification, NotificationState, Request, RequestState, utcnow
from service.settings import Settings
from workers.celery_app import CONVERSION_QUEUE, app

log = logging.getLogger(__name__)

NOTIFY_TASK = "accessible_formats.send_notification"


def enqueue_pending(settings: Settings, request_id: int) -> None:
    """Send the request's pending e-mails to the workers. Never raises: the request's outcome
    is already recorded, and a message left pending stays visible to staff."""
    try:
        with session_scope(settings.database_url) as session:
            ids = [n.id for n in store.pending_notifications(session, request_id)]
        for notification_id in ids:
            send_later(notification_id)
    except Exception:  # noqa: BLE001
        log.exception("could not enqueue e-mail for request %s", request_id)


def send_later(notification_id: int) -> None:
    # The conversions queue, which every worker consumes; e-mail is quick.
    app.send_task(NOTIFY_TASK, args=[notification_id], queue=CONVERSION_QUEUE)


def deliver(settings: Settings, notification_id: int, *, final_attempt: bool) -> None:
    """Compose and send one message and record the attempt. Raises
    ``mail.TemporaryMailError`` when a retry may succeed and this was not the last attempt."""
    with session_scope(settings.database_url) as session:
        notification = session.get(Notification, notification_id)
        if notification is None or notification.state != NotificationState.PENDING.value:
            return  # already sent (a duplicate delivery of the task) or given up
        request = session.get_one(Request, notification.request_id)
        if not settings.smtp_host:
            _record(notification, NotificationState.SKIPPED, "no SMTP server (AF_SMTP_HOST)")
            return
        if notification.kind == store.STAFF_REVIEW_ALERT:
            staff = alerts.active_staff_addresses(session)
            if not staff:
                _record(notification, NotificationState.SKIPPED, "no active staff")
                return
            message = mail.compose_staff_review(settings, request, staff)
        elif not request.email:  # removed since (retention purge): nobody left to tell
            _record(notification, NotificationState.SKIPPED, "no e-mail address any more")
            return
        else:
            message = mail.compose(settings, request, RequestState(notification.kind))
    try:
        mail.send(settings, message)
    except mail.TemporaryMailError as error:
        state = NotificationState.FAILED if final_attempt else NotificationState.PENDING
        _update(settings, notification_id, state, str(error))
        log.warning("e-mail %s not sent (%s): %s", notification_id, state.value, error)
        if not final_attempt:
            raise
        return
    except mail.PermanentMailError as error:
        _update(settings, notification_id, NotificationState.FAILED, str(error))
        log.warning("e-mail %s refused for good: %s", notification_id, error)
        return
    _update(settings, notification_id, NotificationState.SENT, None)
    log.info("e-mail %s sent", notification_id)


def _update(
    settings: Settings, notification_id: int, state: NotificationState, error: str | None
) -> None:
    with session_scope(settings.database_url) as session:
        _record(session.get_one(Notification, notification_id), state, error)


def _record(notification: Notification, state: NotificationState, error: str | None) -> None:
    now = utcnow()
    notification.attempts += 1 if state is not NotificationState.SKIPPED else 0
    notification.state = state.value
    notification.updated_at = now
    if error is not None:
        notification.last_error = error[:1000]
    if state is NotificationState.SENT:
        notification.sent_at = now
