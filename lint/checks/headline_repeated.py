"""`headline-repeated`: the headline printed again as a paragraph of the body (a paste or template
slip that puts the headline on the page twice). Headings, list items and table cells are not
compared: a how-to's closing section or a table of documents may carry the story's title by design."""
from __future__ import annotations

from ..normalise import headline_key, text_key
from . import CheckKind, Param, register


@register
class HeadlineRepeated(CheckKind):
    name = "headline-repeated"
    summary = "flags a body paragraph that repeats the headline"
    params = {"min_words": Param("int", default=2, doc="headlines shorter than this are not compared")}
    fields = {
        "headline": "the headline",
        "headline_line": "the line of the headline",
    }

    def check(self, doc, rule):
        headline = doc.headline
        if headline is None:
            return
        key = headline_key(headline.text)
        if len(key.split()) < rule.params["min_words"]:
            return
        headline_line = doc.lines.position(headline.span.start)[0]
        for block in doc.blocks:
            if block.kind != "paragraph" or block.start <= headline.span.start < block.end:
                continue  # section headings, list items and table cells may name the story by design
            text = doc.block_text(block)
            if not len(key) // 2 <= len(text) <= 3 * len(key) + 40 or text_key(text) != key:
                continue  # lengths that cannot fold to the headline's are not normalised at all
            start = block.start + len(text) - len(text.lstrip())
            end = block.end - (len(text) - len(text.rstrip()))
            related = [doc.related(headline.span.start, headline.span.end, "headline")]
            yield rule.finding(doc.spot(start, end), related, headline=headline.text, headline_line=headline_line)
