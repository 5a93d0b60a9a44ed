"""One solver for an article's timeline: which readings hold together, which constraints cannot,
and which date to blame.

1. Each point keeps its sure readings; the solver looks for one reading per point that satisfies
   every constraint (few points have more than one reading, so the search is small).
2. When none does, the negative cycle of the first assignment is a set of constraints that cannot
   hold together. Each date on it is tried in turn without its readings; the one whose removal
   leaves the rest consistent while dropping the least support is blamed (a date backed by two
   other parts of the story is not the one to blame; between equals, the later mention, since a
   slip is more often made re-typing a date than giving it first).
3. A blamed date that the text ties to nothing but the publication may still be read in the year
   before, months back (a loose reading): then it is cleared. Otherwise it is a conflict, with the
   constraints of the cycle as evidence and the days the rest of the story leaves for it.
4. Without the blamed date's readings, the solver goes on to the next conflict.
"""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from . import stn
from .network import DAY_ZERO, INF, PUB, Constraint, Network, Reading

MAX_ASSIGNMENTS = 48  # combinations of readings tried for one question
MAX_CONFLICTS = 6
# which cue a conflict is filed under when its evidence mixes several (the most specific first)
PRIORITY = ("fact", "same-event", "offset", "range", "elapsed", "relative", "dateline", "order", "past",
            "future")


@dataclass
class Conflict:
    culprit: int  # the blamed point
    source: str  # the kind of cue it contradicts (see PRIORITY)
    evidence: list[Constraint]  # the constraints from the culprit to `other`, nearest first
    other: int | None  # the dated point the evidence ties it to (None: none on the cycle)
    fit: tuple[dt.date | None, dt.date | None]  # the days the rest of the story leaves for it


def _reading_edges(index: int, reading: Reading) -> list[stn.Edge]:
    return stn.edges_of(DAY_ZERO, index, reading.lo.toordinal(), reading.hi.toordinal(), ("reading", index))


class Solver:
    def __init__(self, net: Network):
        self.net = net
        self.n = len(net.points)
        self._drop(set())

    def _drop(self, dropped: set[int]) -> None:
        """Leave out constraints that contradict each other whatever the dates (two readings of
        the text, not of the calendar: nothing to blame a date for)."""
        self.static: list[stn.Edge] = []
        self.calendar: list[tuple[int, Constraint]] = []
        for k, c in enumerate(self.net.constraints):
            if k in dropped:
                continue
            if c.calendar is None:
                self.static.extend(stn.edges_of(c.a, c.b, c.lo, c.hi, k))
            else:
                self.calendar.append((k, c))
        self.dropped = dropped

    def _edges(self, assignment: dict[int, Reading]) -> list[stn.Edge]:
        edges = list(self.static)
        for index, reading in assignment.items():
            edges.extend(_reading_edges(index, reading))
        for k, c in self.calendar:
            a_reading = assignment.get(c.a)
            lo, hi = c.bounds(a_reading.day if a_reading is not None else None)
            edges.extend(stn.edges_of(c.a, c.b, lo, hi, k))
        return edges

    def _assignments(self, active: dict[int, list[Reading]]):
        fixed = {i: rs[0] for i, rs in active.items() if len(rs) == 1}
        multi = [(i, rs) for i, rs in active.items() if len(rs) > 1]
        for combo in itertools.islice(itertools.product(*(rs for _, rs in multi)), MAX_ASSIGNMENTS):
            assignment = dict(fixed)
            assignment.update({i: r for (i, _), r in zip(multi, combo)})
            yield assignment

    def find(self, active: dict[int, list[Reading]]):
        """(assignment, None) for readings under which every constraint holds, else (the first
        assignment, its negative cycle)."""
        first = None
        for assignment in self._assignments(active):
            edges = self._edges(assignment)
            cycle = stn.negative_cycle(self.n, edges)
            if cycle is None:
                return assignment, None, edges
            if first is None:
                first = (assignment, cycle, edges)
        return first

    def support(self, index: int) -> int:
        """What backs a point's date: its own support (the same day written again, a weekday that
        agrees) and the ties to other dated points."""
        points = self.net.points
        return points[index].support + sum(1 for c in self.net.ties(index)
                                           if points[c.b if c.a == index else c.a].readings)

    def solve(self) -> list[Conflict]:
        net = self.net
        if not net.constraints:
            return []  # readings alone cannot conflict
        active = {i: [r for r in p.readings if r.sure] for i, p in enumerate(net.points) if p.readings}
        active = {i: rs for i, rs in active.items() if rs}
        conflicts: list[Conflict] = []
        edges = None
        for _ in range(MAX_CONFLICTS):
            _assignment, cycle, edges = self.find(active)
            if cycle is None:
                break
            culprit = self._blame(active, cycle)
            if culprit is None:
                self._drop(self.dropped | {e[3] for e in cycle if not isinstance(e[3], tuple)})
                continue
            rescued = self._loose(active, culprit)
            if rescued is not None:
                active = rescued
                continue
            active = {i: rs for i, rs in active.items() if i != culprit}
            conflicts.append(self._conflict(culprit, cycle))
        else:
            edges = None
        if edges is not None:  # consistent without the culprits: the days the story leaves them
            upper = stn.distances(self.n, edges, DAY_ZERO)
            lower = stn.distances(self.n, edges, DAY_ZERO, reverse=True)
            for c in conflicts:
                lo, hi = lower[c.culprit], upper[c.culprit]
                c.fit = (dt.date.fromordinal(int(-lo)) if lo != INF else None,
                         dt.date.fromordinal(int(hi)) if hi != INF else None)
        return conflicts

    def _blame(self, active, cycle) -> int | None:
        """The point to blame for a cycle: one whose removal resolves it (the rest consistent, or
        left with a conflict elsewhere), with the least support; between equals, the one a cue
        places, then the later in the text. None when no removal resolves it."""
        tags = {e[3] for e in cycle if not isinstance(e[3], tuple)}  # its text constraints
        candidates = []
        seen = set()
        for a, b, _w, _tag in cycle:
            for i in (a, b):
                p = self.net.points[i]
                if i in seen or not p.blamable or i not in active:
                    continue
                seen.add(i)
                _assignment, left, _edges = self.find({j: rs for j, rs in active.items() if j != i})
                if left is None or not tags & {e[3] for e in left}:
                    candidates.append((self.support(i), not self._placed(i, cycle), -p.start, i))
        return min(candidates)[3] if candidates else None

    def _placed(self, index: int, cycle) -> bool:
        """Is the point the one a cue of the cycle places ("two days after X", the second date
        of one event), rather than the one it measures from?"""
        return any(not isinstance(e[3], tuple) and self.net.constraints[e[3]].b == index
                   and self.net.constraints[e[3]].source not in ("past", "future") for e in cycle)

    def _loose(self, active, culprit: int):
        """Active readings with the culprit's loose readings in play, when the text ties it to
        nothing but the publication and one of them makes the article consistent; else None."""
        loose = [r for r in self.net.points[culprit].readings if not r.sure]
        if not loose or self.net.ties(culprit):
            return None
        trial = dict(active)
        trial[culprit] = loose
        left = self.find(trial)[1]
        return trial if left is None or all(culprit not in e[:2] for e in left) else None

    def _conflict(self, culprit: int, cycle) -> Conflict:
        net = self.net
        evidence, other = _run_from(cycle, culprit, net)
        ties = net.ties(culprit)
        if not any(c.source not in ("past", "future") for c in evidence) and ties and \
                any(not r.sure for r in net.points[culprit].readings):
            # no reading cleared it because the text ties it to the story: the ties are the evidence
            path, far = _tie_path(ties, culprit, net)
            if far is not None:
                evidence, other = path, far
        source = min((c.source for c in evidence), key=PRIORITY.index, default="past")
        return Conflict(culprit, source, evidence, other, (None, None))


def _run_from(cycle, culprit: int, net: Network) -> tuple[list[Constraint], int | None]:
    """The text constraints of the cycle that lead from the culprit to the nearest point with a
    calendar reading on the cycle (the date the evidence ties it to), and that point."""
    k = len(cycle)
    dated = {e[3][1] for e in cycle if isinstance(e[3], tuple)} | {PUB}
    best: tuple[list[Constraint], int | None] = ([], None)
    for direction in (1, -1):
        starts = [i for i, e in enumerate(cycle) if (e[0] if direction == 1 else e[1]) == culprit]
        for s in starts:
            run, seen = [], set()
            i = s
            end = None
            for _ in range(k):
                e = cycle[i % k]
                if isinstance(e[3], tuple):
                    break
                c = net.constraints[e[3]]
                if e[3] not in seen:
                    seen.add(e[3])
                    run.append(c)
                end = e[1] if direction == 1 else e[0]  # the far end so far
                if end in dated and end != culprit:
                    break
                i += direction
            if run and (not best[0] or _rank(run) < _rank(best[0]) or
                        (_rank(run) == _rank(best[0]) and len(run) < len(best[0]))):
                best = (run, end)
    return best


def _rank(run: list[Constraint]) -> int:
    return min(PRIORITY.index(c.source) for c in run)


def _tie_path(ties: list[Constraint], culprit: int, net: Network) -> tuple[list[Constraint], int | None]:
    """The ties from the culprit to a dated point, directly or through one undated event."""
    for c in ties:
        other = c.b if c.a == culprit else c.a
        if net.points[other].readings and other != PUB:
            return [c], other
        for d in net.constraints:
            if d is not c and other in (d.a, d.b) and d.source not in ("past", "future"):
                far = d.b if d.a == other else d.a
                if far != culprit and net.points[far].readings:
                    return [c, d], far
    return list(ties), None
