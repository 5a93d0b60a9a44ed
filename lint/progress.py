"""A progress bar on stderr for runs over many files, drawn only on a terminal."""
from __future__ import annotations

import sys
import time

MIN_FILES = 200  # smaller runs finish before a bar would help


class Progress:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.drawn = False
        self.last = 0.0

    def __enter__(self):
        return self if self.enabled else None

    def __call__(self, done: int, total: int):
        now = time.monotonic()
        if total < MIN_FILES or (now - self.last < 0.1 and done != total):
            return
        self.last = now
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        sys.stderr.flush()
        self.drawn = True

    def __exit__(self, *exc):
        if self.drawn:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
        return False
