"""Which files a run lints: the paths given, directories walked (hidden, git-ignored, skipped and
excluded paths left out), each directory walked once per run."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .archive import git_root, key_under
from .config import Config, glob_matches, relative_to_root
from .documents import SUFFIXES
from .model import LintError

SKIPPED_DIRS = {"node_modules", "__pycache__", "vendor", "venv"}


class Walker:
    """Lists a directory's lintable files relative to it, remembering each walk: a directory inside
    one of `content` (the archive's content paths, walked anyway) is read from that walk."""

    def __init__(self, config: Config, content: list[str] = ()):
        self.config = config
        self.content = list(content)
        self._walked: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def __call__(self, top) -> tuple[str, ...]:
        return self.walk(top)[0]

    def walk(self, top) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """The lintable files under `top`, and the paths under it that could not be read (relative
        path, why)."""
        top = os.path.abspath(top)
        if top not in self._walked:
            self._walked[top] = self._walk(top)
        return self._walked[top]

    def _walk(self, top: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        for outer in self.content:
            inside = relative_inside(top, outer)
            if inside:
                prefix = inside + "/"
                files, unreadable = self.walk(outer)
                return (tuple(rel[len(prefix):] for rel in files if rel.startswith(prefix)),
                        tuple((rel[len(prefix):], why) for rel, why in unreadable if rel.startswith(prefix)))
        unreadable: list[tuple[str, str]] = []
        return tuple(walk_relative(Path(top), self.config, unreadable)), tuple(unreadable)


def collect_files(paths: list[str], walker: Walker) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Files to lint, as (path, display) pairs, and what was passed over, as (display, reason)."""
    files, skipped = [], []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise LintError(f"{given}: no such file or directory")
        if path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append((given, given))
            else:
                skipped.append((given, "not a Markdown, text or HTML file"))
            continue
        prefix = "" if given in (".", "./") else given.rstrip("/") + "/"
        found, unreadable = walker.walk(path)
        files.extend((os.path.join(given, rel), prefix + rel) for rel in found)
        skipped.extend(((prefix + rel).rstrip("/") or ".", why) for rel, why in unreadable)
    return files, skipped


def walk_relative(top: Path, config: Config, unreadable: list[tuple[str, str]] | None = None) -> list[str]:
    """Lintable files under `top` (not hidden, not ignored by git, not excluded by configuration) as
    POSIX paths relative to it, sorted; what cannot be read (a directory refused, a symbolic link
    in a loop) joins `unreadable` as (relative path, why). Symbolic links to directories are not
    followed."""
    tracked = _git_visible(top)
    suffixes = tuple(SUFFIXES)
    found = []

    def visit(directory: str, rel_dir: str):
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            if unreadable is not None:
                unreadable.append((rel_dir, f"directory could not be read: {exc.strerror or exc}"))
            return
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError as exc:  # a symbolic link in a loop
                if unreadable is not None:
                    unreadable.append((rel_dir + name, f"could not be read: {exc.strerror or exc}"))
                continue
            if is_dir:
                if name not in SKIPPED_DIRS and not entry.is_symlink():
                    subdirs.append(entry)
                continue
            if not name.lower().endswith(suffixes):
                continue
            if tracked is not None and entry.path not in tracked:
                continue
            if config.exclude and _excluded(Path(entry.path), config):
                continue
            found.append(rel_dir + name)
        for entry in subdirs:
            visit(entry.path, rel_dir + entry.name + "/")

    visit(os.path.abspath(top), "")
    found.sort()
    return found


def relative_inside(directory: str, outer: str) -> str | None:
    """`directory` relative to `outer` when walking `outer` also walks it (it lies below, through no
    hidden or skipped directory), else None."""
    inside = key_under(directory, outer.rstrip(os.sep) + os.sep)
    if inside is None or any(not part or part.startswith(".") or part in SKIPPED_DIRS
                             for part in inside.split("/")):
        return None
    return inside


def _git_visible(top: Path) -> set[str] | None:
    """Files git does not ignore under `top`, or None outside a git work tree (known without
    starting git when no .git lies above and no GIT_DIR is set)."""
    if "GIT_DIR" not in os.environ and git_root(top) is None:
        return None
    try:
        result = subprocess.run(
            ["git", "-C", str(top), "ls-files", "--cached", "--others", "--exclude-standard", "-z", "."],
            capture_output=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    base = os.path.abspath(top)
    return {os.path.normpath(os.path.join(base, p)) for p in result.stdout.decode("utf-8", "replace").split("\0") if p}


def _excluded(file: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    rel = relative_to_root(file, config.root) or file.as_posix()
    return any(glob_matches(rel, pattern) for pattern in config.exclude)
