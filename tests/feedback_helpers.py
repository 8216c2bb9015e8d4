"""One request through the feedback receiver's WSGI app, with no server: for its tests."""

from __future__ import annotations

import io
import urllib.parse
from wsgiref.util import setup_testing_defaults

from uswds_components.feedback import FeedbackApp


def call(
    app: FeedbackApp,
    fields: dict | None = None,
    *,
    accept: str = "text/html,application/xhtml+xml,*/*;q=0.8",
    method: str = "POST",
    body: bytes | None = None,
    content_type: str = "application/x-www-form-urlencoded",
    content_length: str | None = None,
    cookie: str | None = None,
    path: str = "/feedback",
    query: str = "",
    **headers: str,
) -> tuple[str, dict[str, str], str]:
    """Status, headers and body text of one request; `headers` are environ keys (HTTP_ORIGIN)."""
    if body is None:
        body = urllib.parse.urlencode(fields or {}, doseq=True).encode()
    environ: dict = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)) if content_length is None else content_length,
        "HTTP_ACCEPT": accept,
        "wsgi.input": io.BytesIO(body),
        **headers,
    }
    if cookie is not None:
        environ["HTTP_COOKIE"] = cookie
    setup_testing_defaults(environ)  # Host 127.0.0.1, scheme http
    answer: dict = {}

    def start_response(status: str, response_headers: list[tuple[str, str]]) -> None:
        answer["status"], answer["headers"] = status, dict(response_headers)

    text = b"".join(app(environ, start_response)).decode("utf-8")
    assert int(answer["headers"]["Content-Length"]) == len(text.encode("utf-8"))
    return answer["status"], answer["headers"], text
