"""The JSON API in-process (real database, no broker): validation, errors, lookups."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from tests.conftest import make_settings

ORIGIN = "http://127.0.0.1:9"  # nothing is fetched by the API; the port need not listen


@pytest.fixture
def client(database_url: str, tmp_path: Path) -> Iterator[TestClient]:
    settings = make_settings(
        database_url=database_url,
        storage_dir=tmp_path / "storage",
        allowed_sources=ORIGIN,
        redis_url=None,
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def post(client: TestClient, **body: object) -> tuple[int, dict[str, object]]:
    payload = {"document_url": f"{ORIGIN}/doc.pdf", "format": "html", **body}
    response = client.post("/api/v1/requests", json=payload)
    return response.status_code, response.json()


def test_accepted_request_is_stored_with_a_due_date(client: TestClient) -> None:
    status, body = post(client, format="large-print", print_size=24, email="a@example.org")
    assert status == 202
    assert body["state"] == "queued"
    got = client.get(f"/api/v1/requests/{body['id']}").json()
    assert got["format"] == "large-print" and got["print_size"] == 24
    assert got["due_at"] == body["due_at"]
    assert got["download_url"] is None
    assert "email" not in got  # personal data is not echoed to whoever holds the id


def test_large_print_defaults_to_18_points_and_size_is_ignored_elsewhere(
    client: TestClient,
) -> None:
    _, large = post(client, format="large-print")
    assert client.get(f"/api/v1/requests/{large['id']}").json()["print_size"] == 18
    _, html = post(client, format="html", print_size=20)
    assert client.get(f"/api/v1/requests/{html['id']}").json()["print_size"] is None


def test_unknown_format_lists_the_allowed_values(client: TestClient) -> None:
    status, body = post(client, format="braille")
    assert status == 422
    assert body["code"] == "invalid-request"
    for allowed in ("tagged-pdf", "html", "large-print"):
        assert allowed in str(body["message"])


def test_unknown_print_size_lists_the_allowed_values(client: TestClient) -> None:
    status, body = post(client, format="large-print", print_size=17)
    assert status == 422
    assert "16, 18, 20, 24, 28" in str(body["message"])


@pytest.mark.parametrize(
    "url",
    [
        "https://elsewhere.example/doc.pdf",
        "file:///etc/passwd",
        "gopher://127.0.0.1:9/doc",
        "http://127.0.0.1:10/doc.pdf",  # same host, another port: another origin
        "http://localhost:9/doc.pdf",  # loopback, but not the origin the operator allowed
        "http://169.254.169.254/latest/meta-data",
    ],
)
def test_document_urls_outside_the_allowed_sources_are_refused(
    client: TestClient, url: str
) -> None:
    status, body = post(client, document_url=url)
    assert status == 422
    assert body["code"] == "source-not-allowed"
    assert "/etc" not in str(body["message"])


def test_invalid_email_is_refused(client: TestClient) -> None:
    status, body = post(client, email="not-an-address")
    assert status == 422
    assert "email" in str(body["message"])


def test_unknown_fields_are_refused(client: TestClient) -> None:
    status, _ = post(client, colour="blue")
    assert status == 422


def test_unknown_request_is_404_json(client: TestClient) -> None:
    for path in ["/api/v1/requests/AAAAAAAAAAAAAAAAAAAAAAAA", "/api/v1/requests/../../etc"]:
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["code"] in {"request-not-found", "not-found"}
    response = client.get("/api/v1/requests/AAAAAAAAAAAAAAAAAAAAAAAA/file")
    assert response.status_code == 404


def test_download_before_ready_is_409(client: TestClient) -> None:
    _, body = post(client)
    response = client.get(f"/api/v1/requests/{body['id']}/file")
    assert response.status_code == 409
    assert response.json()["code"] == "not-ready"


def test_health_and_readiness_without_a_broker(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"] == {"database": "ok", "broker": "unavailable"}


def test_openapi_is_published(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "/api/v1/requests" in schema["paths"]


def test_malformed_json_is_a_json_error(client: TestClient) -> None:
    response = client.post(
        "/api/v1/requests", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid-request"


def test_a_request_is_kept_when_the_broker_cannot_be_reached(client: TestClient) -> None:
    # This client has no broker at all: the request must still be stored, queued, for the
    # reconciler to enqueue once the broker is back.
    status, body = post(client)
    assert status == 202
    assert client.get(f"/api/v1/requests/{body['id']}").json()["state"] == "queued"


@pytest.mark.parametrize(
    ("url", "fmt", "size", "expected"),
    [
        (
            "https://x.gov.uk/docs/annual-report.pdf",
            "large-print",
            20,
            "annual-report-large-print-20pt.pdf",
        ),
        ("https://x.gov.uk/a/Budget%202026.PDF?v=2", "html", None, "Budget-2026-accessible.html"),
        ("https://x.gov.uk/", "tagged-pdf", None, "document-tagged.pdf"),
        ("https://x.gov.uk/d/..%2F..%2Fetc%2Fpasswd", "html", None, "passwd-accessible.html"),
        ("https://x.gov.uk/d/Café-décision.pdf", "html", None, "Cafe-decision-accessible.html"),
    ],
)
def test_download_file_names_are_safe_and_descriptive(
    url: str, fmt: str, size: int | None, expected: str
) -> None:
    from service.api.requests import download_filename
    from service.db.models import Request

    name = download_filename(Request(document_url=url, format=fmt, print_size=size))
    assert name == expected


def test_api_rate_limit_answers_429_with_retry_after_once_used_up(
    database_url: str, redis_url: str, tmp_path: Path
) -> None:
    settings = make_settings(
        database_url=database_url,
        storage_dir=tmp_path / "storage",
        allowed_sources=ORIGIN,
        redis_url=redis_url,
        api_rate_limit_submissions=3,
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
        statuses = [post(limited)[0] for _ in range(3)]
        response = limited.post(
            "/api/v1/requests", json={"document_url": f"{ORIGIN}/doc.pdf", "format": "html"}
        )
    assert statuses == [202, 202, 202]
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "rate-limited" and "Try again in" in body["message"]
    assert 0 < int(response.headers["Retry-After"]) <= 3600
