"""`date-future-in-past`: flags a past-tense statement dated after publication (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateFutureInPast(ConflictKind):
    name = "date-future-in-past"
    summary = "flags a past-tense statement dated after publication"
    source = "past"
