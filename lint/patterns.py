"""User-supplied patterns, compiled with the `regex` engine so every match runs under a timeout:
a pathological pattern in a rule pack costs at most TIMEOUT seconds per document, never a hung commit."""
from __future__ import annotations

from .params import ParamError

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    import regex

TIMEOUT = 1.0


class PatternTimeout(Exception):
    pass


def compile_user(pattern: str, name: str, ignorecase: bool = False) -> regex.Pattern:
    import regex  # only runs that load pattern rules pay for importing the engine

    try:
        return regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
    except regex.error as exc:
        error = ParamError(f"parameter '{name}': bad regular expression {pattern!r}: {exc}")
        error.param = name  # lets the rule loader point at the parameter's own line
        raise error from None


def word_alternation(words: list[str], name: str, ignorecase: bool = False) -> regex.Pattern:
    """A pattern matching any of `words` as whole words, longest first."""
    if not words:
        raise ParamError(f"parameter '{name}' must not be empty")
    import regex

    body = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return compile_user(rf"(?<![\w-])(?:{body})(?![\w-])", name, ignorecase)


def finditer(pattern: regex.Pattern, text: str):
    try:
        return list(pattern.finditer(text, timeout=TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def search_prose(doc, rule, pattern: regex.Pattern):
    """All matches of `pattern` in a document's prose; a timeout becomes an info finding instead."""
    try:
        return finditer(pattern, doc.prose), []
    except PatternTimeout:
        notice = rule.finding(doc.spot(0, 0), level="info", message=f"pattern took over {TIMEOUT:g} s and was "
                              "abandoned; this rule was not checked in this file")
        return [], [notice]
