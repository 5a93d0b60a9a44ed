"""An article's timeline: its points, the constraints every source reads from the text, and what
the solver makes of them. Built once per document (and once more, with the fact ledger's
constraints, when a ledger rule asks).
"""
from __future__ import annotations

from dataclasses import dataclass

from .analysis import DocDates, valid
from .network import Network, Point, Reading
from .readings import date_text, day_readings
from .sources import SOURCES
from .timeline import Conflict, Solver


@dataclass
class Story:
    dd: DocDates
    net: Network
    conflicts: list[Conflict]


def _network(dd: DocDates) -> Network:
    pub = dd.pub
    readings = [Reading(pub.date, pub.date, True)] if pub.date is not None else []
    net = Network(readings, "publication")
    days = dd.days
    for m in days:
        if "numeric" in m.flags or not valid(m, m.year):
            continue
        same = sum(1 for o in days if o is not m and (o.month, o.day) == (m.month, m.day)
                   and (o.year == m.year or None in (o.year, m.year)))
        readings = day_readings(dd, m)
        agrees = m.weekday is not None and any(r.day and r.day.weekday() == m.weekday for r in readings)
        net.add_point(Point(date_text(dd, m), readings, m, m.date_start, m.end, support=same + agrees))
    return net


def build(dd: DocDates, extra=()) -> Story:
    """The story of a document: every source's constraints (and `extra` sources'), solved."""
    net = _network(dd)
    for source in SOURCES + tuple(extra):
        source(dd, net)
    return Story(dd, net, Solver(net).solve())


def story(dd: DocDates) -> Story:
    """The built-in sources' story of a document, made once and kept on its analysis."""
    if dd.story is None:
        dd.story = build(dd)
    return dd.story
