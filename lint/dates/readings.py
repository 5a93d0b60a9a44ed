"""How a date mention may be read on the calendar, and which mentions a judgement may act on.

Shared by the date check kinds: the publication date when its year is known, the years a year-less
date may fall in (AP style: the publication year, or the neighbouring one across a Dec/Jan
boundary), and whether a mention is a plain past-tense statement (not a quote, range, dateline,
deadline, editor's note, list or machine form).
"""
from __future__ import annotations

import datetime as dt
import re

from .analysis import DocDates, valid
from .resolve import make
from .scanner import Mention

BOUNDARY_DAYS = 60  # a year-less past date this close before publication may be last year's
SLACK = dt.timedelta(days=2)
_YEAR = re.compile(r"(?<![\d.,])(1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)")


def date_text(dd: DocDates, m: Mention) -> str:
    """The month-and-day part of a mention as written (without a weekday in front)."""
    return dd.doc.prose[m.date_start:m.end].strip()


def sentence_years(dd: DocDates, m: Mention) -> set[int]:
    """The years written in the mention's sentence."""
    return {int(y) for y in _YEAR.findall(dd.doc.prose[m.sentence[0]:m.sentence[1]])}


def resolve_years_in(sentence: str) -> bool:
    return bool(_YEAR.search(sentence))


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


UNJUDGED = {"quoted", "range", "dateline", "forward", "note", "listed", "iso", "numeric"}


def checkable_past(m: Mention, fiscal_ok: bool = False) -> bool:
    """A date stated in the past tense, outside quotes, ranges, datelines, deadlines, editors'
    notes, lists and machine forms; period ends ("the year ended December 31") only if `fiscal_ok`."""
    skip = UNJUDGED if fiscal_ok else UNJUDGED | {"fiscal"}
    return m.tense == "past" and not (skip & m.flags)


def reading(m: Mention, pub: dt.date) -> dt.date | None:
    """Where a year-less past date most plausibly falls: in the publication year (AP style), or in
    the year before when that puts it just before publication across the Dec/Jan boundary."""
    d = make(pub.year, m.month, m.day)
    if d is None:
        return None
    if d > pub + SLACK:
        prev = make(pub.year - 1, m.month, m.day)
        if prev and (pub - prev).days <= BOUNDARY_DAYS:
            return prev
    return d


def written_or_read(m: Mention, pub: dt.date) -> dt.date | None:
    if m.year is not None:
        return make(m.year, m.month, m.day) if valid(m, m.year) else None
    return reading(m, pub)

