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
    size = UNIT_DAYS[unit]
    days = n * size
    approx = " ".join(approx.lower().split()) if approx else None
    if unit == "day":
        lo, hi = days, days
    elif unit == "hour":
        lo, hi = 0, days + 1
    elif unit == "week":
        slack = 1 if n == 1 else 2
        lo, hi = days - slack, days + slack
    elif unit == "fortnight":
        lo, hi = days - 1, days + 1
    elif unit == "month":
        lo, hi = days - 10, days + 10
    else:
        lo, hi = days - 31, days + 31
    if approx in ("more than", "over", "at least"):
        return days, INF
    if approx in ("just over",):
        return days, days * 1.25 + 1
    if approx in ("less than", "under", "within", "just under"):
        return (days * 0.75 if approx == "just under" else 0), days
    if approx in ("about", "around", "roughly", "some", "nearly", "almost"):
        widen = max(1.0, days * 0.25)
        return (lo - widen if approx not in ("nearly", "almost") else days * 0.75), hi + (widen if approx not in ("nearly", "almost") else 0)
    return lo, hi


def _vague(word: str, unit: str) -> tuple[float, float]:
    size = UNIT_DAYS[unit]
    return {"day": (1, 20), "hour": (0, 2)}.get(unit, (size, size * 30 if unit != "year" else INF))


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
    if groups.get("which") or groups.get("unit2") or groups.get("unit3"):
        if groups.get("unit3"):
            unit, sign, n = "day", 1, 0
        else:
            unit = (groups.get("unit") or groups.get("unit2")).lower()
            word = (groups.get("which") or groups.get("dir")).lower()
            sign = 0 if word == "same" else (1 if word in _LATER else -1)
            n = 0 if word == "same" else 1
        if unit in ("morning", "afternoon", "evening", "night"):
            unit = "day"
        lo = hi = sign * n
        if unit in ("week", "month", "year"):
            calendar = (unit, sign * n)
            lo, hi = (-400, 400) if unit == "year" else (-62, 62)
            lo, hi = (1, hi) if sign > 0 else (lo, -1)
        complement = groups.get("dir") is not None
    else:
        unit = unit_of(groups["unit"]) if groups.get("unit") else unit_of(groups["n"])
        n_word = groups["n"].lower() if groups.get("unit") else None
        n = number(n_word) if n_word else None
        if n is None:
            lo, hi = _vague(n_word or "", unit)
        else:
            lo, hi = _bounds(n, unit, groups.get("approx"))
        direction = " ".join(groups["dir"].lower().split())
        sign = 1 if direction in _LATER else -1
        if sign < 0:
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
