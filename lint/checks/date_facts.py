"""`date-facts`: a fact ledger. The rule declares known event dates and offices held with their
dates; a sentence that names the event (or the office holder) next to a date that contradicts the
ledger is flagged."""
from __future__ import annotations

import datetime as dt
import re

from . import Param, ParamError, register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates
    from ..dates.scanner import Mention


def _date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ParamError(f"{what}: '{value}' is not a YYYY-MM-DD date") from None


def _patterns(values: list[str], what: str) -> list[re.Pattern]:
    if not values:
        raise ParamError(f"{what}: give at least one pattern that names it")
    try:
        return [re.compile(rf"(?<!\w)(?:{v})(?!\w)") for v in values]
    except re.error as exc:
        raise ParamError(f"{what}: pattern does not compile: {exc}") from None


@register
class DateFacts(DateKind):
    name = "date-facts"
    summary = "flags a date that contradicts a ledger of known events and offices"
    params = {
        "events": Param("map-of-lists", default={}, doc=(
            "event description -> [YYYY-MM-DD, pattern, pattern...]: a sentence matching every "
            "pattern speaks of the event, and its dates must be that day")),
        "offices": Param("map-of-lists", default={}, doc=(
            "office holder -> [from YYYY-MM-DD, to YYYY-MM-DD or '', pattern...]: a past-tense sentence "
            "matching a pattern (e.g. 'President Trump') must be dated within the term; several "
            "entries may share a pattern (several terms)")),
    }
    fields = {
        "date": "the date as written",
        "fact": "the ledger entry (event or office holder)",
        "expected": 'what the ledger says ("was on ...", "was in office ...")',
    }

    def prepare(self, params):
        events, offices = [], []
        for name, values in params["events"].items():
            if not values:
                raise ParamError(f"event '{name}': give [date, pattern...]")
            events.append((name, _date(values[0], f"event '{name}'"), _patterns(values[1:], f"event '{name}'")))
        for name, values in params["offices"].items():
            if len(values) < 3:
                raise ParamError(f"office '{name}': give [from, to or '', pattern...]")
            start = _date(values[0], f"office '{name}'")
            end = _date(values[1], f"office '{name}'") if values[1] else None
            offices.append((name, start, end, _patterns(values[2:], f"office '{name}'")))
        if not events and not offices:
            raise ParamError("a fact ledger needs 'events' or 'offices'")
        return events, offices

    def judge(self, dd, rule):
        events, offices = rule.prepared
        return _judge_facts(dd, events, offices)


def _ledger_dates(dd: DocDates, m: Mention, anchor: dt.date) -> list[dt.date]:
    """The dates a mention may mean: as written, or read against publication (AP style, with the
    neighbouring year at a boundary), or in the anchor's year when the article's year is unknown."""
    from ..dates.readings import BOUNDARY_DAYS, known_pub, neighbour_years
    from ..dates.resolve import make

    if m.year is not None:
        d = make(m.year, m.month, m.day)
        return [d] if d else []
    pub = known_pub(dd)
    years = neighbour_years(m.month, pub) if pub else [anchor.year]
    if pub and (pub - (make(pub.year - 1, m.month, m.day) or pub)).days <= BOUNDARY_DAYS:
        years.append(pub.year - 1)
    return [d for d in (make(y, m.month, m.day) for y in years) if d]


def _judge_facts(dd: DocDates, events, offices) -> list[Issue]:
    from ..dates.analysis import valid
    from ..dates.readings import date_text
    from ..dates.resolve import full

    prose = dd.doc.prose
    by_sentence: dict[tuple, list[Mention]] = {}
    for m in dd.days:
        if not ({"quoted", "range", "numeric", "iso", "note"} & m.flags) and valid(m, m.year):
            by_sentence.setdefault(m.sentence, []).append(m)
    issues = []
    for span, mentions in by_sentence.items():
        sentence = prose[span[0]:span[1]]
        for name, day, patterns in events:
            if not all(p.search(sentence) for p in patterns):
                continue
            if any(day in _ledger_dates(dd, m, day) for m in mentions):
                continue  # the sentence gives the right day
            for m in mentions:
                issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "fact": name,
                                                          "expected": "was on " + full(day)}))
        terms: dict[str, list] = {}
        hits = []  # (offset, pattern key): where each office holder is named
        for name, start, end, patterns in offices:
            for p in patterns:
                for hit in p.finditer(sentence):
                    hits.append((span[0] + hit.start(), patterns[0].pattern))
            terms.setdefault(patterns[0].pattern, []).append((name, start, end))
        if not hits:
            continue
        for m in mentions:
            if m.tense != "past":
                continue
            before = [h for h in hits if h[0] < m.start]
            key = max(before)[1] if before else min(hits)[1]  # the holder named nearest before the date
            entries = terms[key]
            dates = _ledger_dates(dd, m, entries[0][1])
            if not dates or any(s <= d and (e is None or d <= e) for d in dates for _, s, e in entries):
                continue
            name = " / ".join(n for n, _, _ in entries)
            held = "; ".join(f"from {full(s)}" + (f" to {full(e)}" if e else "") for _, s, e in entries)
            issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "fact": name,
                                                      "expected": "was in office " + held}))
    return issues
