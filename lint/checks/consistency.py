"""`consistency`: either/or spellings within one document; the majority form wins and every
occurrence of the minority form is reported."""
from __future__ import annotations

from ..patterns import search_prose, word_alternation
from . import CheckKind, Param, register


@register
class Consistency(CheckKind):
    name = "consistency"
    summary = "flags the minority form where a document uses two spellings of one thing"
    params = {
        "either": Param("map", required=True, doc="form -> alternative form; a document should use one"),
        "ignorecase": Param("bool", default=False, doc="count forms regardless of case"),
    }
    fields = {
        "match": "the minority form as found",
        "preferred": "the majority form as first found",
        "count": "uses of the minority form",
        "preferred_count": "uses of the majority form",
    }

    def prepare(self, params):
        fold = (lambda s: s.casefold()) if params["ignorecase"] else (lambda s: s)
        pairs = [(fold(a), fold(b)) for a, b in params["either"].items()]
        words = [w for pair in params["either"].items() for w in pair]
        return word_alternation(words, "either", params["ignorecase"]), pairs, fold

    def check(self, doc, rule):
        pattern, pairs, fold = rule.prepared
        matches, notices = search_prose(doc, rule, pattern)
        yield from notices
        for a, b in pairs:
            uses = {a: [m for m in matches if fold(m.group(0)) == a],
                    b: [m for m in matches if fold(m.group(0)) == b]}
            if not uses[a] or not uses[b]:
                continue
            if len(uses[a]) != len(uses[b]):
                major, minor = (a, b) if len(uses[a]) > len(uses[b]) else (b, a)
            else:  # a tie: the form used first sets the style
                major, minor = (a, b) if uses[a][0].start() < uses[b][0].start() else (b, a)
            first = uses[major][0]
            related = [doc.related(first.start(), first.end(), f"'{first.group(0)}' used here")]
            for m in uses[minor]:
                yield rule.finding(doc.spot(m.start(), m.end()), related, match=m.group(0),
                                   preferred=first.group(0), count=len(uses[minor]),
                                   preferred_count=len(uses[major]))
