"""workers.sources against real HTTP servers on 127.0.0.1.

Nothing here sends a packet beyond loopback: names other than "localhost" are only ever looked
up through ``fake_dns``, which replaces the lookup workers.sources makes (httpx's own lookup is
untouched) and is used only where nothing connects, or where httpx's real lookup gives loopback.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
import types
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from workers import sources
from workers.engine.errors import (
    NotAPdfError,
    SourceNotAllowedError,
    SourceTooLargeError,
    SourceUnavailableError,
)
from workers.sources import (
    USER_AGENT,
    SourcePolicy,
    check_document_url,
    fetch_document,
    normalise_origin,
)

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * (4 * 1024 * 1024)
CAP = 64 * 1024
BLOCK = 16 * 1024
#: The "endless" bodies stop here, so a broken client cannot hang the suite.
ENDLESS = 64 * 1024 * 1024


class Site(ThreadingHTTPServer):
    """A publisher on an ephemeral loopback port, recording what it was asked and sent."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.paths: list[str] = []
        self.user_agents: list[str | None] = []
        self.body_bytes_sent = 0

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Site

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        self.server.user_agents.append(self.headers.get("User-Agent"))
        url = urlsplit(self.path)
        route = url.path
        try:
            if route == "/doc.pdf":
                self._send(200, PDF, {"Content-Type": "application/pdf"})
            elif route == "/redirect":
                self._send(302, b"", {"Location": parse_qs(url.query)["to"][0]})
            elif route == "/loop":
                self._send(302, b"", {"Location": "/loop"})
            elif route == "/missing":
                self._send(404, b"<h1>Not found</h1>", {"Content-Type": "text/html"})
            elif route == "/photo.jpg":  # a JPEG that claims to be a PDF
                self._send(200, JPEG, {"Content-Type": "application/pdf"})
            elif route == "/exact":  # exactly the cap, chunked
                self._send_chunked(PDF + b"\0" * (CAP - len(PDF)))
            elif route == "/big-declared":
                self._send_endless({"Content-Length": str(ENDLESS)})
            elif route == "/big-chunked":
                self._send_endless({"Transfer-Encoding": "chunked"})
            elif route == "/trickle":
                self._send_trickle()
            elif route == "/stall":
                self._send_headers(200, {"Content-Length": "100"})
                time.sleep(2)
            else:
                self._send(404, b"", {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up, which is what several tests want

    def _send_headers(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in {"Connection": "close", **headers}.items():
            self.send_header(name, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self._send_headers(status, {"Content-Length": str(len(body)), **headers})
        self.wfile.write(body)
        self.server.body_bytes_sent += len(body)

    def _send_chunked(self, body: bytes) -> None:
        self._send_headers(200, {"Transfer-Encoding": "chunked"})
        for start in range(0, len(body), BLOCK):
            self._write_chunk(body[start : start + BLOCK])
        self.wfile.write(b"0\r\n\r\n")

    def _write_chunk(self, block: bytes) -> None:
        self.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
        self.server.body_bytes_sent += len(block)

    def _send_endless(self, headers: dict[str, str]) -> None:
        self._send_headers(200, {"Content-Type": "application/pdf", **headers})
        chunked = "Transfer-Encoding" in headers
        block = b"%PDF-1.4\n" + b"\0" * (BLOCK - 9)
        while self.server.body_bytes_sent < ENDLESS:
            if chunked:
                self._write_chunk(block)
            else:
                self.wfile.write(block)
                self.server.body_bytes_sent += len(block)

    def _send_trickle(self) -> None:
        self._send_headers(200, {"Content-Length": "1000", "Content-Type": "application/pdf"})
        self.wfile.write(b"%PDF-1.4\n")
        for _ in range(200):  # one byte every 50 ms: would take 10 s in all
            time.sleep(0.05)
            self.wfile.write(b"\0")
            self.server.body_bytes_sent += 1


def _serve() -> Iterator[Site]:
    site = Site()
    Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield site
    site.shutdown()
    site.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    yield from _serve()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second loopback server that is not in the allow-list."""
    yield from _serve()


def policy_for(*origins: str, **overrides: Any) -> SourcePolicy:
    settings: dict[str, Any] = {
        "max_bytes": CAP,
        "connect_timeout": 1.0,
        "read_timeout": 0.5,
        "total_timeout": 1.0,
        "max_redirects": 3,
        **overrides,
    }
    return SourcePolicy(allowed_origins=origins, **settings)


@pytest.fixture
def bytes_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the body bytes workers.sources takes from httpx."""
    total = [0]
    original = httpx.Response.iter_raw

    def counting(self: httpx.Response, chunk_size: int | None = None) -> Iterator[bytes]:
        for chunk in original(self, chunk_size):
            total[0] += len(chunk)
            yield chunk

    monkeypatch.setattr(httpx.Response, "iter_raw", counting)
    return total


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make workers.sources' own DNS lookups answer from a table (httpx is unaffected)."""

    def install(answers: dict[str, list[str]]) -> None:
        def getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
            if host not in answers:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return [
                (
                    socket.AF_INET6 if ":" in ip else socket.AF_INET,
                    socket.SOCK_STREAM,
                    6,
                    "",
                    (ip, port),
                )
                for ip in answers[host]
            ]

        fake = types.SimpleNamespace(getaddrinfo=getaddrinfo, SOCK_STREAM=socket.SOCK_STREAM)
        monkeypatch.setattr(sources, "socket", fake)

    return install


def assert_nothing_saved(dest: Path) -> None:
    assert not dest.exists()
    assert not dest.with_name(dest.name + ".part").exists()


# --- normalise_origin --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://www.london.gov.uk", "https://www.london.gov.uk"),
        ("HTTPS://www.London.GOV.uk/", "https://www.london.gov.uk"),
        ("https://www.london.gov.uk:443", "https://www.london.gov.uk"),
        ("http://example.org:80/", "http://example.org"),
        ("http://example.org:443", "http://example.org:443"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("http://[::1]:8123/", "http://[::1]:8123"),
        ("  https://example.org.  ", "https://example.org"),
        ("https://bücher.example", "https://xn--bcher-kva.example"),
    ],
)
def test_normalise_origin(given: str, expected: str) -> None:
    assert normalise_origin(given) == expected


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "www.london.gov.uk",
        "ftp://example.org",
        "file:///etc",
        "https://",
        "https://example.org/documents",
        "https://example.org?x=1",
        "https://example.org#top",
        "https://user:pw@example.org",
        "https://example.org:0",
        "https://example.org:99999",
        "https://example.org:port",
        "https://exa mple.org",
    ],
)
def test_normalise_origin_rejects_junk(junk: str) -> None:
    with pytest.raises(ValueError):
        normalise_origin(junk)


def test_policy_normalises_its_origins() -> None:
    policy = SourcePolicy(allowed_origins=("HTTPS://Example.org:443/",))
    assert policy.allowed_origins == ("https://example.org",)


# --- check_document_url ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "http or https"),
        ("gopher://127.0.0.1:70/_", "http or https"),
        ("ftp://127.0.0.1/doc.pdf", "http or https"),
        ("data:application/pdf;base64,JVBERi0=", "http or https"),
        ("/doc.pdf", "http or https"),
        ("http://user:pass@127.0.0.1:8123/doc.pdf", "user name or password"),
        # urllib and httpx disagree about backslashes; userinfo is refused either way.
        ("http://127.0.0.1:8123\\@evil.example/doc.pdf", "user name or password"),
        ("http://[::1/doc.pdf", "not a valid web address"),
        ("http://exa mple.org/doc.pdf", "not a valid web address"),
        ("http://127.0.0.1:8124/doc.pdf", "sites this service serves"),
        ("https://127.0.0.1:8123/doc.pdf", "sites this service serves"),
        ("http://localhost:8123/doc.pdf", "sites this service serves"),
        ("http://[::1]:8123/doc.pdf", "sites this service serves"),
        ("http://169.254.169.254/latest/meta-data/", "sites this service serves"),
    ],
)
def test_check_refuses(url: str, message: str) -> None:
    with pytest.raises(SourceNotAllowedError) as caught:
        check_document_url(url, policy_for("http://127.0.0.1:8123"))
    assert message in caught.value.message
    assert caught.value.code == "source-not-allowed"


def test_check_allows_an_ip_the_operator_wrote() -> None:
    for origin in ("http://127.0.0.1:8123", "http://[::1]:8123", "http://169.254.169.254"):
        check_document_url(f"{origin}/doc.pdf", policy_for(origin))


def test_check_refuses_an_allowed_name_that_resolves_to_loopback() -> None:
    with pytest.raises(SourceNotAllowedError, match="private network") as caught:
        check_document_url("http://localhost:8123/doc.pdf", policy_for("http://localhost:8123"))
    assert caught.value.detail is not None and "127.0.0.1" in caught.value.detail


@pytest.mark.parametrize(
    "answer",
    [
        ["127.0.0.1"],
        ["10.1.2.3"],
        ["192.168.0.1"],
        ["169.254.169.254"],
        ["100.64.0.1"],
        ["0.0.0.0"],
        ["224.0.0.1"],
        ["::1"],
        ["::"],
        ["::ffff:127.0.0.1"],
        ["fe80::1%eth0"],
        ["fc00::1"],
        ["ff02::1"],
        ["2002:7f00:1::"],  # 6to4 wrapping 127.0.0.1
        ["93.184.215.14", "10.1.2.3"],  # one bad answer is enough
    ],
)
def test_check_refuses_names_resolving_to_non_public_addresses(
    fake_dns: Callable[..., None], answer: list[str]
) -> None:
    fake_dns({"publisher.example": answer})
    with pytest.raises(SourceNotAllowedError, match="private network"):
        check_document_url(
            "https://publisher.example/doc.pdf", policy_for("https://publisher.example")
        )


def test_check_allows_public_addresses(fake_dns: Callable[..., None]) -> None:
    fake_dns({"publisher.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]})
    check_document_url("https://publisher.example/a.pdf", policy_for("https://publisher.example"))


def test_check_allows_configured_private_networks(fake_dns: Callable[..., None]) -> None:
    fake_dns({"intranet.example": ["10.1.2.3"]})
    policy = policy_for(
        "https://intranet.example",
        allowed_private_networks=(ipaddress.ip_network("10.0.0.0/8"),),
    )
    check_document_url("https://intranet.example/doc.pdf", policy)


def test_check_reports_dns_failure_as_unavailable(fake_dns: Callable[..., None]) -> None:
    fake_dns({})
    with pytest.raises(SourceUnavailableError) as caught:
        check_document_url("https://gone.example/doc.pdf", policy_for("https://gone.example"))
    assert caught.value.code == "source-unavailable"


# --- fetch_document ----------------------------------------------------------------------------


def test_fetch_saves_the_pdf(site: Site, tmp_path: Path) -> None:
    dest = tmp_path / "source.pdf"
    fetched = fetch_document(f"{site.origin}/doc.pdf", policy_for(site.origin), dest)
    assert dest.read_bytes() == PDF
    assert fetched.path == dest
    assert fetched.sha256 == hashlib.sha256(PDF).hexdigest()
    assert fetched.size == len(PDF)
    assert fetched.final_url == f"{site.origin}/doc.pdf"
    assert fetched.content_type == "application/pdf"
    assert site.user_agents == [USER_AGENT]


def test_fetch_follows_an_allowed_redirect(site: Site, tmp_path: Path) -> None:
    fetched = fetch_document(
        f"{site.origin}/redirect?to=/doc.pdf", policy_for(site.origin), tmp_path / "s.pdf"
    )
    assert fetched.final_url == f"{site.origin}/doc.pdf"
    assert site.paths == ["/redirect?to=/doc.pdf", "/doc.pdf"]


def test_fetch_refuses_a_redirect_to_another_origin(
    site: Site, other_site: Site, tmp_path: Path
) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceNotAllowedError, match="redirects"):
        fetch_document(
            f"{site.origin}/redirect?to={other_site.origin}/doc.pdf", policy_for(site.origin), dest
        )
    assert other_site.paths == []
    assert_nothing_saved(dest)


def test_fetch_gives_up_on_a_redirect_loop(site: Site, tmp_path: Path) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceUnavailableError, match="too many redirects"):
        fetch_document(f"{site.origin}/loop", policy_for(site.origin, max_redirects=3), dest)
    assert len(site.paths) == 4  # the request and three redirects
    assert_nothing_saved(dest)


def test_fetch_reports_http_errors_without_internals(site: Site, tmp_path: Path) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceUnavailableError) as caught:
        fetch_document(f"{site.origin}/missing", policy_for(site.origin), dest)
    assert "answered 404" in caught.value.message
    assert "127.0.0.1" not in caught.value.message
    assert str(tmp_path) not in caught.value.message
    assert_nothing_saved(dest)


def test_fetch_refuses_a_non_pdf_after_the_first_bytes(
    site: Site, tmp_path: Path, bytes_read: list[int]
) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(NotAPdfError) as caught:
        fetch_document(f"{site.origin}/photo.jpg", policy_for(site.origin, max_bytes=10**8), dest)
    assert caught.value.code == "not-a-pdf"
    assert bytes_read[0] <= 64 * 1024  # one read, not the 4 MB body
    assert_nothing_saved(dest)


def test_fetch_accepts_a_body_of_exactly_the_cap(site: Site, tmp_path: Path) -> None:
    fetched = fetch_document(f"{site.origin}/exact", policy_for(site.origin), tmp_path / "s.pdf")
    assert fetched.size == CAP


def test_fetch_refuses_a_declared_oversized_body_unread(
    site: Site, tmp_path: Path, bytes_read: list[int]
) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceTooLargeError) as caught:
        fetch_document(f"{site.origin}/big-declared", policy_for(site.origin), dest)
    assert caught.value.code == "source-too-large"
    assert "64 KB" in caught.value.message
    assert bytes_read[0] == 0
    assert_nothing_saved(dest)


def test_fetch_stops_an_oversized_chunked_body_at_the_cap(
    site: Site, tmp_path: Path, bytes_read: list[int]
) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceTooLargeError):
        fetch_document(f"{site.origin}/big-chunked", policy_for(site.origin), dest)
    assert bytes_read[0] <= CAP + 64 * 1024  # at most one read past the cap
    # The server could only push what socket buffers hold before we hung up.
    time.sleep(0.2)
    assert site.body_bytes_sent < ENDLESS / 4
    assert_nothing_saved(dest)


def test_fetch_gives_up_on_a_slow_trickle(site: Site, tmp_path: Path) -> None:
    dest = tmp_path / "s.pdf"
    started = time.monotonic()
    with pytest.raises(SourceUnavailableError, match="too slow"):
        fetch_document(f"{site.origin}/trickle", policy_for(site.origin, total_timeout=1.0), dest)
    assert time.monotonic() - started < 2.0
    assert_nothing_saved(dest)


def test_fetch_gives_up_when_the_site_stops_answering(site: Site, tmp_path: Path) -> None:
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceUnavailableError, match="too slow"):
        fetch_document(f"{site.origin}/stall", policy_for(site.origin, read_timeout=0.3), dest)
    assert_nothing_saved(dest)


def test_fetch_reports_a_refused_connection(tmp_path: Path) -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        origin = f"http://127.0.0.1:{closed.getsockname()[1]}"
    with pytest.raises(SourceUnavailableError):
        fetch_document(f"{origin}/doc.pdf", policy_for(origin), tmp_path / "s.pdf")


def test_fetch_refuses_localhost_unless_loopback_is_allowed(site: Site, tmp_path: Path) -> None:
    origin = f"http://localhost:{site.server_port}"
    with pytest.raises(SourceNotAllowedError):
        fetch_document(f"{origin}/doc.pdf", policy_for(origin), tmp_path / "s.pdf")
    assert site.paths == []

    # ::1 too, for systems where localhost also resolves to it (every answer must be allowed).
    loopback = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))
    policy = policy_for(origin, allowed_private_networks=loopback)
    fetched = fetch_document(f"{origin}/doc.pdf", policy, tmp_path / "s.pdf")
    assert fetched.size == len(PDF)


def test_fetch_checks_the_connected_address_against_dns_rebinding(
    site: Site, tmp_path: Path, fake_dns: Callable[..., None]
) -> None:
    # Our lookup sees a public address; httpx's own lookup then gets the real answer, loopback.
    fake_dns({"localhost": ["93.184.215.14"]})
    origin = f"http://localhost:{site.server_port}"
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceNotAllowedError, match="private network") as caught:
        fetch_document(f"{origin}/doc.pdf", policy_for(origin), dest)
    assert caught.value.detail is not None and "connected to 127.0.0.1" in caught.value.detail
    assert site.paths == []  # refused before the request was sent
    assert_nothing_saved(dest)


def test_fetch_checks_the_response_peer_if_the_connect_hook_never_runs(
    site: Site, tmp_path: Path, fake_dns: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second line of defence, for an httpcore that stops emitting the trace event.
    monkeypatch.setattr(sources, "_peer_guard", lambda target, policy: lambda event, info: None)
    fake_dns({"localhost": ["93.184.215.14"]})
    origin = f"http://localhost:{site.server_port}"
    dest = tmp_path / "s.pdf"
    with pytest.raises(SourceNotAllowedError, match="private network"):
        fetch_document(f"{origin}/doc.pdf", policy_for(origin), dest)
    assert_nothing_saved(dest)
