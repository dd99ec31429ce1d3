"""WeasyPrint (and fontTools, which it uses) log to the worker at debug, not warning.

They warn about fonts and CSS on every run, which would bury the worker's own log.
"""

from __future__ import annotations

import logging

log = logging.getLogger("workers.engine.weasyprint")


class _ToDebug(logging.Handler):
    def __init__(self) -> None:
        # Their own debug output (fontTools subsetting) is far too chatty even at debug.
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("%s: %s", record.name, record.getMessage())


_routed = False


def route_weasyprint_logs() -> None:
    """Call before rendering. Done on first use, not at import, so importing the engine has
    no logging side effects."""
    global _routed
    if _routed:
        return
    for name in ("weasyprint", "fontTools"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, _ToDebug) for handler in logger.handlers):
            logger.addHandler(_ToDebug())
        logger.propagate = False
    _routed = True
