"""Derived facts: interactions, relationship state, goal progress and pace, network health.

Plain functions over frozen records, one module per job:

- :mod:`mdnet.derive.interactions` collects interactions and plans from the notes;
- :mod:`mdnet.derive.relationships` turns them into each contact's state on a date;
- :mod:`mdnet.derive.goals` measures goal progress, pace, recurring periods and streaks;
- :mod:`mdnet.derive.strategy` ties goals to people and events: what → who → where,
  where each contact was first met, each event's return, reconnections;
- :mod:`mdnet.derive.scorecard` scores networking behaviour in points (`[scorecard]`).

:class:`mdnet.analysis.Analysis` calls them, once each, and keeps every result.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol

from mdnet.derive.records import (
    GoalState,
    Interaction,
    NetworkHealth,
    PeriodCount,
    Planned,
    Relationship,
    readable,
)
from mdnet.derive.scorecard import Points
from mdnet.derive.strategy import EventReturn, Reconnection, Who

__all__ = [
    "Derivation",
    "EventReturn",
    "GoalState",
    "Interaction",
    "NetworkHealth",
    "PeriodCount",
    "Planned",
    "Points",
    "Reconnection",
    "Relationship",
    "Who",
    "readable",
]


class Derivation(Protocol):
    """The derived results as `analysis.derived` offers them (the Analysis itself)."""

    @property
    def interactions(self) -> tuple[Interaction, ...]: ...

    @property
    def by_contact(self) -> Mapping[str, tuple[Interaction, ...]]: ...

    @property
    def relationships(self) -> Mapping[str, Relationship]: ...

    @property
    def parents(self) -> Mapping[str, str | None]: ...

    @property
    def goals(self) -> Mapping[str, GoalState]: ...

    @property
    def who(self) -> Mapping[str, Who]: ...

    @property
    def event_goals(self) -> Mapping[str, str]: ...

    @property
    def attendees(self) -> Mapping[str, tuple[str, ...]]: ...

    @property
    def met_at(self) -> Mapping[str, str]: ...

    @property
    def event_returns(self) -> Mapping[str, EventReturn]: ...

    @property
    def reconnections(self) -> tuple[Reconnection, ...]: ...

    @property
    def points(self) -> tuple[Points, ...]: ...

    def weekly_points(self, weeks: int = 26) -> list[tuple[date, float]]: ...

    def network_health(self) -> list[NetworkHealth]: ...

    def activity(self, weeks: int = 26) -> list[tuple[date, int, int, int]]: ...
