"""Crash the receiver mid-load (kill -9, twice) on both stores: no acknowledged row is lost.

A real gunicorn (4 sync workers) on 127.0.0.1, clients posting from 6 threads; each client
keeps the submission_id of every 200 it got. The master and its workers are killed by PID
while requests are in flight, restarted, loaded again and killed again. Then every
acknowledged submission must be in the store, and a SQLite file must pass integrity_check.
About 5 s per store.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedback_wsgi import Gunicorn, Load

from uswds_components.feedback.store import open_store

WORKERS = 4
CLIENTS = 6
FIRST_LOAD = 2.0  # seconds of load before the first kill
SECOND_LOAD = 1.5  # after the restart, before the second


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "feedback.sqlite3")
    return request.getfixturevalue("postgres_store_url")


@pytest.fixture
def server(target: str, tmp_path: Path) -> Iterator[Gunicorn]:
    # The schema first, as a deployment does: the workers then race only on writes.
    open_store(target).close()
    gunicorn = Gunicorn(target, workers=WORKERS, log=tmp_path / "gunicorn.log")
    try:
        yield gunicorn
    finally:
        gunicorn.kill()  # also when the test failed midway: nothing left running


def wait_for_acks(load: Load, at_least: int, seconds: float) -> int:
    """Load for `seconds`, and longer (up to 30 s) until `at_least` more posts were acknowledged:
    a busy machine must not turn the kill into one between requests."""
    before, _ = load.snapshot()
    time.sleep(seconds)
    deadline = time.monotonic() + 30
    while load.snapshot()[0] - before < at_least and time.monotonic() < deadline:
        time.sleep(0.05)
    return load.snapshot()[0] - before


def test_no_acknowledged_submission_is_lost_to_kill_9(
    server: Gunicorn, target: str, request: pytest.FixtureRequest
) -> None:
    server.start()
    with Load(server.port, CLIENTS) as load:
        first = wait_for_acks(load, 20, FIRST_LOAD)
        server.kill()  # requests in flight: the clients never stop
        server.start()
        load.port = server.port
        second = wait_for_acks(load, 20, SECOND_LOAD)
        server.kill()

    store = open_store(target)
    try:
        stored = {row["submission_id"] for row in store.rows()}
        count = store.count()
    finally:
        store.close()
    missing = [key for key in load.acknowledged if key not in stored]
    backend = request.node.callspec.params["target"]
    print(
        f"\n{backend}: {len(load.acknowledged)} acknowledged ({first} before the first kill,"
        f" {second} after the restart), {count} stored, {len(missing)} missing;"
        f" replies {dict(load.statuses)}"
    )
    assert first >= 20 and second >= 20, "too little load to prove anything"
    assert not missing, f"{len(missing)} acknowledged submissions lost, e.g. {missing[:3]}"
    # Every acknowledged post is one row; a post killed before its reply may be stored too.
    assert count >= len(load.acknowledged)
    assert len(stored) == count, "a submission_id stored twice"
    if backend == "sqlite":
        with sqlite3.connect(target) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
