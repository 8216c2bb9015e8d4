"""Feedback receiver throughput: the SQLite store against the PostgreSQL store, same load.

    .venv/bin/python bench/feedback.py [--quick] [--workers 4] [--clients 6] [--seconds 3]

One gunicorn per store (the same sync worker count), a throwaway PostgreSQL server of its own
(tests/postgres_fixture.py) and a SQLite file, both durable as shipped (PostgreSQL fsync on,
SQLite synchronous=FULL). The same client threads post form-encoded submissions as fast as
the replies come, on 127.0.0.1 only. Rounds alternate between the stores, so machine noise falls
on both alike: compare the ratios. About 30 s (--quick: about 10 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from feedback_wsgi import Gunicorn, Load  # noqa: E402
from postgres_fixture import PostgresServer  # noqa: E402

from uswds_components.feedback.store import open_store  # noqa: E402

WARM_UP = 0.5  # seconds of load before each measured round: connections open, pages cached


def measure(server: Gunicorn, clients: int, seconds: float) -> tuple[float, list[float], int]:
    """One round: (requests/s acknowledged, their latencies in seconds, other replies)."""
    with Load(server.port, clients):
        time.sleep(WARM_UP)
    start = time.perf_counter()
    with Load(server.port, clients) as load:
        time.sleep(seconds)
    elapsed = time.perf_counter() - start  # includes the last replies awaited on exit
    others = sum(count for status, count in load.statuses.items() if status != 200)
    return len(load.acknowledged) / elapsed, load.latencies, others


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one short round per store")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=6, help="client threads")
    parser.add_argument("--seconds", type=float, default=3.0, help="per measured round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rounds, seconds = (1, 2.0) if args.quick else (args.rounds, args.seconds)

    results: dict[str, dict[str, list]] = {}
    with tempfile.TemporaryDirectory(prefix="uswds-bench-") as folder, PostgresServer() as url:
        targets = {"sqlite": str(Path(folder) / "feedback.sqlite3"), "postgresql": url}
        servers = {}
        try:
            for name, target in targets.items():
                open_store(target).close()  # the schema, before the workers race to make it
                servers[name] = Gunicorn(target, workers=args.workers, log=Path(folder) / name)
                servers[name].start()
            for _ in range(rounds):
                for name, server in servers.items():
                    rate, latencies, others = measure(server, args.clients, seconds)
                    found = results.setdefault(name, {"rate": [], "latency": [], "others": []})
                    found["rate"].append(rate)
                    found["latency"].extend(latencies)
                    found["others"].append(others)
        finally:
            for server in servers.values():
                server.stop()

    print(
        f"gunicorn {args.workers} sync workers, {args.clients} client threads, {rounds} x"
        f" {seconds:g} s per store, {os.cpu_count()} cores, 127.0.0.1"
    )
    print(f"  {'store':<12}{'requests/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'not 200':>10}")
    summary = {}
    for name, found in results.items():
        rate = statistics.median(found["rate"])
        p50 = percentile(found["latency"], 0.50) * 1000
        p99 = percentile(found["latency"], 0.99) * 1000
        summary[name] = (rate, p50, p99)
        print(f"  {name:<12}{rate:>12,.0f}{p50:>10.1f}{p99:>10.1f}{sum(found['others']):>10}")
    (rate_s, p50_s, p99_s), (rate_p, p50_p, p99_p) = summary["sqlite"], summary["postgresql"]
    print(
        f"  PostgreSQL / SQLite: requests/s x{rate_p / rate_s:.2f}, p50 x{p50_p / p50_s:.2f},"
        f" p99 x{p99_p / p99_s:.2f}"
    )


if __name__ == "__main__":
    main()
