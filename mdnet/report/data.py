"""The report data: typed records built once (:mod:`mdnet.report.build`), serialised here.

What `report --format json` prints, what the templates read (as attributes or as keys)
and what `--public` may publish: each field says it with ``field(metadata=publish(...))``
(see :mod:`mdnet.report.public`). Dates are :class:`datetime.date` here and ISO strings
in the JSON; the field order is the key order of the JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from mdnet.report.public import (
    BLANK,
    DROP,
    KEEP,
    OMIT,
    always_true,
    as_initials,
    fewer,
    fewer_members,
    fewer_present,
    goal_milestones,
    goal_parent,
    less_private,
    network_contacts,
    network_offer,
    network_share,
    network_within,
    public_fields,
)
from mdnet.report.public import public as publish

LinkStyle = Literal["wiki", "markdown"]
Number = int | float


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One contact's relationship: when you last talked, when you are due, what to offer."""

    name: str = field(metadata=publish(as_initials, rank=1))
    path: str | None = field(metadata=publish(BLANK, rank=1))
    network: str | None = field(metadata=publish(KEEP))
    cadence_days: int = field(metadata=publish(KEEP))
    last_contact: date | None = field(metadata=publish(KEEP))
    last_note: str | None = field(metadata=publish(BLANK, rank=1))
    last_source: str | None = field(metadata=publish(BLANK, rank=1))
    due: date | None = field(metadata=publish(KEEP))
    state: str = field(metadata=publish(KEEP))
    days_overdue: int = field(metadata=publish(KEEP))
    gives: int = field(metadata=publish(KEEP))
    asks: int = field(metadata=publish(KEEP))
    first_met: date | None = field(metadata=publish(KEEP))
    planned: tuple[str, ...] = field(metadata=publish(BLANK, rank=1))
    offer: str | None = field(metadata=publish(network_offer, rank=1))
    """The network's `value` in mdnet.toml."""
    private: bool = field(metadata=publish(OMIT, rank=1))
    status: str | None = field(metadata=publish(DROP))
    """None once published."""


@dataclass(frozen=True, slots=True)
class OccasionRow:
    """A birthday or anniversary in the next weeks. Never published: `--public` blanks the
    whole list (a birthday is personal data even without a name)."""

    name: str = field(metadata=publish(BLANK))
    path: str | None = field(metadata=publish(BLANK))
    kind: str = field(metadata=publish(BLANK))
    """`birthday` or `anniversary`."""
    date: date = field(metadata=publish(BLANK))
    """The next day it falls on (February 29 is February 28 in other years)."""
    days: int = field(metadata=publish(BLANK))
    """Days from the report's date (0: today)."""
    years: int | None = field(metadata=publish(BLANK))
    """The age (or years) on that day, when the year is written."""


@dataclass(frozen=True, slots=True)
class PeriodRow:
    """One period of a recurring goal: how many, and whether the target was met."""

    start: date = field(metadata=publish(KEEP))
    end: date = field(metadata=publish(KEEP))
    count: Number = field(metadata=publish(KEEP))
    met: bool = field(metadata=publish(KEEP))


@dataclass(frozen=True, slots=True)
class GoalRow:
    """One goal: progress against its target and deadline, pace, periods of a habit."""

    name: str = field(metadata=publish(KEEP))
    path: str | None = field(metadata=publish(BLANK, rank=1))
    statement: str = field(metadata=publish(KEEP))
    horizon: str = field(metadata=publish(KEEP))
    parent: str | None = field(metadata=publish(goal_parent, rank=1))
    """The parent goal's path (its name once published)."""
    progress: Number | None = field(metadata=publish(KEEP))
    progress_source: str | None = field(metadata=publish(DROP))
    target: Number | None = field(metadata=publish(KEEP))
    unit: str | None = field(metadata=publish(KEEP))
    percent: float | None = field(metadata=publish(KEEP))
    start: date | None = field(metadata=publish(KEEP))
    deadline: date | None = field(metadata=publish(KEEP))
    days_left: int | None = field(metadata=publish(KEEP))
    expected: float | None = field(metadata=publish(KEEP))
    state: str = field(metadata=publish(KEEP))
    status: str = field(metadata=publish(KEEP))
    every: str | None = field(metadata=publish(KEEP))
    periods: tuple[PeriodRow, ...] = field(metadata=publish(KEEP, rank=2))
    streak: int | None = field(metadata=publish(KEEP))
    milestones: tuple[str, ...] = field(metadata=publish(goal_milestones, rank=1))
    """The milestones' paths (their names once published)."""
    private: bool = field(metadata=publish(OMIT, rank=2))


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event (a platform) and its return: who was there, who was new, who was followed
    up within `follow_up_days`, gives to those people since. Public: counts only."""

    name: str | None = field(metadata=publish(BLANK, rank=1))
    path: str | None = field(metadata=publish(BLANK, rank=1))
    date: date | None = field(metadata=publish(KEEP))
    goal: str | None = field(metadata=publish(goal_parent, rank=1))
    """The goal's path (its name once published; None for a private goal)."""
    attendees: tuple[str, ...] = field(metadata=publish(BLANK, rank=1))
    """Names of the contacts listed as there."""
    attendee_count: int = field(metadata=publish(fewer_present("attendee_paths")))
    new_contacts: tuple[str, ...] = field(metadata=publish(BLANK, rank=1))
    """Names of the contacts first met there."""
    new_count: int = field(metadata=publish(fewer_present("new_paths")))
    followed_up: int = field(metadata=publish(KEEP))
    """New contacts with an interaction within `follow_up_days` after the event."""
    gives: int = field(metadata=publish(KEEP))
    """Gives to its attendees and new contacts since the event."""
    attendee_paths: tuple[str, ...] = field(metadata=publish(DROP))
    new_paths: tuple[str, ...] = field(metadata=publish(DROP))
    """The contacts' paths (for the public counts, which leave out private contacts)."""
    private: bool = field(metadata=publish(OMIT, rank=2))


@dataclass(frozen=True, slots=True)
class StrategyRow:
    """A goal's chain: what (the goal) → who (its people, and how many of them are within
    their cadence) → where (the events that serve it, with their return)."""

    name: str = field(metadata=publish(KEEP))
    path: str | None = field(metadata=publish(BLANK, rank=1))
    who: str | None = field(metadata=publish(KEEP))
    """The goal's people as a label: `bankers, #fintech, 2 people`; None when it names none."""
    inherited: bool = field(metadata=publish(KEEP))
    """The people are its parent goal's."""
    people: int = field(metadata=publish(fewer_members(False), rank=1))
    """Active contacts among its people."""
    in_cadence: int = field(metadata=publish(fewer_members(True), rank=1))
    """Of those, how many are within their cadence."""
    members: tuple[str, ...] = field(metadata=publish(DROP))
    """The paths of the active contacts among its people (for the public counts)."""
    events: tuple[EventRow, ...] = field(metadata=publish(KEEP, rank=2))
    private: bool = field(metadata=publish(OMIT, rank=2))


@dataclass(frozen=True, slots=True)
class PointsWeek:
    """Scorecard points earned in the week starting on Monday `week`."""

    week: date = field(metadata=publish(KEEP))
    points: Number = field(metadata=publish(KEEP))


@dataclass(frozen=True, slots=True)
class NetworkRow:
    """How many of a network's active contacts are within their cadence."""

    name: str = field(metadata=publish(KEEP))
    value: str | None = field(metadata=publish(KEEP))
    cadence_days: int = field(metadata=publish(KEEP))
    contacts: int = field(metadata=publish(network_contacts))
    within_cadence: int = field(metadata=publish(network_within))
    share: float | None = field(metadata=publish(network_share))


@dataclass(frozen=True, slots=True)
class ActivityWeek:
    """Interactions in the week starting on Monday `week`."""

    week: date = field(metadata=publish(KEEP))
    interactions: int = field(metadata=publish(KEEP))
    gives: int = field(metadata=publish(KEEP))
    asks: int = field(metadata=publish(KEEP))


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts of the summary cards."""

    contacts: int = field(metadata=publish(fewer("contacts")))
    overdue: int = field(metadata=publish(fewer("contacts", "overdue")))
    due_soon: int = field(metadata=publish(fewer("contacts", "due soon")))
    lapsed: int = field(metadata=publish(fewer("contacts", "lapsed")))
    never: int = field(metadata=publish(fewer("contacts", "never")))
    goals: int = field(metadata=publish(fewer("goals")))
    goals_on_track: int = field(metadata=publish(fewer("goals", "on track")))
    goals_behind: int = field(metadata=publish(fewer("goals", "behind")))
    goals_achieved: int = field(metadata=publish(fewer("goals", "achieved")))
    goals_missed: int = field(metadata=publish(fewer("goals", "missed")))


@dataclass(frozen=True, slots=True)
class Balance:
    """Every interaction tagged as a give or an ask."""

    gives: int = field(metadata=publish(less_private("gives")))
    asks: int = field(metadata=publish(less_private("asks")))


@dataclass(frozen=True, slots=True)
class FindingCount:
    """How many findings one rule has."""

    code: str = field(metadata=publish(KEEP))
    name: str = field(metadata=publish(KEEP))
    severity: str = field(metadata=publish(KEEP))
    count: int = field(metadata=publish(KEEP))


@dataclass(frozen=True, slots=True)
class Findings:
    """The findings of `mdnet check`, counted."""

    total: int = field(metadata=publish(KEEP))
    by_severity: Mapping[str, int] = field(metadata=publish(KEEP))
    by_code: tuple[FindingCount, ...] = field(metadata=publish(KEEP))


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a report shows."""

    today: date = field(metadata=publish(KEEP))
    title: str = field(metadata=publish(KEEP))
    public: bool = field(metadata=publish(always_true, rank=1))
    vault: str | None = field(metadata=publish(KEEP))
    summary: Summary = field(metadata=publish(KEEP, rank=2))
    contacts: tuple[ContactRow, ...] = field(metadata=publish(KEEP, rank=1))
    goals: tuple[GoalRow, ...] = field(metadata=publish(KEEP, rank=1))
    occasions: tuple[OccasionRow, ...] = field(metadata=publish(BLANK, rank=1))
    """Birthdays and anniversaries of the next 30 days, soonest first; none when public."""
    networks: tuple[NetworkRow, ...] = field(metadata=publish(KEEP, rank=2))
    activity: tuple[ActivityWeek, ...] = field(metadata=publish(KEEP, rank=2))
    balance: Balance = field(metadata=publish(KEEP, rank=2))
    findings: Findings = field(metadata=publish(KEEP, rank=2))
    strategy: tuple[StrategyRow, ...] = field(metadata=publish(KEEP, rank=2))
    """Goals with people or events: goal → who → where."""
    events: tuple[EventRow, ...] = field(metadata=publish(KEEP, rank=2))
    """Every event, latest first, with its return."""
    points: tuple[PointsWeek, ...] = field(metadata=publish(KEEP, rank=2))
    """Scorecard points per week (the last 26), when a goal counts points or the vault
    sets `[scorecard]`; else empty."""
    points_target: Number | None = field(metadata=publish(KEEP, rank=2))
    """The weekly target of the first weekly goal that counts points, if any."""


RECORDS: tuple[type, ...] = (
    Report,
    Summary,
    ContactRow,
    OccasionRow,
    GoalRow,
    PeriodRow,
    EventRow,
    StrategyRow,
    PointsWeek,
    NetworkRow,
    ActivityWeek,
    Balance,
    Findings,
    FindingCount,
)
"""Every record of the report data."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How a report is rendered: the Markdown link style, where templates are looked up."""

    links: LinkStyle = "wiki"
    template_dirs: tuple[Path, ...] = ()


def to_json(item: Any, *, public: bool = False) -> Any:
    """JSON-ready data: records as objects in field order, dates as ISO strings.

    With `public` (a published report), the keys follow :func:`public_fields`.
    """
    if is_dataclass(item) and not isinstance(item, type):
        shown = public_fields(item) if public else fields(item)
        return {f.name: to_json(getattr(item, f.name), public=public) for f in shown}
    if isinstance(item, tuple | list):
        return [to_json(v, public=public) for v in item]
    if isinstance(item, Mapping):
        return {str(k): to_json(v, public=public) for k, v in item.items()}
    if isinstance(item, date):
        return item.isoformat()
    return item


def json_text(data: object) -> str:
    """The text of `--format json`: indented, UTF-8 as it is."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_json(report: Report, options: ReportOptions) -> str:
    """`mdnet report --format json`: the report data as one JSON object."""
    return json_text(to_json(report, public=report.public))
