"""`date-timeline`: flags a date placed against the text's own order words (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateTimeline(ConflictKind):
    name = "date-timeline"
    summary = "flags a date placed against the text's own order words"
    source = "order"
