"""What reaches a reporter: the cross-article comparison settles the articles' own findings, then
levels from the configuration, the selection, suppression comments and per-path ignores apply."""
from __future__ import annotations

import dataclasses

from .config import Config
from .model import Finding, Withdrawal
from .reading import Analysis
from .ruleset import matches, selects
from .suppress import path_ignored, suppressed


def settle(own: list[Finding], cross: list) -> list[Finding]:
    """The articles' own findings less those (or the fixes) the cross-article comparison withdrew,
    then its findings."""
    withdrawn = {(w.kind, w.location): w.fix_only for w in cross if isinstance(w, Withdrawal)}
    if withdrawn:
        kept = []
        for finding in own:
            fix_only = withdrawn.get((finding.kind, finding.location))
            if fix_only is None:
                kept.append(finding)
            elif fix_only:
                kept.append(dataclasses.replace(finding, fix=None))
        own = kept
    return own + [f for f in cross if isinstance(f, Finding)]


def apply(findings: list[Finding], analyses: list[Analysis], config: Config,
          select: list[str] | None, ignore: list[str]) -> list[Finding]:
    """Levels from the configuration, then selection, suppression comments and per-path ignores,
    then a stable order."""
    by_path = {a.path: a for a in analyses}
    for finding in findings:
        for selector, level in config.levels.items():
            if matches(finding.rule, selector):
                finding.level = level
    kept = []
    for finding in findings:
        analysis = by_path.get(finding.location.path)
        if not selects(finding.rule, select, ignore):
            continue
        if analysis and suppressed(finding, analysis.suppressions):
            continue
        if path_ignored(finding.location.path, finding.rule, config.per_path_ignores, config.root):
            continue
        kept.append(finding)
    return sorted(kept, key=Finding.sort_key)
