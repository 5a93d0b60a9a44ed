"""Readers: one per format, each turning a file's bytes into a Document.

Decoding, binary detection and the prose-masking helpers live here so that every reader behaves the
same on bad input: a binary file is skipped, a file that is not UTF-8 is read as cp1252 with a
finding that says so.
"""
from __future__ import annotations

import codecs
import datetime as dt
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Block, Document, Finding, LineIndex, LintError, Location

SUFFIXES = {
    ".md": "markdown", ".markdown": "markdown",
    ".txt": "text",
    ".html": "html", ".htm": "html",
}


@dataclass(frozen=True)
class ReaderOptions:
    headline_keys: tuple[str, ...] = ("title", "headline")
    date_keys: tuple[str, ...] = ("date", "published", "pubDate", "publishDate", "published_at")
    published: dt.date | None = None  # --published: used when a document carries no date


def input_finding(rule: str, level: str, message: str, location: Location, **data) -> Finding:
    """A finding about a file's input rather than its text (reported by the readers and the walk:
    encoding, front matter, NUL bytes, files skipped): rules of their own, not of a pack."""
    return Finding(rule, level, message, location, kind="reader", data=data)


class BinaryFile(LintError):
    """Raised for files that are not articles (not text); the run skips them and says why."""

    def __init__(self, display: str, reason: str):
        super().__init__(f"{display}: skipped, {reason}")
        self.reason = reason


def read_document(path: Path, display: str, options: ReaderOptions, data: bytes | None = None) -> Document:
    """Read `path` (shown to the user as `display`) with the reader its suffix names."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise LintError(f"{display}: unsupported file type '{path.suffix}' (expected .md, .markdown, .txt, .html, .htm)")
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LintError(f"{display}: cannot read: {exc.strerror or exc}") from None
    source, notices = decode(data, display)
    if _a_report(source):
        raise NotAnArticle(display, "passed over, a report this linter wrote")
    reader = importlib.import_module(f"{__name__}.{kind}")  # only the readers a run needs are loaded
    doc = reader.read(display, source, options)
    doc.notices[:0] = notices
    if doc.published is None and options.published is not None:
        doc.published, doc.published_origin = options.published, "option"
    return doc


class NotAnArticle(BinaryFile):
    """A text file that is not an article: a report this linter wrote into the archive (`--output
    report.html`, or a text report saved as .txt). It is passed over with a notice, not reported."""


# What only this linter's reports look like: the HTML report's generator tag; a text report's
# finding lines (path:line:column: level rule.id) and summary; GitHub annotation lines.
_REPORT_HTML = re.compile(r'<meta name="generator" content="newsroom-lint report">')
_REPORT_LINE = re.compile(r"\S.*:\d+:\d+: (?:error|warning|info) [a-z][a-z0-9-]*\.[a-z0-9-]+ |"
                          r"::(?:error|warning|notice) file=|(?:Found \d+ findings? \(|No findings \()")
_REPORT_SUMMARY = re.compile(r"(?:Found \d+ findings? \(.*\) in \d+ files? |No findings )\(\d+ files? checked.*\)\.")


def _a_report(source: str) -> bool:
    head = source[:2000]
    if "newsroom-lint report" in head:
        return bool(_REPORT_HTML.search(head))
    if not _REPORT_LINE.match(head):
        return False
    lines = source.rstrip("\n").rsplit("\n", 1)
    return bool(_REPORT_SUMMARY.fullmatch(lines[-1])) or all(
        line.startswith("::") for line in source.splitlines() if line.strip())


# Byte order marks, each with its codec; UTF-32's little-endian mark begins with UTF-16's, so it
# comes first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Leading bytes of binary files an archive keeps beside its articles: images, PDF, zip (and the
# office formats built on it), gzip, SQLite, executables, fonts, audio and video containers.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b",
                 b"SQLite format 3", b"\x7fELF", b"II*\x00", b"MM\x00*", b"RIFF", b"OggS", b"ID3",
                 b"wOFF", b"wOF2", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"Rar!")
# Every byte but the control characters that do not occur in text (NUL included).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r\f\v\x1b")
_SAMPLE = 8192


def _binary(data: bytes) -> bool:
    """A file is binary when its first bytes hold a NUL and it is a known binary format, or is
    mostly NULs, or is more than 1% other control characters: text with a stray NUL is text."""
    sample = data[:_SAMPLE]
    if b"\x00" not in sample:
        return False
    if sample.startswith(_BINARY_MAGIC):
        return True
    rest = sample.replace(b"\x00", b"")
    return len(rest) < len(sample) / 2 or len(rest.translate(None, _NOT_CONTROL)) > len(rest) / 100


def _unicode_codec(data: bytes) -> tuple[bytes, str]:
    """The byte order mark `data` starts with and the codec it names; UTF-8 without one."""
    return next(((bom, codec) for bom, codec in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def unicode_text(data: bytes) -> tuple[str, str, bytes] | None:
    """The text of `data` in the Unicode encoding its byte order mark names, else UTF-8, with that
    codec and the mark (readers drop it: offsets count from after it); None if it does not decode."""
    bom, codec = _unicode_codec(data)
    try:
        return data[len(bom):].decode(codec), codec, bom
    except UnicodeDecodeError:
        return None


def read_breaks(text: str) -> str:
    """`text` with each lone CR (an old Mac line end, or one pasted from a CMS) as LF: the same
    length, so offsets hold, and every reader and check sees the lines LineIndex counts."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


_LONE_CR = re.compile(r"\r(?!\n)")


def decode(data: bytes, display: str) -> tuple[str, list[Finding]]:
    """The text of a file as the readers see it and findings about its bytes; BinaryFile for a
    file that is not text. UTF-16 and UTF-32 are read by their byte order mark; a file that is not
    valid UTF-8 is read as cp1252, other bad bytes as U+FFFD, each with a finding."""
    bom, codec = _unicode_codec(data)
    if not bom and _binary(data):
        raise BinaryFile(display, "binary file")
    body, notices = data[len(bom):], []
    try:
        source = body.decode(codec)
    except UnicodeDecodeError as exc:
        line = len(LineIndex(body[:exc.start].decode(codec, errors="replace")).starts)
        if codec == "utf-8":
            source, read_as = body.decode("cp1252", errors="replace"), "read as cp1252"
        else:
            source, read_as = body.decode(codec, errors="replace"), "bad bytes read as U+FFFD"
        notices.append(input_finding(
            "input.encoding", "warning",
            f"file is not valid {codec.upper()} (first bad byte at line {line}); {read_as}",
            Location(display, line, 1, line, 1), encoding=codec, line=line))
    source = read_breaks(source)
    if "\x00" in source:
        notices.append(_nul_finding(source, display))
    return source, notices


def _nul_finding(source: str, display: str) -> Finding:
    first, count = source.index("\x00"), source.count("\x00")
    line, column = LineIndex(source).position(first)
    several = f", {count} in all" if count > 1 else ""
    return input_finding("input.nul-byte", "warning",
                         f"NUL byte in the text (line {line}, column {column}{several}): the file is "
                         "damaged or was exported badly; the rest was read as text",
                         Location(display, line, column, line, column + 1), count=count)


# A date as front matter and meta tags write it: YYYY-MM-DD, optionally a time of day and a zone.
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                       r"(?:\s*(?:[Zz]|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?))?)?")
_NOT_A_DATE = "not a date such as 2025-03-07"


def parse_date(value) -> dt.date:
    """A publication date from a front-matter or meta value; ValueError saying why it is not one
    (a day the month does not have, an hour 25, a word, a number)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(_NOT_A_DATE)
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return _rfc2822_date(value)
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a valid date: {exc}") from None
    if hour > 23 or minute > 59 or second > 60:
        raise ValueError("not a valid date: the time of day is out of range")
    return date


def date_notice(location: Location, written: str, problem: ValueError) -> Finding:
    """The finding for a publication date given in front matter or a meta tag that is not one."""
    return input_finding("input.front-matter", "error",
                         f"{written} is {problem}; it is not taken as the publication date", location,
                         written=written, problem=str(problem))


def _rfc2822_date(value: str) -> dt.date:
    """A date as e-mail and feeds write it ("Fri, 07 Mar 2025 10:00:00 GMT")."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise ValueError(_NOT_A_DATE) from None


class ProseBuilder:
    """Collects the stretches of a source that are prose, then renders the masked prose string."""

    def __init__(self, source: str):
        self.source = source
        self.intervals: list[tuple[int, int]] = []
        self.blocks: list[Block] = []
        self._block_start: int | None = None
        self._block_end = 0

    def add(self, start: int, end: int):
        if end <= start:
            return
        self.intervals.append((start, end))
        if self._block_start is None:
            self._block_start = start
        self._block_end = max(self._block_end, end)

    def end_block(self, kind: str = "paragraph") -> Block | None:
        """Close the current block; returns it, or None when it held no prose."""
        block = None
        if self._block_start is not None:
            block = Block(self._block_start, self._block_end, kind)
            self.blocks.append(block)
        self._block_start, self._block_end = None, 0
        return block

    def build(self) -> tuple[str, list[Block]]:
        self.end_block()
        pieces, pos = [], 0
        for start, end in sorted(self.intervals):
            if start < pos:
                start = pos
            if end <= start:
                continue
            pieces.append(blank(self.source[pos:start]))
            pieces.append(self.source[start:end])
            pos = end
        pieces.append(blank(self.source[pos:]))
        prose = mask_non_prose("".join(pieces))
        blocks = [b for b in sorted(set(self.blocks), key=lambda b: b.start) if prose[b.start:b.end].strip()]
        return prose, blocks


def blank(text: str) -> str:
    """Spaces of the same length as `text`, newlines kept, so offsets and lines survive."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(part) for part in text.split("\n"))


# Things that sit inside prose regions but are never prose: the template syntax of Hugo and
# Jekyll/Eleventy (shortcodes, tags, output expressions), URLs and e-mail addresses. Each pattern
# runs only when its marker character is in the text at all.
_TEMPLATE = re.compile(r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"')\]]+|\bwww\.[a-z0-9-]+\.[^\s<>\"')\]]+", re.IGNORECASE)
_MAIL_DOMAIN = re.compile(r"@[\w-]+\.[\w.-]+")


def mask_non_prose(prose: str) -> str:
    spans = []
    if "{" in prose:
        spans += [m.span() for m in _TEMPLATE.finditer(prose)]
    if "://" in prose or "www." in prose.lower():
        spans += [m.span() for m in _URL.finditer(prose)]
    if "@" in prose:
        for m in _MAIL_DOMAIN.finditer(prose):
            start = m.start()
            while start > 0 and (prose[start - 1].isalnum() or prose[start - 1] in "._+-"):
                start -= 1
            if start < m.start():
                spans.append((start, m.end()))
    if not spans:
        return prose
    pieces, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end > start:
            pieces += [prose[pos:start], blank(prose[start:end])]
            pos = end
    pieces.append(prose[pos:])
    return "".join(pieces)


def front_matter_fields(doc_fields: dict, keys: tuple[str, ...]):
    """The first of `keys` present in front matter, compared case-insensitively."""
    lowered = {str(k).lower(): k for k in doc_fields}
    for key in keys:
        if key.lower() in lowered:
            return lowered[key.lower()]
    return None
