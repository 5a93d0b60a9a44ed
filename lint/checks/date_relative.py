"""`date-relative`: flags a relative word that contradicts the explicit date next to it (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import ConflictKind


@register
class DateRelative(ConflictKind):
    name = "date-relative"
    summary = "flags a relative word that contradicts the explicit date next to it"
    source = "relative"
    fields = ("relative", "date", "expected", "published", "reason", "note")
