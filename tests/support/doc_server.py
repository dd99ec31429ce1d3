"""A real HTTP server on 127.0.0.1 standing in for a publisher's website."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Route = Callable[[BaseHTTPRequestHandler], None]


class DocumentServer:
    """Serves byte strings at paths; ``slow`` paths trickle their body out over seconds."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.slow: dict[str, float] = {}
        #: Paths that are slow only the first time they are fetched.
        self.slow_once: set[str] = set()
        self.redirects: dict[str, str] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                path = urlsplit(self.path).path
                server.hits[path] = server.hits.get(path, 0) + 1
                if path in server.redirects:
                    self.send_response(302)
                    self.send_header("Location", server.redirects[path])
                    self.end_headers()
                    return
                body = server.files.get(path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                duration = server.slow.get(path)
                if path in server.slow_once:
                    server.slow.pop(path, None)
                    server.slow_once.discard(path)
                if duration is None:
                    self.wfile.write(body)
                    return
                chunks = 20
                step = max(1, len(body) // chunks)
                for start in range(0, len(body), step):
                    self.wfile.write(body[start : start + step])
                    self.wfile.flush()
                    time.sleep(duration / chunks)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> DocumentServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str) -> str:
        return self.origin + path
