"""`date-weekday`: flags a weekday that does not match the date it names. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateWeekday(JudgedKind):
    name = "date-weekday"
    summary = "flags a weekday that does not match the date it names"
    fields = ("text", "written", "actual", "date", "note")
    judgement = "weekday"
