"""Small helpers shared by the staff console's tests."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from service.db.engine import session_scope
from service.db.models import AuditEntry, Request
from tests.staff.conftest import Console, csrf_token

#: A hand-remediated web page that passes the engine's HTML checks.
GOOD_HTML = (
    b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Annual report</title>"
    b"</head><body><main><h1>Annual report</h1><p>Fixed by hand.</p></main></body></html>"
)


def act(
    client: httpx.Client,
    public_id: str,
    action: str,
    data: dict[str, str] | None = None,
    files: dict[str, Any] | None = None,
) -> httpx.Response:
    """Post one of the detail page's forms with the page's own CSRF token."""
    page = client.get(f"/staff/requests/{public_id}")
    assert page.status_code == 200, page.text[:1000]
    return client.post(
        f"/staff/requests/{public_id}/{action}",
        data={"csrf_token": csrf_token(page.text), **(data or {})},
        files=files,
    )


def request_row(console: Console, public_id: str) -> Request:
    with session_scope(console.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None
        request.events  # noqa: B018 - load the events before the session closes
        return request


def audit_actions(console: Console, public_id: str) -> list[tuple[str, str, str | None]]:
    with session_scope(console.database_url) as session:
        rows = session.execute(
            select(AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
            .join(Request, Request.id == AuditEntry.request_id)
            .where(Request.public_id == public_id)
            .order_by(AuditEntry.id)
        )
        return [(actor, action, detail) for actor, action, detail in rows]
