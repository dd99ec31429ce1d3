"""One conversion request, start to finish: claim → fetch → cache or convert → store → record.

Celery-free so it reads like a script; ``workers.tasks`` wraps it in a task and turns time
limits and unexpected exceptions into recorded failures.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service import store
from service.db.engine import in_transaction, session_scope
from service.db.models import Artifact, Request
from service.settings import Settings
from workers import notify, storage
from workers.engine import pipeline
from workers.engine.errors import ConversionCrashedError, ConversionError
from workers.engine.formats import FORMAT_INFO, ConversionOptions, OutputFormat
from workers.engine.source import open_source
from workers.sources import FetchedSource, fetch_document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """What a worker needs to know about a claimed request (detached from any session)."""

    request_id: int
    public_id: str
    document_url: str
    options: ConversionOptions
    attempts: int
    task_id: str
    actor: str


def claim(settings: Settings, public_id: str, *, task_id: str, actor: str) -> Job | None:
    """Take the request for this task, or ``None`` when there is nothing to do (another task
    has it, or it is already finished): a duplicate delivery is then a harmless no-op."""
    with session_scope(settings.database_url) as session:
        request = store.claim_for_processing(
            session,
            public_id,
            task_id=task_id,
            actor=actor,
            lease=timedelta(seconds=settings.processing_lease_seconds),
        )
        if request is None:
            return None
        return Job(
            request_id=request.id,
            public_id=request.public_id,
            document_url=request.document_url,
            options=options_of(request),
            attempts=request.attempts,
            task_id=task_id,
            actor=actor,
        )


def options_of(request: Request) -> ConversionOptions:
    return ConversionOptions(format=OutputFormat(request.format), print_size=request.print_size)


def cache_key(source_sha256: str, options: ConversionOptions) -> str:
    raw = f"{source_sha256}|{options.cache_key_part()}|{pipeline.ENGINE_VERSION}"
    return hashlib.sha256(raw.encode()).hexdigest()


def run(settings: Settings, job: Job) -> None:
    """Do the work for a claimed request. Expected failures are recorded on the request;
    anything else propagates to the caller, which records it as an internal failure."""
    if job.attempts > settings.max_attempts:
        # Earlier attempts ended with the worker process dying (a crash, the hard time
        # limit, or a kill): stop trying rather than loop on a document that kills workers.
        record_failure(settings, job, ConversionCrashedError(), detail=f"attempt {job.attempts}")
        return
    # Inside the storage directory: a conversion writes nowhere else, and a volume sized for
    # outputs is sized for sources too.
    scratch = settings.storage_dir / "work"
    scratch.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix=f"{job.public_id[:8]}-", dir=scratch))
    try:
        _run_in(settings, job, work_dir)
    except ConversionError as error:
        record_failure(settings, job, error, detail=error.detail)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def _run_in(settings: Settings, job: Job, work_dir: Path) -> None:
    source = fetch_document(job.document_url, settings.source_policy(), work_dir / "source.pdf")
    key = cache_key(source.sha256, job.options)

    def serve_from_cache(session: Session) -> bool:
        request = session.get_one(Request, job.request_id)
        store.record_source(session, request, source.sha256)
        # Title, pages and size, shown on the form to the next person asking (issue 7).
        store.record_source_facts(session, request, **_source_facts(settings, source))
        cached = store.find_artifact(session, key)
        if cached is None:
            return False
        # The retention purge may be deleting this file for the last request that used it:
        # decide under the artifact's lock, so either it sees this request or this sees no file.
        store.lock_artifact(session, cached.id)
        if not _file_present(settings, cached):
            return False
        store.finish_with_artifact(
            session, request, cached, task_id=job.task_id, actor=job.actor, from_cache=True
        )
        return True

    if in_transaction(settings.database_url, serve_from_cache):
        log.info("request %s served from cache (%s)", job.public_id, key[:12])
        notify.enqueue_pending(settings, job.request_id)  # e-mail the requester, after the commit
        return

    result = pipeline.convert(source.path, job.options, max_pages=settings.max_pages)
    artifact = _store_artifact(settings, key, source.sha256, job.options, result)

    def finish(session: Session) -> None:
        store.lock_artifact(session, artifact.id)
        if not _file_present(settings, artifact):
            # The purge removed the file while this conversion ran (it was shared with a
            # request whose retention ended): write it back before anyone is sent to it.
            storage.store_bytes(settings.storage_dir, artifact.path, result.content)
        request = session.get_one(Request, job.request_id)
        store.finish_with_artifact(
            session, request, artifact, task_id=job.task_id, actor=job.actor, from_cache=False
        )

    # A conversion can take minutes: a database blip at the end must not throw it away.
    in_transaction(settings.database_url, finish)
    notify.enqueue_pending(settings, job.request_id)  # e-mail the requester, after the commit
    log.info("request %s converted (%d bytes)", job.public_id, len(result.content))


def _source_facts(settings: Settings, source: FetchedSource) -> dict[str, Any]:
    try:
        info = open_source(source.path, max_pages=settings.max_pages)
    except ConversionError:
        return {"size": source.size, "pages": None, "title": None}  # the pipeline will say why
    return {"size": source.size, "pages": info.page_count, "title": info.title}


def _file_present(settings: Settings, artifact: Artifact) -> bool:
    try:
        return storage.resolve(settings.storage_dir, artifact.path).is_file()
    except storage.UnsafeStoragePath:
        return False


def _store_artifact(
    settings: Settings,
    key: str,
    source_sha256: str,
    options: ConversionOptions,
    result: pipeline.ConversionResult,
) -> Artifact:
    extension = FORMAT_INFO[options.format].extension
    relative_path = f"artifacts/{key[:2]}/{key}.{extension}"
    storage.store_bytes(settings.storage_dir, relative_path, result.content)
    artifact = Artifact(
        cache_key=key,
        source_sha256=source_sha256,
        format=options.format.value,
        options={"print_size": options.print_size},
        engine_version=pipeline.ENGINE_VERSION,
        path=relative_path,
        media_type=result.media_type,
        size=len(result.content),
        sha256=storage.sha256_of(result.content),
        check_report=result.report,
        review_reasons=list(result.review_reasons),
    )

    def insert(session: Session) -> Artifact:
        existing = store.find_artifact(session, key)
        if existing is not None:
            # Rebuilt after its file went missing: same key, same path, same bytes.
            return existing
        session.add(artifact)
        return artifact

    try:
        return in_transaction(settings.database_url, insert)
    except IntegrityError:
        # An identical request finished first; its row describes the same file.
        existing = in_transaction(
            settings.database_url, lambda session: store.find_artifact(session, key)
        )
        if existing is None:
            raise
        return existing


def record_failure(
    settings: Settings, job: Job, error: ConversionError, *, detail: str | None = None
) -> None:
    log.warning("request %s failed: %s (%s)", job.public_id, error.code, detail or "-")

    def write(session: Session) -> None:
        request = session.get_one(Request, job.request_id)
        store.fail(
            session,
            request,
            code=error.code,
            message=error.message,
            task_id=job.task_id,
            actor=job.actor,
            detail=detail,
        )

    in_transaction(settings.database_url, write)
    notify.enqueue_pending(settings, job.request_id)  # e-mail the requester, after the commit
