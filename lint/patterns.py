"""User-supplied patterns, compiled with the `regex` engine so every match runs under a timeout: a
pathological pattern in a rule pack costs at most TIMEOUT seconds once per run (per worker
process), never a hung commit. A rule whose pattern timed out is not run again in that run: the
later files get a notice instead of another second each.

(google-re2 would need no timeout, but it has no lookaround or backreferences, which the whole-word
matching here and many house patterns use.)"""
from __future__ import annotations

from .params import ParamError

TYPE_CHECKING = False  # typing's flag, without importing typing on every start
if TYPE_CHECKING:
    import regex

TIMEOUT = 1.0

# Rules (by id) whose pattern timed out in this run; `new_run` forgets them.
_abandoned: set[str] = set()


def new_run():
    _abandoned.clear()


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
    """All matches of `pattern` in a document's prose; a timeout, in this file or an earlier one of
    the run, becomes an info finding instead."""
    if rule.id not in _abandoned:
        try:
            return finditer(pattern, doc.prose), []
        except PatternTimeout:
            _abandoned.add(rule.id)
            why = f"pattern took over {TIMEOUT:g} s and was abandoned"
    else:
        why = f"pattern took over {TIMEOUT:g} s on an earlier file and was abandoned for this run"
    notice = rule.finding(doc.spot(0, 0), level="info", message=f"{why}; this rule was not checked in this file")
    return [], [notice]
