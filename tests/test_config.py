"""`.lint.yaml`: discovery, strict decoding, and each key's effect; directory walking."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lint import config as config_mod
from lint.model import LintError

from corehelp import rule, run, run_json, write, write_project

ZEBRA = rule("house.zebra", "existence", "avoid {match}", tokens=["zebra"])
LION = rule("other.lion", "existence", "avoid {match}", tokens=["lion"])


def rules_of(capsys, *args):
    code, data, err = run_json(capsys, *args)
    assert err == "" or err.startswith("lint: ") and "Traceback" not in err
    return [(f["path"], f["rule"]) for f in data["findings"]]


# --- discovery ---------------------------------------------------------------------------------

def test_discovered_from_a_subdirectory(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, ZEBRA)
    write(tmp_path / "sub" / "deeper" / "a.md", "A zebra.\n")
    monkeypatch.chdir(tmp_path / "sub" / "deeper")
    assert rules_of(capsys, "a.md") == [("a.md", "house.zebra")]
    assert config_mod.discover(Path.cwd()) == (tmp_path / ".lint.yaml").resolve()


def test_discovery_stops_at_the_repository_root(tmp_path, monkeypatch, capsys):
    write_project(tmp_path, ZEBRA)  # above the repository: must not be used
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "sub" / "a.md", "A zebra.\n")
    monkeypatch.chdir(repo / "sub")
    assert config_mod.discover(Path.cwd()) is None
    assert config_mod.discover(repo) is None
    code, _, err = run(capsys, "a.md", "--select", "house")
    assert code == 2 and "'house' matches no rule" in err  # builtin rules only: the zebra rule was not loaded
    (repo / ".lint.yaml").write_text("builtin-rules: false\nrules: [../mypack.yaml]\n")
    assert config_mod.discover(Path.cwd()) == (repo / ".lint.yaml").resolve()
    assert rules_of(capsys, "a.md") == [("a.md", "house.zebra")]


def test_explicit_config_path(tmp_path, monkeypatch, capsys):
    write_project(tmp_path / "conf" if (tmp_path / "conf").mkdir() is None else None, ZEBRA)
    write(tmp_path / "work" / "a.md", "A zebra and a lion.\n")
    monkeypatch.chdir(tmp_path / "work")
    assert rules_of(capsys, "a.md", "--config", "../conf/.lint.yaml") == [("a.md", "house.zebra")]
    (tmp_path / "work" / "other.yaml").write_text("builtin-rules: false\nrules: [../conf/mypack.yaml]\n"
                                                  "ignore: [house]\n")
    assert rules_of(capsys, "a.md", "--config", "other.yaml") == []


# --- strict decoding ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("builtin-rules: false\nselekt: [house]\n", ".lint.yaml:2: unknown key 'selekt' in configuration"),
    ("builtin-rules: no-thanks\n", ".lint.yaml:1: 'builtin-rules' must be true or false"),
    ("select: house\n", ".lint.yaml:1: 'select' must be a list of strings"),
    ("\n\nignore: [1, 2]\n", ".lint.yaml:3: 'ignore' must be a list of strings"),
    ("levels:\n  house: [warning]\n", ".lint.yaml:1: 'levels' must be a mapping of strings to strings"),
    ("levels:\n  house: fatal\n", ".lint.yaml:1: level must be one of info, warning, error, got 'fatal'"),
    ("fail-on: fatal\n", ".lint.yaml:1: fail-on must be one of info, warning, error"),
    ("per-path-ignores:\n  'a/*': house\n", ".lint.yaml:1: 'per-path-ignores' must be a mapping of strings to lists"),
    ("select: ['house zebra']\n", ".lint.yaml:1: not a rule id or prefix: 'house zebra'"),
    ("- a\n- b\n", ".lint.yaml:1: configuration must be a mapping of keys to values"),
    ("select: [house\n", ".lint.yaml:2: invalid YAML:"),
])
def test_configuration_errors(tmp_path, monkeypatch, capsys, text, expected):
    (tmp_path / ".lint.yaml").write_text(text)
    write(tmp_path / "a.md", "text\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "a.md")
    assert code == 2 and out == ""
    assert err.startswith(f"lint: {tmp_path.resolve()}/{expected}") or err.startswith(f"lint: {tmp_path}/{expected}"), err
    assert len(err.splitlines()) == 1


def test_configuration_error_with_explicit_path_names_it_as_given(tmp_path, monkeypatch, capsys):
    (tmp_path / "cfg.yaml").write_text("builtin-rules: true\nfail-on: 3\n")
    write(tmp_path / "a.md", "text\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "a.md", "--config", "cfg.yaml")
    assert code == 2 and err == "lint: cfg.yaml:2: 'fail-on' must be a string\n"


def test_empty_configuration_is_fine(tmp_path, monkeypatch, capsys):
    (tmp_path / ".lint.yaml").write_text("")
    write(tmp_path / "a.md", "text\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "a.md", "--select", "headlines,style,input") == (0, "No findings (1 file checked).\n", "")


# --- what each key does ------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    write(tmp_path / "news" / "a.md", "A zebra and a lion.\n")
    write(tmp_path / "opinion" / "b.md", "A zebra and a lion.\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL = [("news/a.md", "house.zebra"), ("news/a.md", "other.lion"),
       ("opinion/b.md", "house.zebra"), ("opinion/b.md", "other.lion")]


def test_levels_override_by_id_and_prefix(project, capsys):
    write_project(project, ZEBRA, LION, config="levels:\n  house: info\n  other.lion: error\n")
    code, data, _ = run_json(capsys, "news")
    assert [(f["rule"], f["level"]) for f in data["findings"]] == [("house.zebra", "info"), ("other.lion", "error")]
    assert code == 1
    write_project(project, ZEBRA, LION, config="levels:\n  house: info\n  other: info\n")
    assert run(capsys, "news")[0] == 0


def test_levels_apply_to_input_findings(project, capsys):
    write_project(project, ZEBRA, config="levels:\n  input.encoding: info\n")
    (project / "w.md").write_bytes(b"caf\xe9\n")
    code, data, _ = run_json(capsys, "w.md")
    assert [(f["rule"], f["level"]) for f in data["findings"]] == [("input.encoding", "info")]
    assert code == 0


def test_select_and_ignore_in_configuration(project, capsys):
    write_project(project, ZEBRA, LION, config="select: [house]\n")
    assert rules_of(capsys, ".") == [("news/a.md", "house.zebra"), ("opinion/b.md", "house.zebra")]
    assert rules_of(capsys, ".", "--select", "other") == [("news/a.md", "other.lion"), ("opinion/b.md", "other.lion")]
    write_project(project, ZEBRA, LION, config="ignore: [other.lion]\n")
    assert rules_of(capsys, ".") == [("news/a.md", "house.zebra"), ("opinion/b.md", "house.zebra")]
    # --ignore adds to the configuration's list
    assert rules_of(capsys, ".", "--ignore", "house") == []


@pytest.mark.parametrize("config,where", [
    ("select: [house, headline]\n", ".lint.yaml:2: select: 'headline'"),
    ("ignore:\n  - other\n  - dates.weekday\n", ".lint.yaml:4: ignore: 'dates.weekday'"),
    ("levels:\n  house: info\n  Dates: error\n", ".lint.yaml:4: levels: 'Dates'"),
    ("per-path-ignores:\n  'news/*': [house]\n  'opinion/*': [other.lino]\n", ".lint.yaml:4: per-path-ignores: 'other.lino'"),
])
def test_a_selector_in_configuration_that_names_no_rule_is_an_error(project, capsys, config, where):
    write_project(project, ZEBRA, LION)
    (project / ".lint.yaml").write_text("rules: [mypack.yaml]\n" + config)  # the shipped packs too
    code, out, err = run(capsys, ".")
    assert (code, out) == (2, "")
    assert err.startswith(f"lint: {project / where} matches no rule (did you mean ") and err.count("\n") == 1


def test_selectors_of_shipped_packs_this_configuration_does_not_load(project, capsys):
    # builtin-rules is false here: ignoring or levelling their rules changes nothing, selecting them is an error
    write_project(project, ZEBRA, config="ignore: [names]\nlevels: {dates.impossible: info}\n"
                                         "per-path-ignores: {'news': [style.ap-abbreviation]}\n")
    assert rules_of(capsys, ".") == [("news/a.md", "house.zebra"), ("opinion/b.md", "house.zebra")]
    write_project(project, ZEBRA, config="select: [house, names.variant]\n")
    code, _, err = run(capsys, ".")
    assert code == 2
    assert err == (f"lint: {project}/.lint.yaml:3: select: 'names.variant' matches no rule "
                   "(it names rules of rules/names.yaml, which this run does not load)\n")


def test_per_path_ignores(project, capsys):
    write_project(project, ZEBRA, LION, config="per-path-ignores:\n  'opinion/*.md': [house]\n  'news': [other.lion]\n")
    assert rules_of(capsys, ".") == [("news/a.md", "house.zebra"), ("opinion/b.md", "other.lion")]
    assert rules_of(capsys, "opinion/b.md") == [("opinion/b.md", "other.lion")]


def test_per_path_ignores_are_relative_to_the_configuration(project, monkeypatch, capsys):
    write_project(project, ZEBRA, LION, config="per-path-ignores:\n  'opinion/*.md': [house]\n")
    monkeypatch.chdir(project / "opinion")
    assert rules_of(capsys, "b.md") == [("b.md", "other.lion")]
    assert rules_of(capsys, ".") == [("b.md", "other.lion")]


def test_exclude_globs(project, capsys):
    write(project / "news" / "drafts" / "c.md", "zebra\n")
    write_project(project, ZEBRA, config="exclude: ['opinion', 'news/drafts/*']\n")
    assert rules_of(capsys, ".") == [("news/a.md", "house.zebra")]
    assert rules_of(capsys, "news") == [("news/a.md", "house.zebra")]
    write_project(project, ZEBRA, config="exclude: ['*/b.md']\n")
    assert rules_of(capsys, ".") == [("news/a.md", "house.zebra"), ("news/drafts/c.md", "house.zebra")]


def test_headline_keys(project, capsys):
    write_project(project, config="builtin-rules: true\nheadline-keys: [hed]\n")
    (project / ".lint.yaml").write_text("headline-keys: [hed]\n")
    write(project / "h.md", "---\ntitle: Section\nhed: Bridge reopens after repairs\n---\n"
                            "Bridge reopens after repairs\n\nBody text.\n")
    code, data, _ = run_json(capsys, "h.md", "--select", "headlines")
    assert [(f["rule"], f["line"], f["related"][0]["line"], f["related"][0]["column"]) for f in data["findings"]] == [
        ("headlines.repeated-in-body", 5, 3, 6)]
    (project / ".lint.yaml").write_text("")
    _, data, _ = run_json(capsys, "h.md", "--select", "headlines")
    assert data["findings"] == []


def test_date_keys(project):
    (project / ".lint.yaml").write_text("date-keys: [filed]\n")
    config = config_mod.load(project / ".lint.yaml")
    assert config.date_keys == ("filed",)
    from lint.reading import reader_options
    from lint.documents import read_document
    write(project / "d.md", "---\ndate: 2020-01-01\nfiled: 2026-11-20\n---\nBody.\n")
    doc = read_document(project / "d.md", "d.md", reader_options(config))
    assert str(doc.published) == "2026-11-20"


def test_builtin_rules_on_by_default(project, capsys):
    (project / "mypack.yaml").write_text("rules:\n" + ZEBRA)
    (project / ".lint.yaml").write_text("rules: [mypack.yaml]\n")
    code, out, _ = run(capsys, "rules")
    ids = [line.split()[0] for line in out.splitlines()]
    assert "house.zebra" in ids and "headlines.repeated-in-body" in ids


# --- walking directories -----------------------------------------------------------------------

def test_walk_skips_hidden_and_unsupported(project, capsys):
    write_project(project, ZEBRA)
    write(project / ".hidden" / "c.md", "zebra\n")
    write(project / "news" / ".draft.md", "zebra\n")
    write(project / "news" / "notes.rst", "zebra\n")
    write(project / "node_modules" / "pkg" / "readme.md", "zebra\n")
    write(project / "news" / "page.html", "<p>zebra</p>\n")
    write(project / "news" / "wire.txt", "zebra\n")
    code, data, err = run_json(capsys, ".")
    assert err == ""
    assert data["files_checked"] == 4
    assert sorted({f["path"] for f in data["findings"]}) == [
        "news/a.md", "news/page.html", "news/wire.txt", "opinion/b.md"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_walk_skips_files_ignored_by_git(project, capsys):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    write_project(project, ZEBRA)
    (project / ".gitignore").write_text("opinion/\n*.generated.md\n")
    write(project / "news" / "x.generated.md", "zebra\n")
    write(project / "news" / "untracked.md", "zebra\n")  # untracked but not ignored: linted
    code, data, _ = run_json(capsys, ".")
    assert sorted({f["path"] for f in data["findings"]}) == ["news/a.md", "news/untracked.md"]
    assert data["files_checked"] == 2
    # a file named explicitly is linted even if git ignores it
    assert rules_of(capsys, "opinion/b.md") == [("opinion/b.md", "house.zebra")]


def test_parsed_yaml_is_reused_and_a_changed_file_is_parsed_again(tmp_path, monkeypatch):
    """Rule packs and the configuration are parsed once per content: later runs read the parse from
    the per-user cache, keeping every line number; an edited file is parsed anew."""
    from lint import yamlfile

    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - id: a.b\n    level: warning\n  - id: c.d\n")
    first = yamlfile.load(path)
    parses = []
    monkeypatch.setattr(yamlfile, "_parse", lambda text, display: parses.append(display))
    again = yamlfile.load(path)
    assert parses == [] and again == first
    assert again.line_of("rules") == 1 and again["rules"].line_of(1) == 4
    assert again["rules"][0].line_of("level") == 3
    path.write_text("rules: []\n")
    yamlfile.load(path)
    assert parses == [str(path)]


def test_a_yaml_error_is_reported_even_after_a_good_version_was_cached(tmp_path):
    from lint import yamlfile

    path = tmp_path / "pack.yaml"
    path.write_text("rules: []\n")
    yamlfile.load(path)
    path.write_text("rules: [\n  - x: 1\n")
    with pytest.raises(LintError, match=r"pack.yaml:\d+: invalid YAML"):
        yamlfile.load(path)


# --- parameters: per-rule parameter values from the configuration --------------------------------

def test_parameters_replace_a_rule_value_by_id_or_prefix(tmp_path, capsys, monkeypatch):
    write_project(tmp_path, rule("house.words", "existence", tokens=["zebra"]),
                  config="parameters:\n  house.words:\n    tokens: [giraffe]\n")
    write(tmp_path / "a.md", "A zebra met a giraffe.\n")
    monkeypatch.chdir(tmp_path)
    code, findings, _ = run_json(capsys, "a.md")
    assert [f["data"]["match"] for f in findings["findings"]] == ["giraffe"]


@pytest.mark.parametrize("parameters,message", [
    ("  housing:\n    tokens: [giraffe]\n", "a.lint.yaml:4: parameters for 'housing', which matches no rule"),
    ("  house:\n    tokenz: [giraffe]\n", "a.lint.yaml:5: no rule matched by 'house' takes parameter 'tokenz'"),
    ("  house.words:\n    tokens: giraffe\n",
     "a.lint.yaml:5: rule 'house.words': parameter 'tokens' must be list, got str"),
])
def test_parameters_that_match_nothing_or_do_not_fit_are_errors(tmp_path, capsys, monkeypatch, parameters, message):
    write_project(tmp_path, rule("house.words", "existence", tokens=["zebra"]))
    (tmp_path / "a.lint.yaml").write_text("builtin-rules: false\nrules: [mypack.yaml]\nparameters:\n" + parameters)
    write(tmp_path / "a.md", "A zebra.\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--config", "a.lint.yaml", "a.md")
    assert (code, err) == (2, f"lint: {message}\n")
