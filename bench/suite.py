"""What the test suite costs, part by part, and per browser example-state.

    .venv/bin/python bench/suite.py [--workers 2] [--part browser|visits|rest] [--slowest 10]

Runs each part of the suite once, as `make test` runs it (pytest-xdist workers), and prints wall
seconds, the CPU seconds the whole machine was busy meanwhile and the share of its cores that
makes, the test count, and for the browser part the seconds per example-state: the cost the
next component's examples will add. Then the slowest tests of each part. Nothing here is a pass
or fail: the suite itself has no timed tests.

The CPU is the machine's (/proc/stat), so run it on an otherwise idle machine. The kernel's
count for pytest's process tree (getrusage) is no measure here: it leaves out Chromium's
renderers, which its zygote forks and nobody in that tree waits for. On 40 loads of batch pages
it gave 9.1 s where the machine was busy 18.0 s; for the browser part it gave 541 s in a run of
527 s on 2 cores while vmstat saw them idle 1% of the time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from uswds_components import all_examples  # noqa: E402

PARTS = {"rest": "not browser", "browser": "browser", "visits": "browser"}
# The "visits" part: only the test files that assert on the shared visits (tests/visits.py), so
# the cost per example-state is measured without the rest of the browser part running beside
# it on the same cores. The "browser" part runs them among everything else.
VISIT_FILES = (
    "tests/test_a11y.py",
    "tests/test_ax_tree.py",
    "tests/test_focus_visible.py",
    "tests/test_display_modes.py",
)
# A 2-core machine, 50 components: the browser part's budget per example-state (issue #22).
BUDGET_PER_EXAMPLE_STATE = 0.15


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy since boot (idle and I/O wait
    excluded)."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:]]
    idle, iowait = ticks[3], ticks[4]
    return (sum(ticks) - idle - iowait) / os.sysconf("SC_CLK_TCK")


def run_part(marker: str, workers: int, paths: tuple[str, ...] = ()) -> dict[str, object]:
    """Run one part of the suite (`paths` only, if given); its wall and CPU seconds, counts
    and every test's time."""
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "-n", str(workers), "-m", marker, "--durations=0", "--durations-min=0", *paths,
    ]  # fmt: skip
    visit_folder = tempfile.mkdtemp(prefix="uswds-visit-seconds-")
    environment = {**os.environ, "USWDS_VISIT_SECONDS": visit_folder}
    busy_before, start = machine_busy_seconds(), time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)
    wall, cpu = time.perf_counter() - start, machine_busy_seconds() - busy_before
    output = completed.stdout
    counts = dict(
        (word, int(number)) for number, word in re.findall(r"(\d+) (passed|failed|error)", output)
    )
    durations = re.findall(r"^([\d.]+)s (call|setup|teardown)\s+(\S+)$", output, re.M)
    if completed.returncode not in (0, 1):
        sys.exit(f"pytest -m {marker!r} could not run:\n{output[-2000:]}{completed.stderr}")
    visits = [
        record
        for path in Path(visit_folder).glob("*.json")
        for record in json.loads(path.read_text(encoding="utf-8"))
    ]
    return {
        "wall": wall, "cpu": cpu, "counts": counts, "durations": durations, "visits": visits,
    }  # fmt: skip


def check_seconds(visits: list[dict[str, object]]) -> tuple[Counter[str], int]:
    """Seconds per check over every visit (page opens as "open"), and the number of pages."""
    spent: Counter[str] = Counter()
    for record in visits:
        spent.update(record["seconds"])
    return spent, len({record["url"] for record in visits})


def example_state_seconds(durations: list[tuple[str, str, str]]) -> float:
    """Seconds spent in the tests of the example-state checks (axe, AX tree, focus, display
    modes: each parametrised by a visit id such as `alert/info:initial`), summed over workers."""
    return sum(float(seconds) for seconds, _, test in durations if _VISIT_ID.search(test))


_VISIT_ID = re.compile(r"\[[a-z_]+/[a-z0-9-]+:[a-z0-9-]+\]$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=int(os.environ.get("PYTEST_WORKERS", 2)))
    parser.add_argument("--part", choices=sorted(PARTS), action="append")
    parser.add_argument("--slowest", type=int, default=8)
    args = parser.parse_args()
    example_states = sum(1 + len(example.states) for example in all_examples())
    print(f"{len(all_examples())} examples, {example_states} example-states; "
          f"{args.workers} workers, {os.cpu_count()} cores")  # fmt: skip
    print(f"{'part':<8} {'tests':>6} {'wall s':>8} {'CPU s':>8} {'cores busy':>10}")
    results = {}
    for part in args.part or list(PARTS):
        paths = VISIT_FILES if part == "visits" else ()
        result = results[part] = run_part(PARTS[part], args.workers, paths)
        counts = result["counts"]
        failed = f"  ({counts.get('failed', 0)} failed)" if counts.get("failed") else ""
        print(
            f"{part:<8} {sum(counts.values()):>6} {result['wall']:>8.1f} {result['cpu']:>8.1f}"
            f" {result['cpu'] / (result['wall'] * (os.cpu_count() or 1)):>10.0%}{failed}"
        )
    for part in ("browser", "visits"):
        if part not in results:
            continue
        spent = example_state_seconds(results[part]["durations"])
        per_state = spent / args.workers / example_states
        print(
            f"\n{part}: example-state checks: {spent:.1f} s of test time over {args.workers} "
            f"workers, {per_state:.3f} wall s per example-state (budget "
            f"{BUDGET_PER_EXAMPLE_STATE}); the other tests: "
            f"{results[part]['wall'] - spent / args.workers:.1f} wall s"
        )
    for part in [part for part in ("browser", "visits") if part in results][:1]:
        spent_per_check, pages = check_seconds(results[part]["visits"])
        if spent_per_check:
            total = sum(spent_per_check.values())
            print(f"\nthe shared visits ({part}): {pages} pages, {total:.1f} s of collecting:")
            for check, seconds in spent_per_check.most_common():
                print(f"  {seconds:7.1f} s  {seconds / total:5.1%}  {check}")
    for part, result in results.items():
        by_file: Counter[str] = Counter()
        for seconds, _, test in result["durations"]:
            by_file[test.split("::")[0]] += float(seconds)
        print(f"\ntest files of {part} by test time (over all workers):")
        for path, seconds in by_file.most_common(args.slowest):
            print(f"  {seconds:7.1f} s  {path}")
        print(f"\nslowest in {part}:")
        ranked = sorted(result["durations"], key=lambda row: -float(row[0]))[: args.slowest]
        for seconds, phase, test in ranked:
            print(f"  {float(seconds):6.2f} s  {phase:<8} {test}")


if __name__ == "__main__":
    main()
