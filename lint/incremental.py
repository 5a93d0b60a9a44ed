"""Analysis over the archive index: a run reads only the files that changed since the index last
saw them, takes the others' findings and records from it, and compares across articles only what it
must: nothing when an earlier run compared the same contents, only the records of terms related to
the given files' when those are a small part of the archive.

Without an index (`--no-cache`, or no writable place for one) every given file is read and the
given files are compared with each other.
"""
from __future__ import annotations

import functools
import os

from .digest import sha1
from .index import Entry, decode_compared, decode_findings, encode_compared, encode_findings, fingerprint
from .model import Withdrawal
from .reading import Analysis, Problem, analyse_files
from .ruleset import Rule, RuleSet

# Narrow the comparison to related terms when the given files are at most this share of the archive.
NARROW_SHARE = 0.05

# Analyses are written to the index in batches of this many, so a large cold run neither holds every
# encoded entry in memory nor loses all its work when interrupted.
STORE_BATCH = 500


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


def targets(files: list[tuple[str, str]], archive) -> list[Target]:
    """The given files, then the archive's other files, each once."""
    found, seen = [], set()
    for path, display in files:
        absolute = os.path.abspath(path)
        key = archive.key(absolute) if archive else None
        if (key or absolute) not in seen:
            seen.add(key or absolute)
            found.append(Target(path, display, True, key))
    if archive is not None:
        for key in archive.keys:
            if key not in seen:
                found.append(Target(archive.path(key), archive.display(key), False, key))
        for absolute in archive.outside:
            if absolute not in seen:
                seen.add(absolute)
                found.append(Target(absolute, os.path.relpath(absolute), False, None))
    return found


class IncrementalRun:
    """One run's analyses, read now or taken from the archive's index, and their comparison."""

    def __init__(self, archive, ruleset: RuleSet, options):
        self.archive = archive
        self.ruleset = ruleset
        self.options = options
        self.index = archive.index if archive is not None else None
        self.stamp = fingerprint(ruleset.rules, options) if self.index is not None else None
        self.cross_rules = [r for r in ruleset.rules if r.kind.cross_article]
        self.kinds = {r.id: r.kind for r in self.cross_rules}
        self.analyses: dict[str, Analysis] = {}  # the given files', and the other files' read in this run

    def analyse(self, targets: list[Target], jobs: int, progress=None) -> list[Problem]:
        """Analyse every target that changed since the index saw it (all of them without an index),
        take the given files' unchanged findings from the index, and keep the index up to date.
        Returns the files that could not be read."""
        index, stamp = self.index, self.stamp
        to_read = targets
        stamps = {}
        if index is not None:
            stamps = index.stamps(stamp)
            to_read = []
            for target in targets:
                known = stamps.get(target.key) if target.key else None
                if known is not None and _unchanged(target.path, known[0], known[1]) \
                        and (not target.given or os.access(target.path, os.R_OK)):  # one it cannot read is reported
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
                self.analyses[target.display] = Analysis(target.display, findings, None, entry.suppressions,
                                                         entry.article)
        problems, fresh, unreadable = [], [], set()
        keys_of = {r.id: functools.partial(r.kind.term_keys, rule=r) for r in self.cross_rules if r.kind.hops}
        jobs_list = [(t.path, t.display) for t in to_read]
        for target, result in zip(to_read, analyse_files(jobs_list, self.ruleset, self.options, jobs, progress)):
            if isinstance(result, Problem):
                problems.append(result)
                if target.key is not None:
                    unreadable.add(target.key)
                continue
            analysis, mtime_ns, size, target.sha1 = result
            if index is not None and target.key is not None:
                stored = self._stored(analysis.records)
                fresh.append(Entry(target.key, mtime_ns, size, target.sha1, encode_findings(analysis.findings),
                                   stored, analysis.suppressions, analysis.article,
                                   self._terms(analysis.records, stored)))
                if len(fresh) >= STORE_BATCH:
                    index.store(stamp, fresh, keys_of)
                    fresh.clear()
            if not target.given:
                analysis.findings = []
            self.analyses[target.display] = analysis
        if index is not None:
            index.store(stamp, fresh, keys_of)
            index.forget(unreadable)
            present_keys = {t.key for t in targets if t.key} - unreadable
            if unreadable or not present_keys.issuperset(stamps):  # some stored article is gone
                index.forget_missing(present_keys, self.archive.content_keys)
        return problems

    def compare(self, targets: list[Target], report_on: set[str]) -> list:
        """The cross-article findings (and withdrawals) for the reported files: remembered from an
        earlier run over the same files and contents, or compared now."""
        if not self.cross_rules:
            return []
        present = [t for t in targets if t.sha1 is not None]
        index, stamp = self.index, self.stamp
        state = None
        if index is not None:
            digest = sha1(stamp.encode())
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
        every = not narrow or any(not r.kind.hops for r in self.cross_rules)  # some rule compares every article
        self._load_records(present, every)
        found = []
        for rule in self.cross_rules:
            if narrow and rule.kind.hops:
                records = self._related_records(rule, present, report_on)
            else:
                records = {t.display: self.analyses[t.display].records.get(rule.id, [])
                           for t in present if t.display in self.analyses}
            found.extend(compare(rule, records, report_on))
        if index is not None:
            index.store_comparison(stamp, state, encode_compared(found))
        return found

    def _load_records(self, present: list[Target], every: bool):
        """Read from the index the records still missing: the given files' (their findings came from
        it), and every file's when some rule compares every article."""
        lacking = {}
        for target in present:
            analysis = self.analyses.get(target.display)
            if (analysis.records is None) if analysis is not None else every:
                lacking[target.key] = target
        if not lacking:
            return
        for key, entry in self.index.load(self.stamp, set(lacking), records=True).items():
            display = lacking[key].display
            records = self._restored(entry.records)
            if display in self.analyses:
                self.analyses[display].records = records
            else:
                self.analyses[display] = Analysis(display, [], records, [])

    def _related_records(self, rule: Rule, present: list[Target], report_on: set[str]) -> dict[str, list]:
        """The reported files' records for `rule`, and every other article's records about the terms
        within the kind's `hops` steps of theirs, from the index (files read in this run are in it)."""
        kind, index, stamp = rule.kind, self.index, self.stamp
        records = {path: self.analyses[path].records.get(rule.id, []) for path in report_on}
        terms = {kind.term(rec) for recs in records.values() for rec in recs} - {None}
        frontier = set(terms)
        for _ in range(kind.hops):
            keys = {key for term in frontier for key in kind.term_keys(term, rule)}
            frontier = index.terms_with_keys(stamp, rule.id, keys) - terms
            terms |= frontier
        displays = {t.key: t.display for t in present if t.key is not None and t.display not in report_on}
        for key, recs in index.records_about(stamp, rule.id, terms).items():
            if key in displays:
                records[displays[key]] = [kind.restored(rec) for rec in recs]
        return records

    def _stored(self, records: dict[str, list]) -> dict[str, list]:
        """Records as the index keeps them: plain tuples."""
        return {rule_id: [self.kinds[rule_id].stored(rec) for rec in recs] for rule_id, recs in records.items()}

    def _restored(self, stored: dict[str, list]) -> dict[str, list]:
        return {rule_id: [self.kinds[rule_id].restored(rec) for rec in recs]
                for rule_id, recs in stored.items() if rule_id in self.kinds}

    def _terms(self, records: dict[str, list], stored: dict[str, list]) -> dict[str, dict[str, list]]:
        """An article's stored records by rule and term, as the index keeps them for narrowed lookups."""
        by_rule = {}
        for rule in self.cross_rules:
            if rule.kind.hops:
                by_term = {}
                for rec, kept in zip(records.get(rule.id, ()), stored.get(rule.id, ())):
                    term = rule.kind.term(rec)
                    if term is not None:
                        by_term.setdefault(term, []).append(kept)
                by_rule[rule.id] = by_term
        return by_rule


def compare(rule: Rule, records: dict[str, list], report_on: set[str]) -> list:
    """One cross-article rule's findings for `report_on`, and its withdrawals of the kinds it settles."""
    found = []
    for item in rule.kind.compare(records, rule, report_on):
        if item.location.path not in report_on:
            continue
        if isinstance(item, Withdrawal) and item.kind not in rule.kind.settles:
            raise RuntimeError(f"check kind {rule.kind.name} withdrew a {item.kind} finding, "
                               "which it does not declare it settles")
        found.append(item)
    return found


def _unchanged(path: str, mtime_ns: int, size: int) -> bool:
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return stat.st_mtime_ns == mtime_ns and stat.st_size == size
