"""A progress line on stderr: rewritten in place on a terminal, one line per step otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts steps of one phase ("build", "check", "screenshot") out of `total`."""

    def __init__(self, phase: str, total: int, stream: TextIO | None = None) -> None:
        self.phase = phase
        self.total = total
        self.count = 0
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._width = 0

    def step(self, label: str) -> None:
        self.count += 1
        width = len(str(self.total))
        line = f"{self.phase} [{self.count:>{width}}/{self.total}] {label}"
        if self._tty:
            padding = " " * max(0, self._width - len(line))
            self.stream.write(f"\r{line}{padding}")
            self._width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def done(self, summary: str) -> None:
        line = f"{self.phase}: {summary} ({time.monotonic() - self.started:.1f} s)"
        if self._tty:
            line = "\r" + line + " " * max(0, self._width - len(line))
        self.stream.write(line + "\n")
        self.stream.flush()
