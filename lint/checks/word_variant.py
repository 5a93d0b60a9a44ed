"""`word-variant`: a capitalised ordinary word misspelt once in an article that spells it right
elsewhere (Enivronmental / Environmental): found like a name variant, reported as a spelling slip."""
from __future__ import annotations

from . import register
from .name_variant import NameVariant


@register
class WordVariant(NameVariant):
    name = "word-variant"
    summary = "flags a capitalised ordinary word misspelt where the article spells it right elsewhere"
    ordinary = True
