"""Elapsed time: ages, anniversaries, "N years after", "the Nth consecutive year".

- "Smith, 54, who was born in 1960": a birth 54 years (and less than 55) before publication;
- "the 20th anniversary of the 2005 collapse", "the bridge's 25th anniversary" (with "the bridge
  opened in July 1997" in the same or the next sentence): the origin 20 years before the day the
  sentence marks it (a month either way), or before publication (a year either way);
- "six years after the disaster" (the disaster dated earlier in the story), "five years since the
  2019 flood": between N and N+1 years before the clause's time (publication for a present clause);
- "a fourth consecutive year ... a run that began in 2021": the publication falls in the fourth
  calendar year from 2021.
Ages and counts are of the publication's time, so only an exact publication date is used.
"""
from __future__ import annotations

import datetime as dt
import re

from ..analysis import DocDates
from ..network import PUB, Network, Point, Reading
from ..readings import month_reading, year_reading
from ..scanner import MONTH_NUMBER
from ..tense import governor, sentences
from .common import EVENT_WORDS, NUMBER, ORDINAL, number, ordinal, previous_dated

YEAR = 365.2425
_YEAR = r"(?<![\d.,$£€#-])(?P<year>1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d)"
_MONTH_YEAR = r"(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
_AGE = re.compile(r"\b[A-Z][\w'’-]+,\s+(?:now\s+)?(?P<age>\d{1,3}),")
_AGED = re.compile(r"\b(?P<age>\d{1,3})-year-old\b|\b(?:is|turned|turns|aged)\s+(?P<now>\d{1,3})\b"
                   r"(?!\s*(?:%|percent|per\b|years?\s+ago|million|billion|of\b))")
_BORN = re.compile(r"\b[Bb]orn\b[^.;]{0,60}?\b(?:in|on)\s+(?=(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?(?:1[6-9]|20)\d\d)")
_ANNIVERSARY = re.compile(rf"\b(?P<ord>{ORDINAL})\s+anniversary\b(?:\s+of\s+(?P<np>[^.;]{{0,70}}))?", re.IGNORECASE)
_ORIGIN = re.compile(r"\b(?:opened|founded|established|built|launched|began|started|created|inaugurated|completed|"
                     r"formed|born|set\s+up|took\s+place|happened|occurred|struck|exploded|collapsed|held|unveiled)"
                     rf"\b[^.;]{{0,40}}?\b(?:in|on)\s+{_MONTH_YEAR}{_YEAR}")
_AFTER = re.compile(rf"(?<!every\s)(?<!the\s)\b(?P<n>{NUMBER})\s+(?P<unit>years?|decades?)\s+(?:after|since)\s+"
                    r"(?P<np>[^;]{0,60})", re.IGNORECASE)
_NP_YEAR = re.compile(rf"(?:the\s+|a\s+|its\s+)?(?:(?:[\w'’-]+\s+){{0,2}}?|[\w'’-]+\s+(?:in|of)\s+)"
                      rf"{_MONTH_YEAR}{_YEAR}\b")
_THE_EVENT = re.compile(rf"^\s*the\s+(?:[\w-]+\s+)?{EVENT_WORDS}\b", re.IGNORECASE)
_RUN = re.compile(rf"\b(?P<ord>{ORDINAL})\s+(?:(?:consecutive|straight|successive)\s+(?P<unit>year|season)s?"
                  r"|(?P<unit2>year|season)\s+in\s+a\s+row)\b", re.IGNORECASE)
_RUN_START = re.compile(rf"\b(?:began|started|beginning|starting|since|first)\b[^.;]{{0,30}}?\b(?:in\s+)?{_YEAR}")


def _year_point(dd: DocDates, net: Network, found: re.Match, offset: int) -> int:
    """The point of a year (or month and year) written in the text, or of the day mention there."""
    start, end = offset + found.start("year"), offset + found.end("year")
    for m in dd.days:
        if m.year is not None and m.start <= start < m.end:
            i = net.point_of(m)
            if i is not None:
                return i
    year = int(found.group("year"))
    month = found.groupdict().get("month")
    if month:
        start = offset + found.start("month")
        reading = month_reading(year, MONTH_NUMBER[month])
        return net.add_point(Point(f"{month} {year}", [reading], None, start, end))
    return net.add_point(Point(str(year), [year_reading(year)], None, start, end))


_CUES = re.compile(r"\b(?:[Bb]orn|anniversary|consecutive|straight|successive|in\s+a\s+row|year-old|"
                   r"(?:years?|decades?)\s+(?:after|since))\b")


_WORDS = ("born", "Born", "anniversar", "consecutive", "straight", "successive", "in a row", "year-old", "years after",
          "years since", "year after", "year since", "decade")  # what a cue needs, looked up fast


def constraints(dd: DocDates, net: Network) -> None:
    if dd.pub.date is None or not dd.pub.exact:
        return
    prose = dd.doc.prose
    if not any(w in prose for w in _WORDS):
        return
    done = set()
    for cue in _CUES.finditer(prose):
        block = next((b for b in dd.doc.blocks if b.start <= cue.start() < b.end), None)
        if block is None:
            continue
        for s0, s1 in sentences(prose[block.start:block.end], block.start):
            if s0 <= cue.start() < s1 and s0 not in done:
                done.add(s0)
                text = prose[s0:s1]
                _ages(dd, net, text, s0)
                _anniversaries(dd, net, text, (s0, s1))
                _years_after(dd, net, text, s0)
                _runs(net, dd, text, s0)


def _ages(dd, net, text, s0) -> None:
    born = _BORN.search(text)
    age = _AGE.search(text) or _AGED.search(text)
    if not born or not age:
        return
    year = re.compile(rf"(?:[A-Z][a-z]+\.?\s+\d{{1,2}},?\s+)?{_YEAR}").match(text, born.end())
    birth = _year_point(dd, net, year, s0)
    years = int(age.group("age") or age.group("now"))
    net.add(birth, PUB, years * YEAR - 1.5, (years + 1) * YEAR + 0.5, "elapsed", age.group(0).rstrip(","),
            s0 + age.start(), s0 + age.end())


def _anniversaries(dd, net, text, sentence) -> None:
    s0 = sentence[0]
    for cue in _ANNIVERSARY.finditer(text):
        n = ordinal(cue.group("ord"))
        if not n:
            continue
        origin = None
        np = cue.group("np")
        if np:  # a year that dates the event itself: "of the 2005 collapse", "of the collapse in 2005"
            found = _NP_YEAR.match(np)
            if found:
                origin = _year_point(dd, net, found, s0 + cue.start("np"))
        if origin is None:
            after = dd.doc.prose[s0 + cue.end():min(len(dd.doc.prose), s0 + cue.end() + 400)]
            found = _ORIGIN.search(after)
            if found and after[:found.start()].count(". ") <= 1:
                origin = _year_point(dd, net, found, s0 + cue.end())
        if origin is None:
            continue
        day = next((m for m in dd.mentions if m.kind in ("date", "weekday") and m.sentence == sentence), None)
        span = 31 if day is not None else 396
        words = ("the " if not text[:cue.start()].rstrip().endswith(("'s", "’s")) else "") + text[cue.start():cue.end("ord") + len(" anniversary")]
        net.add(origin, PUB, n * YEAR - span, n * YEAR + span, "elapsed", words, s0 + cue.start(), s0 + cue.end())


def _years_after(dd, net, text, s0) -> None:
    for cue in _AFTER.finditer(text):
        n = number(cue.group("n"))
        if n is None:
            continue
        n *= 10 if cue.group("unit").lower().startswith("decade") else 1
        np = cue.group("np")
        found = re.compile(_MONTH_YEAR + _YEAR).search(np)
        if found:
            origin = _year_point(dd, net, found, s0 + cue.start("np"))
        elif _THE_EVENT.match(np):
            origin = previous_dated(dd, net, s0, sentences=6)
            if origin is None or net.points[origin].mention is None or net.points[origin].mention.year is None:
                continue
        else:
            continue
        if any(m.kind == "date" and m.sentence[0] == s0 and net.point_of(m) != origin for m in dd.days):
            continue  # the clause has a date of its own: the offsets source reads it
        g = governor(dd.doc.prose, (s0, s0 + len(text)), s0 + cue.start(), s0 + cue.end("np"))
        if g.tense == "past" and len(g.words.split()) == 1:
            continue  # "proved useful in the three years since", "the town rebuilt": a past stretch
        if g.tense == "future":
            continue
        words = text[cue.start():cue.start("np")].strip()
        net.add(origin, PUB, n * YEAR - YEAR / 2, (n + 1) * YEAR - 1, "elapsed", words, s0 + cue.start(),
                s0 + cue.start("np"))


def _runs(net, dd, text, s0) -> None:
    run = _RUN.search(text)
    start = _RUN_START.search(text)
    if not run or not start:
        return
    n = ordinal(run.group("ord"))
    if not n:
        return
    year = int(start.group("year"))
    first = dt.date(year, 1, 1)
    origin = net.add_point(Point(str(year), [Reading(first, first, True)], None,
                                 s0 + start.start("year"), s0 + start.end("year")))
    net.add(origin, PUB, (n - 2) * YEAR, n * YEAR, "elapsed", text[run.start():run.end()], s0 + run.start(),
            s0 + run.end(), ("year", n - 1))
