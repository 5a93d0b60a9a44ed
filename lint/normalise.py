"""Comparison keys for text: what "the same headline" or "the same paragraph" means."""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def text_key(text: str) -> str:
    """Case, punctuation, quotes, dashes, entities and whitespace folded away; words kept in order."""
    if "&" in text:
        text = _unescape(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_WORD.findall(text.casefold()))


def headline_key(text: str) -> str:
    """A headline as readers see it: inline tags such as a ticker's <ABC> vanish when rendered."""
    return text_key(_TAG.sub(" ", _unescape(text)))


def _unescape(text: str) -> str:
    import html  # its entity table loads when text is first compared, not at every start

    return html.unescape(text)
