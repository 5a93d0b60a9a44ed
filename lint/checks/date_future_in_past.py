"""`date-future-in-past`: flags a past-tense statement dated after publication. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateFutureInPast(CheckKind):
    name = "date-future-in-past"
    summary = "flags a past-tense statement dated after publication"
    params = {}
    fields = ("date", "published", "note")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.future_in_past)
