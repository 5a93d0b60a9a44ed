"""`date-event-conflict`: flags one event given two different dates. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateEventConflict(JudgedKind):
    name = "date-event-conflict"
    summary = "flags one event given two different dates"
    fields = ("event", "date", "other", "other_line")
    judgement = "event_conflict"
