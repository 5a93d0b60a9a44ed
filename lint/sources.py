"""Source lines of linted files, read again on demand for excerpts and baseline keys."""
from __future__ import annotations

from pathlib import Path

from .documents import decode
from .model import LineIndex, LintError


class SourceLines:
    def __init__(self, paths: dict[str, str]):
        self.paths = paths  # display path -> file
        self._cache: dict[str, list[str]] = {}

    def line(self, display: str, number: int) -> str | None:
        if display not in self._cache:
            path = self.paths.get(display)
            try:
                self._cache[display] = LineIndex.split(decode(Path(path).read_bytes(), display)[0]) if path else []
            except (OSError, LintError):
                self._cache[display] = []
        lines = self._cache[display]
        return lines[number - 1] if 0 < number <= len(lines) else None


class Documents:
    """Documents of linted files, read again on demand for reporters that show more than a line."""

    def __init__(self, paths: dict[str, str], options):
        self.paths = paths  # display path -> file
        self.options = options  # ReaderOptions of the run
        self._cache: dict[str, object] = {}

    def get(self, display: str):
        if display not in self._cache:
            from .documents import read_document

            path = self.paths.get(display)
            try:
                self._cache[display] = read_document(Path(path), display, self.options) if path else None
            except LintError:
                self._cache[display] = None
        return self._cache[display]
