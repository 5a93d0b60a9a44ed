"""Sentences of a block, and the verb group that governs a date: its tense, aspect and modality.

A date belongs to one clause. "The union said on Wednesday that it will vote on March 3" has two:
Wednesday belongs to "said" (past), March 3 to "will vote" (future). The reader walks left from
the date to the nearest verb of its clause (or right, for a date that opens its clause: "On March
3, the council voted"), then reads the auxiliaries and the host of an infinitive around that verb.
Plain Python and small word lists: no tagger, nothing to download, nothing slow to import.

What it reports (`Governor.tense`):
- "past": a past or present-perfect statement ("signed", "had voted", "has fallen", "was held");
- "future": a plan, a schedule or an arrangement ("will vote", "is due to report", "plans to
  launch", "has been set for", "is headed to ... on", "begins on");
- "unknown": anything else, and a date that is not the verb's own time: a deadline ("by"), a
  moved date ("postponed to"), the complement of "after", "before", "in the wake of" (the order
  sources read those), a conditional or a modal ("would", "could").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|Inc|Corp|Co|Ltd|No|vs|"
                     r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m)|\b[A-Z])\.$")
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")


def sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans (absolute offsets) of the sentences of a block's text."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start() + 1]
        if m.group(0)[0] == "." and _ABBREV.search(head):
            continue
        spans.append((offset + start, offset + m.start() + 1))
        start = m.end()
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return spans


@dataclass(frozen=True)
class Governor:
    """The verb group a date belongs to: its tense ("past", "future", "unknown"), the words as
    written and their span (absolute offsets)."""

    tense: str
    words: str
    start: int
    end: int


UNKNOWN = Governor("unknown", "", 0, 0)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'\-]*|\d[\d,.:%]*|[;:—–()]|,|-{2}")

_BE_PRESENT = {"is", "are", "am", "'s"}
_BE_PAST = {"was", "were"}
_HAVE = {"has", "have", "'ve"}
_FUTURE_AUX = {"will", "shall", "'ll"}
_MODAL = {"would", "could", "might", "may", "should", "must", "can", "'d", "cannot", "ought"}
_AUX = _BE_PRESENT | _BE_PAST | _HAVE | _FUTURE_AUX | _MODAL | {"be", "been", "being", "had", "do", "does",
                                                                  "did", "having"}
# words that may sit inside a verb group: "will also vote", "has not yet been set"
_ADVERB = {"not", "n't", "also", "still", "now", "then", "already", "formally", "officially", "finally",
           "first", "just", "never", "later", "previously", "recently", "originally", "only", "again",
           "yet", "even", "once", "initially", "eventually", "subsequently", "quietly", "unanimously",
           "jointly", "reportedly", "allegedly", "last", "publicly", "provisionally", "tentatively"}
# hosts of an infinitive that make it a plan: "is due to report", "plans to launch"
_PLAN_HOSTS = {"due", "plans", "plan", "planning", "planned", "expects", "expected", "expect", "set", "scheduled",
               "slated", "aims", "aim", "aiming", "intends", "intend", "intending", "hopes", "hope", "hoping",
               "wants", "want", "likely", "poised", "prepares", "preparing", "going", "about", "seeks",
               "seeking", "proposes", "proposing", "promises", "promised", "pledged", "vows", "vowed", "ready",
               "predicted", "forecast", "projected", "estimated", "tipped", "slated", "timed", "poised"}
_SCHEDULE = {"scheduled", "rescheduled", "set", "slated", "planned", "pencilled", "penciled", "booked",
             "timetabled", "fixed", "called", "expected", "due"}
# verbs whose date is a new date for something else: "postponed to", "extended until"
_MOVE = {"postponed", "moved", "delayed", "extended", "adjourned", "deferred", "rescheduled", "pushed",
         "brought", "put", "shifted", "changed", "advanced", "suspended", "stayed", "remanded", "bailed"}
# verbs in the present that announce a schedule: "early voting begins October 21"
# their plural forms, verbs only where no determiner or preposition makes them nouns ("the end of")
_SCHEDULE_BASE = {"begin", "start", "open", "close", "end", "run", "resume", "reopen", "return", "meet", "go",
                  "travel", "head", "arrive", "leave", "convene"}
_SCHEDULE_PRESENT = _SCHEDULE_BASE | {"begins", "starts", "opens", "closes", "ends", "runs", "expires", "resumes", "reopens",
                     "returns", "takes", "kicks", "launches", "lapses", "finishes", "concludes",
                     "comes", "falls", "goes", "arrives", "departs", "leaves", "meets", "convenes", "sits",
                     "travels", "heads", "visits", "votes", "holds", "hosts", "plays", "faces", "decides",
                     "debates", "premieres", "lands"}
_IRREGULAR_PAST = set("""said told held met began begun came went gone took taken made saw seen gave given left won
lost hit grew grown cut put set led brought thought spent built sent kept became broke broken chose chosen drove
driven ran wrote written spoke spoken stood struck swore sworn threw thrown wore withdrew withdrawn underwent
undertook overtook fought sought caught taught found heard shot slid sank sunk shrank sprang stole stolen froze
frozen hid hidden rode rang sang swam tore torn woke dealt meant felt lent fled bled fed quit upheld fell fallen
rose risen paid sold bought did done had got gotten knew known flew flown drew drawn forgot forgotten forgave
forgiven ate eaten laid shut spread split let cast beat beaten bore born borne bound dug hung lit overcame
oversaw overseen rebuilt retook sat shook shone slept spun stuck swept swung understood wept wound arose arisen
awoke bent burst clung crept forbade forbidden foresaw foreseen mistook outgrew withheld withstood became sped
began swept blew blown grew overran overrun rewrote rewritten""".split())
# "-ed" words that are not past-tense verbs
_NOT_PAST = set("""need indeed hundred speed feed seed weed bred shed red bed breed steed creed greed deed heed
proceed exceed succeed based used related united detailed advanced concerned interested supposed required
qualified experienced dedicated sophisticated unexpected unprecedented limited unlimited unrelated skilled
talented aged naked wicked sacred rugged wretched beloved crooked hundred kindred ragged jagged biased
unscheduled unnamed unidentified alleged so-called armed masked tired""".split())
# a word before "-ed" that makes it an adjective: "the revised offer", "a planned strike"
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "your", "my", "this", "these",
                "those", "each", "every", "any", "no", "some", "new", "first", "second", "recently",
                "newly", "widely", "long", "much", "well", "previously", "originally", "already"}
# words that end the clause a date sits in, when walking left
_CLAUSE_OPENERS = {"that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although",
                   "though", "if", "unless", "whether", "whereas", "once", "as"}
_STOP_TOKENS = {";", ":", "—", "–", "--", "(", ")"}
# prepositions and phrases that make the date the complement of an order word, a deadline or an
# end point rather than the verb's own time
_DETACH = {"after", "before", "since", "until", "till", "following", "by", "pending", "ahead", "prior",
           "wake", "response", "eve", "run-up", "within", "beyond", "preceding", "awaiting", "despite"}
_TIME_OF_DAY = re.compile(r"(?:midday|noon|midnight|dawn|dusk|sunrise|sunset|daybreak|nightfall|lunch|dark|"
                         r"\d{1,2}(?:[:.]\d\d)?)$", re.IGNORECASE)  # "shortly after midday on Jan 19"
_PREPOSITIONS = {"on", "of", "for", "in", "at", "from", "to", "with", "about", "over", "under", "against",
                 "between", "among", "into", "onto", "during", "around", "across", "through", "via", "per"}
# participles that take a date of their own: "the year ending March 31", "contracts running to June"
_PARTICIPLES = {"ending", "starting", "beginning", "expiring", "running", "covering", "lasting", "spanning",
                "stretching", "dating", "commencing", "culminating", "concluding", "finishing", "continuing",
                "extending", "through"}
_FUNCTION_WORDS = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                   "my", "your", "it", "him", "them", "us", "me", "some", "any", "all", "each", "every", "no",
                   "not", "more", "most", "many", "much", "other", "such", "what", "which", "who", "date",
                   "day", "week", "month", "year", "end", "date"}
# common base verbs, to tell an infinitive ("excited to kick off") from a place ("to corporate
# headquarters") after a host the lists above do not know
_BASE_VERBS = set("""accept act add address agree allow announce answer appear apply approve arrive ask attend
begin bring build buy call celebrate change choose close come complete consider continue cover create cut
decide deliver demonstrate discuss do drop end enter expand face file finish follow gather get give go grow
hand hear help hold host introduce join keep kick launch lay lead learn leave let limit list live look lose
make mark meet move name need offer open pay perform place plan play present protect provide publish pull
put raise reach read receive release remain remove replace report resume return review run say see seek sell
send serve set share show sign speak stand start stay step stop submit support take talk tell test testify
travel try turn unveil use visit vote wait walk welcome win work write""".split())
# words before a date that make it a term rather than an event: "due May 15", "effective April 11"
_DEADLINE = {"due", "payable", "effective", "valid", "maturing", "expiring", "starting", "beginning", "ending"}
# nouns that a date modifier places in the past: what was written, decided, agreed or done
_DONE_NOUNS = {"letter", "decision", "accord", "agreement", "deal", "speech", "statement", "announcement",
               "filing", "ruling", "order", "decree", "memo", "memorandum", "interview", "communique",
               "resolution", "verdict", "judgment", "judgement", "attack", "attacks", "raid", "crash",
               "collapse", "explosion", "earthquake", "killing", "shooting", "bombing", "arrest",
               "resignation", "dismissal", "death", "letters", "report", "testimony", "editorial",
               "column", "article", "release", "proposal", "plan", "budget", "address", "remarks"}
# words after which "to" opens an infinitive ("agreed to meet"), not a place ("closed to traffic")
_INFINITIVE_HOSTS = _PLAN_HOSTS | _BE_PRESENT | _BE_PAST | {
    "agreed", "agree", "agrees", "decided", "decide", "decides", "voted", "vote", "votes", "refused", "failed",
    "tried", "try", "began", "begin", "begins", "started", "continued", "continue", "continues", "moved",
    "sought", "asked", "ordered", "told", "allowed", "forced", "urged", "order", "able", "unable", "willing",
    "unlikely", "has", "have", "had", "need", "needs", "needed", "used", "chose", "offered", "threatened",
    "threatens", "appears", "appeared", "seems", "seemed", "wanted", "hoped", "intended", "helped", "help",
    "helps", "ought", "expected", "set", "due", "planned", "scheduled", "slated"}
_LIGHT_VERBS = {"held", "hold", "holds", "gave", "give", "made", "make", "attended", "attend", "delivered",
                "deliver", "hosted", "host", "staged", "stage", "won", "win", "lost", "lose", "finished",
                "missed", "survived", "witnessed", "covered", "signed", "sign", "completed", "ran", "run"}


def _tokens(text: str, offset: int) -> list[tuple[str, int, int, str]]:
    """(word, start, end, the word lower-cased as `_lower` reads it)."""
    return [(w, offset + m.start(), offset + m.end(), _lower(w)) for m in _TOKEN.finditer(text) for w in (m.group(0),)]


_token_cache: list = [None, None]


def tokens_of(prose: str, span: tuple[int, int]) -> list[tuple[str, int, int, str]]:
    """The tokens of a sentence (word, start, end), cached for the sentence last asked about."""
    key = (id(prose), span)
    if _token_cache[0] != key:
        _token_cache[0], _token_cache[1] = key, _tokens(prose[span[0]:span[1]], span[0])
    return _token_cache[1]


def _lower(word: str) -> str:
    """Lower case, straight apostrophes, and a negative contraction read as its verb ("won't" is
    "will", "hasn't" is "has")."""
    word = word.lower().replace("’", "'")
    if word.endswith("n't"):
        word = {"won't": "will", "can't": "can", "shan't": "shall"}.get(word, word[:-3])
    return word


def _is_past_form(token: str, before: str | None) -> bool:
    """A lower-case past form: irregular, or a regular "-ed" that is not an adjective here."""
    if not token.islower():
        return False
    word = _lower(token)
    if word in _IRREGULAR_PAST:
        return True
    if word.endswith("ed") and len(word) > 3 and word not in _NOT_PAST and "-" not in word:
        return before not in _DETERMINERS
    return False


def _verb_at(toks, i: int) -> bool:
    """Is token i a verb: an auxiliary, a past form, or a base form after "to", "will" or a modal?"""
    token, word = toks[i][0], toks[i][3]
    before = toks[i - 1][3] if i > 0 else None
    if word in _AUX and word != "having":
        return True
    if _is_past_form(token, before):
        return True
    if not token.islower():
        return False
    if word in _SCHEDULE_BASE:
        return before not in _DETERMINERS and before not in _PREPOSITIONS and not (before or "").endswith("'s")
    if word in _SCHEDULE_PRESENT or word in ("says", "headed", "heading"):
        return True
    if word.endswith("ing") and before in _BE_PRESENT | _BE_PAST | {"be", "been"}:
        return True
    if word in _FUNCTION_WORDS:
        return False
    if before in _FUTURE_AUX | _MODAL:
        return True
    return before == "to" and i > 1 and toks[i - 2][3] in _INFINITIVE_HOSTS


def _group_start(toks, i: int) -> int:
    """Index of the first word of the verb group whose main verb is token i: its auxiliaries and
    adverbs, and the host of an infinitive that makes a plan ("is due to report", "plans to
    launch"); another host ("agreed to meet") is a verb of its own and stays out."""
    j = i
    while j > 0:
        w = toks[j - 1][3]
        if w in _AUX or w in _ADVERB:
            j -= 1
        elif w == "to" and j >= 2 and toks[j - 2][3] in _PLAN_HOSTS | _BE_PRESENT | _BE_PAST:
            j -= 2
        else:
            break
    return j


def _classify(words: list[str], prep: str | None) -> str:
    """The tense of a verb group (lower-case words, main verb last) with the preposition before the date."""
    main = words[-1]
    aux = words[:-1]
    if any(w in _FUTURE_AUX for w in aux) or "going" in aux or "about" in aux:
        return "future"
    if any(w in _MODAL for w in aux):
        return "unknown"
    if "to" in aux:
        host = aux[:aux.index("to")]
        if host and (host[-1] in _PLAN_HOSTS or host[-1] in _BE_PRESENT):
            return "future" if not any(w in _BE_PAST or w == "had" for w in host) else "unknown"
        return "unknown"
    if main in _MOVE and prep in ("to", "until", "till", "for", "from"):
        return "unknown"
    if main in _SCHEDULE:
        if "had" in aux or any(w in _BE_PAST for w in aux):
            return "unknown"  # "had been scheduled for": a plan that may not have held
        if prep == "for" or any(w in _BE_PRESENT for w in aux) or main in ("due", "expected", "scheduled",
                                                                           "slated"):
            return "future"
    if main in _BE_PRESENT:
        return "unknown"
    if main.endswith("ing"):
        if any(w in _BE_PAST for w in aux):
            return "past"
        if any(w in _BE_PRESENT for w in aux) and prep in ("on", None):
            return "future"  # "is headed to ... on June 19", "are meeting on Friday": an arrangement
        return "unknown"
    if main == "headed":
        return "future" if any(w in _BE_PRESENT for w in aux) else ("past" if aux else "unknown")
    if main in _SCHEDULE_PRESENT and not aux:
        return "future"
    if aux and aux[-1] in _BE_PRESENT:
        return "unknown"  # a present passive: "is held on"
    if any(w in _HAVE or w == "had" for w in aux) or any(w in _BE_PAST for w in aux) or main in _BE_PAST:
        return "past"
    if main in _IRREGULAR_PAST or (main.endswith("ed") and main not in _NOT_PAST) or main == "did":
        return "past"
    return "unknown"


def governor(prose: str, sentence: tuple[int, int], start: int, end: int) -> Governor:
    """The verb group governing the date at [start, end) of `prose`, within its sentence."""
    toks = tokens_of(prose, sentence)
    first = next((k for k, t in enumerate(toks) if t[1] >= start), len(toks))
    last = next((k for k, t in enumerate(toks) if t[1] >= end), len(toks))
    before = toks[first - 1][3] if first > 0 else ""
    own = first - 1 if before in _PREPOSITIONS else first  # the date's own preposition, if any
    if before in _DETERMINERS and first > 1 and toks[first - 2][3] in _PREPOSITIONS:
        own = first - 2  # "in a June 6 letter"
    if own > 0 and toks[own - 1][3] in _DEADLINE:
        return UNKNOWN  # "due May 15", "effective April 11": a term, not an event
    found = _walk_left(toks, first, own)
    if found == "detached":
        return UNKNOWN
    prep = before if before in _PREPOSITIONS | {"until", "till"} else None
    subject = isinstance(found, int)
    if subject:  # the clause starts there: the verb comes after the date
        if any(t[3] in _PREPOSITIONS for t in toks[found + 1:own]):
            return UNKNOWN  # "tickets for the ceremony on July 28 have sold out": the noun's date
        found, prep = _walk_right(toks, last), None
        if found is None:
            return UNKNOWN
    i = found[0]
    g = _group_start(toks, i)
    words = [t[3] for t in toks[g:i + 1] if t[3] not in _ADVERB]
    if not words:
        return UNKNOWN
    tense_found = _classify(words, prep)
    if g > 0 and toks[g - 1][3] == "to":
        tense_found = "unknown"  # "agreed to meet on March 3": the meeting's time, not placed
    modified = _modified_noun(toks, last) if before in _DETERMINERS or before.endswith("'s") else None
    if modified is not None:
        # "the March 3 decision", "in a June 6 letter": the noun's own time. A document or a
        # decision is past unless a plan governs it; other nouns ("the March 30 deadline") are not
        # placed by the verb around them.
        if modified in _DONE_NOUNS and tense_found != "future" and not any(w in _MODAL for w in words):
            tense_found = "past"
        elif words[-1] not in _LIGHT_VERBS:
            tense_found = "unknown"
    if prep == "for" and not subject and tense_found != "future":
        tense_found = "unknown"  # "notification for May 1": the noun's date, not the verb's
    if prep == "from" or (tense_found == "past" and prep in ("until", "till", "to")):
        tense_found = "unknown"  # "a warning from Monday", "charged from April 30": the start of a state
    return Governor(tense_found, " ".join(t[0] for t in toks[g:i + 1]), toks[g][1], toks[i][2])


def _modified_noun(toks, last: int) -> str | None:
    """The noun a date modifies ("the July 22 Louvre accord": accord; "the April 29-May 2 visit":
    visit), past names and numbers, within six words."""
    for k in range(last, min(len(toks), last + 6)):
        word = toks[k][0]
        if word.islower() and word[:1].isalpha():
            return _lower(word)
        if word in _STOP_TOKENS or word == ",":
            return None
    return None


def verb_after(prose: str, sentence: tuple[int, int], at: int) -> Governor:
    """The verb group of a clause that starts at `at` ("after the mayor resigned", "before the
    vote is held"): its first verb."""
    toks = tokens_of(prose, sentence)
    first = next((k for k, t in enumerate(toks) if t[1] >= at), len(toks))
    found = _walk_right(toks, first)
    if found is None:
        return UNKNOWN
    i = found[0]
    g = _group_start(toks, i)
    words = [t[3] for t in toks[g:i + 1] if t[3] not in _ADVERB]
    return Governor(_classify(words, None), " ".join(t[0] for t in toks[g:i + 1]), toks[g][1], toks[i][2])


def _walk_left(toks, first: int, own: int):
    """(index of the governing verb, whether the date modifies a noun); "detached" when an order
    word, a deadline or a participle ("the year ending March 31") sits between; or the index
    where the clause starts (-1: the sentence) when no verb precedes the date in its clause."""
    before = toks[first - 1][3] if first > 0 else ""
    noun_modifier = before in _DETERMINERS or before.endswith("'s")
    if own > 0 and toks[own - 1][3] in _PARTICIPLES:
        return "detached"
    if 0 < own < first and toks[own - 1][3] in ("and", "but", "or", "then"):
        return own - 1  # "..., and on July 1 reopened the hall": a clause of its own
    k = first - 1
    while k >= 0:
        word = toks[k][3]
        if word in _STOP_TOKENS or word in _CLAUSE_OPENERS:
            return k
        if word in _DETACH and (word != "by" or k == first - 1) and \
                not (k + 1 < len(toks) and _TIME_OF_DAY.match(toks[k + 1][0])):
            return "detached"  # "by March 3" is a deadline; "passed by the House on March 3" is not
        if _verb_at(toks, k):
            return k, noun_modifier
        if word == "to" and k + 1 < first and toks[k + 1][0] in _BASE_VERBS:
            return k + 1, noun_modifier  # "excited to kick off ... on Friday": the infinitive's date
        k -= 1
    return -1


def _walk_right(toks, last: int):
    """The first verb after a date that opens its clause ("On March 3, the council voted"); none
    past the clause's end or an infinitive of purpose (", to see ...")."""
    for k in range(last, min(len(toks), last + 20)):
        word = toks[k][3]
        if word in _STOP_TOKENS or (word in _CLAUSE_OPENERS and k > last):
            return None
        if word == "to" or (word == "," and k + 1 < len(toks) and toks[k + 1][3] == "to"):
            return None
        if _verb_at(toks, k):
            j = k
            while j + 1 < len(toks) and _verb_at(toks, j + 1) and toks[j][3] in _AUX | _ADVERB:
                j += 1
            return j, False
    return None
