"""One HTTP GET, bounded: the only way the tracker reads from the web.

Every request names the tracker and its version in its User-Agent, gives up after ``timeout``
seconds (connecting, waiting, and reading the whole body), reads at most ``max_bytes`` (after
decompression), and follows at most a few redirects, to http(s) addresses only. A request that
fails raises FetchFailed with a reason for the analyst (what went wrong and what to do), which the
feeds and pages store and `tracker status` shows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    HTTPError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    SSLError,
    TimeoutError,
)

from tracker import __version__

USER_AGENT = f"tension-tracker/{__version__} (bilateral-relations tension tracker; reads news feeds and articles)"
DEFAULT_TIMEOUT = 20.0  # seconds for the whole request, body included
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # as a dropped text file (readers.DEFAULT_MAX_BYTES)
MAX_REDIRECTS = 5
WEB_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024

# One pool for the process (urllib3's PoolManager is thread-safe): it reuses connections to a host.
_POOL = urllib3.PoolManager(num_pools=20, retries=False)


class FetchFailed(Exception):
    """A request that gave nothing usable; ``reason`` says why and what to do."""

    def __init__(self, reason: str, *, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after  # seconds the server asked us to wait (429, 503), if it said


@dataclass(frozen=True)
class Fetched:
    """What a GET gave: the body (empty when not modified), the final URL, and the validators."""

    url: str  # after redirects
    status: int  # 200, or 304 when the validators sent still hold
    body: bytes
    content_type: str  # "text/html", without parameters; "" when the server gave none
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_web_url(url: str) -> str:
    """The URL, if it is an http(s) address with a host; FetchFailed otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise FetchFailed(f"{url!r} is not a web address; give an http:// or https:// URL")
    return url.strip()


def fetch(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
    etag: str | None = None, last_modified: str | None = None, accept: str = "*/*",
) -> Fetched:
    """GET ``url``; with ``etag``/``last_modified`` (from an earlier answer) a 304 means unchanged."""
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = check_web_url(url)
    for _ in range(MAX_REDIRECTS + 1):
        response = _request(current, headers, deadline, timeout)
        try:
            location = response.headers.get("Location")
            if response.status in (301, 302, 303, 307, 308) and location:
                current = _redirect_target(current, location)
                continue
            return _answer(current, response, deadline, timeout, max_bytes)
        finally:
            response.release_conn()
    raise FetchFailed(f"more than {MAX_REDIRECTS} redirects from {url}; open it in a browser to see where it leads")


def _request(url: str, headers: dict[str, str], deadline: float, timeout: float) -> urllib3.BaseHTTPResponse:
    remaining = _remaining(deadline, timeout)
    try:
        return _POOL.request(
            "GET", url, headers=headers, redirect=False, preload_content=False, decode_content=True,
            timeout=urllib3.Timeout(connect=remaining, read=remaining),
        )
    except (TimeoutError, MaxRetryError, HTTPError) as exc:
        raise FetchFailed(_network_reason(exc, timeout)) from None


def _redirect_target(current: str, location: str) -> str:
    target = urljoin(current, location)
    if urlsplit(target).scheme.lower() not in WEB_SCHEMES:
        raise FetchFailed(f"the server redirected to {target[:200]!r}, which is not a web address; not followed")
    return target


def _answer(url: str, response: urllib3.BaseHTTPResponse, deadline: float, timeout: float, max_bytes: int) -> Fetched:
    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if response.status == 304:
        return Fetched(url, 304, b"", content_type, etag, modified)
    if response.status != 200:
        raise FetchFailed(_status_reason(response), retry_after=_retry_after(response.headers.get("Retry-After")))
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(_too_large(max_bytes, int(declared)))
    return Fetched(url, 200, _read_body(response, deadline, timeout, max_bytes), content_type, etag, modified)


def _read_body(response: urllib3.BaseHTTPResponse, deadline: float, timeout: float, max_bytes: int) -> bytes:
    """The body, decompressed, stopped at max_bytes and at the deadline (a server that trickles
    bytes would otherwise keep each read under the socket timeout forever)."""
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.stream(_CHUNK, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise FetchFailed(_too_large(max_bytes))
            chunks.append(chunk)
            _remaining(deadline, timeout)
    except (TimeoutError, HTTPError) as exc:
        raise FetchFailed(_network_reason(exc, timeout)) from None
    return b"".join(chunks)


def _remaining(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchFailed(_timed_out(timeout))
    return left


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s (the server is slow or down); it is tried again later"


def _too_large(max_bytes: int, declared: int | None = None) -> str:
    size = f" ({declared / 1048576:.1f} MB)" if declared else ""
    return (f"larger than the {max_bytes / 1048576:.1f} MB limit{size}: not one news article; "
            "save the article's text and drop it in the drop folder instead")


def _status_reason(response: urllib3.BaseHTTPResponse) -> str:
    status = f"{response.status} {response.reason or ''}".strip()
    if response.status in (404, 410):
        return f"the server answered {status}: the page is not (or no longer) there; check the URL"
    if response.status in (401, 403):
        return f"the server answered {status}: the page is behind a login or refuses robots"
    if response.status == 429 or response.status >= 500:
        return f"the server answered {status} (overloaded or failing); it is tried again later"
    return f"the server answered {status}; check the URL in a browser"


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _network_reason(exc: Exception, timeout: float) -> str:
    cause = getattr(exc, "reason", None) or exc
    # NewConnectionError is a ConnectTimeoutError in urllib3: ask about it (and DNS) first.
    if isinstance(cause, NameResolutionError):
        return "the host name is unknown (DNS); check the URL"
    if isinstance(cause, SSLError):
        return f"the secure connection failed ({str(cause)[:160]}); check the URL or the site's certificate"
    if isinstance(cause, NewConnectionError):
        return "the server could not be reached (connection refused or no route); it is tried again later"
    if isinstance(cause, TimeoutError):
        return _timed_out(timeout)
    return f"the connection failed ({type(cause).__name__}: {str(cause)[:160]}); it is tried again later"
