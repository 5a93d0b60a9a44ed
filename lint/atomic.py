"""Writing a file so that a reader sees the old content or the new, never half of either: a
temporary file in the same directory, flushed, given the old file's permissions, renamed over it."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes):
    import shutil
    import tempfile

    directory = path.resolve().parent
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".lint-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temp)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
