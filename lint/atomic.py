"""Writing a file so that a reader sees the old content or the new, never half of either: a
temporary file in the same directory, flushed, given the old file's permissions, renamed over it."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes):
    """Replace `path` with `data`. A failure is an OSError naming `path`, not the temporary file,
    which is removed."""
    import shutil
    import tempfile

    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".lint-tmp", dir=path.resolve().parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temp)
        os.replace(temp, path)
    except BaseException as exc:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, f"cannot write: {exc.strerror or exc}", str(path)) from None
        raise
