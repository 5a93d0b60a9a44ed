"""Readers: one per format, each turning a file's bytes into a Document.

Decoding, binary detection and the prose-masking helpers live here so that every reader behaves the
same on bad input: a binary file is skipped, a file that is not UTF-8 is read as cp1252 with a
finding that says so.
"""
from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Block, Document, Finding, LintError, Location

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


class BinaryFile(LintError):
    """Raised for files that are not text; the engine skips them with a one-line notice."""


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
    reader = importlib.import_module(f"{__name__}.{kind}")  # only the readers a run needs are loaded
    doc = reader.read(display, source, options)
    doc.notices[:0] = notices
    if doc.published is None and options.published is not None:
        doc.published, doc.published_origin = options.published, "option"
    return doc


def decode(data: bytes, display: str) -> tuple[str, list[Finding]]:
    if b"\x00" in data[:8192]:
        raise BinaryFile(f"{display}: skipped, binary file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        source = data.decode("cp1252", errors="replace")
        return source, [Finding(
            rule="input.encoding", level="warning",
            message=f"file is not valid UTF-8 (first bad byte at line {line}); read as cp1252",
            location=Location(display, line, 1, line, 1),
        )]


def parse_date(value) -> dt.date | None:
    """A publication date from a front-matter or meta value, or None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if match:
            try:
                return dt.date(*map(int, match.groups()))
            except ValueError:
                return None
    return None


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
