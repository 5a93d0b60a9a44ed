"""`date-timeline`: flags a date far from the article's own timeline or out of its stated order. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateTimeline(JudgedKind):
    name = "date-timeline"
    summary = "flags a date far from the article's own timeline or out of its stated order"
    fields = ("date", "reason", "published", "note")
    judgement = "timeline"
