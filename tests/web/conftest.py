"""The public pages against the real service: api and a Celery worker as processes, a private
redis-server, SQLite, the local document server, a loopback SMTP server (aiosmtpd) and
Debian's Chromium driven by Playwright. Started once for all the tests in this folder."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from service.supervisor import free_port, start_private_redis
from tests.support.browser import new_page
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses

RATE_LIMIT = 30


class MailCatcher:
    """A real SMTP server on loopback. ``defer_next`` makes it answer the next N messages
    with a temporary failure (451), as a busy mail server would."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.deferred = 0
        self.defer_next = 0
        self.reject_next = 0
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        with self._arrived:
            if self.reject_next > 0:
                self.reject_next -= 1
                return "550 5.1.1 No such mailbox"
            if self.defer_next > 0:
                self.defer_next -= 1
                self.deferred += 1
                return "451 4.3.0 Mailbox busy, try again later"
            content = envelope.original_content or b""
            message = message_from_bytes(content, policy=policy.default)
            assert isinstance(message, EmailMessage)
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, to: str, subject_part: str, timeout: float = 60.0) -> EmailMessage:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for message in self.messages:
                    if message["To"] == to and subject_part in str(message["Subject"]):
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    subjects = [(m["To"], m["Subject"]) for m in self.messages]
                    raise AssertionError(f"no e-mail to {to} about {subject_part!r}: {subjects}")
                self._arrived.wait(remaining)

    def __enter__(self) -> MailCatcher:
        self._controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._controller.stop()


@dataclass
class Site:
    """The running service and its surroundings, for the tests in this folder."""

    base_url: str
    database_url: str
    documents: DocumentServer
    mail: MailCatcher
    services: ServiceProcesses
    pages: dict[str, str] = field(default_factory=dict)

    def document(self, path: str, pages: int = 2, title: str = "Test document") -> str:
        if path not in self.documents.files:
            self.documents.files[path] = text_pdf_bytes(pages, title)
        return self.documents.url(path)


@pytest.fixture(scope="package")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("web")
    redis_process, redis_url = start_private_redis(tmp / "redis")
    log_dir = tmp / "logs"
    log_dir.mkdir()
    with DocumentServer() as documents, MailCatcher() as mail:
        database_url = f"sqlite:///{tmp}/service.db"
        services = ServiceProcesses(
            {
                "AF_DATABASE_URL": database_url,
                "AF_REDIS_URL": redis_url,
                "AF_STORAGE_DIR": str(tmp / "storage"),
                "AF_ALLOWED_SOURCES": documents.origin,
                "AF_WORKER_CONCURRENCY": "1",
                "AF_SMTP_HOST": "127.0.0.1",
                "AF_SMTP_PORT": str(mail.port),
                "AF_SMTP_STARTTLS": "false",
                "AF_MAIL_FROM": "accessible-formats@example.gov.uk",
                "AF_RATE_LIMIT_SUBMISSIONS": str(RATE_LIMIT),
            },
            log_dir,
        )
        try:
            # Links in e-mail point at the api the tests started.
            base_url = services.start_together("worker", public_base_url=True)
            yield Site(base_url, database_url, documents, mail, services)
        finally:
            services.stop_all()
            redis_process.terminate()
            try:
                redis_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                redis_process.kill()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with new_page(browser, width=1024, height=768) as page:
        yield page
