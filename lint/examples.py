"""Rule examples: documents held in memory, linted together; and the check, when a user's pack
loads, that its rules' own examples hold (each `flag` example draws a finding from its rule, each
`pass` example none). A rule whose examples do not hold is rejected as an unknown key is: its
examples are its documentation, and a rule that does not flag its own example flags nothing.

The shipped packs are checked by the test suite; a user's pack whose examples held is remembered
in the per-user cache under its content and the linter's code, so each version of a pack is
linted once, not on every run. The examples document the pack as written: the configuration's
parameters do not apply to them.
"""
from __future__ import annotations

from pathlib import Path

from . import filters
from .atomic import write_atomically
from .config import Config
from .digest import sha1
from .documents import ReaderOptions, read_document
from .incremental import compare
from .model import Finding, LintError
from .reading import analyse
from .ruleset import RuleSet
from .usercache import code_stamp, user_cache_dir


def lint_texts(texts: list[str], ruleset: RuleSet, options: ReaderOptions | None = None) -> list[Finding]:
    """Lint Markdown documents together, each compared with the others."""
    options = options or ReaderOptions()
    analyses = []
    for number, text in enumerate(texts, 1):
        doc = read_document(Path(f"example-{number}.md"), f"example-{number}.md", options, text.encode("utf-8"))
        analyses.append(analyse(doc, ruleset.rules))
    report_on = {a.path for a in analyses}
    cross = [item for rule in ruleset.rules if rule.kind.cross_article
             for item in compare(rule, {a.path: a.records.get(rule.id, []) for a in analyses}, report_on)]
    findings = filters.settle([f for a in analyses for f in a.findings], cross)
    return filters.apply(findings, analyses, Config(), None, [])


def verify(pack: Path, load_rules):
    """LintError (pack:line of the rule) for the first example of the rules of `pack` (as
    `load_rules()` gives them, called only when this version of the pack was not seen to hold)
    that does not hold."""
    try:
        raw = pack.read_bytes()
    except OSError:
        return  # the loader read it a moment ago; nothing to remember it by
    held = user_cache_dir() / "examples" / sha1(raw + code_stamp().encode()).hexdigest()
    if held.exists():
        return
    for rule in load_rules():
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
