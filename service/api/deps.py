"""FastAPI dependencies: the app's settings and a database session per request."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from service.db.engine import session_scope
from service.settings import Settings


def settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def db_session(settings: Settings = Depends(settings_dep)) -> Iterator[Session]:
    with session_scope(settings.database_url) as session:
        yield session
