"""The request state machine on both databases: claims, ownership, requeues, events."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from service import store
from service.db.engine import session_scope
from service.db.models import Artifact, Request, RequestEvent, utcnow
from workers.engine.formats import ConversionOptions, OutputFormat

LEASE = timedelta(seconds=60)


def new_request(database_url: str, task_id: str = "task-1") -> str:
    now = utcnow()
    with session_scope(database_url) as session:
        request = store.create_request(
            session,
            document_url="https://example.gov.uk/a.pdf",
            options=ConversionOptions(OutputFormat.HTML),
            assistive_technology=None,
            email=None,
            received=now,
            due=now + timedelta(days=7),
            task_id=task_id,
        )
        return request.public_id


def states(database_url: str, public_id: str) -> list[str]:
    with session_scope(database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        return [e.to_state for e in request.events]


def test_public_ids_are_long_and_distinct(database_url: str) -> None:
    ids = {new_request(database_url) for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) == 24 for i in ids)


def test_only_one_task_can_claim_a_request(database_url: str) -> None:
    public_id = new_request(database_url)
    with session_scope(database_url) as session:
        first = store.claim_for_processing(
            session, public_id, task_id="task-1", actor="w1", lease=LEASE
        )
    with session_scope(database_url) as session:
        second = store.claim_for_processing(
            session, public_id, task_id="task-2", actor="w2", lease=LEASE
        )
    assert first is not None and first.attempts == 1
    assert second is None
    assert states(database_url, public_id) == ["queued", "processing"]


def test_a_redelivered_task_reclaims_its_own_request(database_url: str) -> None:
    public_id = new_request(database_url)
    for _ in range(2):
        with session_scope(database_url) as session:
            claimed = store.claim_for_processing(
                session, public_id, task_id="task-1", actor="w1", lease=LEASE
            )
            assert claimed is not None
    assert claimed.attempts == 2


def test_an_expired_lease_can_be_taken_over(database_url: str) -> None:
    public_id = new_request(database_url)
    with session_scope(database_url) as session:
        store.claim_for_processing(
            session, public_id, task_id="task-1", actor="w1", lease=timedelta(seconds=-1)
        )
    with session_scope(database_url) as session:
        taken = store.claim_for_processing(
            session, public_id, task_id="task-2", actor="w2", lease=LEASE
        )
    assert taken is not None and taken.task_id == "task-2"


def test_a_task_that_lost_its_request_cannot_finish_it(database_url: str) -> None:
    public_id = new_request(database_url)
    with session_scope(database_url) as session:
        request = store.claim_for_processing(
            session, public_id, task_id="task-1", actor="w1", lease=LEASE
        )
        assert request is not None
        assert store.requeue(session, request, new_task_id="task-2", actor="reconciler", reason="x")
    with session_scope(database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        assert not store.fail(session, request, code="c", message="m", task_id="task-1", actor="w1")
        assert request.state == "queued"


def test_finishing_records_artifact_and_events(database_url: str) -> None:
    public_id = new_request(database_url)
    with session_scope(database_url) as session:
        request = store.claim_for_processing(
            session, public_id, task_id="task-1", actor="w1", lease=LEASE
        )
        assert request is not None
        artifact = Artifact(
            cache_key="k" * 64,
            source_sha256="s" * 64,
            format="html",
            options={},
            engine_version="v",
            path="artifacts/x.html",
            media_type="text/html",
            size=1,
            sha256="h" * 64,
            check_report={"passed": True},
            review_reasons=[],
        )
        session.add(artifact)
        session.flush()
        assert store.finish_with_artifact(
            session, request, artifact, task_id="task-1", actor="w1", from_cache=False
        )
    with session_scope(database_url) as session:
        request = session.scalar(select(Request).where(Request.public_id == public_id))
        assert request is not None and request.state == "ready"
        assert request.finished_at is not None and request.lease_expires_at is None
        assert store.mark_delivered(session, request, actor="requester")
        assert not store.mark_delivered(session, request, actor="requester")
        events = session.scalars(select(RequestEvent).where(RequestEvent.request_id == request.id))
        assert [(e.from_state, e.to_state) for e in events] == [
            (None, "queued"),
            ("queued", "processing"),
            ("processing", "ready"),
            ("ready", "delivered"),
        ]


def test_timestamps_come_back_timezone_aware(database_url: str) -> None:
    public_id = new_request(database_url)
    with session_scope(database_url) as session:
        request = store.get_request(session, public_id)
        assert request is not None
        assert request.created_at.utcoffset() == timedelta(0)
        assert request.due_at > request.created_at
