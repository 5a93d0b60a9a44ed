"""How a date mention may be read on the calendar: its candidate readings, each sure or loose.

- A date with its year: that day.
- A date without one: the publication year (AP style); the neighbouring year when it lies just
  across a year boundary (sure within BOUNDARY_DAYS, loose up to LOOSE_DAYS: a loose reading
  clears a date that stands alone, never one the text ties to the story); a year written in its
  sentence or the one before ("In 2019, ... on March 3"), or with the same day elsewhere; "last June 6" the latest June 6 before
  publication, "next June 6" the first after it.
- A weekday alone ("on Tuesday"): the nearest such day before publication in a past clause, after
  it in a future one, either otherwise; "last Tuesday" the one before, or the week before that.
- Relative words (yesterday, three days ago, next week) against the publication date, or the
  dateline's when the story has one.

Consistency with any sure reading clears a date. The helpers below are shared by the calendar
rules (weekday, impossible, year-missing, facts).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from .analysis import DocDates, valid
from .network import Reading
from .resolve import PLACEHOLDER_YEAR, make, parse_relative
from .scanner import Mention

BOUNDARY_DAYS = 60  # a year-less date this close across the year boundary is surely that year's
LOOSE_DAYS = 110  # up to this far back, the year before is a loose reading
SLACK = dt.timedelta(days=2)
_YEAR = re.compile(r"(?<![\d.,$£€#-])(1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d)")


def date_text(dd: DocDates, m: Mention) -> str:
    """The month-and-day part of a mention as written (without a weekday in front)."""
    return dd.doc.prose[m.date_start:m.end].strip()


def sentence_years(dd: DocDates, m: Mention) -> set[int]:
    """The years written in the mention's sentence."""
    return {int(y) for y in _YEAR.findall(dd.doc.prose[m.sentence[0]:m.sentence[1]])}


def known_pub(dd: DocDates) -> dt.date | None:
    """The publication date when its year is known."""
    pub = dd.pub
    return pub.date if pub.date is not None and pub.year_known else None


def neighbour_years(month: int, pub: dt.date) -> list[int]:
    """The publication year, and the year next to it when the date is just across a Dec/Jan boundary."""
    years = [pub.year]
    if pub.month <= 3 and month >= 10:
        years.append(pub.year - 1)
    if pub.month >= 10 and month <= 3:
        years.append(pub.year + 1)
    return years


def context_years(dd: DocDates, m: Mention) -> set[int]:
    """Years written before the mention in its sentence or in the sentence before it, in the same
    paragraph: "In 2019, ... on March 3" reads March 3 in 2019."""
    prose = dd.doc.prose
    block = dd.doc.blocks[m.block] if m.block >= 0 else None
    start = m.sentence[0]
    if block is not None:
        before = prose[block.start:m.sentence[0]].rstrip()
        cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
        start = block.start + cut + 2 if cut >= 0 else block.start
    return {int(y) for y in _YEAR.findall(prose[start:m.start])}


def vague_year(dd: DocDates, m: Mention) -> bool:
    """A year-less date after a year other than the publication's in its sentence: its own year
    may be any ("killed on May 2, 2011, a decade after the Sept. 11 attacks")."""
    if m.year is not None or dd.pub.date is None:
        return False
    before = dd.doc.prose[m.sentence[0]:m.start]
    return bool({int(y) for y in _YEAR.findall(before)} - {dd.pub.date.year})


def day(m: Mention, year: int) -> dt.date | None:
    return make(year, m.month, m.day) if valid(m, year) else None


def day_readings(dd: DocDates, m: Mention) -> list[Reading]:
    if m.year is not None:
        d = day(m, m.year)
        return [Reading(d, d, True)] if d else []
    pub = dd.pub.date
    if pub is None:
        d = day(m, PLACEHOLDER_YEAR)
        return [Reading(d, d, True)] if d else []
    out: list[Reading] = []
    if "last" in m.flags or "next" in m.flags:
        step = -1 if "last" in m.flags else 1
        found = [d for d in (day(m, pub.year + step * k) for k in range(3)) if d and (d - pub).days * step > 0]
        return [Reading(d, d, True) for d in found[:2]]
    if dd.pub.year_known:
        written = {o.year for o in dd.days if o.year and (o.month, o.day) == (m.month, m.day)}
        for year in sorted((context_years(dd, m) | written) - {pub.year}):
            d = day(m, year)
            if d:
                out.append(Reading(d, d, True))
    this = day(m, pub.year)
    if this:
        out.insert(0, Reading(this, this, True))
    prev, nxt = day(m, pub.year - 1), day(m, pub.year + 1)
    if prev and (pub - prev).days <= LOOSE_DAYS:
        out.append(Reading(prev, prev, (pub - prev).days <= BOUNDARY_DAYS))
    if nxt and (nxt - pub).days <= LOOSE_DAYS:
        out.append(Reading(nxt, nxt, (nxt - pub).days <= BOUNDARY_DAYS))
    return out


def weekday_readings(base: dt.date, weekday: int, tense: str, word: str | None) -> list[Reading]:
    """A weekday alone, seen from `base`: "last" Tuesday (the one before, or the week before
    that), "next" (the one after, or the week after), "this" (the same week), or by tense."""
    back = (base.weekday() - weekday) % 7  # days since the latest such weekday (0: today)
    ahead = (weekday - base.weekday()) % 7
    if word == "last":
        first = base - dt.timedelta(days=back or 7)
        days = [first, first - dt.timedelta(days=7)]
    elif word == "next":
        first = base + dt.timedelta(days=ahead or 7)
        days = [first, first + dt.timedelta(days=7)]
    elif word == "this":
        days = [base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=weekday)]
    elif tense == "past":
        days = [base - dt.timedelta(days=back)]
    elif tense == "future":
        days = [base + dt.timedelta(days=ahead)]
    else:
        days = [base - dt.timedelta(days=back), base + dt.timedelta(days=ahead)]
    return [Reading(d, d, True) for d in dict.fromkeys(days)]


_UNUSUAL = re.compile(r"day (?:before yesterday|after tomorrow)|fortnights? ago|from now")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


def relative_reading(text: str, base: dt.date) -> Reading | None:
    """The day or stretch a relative phrase names, seen from `base` (dateparser, with `base` as its
    relative base, for the forms this code does not know); None for what neither can place."""
    t = " ".join(text.lower().split())
    one = dt.timedelta(days=1)
    exact = {"today": base, "tonight": base, "yesterday": base - one, "tomorrow": base + one}
    if t in exact:
        return Reading(exact[t], exact[t], True)
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", t)
    if m and (m.group(1).isdigit() or m.group(1) in _NUMBERS):
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        size, slack = {"day": (1, 0), "week": (7, 3), "month": (30, 12), "year": (365, 45)}[m.group(2)]
        d = base - dt.timedelta(days=n * size)
        return Reading(d - dt.timedelta(days=slack), d + dt.timedelta(days=slack), True)
    m = re.fullmatch(r"(last|this|next|earlier this|later this) (week|month|year)", t)
    if m:
        word, unit = m.groups()
        if unit == "week":
            monday = base - dt.timedelta(days=base.weekday())
            shift = {"last": -7, "next": 7}.get(word, 0)
            lo, hi = monday + dt.timedelta(days=shift), monday + dt.timedelta(days=shift + 6)
        elif unit == "month":
            index = base.year * 12 + base.month - 1 + {"last": -1, "next": 1}.get(word, 0)
            year, month = divmod(index, 12)
            lo = dt.date(year, month + 1, 1)
            hi = dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
        else:
            year = base.year + {"last": -1, "next": 1}.get(word, 0)
            lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if word == "earlier this":
            hi = base
        elif word == "later this":
            lo = base
        return Reading(lo, hi, True)
    if not _UNUSUAL.search(t):
        return None  # "last weekend", "a few days ago": no single day to hold a date to
    found = parse_relative(t, base)  # the unusual forms: "the day before yesterday", "a fortnight ago"
    return Reading(found - dt.timedelta(days=1), found + dt.timedelta(days=1), True) if found else None


def year_reading(year: int) -> Reading:
    return Reading(dt.date(year, 1, 1), dt.date(year, 12, 31), True)


def month_reading(year: int, month: int) -> Reading:
    return Reading(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), True)
