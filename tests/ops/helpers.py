"""Requests in a chosen state, written through ``service.store`` as the service writes them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from service import store
from service.db.engine import session_scope
from service.db.models import Artifact, Request, RequestEvent, utcnow
from workers import storage
from workers.engine.formats import ConversionOptions, OutputFormat

PERSON = "reader@example.org"
LEASE = timedelta(seconds=60)


def new_request(
    database_url: str,
    *,
    email: str | None = PERSON,
    due: datetime | None = None,
    document: str = "https://www.example.gov.uk/report.pdf",
) -> str:
    now = utcnow()
    with session_scope(database_url) as session:
        request = store.create_request(
            session,
            document_url=document,
            options=ConversionOptions(OutputFormat.HTML),
            assistive_technology="screen reader" if email else None,
            email=email,
            received=now,
            due=due or now + timedelta(days=7),
            task_id=f"task-{now.timestamp()}",
            requester_hash="f" * 64 if email else None,
        )
        return request.public_id


def make_artifact(
    database_url: str, storage_dir: Path, key: str, *, review: list[str] | None = None
) -> int:
    relative = f"artifacts/{key[:2]}/{key}.html"
    storage.store_bytes(storage_dir, relative, b"<html>output</html>")
    with session_scope(database_url) as session:
        artifact = Artifact(
            cache_key=key,
            source_sha256="a" * 64,
            format="html",
            options={"print_size": None},
            engine_version="test",
            path=relative,
            media_type="text/html",
            size=19,
            sha256="b" * 64,
            check_report={},
            review_reasons=review or [],
        )
        session.add(artifact)
        session.flush()
        return artifact.id


def finish(database_url: str, public_id: str, artifact_id: int) -> str:
    """Claim and finish with the artifact, as a worker would; returns the new state."""
    with session_scope(database_url) as session:
        request = store.claim_for_processing(
            session, public_id, task_id="worker-task", actor="worker:test", lease=LEASE
        )
        assert request is not None
        artifact = session.get_one(Artifact, artifact_id)
        assert store.finish_with_artifact(
            session, request, artifact, task_id="worker-task", actor="worker:test",
            from_cache=False,
        )
        session.flush()
        session.refresh(request)
        return request.state


def fail(database_url: str, public_id: str, code: str = "source-not-found") -> None:
    with session_scope(database_url) as session:
        request = store.claim_for_processing(
            session, public_id, task_id="worker-task", actor="worker:test", lease=LEASE
        )
        assert request is not None
        assert store.fail(
            session, request, code=code, message="We could not fetch the document.",
            task_id="worker-task", actor="worker:test",
        )


def deliver(database_url: str, public_id: str) -> None:
    with session_scope(database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        assert store.mark_delivered(session, request, actor="requester")


def backdate(database_url: str, public_id: str, days: float) -> None:
    """Move a request's whole history ``days`` into the past."""
    with session_scope(database_url) as session:
        request_id = session.scalar(select(Request.id).where(Request.public_id == public_id))
        for event in session.scalars(
            select(RequestEvent).where(RequestEvent.request_id == request_id)
        ):
            event.at = event.at - timedelta(days=days)


def load(database_url: str, public_id: str) -> Request:
    with session_scope(database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        _ = request.events, request.artifact
        return request
