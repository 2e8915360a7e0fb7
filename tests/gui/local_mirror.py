"""A download mirror on 127.0.0.1 for tests: files, errors, short bodies, stalls.

No real network is used; each route says what the server does for one path.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from neurongui.downloads import RemoteFile


@dataclass
class Route:
    """What the server answers for a path.

    ``body`` is sent with a Content-Length of ``length`` (default its own length);
    ``status`` other than 200 sends an error; ``stall`` waits on the mirror's release
    event before answering (for timeouts); ``pause_after`` sends that many bytes, then
    waits for the release event before sending the rest (a download caught mid-file).
    """

    body: bytes = b""
    status: int = 200
    length: int | None = None
    stall: bool = False
    pause_after: int | None = None


@dataclass
class LocalMirror:
    """A running server; ``url`` is its base (ending in ``/``)."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def start(self) -> LocalMirror:
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                mirror.requests.append(self.path)
                folder, _, name = self.path.rpartition("/")
                route = mirror.routes.get(name) if folder == "/mnist" else None
                if route is None:
                    self.send_error(404)
                    return
                if route.stall:
                    mirror.release.wait(10)
                if route.status != 200:
                    self.send_error(route.status)
                    return
                self.send_response(200)
                length = len(route.body) if route.length is None else route.length
                self.send_header("Content-Length", str(length))
                self.end_headers()
                try:
                    if route.pause_after is not None:
                        self.wfile.write(route.body[: route.pause_after])
                        self.wfile.flush()
                        mirror.release.wait(10)
                        self.wfile.write(route.body[route.pause_after :])
                    else:
                        self.wfile.write(route.body)
                except OSError:  # the client gave up (cancel, timeout)
                    pass
                self.close_connection = True

            def log_message(self, *args):  # keep the test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()
        return self

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/mnist/"

    def serve(self, name: str, body: bytes, **route) -> RemoteFile:
        """Serve ``body`` as ``name``; the RemoteFile that describes it truly."""
        self.routes[name] = Route(body, **route)
        return RemoteFile(name, len(body), hashlib.sha256(body).hexdigest())

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
