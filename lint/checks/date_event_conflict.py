"""`date-event-conflict`: flags one event given two different dates (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateEventConflict(ConflictKind):
    name = "date-event-conflict"
    summary = "flags one event given two different dates"
    source = "same-event"
    fields = ("event", "date", "other", "other_line", "reason", "note", "published")
