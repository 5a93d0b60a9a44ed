"""`name-variant`: one name spelled two ways in the same article (Musiienko / Musienko)."""
from __future__ import annotations

from ..names.keys import fold
from . import CheckKind, Param, register


def spelling(text: str, count: int, counted_in: str, flagged: bool = False) -> dict:
    """One spelling of a names finding's cluster, as reporters draw it: used `count` times in the
    article ("article") or by `count` other articles ("articles"); `flagged` for the variant."""
    return {"text": text, "count": count, "counted_in": counted_in, "flagged": flagged}


UNDECIDED = "may be a misspelling of, or the right spelling for,"  # when the evidence disagrees

# the names rules' shared list of spellings never taken for variants (with the configuration's)
ACCEPTED = Param("list", default=[], doc="spellings that are names of their own, never variants")


@register
class NameVariant(CheckKind):
    name = "name-variant"
    summary = "flags a proper name spelled two ways in one article, without a list of names"
    params = {
        "accepted": ACCEPTED,
        "fix_ratio": Param("int", default=3, doc="offer a fix when the usual spelling is used this many "
                                                 "times as often as the variant (0: never)"),
    }
    fields = {
        "variant": "the rarer spelling",
        "usual": "the usual spelling",
        "variant_count": "mentions of the rarer spelling",
        "usual_count": "mentions of the usual spelling",
        "reason": "how the two differ (transliteration, missing letter...)",
        "evidence": "why they are taken for one name, and which spelling is right, in a few words",
        "verdict": "\"looks like a misspelling of\", or, when the evidence does not tell which is right, \"may be a misspelling of, or the right spelling for,\"",
    }
    ordinary = False  # report misspelt names; WordVariant reports misspelt ordinary words

    def prepare(self, params):
        return frozenset(fold(a) for a in params["accepted"] or []), params["fix_ratio"]

    def check(self, doc, rule):
        from ..names.group import compound_variants, forms_of, names_of, within_article

        accepted, fix_ratio = rule.prepared
        forms = forms_of(doc)
        found = within_article(forms, accepted, self.ordinary)
        if not self.ordinary:
            found = found + compound_variants(names_of(doc), accepted)
        for variant, usual, why, evidence, decided in found:
            anchor = usual.mentions[0]
            related = [doc.related(anchor.start, anchor.end,
                                   f"\"{usual.text}\" is used {usual.count} time(s), first here")]
            certain = decided and fix_ratio and usual.count >= fix_ratio * max(1, variant.count) and usual.count >= 3
            spellings = [spelling(usual.text, usual.count, "article"),
                         spelling(variant.text, variant.count, "article", flagged=True)]
            verdict = "looks like a misspelling of" if decided else UNDECIDED
            for mention in variant.mentions:
                fix = doc.fix(mention.start, mention.end, usual.text) if certain else None
                yield rule.finding(doc.spot(mention.start, mention.end), related=related, fix=fix,
                                   extra={"spellings": spellings, "decided": decided}, variant=variant.text,
                                   usual=usual.text, variant_count=variant.count, usual_count=usual.count,
                                   reason=why, evidence=evidence or "no other evidence", verdict=verdict)
