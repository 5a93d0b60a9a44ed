"""Grouping spellings of one name, and the evidence that says whether two spellings are one name
and which of them is the odd one out.

Spellings are compared only within blocks that share a cheap key (see keys.blocking_keys), so the
work grows with the number of distinct spellings, not with its square. The key only proposes a
pair; evidence decides (`judge`): how telling the difference is (keys.STRENGTH), the same given
name, family name or title around both, how much more one is used, and how common each spelling
is in the world (frequency.py). Different given names mean different people, an ordinary word is
not a name, a spelling on the house's `accepted` list is a name of its own, and two spellings the
world prints often are two names unless the article ties them to one person.

Which spelling is the slip (`direction`) is voted on by the article's counts (of the body: the
headline and captions are not counted), its headline, its first full reference, and how common
each spelling is;
when the votes disagree the pair is still reported, without saying which is right.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import chain
from dataclasses import dataclass, field
from typing import NamedTuple

from .extract import ArticleNames, Mention
from .keys import LONG_LENGTH, MIN_LENGTH, SHORT_LENGTH, STRENGTH, blocking_keys, distance, fold, relation, \
    skeleton, stem, translit_key

NEAR = 10 ** 9  # the offset of a form never written in a full name


@dataclass(slots=True)
class Form:
    """One spelling of a name in one article (or, across articles, in the whole run)."""

    text: str
    folded: str
    key: str
    count: int = 0                 # mentions in the body (headline and captions are not counted)
    mentions: list[Mention] = field(default_factory=list)  # every mention, headline and captions too
    given: set[str] = field(default_factory=set)
    family: set[str] = field(default_factory=set)
    titles: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()   # "headline", "caption": where else it is written
    is_word: bool = False
    full_reference: int = NEAR     # offset of its first body mention inside a name of two words or more
    shape: str = ""                # its skeleton, once pairing needs it


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
        form.mentions.append(mention)
        if mention.place:
            form.places |= {mention.place}
        else:
            form.count += 1
            if (mention.given or mention.family) and form.full_reference == NEAR:
                form.full_reference = mention.start
        if mention.given:
            form.given.add(mention.given)
        if mention.family:
            form.family.add(mention.family)
        if mention.title:
            form.titles |= {mention.title}
    for form in forms.values():
        if form.folded in names.headline:
            form.places |= {"headline"}
    return forms


def related_pairs(forms: list[Form], small: int = 80, can_vary=None) -> list[tuple[Form, Form, str]]:
    """Pairs of spellings that look like one name, each pair once, with the reason.

    An article's few dozen spellings are compared within buckets of their first two letters (a
    swap of those two keeps the bucket) or their skeleton; a run's thousands are blocked by
    blocking keys (deletion neighbourhoods, skeleton, stem, ends of long spellings)."""
    if len(forms) <= small:
        return _pairs_by_letters(forms, can_vary)
    forms = [f for f in forms if len(f.folded) >= SHORT_LENGTH or not f.text.isascii()]
    if can_vary is not None:
        # index only the spellings that could be reported, then probe every spelling against them
        index = defaultdict(list)
        # two spellings share a deletion-neighbourhood key only if their lengths differ by at most
        # one and they share one of their first two letters: test that (and the skeleton, stem and
        # ends keys) before building a probe's keys
        reach = defaultdict(set)
        for i, form in enumerate(forms):
            if can_vary(form):
                for key in blocking_keys(form.folded, form.key):
                    index[key].append(i)
                for tag, word in (("f", form.folded), ("k", form.key)):
                    for length in (len(word) - 1, len(word), len(word) + 1):
                        reach[tag, length].update(word[:2])
        seen, pairs = set(), []
        for j, fb in enumerate(forms):
            folded = fb.folded
            if not (reach.get(("f", len(folded)), set()) & set(folded[:2])
                    or reach.get(("k", len(fb.key)), set()) & set(fb.key[:2])
                    or "s:" + skeleton(folded) in index or "t:" + stem(folded) in index
                    or len(folded) >= LONG_LENGTH and ("p:" + folded[:4] in index or "x:" + folded[-4:] in index)):
                continue
            for key in blocking_keys(folded, fb.key):
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
    # per bucket (each of the first two letters; the skeleton of a short spelling), the spellings
    # that could be reported and the others: a pair needs one of the first. Two spellings with one
    # skeleton share one of their first two letters (Usama / Osama, Tchaikovsky / Chaikovsky).
    buckets = defaultdict(lambda: ([], []))
    short_shapes = {skeleton(f.folded) for f in forms if SHORT_LENGTH <= len(f.folded) < MIN_LENGTH}
    for form in forms:
        folded = form.folded
        short = len(folded) < MIN_LENGTH and form.text.isascii()
        if short and len(folded) < SHORT_LENGTH:
            continue
        side = 0 if can_vary is None or can_vary(form) else 1
        form.shape = form.shape or skeleton(folded)
        entry = (form, len(folded), len(form.key), form.shape, stem(folded))
        if form.shape in short_shapes:  # a short spelling pairs through its skeleton only
            buckets["s:" + form.shape][side].append(entry)
        if short:
            continue
        buckets[folded[0]][side].append(entry)
        if folded[1:2] != folded[0]:
            buckets[folded[1:2]][side].append(entry)
    seen, pairs = set(), []
    for varying, steady in buckets.values():
        for i, (fa, la, ka, sa, ta) in enumerate(varying):
            for fb, lb, kb, sb, tb in chain(varying[i + 1:], steady):
                if sa != sb and ta != tb:  # no relation can hold unless (see keys.relation):
                    if la == lb:
                        # one length: a swap keeps the letters (of the spelling or of its key)
                        if la < LONG_LENGTH and _letters(fa.folded) != _letters(fb.folded) \
                                and _letters(fa.key) != _letters(fb.key):
                            continue
                    elif ka != kb:
                        gap, shortest = abs(la - lb), min(la, lb)
                        if gap > 2 or shortest < 8 or gap == 2 and shortest < LONG_LENGTH:
                            continue
                ids = (id(fa), id(fb))  # a pair meets in several buckets in the same order
                if ids in seen:
                    continue
                seen.add(ids)
                why = relation(fa.text, fb.text, fa.folded, fb.folded, fa.key, fb.key)
                if why:
                    pairs.append((fa, fb, why))
    return pairs


@lru_cache(maxsize=32768)
def _letters(word: str) -> str:
    return "".join(sorted(word))


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


class Variant(NamedTuple):
    """A spelling reported against another: `decided` is False when the evidence disagrees on which
    of the two is right (then the pair is reported without a fix); `evidence` says why in a few words."""

    variant: Form
    usual: Form
    reason: str
    evidence: str
    decided: bool


def _shared(a: set[str], b: set[str]) -> str:
    both = sorted(a & b)
    return both[0] if both else ""


def _alone(form: Form) -> bool:
    """Never written with a given name, a family name or a title around it: a place, a company."""
    return not (form.given or form.family or form.titles)


def person_evidence(a: Form, b: Form) -> list[str]:
    """What ties two spellings to one person: the same given name, family name or title."""
    found = []
    given = _shared(a.given, b.given)
    if given:
        found.append(f"same given name {_shown(given, a, b)}")
    family = _shared(a.family, b.family)
    if family:
        found.append(f"same name after it, {_shown(family, a, b)}")
    title = _shared(a.titles, b.titles)
    if title and not found:
        found.append(f"same title {title.capitalize()}")
    return found


def _shown(key: str, a: Form, b: Form) -> str:
    """The written form of a given or family name key, from the mentions' names."""
    for mention in chain(a.mentions, b.mentions):
        for word in mention.name.split():
            if translit_key(fold(word)) == key:
                return word
    return key


def judge(variant: Form, usual: Form, why: str, accepted: frozenset[str]) -> list[str] | None:
    """The evidence that `variant` and `usual` are one name (a list of reasons, the relation
    first), or None when it says two names."""
    if variant.folded in accepted or usual.folded in accepted:
        return None
    strength = STRENGTH[why]
    if different_people(variant.given, usual.given):
        return None
    # given names told apart by what follows them (Alison Lemon, Allison Alexander), when every
    # mention of both has a family name after it
    if all(m.family for m in variant.mentions + usual.mentions if not m.place) \
            and different_people(variant.family, usual.family, False):
        return None
    tied = person_evidence(variant, usual)
    if strength < 2 and not tied and distance(variant.folded, usual.folded) > 2:
        return None  # Terry / Traore share their consonants, not their spelling
    if usual.is_word and len(usual.folded) < MIN_LENGTH:
        return None  # a short word's other spelling is a name of its own (Mark Headd, the Head of ...)
    if usual.is_word and strength < 2 and distance(variant.folded, usual.folded, 1) > 1:
        return None  # a misspelt word is a slip of one letter (Bureu), not another word (Thum / Team)
    if strength < 3 and variant.is_word and not tied:
        return None  # an ordinary word, unless written in the same name (Deutsche Telecom / Telekom)
    if strength < 2 and not tied:
        # a given name (Cameron Lowe) and a name never written with one (Cameroon)
        if (variant.family and _alone(usual)) or (usual.family and _alone(variant)):
            return None
    score = strength + 2 * bool(tied)
    if strength < 3:
        from .frequency import ESTABLISHED, KNOWN, UNKNOWN, zipf

        zv, zu = zipf(variant.folded), zipf(usual.folded)
        if min(zv, zu) >= ESTABLISHED and not tied and not _one_place(variant, usual):
            return None  # two spellings the world prints often: two names
        if strength < 2 and zv >= ESTABLISHED > zu and not tied:
            return None  # a common word or name beside a rarer one: J.C. Penney and a penny
        if usual.is_word and strength < 2 and zv >= UNKNOWN:
            return None  # and one the world does not print (Tweeter is a word of its own)
        if zv < ESTABLISHED and zv + KNOWN <= zu:
            score += 1  # the world prints the one far less than the other
        inside = usual.count >= 3 * max(1, variant.count) or "headline" in usual.places - variant.places
        if strength < 2 and not (tied or inside):
            return None  # other vowels or consonants need the article's own word, not the world's alone
        score += inside
        if why in ("other vowels", "another transliteration") and skeleton(variant.folded)[:1] == "V" \
                and variant.folded[0] != usual.folded[0] and not tied:
            return None  # Oman / Amman, Ivan / Evan: another first vowel needs a person to tie them
    if score < 2:
        return None
    return tied


def _one_place(a: Form, b: Form) -> bool:
    """Two spellings of one place (Kiev / Kyiv): never around a person's names, as long as each
    other, the same first letter, only vowels differing."""
    return _alone(a) and _alone(b) and len(a.folded) == len(b.folded) and a.folded[0] == b.folded[0] \
        and skeleton(a.folded) == skeleton(b.folded)


def direction(a: Form, b: Form) -> tuple[Form | None, list[str]]:
    """Which of two spellings of one name is the right one, by the votes of the article's counts,
    its headline and captions, its first full reference and the world's use; None when they
    disagree, when none votes, or when the counts tie and only one does. Also the votes, in words."""
    votes: list[tuple[Form, str]] = []
    if a.count != b.count:
        more, less = (a, b) if a.count > b.count else (b, a)
        votes.append((more, f"{more.text} {more.count}x here, {less.text} {less.count}x"))
    for place in ("headline", "caption"):  # a spelling written only there is the one under test
        shown = [f for f in (a, b) if place in f.places and (f.count or place == "headline")]
        if len(shown) == 1:
            votes.append((shown[0], f"{shown[0].text} in the {place}"))
    if a.full_reference != b.full_reference:
        first = a if a.full_reference < b.full_reference else b
        votes.append((first, f"{first.text} in the first full reference"))
    from .frequency import KNOWN, UNKNOWN, zipf

    za, zb = zipf(a.folded), zipf(b.folded)
    for known, unknown, zk, zu in ((a, b, za, zb), (b, a, zb, za)):
        if zu < UNKNOWN and zk >= KNOWN:
            votes.append((known, f"{unknown.text} is seldom printed"))
    winners = {id(f) for f, _ in votes}
    if len(winners) == 1 and (a.count != b.count or len(votes) > 1):  # a tie needs two voices
        return votes[0][0], [why for _, why in votes]
    return None, [why for _, why in votes]


def within_article(forms: dict[str, Form], accepted: frozenset[str], ordinary: bool = False) -> list[Variant]:
    """Every spelling worth reporting in one article, against the spelling it varies from. Only
    names, or with `ordinary` only capitalised ordinary words (Startegy for Strategy): a misspelt
    word is not a name."""
    if _LAST_VARIANTS[0] is not forms or _LAST_VARIANTS[1] != accepted:
        _LAST_VARIANTS[:] = [forms, accepted, _variants(forms, accepted)]
    return [v for v in _LAST_VARIANTS[2] if v.usual.is_word == ordinary]


# (forms, accepted, variants): the names and the words rule pair one article's spellings once
_LAST_VARIANTS: list = [None, None, []]


def _can_vary(form: Form, accepted: frozenset[str]) -> bool:
    return form.folded not in accepted and (not form.is_word or not form.text.isascii())


def _variants(forms: dict[str, Form], accepted: frozenset[str]) -> list[Variant]:
    found = []
    for a, b, why in related_pairs(list(forms.values()), can_vary=lambda f: _can_vary(f, accepted)):
        found.extend(decide(a, b, why, accepted))
    # a spelling related to several others is reported against the most used one only
    best: dict[str, Variant] = {}
    for v in found:
        held = best.get(v.variant.text)
        if held is None or v.usual.count > held.usual.count:
            best[v.variant.text] = v
    return sorted(best.values(), key=lambda v: v.variant.mentions[0].start)


def decide(a: Form, b: Form, why: str, accepted: frozenset[str]) -> list[Variant]:
    """The findings a related pair of one article's spellings makes: none, the slip against the
    right spelling, or (the evidence disagreeing) the rarer against the other, or on a tie each
    against the other."""
    if a.count + b.count == 0:
        return []
    few, many = (a, b) if a.count <= b.count else (b, a)
    if few.count > 1 and many.count < 2 * few.count:
        return []  # both used often: two names, or a choice the article made twice
    tied = judge(few, many, why, accepted)
    if tied is None:
        return []
    right, votes = direction(few, many)
    notes = tied + votes
    if right is not None:
        wrong = few if right is many else many
        if wrong.is_word and STRENGTH[why] < 3:
            return []
        return [Variant(wrong, right, why, "; ".join(notes[:4]), True)]
    if few.count == many.count and judge(many, few, why, accepted) is not None:
        return [Variant(few, many, why, "; ".join(notes[:4]), False),
                Variant(many, few, why, "; ".join(notes[:4]), False)]
    return [Variant(few, many, why, "; ".join(notes[:4]), False)]


def compound_variants(names: ArticleNames, accepted: frozenset[str]) -> list[Variant]:
    """Names written with a hyphen between syllables and without it (Xi Jinping / Xi Jin-ping,
    Moon Jae-in / Moon Jae In, Kim Yo Jong / Kim Yo-jong): runs of up to three words of each name
    around a hyphen are grouped by their letters alone, and a group with two ways of writing them
    is a pair (see _syllables_rejoined). A capital opening a word does not count (de Gaulle / De
    Gaulle opening a sentence); capitals inside a word (WhiteHouse) are a brand's."""
    prose = names.prose
    hyphenated = [letters for start, end, _, hyphen in names.spans if hyphen
                  for letters in _hyphen_runs(prose[start:end])]
    if not hyphenated:
        return []
    groups: dict[str, dict[str, Form]] = defaultdict(dict)
    for start, end, where, _ in names.spans:
        joined = prose[start:end].replace(" ", "").replace("-", "").casefold()
        if not any(letters in joined for letters in hyphenated):
            continue
        words = []
        at = start
        for word in prose[start:end].split(" "):
            words.append((at, at + len(word)))
            at += len(word) + 1
        for i in range(len(words)):
            for j in range(i, min(i + 3, len(words))):
                first, last = words[i][0], words[j][1]
                surface = prose[first:last]
                letters = fold(surface).replace(" ", "").replace("-", "")
                if len(letters) < MIN_LENGTH or not letters.isalpha():
                    continue
                shape = " ".join(w[:1].lower() + w[1:] for w in surface.split(" "))
                form = groups[letters].get(shape)
                if form is None:
                    form = groups[letters][shape] = Form(surface, fold(surface), letters)
                form.mentions.append(Mention(surface, first, last, form.folded, False, place=where))
                if where:
                    form.places |= {where}
                else:
                    form.count += 1
                    form.full_reference = min(form.full_reference, first)
    found = []
    for letters, shapes in groups.items():
        if len(shapes) < 2 or letters in accepted or any(_CAMEL.search(shape) or _SPELLED_OUT.search(shape)
                                                          for shape in shapes):
            continue  # WhiteHouse, JavaScript, La-TIN-ex: a brand's or a pronunciation's capitals
        spelled = {shape.casefold().replace(" ", "").replace("-", "") for shape in shapes}
        if len(spelled) > 1:
            continue  # diacritics differ too: the words' own comparison says so
        ranked = sorted(shapes.values(), key=lambda f: (-f.count, f.full_reference))
        for other in ranked[1:]:
            if _syllables_rejoined(other.text, ranked[0].text, names):
                found.extend(decide(other, ranked[0], "hyphens and spaces", accepted))
    # the widest run that shows a difference speaks for the narrower ones inside it
    kept: list[Variant] = []
    for v in sorted(found, key=lambda v: -len(v.variant.text)):
        spans = [(m.start, m.end) for m in v.variant.mentions]
        if not any(a < e and s < b for k in kept for a, b in ((m.start, m.end) for m in k.variant.mentions)
                   for s, e in spans):
            kept.append(v)
    return sorted(kept, key=lambda v: v.variant.mentions[0].start)


def _hyphen_runs(name: str) -> list[str]:
    """The letters (case folded) of the runs of a name around a hyphen between letters: a name
    without one pairs with nothing in compound_variants."""
    if "-" not in name:
        return []
    words = name.split(" ")
    runs = []
    for i, word in enumerate(words):
        if "-" in word.strip("-"):
            runs.append("".join(words[max(0, i - 2):i + 1]).replace("-", "").casefold())
            runs.append("".join(words[i:i + 3]).replace("-", "").casefold())
            runs.append(word.replace("-", "").casefold())
    return runs


_CAMEL = re.compile(r"[a-z][A-Z]")
_SPELLED_OUT = re.compile(r"(?:^|[ -])[A-Z]{2,}(?:$|[ -])")
_SYLLABLE = 5  # the longest part of a name written in syllables (Jae, Myung, Minh)


def _syllables_rejoined(a: str, b: str, names: ArticleNames) -> bool:
    """Do two writings of the same letters differ in a hyphen (added, dropped, or for a space)
    between short parts that are not all ordinary words? Jin-ping / Jinping and Jae In / Jae-in
    do; Work-Life / Work Life, Cyber-Monday / Cyber Monday (words) and Two-factor / Two-Factor
    (capitals alone) do not."""
    breaks = []
    for text in (a, b):
        marks, at = {}, 0
        for c in text:
            if c in " -":
                marks[at] = c
            else:
                at += 1
        breaks.append(marks)
    changed = {at for at in breaks[0].keys() | breaks[1].keys() if breaks[0].get(at) != breaks[1].get(at)}
    if not any("-" in (breaks[0].get(at), breaks[1].get(at)) for at in changed):
        return False  # Hongkong / Hong Kong, Oakridge / Oak Ridge: names of their own as often as not
    letters = "".join(c for c in fold(a) if c not in " -")
    cuts = sorted(breaks[0].keys() | breaks[1].keys() | {0, len(letters)})
    parts = [letters[x:y] for x, y in zip(cuts, cuts[1:]) if x in changed or y in changed]
    return all(len(p) <= _SYLLABLE for p in parts) and not all(names.is_word(p) for p in parts)


_LAST: list = [None, None, None]  # (document, names, forms): both names checks read one article in turn


def names_of(doc) -> ArticleNames:
    """The names of one document, extracted once however many names rules look at it."""
    if _LAST[0] is not doc:
        from .extract import extract
        names = extract(doc)
        _LAST[:] = [doc, names, article_forms(names)]
    return _LAST[1]


def forms_of(doc) -> dict[str, Form]:
    """The spellings of one document (see names_of)."""
    names_of(doc)
    return _LAST[2]
