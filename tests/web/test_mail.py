"""E-mail to requesters, received by a real SMTP server on loopback: what each message says,
and what happens when the mail server is busy or refuses."""

from __future__ import annotations

import time
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from service.db.engine import session_scope
from service.db.models import Notification, Request
from service.working_days import LONDON
from tests.support.api_client import wait_for_state
from tests.web.conftest import Site
from tests.web.helpers import AXE_OPTIONS, blank_pdf, submit


def _find(site: Site, public_id: str) -> tuple[Request, Notification | None]:
    with session_scope(site.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None
        notification = session.scalar(
            select(Notification).where(Notification.request_id == request.id)
        )
        return request, notification


def _wait_notification(site: Site, public_id: str, state: str, timeout: float = 60) -> Notification:
    """The request's e-mail record once it reaches ``state`` (written when the request ends)."""
    deadline = time.monotonic() + timeout
    while True:
        _, notification = _find(site, public_id)
        if notification is not None and notification.state == state:
            return notification
        if time.monotonic() > deadline:
            raise AssertionError(
                f"e-mail record never {state}: {notification and vars(notification)}"
            )
        time.sleep(0.2)


def test_failure_and_review_messages_say_what_happens_next(site: Site, page: Any) -> None:
    site.documents.files["/mail/scan.pdf"] = blank_pdf()
    failed = submit(site, site.documents.url("/mail/gone.pdf"), "html", "gone@example.org")
    review = submit(site, site.documents.url("/mail/scan.pdf"), "tagged-pdf", "scan@example.org")
    assert wait_for_state(site.base_url, failed)["state"] == "failed"
    assert wait_for_state(site.base_url, review)["state"] == "needs_review"

    for public_id, to, subject, says in [
        (failed, "gone@example.org", "could not convert gone.pdf", "could not convert"),
        (review, "scan@example.org", "scan.pdf is being checked", "a person needs"),
    ]:
        message = site.mail.wait_for(to, subject)
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        assert text is not None and html is not None
        request, _ = _find(site, public_id)
        due = request.due_at.astimezone(LONDON)
        for body in (text.get_content(), html.get_content()):
            assert says in body
            assert "What happens next" in body
            assert f"{due.day} {due:%B %Y}" in body
            assert f"{site.base_url}/requests/{public_id}" in body
            assert public_id in body
        assert "/tmp" not in text.get_content() and "Traceback" not in text.get_content()
        assert message["Auto-Submitted"] == "auto-generated"
        assert not list(message.iter_attachments())
        # The HTML part is held to the same standard as the pages.
        page.set_content(html.get_content())
        result = Axe().run(page, options=AXE_OPTIONS)
        assert not result.response["violations"], result.generate_report()


def test_a_busy_mail_server_is_retried_until_the_message_goes(site: Site) -> None:
    site.mail.defer_next = 2
    public_id = submit(site, site.document("/mail/busy.pdf"), "html", "busy@example.org")
    site.mail.wait_for("busy@example.org", "is ready", timeout=60)
    notification = _wait_notification(site, public_id, "sent")
    assert notification.attempts == 3
    assert notification.last_error and "451" in notification.last_error
    assert notification.sent_at is not None


def test_a_refused_address_is_recorded_for_staff_and_the_request_is_unharmed(
    site: Site,
) -> None:
    site.mail.reject_next = 1
    public_id = submit(site, site.document("/mail/refused.pdf"), "html", "nobody@example.org")
    notification = _wait_notification(site, public_id, "failed")
    assert notification.last_error and "550" in notification.last_error
    assert notification.attempts == 1  # a permanent refusal is not retried
    assert wait_for_state(site.base_url, public_id)["state"] == "ready"
    request, _ = _find(site, public_id)
    assert request.state == "ready"


def test_no_address_no_message(site: Site) -> None:
    public_id = submit(site, site.document("/mail/anonymous.pdf"), "html")
    assert wait_for_state(site.base_url, public_id)["state"] == "ready"
    with session_scope(site.database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None
        assert (
            session.scalar(select(Notification).where(Notification.request_id == request.id))
            is None
        )
