"""`existence`: flag every occurrence of listed words or of a pattern (banned terms, house no-nos)."""
from __future__ import annotations

from ..patterns import compile_user, search_prose, word_alternation
from . import CheckKind, Param, ParamError, register


@register
class Existence(CheckKind):
    name = "existence"
    summary = "flags each occurrence of listed words or a regular expression"
    params = {
        "tokens": Param("list", doc="words or phrases, matched as whole words"),
        "pattern": Param("regex", doc="a regular expression (timed out after 1 s per file)"),
        "ignorecase": Param("bool", default=False, doc="match regardless of case"),
    }
    fields = {"match": "the text matched"}

    def prepare(self, params):
        if bool(params["tokens"]) == bool(params["pattern"]):
            raise ParamError("give exactly one of 'tokens' or 'pattern'")
        if params["tokens"]:
            return word_alternation(params["tokens"], "tokens", params["ignorecase"])
        return compile_user(params["pattern"], "pattern", params["ignorecase"])

    def check(self, doc, rule):
        matches, notices = search_prose(doc, rule, rule.prepared)
        yield from notices
        for m in matches:
            if m.end() > m.start():
                yield rule.finding(doc.spot(m.start(), m.end()), match=m.group(0))
