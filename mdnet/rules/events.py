"""E rules: events (platforms) chosen by goal, with a date."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from mdnet.derive import strategy
from mdnet.diagnostics import Finding
from mdnet.rules import option, rule

if TYPE_CHECKING:
    from mdnet.analysis import Analysis

RECENT_DAYS = 90
"""E004 checks the events of the last 90 days: older ones are history, not a to-do."""


@rule(
    "E001",
    "event-no-goal",
    "info",
    "An event not tied to a goal",
    'Add `goal: "[[The goal this event serves]]"`.',
)
def event_no_goal(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "the what decides the who and the where": choose events for the goal they
    serve, not because they are there. An event without a goal is worth a second look.

    Fix: link the goal the event serves.

    Example:
        Events/Fintech meetup.md:1:1: E001 event is not tied to a goal
    """
    for event in analysis.in_focus(analysis.model.events):
        note = analysis.notes[event.path]
        if not any(link.key == "goal" for link in note.links):
            yield Finding(event.path, 1, 1, 'event is not tied to a goal; add `goal: "[[...]]"`')


@rule("E002", "event-no-date", "error", "An event without a date", "Add `date: YYYY-MM-DD`.")
def event_no_date(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: an event's date is when its attendees were last met; without it the event
    counts for nobody.

    Fix: add `date:`.

    Example:
        Events/Fintech meetup.md:1:1: E002 event has no date
    """
    for event in analysis.in_focus(analysis.model.events):
        if "date" not in analysis.notes[event.path].meta:
            yield Finding(event.path, 1, 1, "event has no date; add `date: YYYY-MM-DD`")


@rule(
    "E003",
    "event-not-for-who",
    "info",
    "An event tied to a goal, none of whose attendees are among the goal's people",
    "Choose events where the goal's people are, or correct the goal's `who:`.",
)
def event_not_for_who(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "the who determines the where": "choose an event based on your interest in
    the people who are interested in the topic". An event that serves a goal but where
    none of the people you met belongs to the goal's people (its `who:`, its measure's
    network or tag, or its parent goal's) did not follow the who. Events without
    attendees, or whose goal names no people (G011), are not checked.

    Fix: pick the next event by who goes there; or, if the people were right, add their
    network or tag to the goal's `who:`.

    Example:
        Events/Fintech meetup.md:5:12: E003 none of the 3 attendees is among the goal's
        people (bankers): the where does not follow the who
    """
    if not analysis.reports_on(analysis.model.events):
        return
    derived, model, notes = analysis.derived, analysis.model, analysis.notes
    for path, goal in sorted(derived.event_goals.items()):
        who = derived.who.get(goal)
        there = derived.attendees.get(path, ())
        if not who or not there:
            continue
        if not any(strategy.is_member(c, who, model, notes) for c in there):
            line, col = _attendees_at(analysis, path)
            n = len(there)
            yield Finding(
                path,
                line,
                col,
                f"none of the {n} attendee{'s' if n != 1 else ''} is among the goal's people "
                f"({who.label()}): the where does not follow the who",
            )


NEW_PER_EVENT = option(
    "new_per_event",
    "count",
    "New contacts expected at each past event (E004; 0 turns it off).",
)


@rule(
    "E004",
    "event-no-new-contact",
    "info",
    "A past event where you met no new person",
    'Add the people you met as contacts with `met_at: "[[The event]]"`.',
    options=(NEW_PER_EVENT,),
)
def event_no_new_contact(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "meet at least one new person at each event", and follow up after the first
    meeting. A recent event (in the 90 days before today) where no contact was first
    met is either a platform that gave nothing back, or new people you have not
    written down yet (the business cards in your bag). A contact is new at an event
    when its `met_at:` links the event (the earliest one, if it links several), or
    when its `met:` is the event's date and the event lists it as an attendee. An
    event today is not checked yet, and older events no longer: their return is in
    the report. `new_per_event` in mdnet.toml sets how many new people are expected
    (default 1; 0 turns the rule off).

    Fix: add a contact note for each person you met, with `met_at: "[[Event]]"`.

    Example:
        Events/Fintech meetup.md:2:7: E004 no new contact met at this event (2026-11-05)
    """
    if not analysis.reports_on(analysis.model.events):
        return
    expected = analysis.config.new_per_event
    if expected <= 0:
        return
    today = analysis.today
    recent = today - timedelta(days=RECENT_DAYS)
    new_at = Counter(analysis.derived.met_at.values())  # an event's return counts these
    for path, event in analysis.model.events.items():
        when, new = event.date, new_at[path]
        if when is None or not recent <= when < today or new >= expected:
            continue
        line, col = analysis.notes[path].key_line("date")
        met = f"{new} new contact{'s' if new != 1 else ''} (expected "
        message = (
            f"{met}{expected}) met at this event ({when})"
            if new
            else f"no new contact met at this event ({when})"
        )
        yield Finding(path, line, col, message)


def _attendees_at(analysis: Analysis, path: str) -> tuple[int, int]:
    note = analysis.notes[path]
    keys = {k.lower() for k in analysis.config.attendee_keys}
    for key in note.key_lines:
        if key.lower() in keys:
            return note.key_line(key)
    return 1, 1
