"""`date-range`: flags a range or duration whose dates do not agree (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateRange(ConflictKind):
    name = "date-range"
    summary = "flags a range or duration whose dates do not agree"
    source = "range"
