"""`headline-duplicate`: two articles with the same or nearly the same headline.

"The same" is equality after folding case, punctuation, quotes and whitespace. "Nearly" is a
character similarity at or above the rule's threshold, tried only for headlines long enough that one
changed character cannot turn one story into another, and only between headlines that share most
of their words, so the comparison stays far from quadratic on an archive. Headlines that differ in
a number are never near duplicates: they are the parts of a series.
"""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from ..model import Finding, Location, Related
from ..normalise import headline_key
from . import CrossArticleKind, Param, register


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
    fields = ("headline", "other_path", "other_line", "count")

    def extract(self, doc, rule):
        if doc.headline is None:
            return []
        key = headline_key(doc.headline.text)
        if not key:
            return []
        loc = doc.location(doc.headline.span.start, doc.headline.span.end)
        return [(key, doc.headline.text, loc.line, loc.column, loc.end_line, loc.end_column)]

    def compare(self, records, rule, report_on):
        entries = [(rec[0], rec[1], Location(path, *rec[2:6])) for path in sorted(records) for rec in records[path]]
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
            yield Finding(rule.id, rule.level, rule.message.format_map(dict(
                headline=text, other_path=first.path, other_line=first.line, count=len(others))),
                location, related)

    @staticmethod
    def _near_keys(keys: list[str], wanted: set[str], params) -> list[tuple[str, str]]:
        """Pairs of distinct keys that are near duplicates, at least one of them in `wanted`."""
        threshold, min_length = params["similarity"], params["min_length"]
        long_keys = [k for k in keys if len(k) >= min_length]
        by_word = defaultdict(list)
        for index, key in enumerate(long_keys):
            for word in set(key.split()):
                by_word[word].append(index)
        found = []
        for index, key in enumerate(long_keys):
            if key not in wanted:
                continue
            words = set(key.split())
            shared = defaultdict(int)
            for word in words:
                postings = by_word[word]
                if len(postings) > 200:
                    continue  # too common to tell headlines apart
                for other in postings:
                    if other != index and (long_keys[other] not in wanted or other > index):
                        shared[other] += 1
            for other, count in shared.items():
                other_key = long_keys[other]
                if count < 0.6 * max(len(words), len(set(other_key.split()))):
                    continue
                if abs(len(key) - len(other_key)) > (1 - threshold) * max(len(key), len(other_key)) + 1:
                    continue
                if _numbers(key) != _numbers(other_key):
                    continue  # "Part 1" and "Part 2", "Day 50" and "Day 100": a series, not a copy
                if SequenceMatcher(None, key, other_key).ratio() >= threshold:
                    found.append((key, other_key))
        return found
