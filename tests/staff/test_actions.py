"""Staff actions end to end against the real service (api and worker processes, Redis,
SQLite, SMTP): retry, cancel with a message, upload a hand-remediated file, mark as contacted,
add a note. Each is audited; each change of state is an event; the requester hears by e-mail."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
from sqlalchemy import update

from service.db.engine import session_scope
from service.db.models import Request, utcnow
from tests.staff.conftest import STAFF_EMAIL, Console
from tests.staff.helpers import GOOD_HTML, act, audit_actions, request_row
from tests.support.api_client import submit, wait_for_state
from tests.web.helpers import blank_pdf

ACTOR = f"staff:{STAFF_EMAIL}"


def test_retry_converts_a_failed_request_once_its_source_is_back(
    console: Console, staff_client: httpx.Client
) -> None:
    url = console.documents.url("/actions/published-late.pdf")  # not there yet: fetch fails
    body = submit(console.base_url, url, "html", email="retry@example.org")
    assert wait_for_state(console.base_url, body["id"])["state"] == "failed"
    console.mail.wait_for("retry@example.org", "could not convert")

    console.document("/actions/published-late.pdf", title="Published late")
    response = act(staff_client, body["id"], "retry")
    assert response.status_code == 303
    assert response.headers["location"] == f"/staff/requests/{body['id']}?done=retry"
    assert wait_for_state(console.base_url, body["id"])["state"] == "ready"
    console.mail.wait_for("retry@example.org", "is ready")

    request = request_row(console, body["id"])
    changes = [(e.from_state, e.to_state, e.actor) for e in request.events]
    assert ("failed", "queued", ACTOR) in changes
    assert changes[-1][1] == "ready"
    assert audit_actions(console, body["id"]) == [(ACTOR, "retry", None)]
    # A ready request cannot be retried: the form is gone and a forged post is refused.
    page = staff_client.get(f"/staff/requests/{body['id']}")
    assert 'id="retry-button"' not in page.text
    refused = act(staff_client, body["id"], "retry")
    assert refused.status_code == 400 and "can be retried" in refused.text


def test_cancel_tells_the_requester_why(console: Console, staff_client: httpx.Client) -> None:
    console.documents.files["/actions/scan-to-cancel.pdf"] = blank_pdf()
    body = submit(
        console.base_url,
        console.documents.url("/actions/scan-to-cancel.pdf"),
        "html",
        email="cancel@example.org",
    )
    assert wait_for_state(console.base_url, body["id"])["state"] == "needs_review"

    empty = act(staff_client, body["id"], "cancel", {"message": "   "})
    assert empty.status_code == 400
    assert 'href="#cancel-message"' in empty.text and "Enter a message" in empty.text
    assert request_row(console, body["id"]).state == "needs_review"

    message = "This scan has no text. We have posted you a printed copy instead."
    assert act(staff_client, body["id"], "cancel", {"message": message}).status_code == 303
    request = request_row(console, body["id"])
    assert request.state == "cancelled" and request.error_message == message
    assert (request.events[-1].from_state, request.events[-1].actor) == ("needs_review", ACTOR)
    email = console.mail.wait_for("cancel@example.org", "has been cancelled")
    text = email.get_body(("plain",))
    assert text is not None and message in text.get_content()
    status = httpx.get(f"{console.base_url}/requests/{body['id']}", timeout=30)
    assert message in status.text
    assert audit_actions(console, body["id"]) == [(ACTOR, "cancel", message)]


def test_upload_delivers_a_hand_remediated_file(
    console: Console, staff_client: httpx.Client
) -> None:
    console.documents.files["/actions/scan-to-fix.pdf"] = blank_pdf()
    body = submit(
        console.base_url,
        console.documents.url("/actions/scan-to-fix.pdf"),
        "html",
        email="upload@example.org",
    )
    public_id = body["id"]
    assert wait_for_state(console.base_url, public_id)["state"] == "needs_review"

    for name, content, message in [
        ("fixed.txt", GOOD_HTML, "must be a Web page (HTML) file ending .html"),
        ("fixed.html", b"\x89PNG\r\n\x1a\n\x00\x00", "is not a valid Web page (HTML) file"),
        ("fixed.html", b"", "The selected file is empty"),
    ]:
        refused = act(
            staff_client, public_id, "upload", files={"file": (name, content, "text/html")}
        )
        assert refused.status_code == 400, name
        assert message in refused.text and 'href="#upload-file"' in refused.text
        assert "Traceback" not in refused.text and "/tmp" not in refused.text
    no_file = act(staff_client, public_id, "upload")
    assert no_file.status_code == 400 and "Select the remediated file" in no_file.text
    assert request_row(console, public_id).state == "needs_review"

    uploaded = act(
        staff_client,
        public_id,
        "upload",
        # The browser's claimed type is ignored: the name and the bytes decide.
        files={"file": ("annual-report-fixed.html", GOOD_HTML, "application/octet-stream")},
    )
    assert uploaded.status_code == 303
    request = request_row(console, public_id)
    assert request.state == "ready"
    assert request.artifact is not None and request.artifact.engine_version == "staff-upload"
    report = request.artifact.check_report
    assert report["passed"] is True and report["checks"], report
    assert report["notes"][0] == "Hand-remediated file uploaded by staff."
    assert (request.events[-1].from_state, request.events[-1].to_state) == ("needs_review", "ready")
    console.mail.wait_for("upload@example.org", "is ready")

    detail = staff_client.get(f"/staff/requests/{public_id}")
    assert "By hand: uploaded by staff" in detail.text
    assert "every automatic check passed" in detail.text
    # Staff can look at the output without it counting as the requester's download …
    looked = staff_client.get(f"/staff/requests/{public_id}/output")
    assert looked.status_code == 200 and looked.content == GOOD_HTML
    assert request_row(console, public_id).state == "ready"
    # … and the requester downloads exactly the file staff uploaded.
    download = httpx.get(f"{console.base_url}/requests/{public_id}/download", timeout=30)
    assert download.status_code == 200 and download.content == GOOD_HTML
    assert request_row(console, public_id).state == "delivered"
    actions = [action for _, action, _ in audit_actions(console, public_id)]
    assert actions == ["upload", "view-output"]


def test_contacted_and_notes_are_recorded_and_shown(
    console: Console, staff_client: httpx.Client
) -> None:
    url = console.documents.url("/actions/never-published.pdf")
    body = submit(console.base_url, url, "html")
    public_id = body["id"]
    assert wait_for_state(console.base_url, public_id)["state"] == "failed"
    # Make it overdue, as it would be a week later.
    with session_scope(console.database_url) as session:
        session.execute(
            update(Request)
            .where(Request.public_id == public_id)
            .values(due_at=utcnow() - timedelta(hours=1))
        )
    overdue = staff_client.get("/staff/requests", params={"due": "overdue", "q": public_id})
    assert public_id in overdue.text

    assert act(staff_client, public_id, "notes", {"note": ""}).status_code == 400
    note = "Phoned the publisher: the report is withdrawn.\nRequester to be told by letter."
    assert act(staff_client, public_id, "notes", {"note": note}).status_code == 303
    assert act(staff_client, public_id, "contacted").status_code == 303

    request = request_row(console, public_id)
    assert request.contacted_at is not None
    assert request.state == "failed"  # neither action changes the state: no new event
    assert [e.to_state for e in request.events] == ["queued", "processing", "failed"]
    assert audit_actions(console, public_id) == [(ACTOR, "note", note), (ACTOR, "contacted", None)]
    page = staff_client.get(f"/staff/requests/{public_id}")
    assert "Phoned the publisher: the report is withdrawn." in page.text
    assert "Contacted by staff" in page.text
    # Contacted: it no longer counts as overdue.
    overdue = staff_client.get("/staff/requests", params={"due": "overdue", "q": public_id})
    assert "No requests match these filters" in overdue.text


def test_list_filters_and_pages(console: Console, staff_client: httpx.Client) -> None:
    now = utcnow()
    with session_scope(console.database_url) as session:
        for number in range(30):
            session.add(
                Request(
                    document_url=f"https://www.example.gov.uk/paging/doc-{number:02}.pdf",
                    format="large-print" if number % 3 == 0 else "html",
                    print_size=18 if number % 3 == 0 else None,
                    state="failed" if number % 2 else "ready",
                    created_at=now - timedelta(minutes=number),
                    updated_at=now,
                    due_at=now + timedelta(days=7),
                )
            )
    first = staff_client.get("/staff/requests", params={"q": "/paging/"})
    assert "Showing 1 to 25 of 30 requests" in first.text and "Page 1 of 2" in first.text
    assert "doc-00.pdf" in first.text and "doc-29.pdf" not in first.text
    second = staff_client.get("/staff/requests", params={"q": "/paging/", "page": "2"})
    assert "Showing 26 to 30 of 30 requests" in second.text and "doc-29.pdf" in second.text
    failed_large = staff_client.get(
        "/staff/requests", params={"q": "/paging/", "state": "failed", "format": "large-print"}
    )
    # Odd numbers divisible by 3 below 30: 3, 9, 15, 21, 27.
    assert "Showing 1 to 5 of 5 requests" in failed_large.text
    # Nonsense filters are ignored, never an error page.
    odd = staff_client.get(
        "/staff/requests", params={"state": "<script>", "page": "-1", "due": "x", "q": "/paging/"}
    )
    assert odd.status_code == 200 and "<script>" not in odd.text
    summary = staff_client.get("/staff/api/summary").json()
    assert summary["counts"]["failed"] >= 15


def test_the_dashboard_shows_what_the_worker_is_converting(
    console: Console, staff_client: httpx.Client
) -> None:
    # Long enough that the conversion is still running when the dashboard asks.
    url = console.document("/actions/long-report.pdf", pages=120, title="A long report")
    body = submit(console.base_url, url, "large-print")
    seen = ""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        seen = staff_client.get("/staff").text
        if f'href="/staff/requests/{body["id"]}">{body["id"][:8]}' in seen:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the dashboard never showed the conversion in progress")
    assert "converting" in seen
    wait_for_state(console.base_url, body["id"], timeout=300)
