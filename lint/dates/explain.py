"""What an editor reads about a conflict: the date, the words that contradict it with their line,
and where the rest of the story would put it.

`"June 3" cannot be "two days after" July 1 (line 6): that would be July 3`. The evidence chain
goes to the related locations; the finding's data keeps it (and the fit) for reporters to draw.
"""
from __future__ import annotations

import datetime as dt

from .network import DAY_ZERO, PUB, Constraint
from .resolve import full, month_day
from .scanner import MONTHS
from .story import Story
from .timeline import Conflict


def _day(d: dt.date, year: bool) -> str:
    return full(d) if year else month_day(d)


def _fit(conflict: Conflict, year: bool) -> str:
    lo, hi = conflict.fit
    if lo is None and hi is None:
        return ""
    if lo is not None and hi is not None:
        if lo == hi:
            return f"that would be {_day(lo, year)}"
        if (hi - lo).days >= 300:
            return f"a date between {MONTHS[lo.month - 1]} {lo.year} and {MONTHS[hi.month - 1]} {hi.year} would fit"
        return f"a date between {_day(lo, year)} and {_day(hi, year)} would fit"
    if hi is not None:
        return f"a date before {_day(hi, year)} would fit"
    return f"a date after {_day(lo, year)} would fit"


def _label(story: Story, index: int) -> str:
    point = story.net.points[index]
    if index == PUB:
        pub = story.dd.pub
        return f"publication ({_day(pub.date, pub.year_known)})"
    return point.label


def _line(story: Story, index: int) -> str:
    point = story.net.points[index]
    return f" (line {story.dd.doc.lines.position(point.start)[0]})" if point.start >= 0 else ""


def _quoted(evidence: list[Constraint]) -> str:
    words = list(dict.fromkeys(f'"{c.words}"' for c in evidence))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _link(words: str) -> str:
    """The word that joins a cue without its own preposition to the date it measures from: "a week
    later" than, "the following month" after."""
    last = words.lower().split()[-1]
    if last in ("later", "earlier"):
        return " than"
    first = words.lower().split()[:2]
    if any(w in ("following", "next", "subsequent") for w in first):
        return " after"
    if any(w in ("previous", "preceding", "prior") for w in first):
        return " before"
    return ""


def reason(story: Story, c: Conflict) -> str:
    """The sentence after the date: what contradicts it, and where it would fit."""
    pub = story.dd.pub
    year = pub.year_known
    fit = _fit(c, year)
    tail = f": {fit}" if fit else ""
    first = c.evidence[0] if c.evidence else None
    other = _label(story, c.other) if c.other is not None else None
    where = _line(story, c.other) if c.other is not None and c.other != PUB else ""
    if c.source == "past":
        return f'falls after {_label(story, PUB)}, but "{first.words}" speaks of it in the past'
    if c.source == "future":
        return f'falls before {_label(story, PUB)}, but "{first.words}" speaks of it as still to come'
    if c.source == "dateline":
        d = next((r.day for r in story.net.points[c.culprit].readings if r.day), None)
        days = abs((d - pub.date).days) if d else 0
        return f"in the dateline is {days} days from {_label(story, PUB)}"
    if c.source == "fact":
        return f'contradicts the fact ledger: {first.words} {other}'
    if c.source == "same-event":
        line = story.dd.doc.lines.position(story.net.points[c.other].start)[0]
        return f"dates {first.words}, which line {line} dates {other}"
    linked = [e for e in c.evidence if e.source not in ("past", "future")]
    if c.source == "order" and (len(linked) > 1 or c.other in (None, PUB)):
        towards = other if other is not None else "the story's other dates"
        verb = "tie" if len(linked) > 1 else "ties"
        return f"does not fit the timeline: {_quoted(linked)} {verb} it to {towards}{where}{tail}"
    cue = linked[0] if linked else first
    if c.source == "range":
        role = "end" if cue.b == c.culprit else "start"
        side = "starts" if role == "end" else "ends"
        return f'cannot {role} "{cue.words}" that {side} {other}{where}{tail}'
    if c.source == "elapsed":
        return f'does not fit "{cue.words}" at {other}{tail}'
    link = _link(cue.words)
    if cue.b == c.culprit:
        return f'cannot be "{cue.words}"{link} {other}{where}{tail}'
    return f'does not fit "{cue.words}"{link} {other}{where}{tail}'


def explain(story: Story, c: Conflict) -> dict:
    """Span, message fields, related locations and data of a conflict's finding."""
    net, dd = story.net, story.dd
    point = net.points[c.culprit]
    related = []
    if c.other is not None and c.other not in (DAY_ZERO, PUB) and net.points[c.other].start >= 0:
        o = net.points[c.other]
        related.append((o.start, o.end, f"{o.label}: the date it is tied to"))
    for e in c.evidence:
        on_the_date = e.start < point.end and point.start < e.end  # a ledger fact names no words of its own
        if e.start >= 0 and not on_the_date and (e.start, e.end) not in {(r[0], r[1]) for r in related}:
            related.append((e.start, e.end, f'"{e.words}"'))
    pub = dd.pub
    fields = {"date": point.label, "reason": reason(story, c), "note": pub.note(),
              "published": _day(pub.date, pub.year_known) if pub.date else "unknown"}
    if c.source == "relative":
        rel = next((e for e in c.evidence if e.source == "relative"), None)
        expected = net.points[c.other].readings[0] if c.other is not None and net.points[c.other].readings else None
        fields.update({"relative": rel.words if rel else "",
                       "expected": _day(expected.lo, pub.year_known) if expected else ""})
    if c.source == "same-event":
        fields.update({"event": c.evidence[0].words.removeprefix("the "),
                       "other": net.points[c.other].label,
                       "other_line": dd.doc.lines.position(net.points[c.other].start)[0]})
    if c.source == "fact":
        fields.update({"fact": c.evidence[0].words, "expected": net.points[c.other].label})
    data = {"evidence": [_evidence(dd, e) for e in c.evidence],
            "fit": [d.isoformat() if d else None for d in c.fit]}
    start, end = point.start, point.end
    if c.source == "relative":  # "yesterday, March 3": point at both
        start, end = min(start, rel.start), max(end, rel.end)
    return {"start": start, "end": end, "fields": fields, "related": related, "data": data}


def _evidence(dd, e: Constraint) -> dict:
    line, column = dd.doc.lines.position(e.start)
    end_line, end_column = dd.doc.lines.position(e.end)
    return {"words": e.words, "source": e.source, "line": line, "column": column, "end_line": end_line,
            "end_column": end_column}
