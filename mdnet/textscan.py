"""Language checks on goal statements and contact notes: numbers, vague words, assumptions."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Final

__all__ = [
    "DEFAULT_ASSUMPTIONS",
    "DEFAULT_VAGUE",
    "find_assumptions",
    "find_vague",
    "has_number",
    "nearest",
]

DEFAULT_VAGUE: Final[tuple[str, ...]] = (
    "some",
    "many",
    "a few",
    "few",
    "several",
    "various",
    "numerous",
    "a number of",
    "a lot",
    "a lot of",
    "lots of",
    "a couple",
    "a couple of",
    "a bunch of",
    "a handful",
    "a handful of",
    "multiple",
    "plenty of",
    "more",
    "as many as possible",
    "as much as possible",
    "as often as possible",
    "dozens of",
    "hundreds of",
    "thousands of",
    "tons of",
    "loads of",
    "countless",
)
"""Vague quantifiers flagged in goal statements (G003); the spec's list plus a few more."""

DEFAULT_ASSUMPTIONS: Final[tuple[str, ...]] = (
    "probably",
    "i guess",
    "maybe",
    "i think",
    "perhaps",
    "i assume",
    "i suppose",
    "likely",
    "might be",
    "seems",
    "seem to",
    "i believe",
    "possibly",
    "presumably",
    "supposedly",
    "apparently",
    "i suspect",
    "i reckon",
    "i imagine",
    "seemed",
)
"""Hedges that mark a guess about a contact (C004): turn probablies into certainties."""

# ------------------------------------------------------------------------- numbers


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_CARDINALS: Final = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion dozen"
)
_MULTIPLES: Final = _words("twice thrice single double triple half")
_ONCE_BEFORE: Final = _words("a an per every each daily weekly monthly yearly annually this that")
_HYPHEN_UNITS: Final = _words(
    "minute minutes hour hours day days week weeks month months year years page pages "
    "word words person people"
)
_STRONG_TEMPORAL: Final = _words(
    "in by until till til before after since during through throughout within from year fy "
    "q1 q2 q3 q4 h1 h2 jan january feb february mar march apr april may jun june jul july "
    "aug august sep sept september oct october nov november dec december"
)
_QUANTITY_LEAD: Final = _words(
    "to reach hit than least about around over under approximately exactly total"
)
_YEAR_NOUNS: Final = _words(
    "goal goals plan plans target targets resolution resolutions edition season conference "
    "summit review roadmap okr okrs q1 q2 q3 q4 h1 h2"
)

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MONTH_CI = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|Mar(?:ch)?|MAR(?:CH)?|May|MAY"
)
_NOT_QUANTITIES = rf"""
      (?<![\d])(?=\d)(?:                                 # starting with a digit:
        \d{{4}}-\d{{1,2}}-\d{{1,2}}                       # 2026-12-31
      | \d{{4}}/\d{{1,2}}/\d{{1,2}}                       # 2026/12/31
      | \d{{1,2}}([/.])\d{{1,2}}\1\d{{2,4}}(?!\d)        # 31/12/2026, 12.31.26
      | \d{{1,2}}-\d{{1,2}}-\d{{4}}                       # 31-12-2026
      | (?:19|20)\d\d-(?:0[1-9]|1[0-2])(?!\d)          # 2026-12
      | \d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[aApP]\.?[mM]\.?)?   # 10:30, 10:30 pm
      | \d{{1,2}}\s?[aApP]\.?[mM]\.?(?!\w)              # 5pm, 5 p.m.
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_CI})(?!\w)  # 31 Dec, 1st of May
      )
    | (?<!\w)(?=[ADFJMNOSadfjmnos])                  # starting with a month name:
      (?:{_MONTH_CI})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)   # Dec 31, December 31st
    """
_ANY_DIGIT = re.compile(r"\d")
_DIGITS = r"""
    (?<![\w.'’])(?<!\d,)
    (?P<int>\d{1,3}(?:,\d{3})+(?![\d,])|\d+)
    (?P<frac>\.\d+)?
    (?P<suffix>[^\W\d_]*)
    (?P<pct>%)?
    """


@functools.cache
def _number_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`_NOT_QUANTITIES` and `_DIGITS`, compiled when a text with a digit is first read:
    only goal statements are, and a run that reads none (a pre-commit run on a contact
    note) saves the 1.2 ms they take to compile."""
    return re.compile(_NOT_QUANTITIES, re.VERBOSE), re.compile(_DIGITS, re.VERBOSE)


_NEXT_WORD = re.compile(r"\s*([^\W_]+)")
_LAST_WORD = re.compile(r"([^\W_]+)[\s,%]*$")
_NOT_NUMBER_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th", "s", "am", "pm"})


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` blanked out, columns unchanged."""
    return pattern.sub(lambda found: " " * len(found.group(0)), text)


def _previous_word(text: str, end: int) -> str:
    found = _LAST_WORD.search(text, max(0, end - 40), end)
    return found.group(1).lower() if found is not None else ""


def _is_year(text: str, found: re.Match[str]) -> bool:
    """Whether a plain 4-digit number 1900–2100 at ``found`` names a year."""
    before = _previous_word(text, found.start())
    if before in _STRONG_TEMPORAL:
        return True
    after = _NEXT_WORD.match(text, found.end())
    if after is not None and after.group(1).lower() not in _YEAR_NOUNS:
        return False
    return before not in _QUANTITY_LEAD or (
        after is not None and after.group(1).lower() in _YEAR_NOUNS
    )


def _digit_numbers(text: str) -> list[tuple[int, str]]:
    if _ANY_DIGIT.search(text) is None:
        return []
    not_quantities, digits = _number_patterns()
    masked = _mask(text, not_quantities)
    numbers: list[tuple[int, str]] = []
    for found in digits.finditer(masked):
        suffix = found["suffix"].lower()
        if suffix in _NOT_NUMBER_SUFFIXES:
            continue
        whole = found["int"]
        if (
            len(whole) == 4
            and not found["frac"]
            and not suffix
            and not found["pct"]
            and 1900 <= int(whole) <= 2100
            and _is_year(masked, found)
        ):
            continue
        numbers.append((found.start(), text[found.start() : found.end()]))
    return numbers


def _word_is_number(words: list[re.Match[str]], index: int) -> bool:
    word = words[index].group(0).lower().replace("’", "'")
    before = words[index - 1].group(0).lower() if index > 0 else ""
    after = words[index + 1].group(0).lower() if index + 1 < len(words) else ""
    if "-" in word:
        parts = word.split("-")
        if all(part in _CARDINALS for part in parts):
            return True  # twenty-five, one-hundred
        return len(parts) == 2 and parts[0] in _CARDINALS and parts[1] in _HYPHEN_UNITS
    if word == "once":
        return after in _ONCE_BEFORE  # "once a week"; not "once I have a job"
    if word == "one":
        later = " ".join(w.group(0).lower() for w in words[index + 1 : index + 4])
        if before == "no" or after in ("another", "or") or later.startswith("of these days"):
            return False  # no one, one another, one or another, one of these days
        if before == "at" and after in ("point", "time"):
            return False
        if index == 0 and after == "day" and not _follows(words, index + 2, _ONCE_BEFORE):
            return False  # "One day I will …"
    return word in _CARDINALS or word in _MULTIPLES


def _follows(words: list[re.Match[str]], index: int, choices: frozenset[str]) -> bool:
    return index < len(words) and words[index].group(0).lower() in choices


def has_number(text: str) -> bool:
    """Whether a goal statement carries a measurable number, i.e. is *exact*.

    Digits count (``10``, ``1,000``, ``2.5``, ``30%``, ``$5k``, ``10x``, ``2h``) unless they
    are only part of a date or time (``2026-12-31``, ``[[2026-12-31]]``, ``31/12/2026``,
    ``2026-12``, ``Dec 31``, ``10:30``, ``5pm``), glued to letters in front (``Q1``,
    ``FY2026``, ``v2``, ``B2B``), an ordinal (``3rd``), a decade (``2020s``, ``'27``).

    A plain 4-digit number from 1900 to 2100 is a *year*, not a quantity, when it follows
    a time word (in, by, until, before, after, since, during, from, within, a month name,
    Q1–Q4…), or when no word follows it (``… for 2026``, ``2026: …``) or the word after is
    a year noun (``2026 goal``, ``2026 plan``) — except that after to/reach/than/about/over
    … it stays a quantity (``grow my list to 2000``). Followed by another word it is a
    quantity (``write 2000 words``, ``aim for 2000 subscribers``).

    Number words count, whole words only, any case: zero–twenty, thirty–ninety, hundred,
    thousand, million, billion, dozen (``a dozen``), compounds (``twenty-five``,
    ``two-week``), twice, thrice, single, double, triple, half. ``once`` counts only as a
    frequency (``once a week``, ``once per month``). ``one`` does not count in ``no one``,
    ``one another``, ``one of these days``, ``at one point`` or an opening ``One day …``.
    Not numbers: someone, often, alone, phone, done, none, dozens, hundreds, a couple (of).
    """
    if _digit_numbers(text):
        return True
    words = list(_WORD.finditer(text))
    return any(_word_is_number(words, index) for index in range(len(words)))


# --------------------------------------------------------------------- phrase lists


@functools.lru_cache(maxsize=64)
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex finding, at each word start, the longest listed phrase found there."""
    phrases: dict[str, None] = {}
    for word in words:
        normal = " ".join(word.replace("’", "'").lower().split())
        if normal:
            phrases[normal] = None
    if not phrases:
        return None
    alternatives = [
        r"\s+".join(re.escape(part).replace("'", "['’]") for part in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile(rf"(?<!\w)(?=(?P<phrase>(?:{'|'.join(alternatives)})(?!\w)))", re.IGNORECASE)


@functools.cache
def _number_after() -> re.Pattern[str]:
    """`than`/`as` and a number, compiled when a vague word is first found (0.3 ms)."""
    return re.compile(
        r"\s+(?:than|as)\s+(?:\d|(?:"
        + "|".join(sorted(_CARDINALS | {"once", "twice", "thrice"}, key=len, reverse=True))
        + r")(?![^\W\d_]))",
        re.IGNORECASE,
    )


_COMPARATIVES: Final = frozenset({"more", "fewer", "less"})


def _not_vague(text: str, start: int, end: int) -> bool:
    """Uses of a vague word that are not a vague quantity."""
    before = _previous_word(text, start)
    if before in ("too", "how"):
        return True  # too many, too few, how many
    if _number_after().match(text, end):
        return True  # more than 10, as many as 20
    if " ".join(text[start:end].lower().split()) in _COMPARATIVES:
        return before.isdigit() or before in _CARDINALS  # 10 more, two more
    return False


@functools.lru_cache(maxsize=64)
def _needles(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """For each listed phrase, one of its words that any match of it holds, lower case, as
    `_phrase_pattern` matches it: an ASCII word without an apostrophe (in ASCII text, where
    matching regardless of case is matching `str.lower()`). None when a phrase has none."""
    needles: set[str] = set()
    for word in words:
        parts = word.replace("’", "'").lower().split()
        if not parts:
            continue  # no phrase (as `_phrase_pattern` skips it)
        plain = [part for part in parts if part.isascii() and "'" not in part]
        if not plain:
            return None
        needles.add(max(plain, key=len))
    return tuple(sorted(needles))


def _find(text: str, words: Sequence[str], vague: bool) -> list[tuple[int, str]]:
    listed = words if isinstance(words, tuple) else tuple(words)
    if text.isascii():
        # Most lines name no listed phrase: found from their words, without the regex
        # (which tries every position of the line, and is compiled on first use).
        needles = _needles(listed)
        if needles is not None:
            low = text.lower()
            if not any(needle in low for needle in needles):
                return []
    pattern = _phrase_pattern(listed)
    if pattern is None:
        return []
    candidates: list[tuple[int, int]] = []
    for found in pattern.finditer(text):
        start, end = found.span("phrase")
        if vague and _not_vague(text, start, end):
            continue
        candidates.append((start, end))
    candidates.sort(key=lambda span: (span[0] - span[1], span[0]))
    # Longest first; `taken` stays sorted and free of overlaps, so each check looks at the
    # two neighbours only (linear-logarithmic even for pathological lines).
    taken: list[tuple[int, int]] = []
    for start, end in candidates:
        i = bisect.bisect_left(taken, (start, end))
        if i > 0 and taken[i - 1][1] > start:
            continue
        if i < len(taken) and taken[i][0] < end:
            continue
        taken.insert(i, (start, end))
    return [(start, text[start:end]) for start, end in taken]


def find_vague(text: str, words: Sequence[str] = DEFAULT_VAGUE) -> list[tuple[int, str]]:
    """Vague quantifiers in a goal statement as (0-based column, phrase as written).

    Whole words, any case, any run of whitespace between words, ``'`` matching ``’``;
    where listed phrases overlap the longest wins, one result per occurrence. These are
    not vague quantities and are skipped: a phrase after ``too`` or ``how`` (too many,
    too few, how many), one followed by ``than``/``as`` and a number (more than 10, as
    many as 20), and more/fewer/less after a number (10 more, two more). The column is
    an offset into ``text``.
    """
    return _find(text, words, vague=True)


def find_assumptions(
    text: str, words: Sequence[str] = DEFAULT_ASSUMPTIONS
) -> list[tuple[int, str]]:
    """Hedged guesses ("probably", "I think", …) as (0-based column, phrase as written)."""
    return _find(text, words, vague=False)


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (difflib, cutoff 0.6, any case), as it is spelled."""
    import difflib  # only when a name is not found: not loaded by every run

    spelled: dict[str, str] = {}
    for choice in choices:
        spelled.setdefault(choice.lower(), choice)
    close = difflib.get_close_matches(word.strip().lower(), list(spelled), n=1, cutoff=0.6)
    return spelled[close[0]] if close else None
