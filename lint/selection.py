"""Every selector (a rule id, a family or a prefix) given to --select and --ignore, or in the
configuration's select, ignore, levels and per-path-ignores, must name a rule: a typo would
otherwise switch linting off, or leave it on, in silence.

A selector is checked against the rules this run loaded and the rules the readers report. One that
names only rules of a shipped pack this run does not load (an example pack, or every pack under
`builtin-rules: false`) may be ignored or given a level, which changes nothing; selecting it is an
error that says which pack to load.
"""
from __future__ import annotations

from .model import LintError
from .ruleset import INPUT_RULES, builtin_pack_dir, matches, pack_files


def check(selectors: list[tuple[str, str, str]], rule_ids: list[str]):
    """`selectors` are (selector, option or configuration key, where) triples, `where` being
    "--select" or "path:line"; LintError for the first that names no rule."""
    known = list(rule_ids) + list(INPUT_RULES)
    for selector, key, where in selectors:
        if any(matches(rule_id, selector) for rule_id in known):
            continue
        packs = sorted({pack for rule_id, pack in _shipped_rules().items() if matches(rule_id, selector)})
        if packs and key != "select":
            continue
        if packs:
            hint = f"it names rules of {', '.join(packs)}, which this run does not load"
        else:
            hint = _closest(selector, known)
        prefix = where if where.startswith("--") else f"{where}: {key}"
        raise LintError(f"{prefix}: '{selector}' matches no rule ({hint})")


def _closest(selector: str, known: list[str]) -> str:
    import difflib  # only on the way to an error

    candidates = sorted(set(known) | {rule_id.split(".")[0] for rule_id in known})
    close = difflib.get_close_matches(selector.lower(), candidates, n=3, cutoff=0.6)
    return f"did you mean {' or '.join(close)}?" if close else "see 'lint rules'"


def _shipped_rules() -> dict[str, str]:
    """Rule id -> pack, for every rule the linter ships, loaded in this run or not (read only when
    a selector matched no loaded rule)."""
    from . import yamlfile

    root = builtin_pack_dir()
    shipped = {}
    for path, display in pack_files(root, "rules") + pack_files(root / "examples", "rules/examples"):
        data = yamlfile.load(path, display)
        for entry in data.get("rules", ()) if isinstance(data, dict) else ():
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                shipped[entry["id"]] = display
    return shipped
