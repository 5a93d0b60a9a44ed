"""One event dated twice: "the summit, held on May 4" and "the May 14 summit"; "police arrested
him on July 8" and "his arrest on July 18"; "the talks opened on October 10" and "the October 12
opening of the talks".

A date is tied to an event when the event noun is its head ("the June 9 race"), when it dates the
noun ("a referendum on Sunday, September 24", "the summit, held in Lisbon on May 4"), when the
noun is the subject of a verb of happening ("the strike hit the market on Jan 19"), or when its
verb names the event ("arrested ... on July 8"). The text marks several events of a kind (first,
second, another, next, earlier, a plural elsewhere): those are left alone, as are two people's
arrests. Two dates of one event must be the same day.
"""
from __future__ import annotations

import re

from ..analysis import DocDates
from ..network import Network
from ..scanner import MONTH_NUMBER, WEEKDAY_NUMBER
from .common import EVENT_KEY, EVENT_WORDS, VERB_EVENT

_DISTINCT = (r"first|second|third|fourth|fifth|another|next|previous|prior|earlier|last|latest|later|new|each|"
             r"every|other|similar|subsequent|follow-up|final|initial|weekly|monthly|daily|annual|recent|"
             r"original|rescheduled|postponed|separate|further|upcoming|planned|proposed")
_DET = r"(?P<det>the|a|an|its|his|her|their|this|that|[A-Z][\w-]*['’]s)"
_NOT_DET = r"(?!(?:the|a|an|its|his|her|their|this|that)\b)"
_NOT_PREP = r"(?!(?:on|of|in|at|for|by|from|to|with|after|before|since|until)\b)"
_PLACE = r"(?:\s+(?:in|at)\s+(?:[A-Z][\w'’-]*\s*){1,3})?"
_DATED_NOUN = re.compile(
    rf"(?:\b{_DET}\s+)?(?P<mark>(?:{_NOT_DET}[\w-]+\s+){{0,2}}?)(?P<event>{EVENT_WORDS}){_PLACE}"
    rf"(?:,?\s+(?:(?:which|that)\s+(?:was\s+|were\s+|had\s+been\s+)?)?(?P<verb>held|staged|took\s+place|happened|"
    rf"occurred|struck|hit|began|opened|came){_PLACE})?\s*,?\s*(?:on|of)\s+$", re.IGNORECASE)
_DATED_ALREADY = re.compile(r"\d\s+(?:[a-z][\w-]*\s+)?$")
_HEAD_AFTER = re.compile(rf"\s+(?:(?!(?:can|will|would|may|might|must|should|could|was|were|is|are|to)\b)[a-z][\w-]*\s+)?"
                         rf"(?P<event>{EVENT_WORDS})\b(?:\s+of\s+(?:the\s+)?(?P<part>[\w-]+))?",
                         re.IGNORECASE)
_DET_BEFORE = re.compile(rf"\b{_DET}\s+(?P<mark>(?:{_NOT_DET}{_NOT_PREP}[\w-]+\s+){{0,2}})?$", re.IGNORECASE)
_HAPPEN = {"hit", "struck", "took", "happened", "occurred", "erupted", "held", "staged", "came", "unfolded"}
_PHASE = {"opened": "opening", "began": "start", "started": "start", "ended": "end", "closed": "closing",
          "finished": "end"}
_SUBJECT = re.compile(rf"\b(?:the|a|an|its|this)\s+(?P<mark>(?:[\w-]+\s+){{0,2}}?)(?P<event>{EVENT_WORDS})"
                      r"(?:\s*,[^,]{1,80},)?\s*$", re.IGNORECASE)
_NAME = re.compile(r"\s+((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")


class _Instance:
    __slots__ = ("mention", "key", "part", "definite")

    def __init__(self, mention, key, part, definite):
        self.mention, self.key, self.part, self.definite = mention, key, part, definite


def _participant(word: str | None) -> str | None:
    """Whose event it is: a name ("Smith's arrest"), or what it belongs to ("the opening of the
    talks"); None for a determiner or a date word."""
    if not word or word.lower() in ("the", "a", "an", "its", "his", "her", "their", "this", "that"):
        return None
    word = re.sub(r"['’]s$", "", word).strip()
    if word.capitalize() in WEEKDAY_NUMBER or word.capitalize().rstrip(".") in MONTH_NUMBER:
        return None
    return word.lower()


def _names_event(text: str) -> bool:
    """A quick look for an event noun among the last words of `text` (the full pattern is slow)."""
    return any(w.strip(",.;:'’\"") in EVENT_KEY for w in text.lower().split()[-10:])


def _distinct(mark: str | None) -> bool:
    return bool(mark and re.search(rf"\b(?:{_DISTINCT})\b", mark, re.IGNORECASE))


def _instance(dd: DocDates, m) -> tuple[_Instance | None, str | None]:
    """The event a date is tied to, or (None, key) when the text marks it as one of several."""
    prose = dd.doc.prose
    before = prose[max(m.sentence[0], m.start - 90):m.start]
    head = _HEAD_AFTER.match(prose, m.end, m.sentence[1])
    det = _DET_BEFORE.search(before)
    if head and det:
        key = EVENT_KEY[head.group("event").lower()]
        if _distinct(det.group("mark")):
            return None, key
        part = head.group("part") or det.group("det")
        return _Instance(m, key, _participant(part), det.group("det").lower() not in ("a", "an")), None
    noun = _DATED_NOUN.search(before) if _names_event(before) else None
    if noun and _DATED_ALREADY.search(before, 0, noun.start("event")):
        noun = None  # "the March 1 vote, on March 4, ...": the noun has its date
    if noun:
        key = EVENT_KEY[noun.group("event").lower()]
        if _distinct(noun.group("mark")):
            return None, key
        d = noun.group("det")
        definite = bool(d) and d.lower() not in ("a", "an")
        verb = (noun.group("verb") or "").lower()
        if verb in _PHASE:  # "the talks opened on": the opening of the talks
            return _Instance(m, _PHASE[verb], key, definite), None
        return _Instance(m, key, _participant(d), definite), None
    g = m.governor
    if not g.words:
        return None, None
    verb = g.words.split()[-1].lower()
    clause = prose[max(m.sentence[0], g.start - 120):g.start]
    if verb in _HAPPEN or verb in _PHASE:
        subject = _SUBJECT.search(clause)
        if subject:
            event = EVENT_KEY[subject.group("event").lower()]
            if _distinct(subject.group("mark")):
                return None, _PHASE.get(verb, event)
            if verb in _PHASE:
                return _Instance(m, _PHASE[verb], event, True), None
            return _Instance(m, event, None, True), None
    if verb in VERB_EVENT:
        after = prose[g.end:m.start]
        if _distinct(after):
            return None, VERB_EVENT[verb]
        name = _NAME.match(after)
        return _Instance(m, VERB_EVENT[verb], _participant(name.group(1) if name else None), False), None
    return None, None


def constraints(dd: DocDates, net: Network) -> None:
    prose = dd.doc.prose
    found: dict[str, list[_Instance]] = {}
    several: set[str] = set()
    for m in dd.days:
        if {"range", "note", "listed", "numeric", "iso", "dateline"} & m.flags or net.point_of(m) is None:
            continue
        instance, marked = _instance(dd, m)
        if marked:
            several.add(marked)
        if instance is not None:
            found.setdefault(instance.key, []).append(instance)
    for key, instances in found.items():
        if key in several or len(instances) < 2:
            continue
        words = [w for w, k in EVENT_KEY.items() if k == key]
        if any(not w.endswith("s") and re.search(rf"\b{w}s\b", prose, re.IGNORECASE) for w in words):
            continue  # "meetings": the article speaks of several
        values = {}
        for inst in instances:
            m = inst.mention
            values.setdefault((m.year, m.month, m.day), []).append(inst)
        if len(values) != 2:
            continue
        (first, *_), (second, *_) = sorted(values.values(), key=lambda v: v[0].mention.start)
        if not (first.definite or second.definite):
            continue
        if first.part and second.part and first.part != second.part:
            continue
        if first.mention.year is not None and second.mention.year is not None:
            continue  # two years written: two occasions
        a, b = net.point_of(first.mention), net.point_of(second.mention)
        cue = second if second.definite else first
        net.add(a, b, 0, 0, "same-event", f"the {key}", cue.mention.start, cue.mention.end)
