"""Rule packs: YAML files of rules, decoded strictly into Rule objects.

Every error names the pack and the line (`rules/x.yaml:12: ...`): an unknown key, a missing field,
an unknown check kind, a parameter of the wrong type or a pattern that does not compile.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from . import checks, yamlfile
from .checks import CheckKind, ParamError
from .model import LEVELS, Finding, Fix, LintError, Related, Spot

RULE_ID = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$")
RULE_KEYS = {"id", "check", "level", "message", "description", "why", "examples"}
REQUIRED_KEYS = ("id", "check", "level", "message", "description", "examples")

# Findings made by the readers rather than by a rule pack; they can be selected and ignored too.
INPUT_RULES = {
    "input.encoding": "the file is not valid UTF-8 (read as cp1252) or not valid in the encoding its byte order mark names",
    "input.front-matter": "the front matter is malformed or not closed, or its publication date (or an HTML page's date meta tag) is not a date",
    "input.nul-byte": "the text holds a NUL byte, a sign of a damaged file or a bad export (the rest is still checked)",
    "input.skipped": "a file given or found was not checked: not text (a binary with an article's name), not a "
                     "Markdown, text or HTML file, or a directory that could not be read",
}


@dataclass
class Rule:
    id: str
    kind: CheckKind
    level: str
    message: str
    description: str
    why: str
    params: dict[str, object]
    prepared: object
    examples_flag: list
    examples_pass: list
    origin: str  # "path:line"

    @property
    def family(self) -> str:
        return self.id.split(".")[0]

    def finding(self, at: Spot, related: list[Related] = (), fix: Fix | None = None,
                extra: dict | None = None, message: str | None = None, level: str | None = None,
                **fields) -> Finding:
        """The one way a finding is made: the rule's message filled from `fields`, which become the
        finding's data with `extra` (what a reporter may draw beyond the message). `message` and
        `level` replace the rule's own for a notice about the rule itself (a pattern abandoned)."""
        data = dict(fields)
        if extra:
            data.update(extra)
        return Finding(self.id, level or self.level, self.message.format_map(fields) if message is None else message,
                       at.location, list(related), fix, self.kind.name, data, at.excerpt)


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)

    def by_id(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def selected(self, select: list[str] | None, ignore: list[str]) -> "RuleSet":
        return RuleSet([r for r in self.rules if selects(r.id, select, ignore)])


def matches(rule_id: str, selector: str) -> bool:
    """A selector is a rule id (that rule only), a family (`dates`, `dates.`), or `ALL`."""
    selector = selector.rstrip(".")
    return selector in ("ALL", "all") or rule_id == selector or rule_id.startswith(selector + ".")


def selects(rule_id: str, select: list[str] | None, ignore: list[str]) -> bool:
    if select is not None and not any(matches(rule_id, s) for s in select):
        return False
    return not any(matches(rule_id, s) for s in ignore)


def builtin_pack_dir() -> Path:
    """Where the shipped rule packs live: the repository's rules/, reached through the package's
    `rulepacks` link in a checkout and copied into the package when it is installed."""
    return Path(__file__).resolve().parent / "rulepacks"


def pack_files(location: Path, display: str) -> list[tuple[Path, str]]:
    if location.is_dir():
        return [(p, f"{display.rstrip('/')}/{p.name}") for p in sorted(location.glob("*.yaml")) + sorted(location.glob("*.yml"))]
    if location.is_file():
        return [(location, display)]
    raise LintError(f"{display}: rule pack not found")


def load_rules(sources: list[tuple[Path, str]], levels: dict[str, str] | None = None,
               overrides: list = ()) -> RuleSet:
    """Load every pack in `sources` (path, display name); `levels` overrides rule levels by id or
    prefix, and `overrides` (config.ParameterOverride) replace parameter values of the rules their
    selector matches. An override that matches no rule, or names a parameter none of its rules
    takes, is an error at its line: a typo must not pass for a setting."""
    kinds = checks.load_all()
    ruleset = RuleSet()
    seen: dict[str, str] = {}
    applied: set[tuple[str, str]] = set()  # (selector, parameter) given to some rule
    for path, display in sources:
        for rule in _load_pack(path, display, kinds, overrides, applied):
            if rule.id in seen:
                raise LintError(f"{rule.origin}: rule id '{rule.id}' is already defined at {seen[rule.id]}")
            seen[rule.id] = rule.origin
            ruleset.rules.append(rule)
    for override in overrides:
        if not any(matches(rule.id, override.selector) for rule in ruleset.rules):
            raise LintError(f"{override.where}: parameters for '{override.selector}', which matches no rule")
        for name in override.values:
            if (override.selector, name) not in applied:
                raise LintError(f"{override.where_value[name]}: no rule matched by '{override.selector}' "
                                f"takes parameter '{name}'")
    for rule_id, level in (levels or {}).items():
        for rule in ruleset.rules:
            if matches(rule.id, rule_id):
                rule.level = level
    return ruleset


def _load_pack(path: Path, display: str, kinds: dict[str, CheckKind], overrides, applied) -> list[Rule]:
    data = yamlfile.load(path, display)
    if not isinstance(data, yamlfile.LineDict):
        raise LintError(f"{display}:1: a rule pack is a mapping with a 'rules' list")
    yamlfile.check_keys(data, {"rules", "description"}, "rule pack", display, required=("rules",))
    entries = data["rules"]
    if not isinstance(entries, yamlfile.LineList):
        raise LintError(f"{display}:{data.line_of('rules')}: 'rules' must be a list")
    return [_load_rule(entry, entries.line_of(i), display, kinds, overrides, applied)
            for i, entry in enumerate(entries)]


def _load_rule(entry, line: int, display: str, kinds: dict[str, CheckKind], overrides, applied) -> Rule:
    if not isinstance(entry, yamlfile.LineDict):
        raise LintError(f"{display}:{line}: each rule is a mapping")
    kind_name = entry.get("check")
    kind = kinds.get(kind_name) if isinstance(kind_name, str) else None
    if "check" in entry and kind is None:
        raise LintError(f"{display}:{entry.line_of('check')}: unknown check kind '{kind_name}' "
                        f"(known: {', '.join(sorted(kinds))})")
    allowed = RULE_KEYS | (set(kind.params) if kind else set())
    yamlfile.check_keys(entry, allowed, f"rule '{entry.get('id', '?')}'", display, REQUIRED_KEYS)

    def where(key):
        return f"{display}:{entry.line_of(key)}"

    rule_id = entry["id"]
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise LintError(f"{where('id')}: rule id must look like 'family.name' (lowercase, digits, dashes), got {rule_id!r}")
    if entry["level"] not in LEVELS:
        raise LintError(f"{where('level')}: level must be one of {', '.join(LEVELS)}, got {entry['level']!r}")
    for key in ("message", "description", "why"):
        if key in entry and not isinstance(entry[key], str):
            raise LintError(f"{where(key)}: '{key}' must be a string")
    _check_template(entry["message"], kind, where("message"))

    params = {}
    for name, spec in kind.params.items():
        if name in entry:
            try:
                params[name] = spec.decode(name, entry[name])
            except ParamError as exc:
                raise LintError(f"{where(name)}: {exc}") from None
        elif spec.required:
            raise LintError(f"{display}:{entry.line}: rule '{rule_id}' needs parameter '{name}' for check '{kind.name}'")
        else:
            params[name] = spec.default
    for override in overrides:
        if not matches(rule_id, override.selector):
            continue
        for name, value in override.values.items():
            if name in kind.params:
                try:
                    params[name] = kind.params[name].decode(name, value)
                except ParamError as exc:
                    raise LintError(f"{override.where_value[name]}: rule '{rule_id}': {exc}") from None
                applied.add((override.selector, name))
    try:
        prepared = kind.prepare(params)
    except ParamError as exc:
        line = entry.line_of(getattr(exc, "param", None))
        raise LintError(f"{display}:{line}: rule '{rule_id}': {exc}") from None

    flag, passing = _examples(entry, display)
    return Rule(id=rule_id, kind=kind, level=entry["level"], message=entry["message"],
                description=entry["description"].strip(), why=str(entry.get("why", "")).strip(),
                params=params, prepared=prepared, examples_flag=flag, examples_pass=passing,
                origin=f"{display}:{line}")


def _check_template(message: str, kind: CheckKind, where: str):
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(message) if f is not None]
    except ValueError as exc:
        raise LintError(f"{where}: bad message template: {exc}") from None
    for name in names:
        base = re.split(r"[.\[!:]", name, maxsplit=1)[0]
        if base not in kind.fields:
            fields = ", ".join("{" + f + "}" for f in kind.fields) or "none"
            raise LintError(f"{where}: message uses {{{name}}}, but check '{kind.name}' provides {fields}")


def _examples(entry, display: str):
    examples = entry["examples"]
    where = f"{display}:{entry.line_of('examples')}"
    if not isinstance(examples, yamlfile.LineDict):
        raise LintError(f"{where}: 'examples' must be a mapping with 'flag' and 'pass' lists")
    yamlfile.check_keys(examples, {"flag", "pass"}, "examples", display, required=("flag", "pass"))
    result = []
    for key in ("flag", "pass"):
        items = examples[key]
        if not isinstance(items, list) or not items:
            raise LintError(f"{display}:{examples.line_of(key)}: examples '{key}' must be a non-empty list")
        for item in items:
            ok = isinstance(item, str) or (isinstance(item, list) and item and all(isinstance(x, str) for x in item))
            if not ok:
                raise LintError(f"{display}:{examples.line_of(key)}: each example is a document (string) "
                                "or a list of documents linted together")
        result.append([item if isinstance(item, list) else [item] for item in items])
    return result[0], result[1]
