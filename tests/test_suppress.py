"""Inline suppression comments."""
from __future__ import annotations

import pytest

from corehelp import rule, run_json, write, write_project


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_project(tmp_path, rule("house.zebra", "existence", "{match}", tokens=["zebra"]),
                  rule("house.lion", "existence", "{match}", tokens=["lion"]),
                  rule("other.ox", "existence", "{match}", tokens=["ox"]))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines_of(capsys, project, text):
    write(project / "a.md", text)
    code, data, err = run_json(capsys, "a.md")
    return [(f["line"], f["rule"]) for f in data["findings"]]


def test_disable_rule_then_enable(project, capsys):
    text = ("zebra lion\n\n"                     # 1
            "<!-- lint-disable house.zebra -->\n\n"  # 3
            "zebra lion\n\n"                     # 5
            "<!-- lint-enable -->\n\n"           # 7
            "zebra lion\n")                      # 9
    assert lines_of(capsys, project, text) == [
        (1, "house.zebra"), (1, "house.lion"), (5, "house.lion"), (9, "house.zebra"), (9, "house.lion")]


def test_disable_everything(project, capsys):
    text = "zebra ox\n\n<!-- lint-disable -->\n\nzebra ox lion\n\n<!-- lint-enable -->\n\nox\n"
    assert lines_of(capsys, project, text) == [(1, "house.zebra"), (1, "other.ox"), (9, "other.ox")]


def test_disable_without_enable_runs_to_the_end(project, capsys):
    text = "zebra\n\n<!-- lint-disable house -->\n\nzebra lion ox\n\nzebra\n"
    assert lines_of(capsys, project, text) == [(1, "house.zebra"), (5, "other.ox")]


def test_disable_next_line(project, capsys):
    text = ("zebra\n"
            "<!-- lint-disable-next-line house.zebra -->\n"
            "zebra lion\n"
            "zebra\n")
    assert lines_of(capsys, project, text) == [
        (1, "house.zebra"), (3, "house.lion"), (4, "house.zebra")]


def test_disable_next_line_several_rules_and_prefixes(project, capsys):
    text = ("<!-- lint-disable-next-line house.zebra, other -->\n"
            "zebra lion ox\n"
            "<!-- lint-disable-next-line house -->\n"
            "zebra lion ox\n")
    assert lines_of(capsys, project, text) == [(2, "house.lion"), (4, "other.ox")]


def test_enable_one_rule_of_two(project, capsys):
    text = ("<!-- lint-disable house.zebra -->\n<!-- lint-disable house.lion -->\n\n"
            "zebra lion\n\n<!-- lint-enable house.lion -->\n\nzebra lion\n")
    assert lines_of(capsys, project, text) == [(8, "house.lion")]


def test_a_comment_in_code_or_prose_text_is_not_a_directive(project, capsys):
    text = "Write lint-disable in the docs.\n\nzebra\n"
    assert lines_of(capsys, project, text) == [(3, "house.zebra")]


def test_suppressing_headline_findings_by_family(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".lint.yaml").write_text("")
    article = ("---\ntitle: Bridge reopens after long repairs\n---\n"
               "<!-- lint-disable-next-line headlines -->\n"
               "Bridge reopens after long repairs\n\nThe bridge is open.\n")
    write(tmp_path / "a.md", article)
    _, data, _ = run_json(capsys, "a.md", "--select", "headlines")
    assert data["findings"] == []
    write(tmp_path / "a.md", article.replace("<!-- lint-disable-next-line headlines -->\n", ""))
    _, data, _ = run_json(capsys, "a.md", "--select", "headlines")
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("headlines.repeated-in-body", 4)]
    write(tmp_path / "a.md", article.replace("-next-line headlines", " headlines.duplicate-paragraph"))
    _, data, _ = run_json(capsys, "a.md", "--select", "headlines")
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("headlines.repeated-in-body", 5)]


def test_html_documents_honour_comments(project, capsys):
    write(project / "p.html", "<p>zebra</p>\n<!-- lint-disable-next-line house.zebra -->\n<p>zebra lion</p>\n")
    _, data, _ = run_json(capsys, "p.html")
    assert [(f["line"], f["rule"]) for f in data["findings"]] == [(1, "house.zebra"), (3, "house.lion")]
