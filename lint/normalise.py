"""Comparison keys for text: what "the same headline" or "the same paragraph" means."""
from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_NON_WORD = re.compile(r"[^\w]+")


def text_key(text: str) -> str:
    """Case, punctuation, quotes, dashes and whitespace folded away; words kept in order."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())
