"""The strategy records of the report: each event's return, each goal's chain
goal → who → where, and the scorecard's weekly points (see :mod:`mdnet.report.build`)."""

from __future__ import annotations

from datetime import date

from mdnet.analysis import Analysis
from mdnet.derive import GoalState, strategy
from mdnet.report.data import EventRow, Number, PointsWeek, StrategyRow


def _number(value: float) -> Number:
    return int(value) if float(value).is_integer() else round(value, 2)


def event_rows(analysis: Analysis) -> tuple[EventRow, ...]:
    """Every event, latest first (undated ones last), with its return."""
    contacts = analysis.model.contacts
    returns = analysis.derived.event_returns.values()
    ordered = sorted(
        returns, key=lambda r: (r.event.date is None, -(r.event.date or date.min).toordinal())
    )
    return tuple(
        EventRow(
            name=r.event.name,
            path=r.event.path,
            date=r.event.date,
            goal=r.goal,
            attendees=tuple(contacts[c].name for c in r.attendees),
            attendee_count=len(r.attendees),
            new_contacts=tuple(contacts[c].name for c in r.new),
            new_count=len(r.new),
            followed_up=len(r.followed_up),
            gives=r.gives,
            attendee_paths=r.attendees,
            new_paths=r.new,
            private=r.event.private,
        )
        for r in ordered
    )


def strategy_rows(
    analysis: Analysis, goals: list[GoalState], events: tuple[EventRow, ...]
) -> tuple[StrategyRow, ...]:
    """For each active goal that is long-term or that events serve, in the goals' order:
    its people and how many of them are within their cadence, and its events."""
    derived = analysis.derived
    rels = derived.relationships
    out = []
    for state in goals:
        goal = state.goal
        served = tuple(e for e in events if e.goal == goal.path)
        if not goal.active or goal.every or not (served or goal.horizon == "long"):
            continue
        who = derived.who.get(goal.path, strategy.Who())
        own = bool(goal.who) or bool(goal.measure and goal.measure.network)
        members = tuple(
            path
            for path in strategy.members(who, analysis.model, analysis.notes)
            if rels[path].state not in ("paused", "archived")
        )
        out.append(
            StrategyRow(
                name=goal.name,
                path=goal.path,
                who=who.label() or None,
                inherited=bool(who) and not own,
                people=len(members),
                in_cadence=sum(rels[p].state in ("ok", "due soon") for p in members),
                members=members,
                events=served,
                private=goal.private,
            )
        )
    return tuple(out)


def points_target(analysis: Analysis) -> Number | None:
    """The target of the first weekly goal (by path) that counts points."""
    for goal in sorted(analysis.model.goals.values(), key=lambda g: g.path):
        weekly = goal.every == "week"
        if weekly and goal.target and goal.measure and goal.measure.count == "points":
            return _number(goal.target)
    return None


def points_rows(analysis: Analysis) -> tuple[PointsWeek, ...]:
    """Points per week when a goal counts points or the vault sets `[scorecard]`."""
    counted = any(
        g.measure is not None and g.measure.count == "points" for g in analysis.model.goals.values()
    )
    if not counted and "scorecard" not in analysis.config.origins:
        return ()
    return tuple(
        PointsWeek(week=monday, points=_number(points))
        for monday, points in analysis.derived.weekly_points()
    )
