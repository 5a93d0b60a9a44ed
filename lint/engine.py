"""Runs the flow: paths -> documents -> per-article checks -> cross-article checks -> filtered findings.

Each stage only hands data to the next: readers build documents, checks return findings and
records, and the filtering here (selection, suppression comments, per-path ignores) decides what
reaches a reporter.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, glob_matches, relative_to_root
from .documents import SUFFIXES, BinaryFile, ReaderOptions, read_document
from .index import Entry, decode_findings, encode_findings, file_sha1, fingerprint
from .model import Document, Finding, LintError
from .ruleset import Rule, RuleSet, matches, selects
from .suppress import Suppression, path_ignored, suppressed, suppressions

SKIPPED_DIRS = {"node_modules", "__pycache__", "vendor", "venv"}


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    notices: list[str] = field(default_factory=list)  # one-line messages for stderr
    errors: list[str] = field(default_factory=list)  # files that could not be read: exit code 2


@dataclass(frozen=True)
class Problem:
    """A file that was not analysed: skipped (binary) or unreadable (an input error)."""

    message: str
    error: bool


@dataclass
class Analysis:
    """What one document contributes to a run; small and picklable."""

    path: str
    findings: list[Finding]
    records: dict[str, list]  # cross-article rule id -> records
    suppressions: list[Suppression]


def collect_files(paths: list[str], config: Config, walker=None) -> tuple[list[tuple[Path, str]], list[str]]:
    """Files to lint, as (path, display) pairs, and notices for what was passed over. `walker` lists
    a directory's files relative to it (default: walk_relative)."""
    walker = walker or walk_relative
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
        prefix = "" if given in (".", "./") else given.rstrip("/") + "/"
        for rel in walker(path, config):
            files.append((path / rel, prefix + rel))
    return files, notices


def walk_relative(top: Path, config: Config) -> list[str]:
    """Lintable files under `top` (not hidden, not ignored by git, not excluded by configuration) as
    POSIX paths relative to it, in a stable order."""
    tracked = _git_visible(top)
    found = []
    base = os.path.abspath(top)
    for directory, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIPPED_DIRS)
        rel_dir = os.path.relpath(directory, top)
        rel_dir = "" if rel_dir == "." else rel_dir.replace(os.sep, "/") + "/"
        for name in sorted(filenames):
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            if tracked is not None and os.path.normpath(os.path.join(base, rel_dir, name)) not in tracked:
                continue
            if config.exclude and _excluded(Path(top, rel_dir, name), config):
                continue
            found.append(rel_dir + name)
    return found


def _git_visible(top: Path) -> set[str] | None:
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
    base = os.path.abspath(top)
    return {os.path.normpath(os.path.join(base, p)) for p in result.stdout.decode("utf-8", "replace").split("\0") if p}


def _excluded(file: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    rel = relative_to_root(file, config.root) or file.as_posix()
    return any(glob_matches(rel, pattern) for pattern in config.exclude)


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


@dataclass
class Target:
    """A file this run reads or takes from the index; `given` files are the ones reported on."""

    path: Path
    display: str
    given: bool
    key: str | None = None  # its key in the archive index


def run(files: list[tuple[Path, str]], ruleset: RuleSet, config: Config, options: ReaderOptions,
        select: list[str] | None, ignore: list[str], jobs: int = 1, archive=None, progress=None) -> Outcome:
    """Lint `files`, comparing them across articles with each other and with the archive's files.

    With an archive index, files whose size and mtime are unchanged are not read again: their
    findings (for given files) and cross-article records (for all) come from the index.
    """
    outcome = Outcome()
    targets, seen = [], set()
    for path, display in files:
        absolute = os.path.abspath(path)
        if absolute not in seen:
            seen.add(absolute)
            targets.append(Target(path, display, True))
    if archive is not None:
        for path in archive.files:
            absolute = os.path.abspath(path)
            if absolute not in seen:
                seen.add(absolute)
                targets.append(Target(path, archive.display(absolute), False))
        for target in targets:
            target.key = archive.key(target.path)

    index = archive.index if archive is not None else None
    analyses: dict[str, Analysis] = {}
    to_read = targets
    if index is not None:
        stamp = fingerprint(ruleset.rules, options)
        stored = index.load(stamp, with_findings={t.key for t in targets if t.given})
        to_read = []
        for target in targets:
            entry = stored.pop(target.key, None) if target.key else None  # each blob freed once decoded
            if entry is not None and _unchanged(target.path, entry):
                findings = decode_findings(entry.findings_blob, target.display) if target.given else []
                analyses[target.display] = Analysis(target.display, findings, entry.records, entry.suppressions)
            else:
                to_read.append(target)
    fresh = []
    for target, result in zip(to_read, analyse_files(to_read, ruleset, options, jobs, progress)):
        if isinstance(result, Problem):
            (outcome.errors if result.error else outcome.notices).append(result.message)
            continue
        analysis, mtime_ns, size, sha1 = result
        if target.key is not None and index is not None:
            fresh.append(Entry(target.key, mtime_ns, size, sha1, encode_findings(analysis.findings),
                               analysis.records, analysis.suppressions))
            if len(fresh) >= STORE_BATCH:
                index.store(stamp, fresh)
                fresh.clear()
        if not target.given:
            analysis.findings = []
        analyses[target.display] = analysis
    if index is not None:
        index.store(stamp, fresh)
        index.forget_missing({t.key for t in targets if t.key}, archive.content_keys)
    ordered = [analyses[t.display] for t in targets if t.display in analyses]
    outcome.files_checked = sum(1 for t in targets if t.given and t.display in analyses)
    report_on = {t.display for t in targets if t.given}
    outcome.findings = combine(ordered, ruleset, config, select, ignore, report_on)
    return outcome


def _unchanged(path: Path, entry: Entry) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    return stat.st_mtime_ns == entry.mtime_ns and stat.st_size == entry.size


# Worker processes keep the rule set and reader options they were started with.
_worker_state: tuple[RuleSet, ReaderOptions] | None = None


def _init_worker(ruleset: RuleSet, options: ReaderOptions):
    global _worker_state
    _worker_state = (ruleset, options)


def _analyse_one(path: Path, display: str, ruleset: RuleSet, options: ReaderOptions):
    """Read and analyse one file: (analysis, mtime_ns, size, sha1), or the Problem that stopped it."""
    try:
        stat = path.stat()
        data = path.read_bytes()
        doc = read_document(path, display, options, data)
    except BinaryFile as exc:
        return Problem(str(exc), error=False)
    except LintError as exc:
        return Problem(str(exc), error=True)
    except OSError as exc:
        return Problem(f"{display}: cannot read: {exc.strerror or exc}", error=True)
    return analyse(doc, ruleset.rules), stat.st_mtime_ns, stat.st_size, file_sha1(data)


def _analyse_in_worker(job: tuple[Path, str]):
    ruleset, options = _worker_state
    return _analyse_one(job[0], job[1], ruleset, options)


# Analyses are written to the index in batches of this many, so a large cold run neither holds every
# encoded entry in memory nor loses all its work when interrupted.
STORE_BATCH = 500

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 48


def analyse_files(targets: list[Target], ruleset: RuleSet, options: ReaderOptions, jobs: int, progress=None):
    """Results in the order of `targets`, read and analysed in `jobs` processes when worth it."""
    jobs_list = [(t.path, t.display) for t in targets]
    if jobs <= 1 or len(jobs_list) < PARALLEL_THRESHOLD:
        results = []
        for done, (path, display) in enumerate(jobs_list, 1):
            results.append(_analyse_one(path, display, ruleset, options))
            if progress:
                progress(done, len(jobs_list))
        return results
    import concurrent.futures
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(32, len(jobs_list) // (jobs * 8)))
    results = []
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                                initargs=(ruleset, options)) as pool:
        for done, result in enumerate(pool.map(_analyse_in_worker, jobs_list, chunksize=chunk), 1):
            results.append(result)
            if progress:
                progress(done, len(jobs_list))
    return results


def combine(analyses: list[Analysis], ruleset: RuleSet, config: Config,
            select: list[str] | None, ignore: list[str], report_on: set[str] | None = None) -> list[Finding]:
    """Cross-article comparison, then every filter, then a stable order."""
    by_path = {a.path: a for a in analyses}
    report_on = set(by_path) if report_on is None else report_on
    findings = [f for a in analyses for f in a.findings]
    for rule in ruleset.rules:
        if rule.kind.cross_article:
            records = {a.path: a.records.get(rule.id, []) for a in analyses}
            findings.extend(f for f in rule.kind.compare(records, rule, report_on)
                            if f.location.path in report_on)
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
