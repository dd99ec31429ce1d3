"""The staff console against the real service: api and a Celery worker as processes, a private
redis-server, SQLite, the local document server, a loopback SMTP server and Debian's Chromium
driven by Playwright. Started once for all the tests in this folder that need it."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from service.supervisor import start_private_redis
from tests.support.browser import new_page
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import REPO_ROOT, ServiceProcesses
from tests.web.conftest import MailCatcher

STAFF_EMAIL = "ana.staff@example.gov.uk"
STAFF_PASSWORD = "correct horse battery staple"


@dataclass
class Console:
    """The running service with one member of staff, for the tests in this folder."""

    base_url: str
    database_url: str
    env: dict[str, str]
    documents: DocumentServer
    mail: MailCatcher
    services: ServiceProcesses

    def document(self, path: str, pages: int = 2, title: str = "Test document") -> str:
        if path not in self.documents.files:
            self.documents.files[path] = text_pdf_bytes(pages, title)
        return self.documents.url(path)

    def add_staff(self, email: str, password: str) -> subprocess.CompletedProcess[str]:
        return run_cli(self.env, "staff", "add", email, "--password-stdin", stdin=password + "\n")


def run_cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**env},
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(
    base_url: str, email: str = STAFF_EMAIL, password: str = STAFF_PASSWORD
) -> httpx.Client:
    """An HTTP client signed in to the console, as a browser would be (cookies kept)."""
    client = httpx.Client(base_url=base_url, timeout=30)
    form = client.get("/staff/login")
    response = client.post(
        "/staff/login",
        data={"csrf_token": csrf_token(form.text), "email": email, "password": password},
    )
    assert response.status_code == 303, response.text[:2000]
    return client


@pytest.fixture(scope="package")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    tmp = tmp_path_factory.mktemp("staff")
    redis_process, redis_url = start_private_redis(tmp / "redis")
    log_dir = tmp / "logs"
    log_dir.mkdir()
    with DocumentServer() as documents, MailCatcher() as mail:
        database_url = f"sqlite:///{tmp}/service.db"
        env = {
            "AF_DATABASE_URL": database_url,
            "AF_REDIS_URL": redis_url,
            "AF_STORAGE_DIR": str(tmp / "storage"),
            "AF_ALLOWED_SOURCES": documents.origin,
            "AF_WORKER_CONCURRENCY": "1",
            "AF_SMTP_HOST": "127.0.0.1",
            "AF_SMTP_PORT": str(mail.port),
            "AF_SMTP_STARTTLS": "false",
            "AF_MAIL_FROM": "accessible-formats@example.gov.uk",
            "AF_RATE_LIMIT_SUBMISSIONS": "500",
        }
        services = ServiceProcesses(env, log_dir)
        try:
            base_url = services.start_together("worker", public_base_url=True)
            console = Console(base_url, database_url, services.env, documents, mail, services)
            added = console.add_staff(STAFF_EMAIL, STAFF_PASSWORD)
            assert added.returncode == 0, added.stderr
            yield console
        finally:
            services.stop_all()
            redis_process.terminate()
            try:
                redis_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                redis_process.kill()


@pytest.fixture
def staff_client(console: Console) -> Iterator[httpx.Client]:
    client = sign_in(console.base_url)
    yield client
    client.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with new_page(browser, width=1280, height=900) as page:
        yield page
