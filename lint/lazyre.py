"""Regular expressions compiled on first use. Every run imports every check kind (the rule loader
needs their parameters) and the libraries they name, but most runs check few articles or none (a
warm index): a pattern is compiled only when a document first needs it."""
from __future__ import annotations

import re


class LazyPattern:
    """Stands for `re.compile(pattern, flags)`: the compiled pattern's methods, compiled on first use."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled = None

    def __getattr__(self, name):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
