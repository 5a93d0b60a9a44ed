"""Plain-text reader: paragraphs are separated by blank lines; the headline is the first line that
reads as one (navigation residue such as a line of language codes is passed over)."""
from __future__ import annotations

import re

from ..model import Document, Headline, Span
from . import ProseBuilder, ReaderOptions

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")
_HEADLINE_LINES = 5  # a headline is looked for among the first few non-blank lines


def read(path: str, source: str, options: ReaderOptions) -> Document:
    builder = ProseBuilder(source)
    for match in _PARAGRAPH.finditer(source):
        if match.group(0).strip():
            builder.add(match.start(), match.end())
            builder.end_block()
    prose, blocks = builder.build()
    return Document(path=path, source=source, format="text", prose=prose, blocks=blocks,
                    headline=_headline(source))


def _headline(source: str) -> Headline | None:
    seen = 0
    for match in re.finditer(r"[^\n]+", source):
        line = match.group(0).strip()
        if not line:
            continue
        seen += 1
        if seen > _HEADLINE_LINES:
            break
        if _reads_as_headline(line):
            start = match.start() + match.group(0).index(line)
            return Headline(line, Span(start, start + len(line)), "first-line")
    return None


def _reads_as_headline(line: str) -> bool:
    """A headline has a capital letter and a real word; a line of language codes has neither."""
    return any(c.isupper() for c in line) and any(len(w) > 3 for w in line.split()) and len(line) <= 200
