"""`date-event-conflict`: flags one event given two different dates. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateEventConflict(CheckKind):
    name = "date-event-conflict"
    summary = "flags one event given two different dates"
    params = {}
    fields = ("event", "date", "other", "other_line")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.event_conflict)
