"""The pipeline: files -> documents -> per-article checks -> cross-article checks -> filtered findings.

Each stage has its own module and only hands data to the next: `incremental` reads the files that
changed into documents and runs the per-article checks on them (`reading`), taking the rest from
the archive index, then compares the articles; `filters` settles and filters the findings. When
asked (`excerpts`: a report or a baseline shows them), `sources` gives the findings made without
their article at hand the excerpt of their line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import filters
from .config import Config
from .documents import ReaderOptions, input_finding
from .incremental import IncrementalRun, targets
from .index import IndexReset
from .model import Finding, Location
from .ruleset import RuleSet
from .sources import complete_excerpts


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    articles: dict[str, dict] = field(default_factory=dict)  # display path -> what a report shows of it
    notices: list[str] = field(default_factory=list)  # one-line messages for stderr
    errors: list[str] = field(default_factory=list)  # files that could not be read: exit code 2


def run(files: list[tuple[str, str]], ruleset: RuleSet, config: Config, options: ReaderOptions,
        select: list[str] | None, ignore: list[str], jobs: int = 1, archive=None, progress=None,
        excerpts: bool = True, skipped: list[tuple[str, str]] = ()) -> Outcome:
    """Lint `files` (path, display pairs), comparing them across articles with each other and with
    the archive's files; every finding has its excerpt when `excerpts`. `skipped` are the paths
    (display, reason) the walk passed over; they are reported with the files found not to be text.
    An index found unreadable mid-run has been emptied: the run starts again."""
    args = (files, ruleset, config, options, select, ignore, jobs, archive, progress, excerpts, skipped)
    try:
        return _run(*args)
    except IndexReset:
        return _run(*args)


def _run(files, ruleset, config, options, select, ignore, jobs, archive, progress, excerpts, skipped) -> Outcome:
    outcome = Outcome()
    # files: the given ones, then the archive's
    run_targets = targets(files, archive)
    # documents and their per-article checks: what changed is read, the rest comes from the index
    work = IncrementalRun(archive, ruleset, options)
    reported = {t.display for t in run_targets if t.given}
    skipped = list(skipped)
    for problem in work.analyse(run_targets, jobs, progress):
        if problem.error:
            outcome.errors.append(problem.message)
        elif problem.path in reported and problem.article:
            skipped.append((problem.path, problem.reason))
        else:
            outcome.notices.append(problem.message)  # an archive file not reported on, or not an article
    given = [work.analyses[t.display] for t in run_targets if t.given and t.sha1 is not None]
    outcome.files_checked = len(given)
    outcome.articles = {a.path: a.article for a in given if a.article}
    # cross-article checks
    cross = work.compare(run_targets, {a.path for a in given})
    # filtered findings, each with its excerpt when asked
    own = [f for a in given for f in a.findings] + [skip_finding(path, reason) for path, reason in skipped]
    findings = filters.apply(filters.settle(own, cross), given, config, select, ignore)
    if excerpts:
        findings = complete_excerpts(findings, {display: path for path, display in files})
    outcome.findings = findings
    return outcome


def skip_finding(path: str, reason: str) -> Finding:
    """A file or directory the run passed over, reported like a finding so that every format shows
    it and --fail-on decides."""
    return input_finding("input.skipped", "warning", f"skipped: {reason}", Location(path, 1, 1, 1, 1),
                         reason=reason)
