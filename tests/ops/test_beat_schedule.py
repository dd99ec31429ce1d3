"""Beat sends the retention purge and the staff alert check, and the workers know both."""

from __future__ import annotations

from tests.conftest import make_settings
from workers.celery_app import (
    PURGE_TASK,
    STAFF_ALERT_CHECK_SECONDS,
    STAFF_ALERT_TASK,
    create_celery,
)


def test_beat_schedules_the_purge_and_the_staff_alert() -> None:
    app = create_celery(make_settings(retention_interval=120, redis_url="redis://127.0.0.1:9"))
    schedule = {entry["task"]: entry for entry in app.conf.beat_schedule.values()}
    assert schedule[PURGE_TASK]["schedule"] == 120
    assert schedule[STAFF_ALERT_TASK]["schedule"] == STAFF_ALERT_CHECK_SECONDS
    # Registered under these names by the worker's task module.
    import workers.tasks  # noqa: F401
    from workers.celery_app import app as worker_app

    assert {PURGE_TASK, STAFF_ALERT_TASK} <= set(worker_app.tasks)
