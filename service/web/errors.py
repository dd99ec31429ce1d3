"""Errors on the public pages are HTML pages; the JSON API keeps its ``{code, message}``."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

log = logging.getLogger(__name__)

_JSON_PREFIXES = (
    "/api/",
    "/staff/api/",
    "/docs",
    "/redoc",
    "/openapi.json",
    "/healthz",
    "/readyz",
    "/static/",
)

_PAGES = {
    404: ("Page not found", "If you typed the web address, check it is correct."),
    405: ("Page not found", "If you typed the web address, check it is correct."),
    413: ("Your answers were too long to send", "Go back, shorten your answers and try again."),
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(_JSON_PREFIXES)


async def _call(handler: Callable[..., Any], request: Request, exc: Exception) -> Response:
    result = handler(request, exc)
    response: Response = await result if inspect.isawaitable(result) else result
    return response


def install_html_error_pages(app: FastAPI) -> None:
    """Wrap the JSON error handlers (installed first) so that page paths get HTML pages."""
    json_http = app.exception_handlers[StarletteHTTPException]
    json_any = app.exception_handlers[Exception]

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if _wants_json(request):
            return await _call(json_http, request, exc)
        from service.web.routes import render_error

        title, message = _PAGES.get(
            exc.status_code,
            ("Sorry, there is a problem", "Go back and try again."),
        )
        return render_error(request, exc.status_code, title, message, show_new_request=True)

    async def unexpected_error(request: Request, exc: Exception) -> Response:
        if _wants_json(request):
            return await _call(json_any, request, exc)
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        from service.web.routes import render_error

        return render_error(
            request,
            500,
            "Sorry, there is a problem with the service",
            "Nothing you sent has been lost. Please try again in a few minutes.",
        )

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
