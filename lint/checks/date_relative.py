"""`date-relative`: flags a relative word that contradicts the explicit date next to it. The judgement lives in lint/dates/judge.py."""
from __future__ import annotations

from ..dates import JudgedKind
from . import register


@register
class DateRelative(JudgedKind):
    name = "date-relative"
    summary = "flags a relative word that contradicts the explicit date next to it"
    fields = ("relative", "date", "expected", "published")
    judgement = "relative_mismatch"
