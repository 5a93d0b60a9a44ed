"""Resolution of date mentions to calendar dates.

Absolute forms are resolved here, in plain code, so that an impossible date (February 30) is caught
rather than dropped. `dateparser` is used only for relative phrases our own code does not know
("two weeks ago", "last Tuesday"), imported lazily and always with English and the publication date
as the relative base; its answers are cached.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .scanner import MONTHS, WEEKDAYS

PLACEHOLDER_YEAR = 2001  # for timelines whose year is unknown (not a leap year)


def days_in_month(month: int, year: int | None) -> int:
    if month == 2:
        return 29 if year is None or calendar.isleap(year) else 28
    return calendar.monthrange(2001, month)[1]


def make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day(date: dt.date) -> str:
    return f"{MONTHS[date.month - 1]} {date.day}"


def full(date: dt.date) -> str:
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def weekday_name(date: dt.date) -> str:
    return WEEKDAYS[date.weekday()]


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


def relative(text: str, base: dt.date) -> tuple[dt.date, int] | None:
    """The date a relative phrase names, seen from `base`, with a tolerance in days; None when the
    phrase names a period rather than a day or cannot be resolved."""
    t = " ".join(text.lower().split())
    if t in ("today", "tonight"):
        return base, 1
    if t == "yesterday":
        return base - dt.timedelta(days=1), 1
    if t == "tomorrow":
        return base + dt.timedelta(days=1), 1
    m = re.fullmatch(r"(\w+) (day|week)s? ago", t)
    if m and m.group(1) in _NUMBERS or m and m.group(1).isdigit():
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        days = n if m.group(2) == "day" else 7 * n
        return base - dt.timedelta(days=days), (1 if m.group(2) == "day" else 3)
    if re.fullmatch(r"last (monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t):
        parsed = parse_relative(t, base)
        return (parsed, 1) if parsed else None
    return None


@lru_cache(maxsize=1024)
def parse_relative(text: str, base: dt.date) -> dt.date | None:
    """dateparser for a relative phrase, with `base` as RELATIVE_BASE (imported on first use)."""
    import dateparser  # lazily: only documents that need it pay for the import

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    result = dateparser.parse(text, languages=["en"], settings=settings)
    return result.date() if result else None
