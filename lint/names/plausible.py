"""How ordinary a spelling looks: letter pairs counted over the lexicon's words. A typed slip
("Buchaann", "Gemran") tends to make a pair of letters that words seldom have."""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from .lexicon import COMMON_WORDS, KNOWN_NAMES


@lru_cache(maxsize=1)
def _pairs() -> tuple[Counter, int]:
    counts = Counter()
    for word in COMMON_WORDS | KNOWN_NAMES:
        padded = f"^{word}$"
        counts.update(padded[i:i + 2] for i in range(len(padded) - 1))
    return counts, sum(counts.values())


def rarest_pair(folded: str) -> float:
    """Log frequency of the rarest letter pair of a folded spelling."""
    counts, total = _pairs()
    padded = f"^{folded}$"
    return min(math.log((counts[padded[i:i + 2]] + 0.5) / total) for i in range(len(padded) - 1))


def less_plausible(variant: str, usual: str, margin: float = 1.5) -> bool:
    """Does `variant` have a clearly rarer letter pair than `usual`?"""
    return rarest_pair(variant) + margin < rarest_pair(usual)
