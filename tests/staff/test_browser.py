"""The console in a real Chromium, keyboard only: sign in, dashboard, filters, detail, retry
and upload; axe-core (WCAG 2.2 A/AA and best practice) finds nothing on any staff page; and
nothing scrolls sideways at 320 CSS px or with 200% text. ``AF_UPDATE_SCREENSHOTS=1`` rewrites
the PNGs in docs/."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from service.db.models import utcnow
from tests.staff.conftest import STAFF_EMAIL, STAFF_PASSWORD, Console
from tests.staff.helpers import GOOD_HTML
from tests.staff.history import seed_history
from tests.support.api_client import submit, wait_for_state
from tests.web.helpers import AXE_OPTIONS, blank_pdf
from tests.web.test_journey import _focused, tab_to

DOCS = Path(__file__).resolve().parents[2] / "docs"
UPDATE_SCREENSHOTS = os.environ.get("AF_UPDATE_SCREENSHOTS") == "1"


@pytest.fixture(scope="module")
def requests(console: Console) -> dict[str, str]:
    """Real requests in the states the console shows, plus two weeks of history."""
    seed_history(console.database_url, utcnow())
    console.documents.files["/browser/scanned-minutes.pdf"] = blank_pdf()
    made = {
        "ready": submit(
            console.base_url,
            console.document("/browser/annual-report.pdf", title="Annual report 2026"),
            "large-print",
            email="reader@example.org",
            assistive_technology="Screen magnifier",
        ),
        "review": submit(
            console.base_url,
            console.documents.url("/browser/scanned-minutes.pdf"),
            "html",
            email="minutes@example.org",
            assistive_technology="Screen reader (NVDA)",
        ),
        "failed": submit(
            console.base_url, console.documents.url("/browser/not-yet-published.pdf"), "html"
        ),
    }
    return {
        name: str(wait_for_state(console.base_url, body["id"], timeout=180)["id"])
        for name, body in made.items()
    }


def _sign_in(page: Any, console: Console, wanted: str = "/staff") -> None:
    """Sign in with the keyboard alone, starting from the page wanted."""
    page.goto(console.base_url + wanted)
    assert page.url.startswith(console.base_url + "/staff/login")
    tab_to(page, id="email")
    page.keyboard.type(STAFF_EMAIL)
    tab_to(page, id="password")
    page.keyboard.type(STAFF_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(console.base_url + wanted) + r"$"))


def _tab_to_link(page: Any, text: str, limit: int = 150) -> None:
    """Tab to the link whose whole text is ``text`` (not a region that merely contains it)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["tag"] == "a" and focused["text"] == text:
            return
    raise AssertionError(f"never reached the link {text!r} with Tab")


def _choose_file_with_the_keyboard(page: Any, path: Path) -> None:
    """Space on the focused file input opens the chooser. Under load Chromium has been seen
    to drop a key press's chooser event (once in the first press, once in the first two), so
    Enter and Space are each tried twice, the input still focused."""
    assert _focused(page)["id"] == "upload-file"
    for key in ("Space", "Enter", "Space", "Enter"):
        assert _focused(page)["id"] == "upload-file"
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press(key)
        except PlaywrightTimeout:
            continue
        chooser.value.set_files(str(path))
        return
    raise AssertionError("the file input never opened a chooser from the keyboard")


def _shot(page: Any, name: str) -> None:
    if UPDATE_SCREENSHOTS:
        page.screenshot(path=str(DOCS / name), full_page=True)


def test_sign_in_with_the_keyboard(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/staff/requests?state=failed")
    assert page.url.endswith("/staff/login?next=%2Fstaff%2Frequests%3Fstate%3Dfailed")
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to main content"
    tab_to(page, id="email")
    page.keyboard.type(STAFF_EMAIL)
    tab_to(page, id="password")
    page.keyboard.type("not my password")
    tab_to(page, id="sign-in")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Error:")
    # app.js moves focus to the error summary, which links to the field to correct.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Enter a correct email address and password"
    assert page.input_value("#email") == STAFF_EMAIL  # kept; the password is not
    assert page.input_value("#password") == ""
    tab_to(page, id="password")
    page.keyboard.type(STAFF_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/staff/requests\?state=failed$"))
    assert page.title().startswith("Requests")

    # Sign out from the header, with the keyboard.
    tab_to(page, id="sign-out")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/staff/login\?signed_out=1$"))
    assert "You have signed out" in page.inner_text("main")


def test_dashboard_and_filters_with_the_keyboard(
    console: Console, page: Any, requests: dict[str, str]
) -> None:
    _sign_in(page, console)
    assert page.title().startswith("Dashboard")
    main = page.inner_text("main")
    assert "waiting for an answer" in main and "Requests received per day" in main
    assert re.search(r"\d+ conversions? waiting in the queue", page.inner_text("#queue-length"))
    assert "worker@" in page.inner_text("#workers-status")
    # The chart is an image with a name, and its figures are in the table after it.
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("#days tbody tr").count() == 14
    _shot(page, "staff-dashboard.png")

    # From the state table to the failed requests …
    _tab_to_link(page, "Failed")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/staff/requests\?state=failed$"))
    assert page.input_value("#filter-state") == "failed"
    # … then narrow them with the filters, using the keyboard only.
    tab_to(page, id="filter-format")
    page.keyboard.press("ArrowDown")  # Any format → tagged PDF …
    page.keyboard.press("ArrowDown")  # … → the web page
    assert page.input_value("#filter-format") == "html"
    tab_to(page, id="filter-q")
    page.keyboard.type("not-yet-published")
    page.keyboard.press("Enter")  # submits the filter form
    page.wait_for_url(re.compile(r"q=not-yet-published"))
    assert "Showing 1 to 1 of 1 request" in page.inner_text("#result-count")
    _tab_to_link(page, requests["failed"][:8] + requests["failed"][8:] + "…")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/staff/requests/{re.escape(requests['failed'])}$"))


def test_retry_with_the_keyboard(console: Console, page: Any, requests: dict[str, str]) -> None:
    public_id = requests["failed"]
    console.document("/browser/not-yet-published.pdf", title="Now published")
    _sign_in(page, console, f"/staff/requests/{public_id}")
    assert "Failed" in page.inner_text("#summary")
    assert "source-unavailable" in page.inner_text("#summary")
    tab_to(page, id="retry-button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?done=retry$"))
    expect(page.locator("#done")).to_have_text("The request is queued again.")
    assert wait_for_state(console.base_url, public_id)["state"] == "ready"
    page.reload()
    assert "retried by staff" in page.inner_text("#timeline")
    assert "retry" in page.inner_text("#audit")


def test_upload_with_the_keyboard(
    console: Console, page: Any, requests: dict[str, str], tmp_path: Path
) -> None:
    public_id = requests["review"]
    _sign_in(page, console, f"/staff/requests/{public_id}")
    assert "Needs review" in page.inner_text("#summary")
    assert "minutes@example.org" in page.inner_text("#answers")
    assert "no-text" in page.inner_text("#output")

    tab_to(page, id="note")
    page.keyboard.type("No text layer: typed up from the scan by hand.")
    tab_to(page, id="note-button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?done=note$"))
    _shot(page, "staff-request-detail.png")

    upload = tmp_path / "scanned-minutes.html"
    upload.write_bytes(GOOD_HTML)
    tab_to(page, id="upload-file")
    _choose_file_with_the_keyboard(page, upload)
    tab_to(page, id="upload-button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?done=upload$"))
    assert "Ready" in page.inner_text("#summary")
    assert "By hand: uploaded by staff" in page.inner_text("#output")
    console.mail.wait_for("minutes@example.org", "is ready")


def test_every_staff_page_passes_axe_and_reflows(
    console: Console, browser: Any, requests: dict[str, str], axe_check: Path, tmp_path: Path
) -> None:
    base = console.base_url
    problems: dict[str, Any] = {}
    #: Each page as signed-in staff saw it, for the shared judge (which cannot sign in).
    snapshots: dict[str, str] = {}
    # Desktop and 320 CSS px: axe and reflow; 200% text: reflow (the reader's font size).
    for label, viewport in [
        ("desktop", (1280, 900)),
        ("320px", (320, 640)),
        ("text-200", (1280, 900)),
    ]:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        try:
            page.goto(f"{base}/staff/login")
            _judge(page, f"login@{label}", problems, snapshots)
            page.fill("#email", STAFF_EMAIL)
            page.fill("#password", "wrong")
            with page.expect_navigation():
                page.click("#sign-in")
            _judge(page, f"login-error@{label}", problems, snapshots)
            page.fill("#password", STAFF_PASSWORD)
            with page.expect_navigation():
                page.click("#sign-in")
            pages = {
                "dashboard": "/staff",
                "requests": "/staff/requests",
                "requests-filtered": "/staff/requests?state=failed&due=overdue&q=none",
                "requests-page-2": "/staff/requests?page=2",
                "not-found": "/staff/requests/AAAAAAAAAAAAAAAAAAAAAAAA",
                **{f"detail-{name}": f"/staff/requests/{ref}" for name, ref in requests.items()},
            }
            for name, path in pages.items():
                page.goto(base + path)
                _judge(page, f"{name}@{label}", problems, snapshots)
            # A form with an error, and the 403 page.
            page.goto(f"{base}/staff/requests/{requests['ready']}")
            with page.expect_navigation():
                page.click("#cancel-button")
            assert page.title().startswith("Error:")
            _judge(page, f"detail-error@{label}", problems, snapshots)
            page.evaluate("document.querySelector('#notes-form [name=csrf_token]').value = 'x'")
            with page.expect_navigation():
                page.click("#note-button")
            _judge(page, f"forbidden@{label}", problems, snapshots)
        finally:
            context.close()
    assert not problems, json.dumps(problems, indent=1)
    _shared_axe_check(axe_check, tmp_path, base, snapshots)


def _shared_axe_check(axe_check: Path, folder: Path, base: str, snapshots: dict[str, str]) -> None:
    """The project's independent judge on the same pages, saved as files whose stylesheet and
    script still come from the running service."""
    files = []
    for name, html in snapshots.items():
        path = folder / f"{name.replace('@', '-')}.html"
        path.write_text(html.replace("<head>", f'<head><base href="{base}/">', 1))
        files.append(str(path))
    result = subprocess.run(
        [str(axe_check), *files], capture_output=True, text=True, timeout=300, check=False
    )
    report = json.loads(result.stdout or "{}")
    failures = {
        Path(p["page"]).stem: p.get("violations") or p.get("error")
        for p in report.get("pages", [])
        if p.get("violations") or p.get("error")
    }
    assert result.returncode == 0 and not failures, json.dumps(failures, indent=1)[:4000]
    assert len(report["pages"]) == len(snapshots) >= 12


def _judge(
    page: Any, name: str, problems: dict[str, Any], snapshots: dict[str, str] | None = None
) -> None:
    if snapshots is not None and name.endswith("@desktop"):
        snapshots[name] = page.content()
    if name.endswith("@text-200"):
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        _record_overflow(page, name, problems)
        return
    result = Axe().run(page, options=AXE_OPTIONS).response
    violations = [
        {"id": v["id"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]
    if violations:
        problems[name] = violations
    _record_overflow(page, name, problems)


def _record_overflow(page: Any, name: str, problems: dict[str, Any]) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems[f"{name} scrolls sideways"] = overflow
