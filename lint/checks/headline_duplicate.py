"""`headline-duplicate`: two articles with the same or nearly the same headline.

"The same" is equality after folding case, punctuation, quotes and whitespace. "Nearly" is a
character similarity at or above the rule's threshold, tried only for headlines long enough that one
changed character cannot turn one story into another, and only between headlines that differ by one
word or by their spacing (they share a blocking key), so the comparison grows with the archive, not
with its square. Headlines that differ in a number are never near duplicates: they are the parts of
a series.
"""
from __future__ import annotations

from collections import defaultdict, namedtuple

from ..model import Location, Related, Spot
from ..normalise import headline_key
from . import CrossArticleKind, Param, register


class HeadlineUse(namedtuple("HeadlineUse", "key text place")):
    """An article's headline: its comparison key, its text and its place (line, column, end line,
    end column)."""

    __slots__ = ()


def _numbers(key: str) -> list[str]:
    return sorted(w for w in key.split() if any(c.isdigit() for c in w))


@register
class HeadlineDuplicate(CrossArticleKind):
    name = "headline-duplicate"
    summary = "flags articles that share a headline, exactly or nearly"
    params = {
        "similarity": Param("float", default=0.95, doc="0-1; headlines at least this similar count as the same"),
        "min_length": Param("int", default=30, doc="shorter headlines must match exactly to count"),
    }
    fields = {
        "headline": "this article's headline",
        "other_path": "the first other article with it",
        "other_line": "the line of the headline there",
        "count": "how many other articles share it",
    }
    hops = 1

    def term(self, record):
        return record.key

    def restored(self, values):
        return HeadlineUse._make(values)

    def term_keys(self, term, rule):
        return _blocking_keys(term) if len(term) >= rule.params["min_length"] else ("d:" + term,)

    def extract(self, doc, rule):
        if doc.headline is None:
            return []
        key = headline_key(doc.headline.text)
        if not key:
            return []
        place = doc.location(doc.headline.span.start, doc.headline.span.end).place()
        return [HeadlineUse(key, doc.headline.text, place)]

    def compare(self, records, rule, report_on):
        entries = [(use.key, use.text, Location(path, *use.place)) for path in sorted(records) for use in records[path]]
        groups = defaultdict(list)
        for entry in entries:
            groups[entry[0]].append(entry)
        pairs = defaultdict(set)  # index -> indices of its duplicates
        keys = list(groups)
        for members in groups.values():
            for a in members:
                for b in members:
                    if a[2].path != b[2].path:
                        pairs[id(a)].add(id(b))
        by_id = {id(e): e for e in entries}
        wanted = {e[0] for e in entries if e[2].path in report_on}
        for a_key, b_key in self._near_keys(keys, wanted, rule.params):
            for a in groups[a_key]:
                for b in groups[b_key]:
                    if a[2].path != b[2].path:
                        pairs[id(a)].add(id(b))
                        pairs[id(b)].add(id(a))
        for entry_id, others in pairs.items():
            key, text, location = by_id[entry_id]
            if location.path not in report_on:
                continue
            others = sorted((by_id[o] for o in others), key=lambda e: (e[2].path, e[2].line))
            related = [Related(o[2], f"same headline: {o[1]}") for o in others[:5]]
            first = others[0][2]
            yield rule.finding(Spot(location), related, headline=text, other_path=first.path,
                               other_line=first.line, count=len(others))

    @staticmethod
    def _near_keys(keys: list[str], wanted: set[str], params) -> list[tuple[str, str]]:
        """Pairs of distinct keys that are near duplicates, at least one of them in `wanted`."""
        from difflib import SequenceMatcher

        threshold, min_length = params["similarity"], params["min_length"]
        blocks = defaultdict(list)
        for key in keys:
            if len(key) >= min_length:
                for block in _blocking_keys(key):
                    blocks[block].append(key)
        found = set()
        for members in blocks.values():
            if len(members) < 2 or not wanted.intersection(members):
                continue
            for i, key in enumerate(members):
                for other in members[i + 1:]:
                    if key == other or (key not in wanted and other not in wanted):
                        continue
                    pair = (key, other) if key < other else (other, key)
                    if pair in found or _numbers(key) != _numbers(other):
                        continue  # "Part 1" and "Part 2", "Day 50" and "Day 100": a series, not a copy
                    if abs(len(key) - len(other)) > (1 - threshold) * max(len(key), len(other)) + 1:
                        continue  # a word added that changes the length this much makes another headline
                    if SequenceMatcher(None, key, other).ratio() >= threshold:
                        found.add(pair)
        return sorted(found)


def _blocking_keys(key: str) -> set[str]:
    """Keys two near-duplicate headlines share: the headline without its spaces ("check up" and
    "checkup"), and the headline with any one word left out (one word changed, added or dropped)."""
    words = key.split()
    blocks = {"s:" + "".join(words), "d:" + key}
    if len(words) > 2:
        blocks.update("d:" + " ".join(words[:i] + words[i + 1:]) for i in range(len(words)))
    return blocks
