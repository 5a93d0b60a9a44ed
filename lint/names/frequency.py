"""How common a spelling is in English text at large, from the `wordfreq` library (a Zipf value:
0 for a spelling it has never seen, 3 for about once per million words, 7 for "the").

A spelling common in the world is an established name or word of its own (Cameroon beside Cameron,
Slovakia beside Slovenia), and a spelling it has never seen beside a well-known one is the slip
(Okonkow beside Okonkwo). Nothing is loaded until a candidate pair asks. wordfreq builds its table
of 300,000 words on each load (about half a second); the first load writes the words and their
Zipf values, sorted, to the per-user cache, and later processes search that file where it lies
(a few milliseconds to open), so a one-article run does not pay for the whole table.
"""
from __future__ import annotations

import importlib.util
import marshal
import math
import os
import re
from array import array
from functools import lru_cache
from pathlib import Path

ESTABLISHED = 3.0  # about once per million words: a spelling in its own right
UNKNOWN = 1.0      # below this the spelling is next to never printed
KNOWN = 1.5        # a spelling printed often enough to be somebody's usual one

_TOKEN = re.compile(r"[^\s\-]+")
_FORMAT = 1  # of the cached table: bump when its layout changes


class _Table:
    """Words and their Zipf values as one sorted byte string ("word\\tzipf\\n"...) and the offsets of
    its lines: searched by bisection, never unpacked into a dict."""

    def __init__(self, blob: bytes, offsets: array):
        self.blob, self.offsets = blob, offsets

    @classmethod
    def build(cls, frequencies: dict[str, float]) -> "_Table":
        lines = sorted(f"{w}\t{math.log10(f) + 9:.2f}".encode() for w, f in frequencies.items() if f > 0)
        offsets, at = array("I"), 0
        for line in lines:
            offsets.append(at)
            at += len(line) + 1
        return cls(b"\n".join(lines) + b"\n", offsets)

    def get(self, word: str) -> float | None:
        key, blob, offsets = word.encode(), self.blob, self.offsets
        lo, hi = 0, len(offsets)
        while lo < hi:
            mid = (lo + hi) // 2
            start = offsets[mid]
            tab = blob.index(b"\t", start)
            found = blob[start:tab]
            if found < key:
                lo = mid + 1
            elif found > key:
                hi = mid
            else:
                return float(blob[tab + 1:blob.index(b"\n", tab)])
        return None


def _cache_file() -> Path | None:
    """The cached table's path, named after the wordfreq data it was made from (so an upgrade
    builds a new one), or None without wordfreq's English data."""
    from ..usercache import user_cache_dir

    spec = importlib.util.find_spec("wordfreq")
    data = Path(spec.origin).parent / "data" / "large_en.msgpack.gz" if spec and spec.origin else None
    if data is None or not data.exists():
        return None
    stat = data.stat()
    return user_cache_dir() / f"wordfreq-en-{_FORMAT}-{stat.st_size}-{int(stat.st_mtime)}.bin"


@lru_cache(maxsize=1)
def _table() -> _Table:
    path = _cache_file()
    if path is not None:
        try:
            blob, offsets = marshal.loads(path.read_bytes())
            return _Table(blob, array("I", offsets))
        except (OSError, ValueError, EOFError, TypeError):
            pass  # missing or damaged: build it again
    from wordfreq import get_frequency_dict

    table = _Table.build(get_frequency_dict("en", "best"))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps((table.blob, table.offsets.tobytes())))
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only cache only costs the next process the build
    return table


@lru_cache(maxsize=16384)
def zipf(folded: str) -> float:
    """Zipf frequency of a folded spelling; the words of a hyphenated or spaced one combine as
    wordfreq combines them (1/f = 1/f1 + 1/f2), and an unknown word makes it 0."""
    table = _table()
    inverse = 0.0
    for token in _TOKEN.findall(folded):
        value = table.get(token)
        if value is None:
            return 0.0
        inverse += 10 ** -value
    return round(-math.log10(inverse), 2) if inverse else 0.0
