"""Constraint sources: each reads one kind of cue from an article and adds points and constraints
to its network. A new kind of cue is a new source here, not a new rule with its own exclusions.

- tense: the clause that governs a date puts it before (past) or after (future) publication;
- relative: yesterday, last Tuesday, next week next to a date, and the dateline, against publication;
- offsets: "two days after", "a week later", "the following month";
- order: after, before, followed, in the wake of, prompted, then, earlier, later;
- events: one event dated twice ("the May 4 summit" / "the summit, held on May 14");
- spans: durations and ranges ("the three-day festival, June 4-6");
- elapsed: ages, anniversaries, "five years after", "the third consecutive year".
The fact ledger (facts.py) is added by the rule that configures it.
"""
from . import elapsed, events, offsets, order, relative, spans, tense

SOURCES = (tense.constraints, relative.constraints, offsets.constraints, order.constraints, events.constraints,
           spans.constraints, elapsed.constraints)
