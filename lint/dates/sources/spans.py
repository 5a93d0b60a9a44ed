"""Durations and ranges: a stretch of time said to last so long, and its first and last days.

"The three-day festival, June 4-6", "the 10-day strike, which began on March 1 and ended on March
25", "will close for six weeks, from September 1 to September 15", "at the end of a three-week
trial that began on May 6". Within one sentence, a duration and the start and end the sentence
gives (a range, or dates after began/opened/from and ended/until/returned) must agree. A day count
is read inclusively or not ("three-day, June 4-6" and "a 10-day strike from March 1 to March 11"
both hold).
"""
from __future__ import annotations

import re

from ..analysis import DocDates
from ..network import INF, Network, Point, Reading
from ..resolve import make
from ..scanner import MONTH_PATTERN, MONTHS
from .common import NUMBER, UNIT_DAYS, number, unit_of

_DURATION = re.compile(
    rf"\b(?:(?P<approx>about|around|nearly|almost|roughly|more\s+than|less\s+than|over|under|some)\s+)?"
    rf"(?P<n>{NUMBER})[\s-](?P<unit>days?|nights?|evenings?|weeks?|fortnights?|months?|years?|hours?)(?:-long)?\b"
    r"(?!\s+(?:later|earlier|after|before|ago|afterwards?|on\b|into|to\s+(?:appeal|file|pay|respond|decide)))",
    re.IGNORECASE)
_RANGE_END = re.compile(rf"\s*(?:-|–|—|to|through|thru|until|till)\s*(?:(?P<mon>{MONTH_PATTERN})\s+)?(?P<day>\d{{1,2}})\b"
                        r"(?![\d,.]\d)(?!\s*(?:%|percent|pct|per\b))")
_BETWEEN_END = re.compile(rf"\s*and\s*(?:(?P<mon>{MONTH_PATTERN})\s+)?(?P<day>\d{{1,2}})\b(?![\d,.]\d)")
_START = re.compile(r"\b(?:began|begun|beginning|begins|started|starting|starts|opened|opening|opens|from|"
                    r"walked\s+out|went\s+on\s+strike|commenced|kicked\s+off|launched|imposed|got\s+under\s+way)"
                    r"\b[^,;.]{0,24}?\s*(?:on\s+)?$", re.IGNORECASE)
_END = re.compile(r"\b(?:ended|ending|ends|finished|finishing|finishes|closed|closing|closes|concluded|concluding|"
                  r"concludes|returned|"
                  r"lifted|until|till|through|called\s+off|wrapped\s+up|reopened)\b[^,;.]{0,24}?\s*(?:on\s+)?$",
                  re.IGNORECASE)
_AT_THE_END = re.compile(r"^\W*(?:at|by|on)\s+the\s+(?:end|close|conclusion)\s+of\b", re.IGNORECASE)
# the words a duration names ("10-day strike"), up to a verb or a function word
_WHAT = re.compile(r"(?:\s+(?!(?:by|in|at|on|of|from|which|that|the|a|an|and|to|for|with|will|was|is|are|were|"
                   r"between|ran|runs|run|began|begins|ended|ends|opens|opened|closes|closed|starts|started|"
                   r"lasted|lasts|took|takes|has|had|have|would)\b)[A-Za-z][\w'’-]*){0,4}")


def _bounds(n: float, unit: str, approx: str | None) -> tuple[float, float]:
    size = UNIT_DAYS[unit]
    days = n * size
    if unit in ("day", "night", "evening"):
        lo, hi = max(0, n - 2), n
    elif unit == "hour":
        lo, hi = max(0, days - 1), days + 1
    elif unit in ("week", "fortnight"):
        lo, hi = days - 3, days + 1
    elif unit == "month":
        lo, hi = days - 6, n * 31 + 1
    else:
        lo, hi = days - 15, n * 366 + 1
    approx = " ".join(approx.lower().split()) if approx else None
    if approx == "over":  # "over three days": across them
        return lo, hi
    if approx == "more than":
        return lo, INF
    if approx in ("less than", "under"):
        return 0, hi
    if approx:
        return lo - max(1, days * 0.25), hi + max(1, days * 0.25)
    return lo, hi


def _range_end(dd: DocDates, net: Network, m, days) -> int | None:
    """The point of the last day of a range that starts at mention m ("June 4-6", "May 29 to May 31",
    "between March 3 and March 9")."""
    prose = dd.doc.prose
    between = re.search(r"\bbetween\s+$", prose[max(0, m.start - 10):m.start], re.IGNORECASE)
    found = (_BETWEEN_END if between else _RANGE_END).match(prose, m.end, m.sentence[1])
    if not found:
        return None
    if found.group("mon"):
        later = next((o for o in days if o.start >= m.end and o.start <= found.start("mon") + 1), None)
        return net.point_of(later) if later is not None else None
    start = net.point_of(m)
    if start is None:
        return None
    day = int(found.group("day"))
    month_shift = 1 if day < m.day else 0
    readings = []
    for r in net.points[start].readings:
        if r.day is None:
            continue
        year, month = divmod(r.day.year * 12 + r.day.month - 1 + month_shift, 12)
        d = make(year, month + 1, day)
        if d:
            readings.append(Reading(d, d, r.sure))
    if not readings:
        return None
    label = f"{MONTHS[(m.month - 1 + month_shift) % 12]} {day}"
    return net.add_point(Point(label, readings, None, found.start("day"), found.end("day")))


def constraints(dd: DocDates, net: Network) -> None:
    prose = dd.doc.prose
    by_sentence: dict[tuple, list] = {}
    for m in dd.days:
        if net.point_of(m) is not None and not ({"quoted", "note", "listed", "numeric", "dateline"} & m.flags):
            by_sentence.setdefault(m.sentence, []).append(m)
    for sentence, days in by_sentence.items():
        text = prose[sentence[0]:sentence[1]]
        durations = [d for d in _DURATION.finditer(text) if number(d.group("n")) is not None]
        if not durations:
            continue
        start = end = None
        for i, m in enumerate(days):
            before = prose[max(sentence[0], m.start - 60):m.start]
            stop = _range_end(dd, net, m, days)
            if stop is not None and start is None:
                start, end = net.point_of(m), stop
                break
            if start is None and _START.search(before):
                start = net.point_of(m)
            elif end is None and (_END.search(before) or _AT_THE_END.match(prose, m.end, sentence[1])):
                end = net.point_of(m)
        if start is None or end is None or start == end:
            continue
        cue = min(durations, key=lambda d: abs(sentence[0] + d.start() - net.points[end].start))
        n = number(cue.group("n"))
        unit = unit_of(cue.group("unit"))
        lo, hi = _bounds(n, unit, cue.group("approx"))
        what = _WHAT.match(text, cue.end())
        cs, ce = sentence[0] + cue.start(), sentence[0] + (what.end() if what else cue.end())
        net.add(start, end, lo, hi, "range", prose[cs:ce], cs, ce)
