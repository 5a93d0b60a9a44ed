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
from .documents import ReaderOptions
from .incremental import IncrementalRun, targets
from .index import IndexReset
from .model import Finding
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
        excerpts: bool = True) -> Outcome:
    """Lint `files` (path, display pairs), comparing them across articles with each other and with
    the archive's files; every finding has its excerpt when `excerpts`. An index found unreadable
    mid-run has been emptied: the run starts again."""
    try:
        return _run(files, ruleset, config, options, select, ignore, jobs, archive, progress, excerpts)
    except IndexReset:
        return _run(files, ruleset, config, options, select, ignore, jobs, archive, progress, excerpts)


def _run(files, ruleset, config, options, select, ignore, jobs, archive, progress, excerpts) -> Outcome:
    outcome = Outcome()
    # files: the given ones, then the archive's
    run_targets = targets(files, archive)
    # documents and their per-article checks: what changed is read, the rest comes from the index
    work = IncrementalRun(archive, ruleset, options)
    for problem in work.analyse(run_targets, jobs, progress):
        (outcome.errors if problem.error else outcome.notices).append(problem.message)
    given = [work.analyses[t.display] for t in run_targets if t.given and t.sha1 is not None]
    outcome.files_checked = len(given)
    outcome.articles = {a.path: a.article for a in given if a.article}
    # cross-article checks
    cross = work.compare(run_targets, {a.path for a in given})
    # filtered findings, each with its excerpt when asked
    findings = filters.apply(filters.settle([f for a in given for f in a.findings], cross), given,
                             config, select, ignore)
    if excerpts:
        findings = complete_excerpts(findings, {display: path for path, display in files})
    outcome.findings = findings
    return outcome
