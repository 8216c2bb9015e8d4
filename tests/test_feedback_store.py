"""The feedback store contract, run against every backend on a real database (no mocks), then
the SQLite store's own guarantees: busy timeout, per-thread connections, durability across
kill -9, fork, start-up errors, read-only access and migration."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from uswds_components.feedback import (
    FeedbackStore,
    SQLiteStore,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    Submission,
    open_store,
)
from uswds_components.feedback.store import Store

NOBODY = 65534


def submission(comment: str = "", **fields: Any) -> Submission:
    return Submission(
        **{"page_url": "/about/", "helpful": "no", "reasons": ("outdated",), **fields},
        comment=comment,
    )


class StoreFactory:
    """store_factory(): a fresh, empty store; store_factory(same_as=store): another store on
    the same database (a restart, or a second server); options go to the store's class."""

    def __init__(self, new_target: Callable[[], str]) -> None:
        self._new_target = new_target
        self._targets: dict[int, str] = {}
        self.opened: list[Store] = []

    def __call__(self, *, same_as: Store | None = None, **options: Any) -> Store:
        target = self._new_target() if same_as is None else self._targets[id(same_as)]
        store = open_store(target, **options)
        self._targets[id(store)] = target
        self.opened.append(store)
        return store

    def close_all(self) -> None:
        for store in self.opened:
            with contextlib.suppress(StoreError):
                store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    dropped: list[Callable[[], None]] = []
    if request.param == "sqlite":
        counter = iter(range(1_000_000))

        def new_target() -> str:
            return str(tmp_path / f"store-{next(counter)}.sqlite3")

    else:
        # A database of its own per store: nothing left from another test or store.
        from postgres_fixture import create_database, drop_database

        server = request.getfixturevalue("postgres_url")

        def new_target() -> str:
            name = f"store_{uuid.uuid4().hex[:16]}"
            dropped.append(lambda: drop_database(server, name))
            return create_database(server, name)

    factory = StoreFactory(new_target)
    yield factory
    factory.close_all()
    for drop in dropped:
        drop()


# --- the contract, on every backend ------------------------------------------------------------


def test_20_threads_of_50_adds_store_exactly_1000_rows(store_factory):
    store = store_factory()
    failures: list[BaseException] = []
    ids: list[int | None] = []

    def worker(number: int) -> None:
        for index in range(50):
            try:
                ids.append(store.add(submission(f"thread {number} add {index}")))
            except BaseException as error:
                failures.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert store.count() == 1000
    rows = store.rows()
    assert len({row["comment"] for row in rows}) == 1000
    assert sorted(ids) == sorted(row["id"] for row in rows)  # every add returned its own row


def test_a_restart_loses_nothing(store_factory):
    store = store_factory()
    first = [store.add(submission(f"before {n}")) for n in range(25)]
    before = store.rows()
    store.close()
    again = store_factory(same_as=store)
    assert again.rows() == before
    later = [again.add(submission(f"after {n}")) for n in range(5)]
    assert again.count() == 30
    assert min(later) > max(first)  # ids keep growing: none is reused


def test_rows_hold_every_field(store_factory):
    store = store_factory()
    row_id = store.add(
        Submission("/es/", "no", ("outdated", "missing"), "Línea\ndos", "es", submission_id="k1")
    )
    [row] = store.rows()
    assert row["id"] == row_id
    assert (row["page_url"], row["helpful"], row["reasons"]) == (
        "/es/",
        "no",
        ["outdated", "missing"],
    )
    assert (row["comment"], row["lang"], row["submission_id"]) == ("Línea\ndos", "es", "k1")
    created = dt.datetime.fromisoformat(str(row["created_at"]))
    assert abs(created - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_the_same_submission_id_is_stored_once(store_factory):
    store = store_factory()
    first = store.add(submission("first", submission_id="abc"))
    assert isinstance(first, int)
    assert store.add(submission("retry", submission_id="abc")) is None
    assert store.add(submission("other", submission_id="abd")) is not None
    # No id: never a duplicate.
    assert store.add(submission("x")) is not None
    assert store.add(submission("x")) is not None
    assert [(row["comment"], row["submission_id"]) for row in store.rows()] == [
        ("first", "abc"),
        ("other", "abd"),
        ("x", None),
        ("x", None),
    ]


def test_the_same_submission_id_from_many_threads_is_one_row(store_factory):
    store = store_factory()
    keys = [f"key-{n}" for n in range(5)]
    results: list[int | None] = []
    failures: list[BaseException] = []
    barrier = threading.Barrier(10)

    def worker() -> None:
        barrier.wait()  # all at once: the race the unique index settles
        for key in keys:
            try:
                results.append(store.add(submission(key, submission_id=key)))
            except BaseException as error:
                failures.append(error)

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert store.count() == 5
    assert len([result for result in results if result is not None]) == 5
    assert sorted(row["submission_id"] for row in store.rows()) == keys


@pytest.mark.parametrize(
    "bad",
    [
        {"helpful": "maybe"},
        {"helpful": ""},
        {"page_url": ""},
        {"reasons": "outdated"},  # a string, not a sequence of them
        {"reasons": ("ok", 3)},
        {"submission_id": ""},
        {"submission_id": "x" * 201},
    ],
    ids=lambda bad: "-".join(f"{k}={v!r}"[:24] for k, v in bad.items()),
)
def test_bad_input_stores_nothing(store_factory, bad):
    store = store_factory()
    with pytest.raises(ValueError):
        store.add(submission("bad", **bad))
    assert store.count() == 0
    assert store.add(submission("good")) is not None  # the store still works


def test_hit_allows_the_limit_then_says_how_long_to_wait(store_factory):
    store = store_factory()
    assert [store.hit("a", window=60, limit=3) for _ in range(3)] == [None, None, None]
    wait = store.hit("a", window=60, limit=3)
    assert wait is not None and 55 < wait <= 60
    assert store.hit("b", window=60, limit=3) is None  # keys are counted apart
    # Another store on the same database (another worker or server) shares the count.
    other = store_factory(same_as=store)
    assert other.hit("a", window=60, limit=3) is not None
    assert other.hit("b", window=60, limit=3) is None


def test_hit_slides_its_window(store_factory):
    store = store_factory()
    assert store.hit("k", window=0.6, limit=2) is None
    time.sleep(0.3)
    assert store.hit("k", window=0.6, limit=2) is None
    wait = store.hit("k", window=0.6, limit=2)
    assert wait is not None and 0 < wait <= 0.35  # the first hit leaves first
    time.sleep(wait + 0.05)
    assert store.hit("k", window=0.6, limit=2) is None  # a refused hit did not count
    assert store.hit("k", window=0.6, limit=2) is not None
    with pytest.raises(ValueError):
        store.hit("k", window=0, limit=1)


def test_hit_from_many_threads_allows_exactly_the_limit(store_factory):
    store = store_factory()
    allowed: list[float | None] = []
    barrier = threading.Barrier(10)

    def worker() -> None:
        barrier.wait()
        for _ in range(10):
            allowed.append(store.hit("burst", window=60, limit=25))

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(allowed) == 100
    assert allowed.count(None) == 25


def test_purge_and_delete(store_factory):
    store = store_factory()
    ids = [store.add(submission(f"row {n}")) for n in range(3)]
    assert store.purge(dt.timedelta(days=1)) == 0  # all are newer
    assert store.delete(ids[1]) is True
    assert store.delete(ids[1]) is False
    assert store.delete(10_000) is False
    assert [row["id"] for row in store.rows()] == [ids[0], ids[2]]
    assert store.purge(dt.timedelta(0)) == 2
    assert store.count() == 0


def test_check_passes_on_a_writable_store_and_writes_nothing(store_factory):
    store = store_factory()
    store.add(submission("kept"))
    assert store.check() is None
    assert store.count() == 1
    assert store.hit("check", window=60, limit=1) is None  # left no hit behind either


def test_check_and_writes_fail_on_a_store_that_cannot_write(store_factory):
    store = store_factory()
    store.add(submission("kept"))
    reader = store_factory(same_as=store, read_only=True)
    assert reader.count() == 1  # a reader reads
    with pytest.raises(StoreUnavailable):
        reader.check()
    with pytest.raises(StoreError):
        reader.add(submission("refused"))
    assert store.count() == 1


def test_close_is_final_and_idempotent(store_factory):
    store = store_factory()
    store.add(submission("kept"))
    store.close()
    store.close()
    with pytest.raises(StoreError):
        store.add(submission("after close"))
    assert store_factory(same_as=store).count() == 1


# --- SQLite: the lock, connections, durability -------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "feedback.sqlite3"


def test_sqlite_store_is_the_feedback_store_and_open_store_picks_it(db):
    assert SQLiteStore is FeedbackStore
    store = open_store(db)
    assert isinstance(store, FeedbackStore) and isinstance(store, Store)
    assert open_store(store) is store  # a store passes through
    assert isinstance(open_store(str(db)), FeedbackStore)


def test_a_held_write_lock_raises_store_busy_after_the_timeout(db):
    store = FeedbackStore(db, busy_timeout=0.5)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's long write
    try:
        for call in (
            lambda: store.add(submission("blocked")),
            lambda: store.hit("k", window=60, limit=5),
            lambda: store.purge(dt.timedelta(0)),
        ):
            started = time.monotonic()
            with pytest.raises(StoreBusy, match="another writer"):
                call()
            assert 0.4 < time.monotonic() - started < 3
        with pytest.raises(StoreUnavailable):
            store.check()  # a health check: cannot write now
        assert store.count() == 0  # reads go on under WAL
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.add(submission("after")) is not None  # the store recovers


def test_the_default_busy_timeout_is_a_few_seconds(db):
    assert 1 <= FeedbackStore(db).busy_timeout <= 10


def test_the_database_uses_wal_and_keeps_it_between_calls(db):
    store = FeedbackStore(db)
    store.add(submission("one"))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()
    # A connection per call closed the last connection each time, which checkpoints the WAL
    # into the database and deletes it (fsyncs): kept connections leave it in place.
    store.add(submission("two"))
    assert Path(f"{db}-wal").exists()
    store.close()
    assert not Path(f"{db}-wal").exists()  # the final close checkpoints
    assert FeedbackStore(db).count() == 2


def _db_fds(db: Path) -> int:
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):
            if os.readlink(fd) == str(db):
                count += 1
    return count


def test_each_thread_reuses_one_connection_and_finished_threads_release_theirs(db):
    store = FeedbackStore(db)
    baseline = _db_fds(db)  # the store's idle connection and this thread's
    for _ in range(3):
        store.add(submission("main thread"))
    assert _db_fds(db) == baseline == 2  # no more, however many calls

    for number in range(40):  # a thread-per-request server
        thread = threading.Thread(target=store.add, args=(submission(f"thread {number}"),))
        thread.start()
        thread.join()
    assert _db_fds(db) <= baseline + 2  # not one per finished thread
    assert store.count() == 43
    store.close()
    assert _db_fds(db) == 0


_WRITER = """
import sys
from uswds_components.feedback import FeedbackStore, Submission
store = FeedbackStore(sys.argv[1], synchronous=sys.argv[2])
for n in range(100_000):
    row = store.add(Submission("/", "yes", (), f"row {n}"))
    print(row, flush=True)  # acknowledged: committed before this line is written
"""


@pytest.mark.parametrize("synchronous", ["FULL", "NORMAL"])
def test_kill_9_loses_no_acknowledged_row(db, synchronous):
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db), synchronous], stdout=subprocess.PIPE, text=True
    )
    acknowledged = []
    assert writer.stdout is not None
    for line in writer.stdout:
        acknowledged.append(int(line))
        if len(acknowledged) == 300:
            break
    writer.send_signal(signal.SIGKILL)  # mid-stream: the next add may be half written
    writer.wait(timeout=30)
    acknowledged += [int(line) for line in writer.stdout.read().split()]
    stored = {row["id"] for row in FeedbackStore(db).rows()}
    assert set(acknowledged) <= stored
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_synchronous_is_full_unless_asked(db):
    assert FeedbackStore(db).synchronous == "FULL"
    with pytest.raises(ValueError):
        FeedbackStore(db, synchronous="OFF")  # could lose acknowledged rows


def test_a_store_made_before_fork_works_in_the_child(db):
    store = FeedbackStore(db)
    store.add(submission("parent"))
    pid = os.fork()
    if pid == 0:  # a pre-forking server's worker
        code = 1
        try:
            store.add(submission("child"))
            code = 0 if store.count() == 2 else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    store.add(submission("parent again"))
    assert [row["comment"] for row in store.rows()] == ["parent", "child", "parent again"]


def test_an_old_database_is_migrated_once(db):
    with sqlite3.connect(db) as connection:  # the schema before submission_id
        connection.execute(
            "CREATE TABLE page_feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT"
            " NOT NULL, page_url TEXT NOT NULL, helpful TEXT NOT NULL CHECK (helpful IN ('yes',"
            " 'no')), reasons TEXT NOT NULL DEFAULT '[]', comment TEXT NOT NULL DEFAULT '',"
            " lang TEXT NOT NULL)"
        )
        connection.execute(
            "INSERT INTO page_feedback (created_at, page_url, helpful, lang)"
            " VALUES ('2020-01-01T00:00:00+00:00', '/old/', 'yes', 'en')"
        )
    connection.close()
    exported = FeedbackStore(db, read_only=True).rows()  # a reader migrates nothing
    assert exported[0]["submission_id"] is None
    with sqlite3.connect(db) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(page_feedback)")}
    connection.close()
    assert "submission_id" not in columns

    store = FeedbackStore(db)
    FeedbackStore(db)  # again: nothing to do, no error
    assert [(row["page_url"], row["submission_id"]) for row in store.rows()] == [("/old/", None)]
    assert store.add(submission("new", submission_id="s")) == 2
    assert store.add(submission("new", submission_id="s")) is None
    assert store.count() == 2


# --- SQLite: errors at start-up, and read-only users ---------------------------------------------


def test_no_database_configured_is_an_error_not_a_file_in_the_working_directory(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    for value in (None, "", "  "):
        if value is None:
            monkeypatch.delenv("USWDS_FEEDBACK_DB", raising=False)
        else:
            monkeypatch.setenv("USWDS_FEEDBACK_DB", value)
        with pytest.raises(StoreUnavailable, match="USWDS_FEEDBACK_DB"):
            FeedbackStore()
        with pytest.raises(StoreUnavailable, match="USWDS_FEEDBACK_DB"):
            open_store(None)
    with pytest.raises(StoreUnavailable, match="empty"):
        FeedbackStore("")
    assert list(tmp_path.iterdir()) == []


def test_the_environment_names_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("USWDS_FEEDBACK_DB", str(tmp_path / "env.sqlite3"))
    open_store(None).add(submission("via env"))
    assert FeedbackStore(tmp_path / "env.sqlite3").count() == 1


def test_a_postgresql_url_is_never_taken_for_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for url in ("postgresql://nobody@127.0.0.1:1/none", "postgres://nobody@127.0.0.1:1/none"):
        with pytest.raises(StoreError):  # PostgresStore's: nothing listens on port 1
            open_store(url, busy_timeout=1)
        with pytest.raises(StoreUnavailable, match="open_store"):
            FeedbackStore(url)
    assert list(tmp_path.iterdir()) == []


def test_a_path_under_a_regular_file_fails_at_start_up_naming_it(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    path = not_a_folder / "feedback.sqlite3"
    with pytest.raises(StoreUnavailable) as raised:
        FeedbackStore(path)
    assert str(path) in str(raised.value)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach: pytest's own temporary folders are root's alone."""
    folder = Path(tempfile.mkdtemp(prefix="uswds-feedback-"))
    folder.chmod(0o755)
    yield folder
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def as_nobody(work: Callable[[], str]) -> str:
    """`work()`'s answer, run in a forked child as the unprivileged user `nobody` (as root,
    permission bits stop nothing: the tests run as root). Exceptions come back as their text."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            try:
                answer = work()
            except BaseException as error:
                answer = f"{type(error).__name__}: {error}"
            os.write(write, answer.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    os.waitpid(pid, 0)
    return answer


def _open(path: Path, **options: Any) -> Callable[[], str]:
    def work() -> str:
        store = FeedbackStore(path, **options)
        return f"opened {store.count()}"

    return work


def test_as_root_the_unprivileged_helper_really_cannot_write(shared_dir):
    # The control for the tests below: the child is refused where root would not be.
    answer = as_nobody(lambda: (shared_dir / "x").write_text("x") and "wrote")
    assert answer.startswith("PermissionError"), answer


def test_a_folder_the_server_cannot_write_fails_at_start_up(shared_dir):
    path = shared_dir / "feedback.sqlite3"
    answer = as_nobody(_open(path))
    assert answer.startswith("StoreUnavailable") and str(path) in answer, answer
    assert not path.exists()


def test_an_existing_database_in_a_read_only_folder_fails_at_start_up(shared_dir):
    # The file is writable, but WAL needs its -wal and -shm files beside it.
    path = shared_dir / "feedback.sqlite3"
    FeedbackStore(path).close()
    path.chmod(0o666)
    answer = as_nobody(_open(path))
    assert answer.startswith("StoreUnavailable") and str(path) in answer, answer


def test_a_read_only_database_file_fails_at_start_up(shared_dir):
    shared_dir.chmod(0o777)  # the folder is writable, the file not
    path = shared_dir / "feedback.sqlite3"
    store = FeedbackStore(path)
    store.add(submission("kept"))
    store.close()
    path.chmod(0o644)
    answer = as_nobody(_open(path))
    assert answer.startswith("StoreUnavailable") and str(path) in answer, answer


def test_a_read_only_user_can_read_with_no_writer_and_with_one(shared_dir):
    path = shared_dir / "feedback.sqlite3"
    store = FeedbackStore(path)
    store.add(submission("kept"))
    store.close()  # no writer: no -wal or -shm, and nobody may create them
    assert not Path(f"{path}-wal").exists()
    assert as_nobody(_open(path, read_only=True)) == "opened 1"
    writer = FeedbackStore(path)  # a running server holds them open
    writer.add(submission("second"))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").chmod(0o644)
    assert as_nobody(_open(path, read_only=True)) == "opened 2"
    writer.close()
    assert sorted(p.name for p in shared_dir.iterdir()) == ["feedback.sqlite3"]  # none created


def test_a_read_only_store_of_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(StoreUnavailable, match="no such"):
        FeedbackStore(tmp_path / "missing.sqlite3", read_only=True)
    assert list(tmp_path.iterdir()) == []
