"""The points of an article's timeline and the constraints the text puts between them.

A point is a moment: a date mention, the publication, day zero of the calendar, or an event the
text names without a date ("the mayor resigned"). A constraint `lo <= t(b) - t(a) <= hi` (days) says
what the text says about two points, with the words that say it and where they are. A point's
calendar readings are constraints against day zero, one of which must hold (a disjunction the
solver explores). Constraint sources (`sources/`) only add points and constraints; the solver
(`stn.py`, `timeline.py`) never reads the text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .scanner import Mention

INF = float("inf")
DAY_ZERO, PUB = 0, 1


@dataclass(frozen=True)
class Reading:
    """One way to place a point on the calendar: a day or a stretch of days [lo, hi]. A reading
    that is not `sure` (a year-less date read in the year before, months back) may clear a date
    that stands alone, never one the text ties to the rest of the story."""

    lo: dt.date
    hi: dt.date
    sure: bool = True

    @property
    def day(self) -> dt.date | None:
        return self.lo if self.lo == self.hi else None


@dataclass
class Point:
    label: str  # what a message calls it: "March 7", "the 2005 collapse", "publication"
    readings: list[Reading] = field(default_factory=list)
    mention: Mention | None = None
    start: int = -1  # the span to point at, in the source; -1 when there is none
    end: int = -1
    blamable: bool = True  # False for day zero, the publication date, ledger facts, relative words
    support: int = 0  # parts of the story besides its constraints that back its date


@dataclass(frozen=True)
class Constraint:
    """lo <= t(b) - t(a) <= hi, in days, from `words` at [start, end) of the source. `calendar`
    (unit, n) makes the bounds depend on a's calendar day ("the following month": the month after
    a's); lo and hi then hold the bounds to use when a has no single day."""

    a: int
    b: int
    lo: float
    hi: float
    source: str  # past, future, relative, dateline, offset, order, same-event, range, elapsed, fact
    words: str
    start: int
    end: int
    calendar: tuple[str, int] | None = None

    def bounds(self, a_day: dt.date | None) -> tuple[float, float]:
        if self.calendar is None or a_day is None:
            return self.lo, self.hi
        unit, n = self.calendar
        first, last = calendar_span(a_day, unit, n)
        return (first - a_day).days, (last - a_day).days


def calendar_span(day: dt.date, unit: str, n: int) -> tuple[dt.date, dt.date]:
    """The calendar month, week or year `n` units after (or before) the one holding `day`."""
    if unit == "month":
        index = day.year * 12 + day.month - 1 + n
        year, month = divmod(index, 12)
        first = dt.date(year, month + 1, 1)
        nxt = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
        return first, nxt - dt.timedelta(days=1)
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=n)
        return monday, monday + dt.timedelta(days=6)
    return dt.date(day.year + n, 1, 1), dt.date(day.year + n, 12, 31)


class Network:
    """Points and constraints of one article. Points 0 and 1 are day zero and the publication."""

    def __init__(self, pub_readings: list[Reading], pub_label: str):
        self.points: list[Point] = [Point("day zero", [], blamable=False),
                                    Point(pub_label, pub_readings, blamable=False)]
        self.constraints: list[Constraint] = []
        self._by_mention: dict[int, int] = {}

    def point_of(self, mention: Mention) -> int | None:
        """The point of a mention that has one (sources create them with `add_point`)."""
        return self._by_mention.get(id(mention))

    def add_point(self, point: Point) -> int:
        self.points.append(point)
        index = len(self.points) - 1
        if point.mention is not None:
            self._by_mention[id(point.mention)] = index
        return index

    def add(self, a: int, b: int, lo: float, hi: float, source: str, words: str, start: int, end: int,
            calendar: tuple[str, int] | None = None) -> Constraint:
        c = Constraint(a, b, lo, hi, source, " ".join(words.split()), start, end, calendar)
        self.constraints.append(c)
        return c

    def ties(self, index: int) -> list[Constraint]:
        """The constraints that tie a point to another part of the story (not to the publication
        date through its tense or a relative word)."""
        return [c for c in self.constraints if index in (c.a, c.b)
                and c.source not in ("past", "future", "relative", "dateline")]
