"""`page-residue`: lines a page export or a scraper left in the article: a language switcher
("ua en ru"), sharing buttons ("Share", "Facebook Twitter LinkedIn"), "Read more", "Subscribe",
"Skip to content", an advertisement label, a cookie banner.

Such a line is made only of the words of a page's chrome, and holds at least one that only chrome
uses ("Share", "Read more", "Sign up"), or three social networks, or two language codes; a cookie
banner is the site speaking of its cookies and asking for consent. Only paragraphs are judged, a
line at a time: an author's heading ("## Read more") or list of links is the article's own.
"""
from __future__ import annotations

import re

from ..lazyre import lazy
from . import CheckKind, register

# Words page chrome is written with; a line of nothing else (and numbers, such as share counts) may
# be residue.
_CHROME = set("""
share shares sharing tweet retweet email e-mail mail print copy link links url whatsapp telegram
facebook twitter x linkedin reddit pinterest viber vk flipboard mastodon bluesky threads messenger
tumblr pocket subscribe unsubscribe subscription newsletter newsletters follow us on this article
story page post read more continue reading sign up in log out login logout register account menu
search advertisement advertising ad ads sponsored skip to content main navigation back top comments
comment accept all cookies cookie reject decline settings preferences ok got it close next previous
prev related home our the a and or via now for free
""".split())
# Words and phrases that only chrome uses, each with what it marks.
_MARKERS = {
    ("share",): "sharing buttons", ("tweet",): "sharing buttons", ("copy", "link"): "sharing buttons",
    ("follow", "us"): "sharing buttons", ("print", "this"): "sharing buttons", ("email", "this"): "sharing buttons",
    ("subscribe",): "a subscription prompt", ("sign", "up"): "a subscription prompt",
    ("read", "more"): "a teaser link", ("continue", "reading"): "a teaser link",
    ("skip", "to"): "site navigation", ("back", "to", "top"): "site navigation", ("sign", "in"): "site navigation",
    ("log", "in"): "site navigation", ("login",): "site navigation",
    ("advertisement",): "an advertisement label", ("sponsored",): "an advertisement label",
    ("accept", "all"): "a cookie banner", ("cookie", "settings"): "a cookie banner",
}
_SOCIAL = {"facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "pinterest", "viber", "vk",
           "flipboard", "mastodon", "bluesky", "threads", "messenger", "tumblr", "email"}
# Language switchers: two-letter codes that are not English words (nor "UK", "EU", "Ms"), and
# languages' names for themselves.
_LANGUAGE_CODES = set("""
ar az bg bs cs cy da de el en es et fa fi fr gl hr hu hy ja ka kk ko ky lt lv mk mn nb nl nn pl pt ro
ru sk sl sq sr sv th tr tk ua ur uz vi zh
""".split())
_LANGUAGE_NAMES = set("""
english español français deutsch italiano português polski русский українська беларуская türkçe
nederlands svenska suomi dansk norsk čeština slovenčina magyar română български српски hrvatski
ελληνικά lietuvių latviešu eesti қазақша ქართული հայերեն azərbaycan 中文 日本語 한국어 العربية עברית فارسی
""".split())
_WORD = lazy(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NUMBER = lazy(r"\d+(?:[.,]\d+)?[kKmM]?")
_MOST_WORDS = 12
_LONGEST = 160  # characters
_SENTENCE = lazy(r"[.!?;](?!\d)")
_ELLIPSIS = lazy(r"\.{3}|…")
# A cookie banner: the site speaks of its cookies, and asks for consent.
_COOKIE_SITE = lazy(r"\b(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses cookies"
                          r"|by (?:continuing|using|browsing)\b[^.]{0,80}\bcookies)", re.IGNORECASE)
_CONSENT = lazy(r"\b(?:accept|agree|consent|allow|got it|ok|manage|preferences|cookie settings)\b", re.IGNORECASE)
_BANNER_WORDS = 80


def residue(line: str) -> str | None:
    """What `line` is the residue of ("a language switcher", "sharing buttons"...), or None. Chrome
    is labels: a line with sentence punctuation ("Sign up now!", "this tweet:") or starting in lower
    case was written by someone, unless it is a row of language codes."""
    if len(line) > _LONGEST:
        return None  # prose, not a label: spares reading every long line word by word
    words = _WORD.findall(line)
    if not words or len(words) > _MOST_WORDS:
        return None
    lowered = [w.casefold() for w in words]
    if len(set(lowered)) >= 2 and all(w in _LANGUAGE_NAMES or w in _LANGUAGE_CODES for w in lowered):
        codes = [w for w in words if w.casefold() in _LANGUAGE_CODES]
        if len({w.islower() for w in codes}) <= 1 and all(w.islower() or w.isupper() for w in codes):
            return "a language switcher"  # "ua en ru", "EN | FR", "English Español"; not "De La"
    if not all(w in _CHROME or _NUMBER.fullmatch(w) for w in lowered):
        return None
    if not words[0][0].isupper() or _SENTENCE.search(_ELLIPSIS.sub("", line)):
        return None
    if len(_SOCIAL.intersection(lowered)) >= 3:
        return "sharing buttons"
    for marker, what in _MARKERS.items():
        if any(tuple(lowered[i:i + len(marker)]) == marker for i in range(len(lowered))):
            return what
    return None


def cookie_banner(text: str) -> bool:
    return ("ookie" in text and len(text.split()) <= _BANNER_WORDS and bool(_COOKIE_SITE.search(text))
            and bool(_CONSENT.search(text)))


@register
class PageResidue(CheckKind):
    name = "page-residue"
    summary = "flags lines a page export left behind: language switchers, sharing buttons, cookie banners"
    fields = {"text": "the line as written", "what": "what it looks like (a language switcher, sharing buttons...)"}

    def check(self, doc, rule):
        for block in doc.blocks:
            if block.kind != "paragraph":
                continue  # headings, list items and cells are the author's structure
            text = doc.block_text(block)
            if cookie_banner(text):
                yield _finding(doc, rule, block.start, text, "a cookie banner")
                continue
            lines = text.split("\n")
            found = [residue(line) if line.strip() else "" for line in lines]
            whole = all(what is not None for what in found)
            offset = block.start
            for number, (line, what) in enumerate(zip(lines, found)):
                if what and (whole or _stands_apart(lines, number)) and not _a_link(doc.source, offset, line):
                    yield _finding(doc, rule, offset, line, what)
                offset += len(line) + 1


def _stands_apart(lines: list[str], number: int) -> bool:
    """A line of a longer paragraph is apart from it when it is the first and the next starts a
    sentence, or the last and the one before ended one; a wrapped line may hold a lone word."""
    if number == 0 and len(lines) > 1:
        following = lines[1].lstrip()
        return following[:1].isupper() or following[:1].isdigit()
    if number == len(lines) - 1 and number > 0:
        return lines[number - 1].rstrip().endswith((".", "!", "?", '"', "”", "’", ")", "…"))
    return False


def _a_link(source: str, start: int, line: str) -> bool:
    """The whole line is the text of one link ("[Share](url)", "<a href=...>Share</a>"): a button
    the author put there."""
    start += len(line) - len(line.lstrip())
    end = start + len(line.strip())
    if source[start - 1:start] == "[" and source[end:end + 2] == "](":
        return True
    return bool(re.search(r"<a\b[^>]*>\s*\Z", source[max(0, start - 500):start], re.IGNORECASE))


def _finding(doc, rule, start: int, text: str, what: str):
    start += len(text) - len(text.lstrip())
    return rule.finding(doc.spot(start, start + len(text.strip())), text=" ".join(text.split()), what=what)
