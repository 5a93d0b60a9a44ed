"""`date-facts`: a fact ledger. The rule declares known event dates and offices held with their
dates; a sentence that names the event (or the office holder) next to a date that contradicts the
ledger is flagged."""
from __future__ import annotations

import datetime as dt
import re

from . import Param, ParamError, register
from ._datekind import ConflictKind, dates_library


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
class DateFacts(ConflictKind):
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
    source = "fact"

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

    def conflicts(self, dd, rule):
        from ..dates.sources.facts import ledger

        events, offices = rule.prepared
        built = dates_library()[1].build(dd, extra=[ledger(events, offices)])
        return built, built.conflicts

    def judge(self, dd, rule):
        issues = super().judge(dd, rule)
        for issue in issues:
            issue.fields = {"date": issue.fields["date"], "fact": issue.fields["fact"],
                            "expected": issue.fields["expected"]}
        return issues
