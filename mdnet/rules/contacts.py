"""C rules: relationships that need attention and contact notes that need care."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from datetime import timedelta
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from mdnet.dates import format_days
from mdnet.diagnostics import Finding
from mdnet.rules import option, rule
from mdnet.textscan import find_assumptions, nearest

if TYPE_CHECKING:
    from mdnet.analysis import Analysis


@rule(
    "C001",
    "contact-overdue",
    "warning",
    "A contact not reached within their cadence",
    "Reach out (and log it), snooze them with `snooze: YYYY-MM-DD`, or pause them.",
)
def contact_overdue(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: relationships fade without regular touch-points; the rule of thumb is every
    60 days (`cadence`, per contact or per network). mdnet takes the last interaction
    from the whole vault: log lines, daily notes, completed tasks, events, `met` and
    `last_contact`.

    Fix: get in touch and add a dated line to the log (`- 2026-11-23 Call #give`), or
    set `snooze:` to a date, or `status: paused`.

    Example:
        People/Dana.md:1:1: C001 overdue by 12 days: last contact 2026-08-29 (cadence 60 days)
    """
    if not analysis.reports_on(analysis.model.contacts):
        return
    for rel in analysis.relationships_of(analysis.focus).values():
        if rel.state not in ("overdue", "lapsed") or rel.last is None:
            continue
        lapsed = " (lapsed: reconnect)" if rel.state == "lapsed" else ""
        yield Finding(
            rel.contact.path,
            1,
            1,
            f"overdue by {format_days(rel.days_overdue)}: last contact "
            f"{rel.last.date.isoformat()} (cadence {format_days(rel.cadence_days)})"
            f"{lapsed}",
        )


@rule(
    "C002",
    "contact-no-network",
    "warning",
    "A contact not filed in a target network",
    "Set `network:` to one of the networks in mdnet.toml.",
)
def contact_no_network(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: you network toward goals, through target networks ("buckets": bloggers,
    bankers, investors). A contact in no network has no cadence of its own, no value
    proposition to offer, and shows in no network-health figure.

    Fix: add `network: bloggers` (a network declared in mdnet.toml).

    Example:
        People/Sam Ortiz.md:1:1: C002 contact is in no network
    """
    for contact in analysis.in_focus(analysis.model.contacts):
        if contact.network is None and contact.status != "archived":
            yield Finding(contact.path, 1, 1, "contact is in no network; set `network:`")


@rule(
    "C003",
    "contact-unknown-network",
    "warning",
    "A network not declared in mdnet.toml",
    "Fix the spelling, or declare the network under [networks.NAME].",
    fixable="unsafe",
)
def contact_unknown_network(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: once networks are declared in mdnet.toml, a network name that is not one of
    them is usually a typo (`bloger`), and the contact silently loses the network's
    cadence and value proposition. Nothing is reported when no network is declared.

    Fix: use a declared name (the message suggests the nearest) or declare it.
    `--fix --unsafe-fixes` writes the nearest declared name (unsafe: it may be a new
    network you meant to declare).

    Example:
        network: bloger          # C003 unknown network 'bloger'; did you mean 'bloggers'?
    """
    declared = analysis.config.networks
    if not declared:
        return
    for contact in analysis.in_focus(analysis.model.contacts):
        if contact.network and contact.network not in declared:
            near = nearest(contact.network, declared)
            hint = f"; did you mean {near!r}?" if near else f" (declared: {', '.join(declared)})"
            line, col = analysis.notes[contact.path].key_line("network")
            yield Finding(contact.path, line, col, f"unknown network {contact.network!r}{hint}")


ASSUMPTION_WORDS = option(
    "assumption_words",
    "strings",
    "Words that mark a guess in what you know of a contact (C004).",
)


@rule(
    "C004",
    "contact-assumption",
    "warning",
    'An assumption ("probably", "I guess") in what you know of a contact',
    "Ask them, then write down what you learnt.",
    options=(ASSUMPTION_WORDS,),
    per_note=True,
)
def contact_assumption(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "turn probablies into certainties". What you write about a person's work and
    challenges decides what you offer them; a guess ("probably struggles with
    regulation") is a question to ask at your next contact, not a fact. Dated log lines
    are not checked. The word list is `assumption_words` in mdnet.toml.

    Fix: ask, then replace the guess with what they told you.

    Example:
        ## Challenges
        Probably keeping up with regulation.    # C004 assumption 'Probably'
    """
    words = analysis.config.assumption_words
    contacts = analysis.model.contacts
    for note in analysis.focused():
        contact = contacts.get(note.path)
        if contact is None:
            continue
        items = [i for i in note.items if i.date is None and i.task is None]
        low = "\n".join([*(text for _, _, text in note.prose), *(i.text for i in items)]).lower()
        if not any(word in low for word in _key_words(words)):
            continue  # one quick scan of the whole note first: most notes have no assumption
        texts = [*note.prose, *((i.line, i.col, i.text) for i in items)]
        for line, col, text in texts:
            for offset, word in find_assumptions(text, words):
                yield Finding(
                    contact.path,
                    line,
                    col + offset,
                    f"assumption {word!r}: ask them and write down the answer",
                )


@rule(
    "C005",
    "contact-never-contacted",
    "warning",
    "A contact with no interaction and no `met` date",
    "Log the first meeting (`met:`) or a dated interaction.",
)
def contact_never_contacted(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a contact you have never talked to is a prospect, not a relationship; without
    a date mdnet cannot say when they are due.

    Fix: set `met:` to when you met, or log a first interaction.

    Example:
        People/Lee Park.md:1:1: C005 never contacted: no interaction and no `met` date
    """
    if not analysis.reports_on(analysis.model.contacts):
        return
    for rel in analysis.relationships_of(analysis.focus).values():
        if rel.state == "never":
            yield Finding(
                rel.contact.path, 1, 1, "never contacted: no interaction and no `met` date"
            )


@rule(
    "C006",
    "ask-before-give",
    "warning",
    "The first ask came before any give",
    "Offer something first: an introduction, a share, help (#give).",
)
def ask_before_give(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "give before you ask". A relationship that opens with a request is a
    transaction; one that opens with help is a relationship. Interactions are asks or
    gives by their tags (`#ask`, `#request` / `#give`, `#intro`, `#help`, `#share`,
    configurable under [tags]).

    Fix: nothing to undo; make your next contact a give, and tag it.

    Example:
        - 2026-10-01 Asked for feedback on my pitch #ask    # C006 before any #give
    """
    focus = analysis.focus
    asked = None  # every contact's, or those asked in a focused note (reported there)
    if focus is not None:
        asks = (i for i in analysis.written_in(focus) if i.kind == "ask")
        asked = {contact for i in asks for contact in i.contacts}
    for rel in analysis.relationships_of(asked).values():
        ask = rel.first_ask
        if ask is None:
            continue
        give = rel.first_give
        if give is None or give.date > ask.date:
            after = f" (first give {give.date.isoformat()})" if give else " (no give yet)"
            yield Finding(
                ask.path,
                ask.line,
                1,
                f"asked {rel.contact.name} on {ask.date.isoformat()} before giving{after}",
            )


FOLLOW_UP_DAYS = option("follow_up_days", "count", "Days after a meeting to follow up (C008).")


@rule(
    "C008",
    "no-follow-up",
    "warning",
    "Met more than `follow_up_days` ago and no interaction since",
    "Follow up: a thank-you note, the article you promised.",
    options=(FOLLOW_UP_DAYS,),
)
def no_follow_up(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: the follow-up within a week is what turns a meeting into a relationship.
    `follow_up_days` (default 7) sets the window. A contact first met at an event
    (`met_at: "[[Event]]"`, or `met:` the date of an event that lists them as an
    attendee) is named with the event; with `met_at:` and no `met:`, the event's date
    is the day you met. Attending the event is not a follow-up; any later interaction is.

    Fix: follow up and log it.

    Example:
        met: 2026-11-02          # C008 met 21 days ago, no follow-up since
        met_at: "[[Fintech meetup]]"   # C008 met 21 days ago at Fintech meetup (2026-11-02)
    """
    if not analysis.reports_on(analysis.model.contacts):
        return
    days = analysis.config.follow_up_days
    today = analysis.today
    events = analysis.model.events
    met_at = analysis.derived.met_at
    for rel in analysis.relationships_of(analysis.focus).values():
        contact = rel.contact
        event = events.get(met_at.get(contact.path, ""))
        met = contact.met or (event.date if event else None)
        if met is None or contact.status != "active" or today - met <= timedelta(days=days):
            continue
        if rel.last is not None and met < rel.last.date:
            continue  # the latest interaction up to today came after meeting them
        note = analysis.notes[contact.path]
        line, col = note.key_line("met" if contact.met else "met_at")
        where = f" at {event.name}" if event else ""
        yield Finding(
            contact.path,
            line,
            col,
            f"met {format_days((today - met).days)} ago{where} ({met.isoformat()}), "
            "no follow-up since",
        )


@rule(
    "C009",
    "interaction-in-future",
    "warning",
    "A dated interaction after today",
    "Fix the date, or make it an open task (`- [ ] ...`) if it is a plan.",
)
def interaction_in_future(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a log line dated in the future is usually a typo (2062 for 2026) and would
    hide a relationship from the overdue list. Plans belong in open tasks.

    Fix: correct the date, or write the plan as a task.

    Example:
        - 2062-11-02 Coffee with [[Dana Whitfield]]   # C009 dated after today
    """
    today, focus = analysis.today, analysis.focus
    found = analysis.derived.interactions if focus is None else analysis.written_in(focus)
    # sorted by date: those after today come last
    for i in found[bisect_right(found, today, key=itemgetter(0)) :]:
        if i.source != "event":
            yield Finding(i.path, i.line, 1, f"interaction dated {i.date.isoformat()}, after today")


@rule(
    "C007",
    "bad-cadence",
    "error",
    "A cadence mdnet cannot read",
    "Write `45d`, `8w`, `2m`, `1y`, a number of days, or weekly/monthly/quarterly/yearly.",
)
def bad_cadence(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: the cadence decides when a contact is due; one that cannot be read falls back
    to the network's or the default (60 days) without telling you.

    Fix: use a duration such as `45d`, `8w`, `2m`, `1y`, `30`, `monthly`.

    Example:
        cadence: every now and then    # C007
    """
    for path, problem in analysis.problems("C007"):
        yield Finding(path, problem.line, problem.col, problem.message)


@lru_cache(maxsize=8)
def _key_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """A loose, fast pre-filter: the longest word of each phrase, lower-case, but those that
    hold another one ("seems" holds "seem"): a note that has them has that one too."""
    keys = {max(w.split(), key=len).lower() for w in words if w.split()}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))
