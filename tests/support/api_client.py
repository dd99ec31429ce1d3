"""Small helpers for talking to a running service over real HTTP."""

from __future__ import annotations

import time
from typing import Any

import httpx

FINAL_STATES = {"ready", "delivered", "needs_review", "failed", "cancelled", "expired"}


def submit(base_url: str, document_url: str, format: str = "html", **extra: Any) -> dict[str, Any]:
    response = httpx.post(
        base_url + "/api/v1/requests",
        json={"document_url": document_url, "format": format, **extra},
        timeout=30,
    )
    assert response.status_code == 202, response.text
    body: dict[str, Any] = response.json()
    return body


def wait_for_state(
    base_url: str,
    request_id: str,
    states: set[str] = FINAL_STATES,
    timeout: float = 90.0,
    poll: float = 0.1,
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        body = httpx.get(f"{base_url}/api/v1/requests/{request_id}", timeout=10).json()
        if body["state"] in states:
            return body
        time.sleep(poll)
    raise AssertionError(f"request {request_id} still {body.get('state')} after {timeout}s: {body}")
