"""input.page-residue: lines a page export left in an article are flagged; an author's own short
lines, headings, links and wrapped sentences are not."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint import ruleset
from lint.checks.page_residue import residue
from lint.examples import lint_texts
from lint.ruleset import RuleSet

from corehelp import run_json

CHECKOUT = Path(__file__).resolve().parent.parent
RULE = next(r for r in ruleset.load_rules(ruleset.pack_files(ruleset.builtin_pack_dir(), "rules")).rules
            if r.id == "input.page-residue")


@pytest.mark.parametrize("line,what", [
    ("ua en ru", "a language switcher"), ("EN | FR | DE", "a language switcher"),
    ("English Español", "a language switcher"), ("Share", "sharing buttons"),
    ("Share this article", "sharing buttons"), ("Facebook Twitter LinkedIn", "sharing buttons"),
    ("Share 1.2K", "sharing buttons"), ("Read more »", "a teaser link"), ("Continue reading…", "a teaser link"),
    ("Subscribe to our newsletter", "a subscription prompt"), ("Skip to main content", "site navigation"),
    ("Advertisement", "an advertisement label"), ("Share: Facebook | X | Email", "sharing buttons"),
])
def test_chrome_lines(line, what):
    assert residue(line) == what


@pytest.mark.parametrize("line", [
    "Facebook", "Twitter", "Search", "Up Next", "Learn more", "Social Media", "Contact", "Next steps",
    "Sign up now!", "tweet:", "Follow us here:", "De La", "It is so", "UK EU", "Read on", "25 shares",
    "The council will share the cost", "Ms Smith",
])
def test_lines_an_author_writes(line):
    assert residue(line) is None


def lint(text: str) -> list[tuple[int, str]]:
    findings = lint_texts([text], RuleSet([RULE]))
    return [(f.location.line, f.message.split('"')[1]) for f in findings]


def test_only_paragraph_lines_that_stand_apart():
    text = ("Share\n\n## Read more\n\n- Subscribe\n\n[Share](https://example.org/share)\n\n"
            "Kaitlin noticed this\ntweet:\n\nua en ru\nCouncil approves routes\n\n"
            "The council voted.\nRead more\n\nThe bus will\nShare\nthe road.\n")
    assert lint(text) == [(1, "Share"), (12, "ua en ru"), (16, "Read more")]


def test_a_cookie_banner_is_one_finding():
    text = ("The council voted.\n\nWe use cookies to improve your experience. By continuing to browse\n"
            "you agree to our use of cookies. Accept all\n")
    assert lint(text) == [(3, "We use cookies to improve your experience. By continuing to browse you agree to our use "
                              "of cookies. Accept all")]
    assert lint("The clinic's site uses cookies only for language; no one agrees to anything.\n") == []


def test_the_seed_has_its_three_findings(capsys, monkeypatch):
    monkeypatch.chdir(CHECKOUT)
    code, data, _ = run_json(capsys, "--no-cache", "seeds/")
    assert code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in data["findings"]] == [
        ("input.page-residue", 1, 1), ("headlines.repeated-in-body", 5, 1), ("dates.timeline-outlier", 13, 239)]
