"""The fact ledger as constraints: a sentence that names a known event dates it on the ledger's
day; a past-tense sentence that names an office holder by title dates the act within a term.

The ledger comes from a rule's parameters (rules/examples/facts.yaml), so this source is added by
that rule's check kind, not run for every article. A ledger fact is a point that is never blamed.
When the article's year is unknown, only the month and day of an event are compared.
"""
from __future__ import annotations

import datetime as dt

from ..analysis import DocDates
from ..network import Network, Point, Reading
from ..resolve import full, make

UNREAD = {"quoted", "range", "numeric", "iso", "note"}
_OPEN_END = dt.date(9999, 12, 31)


def ledger(events, offices):
    """A source for `story.build`: events are (name, day, patterns), offices (name, start, end or
    None, patterns), patterns compiled."""

    def constraints(dd: DocDates, net: Network) -> None:
        by_sentence: dict[tuple, list] = {}
        for m in dd.days:
            i = net.point_of(m)
            if i is not None and not (UNREAD & m.flags) and net.points[i].readings:
                by_sentence.setdefault(m.sentence, []).append((m, i))
        for span, dated in by_sentence.items():
            sentence = dd.doc.prose[span[0]:span[1]]
            for name, day, patterns in events:
                if all(p.search(sentence) for p in patterns):
                    _event(dd, net, dated, name, day)
            _offices(dd, net, span, sentence, dated, offices)

    return constraints


def _event(dd, net, dated, name: str, day: dt.date) -> None:
    if dd.pub.year_known:
        readings = [Reading(day, day, True)]
    else:
        year = dd.pub.date.year if dd.pub.date else day.year
        readings = [Reading(d, d, True) for d in (make(y, day.month, day.day) for y in
                                                                (year - 1, year, year + 1)) if d]
    if any(r.day == f.day for _m, i in dated for r in net.points[i].readings for f in readings):
        return  # the sentence gives the ledger's day
    fact = net.add_point(Point("was on " + full(day), readings, blamable=False))
    for m, i in dated:
        net.add(fact, i, 0, 0, "fact", name, m.date_start, m.end)


def _offices(dd, net, span, sentence, dated, offices) -> None:
    hits = []  # (offset, key): where each office holder is named
    terms: dict[str, list] = {}
    for name, start, end, patterns in offices:
        for p in patterns:
            hits.extend((span[0] + hit.start(), patterns[0].pattern) for hit in p.finditer(sentence))
        terms.setdefault(patterns[0].pattern, []).append((name, start, end))
    if not hits:
        return
    for m, i in dated:
        if m.tense != "past":
            continue
        before = [h for h in hits if h[0] < m.start]
        entries = terms[max(before)[1] if before else min(hits)[1]]  # the holder named nearest before
        readings = [Reading(s, e or _OPEN_END, True) for _n, s, e in entries]
        held = "; ".join(f"from {full(s)}" + (f" to {full(e)}" if e else "") for _n, s, e in entries)
        term = net.add_point(Point("was in office " + held, readings, blamable=False))
        net.add(term, i, 0, 0, "fact", " / ".join(n for n, _s, _e in entries), m.date_start, m.end)
