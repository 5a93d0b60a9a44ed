"""`date-weekday`: a weekday written next to a date it does not fall on."""
from __future__ import annotations

from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates


@register
class DateWeekday(DateKind):
    name = "date-weekday"
    summary = "flags a weekday that does not match the date it names"
    fields = {
        "text": "the weekday and date as written",
        "written": "the weekday written",
        "actual": "the weekday of that date",
        "date": "the date, with its year",
        "note": "how the publication date was inferred, when it was",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        from ..dates.readings import known_pub, neighbour_years, sentence_years
        from ..dates.resolve import full, make, weekday_name
        from ..dates.scanner import WEEKDAYS

        issues = []
        pub = known_pub(dd)
        for m in dd.days:
            if m.weekday is None or {"iso", "numeric"} & m.flags:
                continue
            if m.year is not None:
                years = [m.year]
            elif pub is not None and "quoted" not in m.flags:
                years = neighbour_years(m.month, pub)
                if dd.pub.origin == "inferred":
                    years += sorted(sentence_years(dd, m))
                else:
                    years += sorted(sentence_years(dd, m))
            else:
                continue
            dates = [d for d in (make(y, m.month, m.day) for y in years) if d]
            if not dates or any(d.weekday() == m.weekday for d in dates):
                continue
            d = dates[0]
            issues.append(Issue(m.start, m.end, {
                "text": m.text.strip(), "written": WEEKDAYS[m.weekday], "actual": weekday_name(d),
                "date": full(d), "note": dd.pub.note() if m.year is None else ""}))
        return issues
