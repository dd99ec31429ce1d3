"""The reconciler against a real Redis broker and a real database (no worker running)."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import update

from service import store
from service.db.engine import session_scope
from service.db.models import Request, utcnow
from service.settings import Settings
from tests.conftest import make_settings
from tests.test_store import new_request
from workers.broker import task_ids_in_broker
from workers.celery_app import CONVERSION_QUEUE, create_celery


@pytest.fixture
def settings(database_url: str, redis_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    settings = make_settings(database_url=database_url, redis_url=redis_url, queued_grace=0)
    # The reconciler enqueues through the module's Celery app; point it at this test's Redis.
    import workers.celery_app as celery_module
    import workers.notify as notify_module

    app = create_celery(settings)
    monkeypatch.setattr(celery_module, "app", app)
    monkeypatch.setattr(notify_module, "app", app)
    return settings


def test_queued_request_missing_from_the_broker_is_enqueued_again(settings: Settings) -> None:
    from workers.reconcile import reconcile

    public_id = new_request(settings.database_url, task_id="lost-task")
    time.sleep(0.01)
    report = reconcile(settings)
    assert report.lost_from_queue == 1
    with session_scope(settings.database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        assert request.state == "queued" and request.task_id != "lost-task"
        assert request.events[-1].actor == "reconciler"
        new_task = request.task_id
    assert settings.redis_url is not None
    assert new_task in task_ids_in_broker(settings.redis_url, CONVERSION_QUEUE)

    # Now its task is in the broker: a second run leaves it alone.
    assert reconcile(settings).lost_from_queue == 0


def test_processing_request_past_its_lease_is_requeued(settings: Settings) -> None:
    from workers.reconcile import reconcile

    public_id = new_request(settings.database_url)
    with session_scope(settings.database_url) as session:
        store.claim_for_processing(
            session, public_id, task_id="task-1", actor="w", lease=timedelta(seconds=60)
        )
    assert reconcile(settings).expired_leases == 0
    with session_scope(settings.database_url) as session:
        session.execute(
            update(Request)
            .where(Request.public_id == public_id)
            .values(lease_expires_at=utcnow() - timedelta(seconds=1))
        )
    report = reconcile(settings)
    assert report.expired_leases == 1
    with session_scope(settings.database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None and request.state == "queued"
        assert request.attempts == 1  # counted again only when a worker claims it


def test_an_email_whose_send_task_was_lost_is_sent_again(settings: Settings) -> None:
    from service.db.models import Notification
    from workers.reconcile import STALLED_EMAIL, reconcile

    public_id = new_request(settings.database_url)
    with session_scope(settings.database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        long_ago = utcnow() - STALLED_EMAIL - timedelta(minutes=1)
        session.add(
            Notification(
                request_id=request.id, kind="ready", created_at=long_ago, updated_at=long_ago
            )
        )
        session.add(Notification(request_id=request.id, kind="failed"))  # recent: left alone
    assert settings.redis_url is not None
    before = task_ids_in_broker(settings.redis_url, CONVERSION_QUEUE)

    report = reconcile(settings)
    assert report.emails_resent == 1
    after = task_ids_in_broker(settings.redis_url, CONVERSION_QUEUE)
    # Only the stalled e-mail (the recent one may still be retrying: sending it too could
    # deliver it twice); the request itself was also re-enqueued, its made-up task id being in
    # no broker.
    assert len(after - before) == 1 + report.lost_from_queue
    # Touched: the next run leaves it to the task just sent.
    assert reconcile(settings).emails_resent == 0
