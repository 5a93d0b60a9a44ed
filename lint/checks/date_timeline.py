"""`date-timeline`: a date far from the article's own timeline or out of its stated order."""
from __future__ import annotations

import datetime as dt
import re

from ..lazyre import lazy
from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates
    from ..dates.scanner import Mention

_SEQUENCE = lazy(r"\b(?:coincided with|followed|following|preceded|after|before|since|until|"
                       r"days later|weeks later|a day later|the next day|the day before|the previous day|"
                       r"in the wake of|in response to|prompted|triggered|led to|came after)\b", re.IGNORECASE)
_PREV_YEAR_CONTEXT = lazy(r"\b(?:last year|a year ago|late last|previous year|prior year)\b",
                                re.IGNORECASE)
FUTURE_GAP = 45  # an outlier lies at least this many days after publication


@register
class DateTimeline(DateKind):
    name = "date-timeline"
    summary = "flags a date far from the article's own timeline or out of its stated order"
    fields = {
        "date": "the date as written",
        "reason": "why it does not fit, with the dates it is measured against",
        "published": "the publication date",
        "note": "how the publication date was inferred, when it was",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        from ..dates.analysis import valid
        from ..dates.readings import BOUNDARY_DAYS, SLACK, checkable_past, date_text, reading, resolve_years_in
        from ..dates.resolve import PLACEHOLDER_YEAR, full, make, month_day

        pub_info = dd.pub
        if pub_info.date is None:
            return []
        pub = pub_info.date
        issues = []
        usable = [m for m in dd.days if "quoted" not in m.flags and valid(m, m.year or PLACEHOLDER_YEAR)]
        if not pub_info.year_known:
            usable = [m for m in usable if m.year is None]
        months_named = {m.month for m in dd.mentions if m.kind == "month"}
        outliers = []
        for m in usable:
            if m.year is not None or not checkable_past(m):
                continue
            d = make(pub.year, m.month, m.day)
            if d is None or (d - pub).days < FUTURE_GAP:
                continue
            prev = make(pub.year - 1, m.month, m.day)
            if prev is None or (pub - prev).days <= BOUNDARY_DAYS:
                continue
            sentence = dd.doc.prose[m.sentence[0]:m.sentence[1]]
            near = dd.doc.prose[max(m.sentence[0], m.start - 30):min(m.sentence[1], m.end + 30)]
            if _PREV_YEAR_CONTEXT.search(near) or resolve_years_in(sentence):
                continue  # the sentence itself places it in another year
            if m.month in months_named:
                continue  # the month is part of the story elsewhere ("in December ...")
            if _other_year_context(dd, m, pub):
                continue
            others = [o for o in usable if o is not m and (o.month, o.day) != (m.month, m.day)
                      and (o.year is not None or "dateline" in o.flags or
                           (reading(o, pub) or pub) <= pub + SLACK)]
            outliers.append((m, d, prev, others))
        if outliers and pub_info.origin == "inferred":
            # the timeline itself chose "today": act only on a clear minority of its dates
            flagged = {(m.month, m.day) for m, *_ in outliers}
            rest = [o for o in usable if (o.month, o.day) not in flagged and o.year is None]
            if len(rest) < 2 or len(rest) <= len(outliers):
                outliers = []
        for m, d, prev, others in outliers:
            named = _nearest(dd, m, others)
            tie = _sequence_tie(dd, m, named)
            shown_pub = full(pub) if pub_info.year_known else month_day(pub)
            reason = (f"in a past-tense sentence it would fall after publication ({shown_pub}), "
                      f"or else {(pub - prev).days} days before it in {prev.year if pub_info.year_known else 'the year before'}"
                      f" with no year given")
            if named:
                listing = ", ".join(f"{date_text(dd, o)} (line {dd.line(o)})" for o in named)
                reason += f"; the article's other dates are {listing}"
            if tie:
                reason += f"; the text ties it to {date_text(dd, tie[0])} with \"{tie[1]}\""
            related = [(o.start, o.end, f"{date_text(dd, o)}: part of the article's timeline") for o in named]
            issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "reason": reason,
                                                      "published": shown_pub, "note": pub_info.note()},
                                related))
        issues.extend(_dateline_mismatch(dd))
        issues.extend(_sequence_contradictions(dd))
        return issues


def _other_year_context(dd: DocDates, m: Mention, pub: dt.date) -> bool:
    """The same day is written with a year elsewhere, or its paragraph speaks of another year."""
    if any(o.year is not None and (o.month, o.day) == (m.month, m.day) for o in dd.days):
        return True
    block = dd.doc.blocks[m.block]
    years = re.findall(r"(?<![\d.,$])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)", dd.doc.prose[block.start:m.start])
    return any(int(y) != pub.year for y in years)




def _nearest(dd: DocDates, m: Mention, others: list[Mention]) -> list[Mention]:
    """Up to three other dates, nearest in the text first, one mention per date."""
    seen, chosen = set(), []
    for o in sorted(others, key=lambda o: (abs(o.block - m.block), abs(o.start - m.start))):
        key = (o.year, o.month, o.day)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(o)
        if len(chosen) == 3:
            break
    return chosen


def _sequence_tie(dd: DocDates, m: Mention, named: list[Mention]):
    sentence = dd.doc.prose[m.sentence[0]:m.sentence[1]]
    word = _SEQUENCE.search(sentence)
    if not word or not named:
        return None
    return named[0], word.group(0)


def _dateline_mismatch(dd: DocDates) -> list[Issue]:
    from ..dates.analysis import valid
    from ..dates.readings import date_text
    from ..dates.resolve import full, make

    if dd.pub.origin not in ("front-matter", "option"):
        return []
    pub = dd.pub.date
    issues = []
    for m in dd.days:
        if "dateline" not in m.flags or not valid(m, m.year or pub.year):
            continue
        years = [m.year] if m.year else [pub.year - 1, pub.year, pub.year + 1]
        gaps = [abs((d - pub).days) for d in (make(y, m.month, m.day) for y in years) if d]
        if gaps and min(gaps) > 10:
            issues.append(Issue(m.date_start, m.end, {
                "date": date_text(dd, m), "published": full(pub), "note": "",
                "reason": f"the dateline is dated {min(gaps)} days away from publication ({full(pub)})"}))
    return issues


_ORDER = lazy(r"(?:\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few|some)\s+"
                    r"(?:days?|weeks?|hours?)\s+(?P<q>after|before|later than|earlier than)"
                    r"|,\s*(?:shortly\s+|just\s+|soon\s+|only\s+|right\s+)?(?P<c>after|before))"
                    r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")


def _sequence_contradictions(dd: DocDates) -> list[Issue]:
    from ..dates.readings import date_text, written_or_read
    from ..dates.resolve import PLACEHOLDER_YEAR, full, make, month_day

    pub = dd.pub.date
    issues = []
    for a, b in zip(dd.days, dd.days[1:]):
        if a.sentence != b.sentence or ({"range", "quoted"} & (a.flags | b.flags)):
            continue
        between = dd.doc.prose[a.end:b.start]
        m = _ORDER.search(between)
        if not m or len(between) > 120:
            continue
        if dd.pub.year_known:
            da, db = written_or_read(a, pub), written_or_read(b, pub)
        else:
            da, db = make(PLACEHOLDER_YEAR, a.month, a.day), make(PLACEHOLDER_YEAR, b.month, b.day)
        if not da or not db:
            continue
        word = (m.group("q") or m.group("c")).lower()
        after = word in ("after", "later than")
        if (after and da < db - dt.timedelta(days=1)) or (not after and da > db + dt.timedelta(days=1)):
            issues.append(Issue(a.date_start, a.end, {
                "date": date_text(dd, a), "published": full(pub) if dd.pub.year_known else month_day(pub),
                "note": dd.pub.note(),
                "reason": f"the sentence puts it {word} {date_text(dd, b)}, which is "
                          f"{'later' if after else 'earlier'} in the calendar"},
                [(b.start, b.end, f"{date_text(dd, b)}")]))
    return issues
