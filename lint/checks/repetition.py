"""`repetition`: the same word twice in a row ("the the"), a classic slip a reader's eye skips."""
from __future__ import annotations

import re

from . import CheckKind, Param, register

# A word, whitespace, the same word; not part of a contraction ("you're re-"), a hyphenated or
# dotted word ("one one-hundredth", "Data data.json") or a deliberate triple ("help help help").
_REPEAT = re.compile(
    r"(?<![\w'’-])([^\W\d_]+)(\s+)(\1)(?![\w'’-]|[.’'][^\W_]|\s+\1\b)", re.IGNORECASE)
# Capitalised then lower case ("The the") is a slip only for small function words; "Data data" is
# usually a name followed by a word.
_FUNCTION_WORDS = {"the", "a", "an", "to", "of", "in", "on", "for", "and", "or", "is", "it", "as", "at", "by"}


@register
class Repetition(CheckKind):
    name = "repetition"
    summary = "flags a word repeated back to back"
    params = {"allow": Param("list", default=[], doc="words that may legitimately repeat (had had, that that)")}
    fields = {"word": "the repeated word"}

    def prepare(self, params):
        return {w.casefold() for w in params["allow"]}

    def check(self, doc, rule):
        for m in _REPEAT.finditer(doc.prose):
            word, again = m.group(1), m.group(3)
            if word.casefold() in rule.prepared or (word[0].isupper() and word == again):
                continue  # allowed, or a reduplicated name such as Walla Walla
            before = doc.prose[max(0, m.start(1) - len(word) - 2):m.start(1)].split()
            if before and before[-1].casefold() == word.casefold():
                continue  # the tail of a deliberate triple
            if word != again and not (word[0].isupper() and again.islower() and again in _FUNCTION_WORDS):
                continue
            gap = doc.source[m.end(1):m.start(3)]
            if gap.strip() or gap.count("\n") > 1:
                continue  # markup or a paragraph break stood between them
            yield rule.finding(doc.spot(m.start(1), m.end(3)), fix=doc.fix(m.start(1), m.end(3), word), word=word)
