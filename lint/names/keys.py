"""Comparison keys for proper names: what "the same name, spelled another way" means.

`fold` removes case and diacritics; `translit_key` further folds the spellings that transliteration
and house styles disagree on (y/i/iy/yy endings, doubled letters, ie/ei, ph/f, ks/x, kh/h, ck/k,
ou/u); `skeleton` keeps only the consonants, after folding the consonant spellings that
transliterations of one sound disagree on (kh/h, q/k, dh/d, zh/j, shch/sch, tch/ch, w/v), so that
Nasrallah / Nasrullah, Gorbachev / Gorbachov and Khrushchev / Khruschev share one; `stem` is the
skeleton without a feminine or shortened ending. `relation` says why two spellings look like one
name (or None), from the most to the least telling: equal keys, a swap of two adjacent letters, one
letter more or less inside a long name, equal skeletons (other vowels, another transliteration of
a consonant, another ending), or two letters apart in a long name. Which of these is enough is the
evidence's to say (group.py), not the key's.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOUBLE = re.compile(r"(.)\1+")
_ENDING = re.compile(r"(?:iy|yy|ij|y)$")
_PAIRS = (("ph", "f"), ("ks", "x"), ("kh", "h"), ("ck", "k"), ("ou", "u"), ("ie", "ei"))
_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                        "þ": "th", "ı": "i", "’": "'"})

MIN_LENGTH = 5  # shorter spellings pair only through keys that fold a transliteration, never by edits
SHORT_LENGTH = 4  # nor those shorter than this, except by diacritics
LONG_LENGTH = 10  # spellings this long may be two letters apart

# one sound, several transliterations: longest spellings first (see skeleton)
_SOUNDS = {"shch": "S", "tsch": "C", "dzh": "J", "sch": "S", "tch": "C", "ch": "C", "cz": "C", "sh": "S",
           "sz": "S", "zh": "J", "dj": "J", "j": "J", "kh": "h", "gh": "g", "dh": "d", "th": "t", "ph": "f",
           "ck": "k", "q": "k", "c": "k", "x": "ks", "w": "v"}
_SOUND = re.compile("|".join(sorted(_SOUNDS, key=len, reverse=True)))
_INITIAL_Y = re.compile(r"^y(?=[aeiou])")  # Yanukovych / Janukowytsch: a consonant y
_VOWELS = re.compile(r"[aeiouyh'\-]+")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, diacritics removed: "Luboš" -> "lubos"."""
    word = word.casefold().translate(_EXTRA)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def translit_key(folded: str) -> str:
    """The key of a folded spelling under the usual transliteration differences."""
    key = _DOUBLE.sub(r"\1", folded)
    for old, new in _PAIRS:
        if old in key:
            key = key.replace(old, new)
    key = _ENDING.sub("i", key)
    return _DOUBLE.sub(r"\1", key)


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """The consonants of a folded spelling after folding transliterations of one sound, doubles
    single, with V for an opening vowel: Khamenei and Khamenehi give "Vmn" (an h after a vowel is
    silent), Yanukovych and Yanukovich "JnkvC", Usama and Osama "Vsm"."""
    word = _INITIAL_Y.sub("J", folded)
    word = _SOUND.sub(lambda m: _SOUNDS[m.group()], word)
    lead = "V" if word[:1] in "aeiouy" or word[:1] == "h" and word[1:2] in "aeiouy" else ""
    return lead + _DOUBLE.sub(r"\1", _VOWELS.sub("", word))


@lru_cache(maxsize=65536)
def stem(folded: str) -> str:
    """The skeleton without a shortened ending (-ovich / -ovic / -owicz, -off / -ov), so that two
    differences at once (another ending and another vowel or consonant) still meet. Feminine
    endings (-a, -aya) are vowels, which the skeleton drops already."""
    shape = skeleton(folded)
    if len(shape) > 3 and shape[-2:] in ("vC", "vk"):
        return shape[:-1]
    return shape[:-1] + "v" if shape.endswith("f") and len(shape) > 3 else shape


def _restricted_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, substitute, swap two adjacent letters) from a to b, or limit + 1 when
    more are needed."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


def is_transposition(a: str, b: str) -> bool:
    """b is a with two adjacent (different) letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def is_inner_deletion(long: str, short: str, min_short: int = 8) -> bool:
    """`short` is `long` with one letter removed, neither the first nor one of the last two, and long
    enough that one letter does not make another name (Reagan/Regan, Germany/German stay apart)."""
    if len(long) != len(short) + 1 or len(short) < min_short:
        return False
    i = 0
    while i < len(short) and long[i] == short[i]:
        i += 1
    if i == 0 or i >= len(long) - 2:
        return False
    return long[i + 1:] == short[i:]


def relation(a: str, b: str, fa: str | None = None, fb: str | None = None,
             ka: str | None = None, kb: str | None = None) -> str | None:
    """Why spellings `a` and `b` look like one name, or None; the reasons, most telling first, are
    the keys of STRENGTH. Case-only, hyphen-only and apostrophe-only differences are not another
    spelling of a word (the name-level view compares those, see group.compound_variants)."""
    fa = fa if fa is not None else fold(a)
    fb = fb if fb is not None else fold(b)
    if fa == fb:
        return "diacritics" if a.casefold().replace("’", "'") != b.casefold().replace("’", "'") else None
    if fa.replace("-", "").replace("'", "") == fb.replace("-", "").replace("'", ""):
        return None
    shortest = min(len(fa), len(fb))
    if shortest < SHORT_LENGTH:
        return None
    ka = ka if ka is not None else translit_key(fa)
    kb = kb if kb is not None else translit_key(fb)
    if ka == kb:
        return "transliteration"
    if fa[:-2] == fb[:-2] and {fa[-2:], fb[-2:]} == {"re", "er"}:
        return None  # Centre / Center: British and American spelling, not a slip
    if shortest >= MIN_LENGTH:
        if is_transposition(fa, fb) or is_transposition(ka, kb):
            return "transposed letters"
        if is_inner_deletion(fa, fb) or is_inner_deletion(fb, fa):
            return "missing letter"
    if skeleton(fa) == skeleton(fb):
        why = "other vowels" if _VOWELS.sub("", fa) == _VOWELS.sub("", fb) else "another transliteration"
    elif shortest >= MIN_LENGTH and stem(fa) == stem(fb):
        why = "another ending"
    elif shortest >= LONG_LENGTH and fa[0] == fb[0] and distance(fa, fb) <= 2:
        why = "two letters apart"
    else:
        return None
    if fa.count("-") != fb.count("-") or _inflected(fa, fb) or shortest < MIN_LENGTH and is_transposition(fa, fb):
        return None  # a short name with two letters swapped is another name (Iran / Irna)
    return why


def _inflected(fa: str, fb: str) -> bool:
    """One is the other with an ending added (Mississippi / Mississippian, Directorate /
    Directorates, Ivanov / Ivanova; not the h of Bogdanovic / Bogdanovich), or with another last
    vowel where one is a or o (Latino / Latina): a word's other form, not its other spelling. A
    silent e added (Whitcomb / Whitcombe) is a spelling."""
    short, long = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if long.startswith(short):
        extra = long[len(short):]
        return extra != "e" and (extra == "s" or any(c in "aeiouy" for c in extra))
    return fa[:-1] == fb[:-1] and fa[-1] in "aeiouy" and fb[-1] in "aeiouy" and bool({fa[-1], fb[-1]} & {"a", "o"})


def distance(a: str, b: str, limit: int = 2) -> int:
    """Edits from a to b (see _restricted_distance), at most limit + 1."""
    return _restricted_distance(a, b, limit)


# how much a reason says by itself that two spellings are one name (see group.evidence)
STRENGTH = {"diacritics": 3, "hyphens and spaces": 3, "transliteration": 2, "transposed letters": 2,
            "missing letter": 2, "other vowels": 1, "another transliteration": 1, "another ending": 1,
            "two letters apart": 1}


@lru_cache(maxsize=32768)
def blocking_keys(folded: str, key: str) -> frozenset[str]:
    """Cheap keys two related spellings always share (deletion neighbourhoods of the folded form and
    of its key; the skeleton and the stem; for long spellings, which may be two letters apart, the
    first and the last four letters), so that edit distance is only computed within a block."""
    keys = {"k:" + key, "f:" + folded, "s:" + skeleton(folded), "t:" + stem(folded)}
    for word, tag in ((folded, "f:"), (key, "k:")):
        for i in range(len(word)):
            keys.add(tag + word[:i] + word[i + 1:])
    if len(folded) >= LONG_LENGTH:
        keys.update(("p:" + folded[:4], "x:" + folded[-4:]))
    return frozenset(keys)
