"""Explicit offsets between two moments: "two days after", "a week later", "eight days earlier",
"the next day", "the day before", "the following month", "three weeks after the March 1 vote".

The moment placed is the date the phrase sits next to ("on June 3, two days after ...", "A week
later, on July 11"); the moment it is measured from is the date in its complement ("after the
mayor resigned on July 1"), or, for "later", "earlier", "the next day" with no complement, the date
the story gave last. An approximate phrase ("about a week", "more than two months") widens the
bounds; a calendar phrase ("the following month") asks for the next calendar month.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..analysis import DocDates
from ..network import INF, Network
from .common import NUMBER, UNIT_DAYS, dated_point, event_point, event_time, number, previous_dated, unit_of

_APPROX = r"(?P<approx>about|around|nearly|almost|roughly|some|just\s+over|just\s+under|more\s+than|less\s+than|over|under|barely|only|exactly|precisely|at\s+least|within)"
_QUANTITY = re.compile(
    rf"\b(?:{_APPROX}\s+)?(?P<n>{NUMBER}|several|a\s+few|few|a\s+couple\s+of)[\s-]+"
    r"(?P<unit>days?|weeks?|months?|years?|fortnights?|hours?|decades?)\s+"
    r"(?P<dir>later|earlier|after|before|afterwards?|on(?=\s*[,;.])|previously|prior\s+to|beforehand)\b",
    re.IGNORECASE)
_BARE = re.compile(r"\b(?P<n>days|weeks|months|years|hours)\s+(?P<dir>later|earlier|after|before|afterwards?)\b",
                   re.IGNORECASE)
_NAMED = re.compile(
    r"\b(?:the|a)\s+(?P<which>next|following|previous|preceding|prior|same|subsequent)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b"
    r"|\bthe\s+(?P<unit2>day|week|month|year)\s+(?P<dir>after|before)\b"
    r"|\b(?P<unit3>that|the\s+same)\s+(?:day|evening|night|morning)\b", re.IGNORECASE)
_UNIT = re.compile(r"\b(?:days?|weeks?|months?|years?|fortnights?|hours?|decades?|morning|evening|night|afternoon)\b",
                   re.IGNORECASE)
_LATER = {"later", "after", "afterwards", "afterward", "on", "next", "following", "subsequent"}
_EARLIER = {"earlier", "before", "previously", "prior to", "beforehand", "previous", "preceding", "prior"}
# "up from a year earlier", "than a week before": a comparison, not a date placed
_COMPARISON = re.compile(r"\b(?:from|than|with|over|versus|vs\.?|on)\s+$", re.IGNORECASE)
_COMPLEMENT_END = re.compile(r"[;:]|,\s+(?!\d)|\b(?:and|but|when|while|as|because)\b")


def _bounds(n: float, unit: str, approx: str | None) -> tuple[float, float]:
    """Days between the two moments of "N units later": exact for days, a day or two either way
    for weeks, ten days for months, a month for years; widened or opened by "about", "more than"."""
    days = n * UNIT_DAYS[unit]
    slack = {"day": 0, "week": 1 if n == 1 else 2, "fortnight": 1, "month": 10}.get(unit, 31)
    lo, hi = (0, days + 1) if unit == "hour" else (days - slack, days + slack)
    approx = " ".join(approx.lower().split()) if approx else None
    if approx in ("more than", "over", "at least"):
        return days, INF
    if approx == "just over":
        return days, days * 1.25 + 1
    if approx in ("less than", "under", "within"):
        return 0, days
    if approx in ("just under", "nearly", "almost"):
        return days * 0.75, days
    if approx in ("about", "around", "roughly", "some"):
        widen = max(1.0, days * 0.25)
        return lo - widen, hi + widen
    return lo, hi


def _vague(unit: str) -> tuple[float, float]:
    """"days later", "weeks later": more than one unit, fewer than a few dozen."""
    size = UNIT_DAYS[unit]
    return {"day": (1, 20), "hour": (0, 2)}.get(unit, (size, size * 30 if unit != "year" else INF))


def _named(unit: str, word: str) -> tuple[float, float, tuple[str, int] | None]:
    """"The next day", "the following month", "the same week": the bounds, and the calendar
    unit a month, week or year asks for (the next calendar month, not thirty days)."""
    sign = 0 if word == "same" else (1 if word in _LATER else -1)
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return sign, sign, None
    if sign == 0:
        return -366, 366, (unit, 0)
    reach = 400 if unit == "year" else 62
    return (1, reach, (unit, sign)) if sign > 0 else (-reach, -1, (unit, sign))


def constraints(dd: DocDates, net: Network) -> None:
    prose = dd.doc.prose
    by_sentence: dict[tuple, list] = {}
    for m in dd.mentions:
        if m.kind in ("date", "weekday") and not ({"dateline", "note"} & m.flags) and dated_point(dd, net, m) is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    for s0, s1 in by_sentence:  # a phrase places a date of its own sentence
        text = prose[s0:s1]
        taken: list[tuple[int, int]] = []
        for cue in cues(text):
            if any(a <= cue.start() < b for a, b in taken) or _COMPARISON.search(text, 0, cue.start()):
                continue
            taken.append((cue.start(), cue.end()))
            _offset(dd, net, (s0, s1), cue, by_sentence.get((s0, s1), []))


@lru_cache(maxsize=512)
def cues(text: str) -> tuple:
    """The offset phrases of a sentence, in order (the order source leaves their words alone)."""
    if not _UNIT.search(text):
        return ()
    found = list(_QUANTITY.finditer(text)) + list(_BARE.finditer(text)) + list(_NAMED.finditer(text))
    return tuple(sorted(found, key=lambda c: c.start()))


def _offset(dd, net, sentence, cue, dated) -> None:
    s0 = sentence[0]
    cs, ce = s0 + cue.start(), s0 + cue.end()
    groups = cue.groupdict()
    calendar = None
    if groups.get("unit3"):  # "that day", "the same evening"
        lo = hi = 0
        complement = False
    elif groups.get("which") or groups.get("unit2"):
        word = (groups.get("which") or groups.get("dir")).lower()
        lo, hi, calendar = _named((groups.get("unit") or groups.get("unit2")).lower(), word)
        complement = groups.get("dir") is not None
    else:
        unit = unit_of(groups["unit"]) if groups.get("unit") else unit_of(groups["n"])
        n = number(groups["n"]) if groups.get("unit") else None
        lo, hi = _vague(unit) if n is None else _bounds(n, unit, groups.get("approx"))
        direction = " ".join(groups["dir"].lower().split())
        if direction not in _LATER:
            lo, hi = -hi, -lo
        complement = direction in ("after", "before", "prior to")
    placed, anchor = _ends(dd, net, sentence, cs, ce, dated, complement)
    if placed is None or anchor is None or placed == anchor:
        return
    net.add(anchor, placed, lo, hi, "offset", dd.doc.prose[cs:ce], cs, ce, calendar)


def _ends(dd, net, sentence, cs: int, ce: int, dated, complement: bool):
    """(the point the phrase places, the point it measures from), or Nones when the phrase places
    an event the text does not date ("the first shifts went back the following morning")."""
    prose = dd.doc.prose
    lead = re.compile(r"[\s,]*").match(prose, ce).end()  # "A week later, on July 11": past the comma
    stop = _COMPLEMENT_END.search(prose, lead, sentence[1])
    limit = stop.start() if stop else sentence[1]
    before = [m for m in dated if m.end <= cs and not _COMPLEMENT_END.search(prose[m.end:cs].rstrip(" ,"))]
    after = [m for m in dated if ce <= m.start < limit]
    near = before[-1] if before and len(prose[before[-1].end:cs].strip(" ,(")) <= 2 else None
    if near is not None and not event_time(dd, near):
        return None, None  # "set an election for May 25, hours after he left": the clause's own time
    anchor = None
    if complement:
        # "on June 3, two days after the mayor resigned on July 1"; "Two days after the March 1
        # vote, the council met on March 3": the date next to the phrase, or the clause's first
        fronted = not prose[sentence[0]:cs].strip(" ,")
        if after:
            anchor = dated_point(dd, net, after[0])
        else:
            anchor = event_point(dd, net, prose[ce:limit].strip()[:60] or "the event", ce, sentence, complement=True)
        later = [m for m in dated if m.start >= limit]
        clause = before[-1] if before and event_time(dd, before[-1]) else None  # "On June 3 the jury ..., a week after"
        placed = near or clause or (later[0] if fronted and later else None)
    else:
        placed = near or (after[0] if after else None)
    if placed is None:
        return None, None
    placed_point = dated_point(dd, net, placed)
    if anchor is None:
        anchor = previous_dated(dd, net, cs, (placed,))
    return placed_point, anchor
