"""The request form over plain HTTP (no browser): bad input, CSRF, size and rate limits,
repeated submissions, unknown references and the security headers."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from service.db.engine import session_scope
from service.db.models import Request
from tests.web.conftest import RATE_LIMIT, Site


def _client(site: Site, **kwargs: Any) -> httpx.Client:
    return httpx.Client(base_url=site.base_url, timeout=30, **kwargs)


def _token(client: httpx.Client, query: str = "") -> str:
    page = client.get("/request" + query)
    assert page.status_code == 200
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, page.text
    return match.group(1)


def _post(client: httpx.Client, **fields: str) -> httpx.Response:
    data = {"csrf_token": _token(client), **fields}
    return client.post("/request", data=data)


def _summary(response: httpx.Response) -> list[tuple[str, str]]:
    """The error summary's (link target, message) pairs."""
    box = response.text.split('class="af-error-summary"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', box)


def test_empty_form_lists_each_problem_and_links_to_its_field(site: Site) -> None:
    with _client(site) as client:
        response = _post(client, document="", format="", email="")
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    summary = dict(_summary(response))
    assert set(summary) == {"document", "format"}
    assert summary["document"] == "Enter the web address of the document you need"
    # Each field says what is wrong beside it and is described by that message.
    assert 'id="document-error"' in response.text
    assert 'aria-describedby="document-hint document-error"' in response.text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"document": "not a url"}, "document", "correct format"),
        ({"document": "ftp://example.org/a.pdf"}, "document", "correct format"),
        ({"document": "https://elsewhere.example/a.pdf"}, "document", "sites this service"),
        ({"email": "someone@"}, "email", "like name@example.com"),
        ({"format": "braille-embosser"}, "format", "Select the format"),
        ({"format": "large-print", "print_size": "7"}, "print-size", "size of text"),
        ({"assistive_technology": "telepathy"}, "assistive-technology", "Select the assistive"),
        ({"assistive_technology_other": "x" * 201}, "assistive-technology-details", "200 char"),
    ],
)
def test_malformed_answers_are_explained(
    site: Site, fields: dict[str, str], field: str, message: str
) -> None:
    answers = {"document": site.document("/bad-input.pdf"), "format": "html", **fields}
    with _client(site) as client:
        response = _post(client, **answers)
    assert response.status_code == 400
    summary = dict(_summary(response))
    assert field in summary and message in summary[field], summary
    # What the person typed is kept (no answer lost to an error).
    for name, value in fields.items():
        if name in ("document", "email"):
            assert f'value="{value}"' in response.text


def test_a_missing_format_suggests_one_for_the_technology_named(site: Site) -> None:
    with _client(site) as client:
        response = _post(
            client, document=site.document("/suggest.pdf"), assistive_technology="magnifier"
        )
    summary = dict(_summary(response))
    assert "large print" in summary["format"]
    assert "Suggested for you" in response.text


def test_missing_or_wrong_csrf_token_keeps_the_answers(site: Site) -> None:
    document = site.document("/csrf.pdf")
    with _client(site) as client:
        _token(client)
        missing = client.post("/request", data={"document": document, "format": "html"})
        wrong = client.post(
            "/request", data={"document": document, "format": "html", "csrf_token": "f" * 64}
        )
    with _client(site) as no_cookie:
        other = _client(site)
        stolen = _token(other)
        other.close()
        cross_site = no_cookie.post(
            "/request", data={"document": document, "format": "html", "csrf_token": stolen}
        )
    for response in (missing, wrong, cross_site):
        assert response.status_code == 400
        assert "could not be sent securely" in response.text
        assert document in response.text
    with session_scope(site.database_url) as session:
        count = session.scalar(
            select(func.count()).select_from(Request).where(Request.document_url == document)
        )
    assert count == 0


def test_a_huge_post_body_gets_a_clear_page(site: Site) -> None:
    with _client(site) as client:
        token = _token(client)
        response = client.post(
            "/request",
            data={"csrf_token": token, "document": "https://x/" + "a" * 40_000, "format": "html"},
        )
    assert response.status_code == 413
    assert "too long" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_repeated_submission_shows_the_existing_request(site: Site) -> None:
    document = site.document("/repeat.pdf")
    answers = {"document": document, "format": "large-print", "print_size": "24"}
    with _client(site) as client:
        first = _post(client, **answers, email="Repeat@Example.org")
        second = _post(client, **answers, email="repeat@example.org")
        other_size = _post(client, **{**answers, "print_size": "20"}, email="repeat@example.org")
    assert first.status_code == 303 and first.headers["location"].endswith("/confirmation")
    public_id = first.headers["location"].split("/")[-2]
    assert second.status_code == 303
    assert second.headers["location"].endswith(f"/requests/{public_id}?existing=1")
    assert other_size.headers["location"].endswith("/confirmation")
    with _client(site) as client:
        shown = client.get(second.headers["location"])
    assert "You have already asked for this" in shown.text


def test_unknown_and_malformed_references_get_a_page_not_found(site: Site) -> None:
    with _client(site) as client:
        for path in [
            "/requests/AAAAAAAAAAAAAAAAAAAAAAAA",
            "/requests/../../etc/passwd",
            "/requests/x/confirmation",
            "/requests/AAAAAAAAAAAAAAAAAAAAAAAA/download",
            "/no-such-page",
        ]:
            response = client.get(path)
            assert response.status_code == 404, path
            assert response.headers["content-type"].startswith("text/html"), path
            assert "<h1" in response.text
        api = client.get("/api/v1/requests/AAAAAAAAAAAAAAAAAAAAAAAA")
    assert api.json()["code"] == "request-not-found"  # the API still answers JSON


def test_too_many_submissions_from_one_client_get_a_friendly_429(site: Site) -> None:
    document = site.document("/limited.pdf")
    # uvicorn trusts X-Forwarded-For from loopback, as it would from a local proxy: this
    # client looks like one address to the service, distinct from the other tests'.
    with _client(site, headers={"X-Forwarded-For": "203.0.113.9"}) as client:
        statuses = [
            _post(client, document=document, format="html").status_code
            for _ in range(RATE_LIMIT + 1)
        ]
        last = _post(client, document=document, format="html")
    assert statuses[:RATE_LIMIT] == [303] * RATE_LIMIT  # one request, then "already asked"
    assert statuses[RATE_LIMIT] == 429
    assert last.status_code == 429
    assert int(last.headers["retry-after"]) > 0
    assert "try again in" in last.text
    with _client(site) as client:  # others are not affected
        assert _post(client, document=document, format="tagged-pdf").status_code == 303


def test_security_headers(site: Site) -> None:
    with _client(site) as client:
        page = client.get("/request")
        static = client.get("/static/app.js")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "strict-transport-security" not in page.headers  # plain HTTP here
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    # No inline script, style or event handler that the policy would have to allow.
    assert "<script>" not in page.text and "<style" not in page.text
    assert not re.search(r"\s(style|on[a-z]+)=", page.text)
    assert static.status_code == 200
    with _client(site, headers={"X-Forwarded-Proto": "https"}) as client:
        secure = client.get("/request")
    assert secure.headers["strict-transport-security"].startswith("max-age=")


def test_large_print_word_document_can_be_asked_for_at_a_size(site: Site) -> None:
    document = site.document("/word.pdf")
    with _client(site) as client:
        assert 'value="large-print-docx"' in client.get("/request").text
        response = _post(client, document=document, format="large-print-docx", print_size="28")
    assert response.status_code == 303
    with session_scope(site.database_url) as session:
        request = session.scalar(select(Request).where(Request.document_url == document))
        assert request is not None
        assert (request.format, request.print_size) == ("large-print-docx", 28)


@pytest.mark.parametrize("fmt", ["docx", "epub", "text"])
def test_word_ebook_and_plain_text_can_be_asked_for(site: Site, fmt: str) -> None:
    document = site.document(f"/other-{fmt}.pdf")
    with _client(site) as client:
        assert f'value="{fmt}"' in client.get("/request").text
        # A size sent along is ignored: only large print has one.
        response = _post(client, document=document, format=fmt, print_size="28")
    assert response.status_code == 303
    with session_scope(site.database_url) as session:
        request = session.scalar(select(Request).where(Request.document_url == document))
        assert request is not None
        assert (request.format, request.print_size) == (fmt, None)
