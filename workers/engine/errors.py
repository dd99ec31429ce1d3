"""One hierarchy of errors, each with a code a person can look up and a message they can act on.

Every error that reaches a requester comes from here. ``code`` is stable (it is stored on the
request row and listed in ``docs/errors.md``); ``message`` is written for a member of the
public, never contains a path, a stack trace or another person's data.
"""

from __future__ import annotations


class ConversionError(Exception):
    """Base class: the conversion could not be done, for a reason we can explain."""

    code: str = "conversion-failed"
    message: str = (
        "We could not convert this document automatically. A member of staff will look at it."
    )
    #: True when the input (not our code) is at fault, so retrying the same input is pointless.
    bad_input: bool = True

    def __init__(self, message: str | None = None, *, detail: str | None = None) -> None:
        if message is not None:
            self.message = message
        #: For logs only (may name internal things); never shown to the requester.
        self.detail = detail
        super().__init__(self.message)


class NotAPdfError(ConversionError):
    code = "not-a-pdf"
    message = "The document is not a PDF file. Please check the link points to a PDF."


class EncryptedPdfError(ConversionError):
    code = "encrypted-pdf"
    message = (
        "The document is protected with a password, so we cannot open it. Please ask the "
        "publisher for an unprotected copy."
    )


class CorruptPdfError(ConversionError):
    code = "corrupt-pdf"
    message = (
        "The document is damaged and cannot be read. Please tell the publisher; a member of "
        "staff can also help."
    )


class TooManyPagesError(ConversionError):
    code = "too-many-pages"
    message = "The document has too many pages for automatic conversion."


class SourceTooLargeError(ConversionError):
    code = "source-too-large"
    message = "The document is too large for automatic conversion."


class SourceNotAllowedError(ConversionError):
    """The document URL is outside the allowed sources (or otherwise unsafe to fetch)."""

    code = "source-not-allowed"
    message = "We can only convert documents published on the sites this service serves."


class SourceUnavailableError(ConversionError):
    """The publisher's site did not give us the document (HTTP error, timeout, refused)."""

    code = "source-unavailable"
    message = (
        "We could not download the document from the publisher's site. It may have moved or "
        "the site may be down."
    )
    bad_input = False


class ConversionTimeoutError(ConversionError):
    code = "conversion-timeout"
    message = "The document took too long to convert automatically. A member of staff will help."
    bad_input = False


class ConversionCrashedError(ConversionError):
    code = "conversion-crashed"
    message = (
        "The conversion stopped unexpectedly several times. A member of staff will look at it."
    )
    bad_input = False


class DocumentTooComplexError(ConversionError):
    """The conversion needed more memory than a conversion process may use."""

    code = "document-too-complex"
    message = (
        "The document is too complex to convert automatically. A member of staff will look at it."
    )


class RenderError(ConversionError):
    """A renderer or an external program failed on an input that opened correctly."""

    code = "render-failed"
    bad_input = False


def must_pass_through(exc: BaseException) -> bool:
    """True if the engine must re-raise ``exc`` unchanged rather than wrap it in RenderError.

    Our own errors are already explained. A Celery soft time limit is raised inside whatever
    code is running when it fires; wrapped, it would be reported as a renderer failure instead
    of a timeout. The engine cannot import Celery (or billiard), so it is recognised by name.
    """
    if isinstance(exc, ConversionError):
        return True
    return any(cls.__name__ == "SoftTimeLimitExceeded" for cls in type(exc).__mro__)
