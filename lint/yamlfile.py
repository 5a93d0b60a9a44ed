"""YAML loading that remembers where every mapping, key and list item came from.

Rule packs and the configuration file are decoded strictly, and each error has to name the file and
line; this loader gives every mapping and list a `line` and every key and item its own line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .model import LintError


class LineDict(dict):
    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser where PyYAML has it (rule packs load on every run), with our constructors."""


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load(path: Path, display: str | None = None):
    """Load a YAML file; a syntax error becomes a LintError naming file and line."""
    display = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"{display}: cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LintError(f"{display}:{line}: invalid YAML: {problem}") from None


def check_keys(mapping: LineDict, allowed: set[str], where: str, display: str, required: tuple = ()):
    """Reject unknown keys and report missing required ones, each with file:line."""
    for key in mapping:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise LintError(f"{display}:{mapping.line_of(key)}: unknown key '{key}' in {where} (known: {known})")
    for key in required:
        if key not in mapping:
            raise LintError(f"{display}:{mapping.line}: {where} is missing required key '{key}'")
