"""The candidate scanner: one compiled regex over `doc.prose` finds every date expression.

Month and weekday names count only when capitalised, so the verbs "may" and "march" never become
dates, and "May" with no day is not a date mention. Offsets are offsets into the source, because the
prose is the source with non-prose masked by spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tense import UNKNOWN, Governor

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
         "Oct": 10, "Nov": 11, "Dec": 12}
MONTH_NUMBER = {name: i + 1 for i, name in enumerate(MONTHS)}
MONTH_NUMBER.update(_ABBR)
WEEKDAY_NUMBER = {name: i for i, name in enumerate(WEEKDAYS)}

_MON_FULL = "|".join(MONTHS)
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MON = rf"(?:{_MON_FULL}|{_MON_ABBR})"
MONTH_PATTERN = _MON  # a month name or AP abbreviation, for other modules' patterns
_WD = "|".join(WEEKDAYS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9]|3[2-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]|20)\d\d"
# What may follow a day number and still leave it a day: not a decimal, a thousands group, a
# hyphenated word ("30-day"), or a unit ("May 25 percent").
_NOT_DAY_AFTER = (rf"(?![\d])(?![.,]\d)(?!-(?!(?:{_MON_FULL}|{_MON_ABBR})\b)[A-Za-z])(?!\s*(?:%|percent|per\b|pct|mln|million|billion|bln|"
                  r"dlrs|dollars|people|points|pts|years?\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|"
                  r"of\s+(?:the|them|those|these|us|our|its|their)\b|to\s+\d|[-–]\s*\d+\s*(?:pct|percent|%)|"
                  r"[xX×]\b|:\d))")

_PATTERN = re.compile(rf"""(?=[A-Z0-9])(?<![\w])(?:
  (?P<date>(?:(?P<wd1>{_WD})(?:,\s*|\s+)(?:\(\s*|the\s+)?)?
    (?:(?P<mon1>{_MON})\s+(?P<day1>{_DAY})\b{_NOT_DAY_AFTER}
      |(?<![\d.,$£€#])(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MON})\b)
    (?:,?\s+(?P<year>{_YEAR})\b(?!\d))?)
| (?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d/-]))
| (?P<num>(?P<nm>1[0-2]|0?[1-9])/(?P<nd>[12]\d|3[01]|0?[1-9])/(?P<ny>(?:19|20)?\d\d)(?![\d/]))
| (?P<my>(?P<mon5>{_MON_FULL}|{_MON_ABBR})\s+(?P<year5>{_YEAR})\b(?!\d))
| (?P<mon>(?P<mon6>(?:January|February|March|April|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.))
| (?P<rel>(?:Yesterday|Today|Tomorrow|Tonight)\b
      |The\s+day\s+(?:before\s+yesterday|after\s+tomorrow)\b
      |(?:Last|Next|This)\s+(?:{_WD}|week|month|year|weekend)\b
      |(?:\d+|A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Few)\s+(?:days?|weeks?|fortnights?|months?|years?)\s+ago\b
      |(?:Earlier|Later)\s+this\s+(?:week|month|year)\b)
| (?P<wd>(?P<wd3>{_WD})\b)
)""", re.VERBOSE)
# Relative phrases in lower case, found from their distinctive words (a word boundary and a look at
# the first letter, rather than a look-behind, let the engine skip most positions fast; the same
# phrases opening a sentence are in the pattern above).
_RELATIVE = re.compile(rf"""\b(?=[ytlnaofsed])(?:
   (?:yesterday|today|tomorrow|tonight)\b
  |(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)\b
  |(?:last|next|this)\s+(?:{_WD}|week|month|year|weekend)\b
  |(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|fortnights?|months?|years?)\s+(?:ago|from\s+now)\b
  |(?:earlier|later)\s+this\s+(?:week|month|year)\b)""", re.VERBOSE)

def month_number(text: str) -> int:
    return MONTH_NUMBER[text.rstrip(".")]


@dataclass
class Mention:
    """One date expression. `kind` is "date" (a day of a month), "month", "weekday" or "relative"."""

    kind: str
    start: int
    end: int
    text: str
    month: int | None = None
    day: int | None = None
    year: int | None = None  # as written
    weekday: int | None = None  # as written
    date_start: int = 0  # where the month/day part starts (after a weekday)
    block: int = -1
    sentence: tuple[int, int] = (0, 0)
    flags: set = field(default_factory=set)  # dateline, range, quoted, iso
    governor: "Governor" = UNKNOWN  # the verb group the date belongs to

    @property
    def tense(self) -> str:
        """past, future or unknown: the tense of the clause that governs the date."""
        return self.governor.tense


def scan(prose: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every date expression in prose[start:end]."""
    found = []
    end = len(prose) if end is None else end
    for m in _PATTERN.finditer(prose, start, end):
        g = m.lastgroup
        text = m.group(0)
        if g == "date":
            i = "1" if m.group("day1") else "2"
            day = int(m.group("day" + i).rstrip("stndrh"))
            if day > 31 or day == 0:
                continue
            year = m.group("year")
            wd = m.group("wd1")
            mention = Mention("date", m.start(), m.end(), text, month_number(m.group("mon" + i)), day,
                              int(year) if year else None, WEEKDAY_NUMBER[wd] if wd else None)
            mention.date_start = min(m.start("mon" + i), m.start("day" + i))
            found.append(mention)
        elif g == "iso":
            mention = Mention("date", m.start(), m.end(), text, int(m.group("im")), int(m.group("id")),
                              int(m.group("iy")))
            mention.date_start = m.start()
            mention.flags.add("iso")
            if not (1 <= mention.month <= 12 and 1 <= mention.day <= 31):
                continue
            found.append(mention)
        elif g == "num":  # 10/3/11: US numeric, kept as context (the year it gives), never judged
            year = int(m.group("ny"))
            year = year + (2000 if year < 50 else 1900) if year < 100 else year
            mention = Mention("date", m.start(), m.end(), text, int(m.group("nm")), int(m.group("nd")), year)
            mention.date_start = m.start()
            mention.flags.add("numeric")
            found.append(mention)
        elif g == "my":
            found.append(Mention("month", m.start(), m.end(), text, month_number(m.group("mon5")), None,
                                 int(m.group("year5"))))
        elif g == "mon":
            found.append(Mention("month", m.start(), m.end(), text, month_number(m.group("mon6"))))
        elif g == "rel":
            found.append(Mention("relative", m.start(), m.end(), text))
        elif g == "wd":
            found.append(Mention("weekday", m.start(), m.end(), text, weekday=WEEKDAY_NUMBER[m.group("wd3")]))
    ends = {m.end for m in found if m.kind == "relative"}
    for m in _RELATIVE.finditer(prose, start, end):
        if m.end() not in ends:  # "The day before yesterday": found above already
            found.append(Mention("relative", m.start(), m.end(), m.group(0)))
    found.sort(key=lambda m: m.start)
    return found
