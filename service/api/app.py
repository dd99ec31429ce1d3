"""The FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from service.api import health, metrics, requests
from service.api.errors import install_error_handlers
from service.db.migrate import upgrade_to_head
from service.settings import Settings, get_settings
from service.staff import routes as staff_routes
from service.web import routes as web_routes
from service.web.errors import install_html_error_pages
from service.web.security import SecurityHeadersMiddleware

WEB_STATIC = Path(web_routes.__file__).parent / "static"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    await run_in_threadpool(upgrade_to_head, app.state.settings.database_url)
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Accessible formats on request",
        version="0.1.0",
        description="Ask for a published PDF in an accessible format: tagged PDF, HTML or "
        "large print. Every error is JSON `{code, message}`.",
        lifespan=_lifespan,
    )
    app.state.settings = settings or get_settings()
    install_error_handlers(app)
    app.include_router(requests.router)
    app.include_router(health.router)
    app.include_router(metrics.router)  # Prometheus, behind AF_METRICS_TOKEN
    # The public pages (issue 7): form, confirmation, status; HTML errors outside /api.
    install_html_error_pages(app)
    # The staff console (issue 8): every route behind a signed-in session.
    staff_routes.install(app)
    app.include_router(web_routes.router)
    app.mount("/static", StaticFiles(directory=WEB_STATIC), name="static")
    app.add_middleware(SecurityHeadersMiddleware)
    return app


app = create_app()
