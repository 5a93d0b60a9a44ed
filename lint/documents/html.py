"""HTML reader, and the text extraction the Markdown reader reuses for its HTML blocks.

The standard library's tokenizer reports where each run of text starts; with character references
left unconverted every run is verbatim source, so its offsets are exact. Tags, attributes,
comments, scripts, styles and code are never prose.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..model import Document, Headline, Span
from . import ProseBuilder, ReaderOptions, date_notice, parse_date

BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "blockquote", "dt", "dd",
    "figcaption", "caption", "section", "article", "header", "footer", "aside", "main", "nav", "br",
    "ul", "ol", "table", "figure", "hr", "title", "body", "html", "head",
}
BLOCK_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
               "h6": "heading", "li": "item", "dd": "item", "dt": "item", "td": "cell", "th": "cell"}
SKIP_TAGS = {"script", "style", "code", "pre", "template", "noscript", "svg", "math", "kbd", "samp",
             "textarea", "head", "title"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
DATE_META = {"article:published_time", "date", "pubdate", "publish-date", "publishdate", "dc.date",
             "dc.date.issued", "dcterms.date", "og:published_time"}


class HtmlProse(HTMLParser):
    """Feeds HTML and records its prose text runs into a ProseBuilder, one block per block tag."""

    def __init__(self, builder: ProseBuilder, offset: int = 0):
        super().__init__(convert_charrefs=False)
        self.builder, self.base = builder, offset
        self.open_skips: list[str] = []
        self.capture: dict[str, list[Span]] = {}  # tag -> spans of text inside its first occurrence
        self._capturing: str | None = None
        self.meta: dict[str, tuple[str, str, int]] = {}  # "date" -> (meta name, content, offset)
        self.kind = "paragraph"
        self._line_starts: list[int] = [0]

    def feed_all(self, text: str):
        # the tokenizer reports (line, column), counting LF alone as a line break
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.feed(text)
        self.close()
        self.builder.end_block(self.kind)

    def _here(self) -> int:
        line, col = self.getpos()
        return self.base + self._line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.builder.end_block(self.kind)
            self.kind = BLOCK_KINDS.get(tag, "paragraph")
        if tag == "meta":
            attrs = dict(attrs)
            name = (attrs.get("property") or attrs.get("name") or "").lower()
            if name in DATE_META and attrs.get("content"):
                self.meta.setdefault("date", (name, attrs["content"], self._here()))
        if tag in ("h1", "title") and tag not in self.capture:
            self.capture[tag] = []
            self._capturing = tag
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.open_skips.append(tag)

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.builder.end_block(self.kind)
            self.kind = "paragraph"
        if tag == self._capturing:
            self._capturing = None
        if tag in self.open_skips:
            while self.open_skips and self.open_skips.pop() != tag:
                pass

    def handle_data(self, data):
        start = self._here()
        if self._capturing:
            self.capture[self._capturing].append(Span(start, start + len(data)))
        if not self.open_skips:
            self.builder.add(start, start + len(data))


def read(path: str, source: str, options: ReaderOptions) -> Document:
    builder = ProseBuilder(source)
    parser = HtmlProse(builder)
    parser.feed_all(source)
    prose, blocks = builder.build()

    headline = None
    for tag in ("h1", "title"):
        spans = parser.capture.get(tag)
        if spans:
            span = Span(spans[0].start, spans[-1].end)
            text = " ".join(html.unescape(source[span.start:span.end]).split())
            if text:
                headline = Headline(text, span, "heading" if tag == "h1" else "title")
                break
    doc = Document(path=path, source=source, format="html", prose=prose, blocks=blocks, headline=headline)
    if "date" in parser.meta:
        name, content, offset = parser.meta["date"]
        try:
            doc.published, doc.published_origin = parse_date(html.unescape(content)), "front-matter"
        except ValueError as exc:
            doc.notices.append(date_notice(doc.location(offset), f"the page's date meta tag ({name}: '{content}')", exc))
    return doc
