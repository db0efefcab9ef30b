"""Tests for mdnet.textscan: numbers, vague quantifiers, assumptions, nearest names."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdnet.textscan import (
    DEFAULT_ASSUMPTIONS,
    DEFAULT_VAGUE,
    find_assumptions,
    find_vague,
    has_number,
    nearest,
)

# ------------------------------------------------------------------------ has_number

EXACT = [
    "Meet 10 bloggers",
    "Meet 10 bloggers from my niche and publish 30 guest posts on their blogs",
    "Reach 1,000 newsletter subscribers",
    "Reach 1,000,000 views",
    "Grow reply rate by 2.5 points",
    "Raise my reply rate to 30%",
    "Raise my reply rate 30 %",
    "Earn $5k from referrals",
    "Get 10k followers",
    "10x my network",
    "Spend 2h a week on outreach",
    "Meet 0 people I don't respect",
    "Top 3 podcasts",
    "Publish a dozen posts",
    "Publish dozen posts",
    "Follow up with one new connection each week",
    "Attend two conferences a year",
    "Meet five founders",
    "Meet FIVE founders",
    "Meet Twelve founders",
    "Meet twenty-five founders",
    "Meet twenty five founders",
    "Meet ninety founders",
    "Get a hundred followers",
    "Reach a thousand readers",
    "Reach a million readers",
    "Meet my mentor twice a month",
    "Meet my mentor thrice a year",
    "Call mom once a week",
    "Call Dana once per month",
    "Meet a single new person every week",
    "Double my network",
    "Triple my mailing list",
    "Reply to half of my messages",
    "Run a two-week outreach sprint",
    "Write 2000 words a day",
    "Aim for 2000 subscribers",
    "Grow my list to 2000",
    "Meet 3 founders in 2026",
    "Meet 3 founders by 2026-12-31",
    "Reach 1850 readers",
    "One day a week, meet a founder",
    "Meet zero toxic people",
    "Get 2026% growth",
    "By 2026, publish 10 guest posts",  # the year before the number is not the number
    "In 2026 publish 10 guest posts",
    "2026: publish 10 guest posts",
    "By December 2026, meet 3 founders",
    "Meet 1900 readers",
    "Meet 2100 readers",
    "Reach 2026 readers by 2027",
    "Grow to 2026 by 2027",
    "Publish 2026.5 posts",
    "One day a week",
    "One day each week, meet a founder",
    "Meet one",
    "once a week",
    "Meet no one but 10 founders",
    "Meet bloggers in 1899",  # years are 1900-2100
    "Meet bloggers in 2101",
    "Be the 1st to meet 10 founders",
    "One founder or no",  # "no" is the last word, not the one before "One"
    "Call one time a month",  # "at one time" is no number; "one time" is
]

NOT_EXACT = [
    "Meet some bloggers",
    "Meet bloggers",
    "",
    "Meet bloggers by 2026-12-31",
    "Meet bloggers by [[2026-12-31]]",
    "Meet bloggers on 31/12/2026",
    "Meet bloggers on 12.31.26",
    "Meet bloggers in 2026",
    "Meet bloggers by 2026",
    "Meet bloggers for 2026",
    "Meet bloggers until 2026",
    "Meet bloggers before 2027",
    "Meet bloggers 2026",
    "2026: meet bloggers",
    "2026 goal: meet bloggers",
    "In 2026 I will meet bloggers",
    "Meet bloggers in December 2026",
    "Meet bloggers by Q3 2026",
    "Meet bloggers by end of 2026.",
    "Meet bloggers by 2026-12",
    "Meet bloggers by Dec 31",
    "Meet bloggers by December 31st",
    "Meet bloggers by 31 December",
    "Meet bloggers by the 1st of May",
    "Call at 10:30",
    "Call at 5pm",
    "Call at 5 p.m.",
    "Launch v2 in Q1",
    "Grow FY2026 pipeline",
    "Win more B2B clients",
    "Be the 1st in my niche",
    "Be the 3rd speaker",
    "Ride the 2020s wave",
    "Meet bloggers by '27",
    "Meet someone often",
    "Be alone less, phone more, done with none",
    "Network with everyone and anyone",
    "Meet a couple of founders",
    "Meet a couple founders",
    "Meet dozens of people",
    "Meet hundreds of people",
    "Once I have a job, meet people",
    "No one should be left out",
    "Help them help one another",
    "One day I will meet Oprah",
    "Meet founders one of these days",
    "Do it single-handedly",
    "Double-check every contact",
    "Hold one-on-one meetings",
    "Be tenacious and honest",
    "Do it on behalf of the team",
    "Say hello to someone's friend",
    "By 2026, publish guest posts",  # the year alone is no number
    "By 2026 publish guest posts",
    "By 2026 goals: publish guest posts",
    "One day",  # the last words of the text: nothing follows "day"
    "One day.",
    "one day I will",
    "No one",
    "once",
    "Meet bloggers at one point",
    "Meet bloggers at one time or another",
    "Meet bloggers by 12/05/2026",
    "Meet bloggers by 5.12.2026",
    "Meet bloggers by 31-12-2026",
    "Meet bloggers by 2026/12/31",
    "Meet bloggers at 10:30:15 a.m.",
    "Meet bloggers in 1900",
    "Meet bloggers in 2100",
    "Hit 2026 targets",  # a year noun after it: a year, even after "hit"
    "Hit 2026 Goals",
    "Hold a mid-year review",
    "Pick one or the other",
    "By Dec 31 2026 meet bloggers",  # the year after a masked date still follows "by"
]


@pytest.mark.parametrize("text", EXACT)
def test_has_number_true(text: str) -> None:
    assert has_number(text)


@pytest.mark.parametrize("text", NOT_EXACT)
def test_has_number_false(text: str) -> None:
    assert not has_number(text)


def _blank(text: str, spans: list[tuple[int, str]]) -> str:
    for column, written in spans:
        assert text[column : column + len(written)] == written  # the case is written right
        text = text[:column] + " " * len(written) + text[column + len(written) :]
    return text


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Meet 10 bloggers", [(5, "10")]),
        ("Publish a dozen posts", [(10, "dozen")]),
        ("Reach 1,000 readers and 30% replies", [(6, "1,000"), (24, "30%")]),
        ("Meet twenty-five founders by 2026-12-31", [(5, "twenty-five")]),
        ("Write 2000 words in 2026", [(6, "2000")]),
        ("Meet Five founders twice", [(5, "Five"), (19, "twice")]),
        ("By 2026, publish 10 guest posts", [(17, "10")]),
        ("One day a week, meet one founder", [(0, "One"), (21, "one")]),
        ("Meet bloggers", []),
    ],
)
def test_the_numbers_are_where_the_text_says(text: str, numbers: list[tuple[int, str]]) -> None:
    """Each listed number alone makes the text exact; with all of them blanked out it is not."""
    assert has_number(text) == bool(numbers)
    assert not has_number(_blank(text, numbers))
    for index in range(len(numbers)):
        assert has_number(_blank(text, numbers[:index] + numbers[index + 1 :]))


# ------------------------------------------------------------------------ find_vague


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet some bloggers", [(5, "some")]),
        ("Meet 10 bloggers", []),
        ("Meet several bankers and a few founders", [(5, "several"), (25, "a few")]),
        ("too many meetings", []),
        ("Not too few, not too many", []),
        ("How many people do I know?", []),
        ("Meet many bloggers", [(5, "many")]),
        ("Meet a lot of people", [(5, "a lot of")]),
        ("Meet a lot", [(5, "a lot")]),
        ("Meet lots of people", [(5, "lots of")]),
        ("Meet as many as possible", [(5, "as many as possible")]),
        ("Meet as many people as possible", [(8, "many")]),
        ("Meet as many as 20 founders", []),
        ("Publish more than 10 posts", []),
        ("Publish no more than three posts", []),
        ("Publish 10 more posts", []),
        ("Publish two more posts", []),
        ("Publish 10% more posts", []),
        ("Publish more posts", [(8, "more")]),
        ("Publish more posts than ever", [(8, "more")]),
        ("Meet someone, sometimes handsome", []),
        ("Meet Moore and Fewster", []),
        ("A Few good men", [(0, "A Few")]),
        ("quite a few", [(6, "a few")]),
        ("meet SOME people, then Some more", [(5, "SOME"), (23, "Some"), (28, "more")]),
        ("a  couple\tof things", [(0, "a  couple\tof")]),
        ("Meet a couple", [(5, "a couple")]),
        ("Meet a couple of founders", [(5, "a couple of")]),
        ("Meet a number of founders", [(5, "a number of")]),
        ("Meet a bunch of founders", [(5, "a bunch of")]),
        ("Meet a handful of founders", [(5, "a handful of")]),
        ("Meet a handful", [(5, "a handful")]),
        ("Meet plenty of founders", [(5, "plenty of")]),
        (
            "Meet multiple, various and numerous founders",
            [
                (5, "multiple"),
                (15, "various"),
                (27, "numerous"),
            ],
        ),
        ("Meet few founders", [(5, "few")]),
        ("Meet dozens of founders", [(5, "dozens of")]),
        ("", []),
    ],
)
def test_find_vague(text: str, expected: list[tuple[int, str]]) -> None:
    assert find_vague(text) == expected


FILLER = ["Meet", "bankers", "in", "Paris", "and", "10", "founders,", "by", "2026", "(soon)"]


@given(
    st.lists(st.sampled_from(FILLER), max_size=6),
    st.sampled_from(DEFAULT_VAGUE),
    st.lists(st.sampled_from(FILLER), max_size=6),
    st.sampled_from([" ", "  ", "\t"]),
)
def test_find_vague_columns_point_at_phrase(
    before: list[str], phrase: str, after: list[str], space: str
) -> None:
    """A vague phrase put at a known column, between words that are not vague, is found
    there, as written (its spaces, its case)."""
    head = " ".join(before) + " " if before else ""
    written = space.join(phrase.title().split())
    text = head + written + (" " + " ".join(after) if after else "")
    if phrase in ("more", "fewer", "less") and before and before[-1].isdigit():
        return  # "10 more" is not vague
    assert find_vague(text) == [(len(head), written)]


SPEC_VAGUE = (
    "some",
    "many",
    "a few",
    "few",
    "several",
    "various",
    "numerous",
    "a number of",
    "a lot",
    "lots of",
    "a couple",
    "a bunch of",
    "a handful",
    "multiple",
    "plenty of",
    "more",
    "as many as possible",
)


@pytest.mark.parametrize("word", SPEC_VAGUE)
def test_default_vague_includes_the_spec_list(word: str) -> None:
    assert word in DEFAULT_VAGUE
    assert find_vague(f"Meet {word.upper()} people") == [(5, word.upper())]


def test_find_vague_custom_words() -> None:
    assert find_vague("Meet tons of people", ["tons"]) == [(5, "tons")]
    assert find_vague("Meet loads of people", ["LOADS OF"]) == [(5, "loads of")]
    assert find_vague("Meet some people", []) == []
    assert find_vague("Meet some people", ["", "  "]) == []
    assert find_vague("Meet some people", ("some", "some")) == [(5, "some")]


def test_longest_phrase_wins_even_when_it_starts_later() -> None:
    assert find_vague("a few more", ["a few", "few more"]) == [(2, "few more")]
    assert find_assumptions("a few more", ["a few", "more"]) == [(0, "a few"), (6, "more")]


def test_phrases_that_touch_or_overlap() -> None:
    """Phrases that end where the next begins are both found; one overlapping a longer one
    is not, and the search goes on after it."""
    assert find_assumptions("a++b", ["a+", "+b"]) == [(0, "a+"), (2, "+b")]
    assert find_assumptions("a++bc", ["a+", "+bc"]) == [(0, "a+"), (2, "+bc")]
    words = ["a few more", "more now", "ok"]
    assert find_assumptions("a few more now ok", words) == [(0, "a few more"), (15, "ok")]
    words = ["a few", "few more", "now"]
    assert find_assumptions("a few more now", words) == [(2, "few more"), (11, "now")]


def test_a_skipped_phrase_does_not_end_the_search() -> None:
    assert find_vague("Not too many, but some founders") == [(18, "some")]
    assert find_vague("As many as 5 and a few more") == [(17, "a few"), (23, "more")]


def test_assumptions_are_not_skipped_as_vague_words_are() -> None:
    """ "too"/"how" before, or "than" and a number after, make a vague word no quantity;
    a hedge stays a hedge."""
    assert find_assumptions("She is too likely to say yes") == [(11, "likely")]
    assert find_assumptions("How likely than 10 is it") == [(4, "likely")]


def test_the_word_before_is_looked_for_40_characters_back() -> None:
    assert find_vague("10" + " " * 38 + "more posts") == []
    assert find_vague("10" + " " * 40 + "more posts") == [(42, "more")]


def test_regex_characters_in_words_are_literal() -> None:
    assert find_assumptions("pay 1+1 now", ["1+1"]) == [(4, "1+1")]
    assert find_assumptions("a.b axb", ["a.b"]) == [(0, "a.b")]


# ------------------------------------------------------------------ find_assumptions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Probably keeping up with regulation.", [(0, "Probably")]),
        ("I think she likes tea; i guess", [(0, "I think"), (23, "i guess")]),
        ("i THINK so", [(0, "i THINK")]),
        ("It is unlikely", []),
        ("She is likely hiring", [(7, "likely")]),
        ("Maybe. Perhaps! She might be hiring", [(0, "Maybe"), (7, "Perhaps"), (20, "might be")]),
        ("She seems busy and they seem to agree", [(4, "seems"), (24, "seem to")]),
        ("I suppose, I assume, I believe", [(0, "I suppose"), (11, "I assume"), (21, "I believe")]),
        ("possibly", [(0, "possibly")]),
        ("She runs a newsletter on community banking.", []),
        ("Thinking of maybelline", []),
    ],
)
def test_find_assumptions(text: str, expected: list[tuple[int, str]]) -> None:
    assert find_assumptions(text) == expected


SPEC_ASSUMPTIONS = (
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
)


@pytest.mark.parametrize("word", SPEC_ASSUMPTIONS)
def test_default_assumptions_include_spec_list(word: str) -> None:
    assert word in DEFAULT_ASSUMPTIONS
    assert find_assumptions(f"She {word.title()} knows") == [(4, word.title())]


def test_curly_apostrophe_matches_straight() -> None:
    assert find_assumptions("I’d guess so", ["i'd guess"]) == [(0, "I’d guess")]
    assert find_assumptions("I'd guess so", ["i’d guess"]) == [(0, "I'd guess")]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Honestly, PROBABLY soon", DEFAULT_ASSUMPTIONS, [(10, "PROBABLY")]),
        ("Honestly, soon", DEFAULT_ASSUMPTIONS, []),
        ("I THINK so; i  think", ("i think",), [(0, "I THINK"), (12, "i  think")]),
        ("it \u017feems fine", ("seems",), [(3, "\u017feems")]),  # the long s is an s
        ("s and S", ("\u017f",), [(0, "s"), (6, "S")]),  # a phrase without an ASCII word
        ("Y'ALL did", ("y’all",), [(0, "Y'ALL")]),
    ],
)
def test_lines_are_read_as_the_phrase_pattern_reads_them(
    text: str, words: tuple[str, ...], expected: list[tuple[int, str]]
) -> None:
    # An ASCII line holding none of the phrases' words is skipped without the regex.
    assert find_assumptions(text, words) == expected


# -------------------------------------------------------------------------- nearest


@pytest.mark.parametrize(
    ("word", "choices", "expected"),
    [
        ("contcat", ["goal", "Contact", "event"], "Contact"),
        ("GOAL", ["goal", "event"], "goal"),
        ("gaol", ["goal", "event"], "goal"),
        ("blogers", ["Bloggers", "bankers"], "Bloggers"),
        ("xyz", ["goal", "event"], None),
        ("goal", [], None),
        ("", ["goal"], None),
    ],
)
def test_nearest(word: str, choices: list[str], expected: str | None) -> None:
    assert nearest(word, choices) == expected


def test_nearest_accepts_any_iterable() -> None:
    assert nearest("evnt", (c for c in ["event", "goal"])) == "event"


# ----------------------------------------------------------------------- robustness


@given(st.text())
def test_scanners_never_raise(text: str) -> None:
    """Any text: a bool, and phrases that are listed phrases (as normalised), in order."""
    assert isinstance(has_number(text), bool)
    for found, listed in (
        (find_vague(text), DEFAULT_VAGUE),
        (find_assumptions(text), DEFAULT_ASSUMPTIONS),
    ):
        assert [column for column, _ in found] == sorted({column for column, _ in found})
        for column, phrase in found:
            assert 0 <= column <= len(text) - len(phrase)
            assert " ".join(phrase.replace("’", "'").lower().split()) in listed


@given(st.text(), st.lists(st.text(max_size=12), max_size=5))
def test_custom_word_lists_never_raise(text: str, words: list[str]) -> None:
    found = find_assumptions(text, words)
    columns = [column for column, _ in found]
    assert columns == sorted(columns)
    ends = [column + len(phrase) for column, phrase in found]
    assert all(end <= start for end, start in zip(ends, columns[1:], strict=False))


@given(
    st.lists(
        st.sampled_from(
            ["Meet", "some", "a", "few", "10", "many", "too", "more", "than", "2026", "in", " "]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_vague_results_are_ordered_and_disjoint(text: str) -> None:
    found = find_vague(text)
    assert found == sorted(found)
    for (c1, p1), (c2, _) in itertools.pairwise(found):
        assert c1 + len(p1) <= c2
