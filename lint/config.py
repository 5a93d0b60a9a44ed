"""`.lint.yaml`: found from the working directory upward (stopping at the repository root), or given
with --config. Decoded strictly: an unknown key or a wrong type is an error with file:line."""
from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .model import LEVELS, LintError
from .ruleset import pack_files

CONFIG_NAME = ".lint.yaml"

# key -> (expected type, description); lists are lists of strings, maps map strings to strings.
SCHEMA = {
    "rules": ("list", "extra rule pack files or directories, relative to this file"),
    "builtin-rules": ("bool", "load the shipped rule packs (default true)"),
    "select": ("list", "rule ids or prefixes to run (default: all)"),
    "ignore": ("list", "rule ids or prefixes never to run"),
    "per-path-ignores": ("map-of-lists", "glob -> rule ids or prefixes ignored in matching files"),
    "levels": ("map", "rule id or prefix -> error | warning | info"),
    "fail-on": ("str", "lowest level that makes the run fail: error | warning | info"),
    "exclude": ("list", "globs of paths never walked"),
    "headline-keys": ("list", "front-matter keys holding the headline, first found wins"),
    "date-keys": ("list", "front-matter keys holding the publication date, first found wins"),
    "parameters": ("map-of-maps", "rule id or prefix -> {parameter: value}, replacing the rules' own values"),
    "cache-dir": ("str", "where the archive index lives, relative to this file"),
    "content-paths": ("list", "what the archive index covers, relative to this file"),
}


@dataclass(frozen=True)
class ParameterOverride:
    """Parameter values the configuration gives the rules a selector (rule id or prefix) matches,
    with where each was written."""

    selector: str
    values: dict[str, object]
    where_value: dict[str, str]  # parameter -> "file:line"
    where: str  # the selector's "file:line"


@dataclass
class Config:
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    rule_packs: list[tuple[Path, str]] = field(default_factory=list)
    builtin_rules: bool = True
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    headline_keys: tuple[str, ...] = ("title", "headline")
    date_keys: tuple[str, ...] = ("date", "published", "pubDate", "publishDate", "published_at")
    parameters: list[ParameterOverride] = field(default_factory=list)
    cache_dir: Path | None = None
    content_paths: list[Path] | None = None
    # every rule selector of the file (select, ignore, levels, per-path-ignores) as (selector, key,
    # "path:line"), checked against the loaded rules once they are known
    selectors: list[tuple[str, str, str]] = field(default_factory=list)


def discover(start: Path) -> Path | None:
    """The nearest .lint.yaml from `start` upward, not going above the repository root."""
    here = start.resolve()
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if (directory / ".git").exists():
            return None
    return None


def repository_root(start: Path) -> Path:
    here = start.resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return directory
    return here


def load(path: Path | None) -> Config:
    if path is None:
        return Config(root=repository_root(Path.cwd()))
    if not path.is_file():
        raise LintError(f"{path}: configuration file not found")
    display = str(path)
    data = yamlfile.load(path, display)
    if data is None:
        return Config(path=path, root=path.resolve().parent)
    if not isinstance(data, yamlfile.LineDict):
        raise LintError(f"{display}:1: configuration must be a mapping of keys to values")
    yamlfile.check_keys(data, set(SCHEMA), "configuration", display)
    for key, value in data.items():
        _check_type(key, value, SCHEMA[key][0], f"{display}:{data.line_of(key)}")
    base = path.resolve().parent
    config = Config(path=path, root=base)

    def line(key):
        return f"{display}:{data.line_of(key)}"

    for entry in data.get("rules", []):
        config.rule_packs.extend(pack_files(base / entry, entry))
    config.builtin_rules = data.get("builtin-rules", True)
    if "select" in data:
        config.select = list(data["select"])
    config.ignore = list(data.get("ignore", []))
    for selector in (config.select or []) + config.ignore:
        _check_selector(selector, line("select" if selector in (config.select or []) else "ignore"))
    config.per_path_ignores = {k: list(v) for k, v in data.get("per-path-ignores", {}).items()}
    for level in data.get("levels", {}).values():
        if level not in LEVELS:
            raise LintError(f"{line('levels')}: level must be one of {', '.join(LEVELS)}, got {level!r}")
    config.levels = dict(data.get("levels", {}))
    config.selectors = _selectors(data, display)
    if "fail-on" in data:
        if data["fail-on"] not in LEVELS:
            raise LintError(f"{line('fail-on')}: fail-on must be one of {', '.join(LEVELS)}")
        config.fail_on = data["fail-on"]
    config.exclude = list(data.get("exclude", []))
    if "headline-keys" in data:
        config.headline_keys = tuple(data["headline-keys"])
    if "date-keys" in data:
        config.date_keys = tuple(data["date-keys"])
    if "parameters" in data:
        overrides = data["parameters"]
        config.parameters = [
            ParameterOverride(selector, dict(values),
                              {name: f"{display}:{values.line_of(name)}" for name in values},
                              f"{display}:{overrides.line_of(selector)}")
            for selector, values in overrides.items()]
        for override in config.parameters:
            _check_selector(override.selector, override.where)
    if "cache-dir" in data:
        config.cache_dir = base / data["cache-dir"]
    if "content-paths" in data:
        config.content_paths = [base / p for p in data["content-paths"]]
    return config


def _selectors(data: yamlfile.LineDict, display: str) -> list[tuple[str, str, str]]:
    found = []
    for key in ("select", "ignore"):
        values = data.get(key, [])
        found += [(value, key, f"{display}:{values.line_of(i)}") for i, value in enumerate(values)]
    levels = data.get("levels", {})
    found += [(selector, "levels", f"{display}:{levels.line_of(selector)}") for selector in levels]
    for values in data.get("per-path-ignores", {}).values():
        found += [(value, "per-path-ignores", f"{display}:{values.line_of(i)}") for i, value in enumerate(values)]
    return found


def _check_type(key, value, kind, where):
    ok = {
        "list": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "bool": lambda v: isinstance(v, bool),
        "str": lambda v: isinstance(v, str),
        "map": lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
        "map-of-lists": lambda v: isinstance(v, dict) and all(
            isinstance(x, list) and all(isinstance(y, str) for y in x) for x in v.values()),
        "map-of-maps": lambda v: isinstance(v, dict) and all(
            isinstance(x, dict) and all(isinstance(k, str) for k in x) for x in v.values()),
    }[kind](value)
    if not ok:
        described = {"list": "a list of strings", "bool": "true or false", "str": "a string",
                     "map": "a mapping of strings to strings", "map-of-lists": "a mapping of strings to lists of strings",
                     "map-of-maps": "a mapping of rule ids or prefixes to mappings of parameters to values"}
        raise LintError(f"{where}: '{key}' must be {described[kind]}")


def _check_selector(selector: str, where: str):
    family = selector.split(".")[0]
    if not selector or not family.replace("-", "").isalnum():
        raise LintError(f"{where}: not a rule id or prefix: {selector!r}")


def glob_matches(path: str, pattern: str) -> bool:
    """A glob of the configuration (`exclude`, `per-path-ignores`) matches a POSIX path, or any path
    under the directory it names."""
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.rstrip("/") + "/*")


def relative_to_root(path, root: Path) -> str | None:
    """`path` relative to the configuration's directory, or None outside it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return None


def parse_published(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise LintError(f"--published: expected YYYY-MM-DD, got {value!r}") from None

