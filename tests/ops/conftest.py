"""Fixtures for the operations tests: a real SMTP server on loopback and staff accounts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from service.db.engine import session_scope
from service.db.models import StaffUser
from tests.web.conftest import MailCatcher


@pytest.fixture
def mail() -> Iterator[MailCatcher]:
    with MailCatcher() as catcher:
        yield catcher


def add_staff(database_url: str, *addresses: str, active: bool = True) -> None:
    with session_scope(database_url) as session:
        for address in addresses:
            # The console's own CLI hashes real passwords; these accounts never log in.
            session.add(StaffUser(email=address, password_hash="!", active=active))
