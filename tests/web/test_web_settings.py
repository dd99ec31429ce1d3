"""The secret that signs the form's tokens must be set wherever the public can reach us."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.settings import DEV_SECRET_KEY
from service.web import security
from tests.conftest import make_settings


def test_the_development_secret_is_refused_outside_a_local_address() -> None:
    assert make_settings(public_base_url="http://localhost:8000").secret_key == DEV_SECRET_KEY
    with pytest.raises(ValidationError, match="AF_SECRET_KEY"):
        make_settings(public_base_url="https://formats.example.gov.uk")
    chosen = make_settings(public_base_url="https://formats.example.gov.uk", secret_key="s" * 32)
    assert chosen.secret_key == "s" * 32
    with pytest.raises(ValidationError, match="at least 16"):
        make_settings(secret_key="short")


def test_csrf_tokens_are_bound_to_the_cookie_and_the_secret() -> None:
    cookie = security.new_csrf_cookie()
    token = security.csrf_form_token("a" * 32, cookie)
    assert security.csrf_valid("a" * 32, cookie, token)
    assert not security.csrf_valid("b" * 32, cookie, token)
    assert not security.csrf_valid("a" * 32, security.new_csrf_cookie(), token)
    assert not security.csrf_valid("a" * 32, None, token)
    assert not security.csrf_valid("a" * 32, cookie, "")
