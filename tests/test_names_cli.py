"""Names end to end: the seed, fixes with --fix and --diff, and the cross-article check."""
from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

from lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "names"
HOUSE_PACK = ROOT / "rules" / "examples" / "house-style.yaml"


def run_json(capsys, *args) -> list[dict]:
    capsys.readouterr()
    main(["--format", "json", *args])
    out = json.loads(capsys.readouterr().out)
    return out["findings"] if isinstance(out, dict) else out


def test_seed_has_no_names_findings(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert run_json(capsys, "--select", "names", "seeds/") == []


def test_one_respelled_name_in_the_seed_is_flagged_at_its_line(tmp_path, capsys, monkeypatch):
    text = SEED.read_text(encoding="utf-8")
    first = text.index("Musiienko")
    target = text.index("Musiienko", first + 1)  # change the second mention, keep the first
    copy = tmp_path / SEED.name
    copy.write_text(text[:target] + "Musienko" + text[target + len("Musiienko"):], encoding="utf-8")
    line = text.count("\n", 0, target) + 1
    monkeypatch.chdir(tmp_path)
    findings = run_json(capsys, "--select", "names", SEED.name)
    assert [(f["rule"], f["line"]) for f in findings] == [("names.variant", line)]
    found = findings[0]
    assert "Musienko" in found["message"] and "Musiienko" in found["message"]
    source_line = copy.read_text(encoding="utf-8").split("\n")[line - 1]
    assert source_line[found["column"] - 1:found["end_column"] - 1] == "Musienko"


def _house_project(tmp_path: Path, body: str) -> Path:
    shutil.copy(HOUSE_PACK, tmp_path / "house-style.yaml")
    (tmp_path / ".lint.yaml").write_text("rules:\n  - house-style.yaml\n", encoding="utf-8")
    article = tmp_path / "story.md"
    article.write_text(body, encoding="utf-8")
    article.chmod(0o640)
    return article


HOUSE_BODY = """---
title: "Kiev talks"
slug: kiev-talks
---

President Zelensky arrived in Kiev on Friday; see https://example.org/kiev for the schedule.

The restaurant still serves Chicken Kiev, and `Kiev` in code stays as it is.
"""


def test_house_spelling_flags_variants_but_not_exceptions(tmp_path, capsys, monkeypatch):
    _house_project(tmp_path, HOUSE_BODY)
    monkeypatch.chdir(tmp_path)
    findings = run_json(capsys, "--select", "house", "story.md")
    assert [(f["line"], f["message"]) for f in findings] == [
        (6, 'house style spells it "Zelenskyy", not "Zelensky"'),
        (6, 'house style spells it "Kyiv", not "Kiev"'),
    ]
    assert all(f["fix"] for f in findings)


def test_house_spelling_diff_writes_nothing(tmp_path, capsys, monkeypatch):
    article = _house_project(tmp_path, HOUSE_BODY)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    main(["--select", "house", "--diff", "story.md"])
    diff = capsys.readouterr().out
    assert "-President Zelensky arrived in Kiev on Friday" in diff
    assert "+President Zelenskyy arrived in Kyiv on Friday" in diff
    assert article.read_text(encoding="utf-8") == HOUSE_BODY


def test_house_spelling_fix_rewrites_only_the_variants(tmp_path, capsys, monkeypatch):
    article = _house_project(tmp_path, HOUSE_BODY)
    monkeypatch.chdir(tmp_path)
    main(["--select", "house", "--fix", "story.md"])
    expected = HOUSE_BODY.replace("President Zelensky arrived in Kiev", "President Zelenskyy arrived in Kyiv")
    assert article.read_text(encoding="utf-8") == expected  # front matter, URL, code, exception kept
    assert stat.S_IMODE(os.stat(article).st_mode) == 0o640
    assert run_json(capsys, "--select", "house", "story.md") == []


def test_clear_minority_spelling_gets_a_fix(tmp_path, capsys, monkeypatch):
    body = ("Military expert Oleksandr Musiienko spoke on Monday. Musiienko said the strikes go on.\n\n"
            "Musiienko expects more attacks, and Musienko's view is shared by the army.\n")
    article = tmp_path / "expert.md"
    article.write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = run_json(capsys, "--select", "names", "expert.md")
    assert [(f["rule"], f["line"], f["fix"]) for f in findings] == [
        ("names.variant", 3, {"replacement": "Musiienko"})]
    main(["--select", "names", "--fix", "expert.md"])
    assert article.read_text(encoding="utf-8") == body.replace("Musienko's", "Musiienko's")


def test_tie_has_no_fix(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.md").write_text("Flights to Tokyo resumed. Hotels in Toyko are full.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = run_json(capsys, "--select", "names", "a.md")
    assert len(findings) == 2 and all(f["fix"] is None for f in findings)
    assert {f["message"].split('"')[1] for f in findings} == {"Tokyo", "Toyko"}


def test_cross_article_rare_spelling_is_flagged_in_its_article_only(tmp_path, capsys, monkeypatch):
    for fixture in FIXTURES.glob("airline-*.md"):
        shutil.copy(fixture, tmp_path / fixture.name)
    monkeypatch.chdir(tmp_path)
    findings = run_json(capsys, "--select", "names", ".")
    assert [(f["path"], f["rule"], f["line"]) for f in findings] == [
        ("airline-c.md", "names.variant-across", 6)]
    message = findings[0]["message"]
    assert '"Cathai"' in message and '"Cathay"' in message and "2 other article(s)" in message
    assert {r["path"] for r in findings[0]["related"]} == {"airline-a.md", "airline-b.md"}


def test_cross_article_spelling_used_by_several_articles_is_established(tmp_path, capsys, monkeypatch):
    for fixture in FIXTURES.glob("airline-*.md"):
        shutil.copy(fixture, tmp_path / fixture.name)
    for extra in ("airline-d.md", "airline-e.md"):
        shutil.copy(FIXTURES / "airline-c.md", tmp_path / extra)
    monkeypatch.chdir(tmp_path)
    assert run_json(capsys, "--select", "names", ".") == []


def test_a_tie_in_one_article_is_settled_by_the_others(tmp_path, capsys, monkeypatch):
    """One article spells a name two ways, once each; the other articles use one of the two
    spellings, so only the other is reported, whether the articles are given together, one at a
    time against the archive index, or again from the remembered comparison."""
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for fixture in FIXTURES.glob("harbour-*.md"):
        shutil.copy(fixture, tmp_path / fixture.name)
    monkeypatch.chdir(tmp_path)
    alone = run_json(capsys, "--no-cache", "--select", "names", "harbour-c.md")
    assert sorted(f["message"].split('"')[1] for f in alone) == ["Okparaeke", "Okpareake"]
    settled = [("harbour-c.md", 6, '"Okpareake" (1x) may be a misspelling of, or the right spelling for, "Okparaeke" '
                                   '(1x): transposed letters; Okpareake in the first full reference')]
    for args in (["."], ["."], ["harbour-c.md"], ["harbour-c.md"]):
        findings = run_json(capsys, "--select", "names", *args)
        assert [(f["path"], f["line"], f["message"]) for f in findings] == settled, args


def test_no_certain_fix_towards_a_spelling_the_other_articles_never_use(tmp_path, capsys, monkeypatch):
    """An article spells a name one way three times and another way once; alone, the one is a clear
    slip with a fix. The other articles use the rare spelling and never the common one, so the
    finding stands but its fix is not certain any more, and --fix leaves the file alone."""
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for fixture in FIXTURES.glob("harbour-[ab].md"):
        shutil.copy(fixture, tmp_path / fixture.name)
    body = ("Ines Okpareake said the cranes were damaged. Okpareake added that repairs take a week.\n\n"
            "Okpareake thanked the crews, and Okparaeke said the port stays open.\n")
    (tmp_path / "cranes.md").write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [alone] = run_json(capsys, "--no-cache", "--select", "names", "cranes.md")
    assert alone["fix"] == {"replacement": "Okpareake"}
    for args in (["."], ["cranes.md"]):
        [finding] = run_json(capsys, "--select", "names", *args)
        assert (finding["rule"], finding["line"], finding["fix"]) == ("names.variant", 3, None), args
    main(["--select", "names", "--fix", "cranes.md"])
    assert (tmp_path / "cranes.md").read_text(encoding="utf-8") == body


def test_team_sheet_with_similar_names_is_clean(capsys, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    assert run_json(capsys, "--select", "names", "team-sheet.md") == []


def test_configured_accepted_names_silence_a_variant(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.md").write_text("Oleksandr Musiienko spoke. Musiienko left, and Musienko stayed.\n",
                                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [f["rule"] for f in run_json(capsys, "--select", "names", "a.md")] == ["names.variant"]
    (tmp_path / ".lint.yaml").write_text("parameters:\n  names:\n    accepted: [Musienko]\n", encoding="utf-8")
    assert run_json(capsys, "--select", "names", "a.md") == []


def test_cross_article_records_survive_the_index_round_trip():
    """The archive index stores the records as plain tuples (marshal); comparing records restored
    from them gives the same result."""
    import marshal

    from lint import ruleset
    from lint.documents import ReaderOptions, read_document

    rule = ruleset.load_rules([(ROOT / "rules" / "names.yaml", "names.yaml")]).by_id("names.variant-across")
    records = {}
    for fixture in sorted(FIXTURES.glob("airline-*.md")):
        doc = read_document(fixture, fixture.name, ReaderOptions())
        records[fixture.name] = rule.kind.extract(doc, rule)
    kind = rule.kind
    stored = {path: [kind.restored(marshal.loads(marshal.dumps(kind.stored(rec)))) for rec in recs]
              for path, recs in records.items()}
    direct = list(rule.kind.compare(records, rule, set(records)))
    again = list(rule.kind.compare(stored, rule, set(stored)))
    assert [f.message for f in direct] == [f.message for f in again]
    assert [f.location.path for f in direct] == ["airline-c.md"]
