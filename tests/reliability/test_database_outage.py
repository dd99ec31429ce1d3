"""PostgreSQL unavailable at the moment a worker records a result: the request still ends."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.support.api_client import submit, wait_for_state
from tests.support.doc_server import DocumentServer
from tests.support.pdfs import text_pdf_bytes
from tests.support.services import ServiceProcesses

pytestmark = pytest.mark.slow


def _set_connections(admin_url: str, database: str, *, allowed: bool) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(
            text(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS {str(allowed).lower()}')
        )
        if not allowed:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": database},
            )
    admin.dispose()


def test_database_outage_during_a_conversion(
    services: ServiceProcesses,
    doc_server: DocumentServer,
    postgres_url: str,
    postgres_admin_url: str,
) -> None:
    database = make_url(postgres_url).database
    assert database
    # Default time limits: the lease of this task lasts minutes, so only the worker retrying
    # its write can finish the request within this test.
    services.env["AF_DATABASE_URL"] = postgres_url
    doc_server.files["/slow.pdf"] = text_pdf_bytes(2)
    doc_server.slow["/slow.pdf"] = 3.0
    doc_server.slow_once.add("/slow.pdf")
    services.start_together("worker", beat=True)

    request_id = submit(services.base_url, doc_server.url("/slow.pdf"))["id"]
    wait_for_state(services.base_url, request_id, {"processing"}, timeout=30)
    # The database goes away while the document downloads, and comes back a little after
    # the worker tried to record the result.
    _set_connections(postgres_admin_url, database, allowed=False)
    try:
        time.sleep(5.0)
    finally:
        _set_connections(postgres_admin_url, database, allowed=True)

    status = wait_for_state(services.base_url, request_id, timeout=45)
    assert status["state"] == "ready", status
    assert services.processes["worker"].poll() is None
    assert services.processes["api"].poll() is None
