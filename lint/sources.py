"""Excerpts for the findings made without their article at hand (cross-article findings, reader
notices): the one place after the checks where a linted file's lines are read again, so that
reporters and baselines never open an article."""
from __future__ import annotations

from pathlib import Path

from .documents import decode
from .model import Excerpt, Finding, LineIndex, LintError, Location, Related


class SourceLines:
    """The lines of linted files by display path, read on first use."""

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

    def excerpt(self, location: Location) -> Excerpt | None:
        line = self.line(location.path, location.line)
        return None if line is None else Excerpt.around(line, location)


def complete_excerpts(findings: list[Finding], paths: dict[str, str]) -> list[Finding]:
    """`findings`, each given an excerpt where it lacked one and its line is in a file of `paths`
    (display path -> file), and so are its related locations."""
    sources = None
    for finding in findings:
        if finding.excerpt is None:
            sources = sources or SourceLines(paths)
            finding.excerpt = sources.excerpt(finding.location)
        if any(r.excerpt is None for r in finding.related):
            sources = sources or SourceLines(paths)
            finding.related = [r if r.excerpt is not None else Related(r.location, r.message, sources.excerpt(r.location))
                               for r in finding.related]
    return findings
