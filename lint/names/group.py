"""Grouping spellings of one name and deciding which of them is the odd one out.

Spellings are compared only within blocks that share a cheap key (see keys.blocking_keys), so the
work grows with the number of distinct spellings, not with its square. A pair that looks like one
name is still kept apart when the evidence says two names: different given names in front of them,
a spelling that is an ordinary lower-case word or a well-known name of its own, an accepted
spelling, or two spellings that are both used often.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import chain
from dataclasses import dataclass, field

from .extract import ArticleNames, Mention
from .keys import MIN_LENGTH, blocking_keys, fold, relation, translit_key
from .lexicon import KNOWN_NAMES


@dataclass
class Form:
    """One spelling of a name in one article (or, across articles, in the whole run)."""

    text: str
    folded: str
    key: str
    count: int = 0
    mentions: list[Mention] = field(default_factory=list)
    given: set[str] = field(default_factory=set)
    family: set[str] = field(default_factory=set)
    is_word: bool = False


def make_form(text: str) -> Form:
    folded = fold(text)
    return Form(text, folded, translit_key(folded))


def article_forms(names: ArticleNames) -> dict[str, Form]:
    forms: dict[str, Form] = {}
    for mention in names.mentions:
        form = forms.get(mention.text)
        if form is None:
            form = forms[mention.text] = make_form(mention.text)
            form.is_word = names.is_word(form.folded)
        form.count += 1
        form.mentions.append(mention)
        if mention.given:
            form.given.add(mention.given)
        if mention.family:
            form.family.add(mention.family)
    return forms


def related_pairs(forms: list[Form], small: int = 80, can_vary=None) -> list[tuple[Form, Form, str]]:
    """Pairs of spellings that look like one name, each pair once, with the reason.

    An article's few dozen spellings are compared within buckets of their first two letters (a
    swap of those two keeps the bucket); a run's thousands are blocked by deletion neighbourhoods."""
    if len(forms) <= small:
        return _pairs_by_letters(forms, can_vary)
    # spellings shorter than keys.MIN_LENGTH only ever pair through diacritics
    forms = [f for f in forms if len(f.folded) >= MIN_LENGTH or not f.text.isascii()]
    if can_vary is not None:
        # index only the spellings that could be reported, then probe every spelling against them
        varying = [i for i, f in enumerate(forms) if can_vary(f)]
        index = defaultdict(list)
        # two spellings share a deletion-neighbourhood key only if their lengths differ by at most
        # one and they share one of their first two letters: test that before building any keys
        reach = defaultdict(set)
        for i in varying:
            for key in blocking_keys(forms[i].folded, forms[i].key):
                index[key].append(i)
            for tag, word in (("f", forms[i].folded), ("k", forms[i].key)):
                for length in (len(word) - 1, len(word), len(word) + 1):
                    reach[tag, length].update(word[:2])
        seen, pairs = set(), []
        for j, fb in enumerate(forms):
            if not (reach.get(("f", len(fb.folded)), set()) & set(fb.folded[:2])
                    or reach.get(("k", len(fb.key)), set()) & set(fb.key[:2])):
                continue
            for key in blocking_keys(fb.folded, fb.key):
                for i in index.get(key, ()):
                    if i == j or (min(i, j), max(i, j)) in seen:
                        continue
                    seen.add((min(i, j), max(i, j)))
                    fa = forms[i]
                    why = relation(fa.text, fb.text, fa.folded, fb.folded, fa.key, fb.key)
                    if why:
                        pairs.append((fa, fb, why))
        return pairs
    blocks = defaultdict(list)
    for index, form in enumerate(forms):
        for key in blocking_keys(form.folded, form.key):
            blocks[key].append(index)
    seen, pairs = set(), []
    for members in blocks.values():
        if len(members) < 2:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a == b or (a, b) in seen:
                    continue
                seen.add((a, b))
                fa, fb = forms[a], forms[b]
                why = relation(fa.text, fb.text, fa.folded, fb.folded, fa.key, fb.key)
                if why:
                    pairs.append((fa, fb, why))
    return pairs


def _pairs_by_letters(forms: list[Form], can_vary=None) -> list[tuple[Form, Form, str]]:
    # per bucket, the spellings that could be reported and the others: a pair needs one of the first
    buckets = defaultdict(lambda: ([], []))
    for form in forms:
        if len(form.folded) >= MIN_LENGTH or not form.text.isascii():
            side = 0 if can_vary is None or can_vary(form) else 1
            buckets[form.folded[0]][side].append(form)
            if len(form.folded) > 1 and form.folded[1] != form.folded[0]:
                buckets[form.folded[1]][side].append(form)
    seen, pairs = set(), []
    for varying, steady in buckets.values():
        for i, fa in enumerate(varying):
            for fb in chain(varying[i + 1:], steady):
                la, lb = len(fa.folded), len(fb.folded)
                if la != lb and len(fa.key) != len(fb.key) and (abs(la - lb) != 1 or min(la, lb) < 8):
                    continue  # no relation can hold: see keys.relation
                ids = (id(fa), id(fb))  # a pair meets in two buckets in the same order
                if ids in seen:
                    continue
                seen.add(ids)
                why = relation(fa.text, fb.text, fa.folded, fb.folded, fa.key, fb.key)
                if why:
                    pairs.append((fa, fb, why))
    return pairs


def different_people(given_a: set[str], given_b: set[str], initials: bool = True) -> bool:
    """Both spellings carry given names (or family names after them) and none is shared, nor a
    spelling of another; given names with one initial may be one man's (Jim and James)."""
    if not given_a or not given_b:
        return False
    for a in given_a:
        for b in given_b:
            if a == b or (initials and a[0] == b[0]) or relation(a, b, a, b, a, b):
                return False
    return True


def doubtful_variant(form: Form, usual: Form, why: str, accepted: frozenset[str]) -> bool:
    """Reasons not to call `form` a misspelling of `usual`."""
    if form.folded in accepted:
        return True
    if why != "diacritics" and (form.is_word or form.folded in KNOWN_NAMES):
        return True
    if different_people(form.given, usual.given):
        return True
    # given names told apart by what follows them (Alison Lemon, Allison Alexander), when every
    # mention of both has a family name after it
    return all(m.family for m in form.mentions + usual.mentions) \
        and different_people(form.family, usual.family, False)


def within_article(forms: dict[str, Form], accepted: frozenset[str],
                   ordinary: bool = False) -> list[tuple[Form, Form, str]]:
    """(variant, usual form, reason) for every minority spelling worth reporting in one article.
    On a tie both spellings are reported, each against the other. Only names, or with `ordinary`
    only capitalised ordinary words (Startegy for Strategy): a misspelt word is not a name."""
    if _LAST_VARIANTS[0] is not forms or _LAST_VARIANTS[1] != accepted:
        _LAST_VARIANTS[:] = [forms, accepted, _variants(forms, accepted)]
    return [t for t in _LAST_VARIANTS[2] if t[1].is_word == ordinary]


# (forms, accepted, variants): the names and the words rule pair one article's spellings once
_LAST_VARIANTS: list = [None, None, []]


def _variants(forms: dict[str, Form], accepted: frozenset[str]) -> list[tuple[Form, Form, str]]:
    def can_vary(form: Form) -> bool:
        return form.folded not in accepted and (not form.is_word and form.folded not in KNOWN_NAMES
                                                or not form.text.isascii())

    found = []
    for a, b, why in related_pairs(list(forms.values()), can_vary=can_vary):
        for variant, usual in ((a, b), (b, a)):
            if variant.count > usual.count:
                continue
            if variant.count > 1 and usual.count < 3 * variant.count:
                continue
            if doubtful_variant(variant, usual, why, accepted):
                continue
            found.append((variant, usual, why))
    # a spelling related to several others is reported against the most used one only
    best: dict[str, tuple[Form, Form, str]] = {}
    for variant, usual, why in found:
        held = best.get(variant.text)
        if held is None or usual.count > held[1].count:
            best[variant.text] = (variant, usual, why)
    return sorted(best.values(), key=lambda t: t[0].mentions[0].start)


_LAST: list = [None, None]  # (document, forms): both names checks read one article in turn


def forms_of(doc) -> dict[str, Form]:
    """The spellings of one document, extracted once however many names rules look at it."""
    if _LAST[0] is not doc:
        from .extract import extract
        _LAST[0], _LAST[1] = doc, article_forms(extract(doc))
    return _LAST[1]
