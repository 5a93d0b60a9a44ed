"""Command line: arguments -> configuration -> rules -> run -> reporter -> exit code.

Exit codes: 0 when no finding is at or above the fail level, 1 when one is, 2 for a usage,
configuration or input error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from . import config as config_mod
from . import engine, index, ruleset, selection
from .archive import cache_dirs, locate, open_archive
from .collect import Walker, collect_files
from .model import LEVELS, LintError, level_rank
from .progress import Progress
from .reading import reader_options
from .report import FORMATS, Report, render, shows_excerpts

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("rules", "explain", "cache")


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise LintError(f"usage: {message} (see 'lint --help')")


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lint",
        description="Editorial consistency linter: dates against the article's own timeline, duplicated "
                    "headlines, names spelled two ways. Also: 'lint rules' lists rules, "
                    "'lint explain RULE' documents one.",
        epilog="Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, "
               "2 usage, configuration or input error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: .)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text); sarif for code scanning, html for a self-contained page")
    parser.add_argument("--select", action="append", metavar="RULES", help="only these rule ids or prefixes (comma-separated)")
    parser.add_argument("--ignore", action="append", metavar="RULES", help="skip these rule ids or prefixes (comma-separated)")
    parser.add_argument("--fail-on", choices=LEVELS, help="lowest level that fails the run (default: warning)")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: nearest .lint.yaml)")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for documents that carry none")
    parser.add_argument("--fix", action="store_true", help="apply fixes that are certain, rewriting files atomically")
    parser.add_argument("--diff", action="store_true", help="show the fixes as a unified diff, write nothing")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="processes for reading and per-article checks (default: number of cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help="do not use the archive index: read every file, compare only the files given")
    parser.add_argument("--baseline", metavar="FILE",
                        help="write the findings to FILE if it does not exist; otherwise report only findings not in it")
    return parser


class Terminated(BaseException):
    """SIGTERM: the run stops as on Ctrl-C (its worker processes end with it)."""


def _terminate(signum, frame):
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (an embedding program's): SIGTERM stays its business
        return _main(argv)
    try:
        return _main(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in COMMANDS:
            return _command(argv[0], argv[1:])
        return _lint(build_parser().parse_args(argv))
    except Terminated:
        print("lint: terminated", file=sys.stderr)
        return 128 + 15  # the shell's code for SIGTERM
    except LintError as exc:
        print(f"lint: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("lint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except OSError as exc:  # an output file that cannot be written, a cache on a full disk
        print(f"lint: {exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a defect of the linter itself: one line, the traceback on request
        if os.environ.get("LINT_DEBUG"):
            raise
        print(f"lint: internal error: {type(exc).__name__}: {exc} (run with LINT_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR


# Characters that break a line somewhere (str.splitlines, terminals): an error message quoting a
# key or a file name that holds one is still one line.
_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def _one_line(message: str) -> str:
    return message.translate(_LINE_BREAKS)


def _load(args_config: str | None):
    path = Path(args_config) if args_config else config_mod.discover(Path.cwd())
    config = config_mod.load(path)
    sources = []
    if config.builtin_rules:
        sources.extend(ruleset.pack_files(ruleset.builtin_pack_dir(), "rules"))
    sources.extend(config.rule_packs)
    rules = ruleset.load_rules(sources, config.levels, config.parameters)
    if config.rule_packs:
        from .examples import verify

        for path, display in config.rule_packs:  # the shipped packs' examples are the test suite's
            # the examples document the pack as written, before the configuration's parameters
            verify(path, lambda: ruleset.load_rules([(path, display)]).rules)
    return config, rules


def _lint(args) -> int:
    from .patterns import new_run

    new_run()
    config, rules = _load(args.config)
    select = _split(args.select) if args.select is not None else config.select
    ignore = config.ignore + (_split(args.ignore) or [])
    given = [(s, "select", "--select") for s in _split(args.select) or []] + \
            [(s, "ignore", "--ignore") for s in _split(args.ignore) or []]
    selection.check(given + config.selectors, [rule.id for rule in rules.rules])
    published = config_mod.parse_published(args.published) if args.published else None
    fail_on = args.fail_on or config.fail_on

    if args.jobs < 1:
        raise LintError("usage: --jobs takes a whole number of at least 1")
    paths = args.paths or ["."]

    # the archive's content paths are walked once; a directory inside one is read from that walk
    located = None if args.no_cache else locate(paths, config)
    walker = Walker(config, [str(p) for p in located[1]] if located else [])
    files, skipped = collect_files(paths, walker)
    notices: list[str] = []
    active = rules.selected(select, ignore)
    archive = None if located is None else open_archive(located, config, notices, walker)
    options = reader_options(config, published)
    with Progress(enabled=sys.stderr.isatty()) as progress:
        outcome = engine.run(files, active, config, options, select, ignore, jobs=args.jobs, archive=archive,
                             progress=progress, excerpts=shows_excerpts(args.format) or bool(args.baseline),
                             skipped=skipped)
    if archive is not None and archive.index is not None:
        archive.index.close()
    for notice in notices + outcome.notices + outcome.errors:
        print(f"lint: {notice}", file=sys.stderr)

    findings, fixed = outcome.findings, 0
    if args.fix or args.diff:
        from . import fix

        result = fix.apply(findings, dict((d, p) for p, d in files), write=args.fix and not args.diff)
        if args.diff:
            sys.stdout.write(result.diff)
            if args.fix:
                print("lint: --fix with --diff shows the fixes and writes nothing", file=sys.stderr)
            if not result.diff:
                print(f"lint: --diff: no fix to show ({_count(len(findings), 'finding')}, "
                      "none with a fix that can be applied)", file=sys.stderr)
        else:
            fixed = len(result.applied)
            applied = {id(f) for f in result.applied}
            findings = [f for f in findings if id(f) not in applied]
        for notice in result.notices:
            print(f"lint: {notice}", file=sys.stderr)

    if args.baseline:
        from . import baseline

        baseline_path = Path(args.baseline)
        if baseline_path.exists():
            findings = baseline.new_findings(findings, baseline.read(baseline_path))
        else:
            baseline.write(baseline_path, findings)
            print(f"lint: baseline written to {baseline_path} with {len(findings)} finding(s); "
                  "later runs report only new ones", file=sys.stderr)
            findings = []
    report = Report(findings, outcome.files_checked, fixed, color=_color(args), rules=active.rules,
                    articles=outcome.articles)
    text = render(args.format, report)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    elif not args.diff:
        sys.stdout.write(text)
    if outcome.errors:
        return EXIT_ERROR
    threshold = level_rank(fail_on)
    return EXIT_FINDINGS if any(level_rank(f.level) >= threshold for f in findings) else EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _color(args) -> bool:
    return args.format == "text" and not args.output and sys.stdout.isatty() \
        and not os.environ.get("NO_COLOR")  # no-color.org: set and non-empty disables colour


def _command(name: str, argv: list[str]) -> int:
    parser = _Parser(prog=f"lint {name}")
    parser.add_argument("--config", metavar="PATH")
    if name == "explain":
        parser.add_argument("rule", metavar="RULE", help="a rule id, or a check kind's name")
    if name == "cache":
        parser.add_argument("action", nargs="?", choices=["clear"])
        parser.add_argument("paths", nargs="*", metavar="PATH", help="a path inside the archive (default: .)")
    args = parser.parse_args(argv)
    if name == "cache":
        if args.action is None:
            raise LintError("usage: lint cache clear [PATH ...] (removes the archive index)")
        return _clear_cache(args)
    _, rules = _load(args.config)
    if name == "rules":
        for rule in rules.rules:
            print(f"{rule.id:36} {rule.level:8} {rule.description.splitlines()[0]}")
        for rule_id, text in ruleset.INPUT_RULES.items():
            print(f"{rule_id:36} {'':8} {text} (reported by the readers)")
        return EXIT_OK
    from . import checks
    from .docs import input_rule_doc, kind_doc, rule_doc

    rule = rules.by_id(args.rule)
    kind = checks.load_all().get(args.rule)
    if rule is not None:
        sys.stdout.write(rule_doc(rule))
    elif args.rule in ruleset.INPUT_RULES:
        sys.stdout.write(input_rule_doc(args.rule))
    elif kind is not None:
        sys.stdout.write(kind_doc(kind, [r for r in rules.rules if r.kind is kind]))
    else:
        raise LintError(f"unknown rule or check kind '{args.rule}' (see 'lint rules')")
    return EXIT_OK


def _clear_cache(args) -> int:
    config_path = Path(args.config) if args.config else config_mod.discover(Path.cwd())
    config = config_mod.load(config_path)
    root, _, in_repository = locate(args.paths or ["."], config)
    cleared = [d for d in cache_dirs(root, config, in_repository) if index.clear(d)]
    for directory in cleared:
        print(f"removed the index in {directory}")
    if not cleared:
        print("no index to remove")
    return EXIT_OK
