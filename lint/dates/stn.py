"""A simple temporal network: difference constraints between points, decided by shortest paths.

Constraints `lo <= t(b) - t(a) <= hi` become the edges a -> b (weight hi) and b -> a (weight -lo) of
a distance graph; they can all hold exactly when that graph has no negative cycle (Dechter, Meiri
and Pearl, 1991). Bellman-Ford from a virtual source finds one, and the cycle's edges are the
constraints that jointly cannot hold. Shortest paths from day zero bound where a point may lie.
An article has tens of points, so this costs next to nothing.
"""
from __future__ import annotations

INF = float("inf")


class Edge(tuple):
    """(a, b, weight, tag): t(b) - t(a) <= weight; `tag` says which constraint it came from."""

    __slots__ = ()

    def __new__(cls, a: int, b: int, weight: float, tag):
        return tuple.__new__(cls, (a, b, weight, tag))


def edges_of(a: int, b: int, lo: float, hi: float, tag) -> list[Edge]:
    out = []
    if hi != INF:
        out.append(Edge(a, b, hi, tag))
    if lo != -INF:
        out.append(Edge(b, a, -lo, tag))
    return out


def negative_cycle(n: int, edges: list[Edge]) -> list[Edge] | None:
    """The edges of a negative cycle, in order, or None when every constraint can hold."""
    dist = [0.0] * n
    pred: list[Edge | None] = [None] * n
    last = -1
    for _ in range(n + 1):
        last = -1
        for e in edges:
            a, b, w, _tag = e
            if dist[a] + w < dist[b] - 1e-9:
                dist[b] = dist[a] + w
                pred[b] = e
                last = b
        if last == -1:
            return None
    # `last` was relaxed in the n+1-th pass: walking back n times lands inside the cycle
    x = last
    for _ in range(n):
        x = pred[x][0]
    cycle, y = [], x
    while True:
        e = pred[y]
        cycle.append(e)
        y = e[0]
        if y == x:
            break
    cycle.reverse()
    return cycle


def distances(n: int, edges: list[Edge], source: int, reverse: bool = False) -> list[float]:
    """Shortest distances from `source` (to it, with `reverse`), on a graph without negative cycles."""
    dist = [INF] * n
    dist[source] = 0.0
    for _ in range(n):
        changed = False
        for a, b, w, _tag in edges:
            if reverse:
                a, b = b, a
            if dist[a] + w < dist[b] - 1e-9:
                dist[b] = dist[a] + w
                changed = True
        if not changed:
            break
    return dist
