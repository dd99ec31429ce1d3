"""The JSON API's request and response bodies."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from workers.engine.formats import PRINT_SIZES, OutputFormat


class CreateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document_url: str = Field(
        max_length=2048,
        description="Address of the published PDF.",
        examples=["https://www.example.gov.uk/report.pdf"],
    )
    format: OutputFormat = Field(description="The accessible format wanted.")
    print_size: int | None = Field(
        None,
        description=f"Body text size in points for large print: one of {PRINT_SIZES} "
        "(default 18). Ignored for other formats.",
    )
    assistive_technology: str | None = Field(
        None, max_length=200, description="Assistive technology the requester uses (optional)."
    )
    email: EmailStr | None = Field(None, description="Where to tell the requester (optional).")

    @field_validator("print_size")
    @classmethod
    def _known_size(cls, value: int | None) -> int | None:
        if value is not None and value not in PRINT_SIZES:
            allowed = ", ".join(str(size) for size in PRINT_SIZES)
            raise ValueError(f"print_size must be one of {allowed}")
        return value

    @field_validator("document_url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class CreatedResponse(BaseModel):
    id: str
    state: str
    status_url: str
    due_at: datetime


class ErrorInfo(BaseModel):
    code: str
    message: str


class RequestStatus(BaseModel):
    id: str
    state: str
    state_description: str
    document_url: str
    format: str
    print_size: int | None
    created_at: datetime
    updated_at: datetime
    due_at: datetime
    finished_at: datetime | None
    error: ErrorInfo | None
    review_reasons: list[str]
    download_url: str | None


class ErrorResponse(BaseModel):
    code: str
    message: str
