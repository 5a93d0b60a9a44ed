"""Markdown reader: YAML front matter, then markdown-it-py for the block and inline structure.

Only text tokens the parser reports are kept as prose; code spans and blocks, link destinations,
images, inline HTML and markup punctuation stay masked. HTML blocks go through the HTML reader's
text extraction, so prose inside `<p>` or `<div>` still counts.
"""
from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from ..model import Document, Finding, Headline, Location, Span
from . import ProseBuilder, ReaderOptions, date_notice, front_matter_fields, input_finding, parse_date
from .html import HtmlProse

# libyaml's parser when PyYAML has it: front matter is parsed once per article, and the pure-Python
# scanner was the largest single cost of reading an archive.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_LOADER):
    """Safe loading where a timestamp no calendar has (February 30, hour 25) stays the text it was
    written as, for the reader to report, instead of stopping the article."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)
_FENCE = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n")
# text_join is off so that entities and escapes stay separate `text_special` tokens whose raw
# markup can be found in the source.
_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("text_join")
_CONTAINER_KINDS = {"list_item_open": "item", "th_open": "cell", "td_open": "cell"}


def read(path: str, source: str, options: ReaderOptions) -> Document:
    front_matter, key_lines, body_start, notices, title_span = _front_matter(path, source, options)
    # markdown-it reads CRLF as LF and NUL as U+FFFD; a CRLF would shift every later offset and a
    # NUL hide its line, so it is given the text with each CRLF as " \n" (the same length: a
    # trailing space means nothing to it) and each NUL as U+FFFD, and the prose is taken from that
    view = source.replace("\r\n", " \n") if "\r" in source else source
    view = view.replace("\x00", "\ufffd") if "\x00" in view else view
    builder = ProseBuilder(view)
    headings: list[tuple[int, Span]] = []
    _collect_prose(view, body_start, builder, headings)
    prose, blocks = builder.build()

    headline = None
    key = front_matter_fields(front_matter, options.headline_keys)
    if key is not None and isinstance(front_matter[key], str) and front_matter[key].strip():
        headline = Headline(front_matter[key].strip(), title_span or Span(0, 0), "front-matter")
    else:
        for level, span in headings:
            if level == 1:
                headline = Headline(prose[span.start:span.end].strip(), span, "heading")
                break

    published = None
    date_key = front_matter_fields(front_matter, options.date_keys)
    if date_key is not None and front_matter[date_key] is not None:
        try:
            published = parse_date(front_matter[date_key])
        except ValueError as exc:
            line = key_lines.get(str(date_key), 1)
            written = f"'{date_key}: {_shown(front_matter[date_key])}'"
            notices.append(date_notice(Location(path, line, 1, line, 1), written, exc))
    doc = Document(
        path=path, source=source, format="markdown", prose=prose, blocks=blocks,
        front_matter=front_matter, front_matter_lines=key_lines, headline=headline,
        published=published, published_origin="front-matter" if published else None,
    )
    doc.notices.extend(notices)
    return doc


def _front_matter(path: str, source: str, options: ReaderOptions):
    """Parse a leading YAML block; returns fields, key lines, body offset, notices, title span."""
    match = _FENCE.match(source)
    if not match:
        return {}, {}, 0, [], None
    fence = match.group(1)
    closing = re.compile(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*\r?$", re.MULTILINE)
    end = closing.search(source, match.end())
    if end is None:
        return {}, {}, 0, [_notice(path, 1, "front matter opened with '---' on line 1 is never closed")], None
    body_start = end.end()
    if fence == "+++":  # TOML front matter: masked, not interpreted
        return {}, {}, body_start, [], None
    text = source[match.end():end.start()]

    def line_at(index: int) -> int:  # YAML's own line count takes U+2028 and NEL for line breaks
        return source.count("\n", 0, match.end() + index) + 1

    try:
        node = yaml.compose(text, Loader=_LOADER)
        fields = _FrontMatterLoader("").construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = line_at(mark.index) if mark else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return {}, {}, body_start, [_notice(path, line, f"malformed front matter: {problem}")], None
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError, RecursionError) as exc:
        # a value its explicit tag cannot make (`!!int abc`), or nesting too deep to build
        message = f"malformed front matter: a value cannot be read ({type(exc).__name__}: {exc})"
        return {}, {}, body_start, [_notice(path, 2, message[:200])], None
    if not isinstance(fields, dict) or not isinstance(node, yaml.MappingNode):
        return {}, {}, body_start, [_notice(path, 2, "front matter is not a mapping of keys to values")], None
    key_lines, title_span = {}, None
    headline_keys = {k.lower() for k in options.headline_keys}
    for key_node, value_node in node.value:
        key_lines[str(key_node.value)] = line_at(key_node.start_mark.index)
        if title_span is None and str(key_node.value).lower() in headline_keys and isinstance(value_node, yaml.ScalarNode):
            start = match.end() + value_node.start_mark.index
            stop = match.end() + value_node.end_mark.index
            if value_node.style in ("\"", "'"):  # quoted: the span is inside the one pair of quotes
                start, stop = start + 1, stop - 1
            elif value_node.style in ("|", ">"):  # block scalar: the text after the indicator line
                raw = source[start:stop]
                body = raw[raw.find("\n") + 1:] if "\n" in raw else ""
                start += len(raw) - len(body) + len(body) - len(body.lstrip())
                stop = start + len(body.strip())
            title_span = Span(start, stop)
    return fields, key_lines, body_start, [], title_span


def _shown(value) -> str:
    """A front-matter value as it was written, near enough, and short."""
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _notice(path: str, line: int, message: str) -> Finding:
    return input_finding("input.front-matter", "error", message, Location(path, line, 1, line, 1))


def _collect_prose(source: str, body_start: int, builder: ProseBuilder, headings: list):
    body = source[body_start:]
    line_starts = [0]
    for m in re.finditer("\n", body):
        line_starts.append(m.end())
    tokens = _PARSER.parse(body)
    heading_level = None
    containers: list[str] = []
    cursor = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = None
        elif token.type in _CONTAINER_KINDS:
            containers.append(_CONTAINER_KINDS[token.type])
        elif token.type in ("list_item_close", "th_close", "td_close"):
            containers.pop()
        if token.map is not None:
            cursor = max(cursor, line_starts[token.map[0]])
        if token.type == "html_block":
            start = line_starts[token.map[0]]
            HtmlProse(builder, body_start + start).feed_all(token.content)
            continue
        if token.type != "inline":
            continue
        cursor = _inline_prose(body, body_start, token, cursor, builder)
        kind = "heading" if heading_level is not None else (containers[-1] if containers else "paragraph")
        block = builder.end_block(kind)
        if heading_level is not None and block is not None:
            headings.append((heading_level, block))


def _inline_prose(body: str, offset: int, token, cursor: int, builder: ProseBuilder):
    """Locate each line of an inline token in the body, then its text children within the lines."""
    segments = []  # (content_start, body_start, length) for each located content line
    content_pos = 0
    for line in token.content.split("\n"):
        found = body.find(line, cursor) if line else -1
        if found >= 0:
            segments.append((content_pos, found, len(line)))
            cursor = found + len(line)
        content_pos += len(line) + 1

    def to_body(pos: int) -> int | None:
        for c_start, b_start, length in segments:
            if c_start <= pos <= c_start + length:
                return b_start + pos - c_start
        return None

    search_from = 0
    content = token.content
    for child in token.children or ():
        if child.type == "code_inline":
            found = content.find(child.content, search_from)
            if found >= 0:
                search_from = found + len(child.content)
            continue
        if child.type == "text_special":
            raw = child.markup  # an entity or escape as written: kept as prose, verbatim
        elif child.type == "text":
            raw = child.content
        else:
            continue
        found = content.find(raw, search_from) if raw else -1
        if found < 0:
            continue
        search_from = found + len(raw)
        start, end = to_body(found), to_body(found + len(raw))
        if start is not None and end is not None:
            builder.add(offset + start, offset + end)
    return cursor
