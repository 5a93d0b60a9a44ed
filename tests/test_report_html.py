"""The HTML report: one self-contained page; rendered in headless Chromium for the seed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lint.model import Excerpt, Finding, Location, Related
from lint.report import Report, render

from corehelp import run, write

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_897c2a44bb649566.txt"
# Headless Chromium renders the page; where it is not installed those tests are skipped with the
# reason (`pytest -rs` lists it), and CI installs it first (.ci/run).
CHROMIUM = next((path for path in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"),
                                   shutil.which("google-chrome")) if path and os.path.exists(path)), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)")


class _Texts(HTMLParser):
    """Text inside the first element of each class asked for (by tag nesting)."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.depth, self.texts, self.current = css_class, 0, [], None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.css_class in classes:
            self.depth, self.current = 1, []

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if not self.depth:
                self.texts.append(" ".join(self.current))

    def handle_data(self, data):
        if self.depth and data.strip():
            self.current.append(data.strip())


def texts(page: str, css_class: str) -> list[str]:
    parser = _Texts(css_class)
    parser.feed(page)
    return parser.texts


def seed_report(capsys, monkeypatch, tmp_path) -> Path:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    code, stdout, _ = run(capsys, "--no-cache", "--format", "html", "--output", str(out), "seeds/")
    assert code == 1 and stdout == ""
    return out


def test_seed_page_is_self_contained_and_shows_the_timeline(capsys, monkeypatch, tmp_path):
    page = seed_report(capsys, monkeypatch, tmp_path).read_text(encoding="utf-8")
    assert not re.search(r"<link\b|\bsrc=|@import|url\(|https?://(?!www\.w3\.org/2000/svg)", page)
    (timeline,) = texts(page, "timeline")
    assert "published March 7 (inferred from the article's timeline)" in timeline
    assert "December 28" in timeline and "March 7" in timeline
    # the flagged date and the date it conflicts with are marked on the axis and in the table
    assert re.search(r'<g class="pt flagged"><title>December 28: December 28 \(line 13\)', page)
    assert re.search(r'<g class="pt related"><title>March 7: March 7 \(line 11\); March 7 \(line 21\)', page)
    assert '<tr class="flagged"><td>December 28</td>' in page
    # excerpts: the flagged span highlighted in its line, the related date too
    assert 'Oval Office on <mark class="hit">December 28</mark>.</pre>' in page
    assert 'was on <mark class="rel">March 7</mark>. The enemy' in page
    assert texts(page, "headline") == ["Ceasefire talks vs. missile strikes: What Russia does while Trump negotiates"]
    assert [t.split()[1] for t in texts(page, "head")] == [
        "input.page-residue", "headlines.repeated-in-body", "dates.timeline-outlier"]


def chromium(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=120)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]


@needs_chromium
def test_console_capture_sees_errors(tmp_path):
    bad = write(tmp_path / "bad.html", "<p>x</p><script>console.error('boom'); missingFunction();</script>")
    result = chromium("--dump-dom", bad.as_uri(), tmp_path=tmp_path)
    assert any("Uncaught ReferenceError" in line for line in console_lines(result.stderr)), result.stderr


@needs_chromium
def test_seed_page_renders_in_chromium_without_console_errors(capsys, monkeypatch, tmp_path):
    report = seed_report(capsys, monkeypatch, tmp_path)
    result = chromium("--dump-dom", report.as_uri(), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert console_lines(result.stderr) == []
    (timeline,) = texts(result.stdout, "timeline")
    assert "December 28" in timeline
    shot = tmp_path / "report.png"
    result = chromium(f"--screenshot={shot}", "--window-size=1280,1600", report.as_uri(), tmp_path=tmp_path)
    assert console_lines(result.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20000


def test_escaping_and_findings_without_data():
    at, there = Location("a<1>.md", 1, 4, 1, 12), Location("a<1>.md", 2, 1, 2, 3)
    f = Finding("x.y", "error", 'bad <b>"tag"</b>', at,
                [Related(there, "see <here>", Excerpt.around("<i>t", there))],
                excerpt=Excerpt.around("if <script>alert(1)</script>", at))
    page = render("html", Report([f], 1, articles={"a<1>.md": {"headline": "<em>Head</em>"}}))
    assert "<script>alert" not in page and "<b>" not in page and "<em>" not in page
    assert '<mark class="hit">&lt;script&gt;</mark>alert(1)&lt;/script&gt;' in page
    assert '<mark class="rel">&lt;i</mark>&gt;t' in page
    assert "bad &lt;b&gt;&quot;tag&quot;&lt;/b&gt;" in page and "see &lt;here&gt;" in page
    assert "<h2>a&lt;1&gt;.md</h2>" in page
    # a finding of a date rule that carries no timeline is listed without one
    dated = Finding("dates.impossible", "error", "m", Location("a.md", 1, 1, 1, 2), kind="date-impossible")
    page = render("html", Report([dated], 1))
    assert 'class="timeline"' not in page and '<code class="rule">dates.impossible</code>' in page


def test_timeline_with_a_front_matter_date_and_an_impossible_date(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "---\ntitle: Port strike\ndate: 2025-03-18\n---\n"
          "The port reopened on Friday, March 11, after a strike that began on February 30.\n\n"
          "The strike was called on March 1, 2025.\n")
    code, out, _ = run(capsys, "--no-cache", "--format", "html", "a.md")
    (timeline,) = texts(out, "timeline")
    assert "published March 18, 2025 (from the front matter)" in timeline
    assert "Not on the axis (no such day): “February 30” (line 5)" in timeline
    assert re.search(r'<g class="pt flagged"><title>March 11, 2025: Friday, March 11 \(line 5\)', out)
    assert '<g class="pt"><title>March 1, 2025: March 1, 2025 (line 7)' in out
    assert "publication date" not in timeline  # no date in the text falls on it


def test_timeline_draws_the_evidence_and_where_the_flagged_date_would_fit():
    june, july = ({"text": "June 27", "line": 3, "column": 10, "end_line": 3, "end_column": 17, "date": "2023-06-27",
                   "year_written": False},
                  {"text": "July 11", "line": 3, "column": 40, "end_line": 3, "end_column": 47, "date": "2023-07-11",
                   "year_written": False})
    timeline = {"published": "2023-07-20", "published_origin": "front-matter", "year_known": True,
                "dates": [june, july], "omitted": 0}
    articles = {"a.md": {"timeline": timeline}}
    evidence = [{"words": "A week later", "source": "offset", "line": 3, "column": 25, "end_line": 3,
                 "end_column": 37}]
    dates = [{**july, "role": "flagged"}, {**june, "role": "related"}]
    flagged = Finding("dates.offset-mismatch", "warning", "any wording", Location("a.md", 3, 40, 3, 47),
                      [Related(Location("a.md", 3, 10, 3, 17), "June 27")], kind="date-offset",
                      data={"date": "July 11", "dates": dates, "evidence": evidence, "fit": ["2023-07-03", "2023-07-05"]})
    page = render("html", Report([flagged], 1, articles=articles))
    assert re.search(r'<rect class="fit" [^>]*><title>July 11 would fit here</title>', page)
    assert '<g class="pt flagged"><title>July 11, 2023: July 11 (line 3)' in page
    assert '<g class="pt related"><title>June 27, 2023: June 27 (line 3)' in page
    (chain,) = texts(page, "evidence")
    assert chain == "July 11 — “A week later” (line 3); would fit between July 3, 2023 and July 5, 2023"
    open_ended = Finding("dates.timeline-outlier", "warning", "m", Location("a.md", 3, 40, 3, 47), kind="date-timeline",
                         data={"date": "July 11", "dates": dates, "evidence": evidence, "fit": [None, "2023-06-27"]})
    (chain,) = texts(render("html", Report([open_ended], 1, articles=articles)), "evidence")
    assert chain.endswith("would fit before June 27, 2023")


def test_name_clusters_with_counts(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "--no-cache", "--format", "html", "tests/fixtures/names/")
    clusters = texts(out, "cluster")
    assert any("Cathay" in c and "in 2 other article(s)" in c and "Cathai 2× (flagged)" in c for c in clusters), clusters
    assert 'spelled "Cathay" here: tests/fixtures/names/airline-a.md:6:1' in " ".join(clusters).replace("&quot;", '"')
    spellings = [{"text": "Smith", "count": 4, "counted_in": "article", "flagged": False},
                 {"text": "Smyth", "count": 1, "counted_in": "article", "flagged": True}]
    single = Finding("names.variant", "warning", "any wording", Location("a.md", 1, 1, 1, 6),
                     data={"spellings": spellings})
    (cluster,) = texts(render("html", Report([single], 1)), "cluster")
    assert cluster == "Smith 4× in this article Smyth 1× (flagged)"
    undecided = Finding("names.variant", "warning", "any wording", Location("a.md", 1, 1, 1, 6),
                        data={"spellings": spellings, "decided": False})
    (cluster,) = texts(render("html", Report([undecided], 1)), "cluster")
    assert cluster == "Smith 4× in this article Smyth 1× (flagged; which is right is unclear)"


def test_a_finding_spanning_a_date_marks_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", "---\ndate: 2025-03-18\n---\nDockers returned to work yesterday, March 3, the company said.\n")
    code, out, _ = run(capsys, "--no-cache", "--format", "html", "a.md")
    assert '<mark class="hit">yesterday, March 3</mark>' in out
    assert '<tr class="flagged"><td>March 3, 2025</td>' in out


def test_user_rules_get_their_clusters_and_timeline_from_the_findings_data(tmp_path, capsys, monkeypatch):
    """The page draws from the findings' data, not from message wording or rule ids: a names rule
    whose message a newsroom rewrote keeps its clusters, and a date rule of a user pack (a fact
    ledger, family 'desk') gets its timeline."""
    pack = (
        "rules:\n"
        "  - id: desk.name-spelling\n"
        "    check: name-variant\n"
        "    level: warning\n"
        "    message: \"Check the spelling: {variant} or {usual}?\"\n"
        "    description: names spelled two ways\n"
        "    examples:\n"
        "      flag: [\"Anna Kowalczyk spoke. Kowalczyk left, and Kowalcyk stayed.\"]\n"
        "      pass: [\"Anna Kowalczyk spoke. Kowalczyk left.\"]\n"
        "  - id: desk.ledger\n"
        "    check: date-facts\n"
        "    level: warning\n"
        "    message: \"{date} disagrees with our records\"\n"
        "    events: {\"the harbour opening\": [\"2025-03-05\", \"harbour\", \"opened\"]}\n"
        "    description: our ledger\n"
        "    examples:\n"
        "      flag: [\"---\\ndate: 2025-03-18\\n---\\nThe harbour opened on March 9.\"]\n"
        "      pass: [\"---\\ndate: 2025-03-18\\n---\\nThe harbour opened on March 5.\"]\n")
    write(tmp_path / "desk.yaml", pack)
    (tmp_path / ".lint.yaml").write_text("builtin-rules: false\nrules: [desk.yaml]\n")
    write(tmp_path / "a.md", "---\ntitle: Harbour news\ndate: 2025-03-18\n---\n"
          "Oleksandr Musiienko said the harbour opened on March 9. Musiienko praised the crews, "
          "and Musienko thanked the city on March 10.\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "--no-cache", "--format", "html", "a.md")
    assert code == 1
    assert "Check the spelling: Musienko or Musiienko?" in out
    (cluster,) = texts(out, "cluster")
    assert cluster.startswith("Musiienko 2× in this article Musienko 1× (flagged)"), cluster
    (timeline,) = texts(out, "timeline")
    assert "published March 18, 2025 (from the front matter)" in timeline
    assert re.search(r'<g class="pt flagged"><title>March 9, 2025: March 9 \(line 5\)', out)
    assert '<g class="pt"><title>March 10, 2025: March 10 (line 5)' in out


def test_a_timeline_reaching_the_ends_of_the_calendar_is_drawn(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "d.md", "---\ndate: 0154-01-01\n---\nThe fair opened on 2000-01-01. It was the the best.\n\n"
          "The fair was on 2025-02-30.\n\nThe vault opens on December 31, 9999, they said on March 1, 0154.\n")
    code, out, err = run(capsys, "--no-cache", "--format", "html", "d.md")
    assert code == 1 and "internal error" not in err, err
    (timeline,) = texts(out, "timeline")
    assert "published January 1, 154 (from the front matter)" in timeline
