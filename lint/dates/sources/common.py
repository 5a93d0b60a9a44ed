"""What several constraint sources read alike: numbers written as words, event nouns, the dated
mention a phrase refers back to, and points for weekdays and undated events."""
from __future__ import annotations

import re

from ..analysis import DocDates
from ..network import PUB, Network, Point
from ..readings import weekday_readings
from ..scanner import Mention
from ..tense import governor, verb_after

CARDINALS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
CARDINALS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                  "ninety": 90, "hundred": 100})
ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
ORDINALS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                 "seventy-fifth": 75, "hundredth": 100, "twenty-fifth": 25})
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = (r"(?:\d{1,3}|(?:" + _TENS + r")-(?:one|two|three|four|five|six|seven|eight|nine)\b|"
          + "|".join(sorted((w for w in CARDINALS if w not in ("zero",)), key=len, reverse=True)) + r")")
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"
UNIT_DAYS = {"day": 1, "night": 1, "evening": 1, "week": 7, "fortnight": 14, "month": 30.44, "year": 365.25,
             "decade": 3652.5, "hour": 1 / 24}


def number(word: str) -> int | None:
    """A number written in digits or words ("48", "two", "forty-eight")."""
    word = word.lower().rstrip(".")
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in CARDINALS and unit in CARDINALS:
            return CARDINALS[tens] + CARDINALS[unit]
    return CARDINALS.get(word)


def ordinal(word: str) -> int | None:
    word = word.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else ORDINALS.get(word)


def unit_of(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in UNIT_DAYS else word


# Events a story dates; a group of words names one kind of event ("vote" and "referendum").
EVENT_GROUPS = [
    "vote referendum ballot plebiscite", "meeting", "summit", "election", "hearing", "trial", "conference",
    "launch", "auction", "ceremony", "announcement", "attack bombing raid", "strike walkout stoppage",
    "debate", "visit", "talks negotiations", "session", "match game", "final", "race marathon", "speech",
    "ruling verdict judgment", "arrest", "resignation", "dismissal sacking", "signing", "opening",
    "closing closure", "collapse", "explosion blast", "crash", "fire blaze", "flood floods flooding",
    "storm", "earthquake quake", "landslide", "festival", "concert", "parade", "protest rally",
    "inauguration", "funeral", "wedding", "sentencing", "conviction", "execution", "shooting", "killing",
    "murder", "raid", "invasion", "coup", "release", "accord agreement deal", "merger", "takeover",
    "rescue", "evacuation", "eruption", "outbreak", "lockdown", "curfew", "deadline", "death", "birth",
    "disaster", "tragedy", "derailment", "sinking", "premiere", "debut", "flight", "landing", "robbery heist",
    "kidnapping abduction", "blackout outage", "recall", "inquest", "collision",
]
EVENT_KEY = {word: group.split()[0] for group in EVENT_GROUPS for word in group.split()}
EVENT_WORDS = r"(?:" + "|".join(sorted(EVENT_KEY, key=len, reverse=True)) + r")"
# past verbs that name an event of their own ("police arrested him on July 8": the arrest)
VERB_EVENT = {"arrested": "arrest", "voted": "vote", "resigned": "resignation", "launched": "launch",
              "signed": "signing", "sacked": "dismissal", "dismissed": "dismissal", "fired": "dismissal",
              "convicted": "conviction", "sentenced": "sentencing", "collapsed": "collapse",
              "exploded": "explosion", "crashed": "crash", "died": "death", "executed": "execution",
              "evacuated": "evacuation", "erupted": "eruption", "opened": "opening", "closed": "closing",
              "attacked": "attack", "elected": "election", "married": "wedding", "released": "release",
              "announced": "announcement", "raided": "raid", "invaded": "invasion", "shot": "shooting",
              "killed": "killing", "murdered": "murder", "rescued": "rescue", "derailed": "derailment",
              "sank": "sinking", "inaugurated": "inauguration", "buried": "funeral"}


_EVENT_TIME = re.compile(r"(?:\b(?:on|at|in|of|dated)\s+|[,(]\s*|^\s*|\b(?:the|a|an|its|his|her|their|[\w-]+['’]s)\s+)$",
                         re.IGNORECASE)


def event_time(dd: DocDates, m: Mention) -> bool:
    """Is the date the time of its clause's event ("approved on June 3"), rather than a term it
    names ("an election for May 25", "by March 3", "until June 6")?"""
    return bool(_EVENT_TIME.search(dd.doc.prose[max(m.sentence[0], m.start - 30):m.start]))


def previous_dated(dd: DocDates, net: Network, before: int, exclude: tuple = (), sentences: int = 3) -> int | None:
    """The point of the latest dated mention before offset `before`, in its sentence or the ones
    before it (what "a week later", "the following day", "the disaster" refer back to)."""
    prose = dd.doc.prose
    window_start = before
    for _ in range(sentences):
        cut = max(prose.rfind(". ", 0, window_start - 1), prose.rfind("\n\n", 0, window_start - 1))
        if cut < 0:
            window_start = 0
            break
        window_start = cut
    best = None
    for m in dd.days:
        if window_start <= m.start and m.end <= before and m not in exclude:
            i = net.point_of(m)
            if i is not None and net.points[i].readings:
                best = i
    return best


def weekday_point(dd: DocDates, net: Network, m: Mention) -> int | None:
    """The point of a weekday named alone ("on Tuesday"), read against publication."""
    i = net.point_of(m)
    if i is not None:
        return i
    if dd.pub.date is None or ({"quoted", "note"} & m.flags):
        return None
    word = re.search(r"\b(last|next|this)\s+$", dd.doc.prose[max(0, m.start - 6):m.start], re.IGNORECASE)
    readings = weekday_readings(dd.pub.date, m.weekday, m.tense, word.group(1).lower() if word else None)
    return net.add_point(Point(m.text, readings, m, m.start, m.end, blamable=False))


def dated_point(dd: DocDates, net: Network, m: Mention) -> int | None:
    """The point of a day mention, or of a weekday named alone."""
    if m.kind == "weekday":
        return weekday_point(dd, net, m)
    return net.point_of(m)


_NESTED = re.compile(r"\b(?:for|in|of|on|at|to|with|from|about|over|into)\s")


def event_point(dd: DocDates, net: Network, label: str, at: int, sentence: tuple[int, int],
                complement: bool = False, finite: bool = False) -> int:
    """An event the text names without a date, placed against publication by the tense of its
    clause: the verb before `at`, or for a complement ("after the mayor resigned") the first verb
    after it. A phrase that may hang from a noun between the verb and `at` ("has lifted hopes for
    a cut in rates after the election") is not placed, nor, when `finite` is asked, a verb without
    an auxiliary ("domains created after May 15": a participle that names a kind, not an event)."""
    i = net.add_point(Point(label, [], None, at, at, blamable=False))
    prose = dd.doc.prose
    g = verb_after(prose, sentence, at) if complement else governor(prose, sentence, at, at)
    if not complement and g.words and _NESTED.search(prose, g.end, at):
        return i
    if finite and len(g.words.split()) < 2:
        return i
    if g.tense == "past":
        net.add(i, PUB, -1, float("inf"), "past", g.words, g.start, g.end)
    elif g.tense == "future":
        net.add(PUB, i, -1, float("inf"), "future", g.words, g.start, g.end)
    return i
