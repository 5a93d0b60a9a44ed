"""The judgements behind the date rules, one function per rule, over a document's DocDates.

Each returns Issues: the span to point at (always the wrong date text), the message fields, and
related locations as (start, end, message) triples. Check kinds turn them into findings.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from . import resolve
from .analysis import DocDates, valid
from .resolve import PLACEHOLDER_YEAR, full, make, month_day, weekday_name
from .scanner import MONTHS, WEEKDAYS, Mention

BOUNDARY_DAYS = 60  # a year-less past date this close before publication may be last year's
SLACK = dt.timedelta(days=2)
FUTURE_YEAR_GAP = 30  # an explicit date this far after publication cannot be a past event


@dataclass
class Issue:
    start: int
    end: int
    fields: dict
    related: list = field(default_factory=list)  # (start, end, message)


def date_text(dd: DocDates, m: Mention) -> str:
    return dd.doc.prose[m.date_start:m.end].strip()


def _sentence_years(dd: DocDates, m: Mention) -> set[int]:
    text = dd.doc.prose[m.sentence[0]:m.sentence[1]]
    return {int(y) for y in re.findall(r"(?<![\d.,])(1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)", text)}


def _known_pub(dd: DocDates) -> dt.date | None:
    pub = dd.pub
    return pub.date if pub.date is not None and pub.year_known else None


def _neighbour_years(month: int, pub: dt.date) -> list[int]:
    """The publication year, and the year next to it when the date is just across a Dec/Jan boundary."""
    years = [pub.year]
    if pub.month <= 3 and month >= 10:
        years.append(pub.year - 1)
    if pub.month >= 10 and month <= 3:
        years.append(pub.year + 1)
    return years


# -- dates.impossible -------------------------------------------------------------------------

def impossible(dd: DocDates) -> list[Issue]:
    issues = []
    for m in dd.days:
        if "numeric" in m.flags:
            continue
        if m.month == 2 and m.day == 29 and m.year is None:
            pub = _known_pub(dd)
            if pub is None:
                continue
            years = _neighbour_years(2, pub) + ([pub.year - 1] if pub.month <= 4 else [])
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


# -- dates.weekday-mismatch -----------------------------------------------------------------------

def weekday(dd: DocDates) -> list[Issue]:
    issues = []
    pub = _known_pub(dd)
    for m in dd.days:
        if m.weekday is None or {"iso", "numeric"} & m.flags:
            continue
        if m.year is not None:
            years = [m.year]
        elif pub is not None and "quoted" not in m.flags:
            years = _neighbour_years(m.month, pub)
            if dd.pub.origin == "inferred":
                years += sorted(_sentence_years(dd, m))
            else:
                years += sorted(_sentence_years(dd, m))
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


# -- dates.future-in-past ------------------------------------------------------------------------

_UNJUDGED = {"quoted", "range", "dateline", "forward", "note", "listed", "iso", "numeric"}


def _checkable_past(m: Mention, fiscal_ok: bool = False) -> bool:
    """A date stated in the past tense, outside quotes, ranges, datelines, deadlines, editors'
    notes, lists and machine forms; period ends ("the year ended December 31") only if `fiscal_ok`."""
    skip = _UNJUDGED if fiscal_ok else _UNJUDGED | {"fiscal"}
    return m.tense == "past" and not (skip & m.flags)


def future_in_past(dd: DocDates) -> list[Issue]:
    pub = _known_pub(dd)
    if pub is None or dd.pub.origin == "inferred":
        return []
    issues = []
    for m in dd.days:
        if m.year is None or not valid(m, m.year) or not _checkable_past(m, fiscal_ok=True):
            continue
        d = make(m.year, m.month, m.day)
        if (d - pub).days > FUTURE_YEAR_GAP:
            issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "published": full(pub),
                                                      "note": dd.pub.note()}))
    return issues


# -- dates.timeline-outlier ----------------------------------------------------------------------

_SEQUENCE = re.compile(r"\b(?:coincided with|followed|following|preceded|after|before|since|until|"
                       r"days later|weeks later|a day later|the next day|the day before|the previous day|"
                       r"in the wake of|in response to|prompted|triggered|led to|came after)\b", re.IGNORECASE)
_PREV_YEAR_CONTEXT = re.compile(r"\b(?:last year|a year ago|late last|previous year|prior year)\b",
                                re.IGNORECASE)
FUTURE_GAP = 45  # an outlier lies at least this many days after publication


def _reading(m: Mention, pub: dt.date) -> dt.date | None:
    """Where a year-less past date most plausibly falls: in the publication year (AP style), or in
    the year before when that puts it just before publication across the Dec/Jan boundary."""
    d = make(pub.year, m.month, m.day)
    if d is None:
        return None
    if d > pub + SLACK:
        prev = make(pub.year - 1, m.month, m.day)
        if prev and (pub - prev).days <= BOUNDARY_DAYS:
            return prev
    return d


def _written_or_read(m: Mention, pub: dt.date) -> dt.date | None:
    if m.year is not None:
        return make(m.year, m.month, m.day) if valid(m, m.year) else None
    return _reading(m, pub)


def timeline(dd: DocDates) -> list[Issue]:
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
        if m.year is not None or not _checkable_past(m):
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
                       (_reading(o, pub) or pub) <= pub + SLACK)]
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


def resolve_years_in(sentence: str) -> bool:
    return bool(re.search(r"(?<![\d.,])(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)", sentence))


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


_ORDER = re.compile(r"(?:\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few|some)\s+"
                    r"(?:days?|weeks?|hours?)\s+(?P<q>after|before|later than|earlier than)"
                    r"|,\s*(?:shortly\s+|just\s+|soon\s+|only\s+|right\s+)?(?P<c>after|before))"
                    r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")


def _sequence_contradictions(dd: DocDates) -> list[Issue]:
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
            da, db = _written_or_read(a, pub), _written_or_read(b, pub)
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


# -- dates.year-missing ---------------------------------------------------------------------------

def year_missing(dd: DocDates) -> list[Issue]:
    pub = _known_pub(dd)
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


# -- dates.relative-mismatch ---------------------------------------------------------------------

_ADJACENT = re.compile(r"\s*(?:,|\()?\s*(?:on\s+)?$")


def relative_mismatch(dd: DocDates) -> list[Issue]:
    pub = _known_pub(dd)
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


# -- dates.event-conflict ------------------------------------------------------------------------

_EVENTS = ("meeting|summit|election|vote|referendum|hearing|trial|conference|deadline|launch|"
           "auction|ceremony|announcement|attack|strike|debate|visit|talks|session|match|final|"
           "release|report|speech|accord|agreement|ruling|verdict|merger")
_RANGE_NEXT = re.compile(r"\s*(?:-|to|and|or)\s*\d")
_EVENT_AFTER_DATE = re.compile(r"\s+(?P<event>" + _EVENTS + r")\b")
_EVENT_BEFORE_DATE = re.compile(r"\bthe\s+(?P<event>" + _EVENTS + r")\s+(?:on|of)\s+$")
_DISTINCT = re.compile(r"\b(?:another|next|second|third|previous|last|first|earlier|later|latest|"
                       r"each|every|weekly|monthly|daily|follow-up|subsequent|new|other|final)\s+(?:\w+\s+)?(?P<event>"
                       + _EVENTS + r")\b", re.IGNORECASE)


def event_conflict(dd: DocDates) -> list[Issue]:
    prose = dd.doc.prose
    by_event: dict[str, list] = {}
    for m in dd.days:
        if m.year is not None or m.weekday is not None or ({"range", "quoted", "numeric", "iso"} & m.flags):
            continue
        text = date_text(dd, m)
        before = prose[max(0, m.start - 40):m.start]
        after = _EVENT_AFTER_DATE.match(prose, m.end)
        if after and before.endswith(("the ", "The ")):
            event = after.group("event")
        else:
            found = _EVENT_BEFORE_DATE.search(before)
            if not found or _RANGE_NEXT.match(prose, m.end):
                continue
            event = found.group("event")
        by_event.setdefault(event, []).append((m.date_start, m.end, text, (m.month, m.day)))
    if not any(len({k for *_, k in found}) == 2 for found in by_event.values()):
        return []
    distinct = {m.group("event").lower() for m in _DISTINCT.finditer(prose)}
    issues = []
    for event, found in by_event.items():
        dates = {k for *_, k in found}
        if len(dates) != 2 or event in distinct:
            continue
        plural = event if event.endswith("s") else event + "s"
        if event != plural and re.search(rf"\b{plural}\b", prose):
            continue
        found.sort()
        first = found[0]
        later = next(f for f in found if f[3] != first[3])
        issues.append(Issue(later[0], later[1], {"event": event, "date": later[2], "other": first[2],
                                                 "other_line": dd.doc.lines.position(first[0])[0]},
                            [(first[0], first[1], f"the {event} is dated {first[2]} here")]))
    return issues


# -- the fact ledger (date-facts) ----------------------------------------------------------------

def _ledger_dates(dd: DocDates, m: Mention, anchor: dt.date) -> list[dt.date]:
    """The dates a mention may mean: as written, or read against publication (AP style, with the
    neighbouring year at a boundary), or in the anchor's year when the article's year is unknown."""
    if m.year is not None:
        d = make(m.year, m.month, m.day)
        return [d] if d else []
    pub = _known_pub(dd)
    years = _neighbour_years(m.month, pub) if pub else [anchor.year]
    if pub and (pub - (make(pub.year - 1, m.month, m.day) or pub)).days <= BOUNDARY_DAYS:
        years.append(pub.year - 1)
    return [d for d in (make(y, m.month, m.day) for y in years) if d]


def facts(dd: DocDates, events, offices) -> list[Issue]:
    prose = dd.doc.prose
    by_sentence: dict[tuple, list[Mention]] = {}
    for m in dd.days:
        if not ({"quoted", "range", "numeric", "iso", "note"} & m.flags) and valid(m, m.year):
            by_sentence.setdefault(m.sentence, []).append(m)
    issues = []
    for span, mentions in by_sentence.items():
        sentence = prose[span[0]:span[1]]
        for name, day, patterns in events:
            if not all(p.search(sentence) for p in patterns):
                continue
            if any(day in _ledger_dates(dd, m, day) for m in mentions):
                continue  # the sentence gives the right day
            for m in mentions:
                issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "fact": name,
                                                          "expected": "was on " + full(day)}))
        terms: dict[str, list] = {}
        hits = []  # (offset, pattern key): where each office holder is named
        for name, start, end, patterns in offices:
            for p in patterns:
                for hit in p.finditer(sentence):
                    hits.append((span[0] + hit.start(), patterns[0].pattern))
            terms.setdefault(patterns[0].pattern, []).append((name, start, end))
        if not hits:
            continue
        for m in mentions:
            if m.tense != "past":
                continue
            before = [h for h in hits if h[0] < m.start]
            key = max(before)[1] if before else min(hits)[1]  # the holder named nearest before the date
            entries = terms[key]
            dates = _ledger_dates(dd, m, entries[0][1])
            if not dates or any(s <= d and (e is None or d <= e) for d in dates for _, s, e in entries):
                continue
            name = " / ".join(n for n, _, _ in entries)
            held = "; ".join(f"from {full(s)}" + (f" to {full(e)}" if e else "") for _, s, e in entries)
            issues.append(Issue(m.date_start, m.end, {"date": date_text(dd, m), "fact": name,
                                                      "expected": "was in office " + held}))
    return issues
