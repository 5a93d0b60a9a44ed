"""`duplicate-paragraph`: the same paragraph twice in one article, the mark of a paste error."""
from __future__ import annotations

from ..model import Related
from ..normalise import text_key
from . import CheckKind, Param, register


@register
class DuplicateParagraph(CheckKind):
    name = "duplicate-paragraph"
    summary = "flags a paragraph that repeats an earlier one verbatim"
    params = {"min_words": Param("int", default=8, doc="shorter paragraphs (bylines, 'Read more') may repeat")}
    fields = ("first_line", "words")

    def check(self, doc, rule):
        headline_key = text_key(doc.headline.text) if doc.headline else None
        seen = {}
        for block in doc.blocks:
            text = doc.block_text(block)
            key = text_key(text)
            words = len(key.split())
            if words < rule.params["min_words"] or key == headline_key:
                continue
            start = block.start + len(text) - len(text.lstrip())
            end = block.end - (len(text) - len(text.rstrip()))
            if key not in seen:
                seen[key] = (start, end)
                continue
            first = seen[key]
            related = [Related(doc.location(*first), "first occurrence")]
            yield rule.finding(doc, start, end, related, first_line=doc.lines.position(first[0])[0], words=words)
