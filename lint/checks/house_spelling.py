"""`house-spelling`: a newsroom's own list of canonical spellings and the variants it forbids
(Zelenskyy: [Zelensky, Zelenskiy], Kyiv: [Kiev]), with phrases where the old form stays right
("Chicken Kiev", "Kievan Rus"). Every hit carries a certain fix to the canonical spelling."""
from __future__ import annotations

from ..patterns import search_prose, word_alternation
from . import CheckKind, Param, ParamError, register
from .substitution import match_case


@register
class HouseSpelling(CheckKind):
    name = "house-spelling"
    summary = "flags spellings a house style forbids and fixes them to the canonical form"
    params = {
        "spellings": Param("map-of-lists", required=True,
                           doc="canonical spelling -> forbidden variants, matched as whole words"),
        "exceptions": Param("list", default=[], doc="phrases in which a variant is correct (Chicken Kiev)"),
        "ignorecase": Param("bool", default=False, doc="also match variants written in other cases"),
    }
    fields = {
        "variant": "the forbidden spelling as found",
        "canonical": "the house spelling",
    }

    def prepare(self, params):
        table = {}
        for canonical, variants in params["spellings"].items():
            for variant in variants:
                key = variant.casefold() if params["ignorecase"] else variant
                if key in table and table[key] != canonical:
                    raise ParamError(f"variant '{variant}' is listed under both '{table[key]}' and '{canonical}'")
                if variant == canonical:
                    raise ParamError(f"'{canonical}' is listed as a variant of itself")
                table[key] = canonical
        if not table:
            raise ParamError("parameter 'spellings' lists no variants")
        pattern = word_alternation(list({v for vs in params["spellings"].values() for v in vs}),
                                   "spellings", params["ignorecase"])
        exceptions = word_alternation(params["exceptions"], "exceptions", True) if params["exceptions"] else None
        return pattern, table, exceptions, params["ignorecase"]

    def check(self, doc, rule):
        pattern, table, exceptions, ignorecase = rule.prepared
        matches, notices = search_prose(doc, rule, pattern)
        yield from notices
        if not matches:
            return
        protected = []
        if exceptions is not None:
            found, more = search_prose(doc, rule, exceptions)
            yield from more
            protected = [(m.start(), m.end()) for m in found]
        for m in matches:
            if any(s <= m.start() and m.end() <= e for s, e in protected):
                continue
            found = m.group(0)
            canonical = table[found.casefold() if ignorecase else found]
            replacement = match_case(canonical, found) if ignorecase else canonical
            yield rule.finding(doc.spot(m.start(), m.end()), fix=doc.fix(m.start(), m.end(), replacement),
                               variant=found, canonical=replacement)
