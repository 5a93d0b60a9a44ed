"""The date engine: scanner, resolution, publication inference, and the date rules end to end."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint.dates import resolve, tense
from lint.dates.readings import relative_reading, weekday_readings
from lint.dates.analysis import analyse
from lint.dates.scanner import scan
from lint.documents import ReaderOptions, read_document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_897c2a44bb649566.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "dates"
LINT = [sys.executable, "-m", "lint"]


def doc_of(text: str, published: dt.date | None = None, name: str = "a.md"):
    return read_document(Path(name), name, ReaderOptions(published=published), text.encode("utf-8"))


def days(text: str):
    return [(m.text, m.month, m.day, m.year, m.weekday) for m in scan(text) if m.kind == "date"]


# -- scanner ---------------------------------------------------------------------------------------

def test_scanner_forms():
    assert days("on March 7") == [("March 7", 3, 7, None, None)]
    assert days("on 7 March") == [("7 March", 3, 7, None, None)]
    assert days("on Mar. 7 and Sept. 9, 2024") == [("Mar. 7", 3, 7, None, None), ("Sept. 9, 2024", 9, 9, 2024, None)]
    assert days("Friday, March 7, 2025") == [("Friday, March 7, 2025", 3, 7, 2025, 4)]
    assert days("the 2025-03-07 release") == [("2025-03-07", 3, 7, 2025, None)]
    assert days("Jan. 2 and Dec. 31") == [("Jan. 2", 1, 2, None, None), ("Dec. 31", 12, 31, None, None)]


def test_scanner_needs_capitals_and_a_day():
    assert days("they may 5 times march 7 miles") == []
    assert days("May was warm. In May 2025 sales rose.") == []
    assert [m.kind for m in scan("In May 2025 sales rose")] == ["month"]
    assert days("9 of the 14 members, 31 pct in April") == []
    assert days("In May 25 percent left. A February 30-day trial.") == []


def test_scanner_relative_words():
    found = [m.text for m in scan("yesterday, last Tuesday, two weeks ago, next month, earlier this month, "
                                  "Yesterday, the day before yesterday, a fortnight ago") if m.kind == "relative"]
    assert found == ["yesterday", "last Tuesday", "two weeks ago", "next month", "earlier this month", "Yesterday",
                     "the day before yesterday", "a fortnight ago"]


def test_impossible_dates_are_kept_not_dropped():
    assert days("on February 30 and April 31") == [("February 30", 2, 30, None, None), ("April 31", 4, 31, None, None)]
    assert resolve.make(2025, 2, 30) is None
    assert resolve.days_in_month(2, 2024) == 29 and resolve.days_in_month(2, 2025) == 28


def test_relative_readings_are_seen_from_the_base_date():
    base = dt.date(2025, 3, 10)  # a Monday
    day = relative_reading("yesterday", base)
    assert (day.lo, day.hi) == (dt.date(2025, 3, 9), dt.date(2025, 3, 9))
    weeks = relative_reading("two weeks ago", base)
    assert weeks.lo <= dt.date(2025, 2, 24) <= weeks.hi and (weeks.hi - weeks.lo).days == 6
    month = relative_reading("last month", base)
    assert (month.lo, month.hi) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    assert [r.lo for r in weekday_readings(base, 1, "unknown", "last")] == [dt.date(2025, 3, 4), dt.date(2025, 2, 25)]
    assert [r.lo for r in weekday_readings(base, 0, "future", None)] == [base]
    unusual = relative_reading("the day before yesterday", base)  # dateparser's, from the same base
    assert unusual.lo <= dt.date(2025, 3, 8) <= unusual.hi


def governed(sentence: str, date: str) -> tuple[str, str]:
    """(tense, verb group) of the clause governing `date` in `sentence`."""
    at = sentence.index(date)
    g = tense.governor(sentence, (0, len(sentence)), at, at + len(date))
    return g.tense, g.words


@pytest.mark.parametrize("sentence,date,expected", [
    ("The union said on Wednesday that it will vote on March 3.", "Wednesday", ("past", "said")),
    ("The union said on Wednesday that it will vote on March 3.", "March 3", ("future", "will vote")),
    ("The squad is headed to Denver on June 19 for the final.", "June 19", ("future", "is headed")),
    ("The appeal has been set for May 12.", "May 12", ("future", "has been set")),
    ("Parliament set an early election for May 25.", "May 25", ("future", "set")),
    ("The inquiry is due to report back on March 4.", "March 4", ("future", "is due to report")),
    ("The firm plans to launch the probe on January 8.", "January 8", ("future", "plans to launch")),
    ("Early voting begins October 21 at four sites.", "October 21", ("future", "begins")),
    ("On December 27, the dollar fell to a low.", "December 27", ("past", "fell")),
    ("The freeze, announced on March 3, halts the funds.", "March 3", ("past", "announced")),
    ("Profit for the quarter ended June 30 rose 38%.", "June 30", ("past", "ended")),
    ("An agreement that expired June 30 was not renewed.", "June 30", ("past", "expired")),
    ("He was calmer than when he gave his December 17 budget speech.", "December 17", ("past", "gave")),
    ("The price for October 6 was 195 cents.", "October 6", ("past", "was")),
    ("In a June 6 letter, the bank said it would lend.", "June 6", ("past", "said")),
])
def test_clause_reader_finds_the_verb_a_date_belongs_to(sentence, date, expected):
    assert governed(sentence, date) == expected


@pytest.mark.parametrize("sentence,date", [
    ("The race, which had been scheduled for June 7, was cancelled.", "June 7"),
    ("The stock fell on September 5, in the wake of the September 8 news.", "September 8"),
    ("Firms that file by June 30 will not face penalties.", "June 30"),
    ("The case was postponed to September 14.", "September 14"),
    ("The committee will discuss the March 3 deadline.", "March 3"),
    ("It cut its forecast for the year ending March 31, 2024.", "March 31, 2024"),
    ("Tickets for the opening ceremony on July 28 have sold out.", "July 28"),
    ("The tranche is due May 15, 1990 and priced at par.", "May 15, 1990"),
    ("The union accepted every proposal except notice for May 1.", "May 1"),
    ("We are excited to kick off the series this Friday, February 20.", "February 20"),
    ("The timespan we are recording is the week of May 11.", "May 11"),
])
def test_clause_reader_leaves_terms_plans_and_other_nouns_unplaced(sentence, date):
    assert governed(sentence, date)[0] == "unknown"


def test_context_flags_datelines_and_ranges():
    dd = analyse(doc_of("HONG KONG, March 16 - Shares fell from March 3-5 and between March 9 and March 12.\n"))
    flags = {m.text: m.flags for m in dd.days}
    assert "dateline" in flags["March 16"]
    assert "range" in flags["March 3"] and "range" in flags["March 9"] and "range" in flags["March 12"]
    assert dd.pub.origin == "dateline" and dd.pub.date.month == 3 and dd.pub.date.day == 16


def test_publication_inferred_from_the_timeline():
    dd = analyse(doc_of(SEED.read_text(encoding="utf-8"), name="seed.txt"))
    assert dd.pub.origin == "inferred" and (dd.pub.date.month, dd.pub.date.day) == (3, 7)
    assert "publication date inferred as March 7" in dd.pub.note()


def test_publication_from_front_matter_wins():
    dd = analyse(doc_of("---\ndate: 2025-03-18\n---\nIt happened on March 7.\n"))
    assert dd.pub.date == dt.date(2025, 3, 18) and dd.pub.note() == ""


# -- end to end ------------------------------------------------------------------------------------

def run_lint(*args, cwd=ROOT):
    proc = subprocess.run(LINT + ["--format", "json", *args], cwd=cwd, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    out = json.loads(proc.stdout)
    return out["findings"] if isinstance(out, dict) else out


@pytest.mark.parametrize("extra", [[], ["--published", "2025-03-18"]])
def test_seed_december_28_is_flagged_naming_march_7(extra):
    findings = run_lint("--select", "dates", *extra, str(SEED))
    assert [(f["rule"], f["line"]) for f in findings] == [("dates.timeline-outlier", 13)]
    f = findings[0]
    assert "December 28" in f["message"] and "March 7" in f["message"]
    line = SEED.read_text(encoding="utf-8").split("\n")[12]
    assert line[f["column"] - 1:f["end_column"] - 1] == "December 28"
    assert any(r["line"] == 11 for r in f["related"])
    assert '"followed"' in f["message"] and '"coincided with"' in f["message"]
    assert len(f["message"].split()) <= 40
    if not extra:
        assert "publication date inferred as March 7" in f["message"]
    else:
        assert "inferred" not in f["message"]


def test_clean_fixture_draws_no_date_warning():
    findings = run_lint("--select", "dates", str(FIXTURES / "clean.md"))
    assert [f for f in findings if f["level"] != "info"] == []


def test_errors_fixture():
    findings = run_lint("--select", "dates", str(FIXTURES / "errors.md"))
    got = {(f["rule"], f["line"]) for f in findings}
    assert got == {
        ("dates.weekday-mismatch", 6), ("dates.impossible", 6), ("dates.future-in-past", 8),
        ("dates.relative-mismatch", 10), ("dates.event-conflict", 14),
    }
    messages = {f["rule"]: f["message"] for f in findings}
    assert "March 11, 2025 is a Tuesday, not a Friday" in messages["dates.weekday-mismatch"]
    assert '"February 30"' in messages["dates.impossible"]
    assert '"March 19, 2026"' in messages["dates.future-in-past"]
    assert "March 17, 2025" in messages["dates.relative-mismatch"]
    assert '"March 14"' in messages["dates.event-conflict"] and "March 12" in messages["dates.event-conflict"]


def test_fact_ledger_flags_the_seed(tmp_path):
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".lint.yaml").write_text(f"rules:\n  - {ROOT / 'rules' / 'examples' / 'facts.yaml'}\n")
    findings = run_lint("--select", "facts", "seed.txt", cwd=tmp_path)
    assert [(f["rule"], f["line"]) for f in findings] == [("facts.known-dates", 13)]
    assert "February 28, 2025" in findings[0]["message"] and '"December 28"' in findings[0]["message"]


def test_fact_ledger_is_off_by_default():
    proc = subprocess.run(LINT + ["--select", "facts", str(SEED)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "'facts' matches no rule (it names rules of rules/examples/facts.yaml, which this run does not load)" \
        in proc.stderr


def test_dateparser_is_imported_only_when_a_document_needs_it():
    code = ("import sys; from pathlib import Path; from lint.documents import read_document, ReaderOptions; "
            "from lint.ruleset import load_rules; "
            "rules = load_rules([(Path('rules/dates.yaml'), 'dates.yaml')]).rules; "
            f"d = read_document(Path({str(SEED)!r}), 's.txt', ReaderOptions()); "
            "found = [f for r in rules for f in r.kind.check(d, r)]; "
            "print(bool(found), 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "True False", out.stderr
