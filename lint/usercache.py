"""The per-user cache directory (XDG): indexes of archives the linter may not write into, and parsed
YAML files. Everything in it can be deleted at any time."""
from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsroom-lint"
