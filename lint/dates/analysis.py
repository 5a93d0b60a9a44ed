"""One document's date analysis, computed once and shared by every date rule.

For each mention it keeps the text, span, block, sentence, the year as written, the flags of its
context (dateline, range, quoted, fiscal period, "last"/"next" before it) and the verb group that
governs it (its tense); for the document it keeps the publication date and where it came from
(front matter, option, dateline, inferred).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Document
from . import resolve, scanner, tense
from .resolve import PLACEHOLDER_YEAR, make, month_day
from .scanner import Mention

_DATELINE_HEAD = re.compile(r"^\s*[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}){0,2},\s*$")
_DATELINE_TAIL = re.compile(r"^\s*(?:\([A-Za-z .]+\)\s*)?(?:-|–|—|--)")
# a place in title case ("Paris, March 3 (AFP) -") is a dateline only with the agency that filed it
_DATELINE_PLACE = re.compile(r"^\s*[A-Z][A-Za-z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}){0,2},\s*$")
_AGENCY_TAIL = re.compile(r"^\s*\([A-Z][A-Za-z .]+\)\s*(?:-|–|—|--)")
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and|or|&)\s*(?:(?:" + scanner._MON + r")\s+)?\d{1,2}\b")
_RANGE_BEFORE = re.compile(r"(?:\b(?:between|from)\s+(?:\w+\s+){0,2}$|(?:-|–|—|\bto|\bthrough|\bthru|\buntil|\btill|\band|\bor)\s*$)")
_FISCAL = re.compile(r"\b(?:year|quarter|half|months|period|fiscal|financial|term|season|semester)\b[^.;]{0,30}\b(?:ended|ending|ends|end|to)\s*$|\bfiscal\b[^.;]{0,40}$", re.IGNORECASE)
_PERIOD_END = re.compile(r"\b(?:at|as\s+of|as\s+at|ended|ending|to|through|for|on|since|end)\s+$", re.IGNORECASE)
_NOTE = re.compile(r"^\W*(?:editor'?s?[’']?\s+note|update[ds]?\b|correction|clarification|note\b)", re.IGNORECASE)
_LISTED_LINE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\|)")
_QUOTES = re.compile(r"[\"“”]")


@dataclass
class Publication:
    date: dt.date | None  # None when unknown
    origin: str  # front-matter, option, dateline, inferred, none
    year_known: bool = True
    exact: bool = False  # the date as published (front matter, option, a dateline with its year)

    @property
    def inferred(self) -> bool:
        return self.origin in ("dateline", "inferred")

    def note(self) -> str:
        if self.date is None or not self.inferred:
            return ""
        shown = resolve.full(self.date) if self.year_known else month_day(self.date)
        how = "from the dateline" if self.origin == "dateline" else "from the article's timeline"
        return f" (publication date inferred as {shown}, {how})"


@dataclass
class DocDates:
    doc: Document
    mentions: list[Mention]
    pub: Publication
    days: list[Mention] = field(default_factory=list)  # mentions of a day of a month
    drawing: dict | None = None  # timeline_data, once made
    day_starts: list[int] | None = None  # where each of `days` starts, for points_in
    story: object = None  # the timeline model (story.py), built when a rule first asks

    def line(self, m: Mention) -> int:
        return self.doc.lines.position(m.start)[0]


_cache: list = [None, None]  # (document, analysis): one slot, keyed by the document's identity


def analyse(doc: Document) -> DocDates:
    if _cache[0] is doc:
        return _cache[1]
    result = _analyse(doc)
    _cache[0], _cache[1] = doc, result
    return result


def _analyse(doc: Document) -> DocDates:
    prose = doc.prose
    mentions: list[Mention] = []
    for b, block in enumerate(doc.blocks):
        found = scanner.scan(prose, block.start, block.end)
        if not found:
            continue
        text = prose[block.start:block.end]
        spans = tense.sentences(text, block.start)
        quotes = _quoted_spans(text, block.start)
        block_flags = set()
        if _NOTE.match(text):
            block_flags.add("note")  # an editor's note or update, written after publication
        if _listed(doc.source, block.start):
            block_flags.add("listed")  # a list item or table cell: schedules, agendas
        for m in found:
            m.flags |= block_flags
            m.block = b
            m.sentence = next((s for s in spans if s[0] <= m.start < s[1]), (block.start, block.end))
            if any(q0 < m.start < q1 for q0, q1 in quotes):
                m.flags.add("quoted")
            if m.kind == "date":
                _context(prose, block.start, m)
            mentions.append(m)
    for m in mentions:
        if m.kind in ("date", "weekday"):
            m.governor = tense.governor(prose, m.sentence, m.start, m.end)
    days = [m for m in mentions if m.kind == "date"]
    _mark_ranges(prose, days)
    pub = _publication(doc, days)
    return DocDates(doc, mentions, pub, days)


LOOKBACK = 200  # how far before a block its line's list marker or table pipe is looked for


def _listed(source: str, block_start: int) -> bool:
    """Does the block sit in a list item or a table row: its line opens with a list marker, or a
    table's pipe stands before it on its line? (Looked for in the LOOKBACK characters before it,
    so that a one-line export of megabytes is not searched again for each block.)"""
    window = max(0, block_start - LOOKBACK)
    newline = source.rfind("\n", window, block_start)
    head = source[newline + 1 if newline != -1 else window:block_start + 1]
    at_line_start = newline != -1 or window == 0
    return bool(at_line_start and _LISTED_LINE.match(head)) or "|" in head[:-1]


def _quoted_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans, open_at = [], None
    for q in _QUOTES.finditer(text):
        c = q.group(0)
        if open_at is None and c != "”":
            open_at = q.start()
        elif open_at is not None and c != "“":
            spans.append((offset + open_at, offset + q.start()))
            open_at = None
    return spans


def _context(prose: str, block_start: int, m: Mention):
    before = prose[block_start:m.start]
    after = prose[m.end:m.end + 24]
    if len(before) <= 80 and (_DATELINE_HEAD.match(before) and _DATELINE_TAIL.match(after)
                              or _DATELINE_PLACE.match(before) and _AGENCY_TAIL.match(after)):
        m.flags.add("dateline")
    if _RANGE_AFTER.match(prose[m.end:m.end + 20]):
        m.flags |= {"range", "range-start"}
    if _RANGE_BEFORE.search(prose[max(block_start, m.start - 40):m.start]):
        m.flags.add("range")
    before = prose[max(block_start, m.start - 60):m.start]
    if _FISCAL.search(before):
        m.flags.add("fiscal")
    if m.day == resolve.days_in_month(m.month, 2001) and _PERIOD_END.search(before):
        m.flags.add("fiscal")  # a period end: "as of December 31", "for June 30"
    if re.search(r"\bas\s+(?:of|at)\s+$", before, re.IGNORECASE):
        m.flags.add("fiscal")  # a status date: "as of December 15"
    if re.search(r"(?::|\()\W*$", before) or re.match(r"\W*[):]", prose[m.end:m.end + 4]):
        m.flags.add("listed")  # "Deadline: April 21", "(October 21)", "September 26, 1918: ..."
    word = re.search(r"\b(last|next)\s+$", before, re.IGNORECASE)
    if word:
        m.flags.add(word.group(1).lower())  # "last June 6": the latest June 6 before publication


def _mark_ranges(prose: str, days: list[Mention]):
    for a, b in zip(days, days[1:]):
        between = prose[a.end:b.start]
        if len(between) < 12 and re.fullmatch(r"\s*(?:-|–|—|to|through|thru|until|till|and|or|&)\s*", between):
            a.flags |= {"range", "range-start"}
            b.flags.add("range")
            b.governor = a.governor  # "the April 29-May 2 visit": the end is read as the start is


def valid(m: Mention, year: int | None) -> bool:
    return m.day <= resolve.days_in_month(m.month, year)


def _publication(doc: Document, days: list[Mention]) -> Publication:
    if doc.published is not None:
        return Publication(doc.published, doc.published_origin or "front-matter", exact=True)
    explicit = [make(m.year, m.month, m.day) for m in days if m.year and valid(m, m.year)
                and m.tense != "future" and not ({"quoted", "note"} & m.flags)]
    explicit = [d for d in explicit if d]
    latest_year = max((d.year for d in explicit), default=None)
    dateline = next((m for m in days if "dateline" in m.flags), None)
    if dateline is not None and valid(dateline, dateline.year or latest_year):
        year = dateline.year or latest_year
        date = make(year or PLACEHOLDER_YEAR, dateline.month, min(dateline.day, 28 if year is None and dateline.month == 2 else 31))
        if date:
            return Publication(date, "dateline", year is not None, exact=dateline.year is not None)
    if explicit:
        return Publication(max(explicit), "inferred", True)
    # No year anywhere: place the month/days on a circle and take the article's timeline to end at
    # the last date before the largest gap (the "today" of a story whose dates carry no year).
    points = sorted({(m.month, m.day) for m in days if "quoted" not in m.flags and m.year is None
                     and m.tense != "future" and valid(m, PLACEHOLDER_YEAR)})
    if len(points) < 2:
        return Publication(None, "none", False)
    ordinals = [make(PLACEHOLDER_YEAR, mo, d).timetuple().tm_yday for mo, d in points]
    gaps = [((ordinals[(i + 1) % len(ordinals)] - o) % 365, i) for i, o in enumerate(ordinals)]
    _, end = max(gaps)
    return Publication(make(PLACEHOLDER_YEAR, *points[end]), "inferred", False)



# An article's timeline is drawn with at most this many dates (a page cannot show more usefully);
# each finding carries its own dates besides.
TIMELINE_MAX_DATES = 300


def _point(dd: DocDates, m: Mention, role: str | None = None) -> dict:
    """A date mention as plain values: its text and place, its calendar date (a year-less date in
    the publication year; None for a day the month does not have) and whether its year is written."""
    line, column = dd.doc.lines.position(m.start)
    end_line, end_column = dd.doc.lines.position(m.end)
    base_year = dd.pub.date.year if dd.pub.date is not None else PLACEHOLDER_YEAR
    placed = make(m.year if m.year is not None else base_year, m.month, m.day)
    point = {"text": m.text, "line": line, "column": column, "end_line": end_line, "end_column": end_column,
             "date": placed.isoformat() if placed else None, "year_written": m.year is not None}
    if role:
        point["role"] = role
    return point


def timeline_data(dd: DocDates) -> dict:
    """The article's dates as plain values a reporter can draw without reading the article again:
    the publication date and where it came from, and its day-of-month mentions (the first
    TIMELINE_MAX_DATES; `omitted` counts the rest). Made once per analysis."""
    if dd.drawing is None:
        pub = dd.pub
        dd.drawing = {"published": pub.date.isoformat() if pub.date is not None else None,
                      "published_origin": pub.origin, "year_known": pub.year_known,
                      "dates": [_point(dd, m) for m in dd.days[:TIMELINE_MAX_DATES]],
                      "omitted": max(0, len(dd.days) - TIMELINE_MAX_DATES)}
    return dd.drawing


def points_in(dd: DocDates, spans: list[tuple[int, int, str]]) -> list[dict]:
    """The day-of-month mentions overlapping each (start, end, role) span, as timeline points with
    that role: what one finding is about, small however long the article."""
    if dd.day_starts is None:
        dd.day_starts = [m.start for m in dd.days]
    points = []
    for start, end, role in spans:
        i = max(0, bisect.bisect_right(dd.day_starts, start) - 1)  # days are in text order
        while i < len(dd.days) and dd.days[i].start < max(end, start + 1):
            if start < dd.days[i].end:
                points.append(_point(dd, dd.days[i], role))
            i += 1
    return points
