"""``GET /metrics`` for Prometheus, behind a bearer token (``AF_METRICS_TOKEN``).

Unset token: the endpoint does not exist (404), so a deployment exposes nothing by accident.
The figures come from the database and the broker at each scrape (``service.metrics``).
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from service.api.deps import SettingsDep
from service.api.errors import error_body
from service.metrics import build_registry

router = APIRouter(tags=["operations"])


@router.get("/metrics", include_in_schema=False)
def metrics(settings: SettingsDep, authorization: str | None = Header(None)) -> Response:
    token = settings.metrics_token
    if not token:
        return JSONResponse(
            error_body("not-found", "Metrics are disabled (set AF_METRICS_TOKEN)."),
            status_code=404,
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        return JSONResponse(
            error_body("unauthorised", "Send the metrics token as a bearer token."),
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    return Response(generate_latest(build_registry(settings)), media_type=CONTENT_TYPE_LATEST)
