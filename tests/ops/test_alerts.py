"""E-mail to staff, received by a real SMTP server: each working morning's list of requests
due and overdue (once, however often beat asks), and the message when a request needs review.
On SQLite and PostgreSQL, with the clock set to chosen London mornings."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select, update

from service.alerts import ACTION, DigestResult, send_morning_digest
from service.db.engine import session_scope
from service.db.models import AuditEntry, Notification, Request
from service.settings import Settings
from service.store import STAFF_REVIEW_ALERT
from service.working_days import LONDON
from tests.conftest import make_settings
from tests.ops.conftest import add_staff
from tests.ops.helpers import PERSON, fail, finish, make_artifact, new_request
from tests.web.conftest import MailCatcher
from workers import notify

#: Tuesday 1 December 2026, 09:00 in London: a working day.
TUESDAY = datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)


def end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=LONDON) - timedelta(
        microseconds=1
    )


@pytest.fixture
def settings(database_url: str, mail: MailCatcher) -> Settings:
    return make_settings(
        database_url=database_url,
        smtp_host="127.0.0.1",
        smtp_port=mail.port,
        smtp_starttls=False,
        staff_alert_hour=8,
    )


def _set(database_url: str, public_id: str, **values: object) -> None:
    with session_scope(database_url) as session:
        session.execute(update(Request).where(Request.public_id == public_id).values(**values))


def _alert_entries(settings: Settings) -> list[AuditEntry]:
    with session_scope(settings.database_url) as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == ACTION)))


def test_the_morning_message_lists_what_is_due_and_overdue_once(
    settings: Settings, mail: MailCatcher
) -> None:
    url = settings.database_url
    add_staff(url, "lead@example.gov.uk", "officer@example.gov.uk")
    add_staff(url, "left@example.gov.uk", active=False)
    monday, today, wednesday = (TUESDAY.date() + timedelta(days=n) for n in (-1, 0, 1))
    overdue = new_request(url, due=end_of(monday), document="https://x.gov.uk/late.pdf")
    due_today = new_request(url, due=end_of(today), document="https://x.gov.uk/today.pdf")
    tomorrow = new_request(url, due=end_of(wednesday), document="https://x.gov.uk/later.pdf")
    failed = new_request(url, due=end_of(monday), document="https://x.gov.uk/failed.pdf")
    fail(url, failed)
    contacted = new_request(url, due=end_of(monday), document="https://x.gov.uk/phoned.pdf")
    fail(url, contacted)
    _set(url, contacted, contacted_at=TUESDAY)
    answered = new_request(url, due=end_of(monday), document="https://x.gov.uk/done.pdf")
    finish(url, answered, make_artifact(url, settings.storage_dir, "d4" * 32))

    early = TUESDAY.replace(hour=7, minute=59)
    assert send_morning_digest(settings, now=early) is DigestResult.TOO_EARLY
    assert send_morning_digest(settings, now=TUESDAY) is DigestResult.SENT
    assert send_morning_digest(settings, now=TUESDAY + timedelta(hours=3)) is (
        DigestResult.ALREADY_SENT
    )

    [message] = mail.messages
    assert message["To"] == "lead@example.gov.uk, officer@example.gov.uk"
    assert message["Subject"] == "Requests on Tuesday 1 December 2026: 1 due today, 2 overdue"
    for part in ("plain", "html"):
        body = message.get_body((part,))
        assert body is not None
        content = body.get_content()
        for public_id in (overdue, due_today, failed):
            assert public_id in content
        for public_id in (tomorrow, contacted, answered):
            assert public_id not in content
        assert "source-not-found" in content
        assert PERSON not in content and "screen reader" not in content  # nothing personal
    [entry] = _alert_entries(settings)
    assert entry.actor == "system:staff-alert"
    assert entry.detail == "2026-12-01: 1 due today, 2 overdue, 2 staff; sent"

    # The next working day is a new day.
    assert send_morning_digest(settings, now=TUESDAY + timedelta(days=1)) is DigestResult.SENT
    assert len(mail.messages) == 2


def test_no_message_on_weekends_and_bank_holidays(settings: Settings, mail: MailCatcher) -> None:
    add_staff(settings.database_url, "lead@example.gov.uk")
    new_request(settings.database_url, due=end_of(date(2026, 12, 20)))
    saturday = datetime(2026, 12, 5, 9, 0, tzinfo=LONDON)
    christmas = datetime(2026, 12, 25, 9, 0, tzinfo=LONDON)
    boxing_day_substitute = datetime(2026, 12, 28, 9, 0, tzinfo=LONDON)  # Monday, in lieu
    for moment in (saturday, christmas, boxing_day_substitute):
        assert send_morning_digest(settings, now=moment) is DigestResult.NOT_A_WORKING_DAY
    assert not mail.messages and not _alert_entries(settings)


def test_beat_firing_twice_at_once_sends_one_message(
    settings: Settings, mail: MailCatcher
) -> None:
    add_staff(settings.database_url, "lead@example.gov.uk")
    new_request(settings.database_url, due=end_of(TUESDAY.date()))
    results: list[DigestResult] = []
    start = threading.Barrier(3)

    def fire() -> None:
        start.wait()
        results.append(send_morning_digest(settings, now=TUESDAY))

    threads = [threading.Thread(target=fire) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == sorted(
        [DigestResult.SENT, DigestResult.ALREADY_SENT, DigestResult.ALREADY_SENT]
    )
    assert len(mail.messages) == 1
    assert len(_alert_entries(settings)) == 1


def test_a_busy_mail_server_gives_the_day_back_for_the_next_run(
    settings: Settings, mail: MailCatcher
) -> None:
    add_staff(settings.database_url, "lead@example.gov.uk")
    new_request(settings.database_url, due=end_of(TUESDAY.date()))
    mail.defer_next = 1
    assert send_morning_digest(settings, now=TUESDAY) is DigestResult.FAILED
    assert not _alert_entries(settings)
    with session_scope(settings.database_url) as session:
        failure = session.scalar(
            select(AuditEntry).where(AuditEntry.action == "staff-alert-failed")
        )
        assert failure is not None and "451" in (failure.detail or "")
    assert send_morning_digest(settings, now=TUESDAY + timedelta(minutes=10)) is (
        DigestResult.SENT
    )
    assert len(mail.messages) == 1


def test_nothing_due_is_recorded_without_a_message(settings: Settings, mail: MailCatcher) -> None:
    assert send_morning_digest(settings, now=TUESDAY) is DigestResult.NO_STAFF
    add_staff(settings.database_url, "lead@example.gov.uk")
    assert send_morning_digest(settings, now=TUESDAY) is DigestResult.NOTHING_DUE
    assert send_morning_digest(settings, now=TUESDAY) is DigestResult.ALREADY_SENT
    assert not mail.messages
    no_smtp = settings.model_copy(update={"smtp_host": None})
    assert send_morning_digest(no_smtp, now=TUESDAY) is DigestResult.NO_SMTP


def test_a_request_going_to_review_is_told_to_staff_once(
    settings: Settings, mail: MailCatcher
) -> None:
    url = settings.database_url
    add_staff(url, "lead@example.gov.uk", "officer@example.gov.uk")
    public_id = new_request(url)
    artifact_id = make_artifact(
        url, settings.storage_dir, "e5" * 32, review=["figure-without-alt"]
    )
    assert finish(url, public_id, artifact_id) == "needs_review"
    with session_scope(url) as session:
        request_id = session.scalar(select(Request.id).where(Request.public_id == public_id))
        alerts = list(
            session.scalars(
                select(Notification).where(
                    Notification.request_id == request_id,
                    Notification.kind == STAFF_REVIEW_ALERT,
                )
            )
        )
    [alert] = alerts
    notify.deliver(settings, alert.id, final_attempt=False)
    notify.deliver(settings, alert.id, final_attempt=False)  # a duplicate task: no second mail

    staff_mail = [m for m in mail.messages if m["To"] != PERSON]
    [message] = staff_mail
    assert message["To"] == "lead@example.gov.uk, officer@example.gov.uk"
    assert str(message["Subject"]).strip().startswith("Needs review: report.pdf")
    text = message.get_body(("plain",))
    assert text is not None
    assert public_id in text.get_content() and "figure-without-alt" in text.get_content()
    assert PERSON not in text.get_content()
    with session_scope(url) as session:
        assert session.get_one(Notification, alert.id).state == "sent"
