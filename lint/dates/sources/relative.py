"""Relative words and the dateline, against publication.

A relative phrase next to a date ("yesterday, June 3", "last Tuesday, March 4", "tomorrow, April
9") names the same day, read from the dateline's date when the story has one close to publication
(the day it was written), else from the publication date. A dateline is the day the story was
filed: a few days before publication at most.
"""
from __future__ import annotations

import datetime as dt
import re

from ..analysis import DocDates
from ..network import PUB, Network, Point
from ..readings import relative_reading, weekday_readings
from ..resolve import make
from ..scanner import WEEKDAY_NUMBER

DATELINE_BEFORE, DATELINE_AFTER = 5, 2  # days a dateline may precede or follow publication
_BETWEEN = re.compile(r"\s*(?:,|\()?\s*(?:on\s+)?")


def _base(dd: DocDates) -> dt.date:
    pub = dd.pub.date
    for m in dd.days:
        if "dateline" in m.flags and m.year in (None, pub.year):
            d = make(pub.year, m.month, m.day) if m.day else None
            if d and abs((d - pub).days) <= DATELINE_AFTER:
                return d
    return pub


def constraints(dd: DocDates, net: Network) -> None:
    pub = dd.pub.date
    if pub is None:
        return
    if dd.pub.origin in ("front-matter", "option"):
        for m in dd.days:
            i = net.point_of(m)
            if i is not None and "dateline" in m.flags:
                net.add(PUB, i, -DATELINE_BEFORE, DATELINE_AFTER, "dateline", "dateline", m.start, m.end)
    base = None
    ordered = dd.mentions
    prose = dd.doc.prose
    for r, d in zip(ordered, ordered[1:]):
        if r.kind != "relative" or d.kind != "date" or r.end > d.start + len(d.text):
            continue
        if r.end <= d.start and (len(prose[r.end:d.start]) > 6 or not _BETWEEN.fullmatch(prose[r.end:d.start])):
            continue
        i = net.point_of(d)
        if i is None or "quoted" in d.flags:
            continue
        base = base or _base(dd)
        words = r.text.split()
        if len(words) == 2 and words[1].capitalize() in WEEKDAY_NUMBER:
            if not dd.pub.year_known:
                continue  # a weekday needs the year; "yesterday" does not
            readings = weekday_readings(base, WEEKDAY_NUMBER[words[1].capitalize()], "unknown", words[0].lower())
        else:
            reading = relative_reading(r.text, base)
            readings = [reading] if reading else []
        if not readings:
            continue
        j = net.add_point(Point(r.text, readings, None, r.start, r.end, blamable=False))
        net.add(j, i, 0, 0, "relative", r.text, r.start, r.end)
