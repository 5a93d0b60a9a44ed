"""SHA-1 digests of contents and keys (the archive index, the per-user caches): CPython's own SHA-1
where it has one, which loads in a fraction of the time hashlib's OpenSSL binding takes on every
run; hashlib's otherwise. The digests are the same."""
from __future__ import annotations

try:
    from _sha1 import sha1
except ImportError:  # a Python built without its own SHA-1
    from hashlib import sha1

__all__ = ["sha1"]
