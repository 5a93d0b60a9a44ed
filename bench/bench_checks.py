#!/usr/bin/env python3
"""Time a rule family on one article and on a corpus, next to `python -c pass` measured in the same run.

usage: bench/bench_checks.py [FAMILY] [--seed FILE] [--corpus DIR] [--runs N] [--versus OTHER]
                             [--against CHECKOUT] [--sample N]

FAMILY is a rule family or selector (default: dates; e.g. names). Each figure is the median of N
runs. The single article is timed through the CLI, as a user waits for it: interpreter start, rule
loading, reading and checking. The corpus is timed through the CLI on one core (--jobs 1, no cache),
and again in-process (reading and the family's checks only, no start-up) to show where time goes.

--versus OTHER compares the two families' checks on the same corpus: in-process, each round
timing one family right after the other, so that a busy machine slows both alike; and, where valgrind is
installed, by the instructions each family's checks execute on a sample of N articles (default
200), which a shared machine's load does not change.

--against CHECKOUT compares FAMILY's checks in this checkout with the same family's checks in
another checkout of the project (an earlier commit, say: `git worktree add ../base HEAD~5`), the
same way: rounds alternating between the two packages, each in its own process, and instructions.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the in-process timings import this checkout's package, or the one --against asked a process to time
PACKAGE = Path(os.environ.get("BENCH_PACKAGE_ROOT", ROOT))
sys.path.insert(0, str(PACKAGE))
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


def family_rules(family: str) -> list:
    """The built-in rules of one family, from this checkout's package."""
    from lint import ruleset

    return ruleset.load_rules(ruleset.pack_files(ruleset.builtin_pack_dir(), "rules")).selected([family], []).rules


def analyse(doc, rules):
    """The per-article checks of one document (where the package keeps them: older checkouts had
    them in lint.engine)."""
    try:
        from lint.reading import analyse as run_checks
    except ImportError:
        from lint.engine import analyse as run_checks
    return run_checks(doc, rules)


def read_all(files: list[Path]) -> list:
    from lint.documents import ReaderOptions, read_document

    return [read_document(f, str(f), ReaderOptions()) for f in files]


def in_process(family: str, files: list[Path], runs: int) -> tuple[float, float]:
    """Median seconds for reading + the family's checks, and for the checks alone."""
    rules = family_rules(family)
    both, checks = [], []
    for _ in range(runs):
        t = time.perf_counter()
        docs = read_all(files)
        t_read = time.perf_counter() - t
        t = time.perf_counter()
        for doc in docs:
            analyse(doc, rules)
        t_checks = time.perf_counter() - t
        both.append(t_read + t_checks)
        checks.append(t_checks)
    return statistics.median(both), statistics.median(checks)


def checks_alone(families: list[str], files: list[Path], runs: int) -> dict[str, list[float]]:
    """Seconds of each family's checks over the same documents, round by round in turn."""
    rules = {family: family_rules(family) for family in families}
    docs = read_all(files)
    times: dict[str, list[float]] = {family: [] for family in families}
    for _ in range(runs):
        for family in families:
            t = time.perf_counter()
            for doc in docs:
                analyse(doc, rules[family])
            times[family].append(time.perf_counter() - t)
    return times


def sample(files: list[Path], n: int) -> list[Path]:
    """n articles spread evenly over the sorted corpus."""
    return files[::max(1, len(files) // n)][:n]


def count_target(family: str, files: list[Path], check: bool) -> None:
    """What valgrind runs: read the sample and warm the family up (every rule's first use), then
    check the rest of the sample only when `check` is set; the difference is the checks' cost."""
    rules = family_rules(family)
    docs = read_all(files)
    analyse(docs[0], rules)
    if check:
        for doc in docs[1:]:
            analyse(doc, rules)


def instructions(family: str, corpus: Path, n: int, package: Path = PACKAGE) -> int | None:
    """Instructions (millions) the family's checks execute on the sample, or None without valgrind."""
    counts = []
    for mode in ("read", "check"):
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", PY, __file__, family,
               "--corpus", str(corpus), "--sample", str(n), "--count-target", mode]
        env = {**os.environ, "PYTHONHASHSEED": "0", "BENCH_PACKAGE_ROOT": str(package)}
        try:
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
        except FileNotFoundError:
            return None
        found = re.search(r"Collected : (\d+)", proc.stderr)
        if proc.returncode != 0 or not found:
            sys.exit(f"valgrind failed ({proc.returncode}): {proc.stderr[-500:]}")
        counts.append(int(found.group(1)))
    return (counts[1] - counts[0]) // 1_000_000


def time_target(family: str, files: list[Path], runs: int) -> None:
    """What each process of --against runs: the median seconds of `runs` passes of the family's
    checks over the documents, after one pass that warms every rule up."""
    rules = family_rules(family)
    docs = read_all(files)
    for doc in docs:
        analyse(doc, rules)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for doc in docs:
            analyse(doc, rules)
        times.append(time.perf_counter() - t)
    print(statistics.median(times))


def against(family: str, other: Path, corpus: Path, runs: int, n: int) -> None:
    """FAMILY's checks in this checkout and in `other`, in alternating processes."""
    packages = {"this": ROOT, "other": other.resolve()}
    times: dict[str, list[float]] = {name: [] for name in packages}
    for _ in range(runs):
        for name, root in packages.items():
            cmd = [PY, __file__, family, "--corpus", str(corpus), "--time-target"]
            proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "BENCH_PACKAGE_ROOT": str(root)})
            if proc.returncode != 0:
                sys.exit(f"timing {root} failed: {proc.stderr[-500:]}")
            times[name].append(float(proc.stdout.split()[-1]))
    counts = {name: instructions(family, corpus, n, root) for name, root in packages.items()}
    print(f"{family} checks, this checkout vs {other}, corpus ({len(corpus_files(corpus))} files), {runs} alternating rounds")
    print(f"{'checkout':10} {'median s':>9} {'fastest s':>10} {'M instructions':>15}")
    for name in packages:
        shown = "no valgrind" if counts[name] is None else str(counts[name])
        print(f"{name:10} {statistics.median(times[name]):9.3f} {min(times[name]):10.3f} {shown:>15}")
    ratio = statistics.median(a / b for a, b in zip(times["this"], times["other"]))
    line = f"this / other: {ratio:.2f} by time (median of the rounds' ratios)"
    if None not in counts.values():
        line += f", {counts['this'] / counts['other']:.2f} by instructions ({n}-article sample)"
    print(line)


def versus(family: str, other: str, corpus: Path, runs: int, n: int) -> None:
    files = corpus_files(corpus)
    times = checks_alone([family, other], files, runs)
    print(f"{family} checks vs {other} checks, corpus ({len(files)} files), {runs} alternating rounds")
    print(f"{'family':10} {'median s':>9} {'fastest s':>10} {'M instructions':>15}")
    counts = {f: instructions(f, corpus, n) for f in (family, other)}
    for f in (family, other):
        shown = "no valgrind" if counts[f] is None else str(counts[f])
        print(f"{f:10} {statistics.median(times[f]):9.3f} {min(times[f]):10.3f} {shown:>15}")
    # each round times both families back to back: the ratio within a round is what a busy machine
    # disturbs least
    ratio = statistics.median(a / b for a, b in zip(times[family], times[other]))
    line = f"{family} / {other}: {ratio:.2f} by time (median of the rounds' ratios)"
    if None not in counts.values():
        line += f", {counts[family] / counts[other]:.2f} by instructions ({n}-article sample)"
    print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("family", nargs="?", default="dates")
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "000_897c2a44bb649566.txt"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--versus", metavar="OTHER", help="compare FAMILY's checks with OTHER's on the corpus")
    ap.add_argument("--against", metavar="CHECKOUT", help="compare FAMILY's checks with another checkout's")
    ap.add_argument("--sample", type=int, default=200, help="articles for the instruction counts")
    ap.add_argument("--count-target", choices=("read", "check"), help=argparse.SUPPRESS)
    ap.add_argument("--time-target", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.count_target:
        count_target(a.family, sample(corpus_files(Path(a.corpus)), a.sample), a.count_target == "check")
        return 0
    if a.time_target:
        time_target(a.family, corpus_files(Path(a.corpus)), 3)
        return 0
    if a.against:
        against(a.family, Path(a.against), Path(a.corpus), a.runs, a.sample)
        return 0
    if a.versus:
        versus(a.family, a.versus, Path(a.corpus), a.runs, a.sample)
        return 0
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
