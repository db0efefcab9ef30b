"""E rules: events (platforms) chosen by goal, with a date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mdnet.diagnostics import Finding
from mdnet.rules import rule

if TYPE_CHECKING:
    from mdnet.analysis import Analysis


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
    for event in analysis.model.events.values():
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
    for event in analysis.model.events.values():
        if "date" not in analysis.notes[event.path].meta:
            yield Finding(event.path, 1, 1, "event has no date; add `date: YYYY-MM-DD`")
