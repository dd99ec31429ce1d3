"""Fetching a published document: the only way the service downloads anything.

A requester gives us a link, so every fetch is a request an outsider chose (SSRF). The API
calls :func:`check_document_url` to refuse a bad link with 422 before anything is fetched; the
worker calls :func:`fetch_document`, which applies the same check to every redirect hop and
again to the address it actually connected to. Nothing here knows about Celery or HTTP routes.

The rule, in one place (:func:`_address_allowed`): the origin (scheme, host, port) must be in the
allow-list, and every address the host stands for must be public, unless the operator allowed
that private network, or wrote that very IP in the allow-list.

>>> policy = SourcePolicy(allowed_origins=("https://www.london.gov.uk",))
>>> check_document_url("file:///etc/passwd", policy)
Traceback (most recent call last):
...
workers.engine.errors.SourceNotAllowedError: Only web links (http or https) can be converted.
"""

from __future__ import annotations

import hashlib
import ipaddress
import itertools
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from workers.engine.errors import (
    NotAPdfError,
    SourceNotAllowedError,
    SourceTooLargeError,
    SourceUnavailableError,
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

USER_AGENT = "accessible-formats/0.1 (+accessible format request)"

#: Readers (Acrobat among them) accept a PDF whose header is anywhere in the first 1024 bytes.
_PDF_MAGIC = b"%PDF"
_MAGIC_WINDOW = 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# After IDNA encoding a host name is letters, digits, dots and hyphens (underscores occur in the
# wild); anything else (spaces, percent signs...) is junk, not a name to look up.
_HOST_NAME = re.compile(r"[a-z0-9_.-]+")

_NOT_VALID = "That is not a valid web address. Please check the link."
_PRIVATE = "The link points to a private network address, which we cannot fetch documents from."
_TOO_SLOW = "The publisher's site was too slow to send the document. Please try again later."


@dataclass(frozen=True)
class SourcePolicy:
    """Where documents may come from and how much fetching one may cost."""

    #: Origins (scheme, host, port) documents may be fetched from, e.g. "https://www.london.gov.uk".
    allowed_origins: tuple[str, ...]
    #: Private networks the operator allows anyway (e.g. an intranet publisher).
    allowed_private_networks: tuple[IPNetwork, ...] = ()
    max_bytes: int = 50 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    #: Wall-clock cap for the whole download, so a slow trickle cannot hold a worker.
    total_timeout: float = 120.0
    max_redirects: int = 5

    def __post_init__(self) -> None:
        # Normalised once, so a typo in the setting fails at start-up and lookups are plain
        # string comparisons.
        origins = tuple(normalise_origin(origin) for origin in self.allowed_origins)
        object.__setattr__(self, "allowed_origins", origins)


@dataclass(frozen=True)
class FetchedSource:
    path: Path
    sha256: str
    size: int
    final_url: str
    content_type: str | None


def normalise_origin(origin: str) -> str:
    """The canonical form of an allow-list entry; ValueError if it is not a bare http(s) origin.

    >>> normalise_origin("HTTPS://www.London.gov.uk:443/")
    'https://www.london.gov.uk'
    >>> normalise_origin("http://127.0.0.1:8123")
    'http://127.0.0.1:8123'
    """
    try:
        url = httpx.URL(origin.strip())
    except httpx.InvalidURL as e:
        raise ValueError(f"not a valid origin: {origin!r} ({e})") from e
    if url.scheme not in _DEFAULT_PORTS:
        raise ValueError(f"origin must start with http:// or https://: {origin!r}")
    if url.userinfo or url.path != "/" or url.query or url.fragment:
        raise ValueError(f"origin must be scheme://host[:port] only: {origin!r}")
    return _origin_of(url)


def check_document_url(url: str, policy: SourcePolicy) -> None:
    """Raise SourceNotAllowedError unless ``url`` is safe to fetch under ``policy``.

    Looks the host up in DNS (a failure raises SourceUnavailableError) but sends nothing to it.
    """
    _check(url, policy)


def fetch_document(url: str, policy: SourcePolicy, dest: Path) -> FetchedSource:
    """Download the PDF at ``url`` to ``dest``, following redirects only within the policy.

    Raises a ConversionError subclass on any failure, and then leaves nothing at ``dest``.
    """
    deadline = time.monotonic() + policy.total_timeout
    # Written beside dest and renamed at the end, so a worker killed mid-download never leaves
    # a truncated file that looks complete.
    part = dest.with_name(dest.name + ".part")
    try:
        with _client(policy) as client:
            response, target = _open(client, url, policy, deadline)
            try:
                digest, size = _save(response, policy, deadline, part)
            finally:
                response.close()
        part.replace(dest)
    except httpx.TimeoutException as e:
        part.unlink(missing_ok=True)
        raise SourceUnavailableError(_TOO_SLOW, detail=f"{type(e).__name__}: {e}") from e
    except httpx.HTTPError as e:
        part.unlink(missing_ok=True)
        raise SourceUnavailableError(detail=f"{type(e).__name__}: {e}") from e
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return FetchedSource(
        path=dest,
        sha256=digest,
        size=size,
        final_url=str(target.url),
        content_type=response.headers.get("content-type"),
    )


# --- the rule ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    """A URL that passed the check, with what the peer check needs to know about it."""

    url: httpx.URL
    #: The host, when it is an IP literal; it passed the allow-list, so the operator wrote it.
    literal: IPAddress | None


def _check(url: str, policy: SourcePolicy) -> _Target:
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL as e:
        raise SourceNotAllowedError(_NOT_VALID, detail=f"unparseable URL: {e}") from e
    if parsed.scheme not in _DEFAULT_PORTS:
        raise SourceNotAllowedError(
            "Only web links (http or https) can be converted.",
            detail=f"scheme {parsed.scheme!r}",
        )
    if parsed.userinfo:
        raise SourceNotAllowedError(
            "Links containing a user name or password cannot be fetched.", detail="userinfo"
        )
    try:
        origin = _origin_of(parsed)
    except ValueError as e:
        raise SourceNotAllowedError(_NOT_VALID, detail=str(e)) from e
    if origin not in policy.allowed_origins:
        raise SourceNotAllowedError(detail=f"origin {origin} is not in the allow-list")

    host = _host(parsed)
    literal = _ip_literal(host)
    # An IP literal needs no lookup: the allow-list names it, so it is allowed as written.
    addresses = [literal] if literal is not None else _resolve(host, _port(parsed))
    for address in addresses:
        if not _address_allowed(address, literal, policy):
            raise SourceNotAllowedError(_PRIVATE, detail=f"{host} resolves to {address}")
    return _Target(parsed, literal)


def _address_allowed(address: IPAddress, literal: IPAddress | None, policy: SourcePolicy) -> bool:
    address = _unmapped(address)
    if literal is not None and address == _unmapped(literal):
        return True
    if any(address in network for network in policy.allowed_private_networks):
        return True
    return _is_public(address)


def _is_public(address: IPAddress) -> bool:
    # is_global alone is not enough: Python counts multicast (224.0.0.0/4, ff00::/8) and some
    # reserved v6 ranges as global.
    if not address.is_global or address.is_multicast or address.is_reserved:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_site_local:
            return False
        # 6to4 and Teredo addresses carry an IPv4 address that a relay may deliver to.
        embedded = [address.sixtofour, *(address.teredo or ())]
        return all(inner is None or _is_public(inner) for inner in embedded)
    return True


def _unmapped(address: IPAddress) -> IPAddress:
    """::ffff:127.0.0.1 is 127.0.0.1 (a dual-stack socket reports peers that way)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise SourceUnavailableError(
            "We could not find the publisher's site. Please check the link.",
            detail=f"DNS lookup for {host!r} failed: {e}",
        ) from e
    if not infos:
        raise SourceUnavailableError(detail=f"DNS lookup for {host!r} returned nothing")
    return [_parse_ip(str(info[4][0])) for info in infos]


def _parse_ip(text: str) -> IPAddress:
    # A link-local v6 answer carries a zone ("fe80::1%eth0"); the zone does not change the rule.
    return ipaddress.ip_address(text.partition("%")[0])


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _host(url: httpx.URL) -> str:
    # raw_host is the IDNA form httpx connects to; "example.com." names the same host.
    return url.raw_host.decode("ascii").lower().removesuffix(".")


def _port(url: httpx.URL) -> int:
    return url.port if url.port is not None else _DEFAULT_PORTS[url.scheme]


def _origin_of(url: httpx.URL) -> str:
    # Parsing with httpx (not urllib) means we check exactly the host httpx will connect to.
    host = _host(url)
    if not host or (_ip_literal(host) is None and not _HOST_NAME.fullmatch(host)):
        raise ValueError(f"not a valid host: {host!r}")
    port = _port(url)
    if not 0 < port < 65536:
        raise ValueError(f"not a valid port: {port}")
    if ":" in host:
        host = f"[{host}]"
    # httpx drops a default port only when the scheme was already lower case: do it ourselves.
    suffix = "" if port == _DEFAULT_PORTS[url.scheme] else f":{port}"
    return f"{url.scheme}://{host}{suffix}"


# --- fetching ----------------------------------------------------------------------------------


def _client(policy: SourcePolicy) -> httpx.Client:
    return httpx.Client(
        follow_redirects=False,  # each hop must pass the check, so we follow them ourselves
        # Proxy settings from the environment would make the peer we verify the proxy.
        trust_env=False,
        timeout=httpx.Timeout(
            connect=policy.connect_timeout,
            read=min(policy.read_timeout, policy.total_timeout),
            write=policy.read_timeout,
            pool=policy.connect_timeout,
        ),
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/pdf, */*;q=0.5",
            # Raw bytes on the wire are what we count against max_bytes: no decompression bombs.
            "Accept-Encoding": "identity",
        },
    )


def _open(
    client: httpx.Client, url: str, policy: SourcePolicy, deadline: float
) -> tuple[httpx.Response, _Target]:
    """Send the GET, following permitted redirects; return the final (open) response."""
    target = _check(url, policy)
    redirects = 0
    while True:
        request = client.build_request(
            "GET", target.url, extensions={"trace": _peer_guard(target, policy)}
        )
        response = client.send(request, stream=True)
        try:
            _verify_response_peer(response, target, policy)
            if response.status_code not in _REDIRECT_STATUSES:
                _require_success(response)
                return response, target
            redirects += 1
            if redirects > policy.max_redirects:
                raise SourceUnavailableError(
                    "The publisher's site sent us round in circles (too many redirects).",
                    detail=f"more than {policy.max_redirects} redirects, last {target.url}",
                )
            target = _redirect_target(response, policy)
            if time.monotonic() > deadline:
                raise SourceUnavailableError(_TOO_SLOW, detail="deadline passed while redirecting")
        except BaseException:
            response.close()
            raise
        response.close()  # a redirect's body is of no interest


def _redirect_target(response: httpx.Response, policy: SourcePolicy) -> _Target:
    location = response.headers.get("location")
    if not location:
        raise SourceUnavailableError(detail=f"{response.status_code} without Location")
    try:
        next_url = str(response.url.join(location))
    except httpx.InvalidURL as e:
        raise SourceUnavailableError(detail=f"bad Location {location!r}: {e}") from e
    try:
        return _check(next_url, policy)
    except SourceNotAllowedError as e:
        raise SourceNotAllowedError(
            "The link redirects to a site we cannot fetch documents from.",
            detail=f"redirect to {next_url}: {e.detail}",
        ) from e


def _require_success(response: httpx.Response) -> None:
    if response.status_code >= 300:
        raise SourceUnavailableError(
            f"The publisher's site answered {response.status_code} instead of sending the "
            "document. It may have moved; please check the link.",
            detail=f"HTTP {response.status_code} from {response.url}",
        )


def _peer_guard(target: _Target, policy: SourcePolicy) -> Callable[[str, dict[str, Any]], None]:
    """An httpcore trace hook that checks each new connection before any request is sent.

    The DNS answer may change between our check and httpx's own lookup (DNS rebinding), so the
    address that counts is the one the socket is connected to. Checking it here, rather than on
    the response, means an internal host never even receives our GET.
    """

    def trace(event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            stream = info["return_value"]
            try:
                _verify_peer(stream.get_extra_info("server_addr"), target, policy)
            except BaseException:
                stream.close()
                raise

    return trace


def _verify_response_peer(response: httpx.Response, target: _Target, policy: SourcePolicy) -> None:
    # Second line of defence, in case a future httpcore stops emitting the trace event above.
    # Here a missing address is tolerated: by now the peer may have closed the socket
    # (getpeername fails), and every connection was already checked when it was opened.
    stream = response.extensions.get("network_stream")
    try:
        peer = None if stream is None else stream.get_extra_info("server_addr")
    except OSError:
        peer = None
    if peer is not None:
        _verify_peer(peer, target, policy)


def _verify_peer(peer: Any, target: _Target, policy: SourcePolicy) -> None:
    if not peer:
        # Fail closed: a connection we cannot place is not one we may use.
        raise SourceUnavailableError(detail="could not read the peer address of the connection")
    address = _parse_ip(str(peer[0]))
    if not _address_allowed(address, target.literal, policy):
        raise SourceNotAllowedError(
            _PRIVATE,
            detail=f"{_host(target.url)} connected to {address} (DNS changed after the check?)",
        )


def _save(
    response: httpx.Response, policy: SourcePolicy, deadline: float, part: Path
) -> tuple[str, int]:
    """Stream the body to ``part``; return its sha256 and size."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise _too_large(policy, f"Content-Length {declared}")

    # iter_raw() without a chunk size yields each read as it arrives; with one, httpx would
    # buffer a slow trickle and our deadline check would never run.
    body = _capped(response.iter_raw(), policy, deadline)
    head = b""
    for chunk in body:  # look at the start before writing anything: do not save a non-PDF
        head += chunk
        if len(head) >= _MAGIC_WINDOW:
            break
    if _PDF_MAGIC not in head[:_MAGIC_WINDOW]:
        content_type = response.headers.get("content-type")
        raise NotAPdfError(detail=f"starts {head[:16]!r}, Content-Type {content_type!r}")

    digest = hashlib.sha256()
    size = 0
    with part.open("wb") as out:
        for chunk in itertools.chain([head], body):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _capped(chunks: Iterator[bytes], policy: SourcePolicy, deadline: float) -> Iterator[bytes]:
    """Pass chunks on until the size cap or the wall-clock deadline is passed.

    A single read can overrun the cap by at most one network read (64 KiB in httpcore) and the
    deadline by at most one read timeout; nothing past either is kept.
    """
    received = 0
    for chunk in chunks:
        received += len(chunk)
        if received > policy.max_bytes:
            raise _too_large(policy, f"body passed {policy.max_bytes} bytes")
        if time.monotonic() > deadline:
            raise SourceUnavailableError(
                _TOO_SLOW, detail=f"{received} bytes in {policy.total_timeout}s"
            )
        yield chunk


def _too_large(policy: SourcePolicy, detail: str) -> SourceTooLargeError:
    limit = policy.max_bytes
    size = f"{limit // 1_048_576} MB" if limit >= 1_048_576 else f"{max(limit // 1024, 1)} KB"
    return SourceTooLargeError(
        f"The document is larger than {size}, the most we can convert automatically.",
        detail=detail,
    )
