"""`date-offset`: flags a date that contradicts an explicit offset (two days after, a week later) (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateOffset(ConflictKind):
    name = "date-offset"
    summary = "flags a date that contradicts an explicit offset (two days after, a week later)"
    source = "offset"
