"""A rule's own examples must hold: each `flag` example draws a finding from the rule, each `pass`
example none. A rule whose examples do not hold is rejected when its pack loads, as an unknown key
is: its examples are its documentation, and a rule that does not flag its own example flags nothing.

Packs of the user are checked (the shipped ones are checked by the test suite); a pack whose
examples held is remembered in the per-user cache under its content, the linter's code and the
accepted names, so each version of a pack is linted once, not on every run.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .atomic import write_atomically
from .model import LintError
from .usercache import code_stamp, user_cache_dir


def verify(rules: list, pack: Path, accepted_names: list[str]):
    """LintError (pack:line of the rule) for the first example of `rules`, the rules of `pack`,
    that does not hold."""
    try:
        raw = pack.read_bytes()
    except OSError:
        return  # the loader read it a moment ago; nothing to remember it by
    key = hashlib.sha1(raw + code_stamp().encode() + "\0".join(accepted_names).encode()).hexdigest()
    held = user_cache_dir() / "examples" / key
    if held.exists():
        return
    from .engine import lint_texts
    from .ruleset import RuleSet

    for rule in rules:
        for should_flag, examples in ((True, rule.examples_flag), (False, rule.examples_pass)):
            for number, documents in enumerate(examples, 1):
                flagged = any(f.rule == rule.id for f in lint_texts(documents, RuleSet([rule])))
                if flagged != should_flag:
                    kind, verdict = ("flag", "draws no finding from it") if should_flag else ("pass", "is flagged by it")
                    raise LintError(f"{rule.origin}: rule '{rule.id}': its {kind} example {number} {verdict} "
                                    f"({_shown(documents)})")
    try:
        held.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(held, b"")
    except OSError:
        pass  # no writable cache: checked again next time


def _shown(documents: list[str]) -> str:
    text = " / ".join(" ".join(d.split()) for d in documents)
    return repr(text if len(text) <= 60 else text[:59] + "…")
