"""`date-year-missing`: flags a year-less date that resolves outside the publication year. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateYearMissing(CheckKind):
    name = "date-year-missing"
    summary = "flags a year-less date that resolves outside the publication year"
    params = {}
    fields = ("date", "year", "published")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.year_missing)
