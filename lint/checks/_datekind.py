"""The base of the date check kinds: one document's date analysis in (made once, shared by every
date rule), findings out, each carrying the dates it is about; and, once per article with
findings, the article's timeline as a note for reporters to draw."""
from __future__ import annotations

from collections import namedtuple

from ..model import ArticleNote
from . import CheckKind


class Issue(namedtuple("Issue", "start end fields related", defaults=((),))):
    """What a date judgement found: the span to point at (the wrong date as written), the message
    fields, and related spans as (start, end, message)."""

    __slots__ = ()


class DateKind(CheckKind):
    """A date check kind: `judge` reads the document's DocDates and returns Issues."""

    def judge(self, dd, rule) -> list[Issue]:
        raise NotImplementedError

    def check(self, doc, rule):
        from ..dates.analysis import analyse, points_in, timeline_data

        dd = analyse(doc)
        if not dd.days and not dd.mentions:
            return
        issues = self.judge(dd, rule)
        if not issues:
            return
        yield ArticleNote("timeline", timeline_data(dd))
        for issue in issues:
            related = [doc.related(start, end, message) for start, end, message in issue.related]
            spans = [(issue.start, issue.end, "flagged")] + [(start, end, "related") for start, end, _ in issue.related]
            yield rule.finding(doc.spot(issue.start, issue.end), related, extra={"dates": points_in(dd, spans)},
                               **issue.fields)
