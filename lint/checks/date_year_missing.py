"""`date-year-missing`: a year-less date that, read against publication, falls in the neighbouring year."""
from __future__ import annotations

from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates


@register
class DateYearMissing(DateKind):
    name = "date-year-missing"
    summary = "flags a year-less date that resolves outside the publication year"
    fields = {
        "date": "the date as written",
        "year": "the year it falls in",
        "published": "the publication date",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        from ..dates.analysis import valid
        from ..dates.readings import BOUNDARY_DAYS, SLACK, date_text, known_pub
        from ..dates.resolve import full, make

        pub = known_pub(dd)
        if pub is None:
            return []
        issues = []
        for m in dd.days:
            if m.year is not None or {"quoted", "range", "dateline", "fiscal"} & m.flags or not valid(m, pub.year):
                continue
            d = make(pub.year, m.month, m.day)
            if d is None:
                continue
            other = None
            if m.tense == "past" and d > pub + SLACK:
                prev = make(pub.year - 1, m.month, m.day)
                if prev and (pub - prev).days <= BOUNDARY_DAYS:
                    other = prev
            elif m.tense == "future" and d < pub - SLACK:
                nxt = make(pub.year + 1, m.month, m.day)
                if nxt and (nxt - pub).days <= 120:
                    other = nxt
            if other:
                issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "year": other.year,
                                                          "published": full(pub)}))
        return issues
