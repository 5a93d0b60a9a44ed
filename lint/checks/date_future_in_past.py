"""`date-future-in-past`: flags a past-tense statement dated after publication. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateFutureInPast(JudgedKind):
    name = "date-future-in-past"
    summary = "flags a past-tense statement dated after publication"
    fields = ("date", "published", "note")
    judgement = "future_in_past"
