"""`name-variant-across`: an article that spells a name one way while the other articles of the
run (later: of the archive) clearly prefer another spelling of it (Cathai / Cathay).

Each article is reduced to compact records: a SpellingUse per spelling it uses, its HeadlineWords,
and a ReportedPair per misspelling names.variant reports in it (the other articles may settle a
tie, or take away a fix). A spelling's keys travel with it so that a run comparing one article with
a whole indexed archive does not recompute them. The comparison groups spellings by cheap blocking
keys before any edit distance, so it stays near linear in the number of distinct spellings.
"""
from __future__ import annotations

import re
from collections import defaultdict, namedtuple

from ..model import Location, Related, Spot, Withdrawal
from ..names.keys import MIN_LENGTH, blocking_keys, fold, translit_key
from . import CrossArticleKind, Param, register
from .name_variant import ACCEPTED, NameVariant, spelling

_WORDS = re.compile(r"[^\W\d_]+")


class SpellingUse(namedtuple("SpellingUse", "text mentions place is_word given family folded key")):
    """How one article uses one spelling of a name: its text, number of mentions, the place of its
    first mention (line, column, end line, end column: a name never spans lines), whether the
    article also writes it in lower case, the keys of the given names before it and the family
    names after it (up to three each), its folded form and its transliteration key."""

    __slots__ = ()


class HeadlineWords(namedtuple("HeadlineWords", "words")):
    """The folded words of the article's headline: a spelling its headline uses is its own choice."""

    __slots__ = ()


class ReportedPair(namedtuple("ReportedPair", "variant usual places")):
    """A misspelling names.variant reports in the article, with the places of its mentions."""

    __slots__ = ()


# the index keeps records as plain tuples whose first value names their type
_STORED_AS = {SpellingUse: "s", HeadlineWords: "h", ReportedPair: "p"}
_RESTORED_AS = {tag: cls for cls, tag in _STORED_AS.items()}


@register
class NameVariantAcross(CrossArticleKind):
    name = "name-variant-across"
    summary = "flags an article that spells a name differently from the other articles"
    params = {
        "accepted": ACCEPTED,
        "min_mentions": Param("int", default=2, doc="an article must use the rare spelling this many "
                                                   "times to be flagged (one slip is the in-article check's)"),
        "max_articles": Param("int", default=2, doc="a spelling used by more articles than this is "
                                                    "established, never a variant"),
    }
    fields = {
        "variant": "this article's spelling",
        "usual": "the other articles' spelling",
        "variant_count": "mentions of it in this article",
        "usual_articles": "articles using the usual spelling",
        "reason": "how the two differ",
        "evidence": "why they are taken for one name, in a few words",
    }
    settles = (NameVariant.name,)

    hops = 2  # a spelling's partners, and theirs: whether a partner is itself someone's variant

    def term(self, record):
        return record.text if isinstance(record, SpellingUse) else None  # the others matter only to their article

    def stored(self, record):
        return (_STORED_AS[type(record)], *record)

    def restored(self, values):
        return _RESTORED_AS[values[0]]._make(values[1:])

    def term_keys(self, term, rule):
        folded = fold(term)
        return blocking_keys(folded, translit_key(folded))

    def prepare(self, params):
        return frozenset(fold(a) for a in params["accepted"] or []), params["max_articles"], params["min_mentions"]

    def extract(self, doc, rule):
        from ..names.group import forms_of, within_article  # the names machinery loads when an article is read
        from ..names.lexicon import COMMON_WORDS

        records = []
        if doc.headline is not None:
            records.append(HeadlineWords(tuple(sorted({fold(w) for w in _WORDS.findall(doc.headline.text)}))))
        forms = forms_of(doc)
        for variant, usual, *_ in within_article(forms, rule.prepared[0]):
            places = tuple(doc.location(m.start, m.end).place() for m in variant.mentions)
            records.append(ReportedPair(variant.text, usual.text, places))
        for form in forms.values():
            if len(form.folded) < MIN_LENGTH and form.folded.isascii() and form.text.isascii():
                continue
            if form.folded in COMMON_WORDS:
                continue  # an ordinary word is never compared (see compare)
            first = form.mentions[0]
            line, column = doc.lines.position(first.start)  # a name never spans lines
            records.append(SpellingUse(form.text, form.count, (line, column, line, column + first.end - first.start),
                                       form.is_word, tuple(sorted(form.given))[:3], tuple(sorted(form.family))[:3],
                                       form.folded, form.key))
        return records

    def compare(self, records, rule, report_on):
        from ..names.group import Form, related_pairs

        accepted, max_articles, min_mentions = rule.prepared
        uses: dict[str, dict[str, SpellingUse]] = defaultdict(dict)  # spelling -> path -> its use there
        headlines: dict[str, set[str]] = {}
        pairs: list[tuple[str, ReportedPair]] = []  # names.variant's findings in reported articles
        for path, recs in records.items():
            for rec in recs:
                if isinstance(rec, SpellingUse):
                    uses[rec.text][path] = rec
                elif isinstance(rec, HeadlineWords):
                    headlines[path] = set(rec.words)
                elif path in report_on:
                    pairs.append((path, rec))
        yield from self._settle(pairs, uses)
        forms = {}
        for text, by_path in uses.items():
            use = next(iter(by_path.values()))
            forms[text] = Form(text, use.folded, use.key)
        for text, form in forms.items():
            form.count = len(uses[text])

        def can_vary(form):
            if form.count > max_articles or form.folded in accepted:
                return False
            return any(use.mentions >= min_mentions and not use.is_word for use in uses[form.text].values())

        def reportable(form):
            return can_vary(form) and any(path in report_on for path in uses[form.text])

        candidates = list(forms.values())  # ordinary words are not extracted: never candidates
        # only spellings used by the reported articles can be flagged: pair those with everything,
        # then pair their partners with everything, to learn whether a partner is itself the rare
        # one of another pair (a spelling that is, is nobody's usual form)
        pairs = related_pairs(candidates, small=0, can_vary=reportable)
        partners = {f.text for pair in pairs for f in pair[:2]}
        top = defaultdict(int)
        for a, b, _ in pairs + related_pairs(candidates, small=0, can_vary=lambda f: f.text in partners):
            top[a.text] = max(top[a.text], b.count)
            top[b.text] = max(top[b.text], a.count)
        for a, b, why in pairs:
            for variant, usual in ((a, b), (b, a)):
                if top[usual.text] > usual.count:
                    continue
                yield from self._judge(variant, usual, why, uses, headlines, accepted, max_articles, min_mentions,
                                       rule, report_on)

    @staticmethod
    def _settle(pairs, uses):
        """names.variant reported `variant` as a misspelling of `usual` in an article, where other
        articles use `variant` and none uses `usual`. On a tie (both reported, each against the
        other) the used spelling is not the slip: its findings are withdrawn. Otherwise the article's
        own majority still speaks for `usual`, but a fix towards it is no longer certain."""
        reported = {(path, pair.variant, pair.usual) for path, pair in pairs}
        for path, pair in pairs:
            variant_uses, usual_uses = uses.get(pair.variant, {}), uses.get(pair.usual, {})
            if path not in variant_uses or path not in usual_uses:
                continue  # one of them is no name the articles are compared on
            if len(variant_uses) > 1 and len(usual_uses) == 1:
                tie = (path, pair.usual, pair.variant) in reported
                for place in pair.places:
                    yield Withdrawal(NameVariant.name, Location(path, *place), fix_only=not tie)

    def _judge(self, variant, usual, why, uses, headlines, accepted, max_articles, min_mentions, rule, report_on):
        """Report each article that uses `variant` throughout where others use `usual`, when the
        evidence says one name: a telling difference or the same given name, and a variant the
        world seldom prints. A common name (Miller) and a spelling the world next to never prints
        (Miler) is a misspelling whoever bears it; otherwise different given names mean different
        people."""
        from ..names.frequency import ESTABLISHED, KNOWN, zipf
        from ..names.group import different_people
        from ..names.keys import STRENGTH
        from ..names.plausible import less_plausible

        if variant.count > max_articles or variant.count > usual.count or variant.folded in accepted:
            return
        zv, zu = zipf(variant.folded), zipf(usual.folded)
        if why != "diacritics" and zv >= ESTABLISHED:
            return  # a spelling the world prints often is a name of its own (Cameroon, Telecom)
        common = zu >= ESTABLISHED and zv + KNOWN <= zu
        usual_uses = uses[usual.text]
        usual_given = {g for use in usual_uses.values() for g in use.given}
        usual_family = {g for use in usual_uses.values() for g in use.family}
        for path, use in sorted(uses[variant.text].items()):
            if path not in report_on or path in usual_uses or use.is_word:
                continue
            if use.mentions < min_mentions:
                continue
            same_given = sorted(set(use.given) & usual_given)
            if STRENGTH[why] < 2 and not same_given:
                continue  # other vowels or consonants: only a shared given name ties two articles
            if not common and (different_people(set(use.given), usual_given)
                               or different_people(set(use.family), usual_family, False)):
                continue
            headline = headlines.get(path, set())
            if variant.folded in headline:
                continue  # the article's own headline agrees with its body
            clear = usual.count >= 2 * variant.count and usual.count >= 2
            if not clear and usual.count >= variant.count:
                clear = usual.folded in headline or common or less_plausible(variant.folded, usual.folded)
            if not clear:
                continue
            evidence = [f"same given name {same_given[0].capitalize()}"] if same_given else []
            if common:
                evidence.append(f"{usual.text} is a common name, {variant.text} seldom printed")
            others = sorted(usual_uses.items())
            related = [Related(Location(p, *other.place), f"spelled \"{usual.text}\" here") for p, other in others[:5]]
            spellings = [spelling(usual.text, usual.count, "articles"),
                         spelling(variant.text, use.mentions, "article", flagged=True)]
            yield rule.finding(Spot(Location(path, *use.place)), related, extra={"spellings": spellings},
                               variant=variant.text, usual=usual.text, variant_count=use.mentions,
                               usual_articles=usual.count, reason=why,
                               evidence="; ".join(evidence) or f"{usual.count} other article(s) agree")
