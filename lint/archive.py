"""Which archive a run compares its files with, and where that archive's index lives.

The archive is the configuration's `content-paths` when set; otherwise the git repository holding
the first linted path (every file `lint` would walk from its root); outside a repository, just the
linted paths, so the index still spares re-reading unchanged files. The index goes to the
configured `cache-dir`, else `.lint-cache/` at the archive root, else (a tree the linter may not
write to) a per-user cache directory; if none is writable the run goes on without one.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .config import Config
from .digest import sha1
from .documents import SUFFIXES
from .index import Index
from .usercache import user_cache_dir

CACHE_NAME = ".lint-cache"


@dataclass
class Archive:
    root: Path
    keys: list[str]  # the archive's files, as paths relative to root (POSIX): their index keys
    outside: list[str]  # files of content paths outside root: read every run, never indexed
    content_keys: list[str]  # the content paths, relative to root: deletions under them are forgotten
    index: Index | None

    @cached_property
    def prefix(self) -> str:
        return str(self.root).rstrip(os.sep) + os.sep

    @cached_property
    def relative_root(self) -> str:
        return os.path.relpath(self.root).replace(os.sep, "/")

    def path(self, key: str) -> str:
        return self.prefix + key

    def display(self, key: str) -> str:
        """How an archive file not given on the command line is shown: relative to the working
        directory, built from one relative root rather than computed once per file."""
        return key if self.relative_root == "." else f"{self.relative_root}/{key}"

    def key(self, absolute: str) -> str | None:
        return key_under(absolute, self.prefix)


def key_under(absolute: str, prefix: str) -> str | None:
    """A path relative to the directory `prefix` (ending in a separator) as POSIX, or None outside
    it (no symlinks resolved: this runs for every file of the archive on every run)."""
    if not absolute.startswith(prefix):
        return None
    return absolute[len(prefix):].replace(os.sep, "/")


def git_root(start: Path) -> Path | None:
    here = start.resolve()
    for directory in ([here] if here.is_dir() else []) + list(here.parents):
        if (directory / ".git").exists():
            return directory
    return None


def locate(paths: list[str], config: Config) -> tuple[Path, list[Path], bool]:
    """The archive root, its content paths, and whether it is a repository of its own."""
    if config.content_paths:
        return config.root.resolve(), [Path(os.path.abspath(p)) for p in config.content_paths], True
    root = git_root(Path(paths[0]))
    if root is not None:
        return root, [root], True
    resolved = [Path(p).resolve() for p in paths]
    common = Path(os.path.commonpath([str(p if p.is_dir() else p.parent) for p in resolved]))
    return common, resolved, False


def cache_dirs(root: Path, config: Config, in_repository: bool) -> list[Path]:
    """Candidate cache directories, most preferred first. Outside a repository nothing is written
    beside the articles: the index goes to the per-user cache."""
    if config.cache_dir is not None:
        return [config.cache_dir]
    user_dir = user_cache_dir() / sha1(str(root).encode()).hexdigest()[:16]
    return [root / CACHE_NAME, user_dir] if in_repository else [user_dir]


def open_archive(located: tuple[Path, list[Path], bool], config: Config, notices: list[str], walker) -> Archive:
    """The archive `locate` found; `walker(top)` lists a directory's lintable files relative to it."""
    root, content, in_repository = located
    prefix = str(root).rstrip(os.sep) + os.sep
    keys, outside = [], []
    for top in content:
        where = str(top)
        key = "" if where == str(root) else key_under(where, prefix)
        if top.is_dir():
            if key is None:
                outside.extend(os.path.join(where, rel) for rel in walker(top))
            else:
                keys.extend((key + "/" if key else "") + rel for rel in walker(top))
        elif top.is_file() and top.suffix.lower() in SUFFIXES:
            if key is None:
                outside.append(where)
            else:
                keys.append(key)
    index = None
    for directory in cache_dirs(root, config, in_repository):
        try:
            index = Index(directory, notices)
            break
        except (OSError, sqlite3.OperationalError):
            continue  # not writable here: try the next place
    else:
        notices.append("no writable cache directory; continuing without the index")
    content_keys = []
    for top in content:
        try:
            content_keys.append(top.relative_to(root).as_posix())
        except ValueError:
            pass
    return Archive(root, keys, outside, content_keys, index)
