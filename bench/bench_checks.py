#!/usr/bin/env python3
"""Time a rule family on one article and on a corpus, next to `python -c pass` measured in the same run.

usage: bench/bench_checks.py [FAMILY] [--seed FILE] [--corpus DIR] [--runs N]

FAMILY is a rule family or selector (default: dates; e.g. names). Each figure is the median of N
runs. The single article is timed through the CLI, as a user waits for it: interpreter start, rule
loading, reading and checking. The corpus is timed through the CLI on one core (--jobs 1, no cache),
and again in-process (reading and the family's checks only, no start-up) to show where time goes.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def median_wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return statistics.median(times)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.suffix.lower() in (".md", ".markdown", ".txt", ".html", ".htm"))


def in_process(family: str, files: list[Path], runs: int) -> tuple[float, float]:
    """Median seconds for reading + the family's checks, and for the checks alone."""
    sys.path.insert(0, str(ROOT))
    from lint import engine, ruleset
    from lint.documents import ReaderOptions, read_document

    packs = ruleset.pack_files(ruleset.builtin_pack_dir(), "rules")
    rules = ruleset.load_rules(packs).selected([family], []).rules
    both, checks = [], []
    for _ in range(runs):
        t = time.perf_counter()
        docs = [read_document(f, str(f), ReaderOptions()) for f in files]
        t_read = time.perf_counter() - t
        t = time.perf_counter()
        for doc in docs:
            engine.analyse(doc, rules)
        t_checks = time.perf_counter() - t
        both.append(t_read + t_checks)
        checks.append(t_checks)
    return statistics.median(both), statistics.median(checks)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("family", nargs="?", default="dates")
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "000_897c2a44bb649566.txt"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    lint = [PY, "-m", "lint", "--format", "json", "--no-cache", "--select", a.family]

    base = median_wall([PY, "-c", "pass"], a.runs)
    seed = Path(a.seed)
    seed_kb = seed.stat().st_size / 1024
    one = median_wall(lint + [str(seed)], a.runs)
    bare = median_wall(lint[:-1] + ["input.encoding", str(seed)], a.runs)
    print(f"family {a.family}, medians of {a.runs} runs, python {sys.version.split()[0]}")
    print(f"{'what':44} {'wall s':>8} {'KB/s':>9} {'x python -c pass':>17}")
    print(f"{'python -c pass':44} {base:8.3f} {'':>9} {1:17.1f}")
    print(f"{'lint, one article, no rule family':44} {bare:8.3f} {seed_kb / bare:9.1f} {bare / base:17.1f}")
    print(f"{'lint, one article (' + seed.name[:18] + ')':44} {one:8.3f} {seed_kb / one:9.1f} {one / base:17.1f}")

    corpus = Path(a.corpus)
    if corpus.is_dir():
        files = corpus_files(corpus)
        kb = sum(f.stat().st_size for f in files) / 1024
        runs = max(1, min(a.runs, 3))
        cli = median_wall(lint + ["--jobs", "1", str(corpus)], runs)
        inproc, checks = in_process(a.family, files, runs)
        print(f"{f'lint --jobs 1, corpus ({len(files)} files, {kb / 1024:.1f} MB)':44} {cli:8.3f} {kb / cli:9.1f} {cli / base:17.1f}")
        print(f"{'in-process read + checks, corpus':44} {inproc:8.3f} {kb / inproc:9.1f} {inproc / base:17.1f}")
        print(f"{'in-process ' + a.family + ' checks alone, corpus':44} {checks:8.3f} {kb / checks:9.1f} {checks / base:17.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
