"""The archive index: cross-article checks against the whole archive when only some files are
given, incremental updates, concurrent hook processes, corrupt caches, baselines and --jobs."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cli, reading
from lint.incremental import IncrementalRun

SELECT = ["--select", "headlines,input"]


def article(title: str, body: str = "The council met on Tuesday to discuss the budget for next year.") -> str:
    return f'---\ntitle: "{title}"\n---\n{body}\n'


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """A newsroom repository of three articles, two of them sharing a headline."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(article("Bridge reopens after repairs"))
    (tmp_path / "news" / "b.md").write_text(article("Bridge reopens after repairs."))
    (tmp_path / "news" / "c.md").write_text(article("School term starts early"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint_json(capsys, *args):
    code = cli.main(["--format", "json", *SELECT, *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def count_reads(monkeypatch) -> list[str]:
    reads = []
    original = reading.read_document

    def counting(path, display, options, data=None):
        reads.append(display)
        return original(path, display, options, data)

    monkeypatch.setattr(reading, "read_document", counting)
    return reads


def tamper(archive: Path, statement: str) -> None:
    """Change the archive's index behind the linter's back."""
    db = sqlite3.connect(archive / ".lint-cache" / "index.sqlite")
    db.execute(statement)
    db.commit()
    db.close()


def test_a_given_file_is_compared_with_the_whole_archive(archive, capsys):
    code, data, _ = lint_json(capsys, "news/a.md")
    assert code == 1
    assert data["files_checked"] == 1
    [finding] = data["findings"]
    assert finding["path"] == "news/a.md" and finding["rule"] == "headlines.duplicate-across"
    assert [(r["path"], r["line"]) for r in finding["related"]] == [("news/b.md", 2)]
    assert (archive / ".lint-cache" / "index.sqlite").is_file()
    assert (archive / ".lint-cache" / ".gitignore").read_text().strip().endswith("*")


def test_unchanged_files_are_not_read_again_and_changes_are_picked_up(archive, capsys, monkeypatch):
    lint_json(capsys, "news/a.md")
    reads = count_reads(monkeypatch)
    code, data, _ = lint_json(capsys, "news/a.md")
    assert reads == [] and code == 1 and len(data["findings"]) == 1

    (archive / "news" / "b.md").write_text(article("Bridge closes again for inspection"))
    code, data, _ = lint_json(capsys, "news/a.md")
    assert reads == ["news/b.md"]
    assert code == 0 and data["findings"] == []

    (archive / "news" / "b.md").write_text(article("Bridge reopens after repairs"))
    lint_json(capsys, "news/a.md")
    (archive / "news" / "b.md").unlink()
    code, data, _ = lint_json(capsys, "news/a.md")
    assert code == 0 and data["findings"] == []
    db = sqlite3.connect(archive / ".lint-cache" / "index.sqlite")
    assert {row[0] for row in db.execute("SELECT path FROM articles")} == {"news/a.md", "news/c.md"}


def test_no_cache_compares_only_the_given_files(archive, capsys):
    code, data, _ = lint_json(capsys, "--no-cache", "news/a.md")
    assert code == 0 and data["findings"] == []
    code, data, _ = lint_json(capsys, "--no-cache", "news/a.md", "news/b.md")
    assert sorted(f["path"] for f in data["findings"]) == ["news/a.md", "news/b.md"]
    assert not (archive / ".lint-cache").exists()


def test_corrupt_cache_is_rebuilt_with_a_notice(archive, capsys):
    cache = archive / ".lint-cache"
    cache.mkdir()
    (cache / "index.sqlite").write_bytes(b"this is not a database" * 100)
    code, data, err = lint_json(capsys, "news/a.md")
    assert code == 1 and len(data["findings"]) == 1
    assert "cache unreadable" in err and "rebuilt" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_cache_from_another_schema_is_rebuilt(archive, capsys):
    lint_json(capsys, "news/a.md")
    tamper(archive, "UPDATE meta SET value = '0' WHERE key = 'schema'")
    code, data, err = lint_json(capsys, "news/a.md")
    assert "cache from schema 0" in err and "rebuilt" in err
    assert code == 1 and len(data["findings"]) == 1


def test_unwritable_cache_directory_means_no_index_not_a_crash(archive, capsys):
    (archive / "blocker").write_text("a file where the cache directory should go\n")
    (archive / ".lint.yaml").write_text("cache-dir: blocker/cache\n")
    code, data, err = lint_json(capsys, "news/a.md", "news/b.md")
    assert code == 1 and len(data["findings"]) == 2
    assert "continuing without the index" in err


def test_cache_clear_removes_the_index(archive, capsys):
    lint_json(capsys, "news/a.md")
    assert cli.main(["cache", "clear"]) == 0
    assert "removed the index" in capsys.readouterr().out
    assert not (archive / ".lint-cache" / "index.sqlite").exists()
    assert cli.main(["cache", "clear"]) == 0
    assert "no index to remove" in capsys.readouterr().out


def test_four_concurrent_processes_agree_and_leave_a_sound_index(archive):
    for n in range(40):
        (archive / "news" / f"extra-{n:02}.md").write_text(article(f"Market report number {n} for the week"))
    single = subprocess.run([sys.executable, "-m", "lint", "--no-cache", "--format", "json", *SELECT, "news"],
                            capture_output=True, text=True, cwd=archive)
    expected = sorted(json.dumps(f, sort_keys=True) for f in json.loads(single.stdout)["findings"])
    groups = [["news/a.md"], ["news/b.md"], ["news/c.md", "news/extra-00.md"], ["news/a.md", "news/b.md"]]
    procs = [subprocess.Popen([sys.executable, "-m", "lint", "--format", "json", *SELECT, *g],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=archive)
             for g in groups]
    outputs = [p.communicate(timeout=120) for p in procs]
    for (out, err), group in zip(outputs, groups):
        assert "Traceback" not in err, err
        got = sorted(json.dumps(f, sort_keys=True) for f in json.loads(out)["findings"])
        assert got == [e for e in expected if json.loads(e)["path"] in group]
    db = sqlite3.connect(archive / ".lint-cache" / "index.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT COUNT(DISTINCT path) FROM articles").fetchone() == (43,)


def test_parallel_jobs_give_the_same_findings_as_one(archive, capsys):
    for n in range(reading.PARALLEL_THRESHOLD + 10):
        (archive / "news" / f"x{n:03}.md").write_text(article(f"Weather update {n % 30} from the coast"))
    _, one, _ = lint_json(capsys, "--no-cache", "--jobs", "1", "news")
    _, two, _ = lint_json(capsys, "--no-cache", "--jobs", "2", "news")
    assert one == two
    assert len(one["findings"]) > 40  # every "Weather update N" title appears two or three times


def test_baseline_reports_only_new_findings(archive, capsys):
    (archive / "news" / "d.md").write_text(article("Harbour plan approved", "Harbour plan approved\n\nThe port said yes."))
    code, data, err = lint_json(capsys, "--baseline", "lint-baseline.json", "news")
    assert code == 0 and data["findings"] == []
    assert "baseline written" in err
    recorded = json.loads((archive / "lint-baseline.json").read_text())["findings"]
    assert {f["rule"] for f in recorded} == {"headlines.duplicate-across", "headlines.repeated-in-body"}

    # lines added above an old finding do not bring it back
    (archive / "news" / "d.md").write_text(article("Harbour plan approved",
                                                   "An editor's note.\n\nHarbour plan approved\n\nThe port said yes."))
    code, data, _ = lint_json(capsys, "--baseline", "lint-baseline.json", "news")
    assert code == 0 and data["findings"] == []

    (archive / "news" / "e.md").write_text(article("School term starts early"))
    code, data, _ = lint_json(capsys, "--baseline", "lint-baseline.json", "news")
    assert code == 1
    assert sorted(f["path"] for f in data["findings"]) == ["news/c.md", "news/e.md"]


def test_a_tree_the_linter_cannot_write_to_is_linted_without_a_cache_there(tmp_path, capsys, monkeypatch):
    tree = tmp_path / "read-only"
    tree.mkdir()
    (tree / "a.md").write_text(article("Ferry timetable changes"))
    (tree / "b.md").write_text(article("Ferry timetable changes"))
    monkeypatch.chdir(tmp_path)
    code, data, _ = lint_json(capsys, "read-only")
    assert code == 1 and len(data["findings"]) == 2
    assert sorted(p.name for p in tree.iterdir()) == ["a.md", "b.md"]  # nothing written beside them


def test_index_lookup_finds_what_reading_every_file_finds(tmp_path, capsys, monkeypatch):
    """Names and headlines compared through the index's lookup keys (only related records read
    back) give the same findings as a run that reads and compares every article."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    fixtures = Path(__file__).parent / "fixtures" / "names"
    for source in fixtures.glob("*.md"):
        (tmp_path / source.name).write_text(source.read_text())
    for n in range(30):  # unrelated articles, so the lookup has something to leave out
        (tmp_path / f"filler-{n:02}.md").write_text(article(f"Harbour dredging report {n}",
                                                            f"Engineer Marta Okonkwo{n % 3} reviewed the plan."))
    (tmp_path / "copy.md").write_text(article("Cathay Pacific adds flights to Toronto"))
    monkeypatch.chdir(tmp_path)
    cli.main(["--no-cache", "--format", "json", "--select", "names,headlines", "."])
    everything = json.loads(capsys.readouterr().out)["findings"]
    assert {f["rule"] for f in everything} >= {"names.variant-across"}
    cli.main(["--format", "json", "--select", "names,headlines", "."])  # builds the index
    capsys.readouterr()
    narrowed = []
    related_records = IncrementalRun._related_records
    monkeypatch.setattr(IncrementalRun, "_related_records", lambda self, rule, *rest: narrowed.append(rule.id)
                        or related_records(self, rule, *rest))
    for name in sorted({f["path"] for f in everything}) + ["airline-a.md", "filler-01.md"]:
        cli.main(["--format", "json", "--select", "names,headlines", name])
        alone = json.loads(capsys.readouterr().out)["findings"]
        assert alone == [f for f in everything if f["path"] == name], name
    assert set(narrowed) == {"names.variant-across", "headlines.duplicate-across"}


def test_an_unchanged_archive_is_not_compared_again(archive, capsys, monkeypatch):
    """The cross-article result of a run is kept for the same files and contents: a second run
    reports the same without comparing; a change anywhere in the archive compares again."""
    from lint.checks.headline_duplicate import HeadlineDuplicate

    _, first, _ = lint_json(capsys, "news")
    compared = []
    compare = HeadlineDuplicate.compare
    monkeypatch.setattr(HeadlineDuplicate, "compare", lambda self, *a: compared.append(1) or compare(self, *a))
    _, second, _ = lint_json(capsys, "news")
    assert second == first and compared == []
    (archive / "news" / "c.md").write_text(article("Bridge reopens after repairs!"))
    _, third, _ = lint_json(capsys, "news")
    assert compared and len(third["findings"]) == 3


def test_an_unreadable_entry_empties_the_index_and_the_run_reads_every_file(archive, capsys):
    lint_json(capsys, "news")
    tamper(archive, "UPDATE articles SET findings = x'00ff' WHERE path = 'news/a.md'")
    (archive / "news" / "c.md").write_text(article("School term starts late"))  # no remembered comparison
    code, data, err = lint_json(capsys, "news/a.md")
    assert "cache entry unreadable" in err and "Traceback" not in err
    assert code == 1 and [f["rule"] for f in data["findings"]] == ["headlines.duplicate-across"]


def test_an_unreadable_remembered_comparison_is_rebuilt_too(archive, capsys):
    _, first, _ = lint_json(capsys, "news")
    tamper(archive, "UPDATE comparisons SET findings = x'00ff'")
    _, again, err = lint_json(capsys, "news")
    assert "cache entry unreadable" in err and again == first
