"""Reading files and running the per-article checks: each file becomes a document, and the
document its findings and cross-article records, in worker processes when that is worth it."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .documents import BinaryFile, NotAnArticle, ReaderOptions, read_document
from .index import file_sha1
from .model import ArticleNote, Document, Finding, LintError
from .ruleset import Rule, RuleSet
from .suppress import Suppression, suppressions


@dataclass(frozen=True)
class Problem:
    """A file that was not analysed: skipped (not text) or unreadable (an input error)."""

    path: str  # as displayed
    reason: str
    error: bool
    article: bool = True  # False for a file that is no article at all (a report of this linter)

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Analysis:
    """What one document contributes to a run; small and picklable."""

    path: str
    findings: list[Finding]
    records: dict[str, list] | None  # cross-article rule id -> records; None until loaded from the index
    suppressions: list[Suppression]
    article: dict = field(default_factory=dict)  # what reporters may show of the article: headline, notes


def reader_options(config: Config, published=None) -> ReaderOptions:
    return ReaderOptions(headline_keys=config.headline_keys, date_keys=config.date_keys, published=published)


def analyse(doc: Document, rules: list[Rule]) -> Analysis:
    """Run the per-article rules on one document and extract its cross-article records; notes the
    checks give about the whole article join its headline in `article`."""
    findings = list(doc.notices)
    records = {}
    article = {"headline": doc.headline.text} if doc.headline is not None else {}
    for rule in rules:
        if rule.kind.cross_article:
            records[rule.id] = rule.kind.extract(doc, rule)
            continue
        for item in rule.kind.check(doc, rule):
            if isinstance(item, ArticleNote):
                article[item.name] = item.value
            else:
                findings.append(item)
    return Analysis(doc.path, findings, records, suppressions(doc), article)


def analyse_file(name: str, display: str, ruleset: RuleSet, options: ReaderOptions):
    """Read and analyse one file: (analysis, mtime_ns, size, sha1), or the Problem that stopped it."""
    path = Path(name)
    try:
        stat = path.stat()
        data = path.read_bytes()
        doc = read_document(path, display, options, data)
    except BinaryFile as exc:
        return Problem(display, exc.reason, error=False, article=not isinstance(exc, NotAnArticle))
    except LintError as exc:
        return Problem(display, str(exc).removeprefix(f"{display}: "), error=True)
    except OSError as exc:
        return Problem(display, f"cannot read: {exc.strerror or exc}", error=True)
    return analyse(doc, ruleset.rules), stat.st_mtime_ns, stat.st_size, file_sha1(data)


# Worker processes keep the rule set and reader options they were started with.
_worker_state: tuple[RuleSet, ReaderOptions] | None = None


def _init_worker(ruleset: RuleSet, options: ReaderOptions, parent: int):
    global _worker_state
    _worker_state = (ruleset, options)
    _end_with(parent)


def _end_with(parent: int):
    """A worker ends when the run that started it does, however that ends (SIGTERM, SIGKILL, the
    parent's own death): on Linux the kernel sends it SIGTERM when its parent dies; elsewhere a
    thread watches the parent. Ctrl-C is the parent's to handle: it shuts the pool down."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the handler the parent's CLI installed
    try:
        import ctypes

        if ctypes.CDLL(None).prctl(1, signal.SIGTERM) != 0:  # PR_SET_PDEATHSIG
            raise OSError
    except (OSError, AttributeError):
        import threading

        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the kernel was told
        os._exit(1)


def _watch(parent: int):
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _analyse_in_worker(job: tuple[str, str]):
    ruleset, options = _worker_state
    return analyse_file(job[0], job[1], ruleset, options)


# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 48


def analyse_files(jobs_list: list[tuple[str, str]], ruleset: RuleSet, options: ReaderOptions, jobs: int,
                  progress=None):
    """Results for (path, display) pairs in their order, as they come (the caller stores them
    meanwhile), read and analysed in `jobs` processes when worth it."""
    if jobs <= 1 or len(jobs_list) < PARALLEL_THRESHOLD:
        for done, (path, display) in enumerate(jobs_list, 1):
            yield analyse_file(path, display, ruleset, options)
            if progress:
                progress(done, len(jobs_list))
        return
    import concurrent.futures
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    chunk = max(1, min(32, len(jobs_list) // (jobs * 8)))
    pool = concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                                  initargs=(ruleset, options, os.getpid()))
    try:
        for done, result in enumerate(pool.map(_analyse_in_worker, jobs_list, chunksize=chunk), 1):
            yield result
            if progress:
                progress(done, len(jobs_list))
    except BaseException:  # interrupted, terminated, or the caller gave up: no queued work is started
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
