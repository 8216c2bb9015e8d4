"""`python -m uswds_components.feedback`: export, serve, purge and delete, the database from
$USWDS_FEEDBACK_DB; and the development server's timeouts and bounded pool. Real files and
sockets."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from uswds_components.feedback import (
    FeedbackApp,
    FeedbackStore,
    Submission,
    make_threaded_server,
)
from uswds_components.feedback.__main__ import main, parse_age


@pytest.fixture
def db(tmp_path: Path) -> Path:
    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    for n in range(3):
        store.add(Submission("/about/", "yes", comment=f"row {n}"))
    store.close()
    return tmp_path / "feedback.sqlite3"


def age_row(db: Path, row_id: int, days: float) -> None:
    when = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE page_feedback SET created_at = ? WHERE id = ?",
            (when.isoformat(timespec="seconds"), row_id),
        )
    connection.close()


# --- purge and delete --------------------------------------------------------------------------


def test_purge_deletes_only_what_is_older(db, capsys):
    age_row(db, 1, 400)
    age_row(db, 2, 2)
    assert main(["purge", str(db), "--older-than", "365d"]) == 0
    assert "Deleted 1 submissions" in capsys.readouterr().err
    assert [row["id"] for row in FeedbackStore(db).rows()] == [2, 3]
    assert main(["purge", str(db), "--older-than", "36h"]) == 0
    assert [row["id"] for row in FeedbackStore(db).rows()] == [3]


@pytest.mark.parametrize("age", ["365", "1w", "-1d", "d", ""])
def test_purge_refuses_an_age_without_a_unit(db, age, capsys):
    with pytest.raises(SystemExit):
        main(["purge", str(db), f"--older-than={age}"])
    assert "365d" in capsys.readouterr().err
    assert FeedbackStore(db).count() == 3


def test_parse_age_units():
    assert parse_age("365d") == dt.timedelta(days=365)
    assert parse_age("12h") == dt.timedelta(hours=12)
    assert parse_age("1.5d") == dt.timedelta(hours=36)


def test_delete_by_id(db, capsys):
    assert main(["delete", str(db), "--id", "2"]) == 0
    assert [row["id"] for row in FeedbackStore(db).rows()] == [1, 3]
    assert main(["delete", str(db), "--id", "2"]) == 1
    assert "no submission with id 2" in capsys.readouterr().err


def test_purge_and_delete_use_the_environment(db, monkeypatch):
    monkeypatch.setenv("USWDS_FEEDBACK_DB", str(db))
    assert main(["delete", "--id", "1"]) == 0
    age_row(db, 2, 10)
    assert main(["purge", "--older-than", "1d"]) == 0
    assert [row["id"] for row in FeedbackStore(db).rows()] == [3]


def test_purge_of_a_missing_database_creates_nothing(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["purge", str(tmp_path / "nope.sqlite3"), "--older-than", "1d"])
    assert "does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# --- export and the environment ----------------------------------------------------------------


def test_export_uses_the_environment_when_no_database_is_given(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("USWDS_FEEDBACK_DB", str(db))
    assert main(["export", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    assert main(["export", str(tmp_path / "out.csv")]) == 0
    assert "Exported 3 rows" in capsys.readouterr().err


@pytest.mark.parametrize("value", [None, ""])
@pytest.mark.parametrize("command", [["export", "-"], ["serve"], ["purge", "--older-than", "1d"]])
def test_without_a_database_commands_fail_clearly_and_create_nothing(
    tmp_path, monkeypatch, capsys, value, command
):
    monkeypatch.chdir(tmp_path)
    if value is None:
        monkeypatch.delenv("USWDS_FEEDBACK_DB", raising=False)
    else:
        monkeypatch.setenv("USWDS_FEEDBACK_DB", value)
    with pytest.raises(SystemExit) as exited:
        main(command)
    assert exited.value.code == 2
    assert "USWDS_FEEDBACK_DB" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no page-feedback.sqlite3


def test_a_store_error_is_a_message_not_a_traceback(tmp_path, capsys):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    server_db = not_a_folder / "feedback.sqlite3"
    assert main(["serve", str(server_db), "--port", "0"]) == 1
    assert f"error: {server_db}" in capsys.readouterr().err


def _post(url: str, fields: dict, timeout: float = 10) -> int:
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        json.load(response)
        return response.status


def test_serve_uses_the_environment(tmp_path):
    db = tmp_path / "served.sqlite3"
    env = {**os.environ, "USWDS_FEEDBACK_DB": str(db), "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uswds_components.feedback", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        url = line.split(" on ")[1].split(" ")[0] + "feedback"
        assert _post(url, {"page_url": "/", "helpful": "yes"}) == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert FeedbackStore(db).count() == 1
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix == ".sqlite3") == [
        "served.sqlite3"
    ]


# --- the development server: timeouts and a bounded pool ---------------------------------------


@pytest.fixture
def server_for(tmp_path):
    servers = []

    def start(**options):
        server = make_threaded_server(FeedbackApp(tmp_path / "served.sqlite3"), **options)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server, f"http://127.0.0.1:{server.server_port}/feedback"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def stall(port: int, data: bytes) -> socket.socket:
    """A client that sends `data` (half a request) and then nothing."""
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(data)
    return client


HALF_HEADERS = b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-"
HALF_BODY = (
    b"POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    b"Content-Length: 40\r\n\r\npage_url=%2F&help"
)


def closed_within(client: socket.socket, seconds: float) -> float | None:
    """Seconds until the server ends the connection, None if it has not within `seconds`."""
    started = time.monotonic()
    client.settimeout(seconds)
    try:
        while client.recv(4096):
            pass  # an error page, then the end
    except TimeoutError:
        return None
    except OSError:
        pass  # reset: dropped all the same
    return time.monotonic() - started


def test_stalled_clients_do_not_block_others_and_are_dropped_after_the_timeout(server_for):
    server, url = server_for(workers=4, request_timeout=1.0)
    stalled = [stall(server.server_port, data) for data in (HALF_HEADERS, HALF_BODY)]
    started = time.monotonic()
    assert _post(url, {"page_url": "/", "helpful": "yes"}) == 200
    assert time.monotonic() - started < 0.9  # served while both stall
    for client in stalled:
        waited = closed_within(client, 5)
        assert waited is not None, "a stalled client was never dropped"
        assert time.monotonic() - started < 3
        client.close()


def test_a_client_trickling_bytes_is_cut_off_at_the_deadline(server_for):
    # Each byte arrives within the socket timeout: only the per-request deadline ends it.
    server, _ = server_for(workers=2, request_timeout=5.0, request_deadline=1.0)
    client = stall(server.server_port, b"POST /feedback HTTP/1.1\r\n")
    started = time.monotonic()
    dropped = False
    while time.monotonic() - started < 4:
        try:
            client.sendall(b"X")
        except OSError:
            dropped = True
            break
        time.sleep(0.2)
    if not dropped:
        dropped = closed_within(client, 0.5) is not None
    assert dropped and time.monotonic() - started < 3.5
    client.close()


def test_the_pool_is_bounded_and_an_overflow_is_answered_503(server_for):
    server, url = server_for(workers=2, queue_size=1, request_timeout=3)
    before = threading.active_count()
    stalled = [stall(server.server_port, HALF_HEADERS) for _ in range(3)]  # 2 served, 1 queued
    time.sleep(0.3)
    started = time.monotonic()
    overflow = socket.create_connection(("127.0.0.1", server.server_port))
    overflow.settimeout(5)
    reply = overflow.recv(4096)
    assert time.monotonic() - started < 2, "the overflow waited: it was queued"
    assert reply.startswith(b"HTTP/1.0 503")
    assert b"Retry-After: 1" in reply
    overflow.close()
    assert threading.active_count() == before  # no thread per connection
    # Once the stalled clients are dropped, the pool serves again.
    for client in stalled:
        closed_within(client, 6)
        client.close()
    assert _post(url, {"page_url": "/", "helpful": "yes"}) == 200
