"""Proper-name mentions in an article's prose.

A mention is a capitalised word of the prose (possessive 's removed), with what surrounds it: the
name it belongs to ("Oleksandr Musiienko", "van der Berg", "Jean-Luc Picard"), the given name in
front of it, whether it opens a sentence, and whether the article or the language uses the word in
lower case (then it is an ordinary word: "Series", "Department", "Knight"). Words in capitals
(tickers, abbreviations, shouted headlines) are not mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .keys import fold, translit_key
from .lexicon import COMMON_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|t|d|m)$")
_POSSESSIVE = re.compile(r"['’]s$|['’]$", re.IGNORECASE)
_OPENERS = set(" \t\"'“‘«([*_-–—")
_SENTENCE_END = set(".!?:;…")
PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le",
             "al", "el", "bin", "ibn", "ter", "ten", "zu", "y"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "president", "prime",
          "minister", "senator", "sen", "rep", "gov", "governor", "general", "gen", "col", "capt",
          "captain", "king", "queen", "prince", "princess", "pope", "saint", "st", "judge", "justice",
          "chancellor", "secretary", "chairman", "director", "professor", "prof", "father", "rev",
          "reverend", "sheikh", "mayor", "coach", "manager", "mister", "madam", "chief", "deputy",
          "ambassador", "commissioner", "lieutenant", "lt", "sgt", "sergeant", "major", "officer"}


@dataclass
class Mention:
    text: str          # the name word as written, possessive removed
    start: int         # source offsets of `text`
    end: int
    folded: str
    initial: bool      # opens a sentence or a block
    given: str = ""    # key of the given name written just before it in the same name, if any
    family: str = ""   # key of the name word written just after it (Alison Lemon -> lemon)
    name: str = ""     # the whole name it belongs to


@dataclass
class ArticleNames:
    mentions: list[Mention] = field(default_factory=list)
    lower_words: set[str] = field(default_factory=set)  # folded words the article writes in lower case

    def is_word(self, folded: str) -> bool:
        """Is this an ordinary word, by the article's own use or the language's?"""
        return folded in self.lower_words or folded in COMMON_WORDS


def _capitalised(part: str) -> bool:
    return part[:1].isupper() and not (len(part) > 1 and part.isupper()) and any(c.islower() for c in part)


def extract(doc) -> ArticleNames:
    prose = doc.prose
    result = ArticleNames()
    block_starts = sorted(b.start for b in doc.blocks)
    bi = 0
    words = []  # (start, end, text, capitalised)
    for m in _WORD.finditer(prose):
        text = m.group(0)
        if _CONTRACTION.search(text):
            words.append((m.start(), m.end(), text, False))  # We'll, Don't: not names
            continue
        if text[0].islower():
            if "-" not in text:
                result.lower_words.add(fold(_POSSESSIVE.sub("", text)))
                words.append((m.start(), m.end(), text, False))
                continue
        parts = text.split("-") if "-" in text else [text]
        if len(parts) > 1 and not all(_capitalised(p) for p in parts):
            pos = m.start()
            for p in parts:
                if p:
                    words.append((pos, pos + len(p), p, _capitalised(p)))
                    if p[0].islower():
                        result.lower_words.add(fold(p))
                pos += len(p) + 1
            continue
        words.append((m.start(), m.end(), text, _capitalised(text) or (len(parts) > 1)))

    prev_end = -1
    current: list[Mention] = []
    names: list[list[Mention]] = []
    pending_particles = 0
    after_initial = False
    for start, end, text, cap in words:
        if len(text) == 1 and text.isupper():  # a middle initial: Mihail C. Roco
            joined = prev_end >= 0 and prose[prev_end:start] == " " and current
            if joined and prose[end:end + 2] == ". ":
                after_initial, prev_end = True, end
                continue
        was_initial, after_initial = after_initial, False
        base = _POSSESSIVE.sub("", text)
        gap = prose[prev_end:start] if prev_end >= 0 else ""
        joined = prev_end >= 0 and (gap in (" ", "\u00a0") or (gap == ". " and was_initial))
        if not cap:
            if joined and current and text in PARTICLES and pending_particles < 2:
                pending_particles += 1
                prev_end = end
                continue
            if current:
                names.append(current)
            current, pending_particles, prev_end = [], 0, end
            continue
        if not joined and current:
            names.append(current)
            current = []
        pending_particles = 0
        while bi < len(block_starts) and block_starts[bi] <= start:
            bi += 1
        block_start = block_starts[bi - 1] if bi else 0
        j = start - 1
        while j >= block_start and prose[j] in _OPENERS:
            j -= 1
        initial = j < block_start or prose[j] in _SENTENCE_END or (prose[j] == "\n")
        if not base:
            prev_end = end
            continue
        mention = Mention(base, start, start + len(base), fold(base), initial)
        current.append(mention)
        prev_end = end
        if base != text:  # a possessive ends the name
            names.append(current)
            current = []
            prev_end = -1
    if current:
        names.append(current)

    for name in names:
        # a sentence that opens with an ordinary word ("Despite Barkley's ...") does not make it a name
        while name and name[0].initial and (result.is_word(name[0].folded) or name[0].folded in TITLES):
            name = name[1:]
        if not name:
            continue
        full = prose[name[0].start:name[-1].end]
        for i, mention in enumerate(name):
            mention.name = full
            if i:
                given = name[i - 1].folded
                if given not in TITLES and given not in PARTICLES and not result.is_word(given):
                    mention.given = translit_key(given)
            if i + 1 < len(name) and not result.is_word(name[i + 1].folded):
                mention.family = translit_key(name[i + 1].folded)
            result.mentions.append(mention)
    return result
