"""Sentences of a block, and the tense or modality of the clause a date sits in.

Deliberately simple and conservative: a sentence with any cue of the future or of a plan ("will",
"is expected to", "scheduled", "plans to", "next", "due", "ending") is "future"; otherwise one with a
cue of the past ("said", "was", a regular "-ed" verb, "ago") is "past"; anything else is "unknown".
Checks that need a past statement act only on "past".
"""
from __future__ import annotations

import re

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|Inc|Corp|Co|Ltd|No|vs|"
                     r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m)|\b[A-Z])\.$")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans (absolute offsets) of the sentences of a block's text."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start() + 1]
        if m.group(0)[0] == "." and _ABBREV.search(head):
            continue
        spans.append((offset + start, offset + m.start() + 1))
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return spans


_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|would|wo|should|could|may|might|must|can|expects?|expected|scheduled|"
    r"plans?\s+to|planned\s+(?:to|for)|planning\s+to|intends?|intended|aims?|due|next|upcoming|coming\s+(?:week|month|days)|"
    r"tomorrow|until|till|ending|ends|begins?|beginning|starts?|starting|effective|deadline|expires?|"
    r"payable|maturity|matur(?:e|es|ing)|expiry|expiration|redemption|record\s+date|payment\s+date|"
    r"slated|predicted|take\s+place|to\s+be|set\s+to|going\s+to|to\s+be\s+held|by\s+(?:the\s+)?(?:end|close)|hopes?|wants?|"
    r"if|unless|whether|forecast|projected|await|awaits|pending|"
    r"later\s+this|later\s+in|ahead)\b")
_PAST_WORDS = ("said|says|told|was|were|had|did|ago|earlier|previously|last|yesterday|fell|rose|took|made|came|"
               "went|began|saw|paid|sold|bought|held|met|gave|left|won|lost|hit|grew|cut|put|set|led|"
               "brought|thought|spent|built|sent|kept|became|broke|chose|drove|ran|wrote|spoke|stood|"
               "struck|swore|threw|wore|withdrew|underwent|undertook|overtook|fought|sought|caught|"
               "taught|found|heard|won|shot|slid|sank|shrank|sprang|stole|forgave|froze|hid|rode|"
               "rang|sang|swam|tore|woke|dealt|meant|felt|lent|fled|bled|fed|quit|upheld|reached|"
               "announced|reported|agreed|approved|signed|filed|launched|released|issued|raised|"
               "ended|occurred|happened|followed|coincided|preceded|died|killed|declared|voted|"
               "resigned|elected|named|appointed|completed|closed|opened|posted|published|received")
_PAST = re.compile(rf"\b(?:{_PAST_WORDS}|[a-z]{{3,}}ed)\b")
# "-ed" words that are not past-tense statements
_NOT_PAST = re.compile(r"\b(?:need|indeed|hundred|speed|feed|seed|weed|bred|shed|red|bed|breed|"
                       r"based|used|limited|related|united|detailed|advanced|concerned|interested|"
                       r"supposed|required|qualified|experienced|dedicated|sophisticated|"
                       r"scheduled|expected|planned|proposed|intended|estimated|projected|"
                       r"unexpected|unprecedented|unlimited|unrelated|unscheduled|called)\b")


def tense(sentence: str) -> str:
    sentence = sentence.lstrip(" \"“‘'(")
    sentence = sentence[:1].lower() + sentence[1:]
    if _FUTURE.search(sentence):
        return "future"
    cleaned = _NOT_PAST.sub(" ", sentence)
    if _PAST.search(cleaned):
        return "past"
    return "unknown"
