"""A stand-in for Kolada's API v3 on 127.0.0.1, in the shapes the real one
answers: pages linked by next_url, rows with values per gender, groups
with count. Tests script answers per path; the server records every request."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: object = None  # JSON-able, or bytes sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class FakeKolada:
    def __init__(self) -> None:
        # path → answers in order; the last one repeats.
        self.answers: dict[str, list[Answer]] = {}
        self.requests: list[tuple[str, dict[str, list[str]]]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True  # a slow answer never holds up shutdown
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v3"

    def on(self, path: str, *answers: Answer) -> None:
        self.answers[path] = list(answers)

    def json(self, path: str, values: list, next_url: str | None = None) -> None:
        self.on(path, Answer(body=page(values, next_url)))

    def paths(self) -> list[str]:
        return [path for path, _query in self.requests]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                path = parts.path.removeprefix("/v3")
                fake.requests.append((path, parse_qs(parts.query)))
                queue = fake.answers.get(path)
                answer = (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else \
                    Answer(404, {"error": "not found"})
                if answer.delay:
                    time.sleep(answer.delay)
                body = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode()
                try:
                    self.send_response(answer.status)
                    for key, value in {"Content-Type": "application/json", **answer.headers}.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        return Handler


def page(values: list, next_url: str | None = None) -> dict:
    return {"values": values, "count": len(values), "next_url": next_url, "previous_url": None}


def row(kpi: str, municipality: str, year: int, value: float | None, count: int = 1) -> dict:
    return {"kpi": kpi, "municipality": municipality, "period": year,
            "values": [{"gender": "T", "count": count, "status": "", "value": value, "isdeleted": False},
                       {"gender": "K", "count": count, "status": "", "value": value, "isdeleted": False}]}


def kpi(id: str, title: str, description: str = "") -> dict:
    return {"id": id, "title": title, "description": description or f"Beskrivning av {title}.",
            "operating_area": "Äldreomsorg", "municipality_type": "K", "publication_date": "2024-03-01",
            "prel_publication_date": None, "is_divided_by_gender": 0, "auspice": "X"}
