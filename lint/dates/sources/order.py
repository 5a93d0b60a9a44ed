"""Order words: which of two moments came first.

"X, after Y", "X followed Y", "X in the wake of Y", "X prompted Y", "X, then Y", "Earlier, on
March 1, ...": the moment on the cue's left (a date in its clause, an event the sentence opens
with, or the event a "which" refers to) and the one in its complement (a date, or an undated
event placed by the tense of its own verb). "This attack coincided with ..." refers back to the
date the story gave last. Offsets ("two days after") are the offsets source's; their words are
left to it.
"""
from __future__ import annotations

import re

from ..analysis import DocDates
from ..network import INF, Network
from ..readings import vague_year
from .common import EVENT_WORDS, NUMBER, dated_point, event_point, event_time, previous_dated
from .offsets import cues

# cue -> (lo, hi) of t(left) - t(right)
_AFTER, _BEFORE, _SAME = (0, INF), (-INF, 0), (-3, 3)
_CUES = [
    (r"in\s+the\s+wake\s+of|in\s+response\s+to|following|after|since|came\s+after|followed|on\s+the\s+heels\s+of", _AFTER),
    (r"before|ahead\s+of|prior\s+to|preceded|prompted|triggered|sparked|led\s+to|paved\s+the\s+way\s+for|came\s+before", _BEFORE),
    (r"coincided\s+with|at\s+the\s+same\s+time\s+as|on\s+the\s+same\s+day\s+as", _SAME),
]
_CUE = re.compile(r"\b(?:(?P<after>" + _CUES[0][0] + r")|(?P<before>" + _CUES[1][0] + r")|(?P<same>" + _CUES[2][0]
                  + r"))\b", re.IGNORECASE)
_VERB_CUES = {"followed", "preceded", "prompted", "triggered", "sparked", "led", "paved", "came", "coincided"}
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ADVERB = re.compile(r"^\s*(?P<word>Earlier|Later|Previously|Subsequently|Afterwards?|Then)\b(?!\s+(?:this|that|in\s+the|on\s+that)\b)")
_THEN = re.compile(r",\s*(?:and\s+)?then\b", re.IGNORECASE)
_REFERS_BACK = re.compile(rf"^\W*(?:This|That|The|These|Those)\s+(?:\w+\s+)?{EVENT_WORDS}\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^\W*(?:It|This|That)\s+$")  # "It coincided with ...": the event just told
_RELATIVE_PRONOUN = re.compile(r"(?:,\s*)?\b(?:which|that)\s+(?:\w+\s+)?$", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"^\s*(?:midday|noon|midnight|dawn|dusk|sunrise|sunset|daybreak|nightfall|lunch|dark|"
                          r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m|p\.?m))", re.IGNORECASE)
_DURATION = re.compile(rf"\s*(?:about|nearly|almost|more\s+than|some|over|just|only)?\s*(?:{NUMBER}|several|a\s+few|few|many)"
                       r"\s+(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|which|who|as)\b|\b(?:and|but)\s+(?=\w+ed\b)")


def constraints(dd: DocDates, net: Network) -> None:
    prose = dd.doc.prose
    by_sentence: dict[tuple, list] = {}
    for m in dd.mentions:
        if m.kind in ("date", "weekday") and not ({"quoted", "dateline", "note"} & m.flags) \
                and not vague_year(dd, m) and dated_point(dd, net, m) is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    for sentence in by_sentence:  # a cue ties a date of its own sentence
        s0, s1 = sentence
        text = prose[s0:s1]
        dated = by_sentence.get(sentence, [])
        found = list(_CUE.finditer(text))
        offsets = [(c.start(), c.end()) for c in cues(text)] if found else []
        last_object = None
        previous_end = 0
        for cue in found:
            if any(a <= cue.start() < b for a, b in offsets) or _TIME_OF_DAY.match(text, cue.end()) \
                    or _DURATION.match(text, cue.end()):
                continue  # "after two days of talks", "shortly after midday": not an order of dates
            kind = cue.lastgroup
            lo, hi = {"after": _AFTER, "before": _BEFORE, "same": _SAME}[kind]
            word = cue.group(0).lower()
            if word in ("followed", "preceded", "prompted", "triggered", "sparked") and _PASSIVE.search(text[:cue.start()]):
                lo, hi = -hi, -lo  # "was followed by", "was prompted by": the other way round
            cs, ce = s0 + cue.start(), s0 + cue.end()
            fronted = not text[previous_end:cue.start()].strip(" ,\"“‘(")
            right, right_is_event, limit = _right(dd, net, sentence, ce, dated, fronted)
            if fronted:
                # "After the fire on May 9, the council met on May 2": the main clause follows
                later = [m for m in dated if m.start >= limit]
                left = dated_point(dd, net, later[0]) if later and event_time(dd, later[0]) else None
            else:
                left = _left(dd, net, sentence, s0 + previous_end, cs, ce, dated, last_object)
            previous_end = cue.end()
            if left is None or right is None or left == right:
                continue
            if right_is_event:
                last_object = right
            net.add(right, left, lo, hi, "order", cue.group(0), cs, ce)
        _adverbs(dd, net, sentence, text, dated)


def _left(dd, net, sentence, from_: int, cs: int, ce: int, dated, last_object):
    """The moment on the cue's left: a date in its clause since the previous cue, the event a
    "which" refers to, the date the story gave last for "This attack", or the clause's event."""
    prose = dd.doc.prose
    s0 = from_
    head = prose[s0:cs]
    if last_object is not None and _RELATIVE_PRONOUN.search(head):
        return last_object
    stop = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    before = [m for m in dated if s0 + stop <= m.start and m.end <= cs]
    if before:
        return dated_point(dd, net, before[-1]) if event_time(dd, before[-1]) else None
    if s0 == sentence[0] and (_REFERS_BACK.match(head) or _PRONOUN.match(head)):
        earlier = previous_dated(dd, net, s0, sentences=6)
        if earlier is not None:
            return earlier
    if re.search(r"[A-Za-z]", head[stop:]):
        # the clause's event, placed by its verb: the cue's own ("followed", "came after") or, for
        # a preposition ("after"), the verb before it
        verb = prose[cs:ce].split()[0].lower()
        verb_cue = verb in _VERB_CUES
        return event_point(dd, net, head[stop:].strip()[:60], cs + len(verb) if verb_cue else cs, sentence,
                           finite=not verb_cue)
    return None


def _right(dd, net, sentence, ce: int, dated, fronted: bool):
    """The moment in the cue's complement (a date, or its event), and where the complement ends
    (a complement that opens the sentence ends at its comma)."""
    prose = dd.doc.prose
    stop = _CLAUSE_END.search(prose, ce, sentence[1])
    limit = stop.start() if stop else sentence[1]
    comma = prose.find(",", ce, limit)
    if fronted and comma > 0:
        limit = comma
    inside = [m for m in dated if ce <= m.start and m.end <= limit]
    if inside:
        return dated_point(dd, net, inside[0]), False, limit
    words = prose[ce:limit].strip()
    if not re.search(r"[A-Za-z]", words):
        return None, False, limit
    return event_point(dd, net, words[:60], ce, sentence, complement=True), True, limit


def _adverbs(dd, net, sentence, text, dated) -> None:
    """"Earlier, on March 1, ..." and "Later, on June 5": against the date the story gave last;
    "X on March 1, then Y on March 5": the second after the first."""
    s0 = sentence[0]
    m = _ADVERB.match(text)
    if m and dated:
        first = dated[0]
        anchor = previous_dated(dd, net, s0)
        placed = dated_point(dd, net, first)
        if anchor is not None and placed is not None and anchor != placed:
            word = m.group("word").lower()
            lo, hi = (-INF, 0) if word in ("earlier", "previously") else (0, INF)
            net.add(anchor, placed, lo, hi, "order", m.group("word"), s0 + m.start("word"), s0 + m.end("word"))
    for then in _THEN.finditer(text):
        ts = s0 + then.start()
        before = [d for d in dated if d.end <= ts]
        after = [d for d in dated if d.start >= s0 + then.end()]
        if before and after:
            a, b = dated_point(dd, net, before[-1]), dated_point(dd, net, after[0])
            if a is not None and b is not None and a != b:
                net.add(a, b, 0, INF, "order", "then", ts, s0 + then.end())
