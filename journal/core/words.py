"""The word lists behind the Specific and activity rules (documented in docs/checks.md).

Matching is on whole words, case-insensitive (in a metric a hyphenated word is one:
"follow-ups").  A text is *vague* when it holds a vague phrase and nothing concrete:
no quantity, no deliverable and no purpose clause that makes something.  A metric
counts *effort* (reach or activity) when it holds a reach word or an activity phrase
and no outcome marker (one next to an effort word does not count) nor someone else's
doing ("who referred me", "by recruiters").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from journal.core.regex import lazy

#: Phrases that say "do something about X" without saying what will exist afterwards.
VAGUE_PHRASES = (
    "more",
    "better",
    "improve",
    "improving",
    "improvement",
    "enhance",
    "strengthen",
    "boost",
    "learn about",
    "learn more",
    "learn the basics",
    "learn",
    "work on",
    "focus on",
    "try to",
    "keep up",
    "stay on top of",
    "get into",
    "look into",
    "explore",
    "a lot",
    "as much as possible",
    "grow",
    "expand",
    "my network",
    "personal brand",
    "increase",
    "reduce",
    "stronger",
    "fluent",
    "update",
    # found in a coach's tryout: aims with no result named
    "upskill",
    "get fit",
    "stay healthy",
    "thought leader",
    "be the best",
    "get comfortable",
    # the commonest German and Spanish ones (the lists are English: docs/checks.md)
    "mehr",
    "besser",
    "bessere",
    "besseren",
    "besserer",
    "besseres",
    "verbessern",
    "ausbauen",
    "erweitern",
    "más",
    "mejor",
    "mejorar",
    "aumentar",
    "ampliar",
)

#: German tens, and the ones a German number of 21 to 99 opens with ("einundzwanzig").
_GERMAN_ONES = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
_GERMAN_TENS = (
    *("zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig", "siebzig"),
    *("achtzig", "neunzig"),
)

#: Number words that count as a quantity, alone or joined by hyphens ("twenty-five"):
#: English, German, Spanish and French; not German ``ein``/``eine``, Spanish
#: ``un``/``una``/``uno`` nor French ``un``/``une``, as often "a" as "one".
NUMBER_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "dozen",
    "once",
    "twice",
    # German (and 21 to 99 in one word: _NUMBER_WORDS)
    "eins",
    *_GERMAN_ONES[1:],
    *("zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn"),
    *("achtzehn", "neunzehn", *_GERMAN_TENS, "hundert", "tausend", "dutzend"),
    # Spanish ("once", eleven, is above)
    *("dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "doce"),
    *("trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve"),
    *("veinte", "veintiuno", "veintiún", "veintidós", "veintitrés", "veinticuatro"),
    *("veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve", "treinta"),
    *("cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien"),
    *("ciento", "mil", "millón", "docena"),
    # French ("six" and "million" are above; "sept" only joined: JOINED_NUMBER_WORDS)
    *("deux", "trois", "quatre", "cinq", "huit", "neuf", "dix", "onze", "douze", "treize"),
    *("quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante"),
    *("soixante", "cent", "cents", "mille", "douzaine"),
)

#: Words that count only joined by hyphens to a number word: French ``sept`` (alone,
#: September's short name too), ``et`` and ``un`` ("dix-sept", "vingt-et-un").
JOINED_NUMBER_WORDS = ("et", "sept", "un")

#: Fractions and multiples that measure a change ("cut attrition in half", "double my
#: followers"); "a third" and "a quarter" only after ``by`` ("in a quarter" is a time).
MULTIPLES = (
    "half",
    "halve",
    "halved",
    "double",
    "doubled",
    "triple",
    "tripled",
    "quadruple",
    "by a third",
    "by a quarter",
)

#: Nouns for results that exist when the goal is done.  They count after a determiner
#: (:data:`DETERMINERS`) and up to three more words ("the People Analytics
#: certificate"), and not when "skill" or "skills" follows ("my presentation skills").
DELIVERABLES = (
    "app",
    "article",
    "blog",
    "book",
    "case study",
    "certificate",
    "certification",
    "course",
    "dashboard",
    "deck",
    "degree",
    "demo",
    "diploma",
    "exam",
    "interview",
    "job",
    "newsletter",
    "offer",
    "paper",
    "podcast",
    "portfolio",
    "presentation",
    "promotion",
    "proposal",
    "prototype",
    "quiz",
    "referral",
    "report",
    "talk",
    "thesis",
    "website",
    "workshop",
)

DETERMINERS = ("a", "an", "the", "my", "our", "its", "their", "this")

#: Verbs that make something; followed by an object they form a purpose clause
#: ("... to build dashboards", "Write more: publish my book").
MAKING_VERBS = (
    "build",
    "complete",
    "create",
    "deliver",
    "deploy",
    "earn",
    "finish",
    "get",
    "land",
    "launch",
    "pass",
    "present",
    "publish",
    "release",
    "ship",
)

#: Words after a making verb that are no object ("get better", "build up", "get it").
NOT_OBJECTS = (
    "about",
    "ahead",
    "around",
    "at",
    "back",
    "best",
    "better",
    "bit",
    "by",
    "comfortable",
    "familiar",
    "fit",
    "for",
    "from",
    "going",
    "good",
    "in",
    "into",
    "involved",
    "it",
    "little",
    "lot",
    "more",
    "most",
    "network",
    "of",
    "on",
    "out",
    "over",
    "personal",
    "some",
    "something",
    "started",
    "stronger",
    "stuff",
    "that",
    "them",
    "things",
    "through",
    "to",
    "up",
    "with",
)

#: Where a purpose clause may start: the start of the text, ``to``, ``and``, ``then``,
#: or a colon, semicolon, comma or dash.
_CLAUSE_START = r"(?:^|\bto\s|\band\s|\bthen\s|[:;,\u2013\u2014]|\s-\s)"

#: Nouns in a metric that count effort on their own ("networking events", "coffee chats"),
#: and "people met", anyone (not "HR leaders met", nor "targets met").
ACTIVITY_NOUNS = (
    "application",
    "applications",
    "attendance",
    "book",
    "books",
    "call",
    "calls",
    "coffee chat",
    "coffee chats",
    "conference",
    "conferences",
    "conversation",
    "conversations",
    "course",
    "courses",
    "dm",
    "dms",
    "email",
    "emails",
    "event",
    "events",
    "evento",
    "eventos",
    "follow-up",
    "follow-ups",
    "hour",
    "hours",
    "lunch",
    "lunches",
    "meeting",
    "meetings",
    "meetup",
    "meetups",
    "message",
    "messages",
    "one-on-one",
    "one-on-ones",
    "people met",
    "post",
    "posts",
    "session",
    "sessions",
    "thank-you note",
    "thank-you notes",
    "veranstaltung",
    "veranstaltungen",
    "webinar",
    "webinars",
    "workout",
    "workouts",
)

#: Verbs that, after a noun, count effort ("applications submitted", "calls made"); not
#: after ``who``, ``that`` or ``which`` ("recruiters who contacted me": they did it).
ACTIVITY_VERBS = (
    "added",
    "answered",
    "applied",
    "asistidos",  # Spanish and German "attended", as the few nouns of theirs above
    "asked",
    "attend",
    "attended",
    "attending",
    "besucht",
    "booked",
    "collected",
    "completed",
    "conducted",
    "contacted",
    "done",
    "held",
    "logged",
    "made",
    "posted",
    "practiced",
    "practised",
    "published",
    "read",
    "requested",
    "scheduled",
    "screened",
    "sent",
    "sourced",
    "spent",
    "submitted",
    "taken",
    "watched",
)

#: Words in a metric that count reach or popularity, how vanity metrics are made
#: ("LinkedIn followers", "post impressions").
REACH_WORDS = (
    "connections",
    "endorsements",
    "follower",
    "followers",
    "impressions",
    "likes",
    "reach",
    "subscribers",
    "views",
)

#: Words in a metric that count a result, whatever else it says ("billable hours
#: invoiced", "leads sent to sales that converted"): they make it an outcome metric,
#: unless an effort word modifies them (:data:`EFFORT_BEFORE_MARKER`,
#: :data:`EFFORT_AFTER_MARKER`).
OUTCOME_MARKERS = (
    "accepted",
    "attendees",
    "billable",
    "billed",
    "certificate",
    "certificates",
    "certification",
    "certifications",
    "closed",
    "conversion",
    "conversions",
    "converted",
    "earned",
    "hire",
    "hired",
    "hires",
    "income",
    "interview",
    "interviews",
    "invitation",
    "invitations",
    "invoiced",
    "landed",
    "leading to",
    "offer",
    "offers",
    "promoted",
    "promotion",
    "promotions",
    "rate",
    "rates",
    "received",
    "referral",
    "referrals",
    "registrations",
    "replies",
    "revenue",
    "salary",
    "saved",
    "score",
    "scores",
    "secured",
    "signed",
    "that lead to",
    "that leads to",
    "that led to",
    "won",
)

#: Results a meeting leads to, which a goal counting its meetings may name (in its metric,
#: else its unit): each with the nouns that name it (a plural with ``s`` too) and the
#: stems an ``outcome`` names it by, a word starting with one ("She will refer me",
#: "referred", "a referral").
MEETING_RESULTS = {
    "referral": (("referral",), ("refer",)),
    "introduction": (("introduction", "intro"), ("intro",)),
    "offer": (("offer",), ("offer",)),
    "interview": (("interview",), ("interview",)),
    "hire": (("hire",), ("hire", "hiring")),
    "invitation": (("invitation", "invite"), ("invit",)),
    "recommendation": (("recommendation",), ("recommend",)),
}

#: Words that make an outcome marker right after them (a determiner may come between)
#: effort: a topic ("hours spent on salary negotiation prep", "calls for referrals"),
#: practice for a result ("mock interviews practiced"), a conversation you arrange
#: ("informational interviews held").
EFFORT_BEFORE_MARKER = ("about", "for", "informational", "mock", "on", "practice", "training")

#: Words that make an outcome marker right before them effort ("interview prep webinars
#: attended", "referral requests sent", "promotion application submitted").
EFFORT_AFTER_MARKER = (
    "application",
    "applications",
    "asked",
    "conducted",
    "course",
    "courses",
    "held",
    "prep",
    "preparation",
    "practice",
    "request",
    "requested",
    "requests",
    "sent",
)

#: Verbs that, after ``who``, ``that`` or ``which``, say someone else's doing came of it,
#: a result ("connections who referred me", "posts that got a recruiter to message me").
RESULT_VERBS = (
    "booked",
    "got",
    "hired",
    "introduced",
    "invited",
    "offered",
    "recommended",
    "referred",
    "replied",
    "resulted in",
)

#: Who, after ``by`` or ``from``, did it instead of you: a result ("calls booked by
#: recruiters", "messages from hiring managers"); a determiner and up to two words may
#: come between ("from the HR director").
AGENTS = (
    "client",
    "clients",
    "company",
    "companies",
    "customer",
    "customers",
    "director",
    "directors",
    "employer",
    "employers",
    "hiring manager",
    "hiring managers",
    "leader",
    "leaders",
    "manager",
    "managers",
    "organizer",
    "organizers",
    "organiser",
    "organisers",
    "recruiter",
    "recruiters",
)


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def _words(phrases: tuple[str, ...]) -> str:
    """One of ``phrases`` as whole words, a hyphenated word being one ("follow-ups")."""
    return rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])"


_WORD = r"[\w'\u2019.-]*\w"  # a word, with inner hyphens, dots, apostrophes (fast.ai)
#: The first letters looked at before the phrases are tried one by one: the same
#: matches, ten times faster (a search tried each phrase at every word of a title).
_VAGUE_FIRST = "".join(sorted({re.escape(p[0].lower()) for p in VAGUE_PHRASES}))
_VAGUE = lazy(rf"\b(?=[{_VAGUE_FIRST}])(?:{_alternation(VAGUE_PHRASES)})\b", re.IGNORECASE)
#: Each vague phrase's words, and the first ones: a text of ASCII letters without all
#: the words of any phrase needs no search (nor the pattern compiled: most titles).
_VAGUE_WORDS = tuple(frozenset(p.lower().split()) for p in VAGUE_PHRASES)
_VAGUE_STARTS = frozenset(p.lower().split()[0] for p in VAGUE_PHRASES)
_WORD_RUN = lazy(r"\w+")
_DELIVERABLE = lazy(
    rf"\b(?:{_alternation(DETERMINERS)})\s+(?:{_WORD}\s+){{0,3}}?"
    rf"(?:{_alternation(DELIVERABLES)})s?\b(?!\s+skills?\b)",
    re.IGNORECASE,
)
_PURPOSE = lazy(
    rf"{_CLAUSE_START}\s*(?:{_alternation(MAKING_VERBS)})\s+"
    rf"(?:(?:{_alternation(DETERMINERS)})\s+)?"
    rf"(?!(?:{_alternation(NOT_OBJECTS + DETERMINERS)})\b){_WORD}",
    re.IGNORECASE,
)
#: An amount: ``3``, ``2.5``, ``1,000``, ``50%``, ``$500``, ``10k``, ``3-5``, signed or
#: bounded (``+40``, ``-10``, ``≤30``, ``~10``), a score (``4.5/5``, ``8/10``; see
#: :func:`is_quantity`), a unit glued on (``24h``, ``100kg``, ``80wpm``, ``1.2M``).
_AMOUNT = lazy(
    r"[+\-\u2212\u00b1~\u2264\u2265<>]?[$€£]?(?P<number>\d+(?:[.,]\d+)*)"
    r"(?:[-\u2013]\d+(?:[.,]\d+)*)?(?:/(?P<out_of>5|10|100))?"
    r"(?:%|\+|k|m|bn|x|pct|h|hrs?|mins?|kg|km|mi|lbs?|wpm|pts?|[kmgt]b|ml|mo|wks?|usd|eur|gbp)?",
    re.I,
)
#: A language level, CEFR A1 to C2 ("B2", "C1+"), is concrete ("level 3" holds a number).
_LEVEL = lazy(r"\b[ABC][12]\+?(?![\w+])")
_YEAR = lazy(r"(?:19|20)\d\d(?:[-\u2013]\d+)?")
_NUMBER_WORDS = frozenset(NUMBER_WORDS) | {
    f"{one}und{ten}" for one in _GERMAN_ONES for ten in _GERMAN_TENS
}
_JOINED_NUMBER_WORDS = frozenset(JOINED_NUMBER_WORDS)
_MEASURE = lazy(rf"\b(?:{_alternation(MULTIPLES)})\b|(?<![\w-])\d+-[a-z]", re.IGNORECASE)
_TOKEN_EDGES = "\"'()[]{}<>.,;:!?\u2018\u2019\u201c\u201d*_"
_METRIC_WORD = rf"(?<![\w'\u2019.-]){_WORD}"  # a whole word, hyphenated or not
#: What may follow the noun a metric counts: participles and adverbs ("posts
#: published", "calls weekly"); any other word makes the noun a modifier ("conference
#: speaking slots").
_AFTER_HEAD = rf"(?:\s+(?:{_alternation(ACTIVITY_VERBS)}|met|\w+(?:ed|ly)))*\s*$"
_ACTIVITY = lazy(
    rf"{_words(ACTIVITY_NOUNS)}(?={_AFTER_HEAD})|{_METRIC_WORD}\s+{_words(ACTIVITY_VERBS)}",
    re.IGNORECASE,
)
_REACH = lazy(_words(REACH_WORDS), re.IGNORECASE)
_OUTCOME = lazy(
    rf"{_words(OUTCOME_MARKERS)}"
    rf"|\b(?:who|that|which)\s+{_words(RESULT_VERBS)}"
    rf"|\b(?:by|from)\s+(?:(?:{_alternation(DETERMINERS)})\s+)?(?:{_WORD}\s+){{0,2}}?"
    rf"{_words(AGENTS)}",
    re.IGNORECASE,
)
#: A noun of :data:`MEETING_RESULTS`, its result by each.
_RESULT_OF = {noun: result for result, (nouns, _) in MEETING_RESULTS.items() for noun in nouns}
_MEETING_RESULT = lazy(rf"(?<![\w-])({'|'.join(_RESULT_OF)})s?(?![\w-])", re.IGNORECASE)
_WORD_OF_TEXT = lazy(r"[\w'\u2019]+")  # "can't" one word
_EFFORT_MARKER = lazy(
    rf"{_words(EFFORT_BEFORE_MARKER)}\s+(?:(?:{_alternation(DETERMINERS)})\s+)?{_words(OUTCOME_MARKERS)}"
    rf"|{_words(OUTCOME_MARKERS)}\s+{_words(EFFORT_AFTER_MARKER)}",
    re.IGNORECASE,
)


def vague_phrase(text: str) -> str | None:
    """The first vague phrase in ``text``, or None."""
    # In ASCII a phrase matches whole words of the text (its case alone may differ); other
    # letters match by Unicode's case rules (a dotted I is an "i"), so only the search says
    if text.isascii():
        words = set(_WORD_RUN.findall(text.lower()))
        if _VAGUE_STARTS.isdisjoint(words) or not any(p <= words for p in _VAGUE_WORDS):
            return None
    match = _VAGUE.search(text)
    return match.group(0) if match else None


def is_quantity(token: str) -> bool:
    """A word that counts something: ``3``, ``50%``, ``five``, ``twenty-five``, ``drei``,
    ``dix-sept`` (:data:`NUMBER_WORDS`, :data:`JOINED_NUMBER_WORDS`).  A year
    (``2026``), a quarter (``Q3``), an ordinal (``2nd``), a date or a time and a number
    inside a hyphenated word (``one-on-ones``, ``30-minute``) name a time or a thing."""
    word = token.strip(_TOKEN_EDGES).lower()
    amount = _AMOUNT.fullmatch(word)
    if amount:
        if amount["out_of"] and _number(amount["number"]) > int(amount["out_of"]):
            return False  # 11/5, 12/10: a date, not a score
        return not _YEAR.fullmatch(word.lstrip("+-\u2212\u00b1~\u2264\u2265<>"))
    parts = word.split("-")
    return any(part in _NUMBER_WORDS for part in parts) and all(
        part in _NUMBER_WORDS or part in _JOINED_NUMBER_WORDS for part in parts
    )


#: Words that end what a number in a title counts: "5 HR leaders in my industry".
_NOT_COUNTED = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "before",
        "by",
        "each",
        "every",
        "for",
        "from",
        "in",
        "into",
        "my",
        "of",
        "on",
        "or",
        "our",
        "per",
        "than",
        "that",
        "the",
        "their",
        "this",
        "to",
        "until",
        "which",
        "who",
        "with",
        "within",
        "your",
    ]
)


#: The words a metric counts by, before the first preposition or clause ("speaking
#: slots" of "speaking slots at conferences"), past "number of" and the like.
_HEAD_PHRASE = lazy(
    rf"^\s*(?:(?:the\s+)?(?:number|count|total|amount)\s+of\s+)?"
    rf"(?P<phrase>.*?)(?=\s+(?:{_alternation(tuple(_NOT_COUNTED))})\b|[(,;:]|$)",
    re.IGNORECASE,
)


def counted_in(title: str, target: float | None = None) -> str | None:
    """What ``title`` counts: the words after its quantity that is ``target``, else its
    first (:func:`_after_quantity`), up to four, ending before a word such as ``in``,
    ``by`` or ``that`` or at a punctuation mark: ``people-analytics dashboards`` of
    "Build 3 people-analytics dashboards"; None when it counts nothing, or only how often
    ("Post 10 times")."""
    found = _counted_after(title, target)
    return None if found is None else found[1]


def _counted_after(title: str, target: float | None) -> tuple[list[str], str] | None:
    """The words of ``title`` after its quantity that is ``target`` (else its first), and
    what they count (:func:`counted_in`), or None."""
    after = _after_quantity(title, target)
    counted = None if after is None else _counted(after[:4])
    if after is None or counted is None or counted.split()[0].lower() in _HOW_OFTEN:
        return None
    return after, counted


#: Words after a number that count how often, not what: "Post 10 times on LinkedIn".
_HOW_OFTEN = frozenset(["time", "times", "x"])
#: Words that end a result clause in a title: "... that lead to a referral by March".
_CLAUSE_END = frozenset(["before", "by", "until", "within"])


#: Units after a number, spelled as a metric says them ("2 h/week": "hours per week").
_UNIT_WORDS = {"h": "hours", "hr": "hours", "hrs": "hours", "min": "minutes", "mins": "minutes"}


def metric_in(title: str, target: float | None = None) -> str | None:
    """What ``title`` counts, said as a metric: :func:`counted_in`'s words (after the
    number that is ``target``, if one is, else the first) and the clause after them when
    it makes them a result (:func:`names_result`: "informational interviews that lead to
    a referral"); a unit spelled out after what it measures ("overtime hours per week" of
    "Cut overtime to 2 h/week"); None when the title counts nothing, or only how often
    ("Post 10 times")."""
    found = _counted_after(title, target)
    if found is None:
        return None
    after, counted = found
    tokens = title.split()
    unit, _, per = counted.partition("/")
    if unit.lower() in _UNIT_WORDS:
        before = tokens[: len(tokens) - len(after) - 1]
        subject = next((t for t in reversed(before) if t.lower() not in _NOT_COUNTED), "")
        spelled = f"{subject.lower()} {_UNIT_WORDS[unit.lower()]}".strip()
        return f"{spelled} per {per}" if per else spelled
    words = counted.split()
    if after[len(words) - 1][-1] in _TOKEN_EDGES:
        return counted  # "interviews, then ...": the phrase ends at the mark
    for token in after[len(words) :]:
        if token.lower() in _CLAUSE_END:
            break
        words.append(token.strip(_TOKEN_EDGES))
        if token[-1] in _TOKEN_EDGES:
            break
    clause = " ".join(words)
    return clause if names_result(clause) and not names_result(counted) else counted


def _after_quantity(title: str, target: float | None = None) -> list[str] | None:
    """The words of ``title`` after its quantity that is ``target`` (a number written in
    digits), else after its first (not ``once`` or ``twice``)."""
    tokens = title.split()
    at = [i for i, t in enumerate(tokens) if is_quantity(t) and t.lower() not in ("once", "twice")]
    if not at:
        return None
    amounts = ((i, _AMOUNT.fullmatch(tokens[i].strip(_TOKEN_EDGES))) for i in at)
    first = next((i for i, m in amounts if m and _number(m["number"]) == target), at[0])
    return tokens[first + 1 :]


def spans_of(title: str, value: float) -> list[tuple[int, int]]:
    """Where ``title`` states ``value`` in digits (``100`` of "Get 100 interviews", ``75``
    of "75%"): the start and end of each such number, as :func:`_after_quantity` reads
    them."""
    spans = []
    for token in re.finditer(r"\S+", title):
        word = token[0].strip(_TOKEN_EDGES)
        at = token.start() + token[0].index(word) if word else 0
        amount = _AMOUNT.fullmatch(word) if word else None
        if amount and _number(amount["number"]) == value:
            spans.append((at + amount.start("number"), at + amount.end("number")))
    return spans


#: A number written with a decimal comma: ``1,5`` (``1,500`` parts thousands).
_DECIMAL_COMMA = lazy(r"\d+,\d{1,2}")


def written_like(text: str, like: str) -> str:
    """The number ``text`` (``4874``, ``1.2``) written as the number ``like`` is, as
    :func:`_number` reads it: with a decimal comma (``1,5``: ``1,2``), or commas parting
    its thousands (``3,500``: ``4,874``); else as it is."""
    if _DECIMAL_COMMA.fullmatch(like):
        return text.replace(".", ",")
    if "," not in like:
        return text
    whole, point, rest = text.partition(".")
    return f"{int(whole):,}{point}{rest}"


def counted_by(metric: str) -> str | None:
    """What ``metric`` counts, read as :func:`counted_in` reads the words after a
    number: ``informational interviews`` of "informational interviews that led to a next
    step"; None when it counts nothing."""
    return _counted(metric.split()[:4])


def _counted(tokens: list[str]) -> str | None:
    """The words ``tokens`` open with, ending before a word such as ``in`` or ``that``,
    a quantity or an aside, or at a punctuation mark; None when there are none."""
    words: list[str] = []
    for token in tokens:
        word = token.strip(_TOKEN_EDGES)
        if token[0] in "([{" or not word or word.lower() in _NOT_COUNTED or is_quantity(word):
            break  # "(iOS, Android)": an aside, not what is counted
        words.append(word)
        if token[-1] in _TOKEN_EDGES:  # "dashboards," or "(draft)": the phrase ends
            break
    return " ".join(words) or None


def _number(text: str) -> float:
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    return float(text.replace(",", "")) if text.count(".") <= 1 else float("inf")


def is_concrete(text: str) -> bool:
    """``text`` holds a quantity or a language level (``B2``), names a deliverable, or
    has a purpose clause that makes something ("to build dashboards")."""
    return (
        any(is_quantity(token) for token in text.split())
        or _MEASURE.search(text) is not None
        or _LEVEL.search(text) is not None
        or _DELIVERABLE.search(text) is not None
        or _PURPOSE.search(text) is not None
    )


def is_vague(text: str) -> bool:
    return vague_phrase(text) is not None and not is_concrete(text)


class Effort(NamedTuple):
    """What a metric counts that is no result: the words that say so, and whether they
    count reach or popularity (a vanity number) rather than activity."""

    phrase: str
    reach: bool


def names_result(metric: str) -> bool:
    """Whether ``metric`` counts a result: it holds an outcome marker no effort word
    modifies ("informational interviews that led to a referral", not "informational
    interviews held"), or says someone else did it (:data:`RESULT_VERBS`,
    :data:`AGENTS`: "connections who referred me", "calls booked by recruiters")."""
    return _OUTCOME.search(_EFFORT_MARKER.sub(" ", metric)) is not None


def meeting_results(metric: str, unit: str) -> list[str]:
    """The results a meeting leads to (:data:`MEETING_RESULTS`) that ``metric`` names,
    no effort word modifying them ("referrals from informational interviews"); else
    those ``unit`` names, unless the metric holds them as effort (the "interviews" of
    "informational interviews with an insight")."""
    named = _results_in(_EFFORT_MARKER.sub(" ", metric))
    if named:
        return named
    effort = _results_in(metric)
    return [result for result in _results_in(unit) if result not in effort]


def _results_in(text: str) -> list[str]:
    """The results of :data:`MEETING_RESULTS` ``text`` names, each once, in order."""
    return list(dict.fromkeys(_RESULT_OF[noun.lower()] for noun in _MEETING_RESULT.findall(text)))


#: Words that deny what follows them within :data:`_DENIED_WITHIN` words: "she can't
#: refer me" names no referral (any word ending in n't too: "didn't", "won't").
NEGATIONS = frozenset(("no", "not", "never", "cannot", "declined", "refused", "unable", "without"))
_DENIED_WITHIN = 3


def _denied(words: list[str], at: int) -> bool:
    """Whether a negation (:data:`NEGATIONS`) comes a few words before ``words[at]``."""
    before = words[max(at - _DENIED_WITHIN, 0) : at]
    return any(w in NEGATIONS or w.endswith(("n't", "n\u2019t")) for w in before)


def names_meeting_result(outcome: str, results: list[str]) -> bool:
    """Whether ``outcome`` names one of ``results`` (:func:`meeting_results`): holds a
    word starting with one of its stems, any case, and denies none (a negation a few
    words before it: "He won't refer me until I apply"; words, not meaning)."""
    stems = tuple(stem for result in results for stem in MEETING_RESULTS[result][1])
    words = _WORD_OF_TEXT.findall(outcome.lower())
    named = [at for at, word in enumerate(words) if word.startswith(stems)]
    return bool(named) and not any(_denied(words, at) for at in named)


def effort_of(metric: str) -> Effort | None:
    """The effort ``metric`` counts: reach (``followers``; before activity, so "post
    impressions" is reach) or activity (``events``, ``calls made``).  None when it holds
    neither, or it counts a result (:func:`names_result`)."""
    if names_result(metric):
        return None
    if match := _REACH.search(metric):
        return Effort(" ".join(match.group(0).split()), True)
    head = _HEAD_PHRASE.match(metric)
    if head and (match := _ACTIVITY.search(head["phrase"])):
        return Effort(" ".join(match.group(0).split()), False)
    return None
