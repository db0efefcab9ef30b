"""Goal progress and pace: where progress comes from (a `progress:` value, a `measure:`
query, dated log items, done tasks), recurring periods and streaks, and the goal tree."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache

from msgspec import Struct, field
from msgspec.structs import replace

from mdnet.dates import Period, next_period_start, period_end, period_start, prev_period_start
from mdnet.derive.records import GoalState, Interaction, PeriodCount, Relationship
from mdnet.derive.scorecard import Points
from mdnet.derive.strategy import Reconnection
from mdnet.links import LinkIndex
from mdnet.model import Goal, Measure, Model
from mdnet.note import Note

MeasureKey = tuple[str, str | None, str | None, bool]
Amounts = list[tuple[date | None, float]]
"""(date, amount) entries of a goal's progress; the date is None when unknown."""

_PLUS = re.compile(r"^\s*[:\-–—]?\s*\+\s*(\d{1,15}(?:\.\d{1,15})?)(?!\.?\d)")  # finite amounts


class GoalIndex(Struct, frozen=True):
    """What goal progress reads, with memo tables shared by goals that count the same
    thing (thousands of milestones often share a handful of `measure:` queries)."""

    today: date
    notes: Mapping[str, Note]
    model: Model
    interactions: Callable[[], tuple[Interaction, ...]]
    """Every interaction counted once; this and the others computed when a goal counts them
    (a goal with a `progress:` value counts nothing; few goals count contacts)."""
    relationships: Callable[[], Mapping[str, Relationship]]
    reconnections: Callable[[], tuple[Reconnection, ...]] = tuple
    """Most vaults have no goal that counts these."""
    points: Callable[[], tuple[Points, ...]] = tuple
    dates: dict[MeasureKey, list[date]] = field(default_factory=dict)
    amounts: dict[MeasureKey, Amounts] = field(default_factory=dict)
    totals: dict[tuple[MeasureKey, Period], dict[date, float]] = field(default_factory=dict)


def parents(
    model: Model, notes: Mapping[str, Note], index: LinkIndex, paths: Iterable[str] | None = None
) -> dict[str, str | None]:
    """Goal path -> the goal path its `parent:` link resolves to (or None): of every goal,
    or of the goals at these paths."""
    out: dict[str, str | None] = {}
    for path in model.goals if paths is None else paths:
        out[path] = None
        for link in notes[path].links:
            if link.key == "parent":
                out[path] = index.resolve(link, path).path
                break
    return out


def milestones(tree: Mapping[str, str | None]) -> dict[str, tuple[str, ...]]:
    """Goal path -> its milestones' paths, sorted."""
    out: dict[str, list[str]] = defaultdict(list)
    for child, parent in sorted(tree.items()):
        if parent:
            out[parent].append(child)
    return {path: tuple(children) for path, children in out.items()}


def goal_states(
    goals: Iterable[Goal],
    index: GoalIndex,
    tree: Mapping[str, str | None],
    children: Mapping[str, tuple[str, ...]],
) -> dict[str, GoalState]:
    """Every goal's state on `index.today`, by goal path."""
    return {g.path: goal_state(g, index, tree.get(g.path), children.get(g.path, ())) for g in goals}


def goal_state(
    goal: Goal, index: GoalIndex, parent: str | None, children: tuple[str, ...]
) -> GoalState:
    """Progress, percentage, expected progress (pace) and state of one goal."""
    today = index.today
    source, amounts = _dated_amounts(goal, index)
    if goal.every:
        return _recurring(goal, index, source, amounts, parent, children)
    if source == "measure" and not _weighted(goal):  # sorted dates: count by bisection
        dates = _measured(goal, index)
        lo = goal.start or date.min
        hi = min(goal.deadline or today, today)
        progress = float(max(0, bisect_right(dates, hi) - bisect_left(dates, lo)))
    else:
        progress = sum(a for d, a in amounts if d is None or _in_window(goal, d, today))
    target = goal.target
    percent = progress / target * 100 if target else None
    if percent is not None and not math.isfinite(percent):
        percent = None  # a tiny target: no percentage a report could show
    expected = None
    if target and goal.start and goal.deadline and goal.deadline > goal.start:
        span = (goal.deadline - goal.start).days
        elapsed = min(max((today - goal.start).days, 0), span)
        expected = target * elapsed / span
        if not math.isfinite(expected):  # a huge target: scale the share, not the product
            expected = target * (elapsed / span)
    days_left = (goal.deadline - today).days if goal.deadline else None
    if goal.status == "dropped":
        state = "dropped"
    elif goal.status == "done" or (target and progress >= target):
        state = "achieved"
    elif goal.deadline and goal.deadline < today:
        state = "missed"
    elif not target:
        state = "no target"
    elif expected is not None and progress + 1e-9 < expected:
        state = "behind"
    else:
        state = "on track"
    return GoalState(goal, progress, source, percent, expected, days_left, state, parent, children)


def measured_between(goal: Goal, index: GoalIndex, first: date, last: date) -> float | None:
    """How much of a goal's `measure` the vault shows from `first` to `last` (both
    included), whatever the goal's own window; None when the measure has no such count
    (no measure, or contacts in touch, which depends on the goal's window)."""
    m = goal.measure
    if m is None or (m.count == "contacts" and not m.new):
        return None
    _, amounts = _dated_amounts(replace(goal, progress=None), index)
    return sum(a for d, a in amounts if d is not None and first <= d <= last)


def _dated_amounts(goal: Goal, index: GoalIndex) -> tuple[str, Amounts]:
    """Where progress comes from, and its (date, amount) entries."""
    if goal.progress is not None:
        return "progress", [(None, goal.progress)]
    if goal.measure is not None:
        if _weighted(goal):
            return "measure", [(p.date, p.points) for p in index.points()]
        key = _measure_key(goal)
        if key is None:
            return "measure", [(d, 1.0) for d in _measured(goal, index)]
        if key not in index.amounts:
            index.amounts[key] = [(d, 1.0) for d in _measured(goal, index)]
        return "measure", index.amounts[key]
    note = index.notes[goal.path]
    dated = [i for i in note.items if i.task is None and i.date is not None]
    if dated:
        out: Amounts = []
        for item in dated:
            after = item.text.split(None, 1)[1] if " " in item.text else ""
            m = _PLUS.match(after)
            out.append((item.date, float(m.group(1)) if m else 1.0))
        return "log", out
    tasks = [i for i in note.items if i.task in ("x", "X")]
    if tasks:
        return "tasks", [(i.done or i.date, 1.0) for i in tasks]
    return "none", []


def _weighted(goal: Goal) -> bool:
    """A measure whose entries carry an amount (scorecard points), not one each."""
    return goal.measure is not None and goal.measure.count == "points"


def _measure_key(goal: Goal) -> MeasureKey | None:
    """The memo key of a goal's measure when its dates do not depend on the goal's window."""
    m = goal.measure
    if m is None or (m.count == "contacts" and not m.new):
        return None
    return (m.count, m.network, m.tag, m.new)


def _measured(goal: Goal, index: GoalIndex) -> list[date]:
    """Dates of the things a `measure:` counts (window filtering happens later)."""
    m = goal.measure
    assert m is not None
    key = _measure_key(goal)
    if key is None:  # people in touch inside this goal's own window
        return _contacts_in_window(goal, m, index)
    if key not in index.dates:
        index.dates[key] = sorted(_measure_dates(m, index))
    return index.dates[key]


def _measure_dates(m: Measure, index: GoalIndex) -> list[date]:
    """Window-independent measures, computed once per distinct query."""
    if m.count == "events":
        return [e.date for e in index.model.events.values() if e.date]
    if m.count == "reconnections":
        contacts = index.model.contacts
        return [
            r.date
            for r in index.reconnections()
            if (not m.tag or m.tag in r.interaction.tags)
            and (not m.network or contacts[r.contact].network == m.network)
        ]
    if m.count == "points":
        return [p.date for p in index.points()]
    if m.count == "interactions":
        return _interaction_dates(m, index)
    return [rel.first_met for rel in _measured_contacts(m, index) if rel.first_met]


def _interaction_dates(m: Measure, index: GoalIndex) -> list[date]:
    """The dates of the interactions with the measure's tag and with one of its network
    (an interaction's contacts are all the model's)."""
    tag, counted = m.tag, index.interactions()
    if not m.network:
        return [i.date for i in counted if tag in i.tags] if tag else [i.date for i in counted]
    members = {p for p, c in index.model.contacts.items() if c.network == m.network}
    if tag:
        return [i.date for i in counted if tag in i.tags and not members.isdisjoint(i.contacts)]
    return [i.date for i in counted if not members.isdisjoint(i.contacts)]


def _measured_contacts(m: Measure, index: GoalIndex) -> list[Relationship]:
    return [
        rel
        for rel in index.relationships().values()
        if (not m.network or rel.contact.network == m.network)
        and (not m.tag or m.tag in _note_tags(index.notes[rel.contact.path]))
    ]


def _contacts_in_window(goal: Goal, m: Measure, index: GoalIndex) -> list[date]:
    """For each matching contact in touch inside the window: its latest date there."""
    dates = []
    for rel in _measured_contacts(m, index):
        touched = [i.date for i in rel.interactions]
        if rel.contact.met:
            touched.append(rel.contact.met)
        inside = [d for d in touched if _in_window(goal, d, index.today)]
        if inside:
            dates.append(max(inside))
    return sorted(dates)


def _in_window(goal: Goal, when: date, today: date) -> bool:
    if when > today:
        return False
    if goal.start and when < goal.start:
        return False
    return not (goal.deadline and when > goal.deadline)


def _recurring(
    goal: Goal,
    index: GoalIndex,
    source: str,
    amounts: Amounts,
    parent: str | None,
    children: tuple[str, ...],
) -> GoalState:
    """A goal with `every:`: the last eight periods, the current one's progress, a streak."""
    every = goal.every
    assert every is not None
    today = index.today
    per = goal.target or 1.0
    current = period_start(today, every)
    first = current
    for _ in range(7):
        first = prev_period_start(first, every)
    if goal.start:
        first = max(first, period_start(goal.start, every))
    totals = _period_totals(goal, index, source, amounts, current)
    periods: list[PeriodCount] = []
    start = first
    while start <= current:
        count = totals.get(start, 0.0)
        periods.append(PeriodCount(start, period_end(start, every), count, count >= per))
        start = next_period_start(start, every)
    streak = _streak(goal, totals, current, per)
    now = periods[-1] if periods else None
    progress = now.count if now else 0.0
    previous_met = len(periods) < 2 or periods[-2].met
    if goal.status == "dropped":
        state = "dropped"
    elif goal.status == "done":
        state = "achieved"  # a habit kept long enough: no longer behind or on track
    elif goal.deadline and goal.deadline < today:
        state = "missed"
    else:
        state = "on track" if (now and now.met) or previous_met else "behind"
    days_left = (period_end(today, every) - today).days
    percent: float | None = progress / per * 100
    if percent is not None and not math.isfinite(percent):
        percent = None  # a tiny target per period: no percentage a report could show
    return GoalState(
        goal,
        progress,
        source,
        percent,
        None,
        days_left,
        state,
        parent,
        children,
        tuple(periods),
        streak,
    )


def _period_totals(
    goal: Goal, index: GoalIndex, source: str, amounts: Amounts, current: date
) -> dict[date, float]:
    """Progress per period (keyed by the period's first day), up to today."""
    every = goal.every
    assert every is not None
    key = _measure_key(goal) if source == "measure" else None
    if key is not None and (key, every) in index.totals:
        return index.totals[(key, every)]
    totals: dict[date, float] = defaultdict(float)
    for when, amount in amounts:
        if when is not None and when <= index.today:
            totals[_period_start(when, every)] += amount
    if source == "progress":
        totals[current] = goal.progress or 0.0
    if key is not None:
        index.totals[(key, every)] = totals
    return totals


def _streak(goal: Goal, totals: dict[date, float], current: date, per: float) -> int:
    """Periods met in a row back from the current one, over the whole history (not only
    the periods shown); the current period may still be in progress."""
    every = goal.every
    assert every is not None
    floor = period_start(goal.start, every) if goal.start else min(totals, default=current)
    streak = 0
    start = current
    while start >= floor:
        if totals.get(start, 0.0) >= per:
            streak += 1
        elif start != current:
            break
        if start == floor:
            break
        # start is a period's first day, after floor: the period before starts the day
        # before it ends (prev_period_start, which here never meets 0001-01-01)
        start = _period_start(start - timedelta(days=1), every)
    return streak


@lru_cache(maxsize=65536)
def _period_start(day: date, every: Period) -> date:
    return period_start(day, every)


def _note_tags(note: Note) -> set[str]:
    return note.all_tags()
