"""`repetition`: the same word twice in a row ("the the"), a classic slip a reader's eye skips."""
from __future__ import annotations

import re

from ..model import Fix
from . import CheckKind, Param, register

_REPEAT = re.compile(r"\b([^\W\d_]+)(\s+)(\1)\b", re.IGNORECASE)


@register
class Repetition(CheckKind):
    name = "repetition"
    summary = "flags a word repeated back to back"
    params = {"allow": Param("list", default=[], doc="words that may legitimately repeat (had had, that that)")}
    fields = ("word",)

    def prepare(self, params):
        return {w.casefold() for w in params["allow"]}

    def check(self, doc, rule):
        for m in _REPEAT.finditer(doc.prose):
            word = m.group(1)
            if word.casefold() in rule.prepared or (word[0].isupper() and word == m.group(3)):
                continue  # allowed, or a reduplicated name such as Walla Walla
            gap = doc.source[m.end(1):m.start(3)]
            if gap.strip() or gap.count("\n") > 1:
                continue  # markup or a paragraph break stood between them
            yield rule.finding(doc, m.start(1), m.end(3),
                               fix=Fix(m.start(1), m.end(3), m.group(0), word), word=word)
