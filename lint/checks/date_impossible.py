"""`date-impossible`: a day the month does not have (February 30, April 31, February 29 outside a
leap year)."""
from __future__ import annotations

from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates


@register
class DateImpossible(DateKind):
    name = "date-impossible"
    summary = "flags a day the month does not have (February 30, April 31)"
    fields = {
        "date": "the date as written",
        "reason": "why no such day exists",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        import calendar

        from ..dates import resolve
        from ..dates.analysis import valid
        from ..dates.readings import date_text, known_pub, neighbour_years
        from ..dates.scanner import MONTHS

        issues = []
        for m in dd.days:
            if "numeric" in m.flags:
                continue
            if m.month == 2 and m.day == 29 and m.year is None:
                pub = known_pub(dd)
                if pub is None:
                    continue
                years = neighbour_years(2, pub) + ([pub.year - 1] if pub.month <= 4 else [])
                if any(calendar.isleap(y) for y in years):
                    continue
                reason = f"{pub.year} is not a leap year"
            elif valid(m, m.year):
                continue
            elif m.month == 2 and m.day == 29:
                reason = f"{m.year} is not a leap year"
            elif m.month == 2 and m.year is None:
                reason = "February never has more than 29 days"
            else:
                reason = f"{MONTHS[m.month - 1]} has {resolve.days_in_month(m.month, m.year)} days"
            issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "reason": reason}))
        return issues
