"""`substitution`: a swap map of wrong -> right forms, with a certain fix for each hit."""
from __future__ import annotations

from ..patterns import search_prose, word_alternation
from . import CheckKind, Param, register


def match_case(replacement: str, found: str) -> str:
    """Carry the found word's capitalisation over to its replacement (ALL CAPS, Capitalised)."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@register
class Substitution(CheckKind):
    name = "substitution"
    summary = "flags forms listed in a swap map and fixes them to the preferred form"
    params = {
        "swap": Param("map", required=True, doc="wrong form -> preferred form, matched as whole words"),
        "ignorecase": Param("bool", default=False, doc="match regardless of case, keeping the found case"),
    }
    fields = {
        "match": "the form found",
        "replacement": "the preferred form",
    }

    def prepare(self, params):
        swap = params["swap"]
        table = {(k.casefold() if params["ignorecase"] else k): v for k, v in swap.items()}
        return word_alternation(list(swap), "swap", params["ignorecase"]), table, params["ignorecase"]

    def check(self, doc, rule):
        pattern, table, ignorecase = rule.prepared
        matches, notices = search_prose(doc, rule, pattern)
        yield from notices
        for m in matches:
            found = m.group(0)
            replacement = table[found.casefold() if ignorecase else found]
            if ignorecase:
                replacement = match_case(replacement, found)
            yield rule.finding(doc.spot(m.start(), m.end()), fix=doc.fix(m.start(), m.end(), replacement),
                               match=found, replacement=replacement)
