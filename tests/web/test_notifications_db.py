"""The notifications table and the duplicate check on both databases (SQLite, PostgreSQL)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from service import store
from service.db.engine import get_engine, session_scope
from service.db.migrate import alembic_config
from service.db.models import Notification, Request, RequestState, utcnow
from tests.conftest import make_settings
from workers import notify
from workers.engine.formats import ConversionOptions, OutputFormat


def test_migration_0002_goes_down_and_up_again(database_url: str) -> None:
    engine = get_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    assert "notifications" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    inspector = inspect(engine)
    assert "notifications" in inspector.get_table_names()
    assert "requester_hash" in {c["name"] for c in inspector.get_columns("requests")}


def _request(session: Session, email: str | None) -> Request:
    now = utcnow()
    return store.create_request(
        session,
        document_url="https://x.example/a.pdf",
        options=ConversionOptions(OutputFormat.LARGE_PRINT, 20),
        assistive_technology=None,
        email=email,
        received=now,
        due=now,
        task_id="t1",
        requester_hash="h" * 64,
    )


def test_outcomes_queue_one_message_each_and_none_without_an_address(database_url: str) -> None:
    with session_scope(database_url) as session:
        with_email = _request(session, "a@example.org")
        without = _request(session, None)
        for request in (with_email, without):
            store.queue_notification(session, request, RequestState.FAILED)
            store.queue_notification(session, request, RequestState.FAILED)  # a repeat
            store.queue_notification(session, request, RequestState.PROCESSING)  # not told
        session.flush()
        rows = list(session.scalars(select(Notification)))
        assert [(n.request_id, n.kind, n.state) for n in rows] == [
            (with_email.id, "failed", "pending")
        ]
        notification_id = rows[0].id

    # With no SMTP server configured the message is marked skipped, visibly, not lost.
    settings = make_settings(database_url=database_url, smtp_host=None)
    notify.deliver(settings, notification_id, final_attempt=False)
    with session_scope(database_url) as session:
        notification = session.get_one(Notification, notification_id)
        assert notification.state == "skipped"
        assert notification.last_error and "AF_SMTP_HOST" in notification.last_error


def test_duplicate_check_matches_person_document_format_and_options(database_url: str) -> None:
    with session_scope(database_url) as session:
        first = _request(session, "a@example.org")
        same = ConversionOptions(OutputFormat.LARGE_PRINT, 20)
        found = store.find_active_duplicate(
            session, requester_hash="h" * 64, document_url=first.document_url, options=same
        )
        assert found is not None and found.id == first.id
        for hash_, url, options in [
            ("g" * 64, first.document_url, same),
            ("h" * 64, "https://x.example/b.pdf", same),
            ("h" * 64, first.document_url, ConversionOptions(OutputFormat.LARGE_PRINT, 24)),
            ("h" * 64, first.document_url, ConversionOptions(OutputFormat.HTML)),
        ]:
            assert (
                store.find_active_duplicate(
                    session, requester_hash=hash_, document_url=url, options=options
                )
                is None
            )
        first.state = RequestState.FAILED.value
        session.flush()
        assert (
            store.find_active_duplicate(
                session, requester_hash="h" * 64, document_url=first.document_url, options=same
            )
            is None
        )
