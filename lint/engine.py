"""Runs the flow: paths -> documents -> per-article checks -> cross-article checks -> filtered findings.

Each stage only hands data to the next: readers build documents, checks return findings and
records, and the filtering here (selection, suppression comments, per-path ignores) decides what
reaches a reporter.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .archive import git_root, key_under
from .config import Config, glob_matches, relative_to_root
from .documents import SUFFIXES, BinaryFile, ReaderOptions, read_document
from .index import Entry, IndexReset, decode_compared, decode_findings, encode_compared, encode_findings, file_sha1, fingerprint
from .model import Document, Finding, LintError, Withdrawal
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
    records: dict[str, list] | None  # cross-article rule id -> records; None until loaded from the index
    suppressions: list[Suppression]


def collect_files(paths: list[str], config: Config, walker=None) -> tuple[list[tuple[str, str]], list[str]]:
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
                files.append((given, given))
            else:
                notices.append(f"{given}: skipped, not a Markdown, text or HTML file")
            continue
        prefix = "" if given in (".", "./") else given.rstrip("/") + "/"
        files.extend((os.path.join(given, rel), prefix + rel) for rel in walker(path, config))
    return files, notices


def walk_relative(top: Path, config: Config) -> list[str]:
    """Lintable files under `top` (not hidden, not ignored by git, not excluded by configuration) as
    POSIX paths relative to it, sorted. Symbolic links to directories are not followed."""
    tracked = _git_visible(top)
    suffixes = tuple(SUFFIXES)
    found = []

    def visit(directory: str, rel_dir: str):
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir():
                if name not in SKIPPED_DIRS and not entry.is_symlink():
                    subdirs.append(entry)
                continue
            if not name.lower().endswith(suffixes):
                continue
            if tracked is not None and entry.path not in tracked:
                continue
            if config.exclude and _excluded(Path(entry.path), config):
                continue
            found.append(rel_dir + name)
        for entry in subdirs:
            visit(entry.path, rel_dir + entry.name + "/")

    visit(os.path.abspath(top), "")
    found.sort()
    return found


def relative_inside(directory: str, outer: str) -> str | None:
    """`directory` relative to `outer` when walking `outer` also walks it (it lies below, through no
    hidden or skipped directory), else None."""
    inside = key_under(directory, outer.rstrip(os.sep) + os.sep)
    if inside is None or any(not part or part.startswith(".") or part in SKIPPED_DIRS
                             for part in inside.split("/")):
        return None
    return inside


def _git_visible(top: Path) -> set[str] | None:
    """Files git does not ignore under `top`, or None outside a git work tree (known without
    starting git when no .git lies above and no GIT_DIR is set)."""
    if "GIT_DIR" not in os.environ and git_root(top) is None:
        return None
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


class Target:
    """A file this run reads or takes from the index; `given` files are the ones reported on.
    (A plain class with slots: a run makes one per file of the archive.)"""

    __slots__ = ("path", "display", "given", "key", "sha1")

    def __init__(self, path: str, display: str, given: bool, key: str | None):
        self.path = path
        self.display = display
        self.given = given
        self.key = key  # its key in the archive index
        self.sha1: str | None = None  # its content hash, once known


def _targets(files: list[tuple[str, str]], archive) -> list[Target]:
    """The given files, then the archive's other files, each once."""
    targets, seen = [], set()
    for path, display in files:
        absolute = os.path.abspath(path)
        key = archive.key(absolute) if archive else None
        if (key or absolute) not in seen:
            seen.add(key or absolute)
            targets.append(Target(path, display, True, key))
    if archive is not None:
        for key in archive.keys:
            if key not in seen:
                targets.append(Target(archive.path(key), archive.display(key), False, key))
        for absolute in archive.outside:
            if absolute not in seen:
                seen.add(absolute)
                targets.append(Target(absolute, os.path.relpath(absolute), False, None))
    return targets


# Narrow the comparison to related terms when the given files are at most this share of the archive.
NARROW_SHARE = 0.05


def run(files: list[tuple[str, str]], ruleset: RuleSet, config: Config, options: ReaderOptions,
        select: list[str] | None, ignore: list[str], jobs: int = 1, archive=None, progress=None) -> Outcome:
    """Lint `files`, comparing them across articles with each other and with the archive's files.

    With an archive index, files whose size and mtime are unchanged are not read again: their
    findings come from the index, and so does the cross-article comparison when nothing it depends
    on changed; otherwise the records it needs are read back, only those related to the given
    files' when they are a small part of the archive. An index found unreadable mid-run has been
    emptied: the run starts again and reads every file.
    """
    try:
        return _run(files, ruleset, config, options, select, ignore, jobs, archive, progress)
    except IndexReset:
        return _run(files, ruleset, config, options, select, ignore, jobs, archive, progress)


def _run(files, ruleset, config, options, select, ignore, jobs, archive, progress) -> Outcome:
    outcome = Outcome()
    targets = _targets(files, archive)
    index = archive.index if archive is not None else None
    stamp = fingerprint(ruleset.rules, options) if index is not None else None
    analyses: dict[str, Analysis] = {}  # the given files', and the other files' read in this run
    to_read = targets
    if index is not None:
        stamps = index.stamps(stamp)
        to_read = []
        for target in targets:
            known = stamps.get(target.key) if target.key else None
            if known is not None and _unchanged(target.path, known[0], known[1]):
                target.sha1 = known[2]
            else:
                to_read.append(target)
        cached = {t.key: t for t in targets if t.given and t.sha1 is not None}
        for key, entry in index.load(stamp, set(cached), records=False).items():
            target = cached[key]
            try:
                findings = decode_findings(entry.findings_blob, target.display)
            except (ValueError, EOFError, TypeError) as exc:
                index.reset(exc)
            analyses[target.display] = Analysis(target.display, findings, None, entry.suppressions)
    fresh, unreadable = [], set()
    keys_of = {r.id: functools.partial(r.kind.term_keys, rule=r) for r in ruleset.rules
               if r.kind.cross_article and r.kind.hops}
    for target, result in zip(to_read, analyse_files(to_read, ruleset, options, jobs, progress)):
        if isinstance(result, Problem):
            (outcome.errors if result.error else outcome.notices).append(result.message)
            if target.key is not None:
                unreadable.add(target.key)
            continue
        analysis, mtime_ns, size, target.sha1 = result
        if index is not None and target.key is not None:
            fresh.append(Entry(target.key, mtime_ns, size, target.sha1, encode_findings(analysis.findings),
                               analysis.records, analysis.suppressions, _terms(analysis, ruleset)))
            if len(fresh) >= STORE_BATCH:
                index.store(stamp, fresh, keys_of)
                fresh.clear()
        if not target.given:
            analysis.findings = []
        analyses[target.display] = analysis
    present = [t for t in targets if t.sha1 is not None]
    if index is not None:
        index.store(stamp, fresh, keys_of)
        index.forget(unreadable)
        present_keys = {t.key for t in targets if t.key} - unreadable
        if unreadable or not present_keys.issuperset(stamps):  # some stored article is gone
            index.forget_missing(present_keys, archive.content_keys)
    given = [analyses[t.display] for t in present if t.given]
    outcome.files_checked = len(given)
    report_on = {a.path for a in given}
    cross = _compared(present, analyses, ruleset, index, stamp, report_on)
    outcome.findings = filter_findings(settle([f for a in given for f in a.findings], cross, ruleset),
                                       given, config, select, ignore)
    return outcome


def settle(own: list[Finding], cross: list, ruleset: RuleSet) -> list[Finding]:
    """The articles' own findings less those (or the fixes) the cross-article comparison withdrew,
    then its findings."""
    withdrawn = {(w.kind, w.location): w.fix_only for w in cross if isinstance(w, Withdrawal)}
    if withdrawn:
        kinds = {rule.id: rule.kind.name for rule in ruleset.rules}
        kept = []
        for finding in own:
            fix_only = withdrawn.get((kinds.get(finding.rule), finding.location))
            if fix_only is None:
                kept.append(finding)
            elif fix_only:
                kept.append(dataclasses.replace(finding, fix=None))
        own = kept
    return own + [f for f in cross if isinstance(f, Finding)]


def _terms(analysis: Analysis, ruleset: RuleSet) -> dict[str, dict[str, list]]:
    """An analysis's cross-article records by rule and term, as the index keeps them."""
    by_rule = {}
    for rule in ruleset.rules:
        if rule.kind.cross_article and rule.kind.hops:
            by_term: dict[str, list] = {}
            for record in analysis.records.get(rule.id, ()):
                term = rule.kind.term(record)
                if term is not None:
                    by_term.setdefault(term, []).append(record)
            by_rule[rule.id] = by_term
    return by_rule


def _compared(present: list[Target], analyses: dict[str, Analysis], ruleset: RuleSet, index, stamp,
              report_on: set[str]) -> list:
    """The cross-article findings (and withdrawals) for the reported files: remembered from an earlier
    run over the same files and contents, or compared now."""
    rules = [r for r in ruleset.rules if r.kind.cross_article]
    if not rules:
        return []
    state = None
    if index is not None:
        digest = hashlib.sha1(stamp.encode())
        for target in present:
            digest.update(f"{target.display}\0{target.sha1}\0{target.given:d}\n".encode())
        state = digest.hexdigest()
        blob = index.comparison(stamp, state)
        if blob is not None:
            try:
                return decode_compared(blob)
            except (ValueError, EOFError, TypeError) as exc:
                index.reset(exc)
    narrow = index is not None and len(report_on) <= NARROW_SHARE * len(present)
    every = not narrow or any(not r.kind.hops for r in rules)  # some rule compares every article
    # records still in the index: the given files' taken from it, and every file's when needed
    lacking = {}
    for target in present:
        analysis = analyses.get(target.display)
        if (analysis.records is None) if analysis is not None else every:
            lacking[target.key] = target
    if lacking:
        for key, entry in index.load(stamp, set(lacking), records=True).items():
            display = lacking[key].display
            if display in analyses:
                analyses[display].records = entry.records
            else:
                analyses[display] = Analysis(display, [], entry.records, [])
    found = []
    for rule in rules:
        if narrow and rule.kind.hops:
            records = _related_records(rule, present, analyses, report_on, index, stamp)
        else:
            records = {t.display: analyses[t.display].records.get(rule.id, []) for t in present if t.display in analyses}
        found.extend(_compare(rule, records, report_on))
    if index is not None:
        index.store_comparison(stamp, state, encode_compared(found))
    return found


def _compare(rule: Rule, records: dict[str, list], report_on: set[str]) -> list:
    return [f for f in rule.kind.compare(records, rule, report_on) if f.location.path in report_on]


def _related_records(rule: Rule, present: list[Target], analyses: dict[str, Analysis], report_on: set[str],
                     index, stamp) -> dict[str, list]:
    """The reported files' records for `rule`, and every other article's records about the terms
    within the kind's `hops` steps of theirs, from the index (files read in this run are in it)."""
    kind = rule.kind
    records = {path: analyses[path].records.get(rule.id, []) for path in report_on}
    terms = {kind.term(rec) for recs in records.values() for rec in recs} - {None}
    frontier = set(terms)
    for _ in range(kind.hops):
        keys = {key for term in frontier for key in kind.term_keys(term, rule)}
        frontier = index.terms_with_keys(stamp, rule.id, keys) - terms
        terms |= frontier
    displays = {t.key: t.display for t in present if t.key is not None and t.display not in report_on}
    for key, recs in index.records_about(stamp, rule.id, terms).items():
        if key in displays:
            records[displays[key]] = recs
    return records


def _unchanged(path: str, mtime_ns: int, size: int) -> bool:
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return stat.st_mtime_ns == mtime_ns and stat.st_size == size


# Worker processes keep the rule set and reader options they were started with.
_worker_state: tuple[RuleSet, ReaderOptions] | None = None


def _init_worker(ruleset: RuleSet, options: ReaderOptions):
    global _worker_state
    _worker_state = (ruleset, options)


def _analyse_one(name: str, display: str, ruleset: RuleSet, options: ReaderOptions):
    """Read and analyse one file: (analysis, mtime_ns, size, sha1), or the Problem that stopped it."""
    path = Path(name)
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


def _analyse_in_worker(job: tuple[str, str]):
    ruleset, options = _worker_state
    return _analyse_one(job[0], job[1], ruleset, options)


# Analyses are written to the index in batches of this many, so a large cold run neither holds every
# encoded entry in memory nor loses all its work when interrupted.
STORE_BATCH = 500

# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 48


def analyse_files(targets: list[Target], ruleset: RuleSet, options: ReaderOptions, jobs: int, progress=None):
    """Results in the order of `targets`, as they come (the caller stores them meanwhile), read and
    analysed in `jobs` processes when worth it."""
    jobs_list = [(t.path, t.display) for t in targets]
    if jobs <= 1 or len(jobs_list) < PARALLEL_THRESHOLD:
        for done, (path, display) in enumerate(jobs_list, 1):
            yield _analyse_one(path, display, ruleset, options)
            if progress:
                progress(done, len(jobs_list))
        return
    import concurrent.futures
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(32, len(jobs_list) // (jobs * 8)))
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                                initargs=(ruleset, options)) as pool:
        for done, result in enumerate(pool.map(_analyse_in_worker, jobs_list, chunksize=chunk), 1):
            yield result
            if progress:
                progress(done, len(jobs_list))


def compare_all(analyses: list[Analysis], ruleset: RuleSet, report_on: set[str]) -> list:
    """Cross-article findings (and withdrawals) for `report_on`, comparing every analysis with every
    other."""
    return [f for rule in ruleset.rules if rule.kind.cross_article
            for f in _compare(rule, {a.path: a.records.get(rule.id, []) for a in analyses}, report_on)]


def filter_findings(findings: list[Finding], analyses: list[Analysis], config: Config,
                    select: list[str] | None, ignore: list[str]) -> list[Finding]:
    """Levels from the configuration, then selection, suppression comments and per-path ignores,
    then a stable order."""
    by_path = {a.path: a for a in analyses}
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
    cross = compare_all(analyses, ruleset, {a.path for a in analyses})
    findings = settle([f for a in analyses for f in a.findings], cross, ruleset)
    return filter_findings(findings, analyses, Config(), None, [])
