"""The public journey in a real browser, keyboard only, against the real service: form →
errors → confirmation → status (updated by the live region) → download → e-mail."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import expect
from sqlalchemy import select

from service.db.engine import session_scope
from service.db.models import Notification, Request
from tests.web.conftest import Site

DOCS = Path(__file__).resolve().parents[2] / "docs"
#: Set to rewrite the screenshots under docs/ (the issue note links to them).
UPDATE_SCREENSHOTS = os.environ.get("AF_UPDATE_SCREENSHOTS") == "1"


def _focused(page: Any) -> dict[str, str]:
    info: dict[str, str] = page.evaluate(
        """() => { const e = document.activeElement;
        return {id: e.id || '', tag: e.tagName.toLowerCase(), text: (e.textContent || '').trim(),
                name: e.getAttribute('name') || '', value: e.value || ''}; }"""
    )
    return info


def tab_to(
    page: Any,
    *,
    id: str | None = None,
    name: str | None = None,
    text: str | None = None,
    limit: int = 60,
) -> None:
    """Press Tab until the element wanted has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if (
            (id and focused["id"] == id)
            or (name and focused["name"] == name)
            or (text and text in focused["text"])
        ):
            return
    raise AssertionError(f"never reached {id or name or text!r} with Tab; last {_focused(page)}")


def _screenshot(page: Any, name: str) -> None:
    if UPDATE_SCREENSHOTS:
        page.screenshot(path=str(DOCS / name), full_page=True)


def test_whole_journey_with_the_keyboard(site: Site, page: Any) -> None:
    document = site.document("/reports/annual-report.pdf", pages=2, title="Annual report")
    page.goto(f"{site.base_url}/request?document={document}")
    assert page.title().startswith("Ask for a document")
    assert "annual-report.pdf" in page.inner_text("#document-known")
    _screenshot(page, "request-form.png")

    # The skip link comes first and leads to the main content.
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to main content"

    # Choose a technology, leave out the format, mistype the e-mail: errors.
    tab_to(page, id="assistive-technology")  # the first radio of the group
    page.keyboard.press("ArrowDown")  # the magnifier option; arrows move within radios
    assert _focused(page)["value"] == "magnifier"
    tab_to(page, id="email")
    page.keyboard.type("reader@example")
    tab_to(page, id="submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Error: ")
    # app.js moves focus to the summary, whose role=alert makes screen readers read it out.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    links = page.eval_on_selector_all(
        ".af-error-summary a", "els => els.map(e => [e.getAttribute('href'), e.textContent])"
    )
    assert [href for href, _ in links] == ["#format", "#email"]
    assert "large print" in links[0][1]  # a suggestion from the technology chosen
    assert page.input_value("#email") == "reader@example"  # answers are kept
    _screenshot(page, "request-form-errors.png")

    # Follow the summary's first link: it leads to the format question.
    page.keyboard.press("Tab")
    assert _focused(page)["text"].startswith("Select the format")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#format"
    tab_to(page, id="format")
    page.keyboard.press("ArrowDown")  # tagged PDF …
    page.keyboard.press("ArrowDown")  # … large print
    assert _focused(page)["value"] == "large-print"
    tab_to(page, name="print_size")  # the group's checked radio: 18 point
    assert _focused(page)["value"] == "18"
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 18 → 20 → 24 → 28
    assert _focused(page)["value"] == "28"
    tab_to(page, id="email")
    page.keyboard.press("Control+A")
    page.keyboard.type("reader@example.org")
    tab_to(page, id="submit")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/requests/[^/]+/confirmation$"))

    assert page.title().startswith("Request received")
    reference = page.inner_text(".af-reference")
    assert reference in page.url
    assert "working days" in page.inner_text("main")
    assert "reader@example.org" in page.inner_text("main")
    site.pages["confirmation"] = page.url

    tab_to(page, id="status-link")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/requests/{reference}$"))
    site.pages["status-ready"] = page.url

    loaded_as = page.get_attribute("#request-status", "data-state")
    if loaded_as in ("queued", "processing"):
        # app.js polls and announces the new state in the polite live region.
        expect(page.locator("#status-live")).to_have_text(
            "Status: Ready to download", timeout=60_000
        )
    else:
        # The conversion finished before the page loaded (a two-page document can take
        # less than the clicks): the page says so itself and nothing is announced.
        assert loaded_as == "ready"
        assert page.get_attribute("#request-status", "data-announcement") == (
            "Status: Ready to download"
        )
        assert page.inner_text("#status-live") == ""
    assert page.get_attribute("#status-live", "role") == "status"
    assert "Large print PDF, 28 point" in page.inner_text("main")
    _screenshot(page, "request-status-ready.png")

    tab_to(page, id="download")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "annual-report-large-print-28pt.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")

    # The e-mail: plain text and HTML, the status link, no attachment.
    message = site.mail.wait_for("reader@example.org", "is ready")
    assert message["From"] == "accessible-formats@example.gov.uk"
    assert "annual-report.pdf" in str(message["Subject"])
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    status_url = f"{site.base_url}/requests/{reference}"
    assert status_url in text.get_content()
    assert f'href="{status_url}"' in html.get_content()
    assert '<html lang="en">' in html.get_content()
    assert not list(message.iter_attachments())
    with session_scope(site.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == reference))
        assert request is not None
        assert request.state == "delivered"
        assert request.assistive_technology == "Screen magnifier or large text settings"
        notification = session.scalar(
            select(Notification).where(Notification.request_id == request.id)
        )
        assert notification is not None
        assert (notification.kind, notification.state) == ("ready", "sent")

    # The next person following the publisher's link sees what the document is.
    page.goto(f"{site.base_url}/request?document={document}")
    known = page.inner_text("#document-known")
    assert "Annual report" in known and "annual-report.pdf" in known
    assert re.search(r"a PDF of 2 pages, \d+ KB", known), known

    # The status page now offers the file until the retention period ends.
    page.goto(status_url)
    assert "You can download it again until" in page.inner_text("#request-status")
    assert httpx.get(status_url, timeout=10).headers["referrer-policy"] == "no-referrer"


def test_the_journey_works_without_javascript(site: Site, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    try:
        document = site.document("/reports/no-script.pdf")
        page.goto(f"{site.base_url}/request?document={document}")
        page.check("#format")  # the web page
        page.fill("#email", "")
        with page.expect_navigation():
            page.click("#submit")
        assert page.title().startswith("Request received")
        with page.expect_navigation():
            page.click("#status-link")
        # No script: the page never changes by itself; "Check again" reloads it.
        for _ in range(120):
            if page.locator("#download").count():
                break
            assert page.locator("#check-again button").is_visible()
            with page.expect_navigation():
                page.click("#check-again button")
        else:
            raise AssertionError("never ready: " + page.inner_text("#request-status"))
        assert page.inner_text("#status-live") == ""  # the live region is for app.js only
        with page.expect_download() as download_info:
            page.click("#download")
        assert download_info.value.suggested_filename == "no-script-accessible.html"
    finally:
        context.close()
