"""The registry of check kinds.

A check kind is the Python half of a rule: a YAML rule names it with `check:` and supplies its
parameters, message, level and examples. Each kind lives in its own module and registers itself
here by name, so `lint rules` and the rule loader see exactly the kinds that exist.
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterable

from ..model import Document, Finding, Withdrawal
from ..params import Param, ParamError  # noqa: F401 (what every kind module declares its parameters with)

REGISTRY: dict[str, "CheckKind"] = {}


class CheckKind:
    """Base for check kinds.

    `params` declares what a rule may set; `fields` names the placeholders a message template may use,
    each with what it holds (both are rendered into the rule documentation).
    `prepare` turns decoded parameters into whatever the check needs (compiled patterns, lookup
    tables) once, when rules load, and raises ParamError for bad values.
    """

    name: str = ""
    summary: str = ""
    params: dict[str, Param] = {}
    fields: dict[str, str] = {}
    cross_article = False

    def prepare(self, params: dict[str, object]) -> object:
        return params

    def check(self, doc: Document, rule) -> Iterable[Finding]:
        raise NotImplementedError


class CrossArticleKind(CheckKind):
    """A check that compares articles with each other.

    `extract` reduces one document to small records (what the archive index stores), never holding
    a path, so they survive a file being linted from another directory. The index keeps each as
    `stored(record)`, a tuple of strings, numbers, booleans and nested tuples, and hands it back
    through `restored`. `compare` receives the records of every article keyed by its display path
    and returns findings for the paths in `report_on` only.

    A kind that can say what each record is about (`term`) and which terms can relate
    (`term_keys`: two terms relate only if they share a key, and a finding for a reported article
    depends only on the terms within `hops` steps of its own) lets a run given a few files read
    back from the archive index only those terms' records, every article's, instead of all of them.
    Records whose term is None matter only to their own article, when it is reported on.

    Besides findings, `compare` may yield a `Withdrawal` of an in-article finding that the other
    articles contradict, of a kind it names in `settles` (names.variant-across settles
    names.variant's ties this way).
    """

    cross_article = True
    hops = 0  # 0: the kind needs every article's records
    settles: tuple[str, ...] = ()  # the per-article kinds whose findings `compare` may withdraw

    def stored(self, record) -> tuple:
        return tuple(record)

    def restored(self, values: tuple):
        return values

    def term(self, record) -> str | None:
        return None

    def term_keys(self, term: str, rule) -> Iterable[str]:
        return ()

    def check(self, doc, rule):
        return ()

    def extract(self, doc: Document, rule) -> list:
        raise NotImplementedError

    def compare(self, records: dict[str, list], rule, report_on: set[str]) -> Iterable[Finding | Withdrawal]:
        raise NotImplementedError


def register(cls: type[CheckKind]) -> type[CheckKind]:
    if not cls.name or cls.name in REGISTRY:
        raise RuntimeError(f"check kind {cls.__name__} has a missing or duplicate name {cls.name!r}")
    REGISTRY[cls.name] = cls()
    return cls


_all_loaded = False


def load_all() -> dict[str, CheckKind]:
    """Import every module of this package once, so each registers its kind, even where one was
    imported on its own before. (Listed from the directory: pkgutil would import typing, which
    costs every run a few milliseconds.)"""
    global _all_loaded
    if not _all_loaded:
        for name in sorted(os.listdir(os.path.dirname(__file__))):
            if name.endswith(".py") and not name.startswith("_"):  # _name.py: a base, not a kind
                importlib.import_module(f"{__name__}.{name[:-3]}")
        _all_loaded = True
    return REGISTRY

