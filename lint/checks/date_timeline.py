"""`date-timeline`: flags a date far from the article's own timeline or out of its stated order. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateTimeline(CheckKind):
    name = "date-timeline"
    summary = "flags a date far from the article's own timeline or out of its stated order"
    params = {}
    fields = ("date", "reason", "published", "note")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.timeline)
