"""Proper-name mentions in an article's prose.

A mention is a capitalised word of the prose (possessive 's removed), with what surrounds it: the
name it belongs to ("Oleksandr Musiienko", "van der Berg", "Jean-Luc Picard"), the given name in
front of it, whether it opens a sentence, and whether the article or the language uses the word in
lower case (then it is an ordinary word: "Series", "Department", "Knight"). Words in capitals
(tickers, abbreviations, shouted headlines) are not mentions.
"""
from __future__ import annotations

import re

from functools import lru_cache
from dataclasses import dataclass, field

from .keys import fold, translit_key
from .lexicon import COMMON_WORDS

_L = r"[\p{L}\p{M}]"
_CAP_SOURCE = (rf"(?<![\p{{L}}\p{{M}}\d'’])\p{{Lu}}{_L}*(?:['’]{_L}+)*(?:-\p{{Lu}}{_L}*(?:['’]{_L}+)*)*")
_SYLLABLE_SOURCE = r"-\p{Ll}{1,6}(?![\p{L}\p{M}-])"  # a syllable after a hyphen belongs to the word: Yong-nam
_LOWER_SOURCE = rf"(?<![\p{{L}}\p{{M}}\d'’])\p{{Ll}}{_L}*"
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|t|d|m)$")
_OPENERS = set(" \t\"'“‘«([*_-–—")
_SENTENCE_END = set(".!?:;…")
PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le",
             "al", "el", "bin", "ibn", "ter", "ten", "zu", "y"}
# what may stand between two words of one name: a space, up to three particles (al-Assad joins
# its particle with a hyphen), middle initials
_JOIN_SOURCE = (r"[ \u00a0](?:(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True))
                      + r")[ -]|\p{Lu}\.[ ]){0,3}")
_JOIN_LONGEST = 1 + 3 * (max(map(len, PARTICLES)) + 1)  # the longest gap _JOIN_SOURCE can match


@lru_cache(maxsize=1)
def _patterns():
    """Compiled on first use: the `regex` engine (for \\p{Lu}) is imported only when names are read."""
    import regex

    return (regex.compile(_CAP_SOURCE), regex.compile(_JOIN_SOURCE), regex.compile(_LOWER_SOURCE),
            regex.compile(_TAIL_SOURCE), regex.compile(_CAPTION_SOURCE), regex.compile(_SYLLABLE_SOURCE))


_TAIL_SOURCE = r"(?:-\p{Ll}+)+"  # the lower-case syllables of Xi Jin-ping, Kim Yo-jong, after its last capital
# a caption or photo credit opens its paragraph with a label and a colon
_CAPTION_WORDS = ("Photo", "Picture", "Image", "Caption", "Pictured", "Top", "Above", "Left", "Right", "File photo")
_CAPTION_SOURCE = rf"(?:{'|'.join(_CAPTION_WORDS)})[^\n:.]{{0,40}}:"


TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "president", "prime",
          "minister", "senator", "sen", "rep", "gov", "governor", "general", "gen", "col", "capt",
          "captain", "king", "queen", "prince", "princess", "pope", "saint", "st", "judge", "justice",
          "chancellor", "secretary", "chairman", "director", "professor", "prof", "father", "rev",
          "reverend", "sheikh", "mayor", "coach", "manager", "mister", "madam", "chief", "deputy",
          "ambassador", "commissioner", "lieutenant", "lt", "sgt", "sergeant", "major", "officer"}


@dataclass(slots=True)
class Mention:
    text: str          # the name word as written, possessive removed
    start: int         # source offsets of `text`
    end: int
    folded: str
    initial: bool      # opens a sentence or a block
    given: str = ""    # key of the given name written just before it in the same name, if any
    family: str = ""   # key of the name word written just after it (Alison Lemon -> lemon)
    name: str = ""     # the whole name it belongs to
    title: str = ""    # a title written before it in the same name (President, Mr), folded
    place: str = ""    # "headline" or "caption" when it is written there (not counted as a mention), else ""


@dataclass
class ArticleNames:
    mentions: list[Mention] = field(default_factory=list)
    prose: str = ""
    # each name's [start, end) in the prose, with the lower-case syllables after a hyphen
    # (Kim Yo-jong), where it is written ("", "headline", "caption"), and whether it has a hyphen
    spans: list[tuple[int, int, str, bool]] = field(default_factory=list)
    headline: frozenset[str] = frozenset()  # the folded words of a headline kept outside the prose
    _lower: dict[str, bool] = field(default_factory=dict)

    def is_word(self, folded: str) -> bool:
        """Is this an ordinary word, by the language's use or the article's own (written in lower
        case somewhere in it)?"""
        if folded in COMMON_WORDS:
            return True
        known = self._lower.get(folded)
        if known is None:
            known = self._lower[folded] = _written_lower(self.prose, folded)
        return known

    def lower_words(self) -> set[str]:
        """Every word the article writes in lower case, folded (for building the lexicon)."""
        return {w if w.isascii() else fold(w) for w in set(_patterns()[2].findall(self.prose))}


def _written_lower(prose: str, word: str) -> bool:
    """Does `word` (lower case) occur in `prose` as a whole word? A plain substring search first:
    most names never occur in lower case, and then this costs one pass in C."""
    pos = prose.find(word)
    while pos != -1:
        end = pos + len(word)
        if (pos == 0 or not prose[pos - 1].isalpha()) and (end == len(prose) or not prose[end].isalpha()):
            return True
        pos = prose.find(word, pos + 1)
    return False


def _strip_possessive(text: str) -> str:
    if text[-1:] in "'’":
        return text[:-1]
    if text[-2:-1] in ("'", "’") and text[-1:] in "sS":
        return text[:-2]
    return text


def _places(doc, caption) -> list[tuple[int, int, str]]:
    """The stretches of prose that are not the body: the headline when it is written in the prose,
    and caption paragraphs."""
    places = []
    headline = doc.headline
    if headline is not None and headline.origin != "front-matter":
        places.append((headline.span.start, headline.span.end, "headline"))
    prose = doc.prose
    for block in doc.blocks:
        if prose.startswith(_CAPTION_WORDS, block.start) and caption.match(prose, block.start, block.end):
            places.append((block.start, block.end, "caption"))
    return places


def _place(places, start: int) -> str:
    for first, last, where in places:
        if first <= start < last:
            return where
    return ""


def extract(doc) -> ArticleNames:
    prose = doc.prose
    result = ArticleNames(prose=prose)
    block_starts = sorted(b.start for b in doc.blocks)
    bi = 0
    prev_end = -1
    current: list[Mention] = []
    names: list[list[Mention]] = []
    cap, join, _, tail, caption, syllable = _patterns()
    places = _places(doc, caption)
    if doc.headline is not None and doc.headline.origin == "front-matter":
        result.headline = frozenset(fold(w) for w in cap.findall(doc.headline.text))
    for m in cap.finditer(prose):
        (start, end), text = m.span(), m.group()
        if prose.startswith("-", end):
            after = syllable.match(prose, end)
            if after:
                end = after.end()
                text = prose[start:end]
        if len(text) == 1 and prose[end:end + 1] == ".":
            continue  # an initial (Mihail C. Roco) or part of an abbreviation (U.S.)
        apostrophe = "'" in text or "’" in text
        base = _strip_possessive(text) if apostrophe else text
        head = base.rsplit("-", 1)[0] if "-" in base and base[-1:].islower() else base
        if not base or head.isupper() or base.endswith("s") and base[:-1].isupper() and len(base) > 2 \
                or (apostrophe and _CONTRACTION.search(text)):
            if current:  # We'll, NATO, APIs, AA-minus, X-ray: not names, and they end the name before them
                names.append(current)
            current, prev_end = [], -1
            continue
        gap = start - prev_end
        joined = prev_end >= 0 and (gap == 1 and prose[prev_end] == " " or gap <= _JOIN_LONGEST
                                    and join.fullmatch(prose, prev_end, start) is not None)
        initial = False
        if not joined:
            if current:
                names.append(current)
                current = []
            while bi < len(block_starts) and block_starts[bi] <= start:
                bi += 1
            block_start = block_starts[bi - 1] if bi else 0
            j = start - 1
            while j >= block_start and prose[j] in _OPENERS:
                j -= 1
            initial = j < block_start or prose[j] in _SENTENCE_END or prose[j] == "\n"
        folded = fold(base)
        if initial and (folded in COMMON_WORDS or folded in TITLES):
            prev_end = end  # "The", "However", "Despite": a sentence opens, no name yet
            continue
        current.append(Mention(base, start, start + len(base), folded, initial))
        prev_end = end
        if base != text:  # a possessive ends the name
            names.append(current)
            current, prev_end = [], -1
    if current:
        names.append(current)

    for name in names:
        # a sentence that opens with an ordinary word ("Despite Barkley's ...") does not make it a name
        while name and name[0].initial and (result.is_word(name[0].folded) or name[0].folded in TITLES):
            name = name[1:]
        if not name:
            continue
        where = _place(places, name[0].start) if places else ""
        after = tail.match(prose, name[-1].end) if prose.startswith("-", name[-1].end) else None
        end = after.end() if after else name[-1].end
        result.spans.append((name[0].start, end, where, "-" in prose[name[0].start:end]))
        if len(name) == 1:
            name[0].name, name[0].place = name[0].text, where
            result.mentions.append(name[0])
            continue
        full = prose[name[0].start:name[-1].end]
        title = ""
        for i, mention in enumerate(name):
            mention.name, mention.place, mention.title = full, where, title
            if mention.folded in TITLES:
                title = mention.folded
            if i:
                given = name[i - 1].folded
                if given not in TITLES and given not in PARTICLES and not result.is_word(given):
                    mention.given = translit_key(given)
            if i + 1 < len(name) and not result.is_word(name[i + 1].folded):
                mention.family = translit_key(name[i + 1].folded)
            result.mentions.append(mention)
    return result
