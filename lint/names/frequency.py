"""How common a spelling is in English text at large, from the `wordfreq` library (a Zipf value:
0 for a spelling it has never seen, 3 for about once per million words, 7 for "the").

A spelling common in the world is an established name or word of its own (Cameroon beside Cameron,
Slovakia beside Slovenia), and a spelling it has never seen beside a well-known one is the slip
(Okonkow beside Okonkwo). The library and its tables load on the first question only: most
articles never ask one.
"""
from __future__ import annotations

from functools import lru_cache

ESTABLISHED = 3.0  # about once per million words: a spelling in its own right
UNKNOWN = 1.0      # below this the spelling is next to never printed
KNOWN = 1.5        # a spelling printed often enough to be somebody's usual one


@lru_cache(maxsize=16384)
def zipf(folded: str) -> float:
    """Zipf frequency of a folded spelling (hyphens read as a space)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(folded.replace("-", " "), "en")
