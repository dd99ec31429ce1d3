"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.api.deps import SettingsDep
from service.db.engine import get_engine
from service.settings import Settings
from workers.broker import ping

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The database and the broker are reachable",
    responses={503: {"description": "The database or the broker is unreachable"}},
)
def readyz(settings: SettingsDep) -> JSONResponse:
    checks = {
        "database": _database_ok(settings),
        "broker": bool(settings.redis_url and ping(settings.redis_url)),
    }
    ready = all(checks.values())
    body = {
        "status": "ready" if ready else "not-ready",
        "checks": {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
    }
    return JSONResponse(body, status_code=200 if ready else 503)


def _database_ok(settings: Settings) -> bool:
    try:
        with get_engine(settings.database_url).connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False
