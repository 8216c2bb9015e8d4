"""What only the PostgreSQL store has to prove, on a real server (tests/postgres_fixture.py).

The contract both stores share is tested in test_feedback_store.py, on each backend.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from postgres_fixture import free_port

from uswds_components.feedback.postgres import INSTALL_HINT, MissingDriver, PostgresStore
from uswds_components.feedback.store import (
    StoreBusy,
    StoreError,
    StoreUnavailable,
    Submission,
    open_store,
)


def messages(error: BaseException) -> str:
    """The text of `error` and of every exception chained to it, as a traceback would show
    them (without the source lines, which quote the test's own literals)."""
    chained = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    text = "".join(traceback.format_exception_only(error))
    return text + messages(chained) if chained is not None else text


def together(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Run work(0..count-1) in `count` threads released at the same instant; their results, or
    the exceptions they raised."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        barrier.wait(timeout=30)
        try:
            results[index] = work(index)
        except Exception as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_open_store_picks_postgres_for_a_url(postgres_store_url: str) -> None:
    with open_store(postgres_store_url) as store:
        assert isinstance(store, PostgresStore)
        assert store.add(Submission("/x", "yes", submission_id="one")) is not None


def test_concurrent_creators_make_one_schema(postgres_store_url: str) -> None:
    # Eight servers starting at once on an empty database: none may fail.
    stores = together(8, lambda _: PostgresStore(postgres_store_url))
    errors = [store for store in stores if isinstance(store, Exception)]
    assert not errors, errors
    for store in stores:
        store.close()
    with psycopg.connect(postgres_store_url) as connection:
        tables = connection.execute(
            "SELECT relname FROM pg_class WHERE relname LIKE 'page_feedback%%' AND relkind = 'r'"
            " ORDER BY relname"
        ).fetchall()
    assert tables == [("page_feedback",), ("page_feedback_hits",)]


def test_concurrent_adds_of_one_submission_store_one_row(postgres_store_url: str) -> None:
    with PostgresStore(postgres_store_url) as store:
        ids = together(8, lambda _: store.add(Submission("/x", "yes", submission_id="retried")))
        # One insert wins; the others find its row (ON CONFLICT waits for it to commit).
        assert sum(isinstance(i, int) for i in ids) == 1 and ids.count(None) == 7, ids
        assert store.count() == 1


def test_rate_limit_is_exact_under_concurrency(postgres_store_url: str) -> None:
    # Two stores: two web servers sharing one database, hitting one key at once.
    with PostgresStore(postgres_store_url) as first, PostgresStore(postgres_store_url) as second:
        answers = together(
            16, lambda i: (first if i % 2 else second).hit("203.0.113.9", window=60, limit=5)
        )
        assert not [a for a in answers if isinstance(a, Exception)], answers
        assert answers.count(None) == 5
        assert all(0 < wait <= 60 for wait in answers if wait is not None)
        # Another key has its own window.
        assert first.hit("198.51.100.7", window=60, limit=5) is None


def test_unreachable_server_names_host_and_database_never_the_password() -> None:
    port = free_port()  # nothing listens there
    url = f"postgresql://feedback:hunter2-secret@127.0.0.1:{port}/site"
    with pytest.raises(StoreUnavailable) as raised:
        PostgresStore(url, connect_timeout=2)
    message = str(raised.value)
    assert f"127.0.0.1:{port}" in message and "database site" in message, message
    assert "hunter2" not in messages(raised.value)


def test_unknown_database_or_role_is_unavailable(postgres_url: str) -> None:
    base = postgres_url.rsplit("/", 1)[0]
    with pytest.raises(StoreUnavailable, match="database no_such_db"):
        PostgresStore(f"{base}/no_such_db")
    with pytest.raises(StoreUnavailable, match='role "nobody"'):
        PostgresStore(base.replace("postgres@", "nobody:pw-xyz@") + "/postgres")


def test_a_url_libpq_cannot_parse_is_refused_without_quoting_it() -> None:
    with pytest.raises(StoreError) as raised:
        PostgresStore("postgresql://user:pw-quoted@[::1/x")
    # libpq's own message quotes the whole URL: it is not passed on, nor chained.
    assert "pw-quoted" not in messages(raised.value)


def test_a_held_lock_is_busy_then_clears(postgres_store_url: str) -> None:
    with PostgresStore(postgres_store_url, busy_timeout=0.3) as store:
        with psycopg.connect(postgres_store_url) as holder:
            holder.execute("LOCK TABLE page_feedback IN ACCESS EXCLUSIVE MODE")
            start = time.monotonic()
            with pytest.raises(StoreBusy, match="lock timeout"):
                store.add(Submission("/x", "yes", submission_id="waited"))
            assert time.monotonic() - start < 5
        # The lock released (the holder's transaction ended): the same store writes again.
        assert store.add(Submission("/x", "yes", submission_id="waited")) is not None
        assert store.count() == 1


def test_a_connection_the_server_ended_is_replaced(postgres_store_url: str) -> None:
    with PostgresStore(postgres_store_url) as store:
        store.add(Submission("/x", "yes", submission_id="before"))

        def end_store_sessions() -> None:
            with psycopg.connect(postgres_store_url, autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )

        # Four pooled connections (four calls at once), all ended, as by a server restart.
        together(4, lambda _: store._transaction(lambda c: c.execute("SELECT pg_sleep(0.2)")))
        # With a submission_id a retry is harmless: it is retried on a new connection.
        end_store_sessions()
        assert store.add(Submission("/x", "yes", submission_id="after")) is not None
        # Without one, a retry could store it twice: the error is reported, the next call works.
        end_store_sessions()
        with pytest.raises(StoreUnavailable):
            store.add(Submission("/x", "no"))
        assert store.count() == 2


def test_read_only_store_reads_and_refuses_writes(postgres_store_url: str) -> None:
    with PostgresStore(postgres_store_url) as writer:
        writer.add(Submission("/x", "no", ("outdated",), "Old.", submission_id="one"))
    with PostgresStore(postgres_store_url, read_only=True) as reader:
        assert [row["reasons"] for row in reader.rows()] == [["outdated"]]
        with pytest.raises(StoreUnavailable):
            reader.check()
        with pytest.raises(StoreUnavailable):
            reader.add(Submission("/x", "yes"))


def test_missing_psycopg_names_the_extra(
    postgres_store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # postgres_store_url first: set up before the patch and torn down (with psycopg) after it.
    # None in sys.modules makes `import psycopg` raise ImportError, as when it is not installed.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingDriver) as raised:
        open_store(postgres_store_url)
    assert INSTALL_HINT == "pip install 'uswds-components[postgresql]'"
    assert INSTALL_HINT in str(raised.value)
    # Caught either way: as a store that cannot open, or as the missing module it is.
    assert isinstance(raised.value, StoreUnavailable)
    assert isinstance(raised.value, ImportError) and raised.value.name == "psycopg"
