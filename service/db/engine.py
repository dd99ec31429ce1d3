"""Database engine and sessions, tuned per backend."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
T = TypeVar("T")


def normalise_database_url(url: str) -> str:
    """Accept the common ``postgresql://`` spelling and use the psycopg 3 driver for it."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the API read while a worker writes; busy_timeout makes writers from several
    # processes (api, worker children, beat) wait for each other instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_engines: dict[str, Engine] = {}


def get_engine(url: str) -> Engine:
    """One engine (and so one connection pool) per database URL per process."""
    if url not in _engines:
        _engines[url] = _create_engine(url)
    return _engines[url]


def _create_engine(url: str) -> Engine:
    url = normalise_database_url(url)
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


@lru_cache(maxsize=4)
def _session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    session = _session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def reset_after_fork() -> None:
    """Call in a forked child: drop the parent's pooled connections without closing them
    (closing would break the parent's connections, which share the same sockets)."""
    for engine in _engines.values():
        engine.dispose(close=False)


def in_transaction(url: str, operation: Callable[[Session], T], *, retry_for: float = 30.0) -> T:
    """Run ``operation`` in its own transaction, again from the start while the database is
    unreachable or locked (``OperationalError``), for up to ``retry_for`` seconds.

    For writes that must not be lost to a brief outage, such as a worker recording the result
    of a conversion that took minutes. ``operation`` must be safe to run twice: ours are
    conditional updates, which a second run leaves as the first one made them.
    """
    deadline = time.monotonic() + retry_for
    delay = 0.2
    while True:
        try:
            with session_scope(url) as session:
                return operation(session)
        except OperationalError as error:
            if time.monotonic() + delay > deadline:
                raise
            log.warning("database unavailable (%s); retrying in %.1f s", error.orig, delay)
            time.sleep(delay)
            delay = min(delay * 2, 5.0)
