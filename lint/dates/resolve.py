"""Resolution of date mentions to calendar dates.

Absolute forms are resolved here, in plain code, so that an impossible date (February 30) is caught
rather than dropped. `dateparser` is used only for relative phrases our own code does not place
("a few days ago"), imported lazily and always with English and the publication date as the
relative base; its answers are cached.
"""
from __future__ import annotations

import calendar
import datetime as dt
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


@lru_cache(maxsize=1024)
def parse_relative(text: str, base: dt.date) -> dt.date | None:
    """dateparser for a relative phrase, with `base` as RELATIVE_BASE (imported on first use)."""
    import dateparser  # lazily: only documents that need it pay for the import

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    result = dateparser.parse(text, languages=["en"], settings=settings)
    return result.date() if result else None
