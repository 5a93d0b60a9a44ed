"""`date-event-conflict`: flags one event given two different dates (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import CONFLICT_FIELDS, ConflictKind


@register
class DateEventConflict(ConflictKind):
    name = "date-event-conflict"
    summary = "flags one event given two different dates"
    source = "same-event"
    fields = {**CONFLICT_FIELDS, "event": "the event noun (summit, vote, walkout...)",
              "other": "the other date given for the event", "other_line": "the line of that date"}
