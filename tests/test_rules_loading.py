"""Rule packs are decoded strictly: every mistake is one `file:line: ...` line on stderr and exit 2;
and the generic check kinds do what their rules say."""
from __future__ import annotations

import time

import pytest

from lint import patterns

from corehelp import rule, run, run_json, write, write_project

EXAMPLES = "    examples:\n      flag: [\"A zebra.\"]\n      pass: [\"A horse.\"]\n"


def pack_error(tmp_path, monkeypatch, capsys, pack_text: str) -> str:
    (tmp_path / "mypack.yaml").write_text(pack_text, encoding="utf-8")
    (tmp_path / ".lint.yaml").write_text("builtin-rules: false\nrules: [mypack.yaml]\n", encoding="utf-8")
    write(tmp_path / "a.md", "text\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "a.md")
    assert code == 2, (out, err)
    assert out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err.strip()


GOOD = ("rules:\n"
        "  - id: house.zebra\n"            # 2
        "    check: existence\n"           # 3
        "    level: warning\n"             # 4
        "    message: \"avoid {match}\"\n"  # 5
        "    description: d\n"             # 6
        "    tokens: [zebra]\n"            # 7
        + EXAMPLES)                        # 8-10


def test_the_good_pack_loads(tmp_path, monkeypatch, capsys):
    write_project(tmp_path)
    (tmp_path / "mypack.yaml").write_text(GOOD)
    write(tmp_path / "a.md", "A zebra.\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "a.md")[0] == 1


@pytest.mark.parametrize("old,new,expected", [
    ("    tokens: [zebra]\n", "    tokens: [zebra]\n    colour: red\n",
     "lint: mypack.yaml:8: unknown key 'colour' in rule 'house.zebra'"),
    ("    description: d\n", "",
     "lint: mypack.yaml:2: rule 'house.zebra' is missing required key 'description'"),
    ("    level: warning\n", "",
     "lint: mypack.yaml:2: rule 'house.zebra' is missing required key 'level'"),
    ("    check: existence\n", "    check: existance\n",
     "lint: mypack.yaml:3: unknown check kind 'existance' (known: "),
    ("    tokens: [zebra]\n", "    pattern: \"(zebra\"\n",
     "lint: mypack.yaml:7: rule 'house.zebra': parameter 'pattern': bad regular expression '(zebra'"),
    ("    level: warning\n", "    level: fatal\n",
     "lint: mypack.yaml:4: level must be one of info, warning, error, got 'fatal'"),
    ("    message: \"avoid {match}\"\n", "    message: \"avoid {word}\"\n",
     "lint: mypack.yaml:5: message uses {word}, but check 'existence' provides {match}"),
    ("    message: \"avoid {match}\"\n", "    message: \"avoid {match\"\n",
     "lint: mypack.yaml:5: bad message template:"),
    (EXAMPLES, "",
     "lint: mypack.yaml:2: rule 'house.zebra' is missing required key 'examples'"),
    ("      pass: [\"A horse.\"]\n", "      pass: []\n",
     "lint: mypack.yaml:10: examples 'pass' must be a non-empty list"),
    ("      pass: [\"A horse.\"]\n", "",
     "lint: mypack.yaml:9: examples is missing required key 'pass'"),
    ("    tokens: [zebra]\n", "    tokens: zebra\n",
     "lint: mypack.yaml:7: parameter 'tokens' must be list, got str"),
    ("    tokens: [zebra]\n", "",
     "lint: mypack.yaml:2: rule 'house.zebra': give exactly one of 'tokens' or 'pattern'"),
    ("  - id: house.zebra\n", "  - id: House.Zebra\n",
     "lint: mypack.yaml:2: rule id must look like 'family.name'"),
    ("    tokens: [zebra]\n", "    tokens: [zebra\n",
     "lint: mypack.yaml:8: invalid YAML:"),
    ("    tokens: [zebra]\n", "    tokens: [zebra]\n    tokens: [lion]\n",
     "lint: mypack.yaml:8: invalid YAML: duplicate key 'tokens'"),
    ("rules:\n", "rule:\n",
     "lint: mypack.yaml:1: unknown key 'rule' in rule pack"),
])
def test_pack_errors_name_file_and_line(tmp_path, monkeypatch, capsys, old, new, expected):
    assert old in GOOD
    err = pack_error(tmp_path, monkeypatch, capsys, GOOD.replace(old, new, 1))
    assert err.startswith(expected), err


@pytest.mark.parametrize("old,new,expected", [
    ('flag: ["A zebra."]', 'flag: ["A lion."]',
     "lint: mypack.yaml:2: rule 'house.zebra': its flag example 1 draws no finding from it ('A lion.')"),
    ('pass: ["A horse."]', 'pass: ["A horse.", "A zebra and a horse."]',
     "lint: mypack.yaml:2: rule 'house.zebra': its pass example 2 is flagged by it ('A zebra and a horse.')"),
])
def test_a_rule_whose_own_examples_do_not_hold_is_rejected(tmp_path, monkeypatch, capsys, old, new, expected):
    assert pack_error(tmp_path, monkeypatch, capsys, GOOD.replace(old, new)) == expected


def test_a_pack_whose_examples_held_is_not_linted_again(tmp_path, monkeypatch, capsys):
    from lint import examples

    calls = []
    real = examples.lint_texts
    monkeypatch.setattr(examples, "lint_texts", lambda *args: calls.append(1) or real(*args))
    write_project(tmp_path)
    (tmp_path / "mypack.yaml").write_text(GOOD)
    write(tmp_path / "a.md", "A zebra.\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "a.md")[0] == 1 and len(calls) == 2  # its flag and its pass example
    assert run(capsys, "a.md")[0] == 1 and len(calls) == 2  # remembered
    (tmp_path / "mypack.yaml").write_text(GOOD.replace('flag: ["A zebra."]', 'flag: ["Zebra."]'))
    assert run(capsys, "a.md")[0] == 2 and len(calls) == 3  # a changed pack is checked again


def test_duplicate_rule_id(tmp_path, monkeypatch, capsys):
    err = pack_error(tmp_path, monkeypatch, capsys, GOOD + GOOD[len("rules:\n"):])
    assert err == "lint: mypack.yaml:11: rule id 'house.zebra' is already defined at mypack.yaml:2"


def test_duplicate_rule_id_across_packs(tmp_path, monkeypatch, capsys):
    (tmp_path / "other.yaml").write_text(GOOD)
    (tmp_path / "mypack.yaml").write_text(GOOD)
    (tmp_path / ".lint.yaml").write_text("builtin-rules: false\nrules: [mypack.yaml, other.yaml]\n")
    write(tmp_path / "a.md", "text\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "a.md")
    assert code == 2
    assert err == "lint: other.yaml:2: rule id 'house.zebra' is already defined at mypack.yaml:2\n"


def test_pack_that_is_not_a_mapping(tmp_path, monkeypatch, capsys):
    err = pack_error(tmp_path, monkeypatch, capsys, "- just\n- a list\n")
    assert err == "lint: mypack.yaml:1: a rule pack is a mapping with a 'rules' list"


def test_missing_pack(tmp_path, monkeypatch, capsys):
    (tmp_path / ".lint.yaml").write_text("rules: [nothere.yaml]\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys)
    assert code == 2 and err == "lint: nothere.yaml: rule pack not found\n"


def test_pack_directory_loads_every_yaml(tmp_path, monkeypatch, capsys):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "a.yaml").write_text("rules:\n" + rule("house.zebra", "existence", tokens=["zebra"]))
    (tmp_path / "packs" / "b.yml").write_text("rules:\n" + rule("house.lion", "existence", tokens=["lion"]))
    (tmp_path / ".lint.yaml").write_text("builtin-rules: false\nrules: [packs]\n")
    write(tmp_path / "a.md", "zebra lion\n")
    monkeypatch.chdir(tmp_path)
    _, data, _ = run_json(capsys, "a.md")
    assert [f["rule"] for f in data["findings"]] == ["house.zebra", "house.lion"]


# --- the generic kinds -------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys, *args):
    return run_json(capsys, *args)[1]["findings"]


def test_existence_tokens(project, capsys):
    write_project(project, rule("house.banned", "existence", "do not write {match}",
                                tokens=["very unique", "irregardless"]))
    write(project / "a.md", "A very unique idea, irregardless of Irregardless and irregardlessly.\n")
    got = findings(capsys, "a.md")
    assert [(f["column"], f["end_column"], f["message"]) for f in got] == [
        (3, 14, "do not write very unique"), (21, 33, "do not write irregardless")]


def test_existence_tokens_ignorecase(project, capsys):
    write_project(project, rule("house.banned", "existence", "{match}", tokens=["irregardless"], ignorecase=True))
    write(project / "a.md", "Irregardless, IRREGARDLESS and irregardless-ish.\n")
    assert [f["message"] for f in findings(capsys, "a.md")] == ["Irregardless", "IRREGARDLESS"]


def test_existence_pattern(project, capsys):
    write_project(project, rule("house.percent", "existence", "spell out {match}", pattern=r"\d+ per cent",
                                ignorecase=True, flag="Up 4 per cent."))
    write(project / "a.md", "Up 5 per cent, then 12 PER CENT, then 7%.\n")
    got = findings(capsys, "a.md")
    assert [(f["column"], f["message"]) for f in got] == [(4, "spell out 5 per cent"), (21, "spell out 12 PER CENT")]


def test_substitution_gives_a_fix_and_keeps_case(project, capsys):
    write_project(project, rule("house.spell", "substitution", "write {replacement}, not {match}",
                                swap={"judgement": "judgment", "towards": "toward"}, ignorecase=True))
    write(project / "a.md", "Judgement towards JUDGEMENT.\n")
    got = findings(capsys, "a.md")
    assert [(f["column"], f["message"], f["fix"]) for f in got] == [
        (1, "write Judgment, not Judgement", {"replacement": "Judgment"}),
        (11, "write toward, not towards", {"replacement": "toward"}),
        (19, "write JUDGMENT, not JUDGEMENT", {"replacement": "JUDGMENT"}),
    ]


def test_substitution_is_case_sensitive_by_default(project, capsys):
    write_project(project, rule("house.spell", "substitution", "{match}", swap={"towards": "toward"}))
    write(project / "a.md", "Towards towards.\n")
    assert [f["column"] for f in findings(capsys, "a.md")] == [9]


def test_consistency_majority_wins(project, capsys):
    write_project(project, rule("house.either", "consistency",
                                "{match} ({count}x) vs {preferred} ({preferred_count}x)",
                                either={"e-mail": "email"}))
    write(project / "a.md", "An email.\n\nAn e-mail.\n\nAnother email, email again, and e-mail.\n")
    got = findings(capsys, "a.md")
    assert [(f["line"], f["column"], f["message"]) for f in got] == [
        (3, 4, "e-mail (2x) vs email (3x)"), (5, 33, "e-mail (2x) vs email (3x)")]
    assert all(f["related"] == [{"path": "a.md", "line": 1, "column": 4, "message": "'email' used here"}]
               for f in got)


@pytest.mark.parametrize("text,reported", [
    ("An email, then an e-mail.\n", [(1, 19, "e-mail")]),
    ("An e-mail, then an email.\n", [(1, 20, "email")]),
    ("Only email here.\n", []),
])
def test_consistency_tie_goes_to_the_first_form(project, capsys, text, reported):
    write_project(project, rule("house.either", "consistency", "{match}", either={"e-mail": "email"}))
    write(project / "a.md", text)
    assert [(f["line"], f["column"], f["message"]) for f in findings(capsys, "a.md")] == reported


def test_consistency_ignorecase(project, capsys):
    write_project(project, rule("house.either", "consistency", "{match}", either={"e-mail": "email"},
                                ignorecase=True))
    write(project / "a.md", "Email and EMAIL and e-mail.\n")
    assert [f["message"] for f in findings(capsys, "a.md")] == ["e-mail"]


def test_repetition(project, capsys):
    write_project(project, rule("house.twice", "repetition", "twice: {word}", allow=["had"]))
    write(project / "a.md", "He said the the plan\nplan was fine. He had had enough. "
                            "The the end.\n\nend\n\nend is near.\n")
    got = findings(capsys, "a.md")
    assert [(f["line"], f["column"], f["end_line"], f["end_column"], f["message"], f["fix"]) for f in got] == [
        (1, 9, 1, 16, "twice: the", {"replacement": "the"}),
        (1, 17, 2, 5, "twice: plan", {"replacement": "plan"}),
        (2, 35, 2, 42, "twice: The", {"replacement": "The"}),
    ]


# --- user regexes cannot hang ------------------------------------------------------------------

def test_catastrophic_pattern_is_abandoned(project, capsys, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 0.2)
    write_project(project, rule("house.slow", "existence", "{match}", pattern="(x+x+)+y", flag="xxy"),
                  rule("house.zebra", "existence", "{match}", tokens=["zebra"]))
    write(project / "a.md", "A zebra.\n\n" + "x" * 5000 + "\n")
    started = time.monotonic()
    code, data, err = run_json(capsys, "a.md")
    assert time.monotonic() - started < 5
    got = [(f["rule"], f["level"], f["line"]) for f in data["findings"]]
    assert got == [("house.slow", "info", 1), ("house.zebra", "warning", 1)]
    assert data["findings"][0]["message"] == ("pattern took over 0.2 s and was abandoned; "
                                              "this rule was not checked in this file")
    assert code == 1


def test_catastrophic_pattern_at_the_default_timeout(project, capsys):
    assert patterns.TIMEOUT == 1.0
    write_project(project, rule("house.slow", "existence", "{match}", pattern="(x+x+)+y", flag="xxy"))
    write(project / "a.md", "x" * 5000 + "\n")
    started = time.monotonic()
    code, data, _ = run_json(capsys, "a.md")
    assert time.monotonic() - started < 5
    assert code == 0  # info only
    assert [f["level"] for f in data["findings"]] == ["info"]
    assert "abandoned" in data["findings"][0]["message"]


def test_a_pattern_that_timed_out_is_not_run_again_in_the_run(project, capsys, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 0.3)
    write_project(project, rule("house.slow", "existence", "{match}", pattern="(x+x+)+y", flag="xxy"))
    for name in "abcdefgh":
        write(project / f"{name}.md", "x" * 5000 + "\n")
    started = time.monotonic()
    code, data, _ = run_json(capsys, "--no-cache", "--jobs", "1", ".")
    assert time.monotonic() - started < 0.3 * 4  # one timeout, not eight
    messages = [f["message"] for f in data["findings"]]
    assert len(messages) == 8 and messages[0].startswith("pattern took over 0.3 s and was abandoned;")
    assert set(messages[1:]) == {"pattern took over 0.3 s on an earlier file and was abandoned for this run; "
                                 "this rule was not checked in this file"}
    code, data, _ = run_json(capsys, "--no-cache", "--jobs", "1", "a.md")  # a new run tries it again
    assert data["findings"][0]["message"].startswith("pattern took over 0.3 s and was abandoned;")
