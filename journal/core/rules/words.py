"""The word lists behind the Specific and activity rules (documented in docs/checks.md).

Matching is on whole words, case-insensitive.  A text is *vague* when it holds
a vague phrase and nothing concrete: no number and no deliverable.
"""

from __future__ import annotations

import re

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
)

#: Number words that count as a number (digits always do).
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
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "dozen",
    "once",
    "twice",
)

#: Nouns for results that exist when the goal is done.  They count after a determiner
#: (:data:`DETERMINERS`) and up to three more words ("the People Analytics
#: certificate"), and not when "skill" or "skills" follows ("my presentation skills").
DELIVERABLES = (
    "article",
    "case study",
    "certificate",
    "certification",
    "dashboard",
    "deck",
    "degree",
    "diploma",
    "exam",
    "interview",
    "job",
    "offer",
    "paper",
    "portfolio",
    "presentation",
    "promotion",
    "proposal",
    "referral",
    "report",
    "talk",
)

DETERMINERS = ("a", "an", "the", "my", "our")

#: Words in a metric that count effort rather than results.
ACTIVITY_WORDS = (
    "attend",
    "attended",
    "attending",
    "attendance",
    "event",
    "events",
    "hour",
    "hours",
    "meetup",
    "meetups",
    "post",
    "posts",
    "posted",
    "sent",
    "webinar",
    "webinars",
)


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


_VAGUE = re.compile(rf"\b(?:{_alternation(VAGUE_PHRASES)})\b", re.IGNORECASE)
_NUMBER = re.compile(rf"\d|\b(?:{_alternation(NUMBER_WORDS)})\b", re.IGNORECASE)
_DELIVERABLE = re.compile(
    rf"\b(?:{_alternation(DETERMINERS)})\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"(?:{_alternation(DELIVERABLES)})s?\b(?!\s+skills?\b)",
    re.IGNORECASE,
)
_ACTIVITY = re.compile(rf"\b(?:{_alternation(ACTIVITY_WORDS)})\b", re.IGNORECASE)


def vague_phrase(text: str) -> str | None:
    """The first vague phrase in ``text``, or None."""
    match = _VAGUE.search(text)
    return match.group(0) if match else None


def is_concrete(text: str) -> bool:
    """``text`` holds a number or names a deliverable."""
    return bool(_NUMBER.search(text) or _DELIVERABLE.search(text))


def is_vague(text: str) -> bool:
    return vague_phrase(text) is not None and not is_concrete(text)


def activity_word(metric: str) -> str | None:
    """The word that makes ``metric`` count effort (``events attended``), or None."""
    match = _ACTIVITY.search(metric)
    return match.group(0) if match else None
