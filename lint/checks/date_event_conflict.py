"""`date-event-conflict`: one event given two different dates in the same article."""
from __future__ import annotations

import re

from ..lazyre import lazy
from . import register
from ._datekind import DateKind, Issue

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    from ..dates.analysis import DocDates

_EVENTS = ("meeting|summit|election|vote|referendum|hearing|trial|conference|deadline|launch|"
           "auction|ceremony|announcement|attack|strike|debate|visit|talks|session|match|final|"
           "release|report|speech|accord|agreement|ruling|verdict|merger")
_RANGE_NEXT = lazy(r"\s*(?:-|to|and|or)\s*\d")
_EVENT_AFTER_DATE = lazy(r"\s+(?P<event>" + _EVENTS + r")\b")
_EVENT_BEFORE_DATE = lazy(r"\bthe\s+(?P<event>" + _EVENTS + r")\s+(?:on|of)\s+$")
_DISTINCT = lazy(r"\b(?:another|next|second|third|previous|last|first|earlier|later|latest|"
                       r"each|every|weekly|monthly|daily|follow-up|subsequent|new|other|final)\s+(?:\w+\s+)?(?P<event>"
                       + _EVENTS + r")\b", re.IGNORECASE)


@register
class DateEventConflict(DateKind):
    name = "date-event-conflict"
    summary = "flags one event given two different dates"
    fields = {
        "event": "the event noun (meeting, summit...)",
        "date": "the later, conflicting date as written",
        "other": "the first date given for the event",
        "other_line": "the line of the first date",
    }

    def judge(self, dd: DocDates, rule) -> list[Issue]:
        from ..dates.readings import date_text

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
