"""Small helpers shared by the public-page tests."""

from __future__ import annotations

import io
import re

import httpx
import pikepdf

from tests.web.conftest import Site

#: axe-core rule sets the project's pages and messages are held to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
#: How the tests run axe in a page: those rule sets, every violating node reported in full.
#: ``resultTypes`` only stops axe building selectors for every node that *passed* (the tests
#: read violations alone); it halves each run and finds the same violations on the same nodes.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


def blank_pdf() -> bytes:
    """A page with no text at all, like a scan: the engine sends it to staff review."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def submit(site: Site, document: str, format: str = "html", email: str = "") -> str:
    """Send the form as a browser would (CSRF cookie and token); the new request's id."""
    with httpx.Client(base_url=site.base_url, timeout=30) as client:
        form = client.get("/request")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert token
        response = client.post(
            "/request",
            data={
                "csrf_token": token.group(1),
                "document": document,
                "format": format,
                "email": email,
            },
        )
    assert response.status_code == 303, response.text
    return response.headers["location"].split("/requests/")[1].split("/")[0]
