"""Derived facts: interactions, relationship state, goal progress and pace, network health.

Plain functions over frozen records, one module per job:

- :mod:`mdnet.derive.interactions` collects interactions and plans from the notes;
- :mod:`mdnet.derive.relationships` turns them into each contact's state on a date;
- :mod:`mdnet.derive.goals` measures goal progress, pace, recurring periods and streaks.

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

__all__ = [
    "Derivation",
    "GoalState",
    "Interaction",
    "NetworkHealth",
    "PeriodCount",
    "Planned",
    "Relationship",
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

    def network_health(self) -> list[NetworkHealth]: ...

    def activity(self, weeks: int = 26) -> list[tuple[date, int, int, int]]: ...
