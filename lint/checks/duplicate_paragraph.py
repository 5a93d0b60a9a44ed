"""`duplicate-paragraph`: the same paragraph twice in one article, the mark of a paste error.

Only body paragraphs count: headings, list items and table cells repeat by design (a table of
contents, a checklist). A paragraph printed three or more times is deliberate boilerplate ("Please
scroll to the end to see the video"), so only a paragraph that occurs exactly twice is reported.
Numbers do not count towards a paragraph's length, and attribution lines ("— Name, Title") that
close several quotes are left alone.
"""
from __future__ import annotations

from collections import defaultdict

from ..normalise import headline_key, text_key
from . import CheckKind, Param, register


@register
class DuplicateParagraph(CheckKind):
    name = "duplicate-paragraph"
    summary = "flags a paragraph that repeats an earlier one verbatim"
    params = {"min_words": Param("int", default=12, doc="shorter paragraphs (bylines, 'Read more') may repeat")}
    fields = {
        "first_line": "the line of the first occurrence",
        "words": "the paragraph's length in words",
    }

    def check(self, doc, rule):
        own_headline = headline_key(doc.headline.text) if doc.headline else None
        occurrences = defaultdict(list)
        for block in doc.blocks:
            if block.kind != "paragraph":
                continue
            text = doc.block_text(block)
            key = text_key(text)
            words = sum(1 for w in key.split() if not w.isdigit())
            if words < rule.params["min_words"] or key == own_headline or text.lstrip()[:1] in "-–—":
                continue  # short, the headline (another rule's business), or a quote's attribution
            start = block.start + len(text) - len(text.lstrip())
            end = block.end - (len(text) - len(text.rstrip()))
            occurrences[key].append((start, end))
        for key, spans in occurrences.items():
            if len(spans) != 2:
                continue
            first, second = spans
            related = [doc.related(*first, "first occurrence")]
            yield rule.finding(doc.spot(*second), related, first_line=doc.lines.position(first[0])[0],
                               words=len(key.split()))
