"""The archive index: what every article of the archive contributed last time it was read.

Pre-commit hands the hook only the staged files, yet a duplicated headline or a respelled name
matters most against the rest of the archive. The index keeps, per article and per rule set, the
file's size, mtime and content hash, its per-article findings, its suppression comments and its
cross-article records (headline keys, name spellings), in SQLite. A run re-reads only new or
changed files; deleted files leave the index.

SQLite in WAL mode with a busy timeout lets several hook processes read and write at once; every
write is one short transaction, and what a process writes for a file depends only on that file's
content, so concurrent runs agree. A cache that is not a database, or was written by another
schema version, is rebuilt with a one-line notice.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .model import Finding, Fix, Location, Related
from .suppress import Suppression

SCHEMA_VERSION = 2
DB_NAME = "index.sqlite"


@dataclass
class Entry:
    """One article as the index remembers it."""

    key: str  # path relative to the archive root
    mtime_ns: int
    size: int
    sha1: str
    findings_blob: bytes | None  # per-article findings as stored (encode_findings); None when not loaded
    records: dict[str, list]
    suppressions: list[Suppression]


class Index:
    def __init__(self, directory: Path, notices: list[str]):
        self.directory = directory
        self.path = directory / DB_NAME
        self.notices = notices
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
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is not None and row[0] != str(SCHEMA_VERSION):
                self.notices.append(f"{self.path}: cache from schema {row[0]}, this linter uses "
                                    f"{SCHEMA_VERSION}; rebuilt")
                db.execute("DROP TABLE IF EXISTS articles")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            db.execute("""CREATE TABLE IF NOT EXISTS articles (
                path TEXT NOT NULL, fingerprint TEXT NOT NULL, mtime_ns INTEGER NOT NULL,
                size INTEGER NOT NULL, sha1 TEXT NOT NULL, findings BLOB NOT NULL,
                records BLOB NOT NULL, suppressions BLOB NOT NULL,
                PRIMARY KEY (path, fingerprint))""")
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

    def load(self, fingerprint: str, with_findings: set[str]) -> dict[str, Entry]:
        """Every article stored for this rule set; findings kept only for `with_findings` keys.

        Values are stored with marshal: the records are tuples of plain values, and marshal reads
        them back as tuples several times faster than JSON could."""
        entries = {}
        rows = self.db.execute(
            "SELECT path, mtime_ns, size, sha1, findings, records, suppressions FROM articles "
            "WHERE fingerprint = ?", (fingerprint,))
        try:
            for key, mtime_ns, size, sha1, findings, records, suppressions in rows:
                entries[key] = Entry(
                    key, mtime_ns, size, sha1, findings if key in with_findings else None,
                    marshal.loads(records),
                    [Suppression(s, a, b) for s, a, b in marshal.loads(suppressions)])
        except (ValueError, EOFError, TypeError) as exc:
            self.notices.append(f"{self.path}: cache entry unreadable ({exc}); rebuilt")
            self.db.execute("DELETE FROM articles")
            return {}
        return entries

    def store(self, fingerprint: str, entries: list[Entry]):
        if not entries:
            return
        rows = [(e.key, fingerprint, e.mtime_ns, e.size, e.sha1, e.findings_blob or encode_findings([]),
                 marshal.dumps(e.records), marshal.dumps([(s.selectors, s.first_line, s.last_line)
                                                          for s in e.suppressions]))
                for e in entries]
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany("DELETE FROM articles WHERE path = ? AND sha1 != ?",
                                [(r[0], r[4]) for r in rows])
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def forget_missing(self, present: set[str], under: list[str]):
        """Drop articles under the archive's content paths that no longer exist."""
        stored = {row[0] for row in self.db.execute("SELECT DISTINCT path FROM articles")}
        gone = [(k,) for k in stored - present
                if any(k == u or k.startswith(u.rstrip("/") + "/") or u == "." for u in under)]
        if gone:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("DELETE FROM articles WHERE path = ?", gone)
            self.db.execute("COMMIT")

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
    return hashlib.sha1(data).hexdigest()


def encode_findings(findings: list[Finding]) -> bytes:
    """Per-article findings without their path (restored on load: the file may be shown differently)."""
    out = []
    for f in findings:
        loc = f.location
        out.append((f.rule, f.level, f.message, loc.line, loc.column, loc.end_line, loc.end_column,
                    tuple((r.location.line, r.location.column, r.location.end_line, r.location.end_column, r.message)
                          for r in f.related),
                    None if f.fix is None else (f.fix.start, f.fix.end, f.fix.original, f.fix.replacement)))
    return marshal.dumps(out)


def decode_findings(blob: bytes, path: str) -> list[Finding]:
    findings = []
    for rule, level, message, line, column, end_line, end_column, related, fix in marshal.loads(blob):
        findings.append(Finding(
            rule, level, message, Location(path, line, column, end_line, end_column),
            [Related(Location(path, *r[:4]), r[4]) for r in related],
            None if fix is None else Fix(*fix)))
    return findings


def fingerprint(rules, options) -> str:
    """What the stored analyses depend on: the linter's code, the rules and the reader options."""
    digest = hashlib.sha1()
    digest.update(f"{__version__}|{SCHEMA_VERSION}|{options!r}".encode())
    # the rules' own parameters are below; the code that interprets them is fingerprinted here
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(package)}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    for rule in sorted(rules, key=lambda r: r.id):
        digest.update(json.dumps([rule.id, rule.kind.name, rule.level, rule.message, rule.params],
                                 sort_keys=True, default=str).encode())
    return digest.hexdigest()
