"""Readers: headlines with exact positions, what counts as prose, offsets back into the source, and
bad input that must never raise a traceback."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lint.documents import BinaryFile, ReaderOptions, read_document
from lint.model import LintError

from corehelp import rule, run, run_json, write, write_project

CHECKOUT = Path(__file__).resolve().parent.parent
SEED = CHECKOUT / "seeds" / "000_897c2a44bb649566.txt"


def read(text: str, name: str = "x.md", options: ReaderOptions = ReaderOptions()):
    return read_document(Path(name), name, options, text.encode("utf-8"))


def headline_at(doc):
    """The headline's text and its (line, column, end line, end column) in the source."""
    loc = doc.location(doc.headline.span.start, doc.headline.span.end)
    return doc.headline.text, (loc.line, loc.column, loc.end_line, loc.end_column), doc.headline.origin


# --- headlines ---------------------------------------------------------------------------------

def test_front_matter_title_is_the_headline_with_its_position():
    doc = read('---\nauthor: Ann\ntitle: "Bridge reopens after repairs"\n---\n# Another heading\n\nBody.\n')
    assert headline_at(doc) == ("Bridge reopens after repairs", (3, 9, 3, 37), "front-matter")
    assert doc.front_matter_lines == {"author": 2, "title": 3}


def test_unquoted_title_and_headline_key():
    doc = read("---\nheadline: Bridge reopens\n---\nBody.\n")
    assert headline_at(doc) == ("Bridge reopens", (2, 11, 2, 25), "front-matter")


@pytest.mark.parametrize("value,shown,position", [
    ('"\'Quoted\' words here"', "'Quoted' words here", (2, 9, 2, 28)),
    ("'It''s here'", "It''s here", (2, 9, 2, 19)),
    ('"Bridge"   # a comment', "Bridge", (2, 9, 2, 15)),
    ("Plain title", "Plain title", (2, 8, 2, 19)),
    (">-\n  Folded title\n  over two", "Folded title\n  over two", (3, 3, 4, 11)),
    ('"Café reopens"', "Café reopens", (2, 9, 2, 21)),
])
def test_title_span_covers_exactly_the_title(value, shown, position):
    doc = read(f"---\ntitle: {value}\n---\nBody.\n")
    assert doc.source[doc.headline.span.start:doc.headline.span.end] == shown
    assert headline_at(doc)[1] == position


def test_h1_is_the_headline_without_a_title():
    doc = read("---\ndate: 2026-11-20\n---\n\n## Not this\n\n# Bridge  reopens\n\nBody.\n")
    text, (line, column, _, _), origin = headline_at(doc)
    assert (text, line, origin) == ("Bridge  reopens", 7, "heading")
    assert column == 3


def test_configured_headline_keys():
    doc = read("---\ntitle: Section page\nhed: Bridge reopens\n---\nBody.\n",
               options=ReaderOptions(headline_keys=("hed",)))
    assert headline_at(doc)[0] == "Bridge reopens"


def test_html_h1_then_title():
    doc = read("<html><head><title>Site | Bridge</title></head>\n<body>\n<h1>Bridge &amp; road</h1>\n"
               "<p>Body text.</p></body></html>\n", "x.html")
    assert headline_at(doc) == ("Bridge & road", (3, 5, 3, 22), "heading")
    doc = read("<html><head><title>Bridge reopens</title></head><body><p>Body.</p></body></html>\n", "x.html")
    assert headline_at(doc) == ("Bridge reopens", (1, 20, 1, 34), "title")
    assert "Bridge" not in doc.prose  # the title is not body prose


def test_plain_text_skips_navigation_residue():
    doc = read_document(SEED, "seed.txt", ReaderOptions())
    text, (line, column, _, _), origin = headline_at(doc)
    assert line == 3 and column == 1 and origin == "first-line"
    assert text == "Ceasefire talks vs. missile strikes: What Russia does while Trump negotiates"


def test_date_keys_give_the_publication_date():
    doc = read("---\npubDate: 2026-03-07\n---\nBody.\n")
    assert doc.published == dt.date(2026, 3, 7) and doc.published_origin == "front-matter"
    doc = read("---\nwhen: 2026-03-07\n---\nBody.\n", options=ReaderOptions(date_keys=("when",)))
    assert doc.published == dt.date(2026, 3, 7)
    doc = read("Body.\n", "x.txt", ReaderOptions(published=dt.date(2026, 11, 25)))
    assert doc.published == dt.date(2026, 11, 25) and doc.published_origin == "option"


# --- what counts as prose ----------------------------------------------------------------------

MARKUP = """---
title: Notes
zebra: front-matter key
tags: [zebra]
---
Intro with `zebra` inline code and a [link](https://example.com/zebra) and https://zebra.example.org/x.

```
zebra in a fence
```

    zebra in an indented code block

<!-- zebra in a comment -->

<div class="zebra" data-zebra="1">A div.</div>

{{< figure src="zebra.jpg" caption="zebra" >}}

{% include zebra.html %}

Some <span title="zebra">inline html</span> and ![zebra](zebra.png) and mail zebra@example.com.

The zebra in prose.
"""


@pytest.fixture
def zebra_project(tmp_path, monkeypatch):
    write_project(tmp_path, rule("house.zebra", "existence", "avoid {match}", tokens=["zebra"]))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_only_prose_is_checked(zebra_project, capsys):
    write(zebra_project / "m.md", MARKUP)
    code, data, _ = run_json(capsys, "m.md")
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(24, 5)]


def test_html_markup_is_not_prose(zebra_project, capsys):
    write(zebra_project / "p.html", '<html><head><title>zebra</title><style>.zebra{}</style></head>\n'
          '<body><p class="zebra">Text <a href="/zebra">here</a>.</p><!-- zebra -->\n'
          '<script>var zebra = 1;</script><pre>zebra</pre><code>zebra</code>\n'
          '<p>A zebra.</p></body></html>\n')
    _, data, _ = run_json(capsys, "p.html")
    assert [(f["line"], f["column"]) for f in data["findings"]] == [(4, 6)]


@pytest.mark.parametrize("text,where", [
    ("---\ntitle: T\n---\nOne.\n\nTwo.\n\nThird has a zebra.\n", (8, 13)),
    ("Caf&eacute; &amp; zebra.\n", (1, 19)),
    ("Intro.\n\n- first\n- second zebra\n", (4, 10)),
    ("| a | b |\n|---|---|\n| x | the zebra |\n", (3, 11)),
    ("> quoted\n> the zebra\n", (2, 7)),
    ("Text.\n\n1. one\n   continued zebra\n", (4, 14)),
    ("# The zebra heading\n", (1, 7)),
    ("Line **bold zebra** end.\n", (1, 13)),
    ("\ufeffA zebra.\n", (1, 3)),
    ("A\r\nzebra.\r\n", (2, 1)),
])
def test_offsets_map_back_to_the_source(zebra_project, capsys, text, where):
    (zebra_project / "o.md").write_bytes(text.encode("utf-8"))
    _, data, _ = run_json(capsys, "o.md")
    found = [(f["line"], f["column"]) for f in data["findings"]]
    assert found == [where]
    line, column = where
    source_line = text.lstrip("\ufeff").split("\n")[line - 1]
    assert source_line[column - 1:column + 4].lower() == "zebra"


def test_offsets_in_html_and_text(zebra_project, capsys):
    write(zebra_project / "h.html", "<p>One.</p>\n<ul>\n  <li>Caf&eacute; zebra</li>\n</ul>\n")
    write(zebra_project / "t.txt", "ua en ru\n\nHeadline Here\n\nA paragraph\nthat has a zebra.\n")
    _, data, _ = run_json(capsys, "h.html", "t.txt")
    assert [(f["path"], f["line"], f["column"]) for f in data["findings"]] == [("h.html", 3, 19), ("t.txt", 6, 12)]


def test_blocks_have_kinds():
    doc = read("# Head\n\nPara.\n\n- item\n\n| a |\n|---|\n| cell |\n\n> quote\n")
    kinds = [(b.kind, doc.block_text(b).strip()) for b in doc.blocks]
    assert kinds == [("heading", "Head"), ("paragraph", "Para."), ("item", "item"), ("cell", "a"),
                     ("cell", "cell"), ("paragraph", "quote")]
    assert len(doc.prose) == len(doc.source)


# --- bad input ---------------------------------------------------------------------------------

def test_binary_file_is_skipped_with_one_line(zebra_project, capsys):
    (zebra_project / "bin.md").write_bytes(b"zebra\x00\x01\x02")
    write(zebra_project / "ok.md", "zebra\n")
    code, data, err = run_json(capsys, "bin.md", "ok.md")
    assert code == 1 and err == ""
    assert data["files_checked"] == 1
    assert [(f["path"], f["rule"], f["message"]) for f in data["findings"]] == [
        ("bin.md", "input.skipped", "skipped: binary file"), ("ok.md", "house.zebra", "avoid zebra")]
    code, _, _ = run(capsys, "--fail-on", "error", "bin.md", "ok.md")
    assert code == 0  # --fail-on decides
    with pytest.raises(BinaryFile):
        read_document(Path("b.md"), "b.md", ReaderOptions(), b"\x00")


def test_cp1252_file_gets_an_encoding_finding(zebra_project, capsys):
    (zebra_project / "w.md").write_bytes(b"Title line\n\nThe caf\xe9 had a zebra.\n")
    code, data, err = run_json(capsys, "w.md")
    assert err == ""
    assert [(f["rule"], f["level"], f["line"], f["column"]) for f in data["findings"]] == [
        ("input.encoding", "warning", 3, 1), ("house.zebra", "warning", 3, 16)]
    assert data["findings"][0]["message"] == "file is not valid UTF-8 (first bad byte at line 3); read as cp1252"
    code, out, _ = run(capsys, "w.md")
    assert "3 | The café had a zebra." in out


@pytest.mark.parametrize("text,line,message", [
    ("---\ntitle: ok\nbad: [unclosed\n---\nBody.\n", 4, "malformed front matter"),
    ("---\ntitle: ok\n  - x: y\n---\nBody.\n", 3, "malformed front matter"),
    ("---\n- a\n- b\n---\nBody.\n", 2, "front matter is not a mapping of keys to values"),
    ("---\ntitle: never closed\n\nBody text.\n", 1, "front matter opened with '---' on line 1 is never closed"),
])
def test_malformed_front_matter_is_a_finding(zebra_project, capsys, text, line, message):
    write(zebra_project / "f.md", text)
    code, data, err = run_json(capsys, "f.md")
    assert code == 1 and err == ""
    assert [(f["rule"], f["level"], f["line"]) for f in data["findings"]] == [("input.front-matter", "error", line)]
    assert data["findings"][0]["message"].startswith(message)


def test_front_matter_in_toml_is_masked():
    doc = read('+++\ntitle = "zebra"\n+++\nBody.\n')
    assert "zebra" not in doc.prose and doc.notices == []


def test_missing_path_exits_two(zebra_project, capsys):
    write(zebra_project / "ok.md", "fine\n")
    code, out, err = run(capsys, "ok.md", "gone/nowhere.md")
    assert code == 2 and out == ""
    assert err == "lint: gone/nowhere.md: no such file or directory\n"


def test_unsupported_file_given_explicitly_is_skipped(zebra_project, capsys):
    write(zebra_project / "notes.rst", "zebra\n")
    write(zebra_project / "ok.md", "fine\n")
    code, out, err = run(capsys, "notes.rst", "ok.md")
    assert code == 1 and err == ""
    assert out.startswith("notes.rst:1:1: warning input.skipped skipped: not a Markdown, text or HTML file\n")
    assert out.endswith("Found 1 finding (1 warning) in 1 file (1 file checked).\n")
    with pytest.raises(LintError, match="unsupported file type '.rst'"):
        read_document(Path("notes.rst"), "notes.rst", ReaderOptions(), b"x")


def test_unreadable_file_is_an_error_not_a_traceback(zebra_project, capsys, monkeypatch):
    write(zebra_project / "ok.md", "fine\n")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = run(capsys, "ok.md")
    assert code == 2, (out, err)
    assert err == "lint: ok.md: cannot read: Permission denied\n"
