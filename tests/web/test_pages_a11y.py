"""Every page and state of the public journey, judged in a real browser: axe-core (WCAG 2.2
A/AA and best practice) finds nothing, and nothing scrolls sideways at 320 CSS px or at 200%
zoom. The states are real: conversions by the worker, failures from the publisher, and
rows the staff tools or the retention purge will produce (cancelled, expired)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select, update

from service.db.engine import session_scope
from service.db.models import Request, RequestEvent, utcnow
from tests.support.api_client import wait_for_state
from tests.web.conftest import RATE_LIMIT, Site
from tests.web.helpers import AXE_OPTIONS, blank_pdf, submit


def set_state(site: Site, public_id: str, state: str) -> None:
    """Put a request in a state only staff or the retention purge can cause (issue 8)."""
    with session_scope(site.database_url) as session:
        session.execute(update(Request).where(Request.public_id == public_id).values(state=state))


@pytest.fixture(scope="module")
def states(site: Site) -> dict[str, str]:
    """Name → URL of every page state worth judging."""
    base = site.base_url
    site.documents.files["/scan.pdf"] = blank_pdf()
    ready = submit(site, site.document("/a11y/ready.pdf"), "html", "ready@example.org")
    review = submit(site, site.documents.url("/scan.pdf"), "html", "review@example.org")
    failed = submit(site, site.documents.url("/missing.pdf"), "html", "failed@example.org")
    queued = submit(site, site.document("/a11y/queued.pdf"), "tagged-pdf")
    processing = submit(site, site.document("/a11y/processing.pdf"), "tagged-pdf")
    cancelled = submit(site, site.document("/a11y/cancelled.pdf"), "tagged-pdf")
    expired = submit(site, site.document("/a11y/expired.pdf"), "tagged-pdf")
    for public_id in (ready, review, failed, queued, processing, cancelled, expired):
        wait_for_state(base, public_id)
    set_state(site, queued, "queued")
    set_state(site, processing, "processing")
    set_state(site, cancelled, "cancelled")
    set_state(site, expired, "expired")
    assert httpx.get(f"{base}/requests/{ready}/download", timeout=30).status_code == 200
    # A download link whose retention period has run out, before the purge has run.
    lapsed = submit(site, site.document("/a11y/lapsed.pdf"), "html")
    wait_for_state(base, lapsed)
    httpx.get(f"{base}/requests/{lapsed}/download", timeout=30)
    with session_scope(site.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == lapsed))
        assert request is not None
        session.execute(
            update(RequestEvent)
            .where(RequestEvent.request_id == request.id)
            .values(at=utcnow() - timedelta(days=400))
        )
    return {
        "form": f"{base}/request",
        "form-prefilled": f"{base}/request?document={site.document('/a11y/ready.pdf')}",
        "confirmation": f"{base}/requests/{ready}/confirmation",
        "status-queued": f"{base}/requests/{queued}",
        "status-processing": f"{base}/requests/{processing}",
        "status-ready": f"{base}/requests/{ready}",
        "status-needs-review": f"{base}/requests/{review}",
        "status-failed": f"{base}/requests/{failed}",
        "status-cancelled": f"{base}/requests/{cancelled}",
        "status-expired": f"{base}/requests/{expired}",
        "status-download-lapsed": f"{base}/requests/{lapsed}",
        "status-existing": f"{base}/requests/{ready}?existing=1",
        "download-lapsed": f"{base}/requests/{lapsed}/download",
        "not-found": f"{base}/requests/AAAAAAAAAAAAAAAAAAAAAAAA",
    }


def _form_with_errors(page: Any, site: Site) -> None:
    page.goto(f"{site.base_url}/request")
    page.fill("#email", "not-an-address")
    with page.expect_navigation():
        page.click("#submit")
    assert page.title().startswith("Error:")


def _rate_limited(page: Any, site: Site, ip: str) -> None:
    document = site.document("/a11y/limited.pdf")
    with httpx.Client(base_url=site.base_url, timeout=30, headers={"X-Forwarded-For": ip}) as c:
        for _ in range(RATE_LIMIT):
            token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/request").text)
            assert token
            c.post(
                "/request",
                data={"csrf_token": token.group(1), "document": document, "format": "html"},
            )
    page.goto(f"{site.base_url}/request?document={document}")
    page.check("#format")
    with page.expect_navigation():
        page.click("#submit")
    assert "You have sent a lot of requests" in page.inner_text("h1")


def _axe(page: Any) -> list[dict[str, Any]]:
    result = Axe().run(page, options=AXE_OPTIONS).response
    return [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def _overflow(page: Any) -> int:
    """How far the page scrolls sideways, in CSS pixels (0: it reflows)."""
    width: int = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return width


def test_every_page_and_state_passes_axe_and_reflows(
    site: Site, browser: Any, states: dict[str, str]
) -> None:
    problems: dict[str, Any] = {}
    widths = [
        ("desktop", {"width": 1280, "height": 800}, "100%"),
        ("320px", {"width": 320, "height": 640}, "100%"),
        # 200% zoom of a 1280 px window lays the page out 640 CSS px wide …
        ("zoom-200", {"width": 640, "height": 400}, "100%"),
        # … and 200% text-only zoom doubles the reader's font size.
        ("text-200", {"width": 1280, "height": 800}, "200%"),
    ]
    for number, (label, viewport, font_size) in enumerate(widths, start=1):
        # Each context looks like its own client, so it can run into the rate limit.
        ip = f"198.51.100.{number}"
        extra = {
            "form-errors": lambda page: _form_with_errors(page, site),
            "rate-limited": lambda page, ip=ip: _rate_limited(page, site, ip),
        }
        context = browser.new_context(
            viewport=viewport,
            device_scale_factor=2 if label == "zoom-200" else 1,
            extra_http_headers={"X-Forwarded-For": ip},
        )
        page = context.new_page()
        try:
            for name, url in states.items():
                page.goto(url)
                _judge(page, f"{name}@{label}", font_size, problems, axe=label == "desktop")
            for name, action in extra.items():
                action(page)
                _judge(page, f"{name}@{label}", font_size, problems, axe=label == "desktop")
        finally:
            context.close()
    assert not problems, json.dumps(problems, indent=1)


def _judge(page: Any, name: str, font_size: str, problems: dict[str, Any], *, axe: bool) -> None:
    if font_size != "100%":
        page.evaluate(f"document.documentElement.style.fontSize = '{font_size}'")
    if axe:
        violations = _axe(page)
        if violations:
            problems[name] = violations
    overflow = _overflow(page)
    if overflow > 0:
        problems[f"{name} scrolls sideways"] = overflow


def test_shared_axe_check_finds_no_violations(
    site: Site, states: dict[str, str], axe_check: Path
) -> None:
    """The project's independent judge, on every state reachable by a plain link."""
    result = subprocess.run(
        [str(axe_check), *states.values()], capture_output=True, text=True, timeout=240
    )
    report = json.loads(result.stdout or "{}")
    failures = {
        page["page"]: page.get("violations") or page.get("error")
        for page in report.get("pages", [])
        if page.get("violations") or page.get("error")
    }
    assert result.returncode == 0 and not failures, json.dumps(failures, indent=1)[:4000]
    assert len(report["pages"]) == len(states)


def test_download_links_end_with_the_retention_period(site: Site, states: dict[str, str]) -> None:
    lapsed = states["status-download-lapsed"]
    page = httpx.get(lapsed + "/download", timeout=30)
    assert page.status_code == 410 and "This download has expired" in page.text
    public_id = lapsed.rsplit("/", 1)[1]
    api = httpx.get(f"{site.base_url}/api/v1/requests/{public_id}/file", timeout=30)
    assert api.status_code == 410 and api.json()["code"] == "expired"
    assert "No longer available" in httpx.get(lapsed, timeout=30).text
