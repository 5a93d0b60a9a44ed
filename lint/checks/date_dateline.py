"""`date-dateline`: flags a dateline dated days away from publication (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateDateline(ConflictKind):
    name = "date-dateline"
    summary = "flags a dateline dated days away from publication"
    source = "dateline"
