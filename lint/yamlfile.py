"""YAML loading that remembers where every mapping, key and list item came from.

Rule packs and the configuration file are decoded strictly, and each error has to name the file and
line; this loader gives every mapping and list a `line` and every key and item its own line.
"""
from __future__ import annotations

import marshal
from pathlib import Path

from .atomic import write_atomically
from .digest import sha1
from .model import LintError
from .usercache import user_cache_dir


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


def load(path: Path, display: str | None = None):
    """Load a YAML file; a syntax error becomes a LintError naming file and line.

    Rule packs load on every run, so what a file parses to is kept in the per-user cache under the
    hash of its bytes (a changed file is simply another entry), sparing the parse and PyYAML's import."""
    display = display or str(path)
    try:
        with open(path, "rb") as source:
            raw = source.read()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"{display}: cannot read: {exc}") from None
    cached = user_cache_dir() / "yaml" / f"{sha1(raw).hexdigest()}.marshal"
    try:
        return _thaw(marshal.loads(cached.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError):
        pass  # not cached yet, or not readable: parse
    data = _parse(text, display)
    try:
        frozen = marshal.dumps(_freeze(data))
    except _NotPlain:
        return data  # a date or another YAML type marshal does not keep: parsed every time
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cached, frozen)
    except OSError:
        pass  # no writable cache: parse again next time
    return data


class _NotPlain(Exception):
    pass


def _freeze(value):
    """LineDict and LineList as tuples of plain values, their lines included."""
    if isinstance(value, LineDict):
        return ("d", value.line, tuple((k, value.key_lines[k], _freeze(v)) for k, v in value.items()))
    if isinstance(value, LineList):
        return ("l", value.line, tuple((line, _freeze(v)) for line, v in zip(value.item_lines, value)))
    if value is None or type(value) in (str, int, float, bool):
        return ("v", value)
    raise _NotPlain


def _thaw(frozen):
    tag, value = frozen[0], frozen[1]
    if tag == "v":
        return value
    if tag == "d":
        result = LineDict((k, _thaw(v)) for k, _, v in frozen[2])
        result.line, result.key_lines = value, {k: line for k, line, _ in frozen[2]}
        return result
    if tag == "l":
        result = LineList(_thaw(v) for _, v in frozen[2])
        result.line, result.item_lines = value, [line for line, _ in frozen[2]]
        return result
    raise ValueError(f"unknown tag {tag!r}")


def _parse(text: str, display: str):
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LintError(f"{display}:{line}: invalid YAML: {problem}") from None


_LOADER = None


def _loader():
    """libyaml's parser where PyYAML has it, with constructors that record lines (built on first use)."""
    global _LOADER
    if _LOADER is None:
        import yaml

        class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            pass

        def mapping(loader, node):
            loader.flatten_mapping(node)
            result = LineDict()
            result.line = node.start_mark.line + 1
            result.key_lines = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node, deep=True)
                if key in result:
                    raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'",
                                                            key_node.start_mark)
                result[key] = loader.construct_object(value_node, deep=True)
                result.key_lines[key] = key_node.start_mark.line + 1
            return result

        def sequence(loader, node):
            result = LineList(loader.construct_object(child, deep=True) for child in node.value)
            result.line = node.start_mark.line + 1
            result.item_lines = [child.start_mark.line + 1 for child in node.value]
            return result

        Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
        Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, sequence)
        _LOADER = Loader
    return _LOADER


def check_keys(mapping: LineDict, allowed: set[str], where: str, display: str, required: tuple = ()):
    """Reject unknown keys and report missing required ones, each with file:line."""
    for key in mapping:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise LintError(f"{display}:{mapping.line_of(key)}: unknown key '{key}' in {where} (known: {known})")
    for key in required:
        if key not in mapping:
            raise LintError(f"{display}:{mapping.line}: {where} is missing required key '{key}'")
