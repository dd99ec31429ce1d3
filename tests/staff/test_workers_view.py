"""The dashboard's look at the workers: a broker that cannot be reached is said so, quickly,
rather than hanging the page; a reachable one with no worker reports an empty queue."""

from __future__ import annotations

import time

from service.staff import workers_view
from service.supervisor import free_port
from tests.conftest import make_settings


def test_an_unreachable_broker_is_reported_within_the_timeout() -> None:
    settings = make_settings(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    started = time.monotonic()
    view = workers_view.look(settings, timeout=0.5)
    assert view == workers_view.WorkersView(broker_reachable=False)
    assert time.monotonic() - started < 3


def test_no_broker_configured() -> None:
    assert not workers_view.look(make_settings(redis_url=None)).broker_reachable


def test_a_broker_with_no_worker(redis_url: str) -> None:
    view = workers_view.look(make_settings(redis_url=redis_url), timeout=0.5)
    assert view.broker_reachable and view.workers == [] and view.queue_length == 0
