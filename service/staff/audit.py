"""The audit trail: one ``AuditEntry`` per staff action, sign-in attempt and sign-out."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.db.models import AuditEntry, StaffUser, utcnow

#: Longest free text kept in one entry (notes, cancellation messages).
MAX_DETAIL = 2000


def actor_of(user: StaffUser) -> str:
    return f"staff:{user.email}"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    request_id: int | None = None,
    detail: str | None = None,
) -> AuditEntry:
    """Add an entry to ``session``: it is written in the same transaction as the change it
    describes, so no change goes unrecorded and no record describes a change that failed."""
    entry = AuditEntry(
        at=utcnow(),
        actor=actor[:340],
        action=action[:40],
        request_id=request_id,
        detail=detail[:MAX_DETAIL] if detail else None,
    )
    session.add(entry)
    return entry


def for_request(session: Session, request_id: int) -> list[AuditEntry]:
    return list(
        session.scalars(
            select(AuditEntry).where(AuditEntry.request_id == request_id).order_by(AuditEntry.id)
        )
    )
