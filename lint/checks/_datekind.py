"""The base of the date check kinds: one document's date analysis in (made once, shared by every
date rule), findings out, each carrying the dates it is about; and, once per article with
findings, the article's timeline as a note for reporters to draw.

Calendar kinds (impossible dates, weekdays, a year to add) judge mentions one by one. Timeline
kinds (`ConflictKind`) report the conflicts the article's one timeline model found, each kind the
conflicts of one kind of cue, with the evidence and the days that would fit in the finding's data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..model import ArticleNote
from . import CheckKind


@cache
def dates_library():
    """The date analysis modules, imported on first use (not at start-up) and then kept."""
    from ..dates import analysis, explain, story

    return analysis, story, explain


@dataclass
class Issue:
    """What a date judgement found: the span to point at (the wrong date as written), the message
    fields, related spans as (start, end, message), and data for reporters beyond the fields."""

    start: int
    end: int
    fields: dict
    related: list = field(default_factory=list)
    data: dict = field(default_factory=dict)


class DateKind(CheckKind):
    """A date check kind: `judge` reads the document's DocDates and returns Issues."""

    needs_mentions = True  # nothing to judge in an article without date mentions

    def judge(self, dd, rule) -> list[Issue]:
        raise NotImplementedError

    def check(self, doc, rule):
        analysis = dates_library()[0]
        dd = analysis.analyse(doc)
        if self.needs_mentions and not dd.days and not dd.mentions:
            return
        issues = self.judge(dd, rule)
        if not issues:
            return
        yield ArticleNote("timeline", analysis.timeline_data(dd))
        for issue in issues:
            related = [doc.related(start, end, message) for start, end, message in issue.related]
            spans = [(issue.start, issue.end, "flagged")] + [(start, end, "related") for start, end, _ in issue.related]
            yield rule.finding(doc.spot(issue.start, issue.end), related,
                               extra={"dates": analysis.points_in(dd, spans), **issue.data}, **issue.fields)


# The message fields every timeline kind provides.
CONFLICT_FIELDS = {
    "date": "the date as written",
    "reason": "what contradicts it, with the words and the line, and where a date would fit",
    "note": "how the publication date was inferred, when it was (empty otherwise)",
    "published": "the publication date",
}


class ConflictKind(DateKind):
    """A timeline kind: the conflicts of one kind of cue (`source`, see dates/timeline.py)."""

    source = ""
    fields = CONFLICT_FIELDS
    needs_mentions = False  # an age and a year of birth are enough

    def conflicts(self, dd, rule):
        """(story, conflicts) this kind reports; the fact ledger builds its own story."""
        built = dates_library()[1].story(dd)
        return built, built.conflicts

    def judge(self, dd, rule) -> list[Issue]:
        built, conflicts = self.conflicts(dd, rule)
        mine = [c for c in conflicts if c.source == self.source]
        return [Issue(**dates_library()[2].explain(built, c)) for c in mine]
