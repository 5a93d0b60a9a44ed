"""Runs the flow: paths -> documents -> per-article checks -> cross-article checks -> filtered findings.

Each stage only hands data to the next: readers build documents, checks return findings and
records, and the filtering here (selection, suppression comments, per-path ignores) decides what
reaches a reporter.
"""
from __future__ import annotations

import fnmatch
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .documents import SUFFIXES, BinaryFile, ReaderOptions, read_document
from .model import Document, Finding, LintError
from .ruleset import Rule, RuleSet, matches, selects
from .suppress import Suppression, path_ignored, suppressed, suppressions

SKIPPED_DIRS = {"node_modules", "__pycache__", "vendor", "venv"}


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    notices: list[str] = field(default_factory=list)  # one-line messages for stderr


@dataclass
class Analysis:
    """What one document contributes to a run; small and picklable."""

    path: str
    findings: list[Finding]
    records: dict[str, list]  # cross-article rule id -> records
    suppressions: list[Suppression]


def collect_files(paths: list[str], config: Config) -> tuple[list[tuple[Path, str]], list[str]]:
    """Files to lint, as (path, display) pairs, and notices for what was passed over."""
    files, notices = [], []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise LintError(f"{given}: no such file or directory")
        if path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append((path, given))
            else:
                notices.append(f"{given}: skipped, not a Markdown, text or HTML file")
            continue
        for file in _walk(path, config):
            rel = file.relative_to(path).as_posix()
            display = rel if given in (".", "./") else f"{given.rstrip('/')}/{rel}"
            files.append((file, display))
    return files, notices


def _walk(top: Path, config: Config) -> list[Path]:
    tracked = _git_visible(top)
    found = []
    for directory, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(filenames):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            file = Path(directory) / name
            if tracked is not None and file.resolve() not in tracked:
                continue
            if _excluded(file, config):
                continue
            found.append(file)
    return found


def _git_visible(top: Path) -> set[Path] | None:
    """Files git does not ignore under `top`, or None outside a git work tree."""
    try:
        result = subprocess.run(
            ["git", "-C", str(top), "ls-files", "--cached", "--others", "--exclude-standard", "-z", "."],
            capture_output=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    base = top.resolve()
    return {(base / p).resolve() for p in result.stdout.decode("utf-8", "replace").split("\0") if p}


def _excluded(file: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    try:
        rel = file.resolve().relative_to(config.root).as_posix()
    except ValueError:
        rel = file.as_posix()
    return any(fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*")
               for pattern in config.exclude)


def reader_options(config: Config, published=None) -> ReaderOptions:
    return ReaderOptions(headline_keys=config.headline_keys, date_keys=config.date_keys, published=published)


def analyse(doc: Document, rules: list[Rule]) -> Analysis:
    """Run the per-article rules on one document and extract its cross-article records."""
    findings = list(doc.notices)
    records = {}
    for rule in rules:
        if rule.kind.cross_article:
            records[rule.id] = rule.kind.extract(doc, rule)
        else:
            findings.extend(rule.kind.check(doc, rule))
    return Analysis(doc.path, findings, records, suppressions(doc))


def run(files: list[tuple[Path, str]], ruleset: RuleSet, config: Config, options: ReaderOptions,
        select: list[str] | None, ignore: list[str]) -> Outcome:
    outcome = Outcome()
    analyses = []
    for path, display in files:
        try:
            doc = read_document(path, display, options)
        except BinaryFile as exc:
            outcome.notices.append(str(exc))
            continue
        analyses.append(analyse(doc, ruleset.rules))
    outcome.files_checked = len(analyses)
    outcome.findings = combine(analyses, ruleset, config, select, ignore)
    return outcome


def combine(analyses: list[Analysis], ruleset: RuleSet, config: Config,
            select: list[str] | None, ignore: list[str]) -> list[Finding]:
    """Cross-article comparison, then every filter, then a stable order."""
    by_path = {a.path: a for a in analyses}
    findings = [f for a in analyses for f in a.findings]
    for rule in ruleset.rules:
        if rule.kind.cross_article:
            records = {a.path: a.records.get(rule.id, []) for a in analyses}
            findings.extend(rule.kind.compare(records, rule, set(by_path)))
    for finding in findings:
        for selector, level in config.levels.items():
            if matches(finding.rule, selector):
                finding.level = level
    kept = []
    for finding in findings:
        analysis = by_path.get(finding.location.path)
        if not selects(finding.rule, select, ignore):
            continue
        if analysis and suppressed(finding, analysis.suppressions):
            continue
        if path_ignored(finding.location.path, finding.rule, config.per_path_ignores, config.root):
            continue
        kept.append(finding)
    return sorted(kept, key=Finding.sort_key)


def lint_texts(texts: list[str], ruleset: RuleSet, options: ReaderOptions | None = None) -> list[Finding]:
    """Lint in-memory Markdown documents together (rule examples, tests)."""
    options = options or ReaderOptions()
    analyses = []
    for number, text in enumerate(texts, 1):
        doc = read_document(Path(f"example-{number}.md"), f"example-{number}.md", options, text.encode("utf-8"))
        analyses.append(analyse(doc, ruleset.rules))
    return combine(analyses, ruleset, Config(), None, [])
