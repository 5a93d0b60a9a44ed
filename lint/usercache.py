"""The per-user cache directory (XDG): indexes of archives the linter may not write into, and parsed
YAML files. Everything in it can be deleted at any time."""
from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsroom-lint"


_code_stamp: str | None = None


def code_stamp() -> str:
    """The linter's version and the size and time of each of its modules: what cached results
    that depend on its code are kept under (read once per process)."""
    global _code_stamp
    if _code_stamp is None:
        from . import __version__

        parts = [__version__]
        package = os.path.dirname(os.path.abspath(__file__))
        for directory, dirnames, filenames in os.walk(package):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith(".py"):
                    stat = os.stat(os.path.join(directory, name))
                    parts.append(f"{os.path.relpath(directory, package)}/{name}|{stat.st_size}|{stat.st_mtime_ns}")
        _code_stamp = "\n".join(parts)
    return _code_stamp
