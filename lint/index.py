"""The archive index: what every article of the archive contributed last time it was read.

Pre-commit hands the hook only the staged files, yet a duplicated headline or a respelled name
matters most against the rest of the archive. The index keeps, per article and per rule set, the
file's size, mtime and content hash, its per-article findings, its suppression comments, what a
report shows of it (headline, timeline) and its cross-article records (headline keys, name spellings), in SQLite. A run re-reads
only new or changed files; deleted files leave the index.

SQLite in WAL mode with a busy timeout lets several hook processes read and write at once; every
write is one short transaction, and what a process writes for a file depends only on that file's
content, so concurrent runs agree. A cache that is not a database, or was written by another
schema version, is rebuilt with a one-line notice.
"""
from __future__ import annotations

import marshal
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from .digest import sha1
from .model import Excerpt, Finding, Fix, Location, Related, Withdrawal
from .suppress import Suppression
from .usercache import code_stamp

SCHEMA_VERSION = 6
DB_NAME = "index.sqlite"
COMPARISONS_KEPT = 16  # remembered cross-article results per rule set (one per set of files given)
_CHUNK = 500  # values per SQL IN (...) list


@dataclass
class Entry:
    """One article as the index remembers it."""

    key: str  # path relative to the archive root
    mtime_ns: int
    size: int
    sha1: str
    findings_blob: bytes | None  # per-article findings as stored (encode_findings); None when not loaded
    records: dict[str, list]  # as stored: plain tuples (CrossArticleKind.stored)
    suppressions: list[Suppression]
    article: dict | None = None  # what reporters may show of it (Analysis.article)
    terms: dict[str, dict[str, list]] | None = None  # rule id -> term -> the stored records about it


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        chunk = values[start:start + _CHUNK]
        yield chunk, ",".join("?" * len(chunk))


class IndexReset(Exception):
    """The index was emptied mid-run (an unreadable entry): the run starts again from the files."""


class Index:
    def __init__(self, directory: Path, notices: list[str]):
        self.directory = directory
        self.path = directory / DB_NAME
        self.notices = notices
        self._scopes: dict[tuple[str, str], int] = {}
        directory.mkdir(parents=True, exist_ok=True)
        ignore = directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# the linter's cache: never committed\n*\n")
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            notices.append(f"{self.path}: cache unreadable ({exc}); rebuilt")
            self._remove_files()
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 60000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        row = None
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError:
            pass  # a new database: no meta table yet
        if row is not None and row[0] == str(SCHEMA_VERSION):
            return db  # the usual case: no write, so concurrent readers never wait here
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is not None and row[0] != str(SCHEMA_VERSION):
                self.notices.append(f"{self.path}: cache from schema {row[0]}, this linter uses "
                                    f"{SCHEMA_VERSION}; rebuilt")
                for table in ("articles", "scopes", "terms", "term_keys", "comparisons"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.execute("""CREATE TABLE IF NOT EXISTS articles (
                path TEXT NOT NULL, fingerprint TEXT NOT NULL, mtime_ns INTEGER NOT NULL,
                size INTEGER NOT NULL, sha1 TEXT NOT NULL, findings BLOB NOT NULL,
                records BLOB NOT NULL, suppressions BLOB NOT NULL, article BLOB NOT NULL,
                PRIMARY KEY (path, fingerprint))""")
            # every run reads all stamps of its rule set: from this index, not the rows' blob pages
            db.execute("CREATE INDEX IF NOT EXISTS articles_stamps ON articles (fingerprint, path, mtime_ns, size, sha1)")
            # a scope is one cross-article rule under one rule set
            db.execute("""CREATE TABLE IF NOT EXISTS scopes (id INTEGER PRIMARY KEY,
                fingerprint TEXT NOT NULL, rule TEXT NOT NULL, UNIQUE (fingerprint, rule))""")
            # what each article says about each term (a spelling, a headline), so a run given a few
            # files reads back only the records of the terms related to theirs
            db.execute("""CREATE TABLE IF NOT EXISTS terms (scope INTEGER NOT NULL, term TEXT NOT NULL,
                path TEXT NOT NULL, records BLOB NOT NULL, PRIMARY KEY (scope, term, path)) WITHOUT ROWID""")
            db.execute("CREATE INDEX IF NOT EXISTS terms_by_path ON terms (path, scope)")
            # the blocking keys of every term ever stored, to find a term's related terms
            db.execute("""CREATE TABLE IF NOT EXISTS term_keys (scope INTEGER NOT NULL, key TEXT NOT NULL,
                term TEXT NOT NULL, PRIMARY KEY (scope, key, term)) WITHOUT ROWID""")
            db.execute("""CREATE TABLE IF NOT EXISTS comparisons (fingerprint TEXT NOT NULL,
                state TEXT NOT NULL, findings BLOB NOT NULL, used INTEGER NOT NULL,
                PRIMARY KEY (fingerprint, state))""")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            db.close()
            raise
        return db

    def _remove_files(self):
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass

    def reset(self, exc: Exception):
        """Empty the index after an unreadable entry and tell the run to start again (IndexReset)."""
        self.notices.append(f"{self.path}: cache entry unreadable ({exc}); rebuilt")
        self.db.execute("BEGIN IMMEDIATE")
        for table in ("articles", "terms", "term_keys", "comparisons"):
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("COMMIT")
        raise IndexReset from exc

    def stamps(self, fingerprint: str) -> dict[str, tuple[int, int, str]]:
        """How every article stored for this rule set looked when it was read: (mtime_ns, size, sha1),
        enough to tell whether to read it again."""
        return {path: (mtime_ns, size, sha1) for path, mtime_ns, size, sha1 in self.db.execute(
            "SELECT path, mtime_ns, size, sha1 FROM articles WHERE fingerprint = ?", (fingerprint,))}

    def load(self, fingerprint: str, keys: set[str], records: bool) -> dict[str, Entry]:
        """The stored findings and suppressions of the articles `keys`, with their cross-article
        records when `records`. Values are stored with marshal: records are tuples of plain values,
        and marshal reads them back as tuples several times faster than JSON could."""
        columns = "path, mtime_ns, size, sha1, findings, suppressions, article" + (", records" if records else "")
        if len(keys) > _CHUNK:  # most of the archive: one scan beats many lookups
            rows = self.db.execute(f"SELECT {columns} FROM articles WHERE fingerprint = ?", (fingerprint,))
        else:
            rows = [row for chunk, marks in _chunks(keys) for row in self.db.execute(
                f"SELECT {columns} FROM articles WHERE fingerprint = ? AND path IN ({marks})",
                (fingerprint, *chunk))]
        entries = {}
        try:
            for row in rows:
                if row[0] in keys:
                    entries[row[0]] = Entry(
                        row[0], row[1], row[2], row[3], row[4], marshal.loads(row[7]) if records else {},
                        [Suppression(s, a, b) for s, a, b in marshal.loads(row[5])], marshal.loads(row[6]))
        except (ValueError, EOFError, TypeError) as exc:
            self.reset(exc)
        return entries

    def store(self, fingerprint: str, entries: list[Entry], keys_of: dict):
        """Write analysed articles, with their records by term; `keys_of[rule](term)` gives the
        blocking keys of a term the index has not seen before under that rule."""
        if not entries:
            return
        rows = [(e.key, fingerprint, e.mtime_ns, e.size, e.sha1, e.findings_blob or encode_findings([]),
                 marshal.dumps(e.records), marshal.dumps([(s.selectors, s.first_line, s.last_line)
                                                          for s in e.suppressions]), marshal.dumps(e.article or {}))
                for e in entries]
        self.db.execute("BEGIN IMMEDIATE")
        try:
            scopes = {rule: self._scope(fingerprint, rule, create=True) for e in entries for rule in (e.terms or {})}
            # an article's term rows go with its row in articles: with it when its content changed
            # (under every rule set), with this rule set's row when it is replaced
            self.db.executemany(
                "DELETE FROM terms WHERE path = ?1 AND scope IN (SELECT s.id FROM scopes s JOIN articles a "
                "ON a.fingerprint = s.fingerprint WHERE a.path = ?1 AND (a.sha1 != ?2 OR a.fingerprint = ?3))",
                [(e.key, e.sha1, fingerprint) for e in entries])
            self.db.executemany("DELETE FROM articles WHERE path = ? AND sha1 != ?", [(r[0], r[4]) for r in rows])
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            for rule, scope in scopes.items():
                by_term = [(scope, term, e.key, marshal.dumps(recs))
                           for e in entries for term, recs in (e.terms or {}).get(rule, {}).items()]
                terms = {row[1] for row in by_term}
                known = {term for chunk, marks in _chunks(terms) for (term,) in self.db.execute(
                    f"SELECT DISTINCT term FROM terms WHERE scope = ? AND term IN ({marks})", (scope, *chunk))}
                self.db.executemany("INSERT OR IGNORE INTO term_keys VALUES (?, ?, ?)",
                                    [(scope, key, term) for term in terms - known for key in keys_of[rule](term)])
                self.db.executemany("INSERT OR REPLACE INTO terms VALUES (?, ?, ?, ?)", by_term)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._scopes.clear()  # a scope made in the rolled-back transaction is gone
            raise

    def _scope(self, fingerprint: str, rule: str, create: bool = False) -> int | None:
        """The id of one cross-article rule under one rule set (made when `create`), or None."""
        found = self._scopes.get((fingerprint, rule))
        if found is None:
            if create:
                self.db.execute("INSERT OR IGNORE INTO scopes (fingerprint, rule) VALUES (?, ?)", (fingerprint, rule))
            row = self.db.execute("SELECT id FROM scopes WHERE fingerprint = ? AND rule = ?",
                                  (fingerprint, rule)).fetchone()
            if row is None:
                return None
            found = self._scopes[fingerprint, rule] = row[0]
        return found

    def terms_with_keys(self, fingerprint: str, rule: str, keys: set[str]) -> set[str]:
        """Terms stored under `rule` that share one of `keys`."""
        scope = self._scope(fingerprint, rule)
        if scope is None:
            return set()
        return {term for chunk, marks in _chunks(keys) for (term,) in self.db.execute(
            f"SELECT DISTINCT term FROM term_keys WHERE scope = ? AND key IN ({marks})", (scope, *chunk))}

    def records_about(self, fingerprint: str, rule: str, terms: set[str]) -> dict[str, list]:
        """Every stored article's records about `terms`, by article key."""
        scope = self._scope(fingerprint, rule)
        found: dict[str, list] = {}
        if scope is None:
            return found
        try:
            for chunk, marks in _chunks(terms):
                for path, blob in self.db.execute(
                        f"SELECT path, records FROM terms WHERE scope = ? AND term IN ({marks})", (scope, *chunk)):
                    found.setdefault(path, []).extend(marshal.loads(blob))
        except (ValueError, EOFError, TypeError) as exc:
            self.reset(exc)
        return found

    def comparison(self, fingerprint: str, state: str) -> bytes | None:
        """The cross-article findings of an earlier run over exactly the same files and contents."""
        row = self.db.execute("SELECT findings FROM comparisons WHERE fingerprint = ? AND state = ?",
                              (fingerprint, state)).fetchone()
        return None if row is None else row[0]

    def store_comparison(self, fingerprint: str, state: str, blob: bytes):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("INSERT OR REPLACE INTO comparisons VALUES (?, ?, ?, ?)",
                            (fingerprint, state, blob, time.time_ns()))
            self.db.execute("DELETE FROM comparisons WHERE fingerprint = ? AND state NOT IN (SELECT state FROM "
                            "comparisons WHERE fingerprint = ? ORDER BY used DESC LIMIT ?)",
                            (fingerprint, fingerprint, COMPARISONS_KEPT))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def forget(self, keys: set[str]):
        """Drop articles from the index (deleted, or no longer readable)."""
        if not keys:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany("DELETE FROM terms WHERE path = ?", [(k,) for k in keys])
            self.db.executemany("DELETE FROM articles WHERE path = ?", [(k,) for k in keys])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def forget_missing(self, present: set[str], under: list[str]):
        """Drop articles under the archive's content paths that no longer exist."""
        stored = {row[0] for row in self.db.execute("SELECT DISTINCT path FROM articles")}
        self.forget({k for k in stored - present
                     if any(k == u or k.startswith(u.rstrip("/") + "/") or u == "." for u in under)})

    def close(self):
        self.db.close()


def clear(directory: Path) -> bool:
    """Remove the cache directory's index; True when there was one."""
    removed = False
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        try:
            (directory / name).unlink()
            removed = True
        except FileNotFoundError:
            pass
    return removed


def file_sha1(data: bytes) -> str:
    return sha1(data).hexdigest()


def _place(loc: Location, with_path: bool) -> tuple:
    return (loc.path, *loc.place()) if with_path else loc.place()


def _excerpt_row(excerpt: Excerpt | None) -> tuple | None:
    return None if excerpt is None else (excerpt.text, excerpt.start, excerpt.end)


def _finding_row(f: Finding, with_paths: bool) -> tuple:
    fix = f.fix
    return (f.rule, f.level, f.message, _place(f.location, with_paths),
            tuple((_place(r.location, with_paths), r.message, _excerpt_row(r.excerpt)) for r in f.related),
            None if fix is None else (fix.start, fix.end, fix.original, fix.replacement,
                                      None if fix.location is None else _place(fix.location, with_paths)),
            f.kind, f.data, _excerpt_row(f.excerpt))


def _finding(row: tuple, path: str | None) -> Finding:
    """A finding from its row; `path` is its article's when the row was stored without paths."""
    def located(place):
        return Location(path, *place) if path is not None else Location(*place)

    rule, level, message, place, related, fix, kind, data, excerpt = row
    return Finding(rule, level, message, located(place),
                   [Related(located(p), m, None if e is None else Excerpt(*e)) for p, m, e in related],
                   None if fix is None else Fix(*fix[:4], None if fix[4] is None else located(fix[4])),
                   kind, data, None if excerpt is None else Excerpt(*excerpt))


def encode_findings(findings: list[Finding]) -> bytes:
    """Per-article findings without their path (restored on load: the file may be shown differently)."""
    return marshal.dumps([_finding_row(f, False) for f in findings])


def decode_findings(blob: bytes, path: str) -> list[Finding]:
    return [_finding(row, path) for row in marshal.loads(blob)]


def encode_compared(found: list) -> bytes:
    """Cross-article findings and withdrawals with their paths (a comparison is stored for one way
    of showing them)."""
    return marshal.dumps(([_finding_row(f, True) for f in found if isinstance(f, Finding)],
                          [(w.kind, _place(w.location, True), w.fix_only) for w in found if isinstance(w, Withdrawal)]))


def decode_compared(blob: bytes) -> list:
    rows, withdrawals = marshal.loads(blob)
    return [_finding(row, None) for row in rows] \
        + [Withdrawal(kind, Location(*loc), fix_only) for kind, loc, fix_only in withdrawals]


def fingerprint(rules, options) -> str:
    """What the stored analyses depend on: the linter's code, the rules and the reader options."""
    digest = sha1()
    digest.update(f"{SCHEMA_VERSION}|{options!r}".encode())
    # the rules' own parameters are below; the code that interprets them is fingerprinted here
    digest.update(code_stamp().encode())
    for rule in sorted(rules, key=lambda r: r.id):
        digest.update(repr([rule.id, rule.kind.name, rule.level, rule.message, rule.params]).encode())
    return digest.hexdigest()
