"""Linting documents held in memory, all of them together: the rule examples, and tests."""
from __future__ import annotations

from pathlib import Path

from . import filters
from .config import Config
from .documents import ReaderOptions, read_document
from .incremental import compare
from .model import Finding
from .reading import analyse
from .ruleset import RuleSet


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
