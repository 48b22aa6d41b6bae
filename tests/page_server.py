"""A local HTTP server (127.0.0.1, an ephemeral port, in a thread) serving made-up fixture pages.

The online check's tests fetch these pages instead of the web: nothing leaves
the machine. The pages' text is invented for the tests; it quotes no outlet.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import attrs

#: A made-up quotation, and the page markup that prints it with other spacing,
#: entities, guillemets and dashes than the excerpt.
EXCERPT = "“Water security is a shared duty of the whole region” — the minister said."
FOUND_HTML = (
    "<!DOCTYPE html><html><head><title>Made-up page</title>"
    "<script>var note = 'not text';</script><style>p { color: red }</style></head>"
    "<body><h1>Invented news</h1><p>On Monday &laquo;Water&nbsp;security is a\n"
    "  <em>shared</em> duty of the whole&#160;region&raquo; &ndash; the minister said.</p>"
    "<p>Other invented text &amp; more.</p></body></html>"
)
#: The same page, its text changed: the excerpt is no longer on it.
CHANGED_HTML = (
    "<html><body><p>On Monday the minister spoke about energy, not water.</p></body></html>"
)
#: A page in Latin-1, its charset in a <meta> tag only.
LATIN1_HTML = (
    '<html><head><meta charset="iso-8859-1"></head><body>'
    "<p>The envoy said: «Café talks will go on.»</p></body></html>"
).encode("latin-1")
LATIN1_EXCERPT = '"Café talks will go on."'
#: Plain text: its angle brackets are text, not tags.
PLAIN_TEXT = "Invented line: 3 < 4 and the <b> stays.\n"


@attrs.define
class Hit:
    path: str
    user_agent: str | None
    at: float


@attrs.define
class PageServer:
    """The running server: its base address and every request it received."""

    base: str
    hits: list[Hit]

    def url(self, path: str) -> str:
        return self.base + path


def _handler(hits: list[Hit], big: int, slow: float) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def send_body(self, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            hits.append(Hit(self.path, self.headers.get("User-Agent"), time.monotonic()))
            path = self.path.split("?")[0]
            if path.startswith("/found"):
                self.send_body(FOUND_HTML.encode("utf-8"))
            elif path == "/changed":
                self.send_body(CHANGED_HTML.encode("utf-8"))
            elif path == "/latin1":
                self.send_body(LATIN1_HTML, "text/html")
            elif path == "/plain":
                self.send_body(PLAIN_TEXT.encode("utf-8"), "text/plain; charset=utf-8")
            elif path == "/gone":
                self.send_error(410)
            elif path == "/broken":
                self.send_error(500)
            elif path == "/redirect":
                self.send_response(301)
                self.send_header("Location", "/found-after-redirect")
                self.end_headers()
            elif path == "/redirect-ftp":
                self.send_response(302)
                self.send_header("Location", "ftp://127.0.0.1/found")
                self.end_headers()
            elif path == "/redirect-file":
                self.send_response(302)
                self.send_header("Location", "file:///etc/hostname")
                self.end_headers()
            elif path == "/slow":
                time.sleep(slow)
                self.send_body(FOUND_HTML.encode("utf-8"))
            elif path == "/big-early":
                filler = b"<p>" + b"Filler text. " * (big // 13) + b"</p>"
                self.send_body(FOUND_HTML.encode("utf-8") + filler)
            elif path == "/big-late":
                filler = b"<p>" + b"Filler text. " * (big // 13) + b"</p>"
                self.send_body(filler + FOUND_HTML.encode("utf-8"))
            else:
                self.send_error(404)

    return Handler


@contextmanager
def serve(*, big: int = 4096, slow: float = 3.0) -> Iterator[PageServer]:
    """Run the fixture server for the ``with`` block; pages ``/big-*`` are over ``big`` bytes."""
    hits: list[Hit] = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(hits, big, slow))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield PageServer(f"http://{host}:{port}", hits)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
