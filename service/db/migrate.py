"""Apply Alembic migrations on start, safely from several processes at once."""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from service.db.engine import get_engine

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any fixed number: PostgreSQL advisory locks are named by integers.
_PG_MIGRATION_LOCK = 0x0AF0_0001


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@contextmanager
def _sqlite_file_lock(database: str) -> Iterator[None]:
    lock_path = Path(database + ".migrate.lock")
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def upgrade_to_head(database_url: str, *, wait_seconds: float = 120.0) -> None:
    """Bring the schema up to date. api and worker call this when they start; a lock makes
    the first one migrate while the others wait and then find nothing to do. A database that
    is not reachable yet (still starting, briefly down) is waited for, not a crash."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.5
    while True:
        try:
            _upgrade(database_url)
            return
        except OperationalError as error:
            if time.monotonic() + delay > deadline:
                raise
            log.warning("database not reachable yet (%s); retrying in %.1f s", error.orig, delay)
            time.sleep(delay)
            delay = min(delay * 2, 10.0)


def _upgrade(database_url: str) -> None:
    engine = get_engine(database_url)
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            try:
                command.upgrade(alembic_config(connection), "head")
                connection.commit()
            finally:
                connection.execute(
                    text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_MIGRATION_LOCK}
                )
                connection.commit()
        return
    database = engine.url.database
    if database and database != ":memory:":
        with _sqlite_file_lock(database), engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
    else:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "head")
