"""`date-elapsed`: flags an age, anniversary or elapsed time the dates contradict (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateElapsed(ConflictKind):
    name = "date-elapsed"
    summary = "flags an age, anniversary or elapsed time the dates contradict"
    source = "elapsed"
