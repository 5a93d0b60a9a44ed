"""`date-relative`: flags a relative word that contradicts the explicit date next to it (one source of the article's timeline model)."""
from __future__ import annotations

from . import register
from ._datekind import CONFLICT_FIELDS, ConflictKind


@register
class DateRelative(ConflictKind):
    name = "date-relative"
    summary = "flags a relative word that contradicts the explicit date next to it"
    source = "relative"
    fields = {**CONFLICT_FIELDS, "relative": "the relative word (yesterday, last Tuesday...)",
              "expected": "the date the relative word names"}
