"""Fuzzing: whatever the articles and rule packs hold, the linter answers with findings or a one-line
error, never a traceback or an "internal error".

Documents are Markdown, text and HTML, with and without front matter (and dates in it that may not
exist), built from pieces of real article structure and random text, with random line endings,
byte order marks, stray NULs and bad bytes; they go through the real command line, `lint.cli.main`.
Rule packs are random YAML shaped like packs; they go through the rule loader and the command line.

The "ci" profile (the default) is bounded and reproducible; HYPOTHESIS_PROFILE=deep explores more.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import cli, ruleset
from lint.checks import load_all
from lint.documents import ReaderOptions, read_document
from lint.model import LintError

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("deep", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# --- documents ---------------------------------------------------------------------------------

WORDS = ["The", "council", "met", "on", "Tuesday", "March", "7", "2025", "February", "30", "said", "the",
         "the", "Zelenskyy", "Zelensky", "yesterday", "last", "week", "Kyiv", "Share", "ua", "en", "ru",
         "coincided", "with", "after", "before", "two", "days", "Mr.", "Musiienko", "Musienko", "Friday,",
         "December", "28", "per", "cent", "percent", "—", "“quoted”", "(", ")", ".", ",", "«", "»", "é", "ß",
         "中文", "🙂", "&amp;", "&#8217;", "\\", "*", "_", "`", "#", "|", "<b>", "</b>", "<!--", "-->",
         "lint-disable", "{{", "}}", "https://example.org/x", "a@b.org"]
BREAKS = ["\n", "\r\n", "\r", "\r\r", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\x0c", "\x0b", "\x85"]
STRUCTURE = ["# ", "## ", "- ", "1. ", "> ", "```\n", "    ", "| a | b |\n|---|---|\n| ", "<p>", "</p>",
             "<div>", "</div>", "<h1>", "</h1>", "<script>", "</script>", "<meta name=\"date\" content=\"",
             "\">", "<title>", "</title>", "<!-- lint-disable-next-line -->", "<!-- lint-enable -->", "---\n",
             "+++\n", "[link](", "![img](", ")"]

text_piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(BREAKS), st.sampled_from(STRUCTURE),
                       st.text(max_size=12))
body = st.lists(text_piece, max_size=120).map(" ".join)

date_value = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(str),
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32)),
    st.builds("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}".format, st.integers(1, 9999), st.integers(1, 12),
              st.integers(1, 31), st.integers(0, 99), st.integers(0, 99)),
    st.sampled_from(["yesterday", "12345", "", "~", "null", "[1, 2]", "{a: b}", "!!int abc", "!!timestamp x",
                     "'2025-02-30'", "2025-03-07 10:00:00 -0500", "Fri, 07 Mar 2025 10:00:00 GMT", "&a [*a]"]),
    st.text(max_size=20),
)
front_matter = st.lists(st.tuples(st.sampled_from(["title", "date", "published", "pubDate", "headline", "tags",
                                                   "x", "date"]),
                                  st.one_of(date_value, body.map(json.dumps))), max_size=5).map(
    lambda fields: "---\n" + "".join(f"{key}: {value}\n" for key, value in fields) + "---\n")


@st.composite
def document(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".md", ".txt", ".html", ".markdown", ".htm"]))
    text = draw(st.one_of(st.just(""), front_matter)) + draw(body)
    if suffix in (".html", ".htm") and draw(st.booleans()):
        text = f"<html><head><meta name=\"date\" content=\"{draw(date_value)}\"></head><body>{text}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # stray or hostile bytes: NUL, bad UTF-8, a BOM in the middle, random
        position = draw(st.integers(0, len(data)))
        junk = draw(st.one_of(st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\xff\xfe", b"\r"]),
                              st.binary(max_size=16)))
        data = data[:position] + junk + data[position:]
    return suffix, data


@contextlib.contextmanager
def inside(directory: str):
    """chdir for the block (contextlib.chdir is Python 3.11 only)."""
    before = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


def lint(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def assert_answered(code: int, err: str):
    assert code in (0, 1, 2), code
    assert "internal error" not in err and "Traceback" not in err, err


@settings(max_examples=settings().max_examples)
@given(documents=st.lists(document(), min_size=1, max_size=3), fmt=st.sampled_from(["json", "text", "sarif", "github"]),
       extra=st.sampled_from([[], ["--no-cache"], ["--diff"], ["--published", "2025-03-18"]]))
def test_no_document_makes_the_linter_fail(documents, fmt, extra):
    with tempfile.TemporaryDirectory() as top, inside(top):
        names = []
        for number, (suffix, data) in enumerate(documents):
            Path(f"a{number}{suffix}").write_bytes(data)
            names.append(f"a{number}{suffix}")
        code, out, err = lint("--format", fmt, *extra, *names)
        assert_answered(code, err)
        if fmt == "json" and "--diff" not in extra:
            assert json.loads(out)["files_checked"] <= len(names)


SHIPPED = ruleset.load_rules(ruleset.pack_files(ruleset.builtin_pack_dir(), "rules")).rules


@settings(max_examples=settings().max_examples * 3)
@given(suffix=st.sampled_from([".md", ".txt", ".html"]),
       data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      document().map(lambda d: d[1])))
def test_no_bytes_make_a_reader_or_a_check_fail(suffix, data):
    try:
        doc = read_document(Path("a" + suffix), "a" + suffix, ReaderOptions(), data)
    except LintError:  # a binary file, skipped
        return
    assert len(doc.prose) == len(doc.source)
    for rule in SHIPPED:
        if rule.kind.cross_article:
            rule.kind.compare({"a": rule.kind.extract(doc, rule)}, rule, {"a"})
        else:
            list(rule.kind.check(doc, rule))


# --- rule packs --------------------------------------------------------------------------------

KINDS = sorted(load_all())
scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 100), st.floats(allow_nan=False, width=32),
                   st.text(max_size=15), st.sampled_from(["(x+x+)+y", "[", "zebra", "{match}", "{nope}", "a{", ""]),
                   st.dates().map(str))
value = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                     max_leaves=8)
example_docs = st.lists(st.one_of(body, st.lists(body, min_size=1, max_size=2)), max_size=2)
rule_entry = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.sampled_from(["house.zebra", "house.zebra", "x.y", "Bad Id", "a.b.c"]), st.text(max_size=10)),
        "check": st.one_of(st.sampled_from(KINDS), st.text(max_size=8)),
        "level": st.one_of(st.sampled_from(["error", "warning", "info"]), scalar),
        "message": st.one_of(st.sampled_from(["found {match}", "{word}", "{0}", "{match!r}", "{", "x"]), scalar),
        "description": st.one_of(st.text(max_size=30), scalar),
        "why": value,
        "examples": st.one_of(st.fixed_dictionaries({"flag": example_docs, "pass": example_docs}), value),
        "tokens": st.one_of(st.lists(st.sampled_from(["zebra", "the", "", "a b", "("]), max_size=3), value),
        "pattern": st.one_of(st.sampled_from(["zebra", "(", "(x+x+)+y", "(?<=a+)b", "\\"]), value),
        "swap": st.one_of(st.dictionaries(st.sampled_from(["per cent", "grey", "", "x"]),
                                          st.sampled_from(["percent", "gray", ""]), max_size=2), value),
        "either": value, "allow": value, "ignorecase": value, "min_words": value, "similarity": value,
        "spellings": value, "events": value, "offices": value, "accepted": value,
        "junk": value,
    })
pack = st.one_of(
    st.fixed_dictionaries({"rules": st.lists(rule_entry, max_size=3)},
                          optional={"description": value, "extra": value}),
    value)


def dump(data) -> str:
    text = yaml.safe_dump(data, allow_unicode=True)
    return text


@settings(max_examples=settings().max_examples)
@given(data=pack, mangle=st.one_of(st.none(), st.tuples(st.integers(0, 400), st.sampled_from(
    ["\t", ":", "- ", "'", "\"", "&a ", "*a", "!!python/object:os.system ", "\x00", "\r", "{", "\n  - "]))))
def test_no_rule_pack_makes_the_loader_fail(data, mangle):
    text = dump(data)
    if mangle:
        position, insert = mangle
        text = text[:position] + insert + text[position:]
    with tempfile.TemporaryDirectory() as top, inside(top):
        Path("pack.yaml").write_text(text, encoding="utf-8")
        try:
            ruleset.load_rules([(Path("pack.yaml"), "pack.yaml")])
        except LintError as exc:
            assert str(exc).startswith("pack.yaml"), exc
        Path(".lint.yaml").write_text("builtin-rules: false\nrules: [pack.yaml]\n", encoding="utf-8")
        Path("a.md").write_text("A zebra, the the grey per cent.\n", encoding="utf-8")
        code, _, err = lint("--no-cache", "a.md")
        assert_answered(code, err)
        if code == 2:
            assert len(err.splitlines()) == 1 and err.startswith("lint: "), err
