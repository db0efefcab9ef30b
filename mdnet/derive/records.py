"""The derived records: interactions, plans, relationships, goal states and network health."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from msgspec import Struct

from mdnet.model import Contact, Goal


class Interaction(NamedTuple):
    """A dated touch-point with one or more contacts. (A NamedTuple, as the other per-line
    records: a vault has tens of thousands, and they are built and stored fast.)"""

    date: date
    path: str
    line: int
    raw: str
    """The line as written; `text` is what a person reads."""
    contacts: tuple[str, ...]
    """Paths of the contact notes concerned."""
    source: str
    """log, item, daily, task, event, front matter or met."""
    kind: str | None = None
    """give, ask or None, from the tags."""
    tags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Without the leading date, links shown as names (computed only when shown)."""
        return readable(self.raw)


class Planned(NamedTuple):
    """An open task that mentions a contact: a plan, not an interaction."""

    path: str
    line: int
    text: str
    when: date | None = None
    """The Tasks plugin's scheduled (`⏳`) or else due (`📅`) date: a scheduled touch."""


class Relationship(NamedTuple):
    """The state of one contact on `today`. (A NamedTuple: one per contact on every run,
    built four times quicker than a frozen dataclass.)"""

    contact: Contact
    cadence_days: int
    last: Interaction | None
    due: date | None
    state: str
    days_overdue: int
    gives: int
    asks: int
    first_met: date | None
    first_give: Interaction | None
    first_ask: Interaction | None
    planned: tuple[Planned, ...]
    interactions: tuple[Interaction, ...]
    """Each counted once (see `count_once`), sorted by date."""
    scheduled: date | None = None
    """The earliest scheduled touch on or after today, if any."""


class PeriodCount(Struct, frozen=True):
    """Progress of a recurring goal in one period (its first and last day)."""

    start: date
    end: date
    count: float
    met: bool


class GoalState(Struct, frozen=True):
    """Progress and pace of one goal on `today`."""

    goal: Goal
    progress: float
    source: str
    """progress, measure, log, tasks or none."""
    percent: float | None
    expected: float | None
    days_left: int | None
    state: str
    parent: str | None
    milestones: tuple[str, ...]
    periods: tuple[PeriodCount, ...] = ()
    streak: int | None = None


class NetworkHealth(Struct, frozen=True):
    """How many active contacts of one network are within their cadence."""

    name: str
    value: str | None
    cadence_days: int
    contacts: int
    within_cadence: int

    @property
    def share(self) -> float | None:
        return self.within_cadence / self.contacts if self.contacts else None


_WIKI_TEXT = re.compile(r"!?\[\[([^\[\]|#]*)(?:#[^\[\]|]*)?(?:\\?\|([^\[\]]*))?\]\]")
_LEADING_DATE = re.compile(r"^(?:\[\[)?\d{4}-\d{2}-\d{2}(?:\]\])?(?=[\s:,;—–-]|$)")


def readable(text: str) -> str:
    """A list item's text as a person reads it: no leading date, links shown as names."""
    lead = _LEADING_DATE.match(text)
    if lead:
        text = text[lead.end() :]
    if "[[" in text:
        text = _WIKI_TEXT.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    return text.strip(" -:—–\t") or text.strip()
