"""Plain data shared by every stage: documents in, findings out.

Readers build a Document and nobody changes it afterwards; checks turn a Document and a Rule into
Findings; reporters serialise Findings. Offsets are always character offsets into the original source.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import namedtuple
from dataclasses import dataclass, field

LEVELS = ("info", "warning", "error")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


class LineIndex:
    """Turns a character offset into a 1-based (line, column) in the original file.

    A line ends at LF, CRLF or a lone CR, as editors and GitHub show it; other separators (form
    feed, U+2028, NEL) are characters within a line. `split` cuts a text into lines the same way.
    """

    def __init__(self, source: str):
        # CRLF as " \n" and a lone CR as "\n" keep every offset, so one search finds each break
        breaks = source.replace("\r\n", " \n").replace("\r", "\n") if "\r" in source else source
        self.starts = [0]
        pos = breaks.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = breaks.find("\n", pos + 1)
        self.length = len(source)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def bounds(self, line: int) -> tuple[int, int]:
        """[start, end) of a 1-based line's text and its line break but the break's last character
        (a CRLF line keeps its CR: strip it)."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return start, end

    @classmethod
    def split(cls, text: str, keepends: bool = False) -> list[str]:
        """The lines of `text` (without their line breaks unless `keepends`); a break at the very
        end does not open another line."""
        starts = cls(text).starts
        lines = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
        if lines and not lines[-1]:
            lines.pop()
        return lines if keepends else [line.rstrip("\r\n") for line in lines]


@dataclass(frozen=True)
class Span:
    """A stretch of the source, [start, end) in characters."""

    start: int
    end: int


@dataclass(frozen=True)
class Block(Span):
    """A unit of prose: "paragraph", "heading", "item" (list item), "cell" (table cell)."""

    kind: str = "paragraph"


@dataclass(frozen=True)
class Headline:
    text: str
    span: Span
    origin: str  # "front-matter", "heading", "title", "first-line"


@dataclass
class Document:
    """One article as every check sees it.

    `prose` is the source with everything that is not prose (front matter, code, tags, URLs, markup
    punctuation, shortcodes) replaced by spaces, newlines kept, so that it has exactly the source's
    length and any offset found in it is an offset in the source. `blocks` are the prose paragraphs,
    headings, list items and table cells as spans of it.
    """

    path: str
    source: str
    format: str  # "markdown", "text", "html"
    prose: str
    blocks: list[Block]
    front_matter: dict[str, object] = field(default_factory=dict)
    front_matter_lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line
    headline: Headline | None = None
    published: dt.date | None = None
    published_origin: str | None = None  # "front-matter", "option", or None when unknown
    notices: list["Finding"] = field(default_factory=list)  # reader findings (encoding, front matter)
    lines: LineIndex = field(init=False)

    def __post_init__(self):
        self.lines = LineIndex(self.source)

    def block_text(self, block: Block) -> str:
        return self.prose[block.start:block.end]

    def location(self, start: int, end: int | None = None) -> "Location":
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(start if end is None else end)
        return Location(self.path, line, column, end_line, end_column)

    def spot(self, start: int, end: int | None = None) -> "Spot":
        """The location of [start, end) with the excerpt of its line a reporter shows."""
        location = self.location(start, end)
        line_start, line_end = self.lines.bounds(location.line)
        if line_end > line_start and self.source[line_end - 1] == "\r":
            line_end -= 1  # a CRLF line's CR
        return Spot(location, Excerpt.within(self.source, line_start, line_end, location))

    def related(self, start: int, end: int, message: str) -> "Related":
        spot = self.spot(start, end)
        return Related(spot.location, message, spot.excerpt)

    def fix(self, start: int, end: int, replacement: str) -> "Fix":
        """A fix replacing [start, end) of the source, which reads as it does now."""
        return Fix(start, end, self.source[start:end], replacement, self.location(start, end))


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def place(self) -> tuple[int, int, int, int]:
        """Line, column, end line and end column: the location without its path."""
        return self.line, self.column, self.end_line, self.end_column


# A line longer than this is shown as a window around the span, so output and memory follow the
# input, not the number of findings times the length of a line.
EXCERPT_WIDTH = 1000
EXCERPT_CONTEXT = 120  # characters kept on each side of the span in a window


class Excerpt(namedtuple("Excerpt", "text start end")):
    """The text of a finding's line (or a window of it, marked with "…"), with the span [start,
    end) within that text: what reporters and baselines show, without opening the file again."""

    __slots__ = ()

    @classmethod
    def around(cls, line: str, location: Location) -> "Excerpt":
        """The excerpt of `location` on its line, the text of that line."""
        return cls.within(line, 0, len(line), location)

    @classmethod
    def within(cls, text: str, line_start: int, line_end: int, location: Location) -> "Excerpt":
        """The excerpt of `location` on its line, text[line_start:line_end], without copying more of
        a long line than the window shows."""
        length = line_end - line_start
        start = max(0, min(location.column - 1, length))
        end = location.end_column - 1 if location.end_line == location.line else length
        end = max(start, min(end, length))
        if length <= EXCERPT_WIDTH:
            return cls(text[line_start:line_end], start, end)
        end = min(end, start + EXCERPT_WIDTH - 2 * EXCERPT_CONTEXT)
        left, right = max(0, start - EXCERPT_CONTEXT), min(length, end + EXCERPT_CONTEXT)
        head = "…" if left else ""
        tail = "…" if right < length else ""
        return cls(head + text[line_start + left:line_start + right] + tail,
                   start - left + len(head), end - left + len(head))


class Spot(namedtuple("Spot", "location excerpt", defaults=(None,))):
    """Where a finding points: its location and, when the source was at hand, its excerpt."""

    __slots__ = ()


@dataclass(frozen=True)
class Related:
    location: Location
    message: str
    excerpt: Excerpt | None = None


@dataclass(frozen=True)
class Fix:
    """Replace [start, end) of the source, which must still read `original`, with `replacement`;
    `location` is the same stretch as line and column (for formats that describe fixes so)."""

    start: int
    end: int
    original: str
    replacement: str
    location: Location | None = None


@dataclass
class Finding:
    """One thing a rule says about an article. `kind` is the check kind that made it and `data` the
    values its message was made from, plus what a reporter may draw (a date finding's timeline, a
    names finding's spellings): reporters read these, never the message."""

    rule: str
    level: str
    message: str
    location: Location
    related: list[Related] = field(default_factory=list)
    fix: Fix | None = None
    kind: str = ""
    data: dict = field(default_factory=dict)
    excerpt: Excerpt | None = None

    def sort_key(self):
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, self.message)

    def to_json(self) -> dict:
        loc = self.location
        return {
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
            "related": [
                {"path": r.location.path, "line": r.location.line, "column": r.location.column,
                 "message": r.message}
                for r in self.related
            ],
            "fix": None if self.fix is None else {"replacement": self.fix.replacement},
            "kind": self.kind,
            "data": self.data,
        }


class ArticleNote(namedtuple("ArticleNote", "name value")):
    """A value a per-article check gives about the whole article for reporters to show (the
    article's timeline), yielded beside its findings: once per article however many findings draw
    on it, so that what findings carry stays small."""

    __slots__ = ()


@dataclass(frozen=True)
class Withdrawal:
    """A cross-article check's word that the in-article finding of check kind `kind` at `location`
    does not hold once the other articles are seen (they settle a tie the article alone could not),
    or, with `fix_only`, that it stands but its fix is no longer certain."""

    kind: str
    location: Location
    fix_only: bool = False


class LintError(Exception):
    """A usage, configuration or input error: reported as one line, exit code 2."""
