"""`date-weekday`: flags a weekday that does not match the date it names. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateWeekday(CheckKind):
    name = "date-weekday"
    summary = "flags a weekday that does not match the date it names"
    params = {}
    fields = ("text", "written", "actual", "date", "note")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.weekday)
