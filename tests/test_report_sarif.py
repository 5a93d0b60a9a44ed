"""SARIF 2.1.0 output, validated against the published schema (tests/fixtures/sarif-schema-2.1.0.json,
from the npm package @microsoft/jest-sarif, lib/schemas/sarif-2.1.0-rtm.5.json)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from lint import cli
from lint.docs import rule_doc
from lint.model import Finding, Fix, Location, Related
from lint.report import Report, render
from lint.report.sarif import uri

from corehelp import run, write

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_897c2a44bb649566.txt"
SCHEMA = json.loads((ROOT / "tests/fixtures/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict):
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_the_schema_is_the_sarif_2_1_0_schema_and_rejects_bad_logs():
    assert "2.1.0" in SCHEMA["title"]
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "level": "note"}]}]}
    validate(good)
    for bad in ({"version": "2.0.0", "runs": []},
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                               "results": [{"message": {"text": "m"}, "level": "info"}]}]},
                {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}):
        with pytest.raises(jsonschema.ValidationError):
            validate(bad)


def test_seed_sarif_is_valid_and_carries_the_findings(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--no-cache", "--format", "sarif", "seeds/")
    assert code == 1
    log = json.loads(out)
    validate(log)
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids))
    _, rules = cli._load(None)
    assert [r.id for r in rules.rules] == ids[:len(rules.rules)]
    assert {"input.encoding", "input.front-matter"} <= set(ids)
    outlier = next(r for r in driver["rules"] if r["id"] == "dates.timeline-outlier")
    assert outlier["help"]["markdown"] == rule_doc(rules.by_id("dates.timeline-outlier"))
    assert "### Why" in outlier["help"]["markdown"] and "```markdown" in outlier["help"]["markdown"]
    assert outlier["defaultConfiguration"] == {"level": "warning"}

    results = {r["ruleId"]: r for r in run_["results"]}
    assert set(results) == {"input.page-residue", "headlines.repeated-in-body", "dates.timeline-outlier"}
    date = results["dates.timeline-outlier"]
    assert date["level"] == "warning"
    assert ids[date["ruleIndex"]] == "dates.timeline-outlier"
    assert date["message"]["text"].startswith('"December 28" does not fit the timeline')
    assert date["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": SEED},
        "region": {"startLine": 13, "startColumn": 239, "endLine": 13, "endColumn": 250}}}]
    related, *chain = date["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == SEED
    assert related["physicalLocation"]["region"]["startLine"] == 11
    assert related["physicalLocation"]["region"]["startColumn"] == 85
    assert related["message"]["text"] == "March 7: the date it is tied to"
    assert [r["message"]["text"] for r in chain] == ['"followed"', '"coincided with"']
    assert "fixes" not in date
    seed_line = (ROOT / SEED).read_text(encoding="utf-8").splitlines()[12]
    assert seed_line[239 - 1:250 - 1] == "December 28"


def test_levels_fixes_and_uris():
    findings = [
        Finding("x.err", "error", "bad", Location("./a b.md", 2, 3, 2, 6)),
        Finding("x.inf", "info", "fyi", Location("a b.md", 1, 1, 1, 2),
                related=[Related(Location("c.md", 4, 5, 4, 5), "see")]),
        Finding("x.fix", "warning", "fixable", Location("a b.md", 1, 5, 1, 12), fix=Fix(4, 11, "the the", "the")),
    ]
    log = json.loads(render("sarif", Report(findings, 2)))
    validate(log)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results] == ["error", "note", "warning"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b.md"
    assert results[1]["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"] == 5
    (fix,) = results[2]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "a%20b.md"
    assert change["replacements"] == [{"deletedRegion": {"charOffset": 4, "charLength": 7},
                                       "insertedContent": {"text": "the"}}]
    # a rule entry for every finding's rule, even without Rule objects
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]][-3:] == ["x.err", "x.fix", "x.inf"]


def test_absolute_paths_become_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert uri(str(tmp_path / "news" / "x.md")) == "news/x.md"


def test_cli_fix_becomes_a_sarif_fix_with_a_region(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "# Title\n\nThe mayor said the the plan would pass.\n")
    code, out, _ = run(capsys, "--no-cache", "--format", "sarif", "--output", "out.sarif", "a.md")
    assert out == ""
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    validate(log)
    fixed = [r for r in log["runs"][0]["results"] if "fixes" in r]
    assert fixed, log["runs"][0]["results"]
    region = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert region["startLine"] == 3 and fixed[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.md"
