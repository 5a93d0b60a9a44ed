"""`date-future-in-past`: a date with an explicit year after publication in a past-tense sentence."""
from __future__ import annotations

from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates

FUTURE_YEAR_GAP = 30  # an explicit date this far after publication cannot be a past event


@register
class DateFutureInPast(DateKind):
    name = "date-future-in-past"
    summary = "flags a past-tense statement dated after publication"
    fields = {
        "date": "the date as written",
        "published": "the publication date",
        "note": "how the publication date was inferred, when it was (empty otherwise)",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        from ..dates.analysis import valid
        from ..dates.readings import checkable_past, date_text, known_pub
        from ..dates.resolve import full, make

        pub = known_pub(dd)
        if pub is None or dd.pub.origin == "inferred":
            return []
        issues = []
        for m in dd.days:
            if m.year is None or not valid(m, m.year) or not checkable_past(m, fiscal_ok=True):
                continue
            d = make(m.year, m.month, m.day)
            if (d - pub).days > FUTURE_YEAR_GAP:
                issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "published": full(pub),
                                                          "note": dd.pub.note()}))
        return issues
