"""The timeline model: the solver on tiny networks, each constraint source on sentences of its own
(several wordings of every cue), and the messages an editor reads."""
from __future__ import annotations

import datetime as dt

import pytest

from lint import ruleset
from lint.dates import stn
from lint.dates.network import DAY_ZERO, PUB, Network, Point, Reading
from lint.dates.timeline import Solver
from lint.examples import lint_texts

RULES = ruleset.load_rules(ruleset.pack_files(ruleset.builtin_pack_dir(), "rules")).selected(["dates"], [])


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def reading(text: str, sure: bool = True) -> Reading:
    return Reading(day(text), day(text), sure)


def network(pub: str = "2024-06-20") -> Network:
    return Network([reading(pub)], "publication")


def findings(pub: str | None, text: str) -> list[tuple[str, str]]:
    doc = f"---\ndate: {pub}\n---\n{text}\n" if pub else text
    return [(f.rule, f.message) for f in lint_texts([doc], RULES) if f.level != "info"]


# -- the solver ------------------------------------------------------------------------------------

def test_negative_cycle_is_the_set_of_constraints_that_cannot_hold():
    # b - a in [2, 2] and b - a in [-INF, 0]: the cycle holds exactly those two constraints
    edges = stn.edges_of(0, 1, 2, 2, "two days after") + stn.edges_of(0, 1, -stn.INF, 0, "before")
    cycle = stn.negative_cycle(2, edges)
    assert {e[3] for e in cycle} == {"two days after", "before"}
    assert stn.negative_cycle(2, stn.edges_of(0, 1, 2, 2, "two days after")) is None


def test_distances_bound_a_point():
    edges = stn.edges_of(0, 1, 3, 5, "x") + stn.edges_of(1, 2, 1, 1, "y")
    assert stn.distances(3, edges, 0)[2] == 6  # t(2) <= 6
    assert stn.distances(3, edges, 0, reverse=True)[2] == -4  # t(2) >= 4


def test_consistent_network_has_no_conflict():
    net = network()
    a = net.add_point(Point("June 1", [reading("2024-06-01")], start=10, end=16))
    b = net.add_point(Point("June 3", [reading("2024-06-03")], start=30, end=36))
    net.add(a, b, 2, 2, "offset", "two days after", 20, 34)
    net.add(b, PUB, -1, stn.INF, "past", "said", 40, 44)
    assert Solver(net).solve() == []


def test_blame_falls_on_the_date_with_less_support_and_the_fit_says_where_it_belongs():
    net = network()
    resigned = net.add_point(Point("July 1", [reading("2024-07-01")], start=10, end=16, support=1))
    approved = net.add_point(Point("June 3", [reading("2024-06-03")], start=40, end=46))
    net.add(resigned, approved, 2, 2, "offset", "two days after", 20, 34)
    (conflict,) = Solver(net).solve()
    assert conflict.culprit == approved and conflict.source == "offset" and conflict.other == resigned
    assert conflict.fit == (day("2024-07-03"), day("2024-07-03"))
    assert [c.words for c in conflict.evidence] == ["two days after"]


def test_between_equals_the_later_mention_is_blamed():
    net = network()
    first = net.add_point(Point("May 4", [reading("2024-05-04")], start=10, end=15))
    second = net.add_point(Point("May 14", [reading("2024-05-14")], start=80, end=86))
    net.add(first, second, 0, 0, "same-event", "the summit", 80, 86)
    assert [c.culprit for c in Solver(net).solve()] == [second]


def test_one_sure_reading_that_fits_clears_a_date():
    net = network("2025-01-10")
    meeting = net.add_point(Point("December 28", [reading("2025-12-28"), reading("2024-12-28")], start=5, end=16))
    net.add(meeting, PUB, -1, stn.INF, "past", "followed", 0, 4)
    assert Solver(net).solve() == []


def test_a_loose_reading_clears_a_date_only_when_nothing_ties_it_to_the_story():
    alone = network("2024-03-07")
    d = alone.add_point(Point("December 28", [reading("2024-12-28"), reading("2023-12-28", sure=False)],
                              start=5, end=16))
    alone.add(d, PUB, -1, stn.INF, "past", "was", 0, 3)
    assert Solver(alone).solve() == []
    tied = network("2024-03-07")
    d = tied.add_point(Point("December 28", [reading("2024-12-28"), reading("2023-12-28", sure=False)],
                             start=5, end=16))
    attack = tied.add_point(Point("March 7", [reading("2024-03-07")], start=50, end=57, support=1))
    halt = tied.add_point(Point("the halt", [], blamable=False))
    tied.add(d, PUB, -1, stn.INF, "past", "followed", 20, 28)
    tied.add(d, halt, 0, stn.INF, "order", "followed", 20, 28)
    tied.add(halt, attack, -3, 3, "order", "coincided with", 30, 44)
    (conflict,) = Solver(tied).solve()
    assert conflict.culprit == d and conflict.other == attack
    assert [c.words for c in conflict.evidence] == ["followed", "coincided with"]


def test_calendar_constraint_reads_the_next_month():
    net = network("2020-11-25")
    images = net.add_point(Point("August 17", [reading("2020-08-17")], start=5, end=14))
    confirmed = net.add_point(Point("October 3", [reading("2020-10-03")], start=40, end=49))
    net.add(images, confirmed, 1, 62, "offset", "The following month", 20, 39, ("month", 1))
    (conflict,) = Solver(net).solve()
    assert conflict.culprit == confirmed and conflict.fit == (day("2020-09-01"), day("2020-09-30"))


def test_day_zero_and_publication_are_never_blamed():
    net = network("2024-06-20")
    late = net.add_point(Point("July 1", [reading("2024-07-01")], start=0, end=6))
    net.add(late, PUB, -1, stn.INF, "past", "signed", 10, 16)
    (conflict,) = Solver(net).solve()
    assert conflict.culprit == late and conflict.culprit not in (DAY_ZERO, PUB)


# -- sources, each cue in several wordings ---------------------------------------------------------

FLAGGED = [
    # tense against publication
    ("dates.future-in-past", "2022-11-20", "The council approved the budget on December 5."),
    ("dates.future-in-past", "2022-11-20", "The deal, signed on December 5, ends a long dispute."),
    ("dates.future-in-past", "2022-11-20", "A storm hit the coast on December 5, killing two people."),
    ("dates.future-in-past", "2024-06-10", "The contract expired on August 31, the company said."),
    ("dates.future-in-past", "2024-06-10", "Exports fell in the week ended July 2, the ministry said."),
    ("dates.future-in-past", "2022-11-20", "He died on December 5 at the age of 90."),
    ("dates.past-in-future", "2024-03-10", "The vote is scheduled for March 3."),
    ("dates.past-in-future", "2024-03-10", "The trial is expected to begin on March 3."),
    ("dates.past-in-future", "2024-03-10", "Ministers are due to meet in Brussels on March 3."),
    ("dates.past-in-future", "2024-03-10", "Polls open on March 3."),
    ("dates.past-in-future", "2024-03-10", "Talks are to resume on March 3."),
    ("dates.past-in-future", "2024-03-10", "The team will be travelling to Madrid on March 3."),
    # order words
    ("dates.timeline-outlier", "2024-06-20", "Prices rose on June 4, following the central bank's decision on June 9."),
    ("dates.timeline-outlier", "2024-06-20", "The strike ended on March 3, before talks resumed on March 1."),
    ("dates.timeline-outlier", "2024-06-20", "After the fire on May 9, the council met on May 2."),
    ("dates.timeline-outlier", "2024-06-20", "The ruling on May 3 led to protests on April 28."),
    ("dates.timeline-outlier", "2022-11-20", "The group has raised $5 million since December 5."),
    ("dates.timeline-outlier", "2024-03-05", "The shutdown came after the March 12 vote, officials said."),
    ("dates.timeline-outlier", "2024-03-05", "The walkout was prompted by the March 12 vote."),
    # offsets
    ("dates.offset-mismatch", "2024-07-20", "The minister resigned on July 1. Three days later, on July 9, parliament was dissolved."),
    ("dates.offset-mismatch", "2024-07-20", "Parliament was dissolved on July 9, three days after the minister resigned on July 1."),
    ("dates.offset-mismatch", "2024-07-20", "He was released on April 10, a day before his trial began on April 12."),
    ("dates.offset-mismatch", "2024-07-20", "Two weeks after the March 1 vote, on March 4, the law took effect."),
    ("dates.offset-mismatch", "2024-11-20", "On June 3 the jury convicted him, a week after the trial opened on June 8."),
    ("dates.offset-mismatch", "2024-05-20", "The ban was lifted on May 8, nine days after the court ruled on May 3."),
    ("dates.offset-mismatch", "2024-05-20", "Six months after the election on May 25, the government fell on June 2."),
    # one event, two dates
    ("dates.event-conflict", "2024-06-20", "The summit, held in Lisbon on May 4, ended without a deal.\n\nSince the May 14 summit, officials have met twice."),
    ("dates.event-conflict", "2024-06-20", "Her resignation on March 2 surprised colleagues.\n\nShe resigned on March 4 after a row."),
    ("dates.event-conflict", "2023-06-20", "The ceremony was held on June 1.\n\nGuests at the June 3 ceremony included the mayor."),
    ("dates.event-conflict", "2023-08-20", "Smith was arrested on July 8.\n\nHis July 18 arrest followed a tip-off."),
    # ranges and durations
    ("dates.range-mismatch", "2024-09-20", "The five-day conference, October 3-9, will draw 2,000 delegates."),
    ("dates.range-mismatch", "2024-09-20", "The three-month pilot, which began on January 10 and ended on June 30, cost $2 million."),
    ("dates.range-mismatch", "2024-05-20", "The festival runs from June 4 to June 9 over three days."),
    ("dates.range-mismatch", "2023-06-20", "The festival, a week-long event, runs June 4-14."),
    ("dates.range-mismatch", "2023-08-20", "The exhibition, which runs for six weeks from Sept. 1, closes on Sept. 15."),
    # elapsed time
    ("dates.elapsed-mismatch", "2025-03-20", "Jones, 45, who was born on March 2, 1970, will lead the team."),
    ("dates.elapsed-mismatch", "2023-05-20", "Born in 1958, Okafor, 61, now chairs the fund."),
    ("dates.elapsed-mismatch", "2024-05-20", "Crowds gathered on Monday to mark the 30th anniversary of the 1989 revolution."),
    ("dates.elapsed-mismatch", "2024-06-20", "The club celebrated its 100th anniversary on Saturday. It was founded in 1928 by railway workers."),
    ("dates.elapsed-mismatch", "2024-05-20", "Ten years after the 2008 crash, banks have rebuilt their capital."),
    ("dates.elapsed-mismatch", "2024-05-20", "Growth slowed for a fifth straight year, a slump that began in 2022."),
    # relative words and datelines
    ("dates.relative-mismatch", "2024-03-10", "Two days ago, on March 3, the bank cut rates."),
    ("dates.relative-mismatch", "2024-03-12", "The vote will take place next Monday, March 11."),
    ("dates.relative-mismatch", "2023-03-10", "Last Friday (March 2), the bank raised rates."),
    ("dates.relative-mismatch", None, "LISBON, March 10 (Reuters) - Nurses walked out yesterday, March 3, "
                                      "over pay."),
    ("dates.range-mismatch", "2024-05-20", "The three-day visit ran between March 3 and March 9."),
    ("dates.elapsed-mismatch", "2024-05-20", "Born on March 3, 1960, Tanaka is 54 and still runs the shop."),
    ("dates.past-in-future", "2024-03-10", "The council votes on March 3 on the new budget."),
    ("dates.event-conflict", "2024-06-20", "The premiere on May 4 drew crowds.\n\nCritics at the May 6 premiere were less kind."),
    ("dates.dateline-mismatch", "2023-03-20", "Paris, March 3 (AFP) - French unions called a new strike."),
    ("dates.dateline-mismatch", "2023-03-20", "WASHINGTON, Jan. 5 — The Senate passed the bill."),
]

CLEAN = [
    ("2022-11-20", "The council will approve the budget on December 5."),
    ("2025-02-10", "Sales for the year ended December 31 rose 4%."),
    ("2024-01-19", "The group praised the attacks on Oct. 7, which killed hundreds."),
    ("2024-02-22", "Parliament set an early election for May 25, hours after the president fled."),
    ("2024-03-20", "The team is headed to Denver on June 19 for the final."),
    ("2024-04-15", "Last June 9, more than 5,000 runners finished the race."),
    ("2024-03-10", "The vote, originally scheduled for March 3, was postponed."),
    ("2024-12-20", "The office will be closed from December 24 to January 2."),
    ("2024-03-10", "He said he would travel to Paris on March 3."),
    ("2024-06-20", "Prices rose on June 9, following the central bank's decision on June 4."),
    ("2024-07-20", "Parliament was dissolved on July 9, a week after the minister resigned on July 2."),
    ("2024-03-20", "The talks opened on March 3. Forty-eight hours later, on March 5, they collapsed."),
    ("2024-06-20", "The first summit, held on May 4, failed. A second summit on May 14 succeeded."),
    ("2024-05-20", "Smith was arrested on May 2 and Jones on May 9."),
    ("2024-09-20", "The five-day conference, October 3-7, will draw 2,000 delegates."),
    ("2025-03-20", "Jones, 55, who was born on March 2, 1970, will lead the team."),
    ("2021-05-10", "In the two years since the flood of 2019, the town has rebuilt its levee."),
    ("2024-03-08", "Shares fell 5% on Friday after the company said on Thursday that profits slumped."),
    ("2024-05-20", "Meanwhile, March 3 - the day of the vote - passed quietly."),
    ("2024-03-10", "The meeting, which had been set for March 3, was called off."),
    ("2023-11-15", "Profit for the six months to September 30 fell 27% from a year earlier."),
    ("2017-04-12", "Any domain created after May 15, 2017, will be registered as HTTPS-only."),
]


@pytest.mark.parametrize("rule,pub,text", FLAGGED)
def test_each_cue_is_read_in_its_wordings(rule, pub, text):
    assert rule in [r for r, _ in findings(pub, text)], findings(pub, text)


@pytest.mark.parametrize("pub,text", CLEAN)
def test_consistent_or_unplaced_timelines_draw_nothing(pub, text):
    assert findings(pub, text) == []


# -- messages --------------------------------------------------------------------------------------

def test_offset_message_quotes_the_cue_the_other_date_and_what_would_fit():
    (rule, message), = findings("2024-07-20", "The board approved the sale on June 3, two days after the "
                                              "mayor resigned on July 1.")
    assert rule == "dates.offset-mismatch"
    assert message == '"June 3" cannot be "two days after" July 1 (line 4): that would be July 3, 2024'


def test_range_message_says_which_end_and_the_days_that_would_fit():
    (_, message), = findings("2019-04-02", "The 10-day stoppage, which began on March 1 and ended on March "
                                           "25, cost the port dearly.")
    assert message.startswith('"March 25" cannot end "10-day stoppage" that starts March 1 (line 4): a date between')


def test_finding_data_carries_the_evidence_and_the_fit():
    doc = "---\ndate: 2023-07-20\n---\nThe treasurer resigned on June 27. A week later, on July 11, the budget went back.\n"
    (finding,) = [f for f in lint_texts([doc], RULES) if f.level != "info"]
    assert finding.data["fit"] == ["2023-07-03", "2023-07-05"]
    assert [(e["words"], e["source"], e["line"]) for e in finding.data["evidence"]] == [("A week later", "offset", 4)]
