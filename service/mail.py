"""E-mail to requesters: what the message says (plain text and HTML) and how it is sent.

Composing is pure; sending is one SMTP conversation with a timeout. The Celery task in
``workers.tasks`` retries temporary failures and ``workers.notify`` records every attempt.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, select_autoescape

from service.db.models import Request, RequestState
from service.settings import Settings
from service.web.content import document_name, format_label, london_date

if TYPE_CHECKING:
    from service.alerts import Digest

TEMPLATES = Path(__file__).parent / "web" / "templates" / "email"
SMTP_TIMEOUT = 30.0

_SUBJECTS = {
    RequestState.READY: "Your accessible version of {name} is ready",
    RequestState.NEEDS_REVIEW: "Your accessible version of {name} is being checked",
    RequestState.FAILED: "We could not convert {name} automatically",
    RequestState.CANCELLED: "Your request for {name} has been cancelled",
}

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


class TemporaryMailError(Exception):
    """Sending failed in a way that may work later (server down, 4xx reply): retry."""


class PermanentMailError(Exception):
    """The server refused the message for good (5xx reply, e.g. an unknown mailbox)."""


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    text: str
    html: str


def status_url(settings: Settings, public_id: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/requests/{public_id}"


def compose(settings: Settings, request: Request, outcome: RequestState) -> Message:
    """The message telling ``request``'s requester about ``outcome``. No attachment: the
    link leads to the status page, which offers the download."""
    if not request.email:
        raise ValueError("the request has no e-mail address")
    name = document_name(request.document_url)
    context = {
        "outcome": outcome.value,
        "name": name,
        "format": format_label(request.format, request.print_size),
        "status_url": status_url(settings, request.public_id),
        "reference": request.public_id,
        "due": london_date(request.due_at),
        "error_message": request.error_message,
        "keep_days": settings.retention_days_after_delivery,
        "subject": _SUBJECTS[outcome].format(name=name),
    }
    return Message(
        to=request.email,
        subject=str(context["subject"]),
        text=_env.get_template("message.txt").render(context),
        html=_env.get_template("message.html").render(context),
    )


def staff_console_url(settings: Settings) -> str:
    return f"{settings.public_base_url.rstrip('/')}/staff"


def _staff_line(request: Request) -> dict[str, object]:
    """What staff need to find and judge one request; nothing about the requester."""
    return {
        "reference": request.public_id,
        "name": document_name(request.document_url),
        "format": format_label(request.format, request.print_size),
        "state": request.state.replace("_", " "),
        "due": london_date(request.due_at),
        "error_code": request.error_code,
        "review_reasons": list(request.artifact.review_reasons) if request.artifact else [],
    }


def compose_staff_review(settings: Settings, request: Request, staff: list[str]) -> Message:
    """Tell staff at once that ``request`` needs a person before it can go out."""
    line = _staff_line(request)
    context = {
        "kind": "review",
        "subject": f"Needs review: {line['name']} ({line['format']}), due {line['due']}",
        "request": line,
        "console_url": staff_console_url(settings),
    }
    return _staff_message(context, staff)


def compose_staff_digest(settings: Settings, digest: Digest, staff: list[str]) -> Message:
    """Each working morning: the requests due today and those overdue."""
    context = {
        "kind": "digest",
        "subject": (
            f"Requests on {digest.day:%A} {digest.day.day} {digest.day:%B %Y}: "
            f"{len(digest.due_today)} due today, {len(digest.overdue)} overdue"
        ),
        "due_today": [_staff_line(r) for r in digest.due_today],
        "overdue": [_staff_line(r) for r in digest.overdue],
        "console_url": staff_console_url(settings),
    }
    return _staff_message(context, staff)


def _staff_message(context: Mapping[str, object], staff: list[str]) -> Message:
    return Message(
        to=", ".join(staff),
        subject=str(context["subject"]),
        text=_env.get_template("staff.txt").render(context),
        html=_env.get_template("staff.html").render(context),
    )


def to_email_message(settings: Settings, message: Message) -> EmailMessage:
    email = EmailMessage()
    email["From"] = settings.mail_from
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(domain=settings.mail_from.rpartition("@")[2] or None)
    email["Auto-Submitted"] = "auto-generated"
    email.set_content(message.text)
    email.add_alternative(message.html, subtype="html")
    return email


def send(settings: Settings, message: Message) -> None:
    """Hand one message to the SMTP server; raise Temporary- or PermanentMailError."""
    if not settings.smtp_host:
        raise PermanentMailError("no SMTP server is configured (AF_SMTP_HOST)")
    email = to_email_message(settings, message)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password or "")
            smtp.send_message(email)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        if all(code >= 500 for code in codes):
            raise PermanentMailError(f"recipient refused: {codes}") from error
        raise TemporaryMailError(f"recipient deferred: {codes}") from error
    except smtplib.SMTPResponseException as error:
        text = f"{error.smtp_code} {error.smtp_error!r}"
        if error.smtp_code >= 500 and not isinstance(error, smtplib.SMTPAuthenticationError):
            raise PermanentMailError(text) from error
        raise TemporaryMailError(text) from error
    except (smtplib.SMTPException, OSError) as error:
        raise TemporaryMailError(f"{type(error).__name__}: {error}") from error
