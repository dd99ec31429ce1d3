"""Schemathesis against our own OpenAPI schema: no 5xx, every error a JSON {code, message},
every response as documented."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from service.api.app import create_app
from service.db.migrate import upgrade_to_head
from tests.conftest import make_settings

_STATE = Path(tempfile.mkdtemp(prefix="af-fuzz-"))
_DATABASE = f"sqlite:///{_STATE}/fuzz.db"
upgrade_to_head(_DATABASE)
app = create_app(
    make_settings(
        database_url=_DATABASE,
        storage_dir=_STATE / "storage",
        allowed_sources="http://127.0.0.1:9",
        redis_url=None,
    )
)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,  # no example database written into the checkout
)
def test_api_never_fails_and_errors_are_json(case: schemathesis.Case) -> None:
    response = case.call()
    # /readyz reports 503 by design here: this app has no broker.
    expected_unready = case.path == "/readyz" and response.status_code == 503
    assert response.status_code < 500 or expected_unready, response.text
    if 400 <= response.status_code < 500:
        body = response.json()
        assert isinstance(body.get("code"), str) and isinstance(body.get("message"), str), body
        assert "Traceback" not in response.text and str(_STATE) not in response.text
    # A schema-valid document URL is still refused (422) unless it is on an allowed site: the
    # allow-list is configuration, which no schema can express.
    excluded = [positive_data_acceptance, *([not_a_server_error] if expected_unready else [])]
    case.validate_response(response, excluded_checks=excluded)
