"""`date-year-missing`: flags a year-less date that resolves outside the publication year. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateYearMissing(JudgedKind):
    name = "date-year-missing"
    summary = "flags a year-less date that resolves outside the publication year"
    fields = ("date", "year", "published")
    judgement = "year_missing"
