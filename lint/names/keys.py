"""Comparison keys for proper names: what "the same name, spelled another way" means.

`fold` removes case and diacritics; `translit_key` further folds the spellings that transliteration
and house styles disagree on (y/i/iy/yy endings, doubled letters, ie/ei, ph/f, ks/x, kh/h, ck/k,
ou/u). `relation` says why two spellings look like one name (or None): equal keys, a swap of two
adjacent letters, or one letter more or less inside a long name.
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

MIN_LENGTH = 5  # shorter spellings are not compared: too many real names differ by one letter


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
    """Why spellings `a` and `b` look like one name, or None. Case-only differences do not count."""
    fa = fa if fa is not None else fold(a)
    fb = fb if fb is not None else fold(b)
    if fa == fb:
        return "diacritics" if a.casefold().translate(_EXTRA) != b.casefold().translate(_EXTRA) else None
    if fa.replace("-", "").replace("'", "") == fb.replace("-", "").replace("'", ""):
        return None  # hyphenation or an apostrophe is house style, not another spelling
    if len(fa) < MIN_LENGTH or len(fb) < MIN_LENGTH:
        return None
    ka = ka if ka is not None else translit_key(fa)
    kb = kb if kb is not None else translit_key(fb)
    if ka == kb:
        return "transliteration"
    if fa[:-2] == fb[:-2] and {fa[-2:], fb[-2:]} == {"re", "er"}:
        return None  # Centre / Center: British and American spelling, not a slip
    if is_transposition(fa, fb) or is_transposition(ka, kb):
        return "transposed letters"
    if is_inner_deletion(fa, fb) or is_inner_deletion(fb, fa):
        return "missing letter"
    return None


@lru_cache(maxsize=32768)
def blocking_keys(folded: str, key: str) -> frozenset[str]:
    """Cheap keys two related spellings always share (deletion neighbourhoods of the folded form and
    of its key), so that edit distance is only computed within a block."""
    keys = {"k:" + key, "f:" + folded}
    for word, tag in ((folded, "f:"), (key, "k:")):
        for i in range(len(word)):
            keys.add(tag + word[:i] + word[i + 1:])
    return frozenset(keys)
