"""The staff console's HTTP side, put together: ``signin`` (sign in and out), ``overview``
(dashboard, list of requests) and ``request_page`` (one request and its actions), all under
``/staff`` and all but the sign-in page behind a signed-in session (see ``web``)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from service.staff import overview, request_page, signin
from service.staff.web import install_error_handlers

ROUTERS: tuple[APIRouter, ...] = (signin.router, overview.router, request_page.router)


def install(app: FastAPI) -> None:
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
