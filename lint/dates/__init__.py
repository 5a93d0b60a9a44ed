"""The temporal engine behind the `dates.*` rules.

scanner.py finds date expressions in a document's prose; resolve.py turns them into calendar dates
(own code for absolute forms, dateparser for unusual relative ones); tense.py reads the tense of
their sentences; analysis.py infers the publication date and keeps one document's analysis for all
rules; judge.py holds the judgement of each rule.
"""
from __future__ import annotations

from ..checks import CheckKind
from ..model import Related


def report(doc, rule, judgement):
    """Run one judgement over the document's (cached) analysis and yield the rule's findings."""
    from .analysis import analyse

    dd = analyse(doc)
    if not dd.days and not dd.mentions:
        return
    for issue in judgement(dd):
        related = [Related(doc.location(s, e), msg) for s, e, msg in issue.related]
        yield rule.finding(doc, issue.start, issue.end, related, **issue.fields)


class JudgedKind(CheckKind):
    """A date check kind whose judgement is the function named `judgement` in judge.py; the kind's
    own module only names it and declares its message fields."""

    judgement = ""
    params = {}

    def check(self, doc, rule):
        from . import judge

        return report(doc, rule, getattr(judge, self.judgement))
