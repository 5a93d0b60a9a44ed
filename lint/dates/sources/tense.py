"""The tense of the clause governing a date: a past statement is dated on or before publication, a
plan or schedule on or after it (a day of slack either way, for time zones).

A publication date inferred from the article's own past dates is only a lower bound of the real
one, so plans are not held against it. A year-less date in a sentence that writes another year
("killed in 2011, a decade after the Sept. 11 attacks") may belong to any year: it is not placed.
"""
from __future__ import annotations

from ..analysis import DocDates
from ..network import INF, PUB, Network
from ..readings import vague_year

# quotes (someone else's time), editors' notes (written later), lists and tables (agendas),
# machine forms, datelines (their own source), and the first day of a range (it may have begun)
UNREAD = {"quoted", "note", "listed", "numeric", "iso", "dateline", "range-start"}


def constraints(dd: DocDates, net: Network) -> None:
    if dd.pub.date is None:
        return
    for m in dd.days:
        i = net.point_of(m)
        if i is None or UNREAD & m.flags or vague_year(dd, m):
            continue
        g = m.governor
        if g.tense == "past":
            net.add(i, PUB, -1, INF, "past", g.words, g.start, g.end)
        elif g.tense == "future" and dd.pub.origin != "inferred":
            net.add(PUB, i, -1, INF, "future", g.words, g.start, g.end)
