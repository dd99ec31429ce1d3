"""Debian's Chromium driven by Playwright, and the shared axe-check judge: one place for how
the browser tests start the browser, so every page test runs it the same way."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Nothing but loopback: the pages must not need anything from the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
AXE_CHECK = Path(__file__).resolve().parents[3] / "shared" / "tools" / "axe-check"


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium, or a skip when it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def new_page(browser: Any, *, width: int, height: int) -> Iterator[Any]:
    """A page in a fresh context (its own cookies), downloads accepted."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def axe_check_or_skip() -> Path:
    if not AXE_CHECK.exists() or shutil.which("bash") is None:
        pytest.skip("../shared/tools/axe-check is not available")
    return AXE_CHECK
