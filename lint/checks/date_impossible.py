"""`date-impossible`: flags a day the month does not have (February 30, April 31). The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateImpossible(CheckKind):
    name = "date-impossible"
    summary = "flags a day the month does not have (February 30, April 31)"
    params = {}
    fields = ("date", "reason")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.impossible)
