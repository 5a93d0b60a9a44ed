"""`date-relative`: flags a relative word that contradicts the explicit date next to it. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from . import CheckKind, register


@register
class DateRelative(CheckKind):
    name = "date-relative"
    summary = "flags a relative word that contradicts the explicit date next to it"
    params = {}
    fields = ("relative", "date", "expected", "published")

    def check(self, doc, rule):
        from ..dates import judge, report

        return report(doc, rule, judge.relative_mismatch)
