"""``/metrics`` in-process against a real database (SQLite and PostgreSQL) and a real Redis:
the token guards it, and the figures are the database's and the broker's own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select, update

from service.api.app import create_app
from service.db.engine import session_scope
from service.db.models import Request, utcnow
from service.settings import Settings
from tests.conftest import make_settings
from tests.ops.helpers import fail, finish, make_artifact, new_request
from workers.celery_app import CONVERSION_QUEUE, CONVERT_TASK, create_celery

TOKEN = "s3cret-metrics-token-for-tests"


@pytest.fixture
def settings(database_url: str, redis_url: str, tmp_path: Path) -> Settings:
    return make_settings(
        database_url=database_url,
        redis_url=redis_url,
        storage_dir=tmp_path / "storage",
        metrics_token=TOKEN,
    )


def client_for(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with client_for(settings) as test_client:
        yield test_client


def scrape(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def _converted(settings: Settings, public_id: str, seconds: float) -> None:
    """Make the conversion of ``public_id`` have taken ``seconds``."""
    with session_scope(settings.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None and request.finished_at is not None
        request.started_at = request.finished_at - timedelta(seconds=seconds)


def test_metrics_need_the_token(settings: Settings, client: TestClient) -> None:
    assert client.get("/metrics").status_code == 401
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
    assert wrong.json()["code"] == "unauthorised"
    assert client.get("/metrics", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    with client_for(settings.model_copy(update={"metrics_token": None})) as disabled:
        response = disabled.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 404 and response.json()["code"] == "not-found"
    assert "/metrics" not in client.get("/openapi.json").text


def test_metrics_report_states_durations_failures_overdue_and_queue(
    settings: Settings, client: TestClient
) -> None:
    url = settings.database_url
    new_request(url)
    new_request(url, due=utcnow() - timedelta(hours=1))  # queued past its window: overdue
    fast = new_request(url)
    finish(url, fast, make_artifact(url, settings.storage_dir, "f1" * 32))
    _converted(settings, fast, 1.5)
    slow = new_request(url)
    finish(url, slow, make_artifact(url, settings.storage_dir, "f2" * 32))
    _converted(settings, slow, 40)
    cached = new_request(url)
    finish(url, cached, make_artifact(url, settings.storage_dir, "f3" * 32))
    with session_scope(url) as session:
        session.execute(update(Request).where(Request.public_id == cached).values(from_cache=True))
    for code in ("source-not-found", "source-not-found", "conversion-timeout"):
        fail(url, new_request(url), code)
    celery = create_celery(settings)
    for n in range(3):
        celery.send_task(CONVERT_TASK, args=[f"waiting-{n}"], queue=CONVERSION_QUEUE)

    samples = scrape(client)
    assert samples[("af_requests", (("state", "queued"),))] == 2
    assert samples[("af_requests", (("state", "ready"),))] == 3
    assert samples[("af_requests", (("state", "failed"),))] == 3
    assert samples[("af_requests", (("state", "expired"),))] == 0
    assert samples[("af_requests_overdue", ())] == 1
    assert samples[("af_failed_requests", (("error_code", "source-not-found"),))] == 2
    assert samples[("af_failed_requests", (("error_code", "conversion-timeout"),))] == 1
    html = (("format", "html"),)
    assert samples[("af_conversion_duration_seconds_count", html)] == 2  # the cache hit is not
    assert samples[("af_conversion_duration_seconds_sum", html)] == pytest.approx(41.5, abs=0.01)
    bucket = "af_conversion_duration_seconds_bucket"
    assert samples[(bucket, (("format", "html"), ("le", "1.0")))] == 0
    assert samples[(bucket, (("format", "html"), ("le", "2.0")))] == 1
    assert samples[(bucket, (("format", "html"), ("le", "60.0")))] == 2
    assert samples[(bucket, (("format", "html"), ("le", "+Inf")))] == 2
    assert samples[("af_queue_length", ())] == 3
    assert samples[("af_broker_up", ())] == 1


def test_metrics_still_answer_when_the_broker_is_down(settings: Settings) -> None:
    down = settings.model_copy(update={"redis_url": "redis://127.0.0.1:9/0"})
    with client_for(down) as client:
        samples = scrape(client)
    assert samples[("af_broker_up", ())] == 0
    assert ("af_queue_length", ()) not in samples
    assert samples[("af_requests", (("state", "queued"),))] == 0
