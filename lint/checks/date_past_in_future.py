"""`date-past-in-future`: flags a plan or schedule dated before publication (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DatePastInFuture(ConflictKind):
    name = "date-past-in-future"
    summary = "flags a plan or schedule dated before publication"
    source = "future"
