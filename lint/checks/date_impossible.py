"""`date-impossible`: flags a day the month does not have (February 30, April 31). The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateImpossible(JudgedKind):
    name = "date-impossible"
    summary = "flags a day the month does not have (February 30, April 31)"
    fields = ("date", "reason")
    judgement = "impossible"
