"""Shared fixtures: real databases (SQLite and PostgreSQL), private Redis servers, and the
service's own processes. Nothing here is mocked."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from service.db.migrate import upgrade_to_head
from service.settings import Settings
from service.supervisor import start_private_redis
from tests.support.browser import axe_check_or_skip, chromium
from tests.support.doc_server import DocumentServer
from tests.support.services import ServiceProcesses

SHARED = Path(__file__).resolve().parents[2] / "shared"
POSTGRES_ADMIN_URL = os.environ.get(
    "AF_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def _postgres_available() -> bool:
    try:
        engine = create_engine(_psycopg(POSTGRES_ADMIN_URL), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001
        return False


def _psycopg(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    if not _postgres_available():
        if os.environ.get("AF_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required but not reachable at {POSTGRES_ADMIN_URL}")
        pytest.skip("PostgreSQL not reachable (set AF_TEST_POSTGRES_URL)")
    return _psycopg(POSTGRES_ADMIN_URL)


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    with fresh_postgres_database(postgres_admin_url) as url:
        yield url


@contextmanager
def fresh_postgres_database(postgres_admin_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database; dropped (its connections closed) on leaving."""
    name = f"af_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_admin_url).set(database=name).render_as_string(
            hide_password=False
        )
    finally:
        from service.db.engine import _engines

        for url in [u for u in _engines if name in u]:
            _engines.pop(url).dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using this runs on both databases, migrated to head."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/test.db"
    else:
        url = request.getfixturevalue("postgres_url")
    upgrade_to_head(url)
    return url


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A private, real redis-server for one test."""
    with private_redis(tmp_path / "redis") as url:
        yield url


@contextmanager
def private_redis(folder: Path) -> Iterator[str]:
    """A real redis-server of its own in ``folder``, stopped on leaving."""
    process, url = start_private_redis(folder)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def doc_server() -> Iterator[DocumentServer]:
    with DocumentServer() as server:
        yield server


@pytest.fixture
def service_settings(tmp_path: Path, redis_url: str, doc_server: DocumentServer) -> dict[str, str]:
    """Environment for the service processes: the publisher is the local document server."""
    return service_env(tmp_path, redis_url, doc_server)


def service_env(folder: Path, redis_url: str, doc_server: DocumentServer) -> dict[str, str]:
    """The service's settings with its database and storage in ``folder``."""
    return {
        "AF_DATABASE_URL": f"sqlite:///{folder}/service.db",
        "AF_REDIS_URL": redis_url,
        "AF_STORAGE_DIR": str(folder / "storage"),
        "AF_ALLOWED_SOURCES": doc_server.origin,
        "AF_RECONCILE_INTERVAL": "1",
        "AF_QUEUED_GRACE": "3",
        "AF_WORKER_CONCURRENCY": "1",
    }


@pytest.fixture
def services(tmp_path: Path, service_settings: dict[str, str]) -> Iterator[ServiceProcesses]:
    """The service's processes (none started yet); tests may adjust ``.env`` first."""
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    processes = ServiceProcesses(service_settings, log_dir)
    yield processes
    processes.stop_all()


def make_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test (each test opens its own context)."""
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def axe_check() -> Path:
    return axe_check_or_skip()
