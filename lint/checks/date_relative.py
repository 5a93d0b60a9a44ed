"""`date-relative`: a relative word (yesterday, last Tuesday) next to an explicit date it contradicts."""
from __future__ import annotations

import re

from ..lazyre import lazy
from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates

_ADJACENT = lazy(r"\s*(?:,|\()?\s*(?:on\s+)?$")


@register
class DateRelative(DateKind):
    name = "date-relative"
    summary = "flags a relative word that contradicts the explicit date next to it"
    fields = {
        "relative": "the relative word (yesterday, last Tuesday...)",
        "date": "the date as written",
        "expected": "the date the relative word names",
        "published": "the publication date",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        from ..dates import resolve
        from ..dates.analysis import valid
        from ..dates.readings import date_text, known_pub
        from ..dates.resolve import full, make

        pub = known_pub(dd)
        if pub is None:
            return []
        issues = []
        ordered = sorted(dd.mentions, key=lambda m: m.start)
        for r, m in zip(ordered, ordered[1:]):
            pair = None
            if r.kind == "relative" and m.kind == "date" and _ADJACENT.fullmatch(dd.doc.prose[r.end:m.start]) \
                    and len(dd.doc.prose[r.end:m.start]) <= 6:
                pair = (r, m)
            elif r.kind == "date" and m.kind == "relative" and re.fullmatch(r"\s*,?\s*", dd.doc.prose[r.end:m.start]):
                pair = (m, r)
            if pair is None:
                continue
            rel, date = pair
            if {"range", "quoted"} & date.flags or not valid(date, date.year or pub.year):
                continue
            named = resolve.relative(rel.text, pub)
            if named is None:
                continue
            expected, tolerance = named
            years = [date.year] if date.year else [pub.year - 1, pub.year, pub.year + 1]
            candidates = [d for d in (make(y, date.month, date.day) for y in years) if d]
            if not candidates:
                continue
            nearest = min(candidates, key=lambda d: abs((d - expected).days))
            if abs((nearest - expected).days) <= tolerance:
                continue
            issues.append(Issue(min(rel.start, date.date_start), max(rel.end, date.end), {
                "relative": rel.text, "date": date_text(dd, date), "expected": full(expected),
                "published": full(pub)}))
        return issues
