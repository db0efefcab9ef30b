"""G rules: goals must be exact, dated, and organised as long-term goals with milestones."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mdnet.diagnostics import Finding
from mdnet.model import Goal
from mdnet.rules import option, rule
from mdnet.textscan import find_vague, has_number

if TYPE_CHECKING:
    from mdnet.analysis import Analysis


def _at(analysis: Analysis, goal: Goal, key: str) -> tuple[int, int]:
    return analysis.notes[goal.path].key_line(key)


@rule(
    "G001",
    "goal-no-deadline",
    "error",
    "A goal without a deadline (or `every:`)",
    "Add `deadline: YYYY-MM-DD`, or `every: week` for a recurring goal.",
)
def goal_no_deadline(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "a goal without a deadline is just a wish". Without a date there is no pace
    to compare progress with, and nothing tells you that the goal is slipping.

    Fix: set `deadline:`; for a habit ("follow up with one new connection each
    week") set `every: week` and a `target` per period instead.

    Example:
        goal: Publish 30 guest posts      # G001 goal has no deadline
        deadline: 2026-12-31              # fixed
    """
    for goal in analysis.in_focus(analysis.model.goals):
        note = analysis.notes[goal.path]
        # A `deadline` or `every` that is there but unreadable already has its F finding.
        present = "deadline" in note.meta or note.meta.get("every") is not None
        if goal.deadline is None and goal.every is None and not present:
            line, col = goal.statement_at
            yield Finding(goal.path, line, col, "goal has no deadline; add `deadline: YYYY-MM-DD`")


@rule(
    "G002",
    "goal-not-exact",
    "error",
    "A goal with no measurable number and no `target`",
    'Put a number in the statement ("Meet 10 bloggers") or set `target:`.',
)
def goal_not_exact(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: "meet some bloggers" can never be finished or measured. An exact goal names
    how many: "Meet 10 bloggers from my niche". Numbers in words count ("five", "a
    dozen", "twice"), and so does a `target:` property.

    Fix: put the number in the statement, or set `target:` (and `unit:`).

    Example:
        goal: Meet some bankers            # G002 goal is not exact
        goal: Meet 5 community bankers     # fine
    """
    for goal in analysis.in_focus(analysis.model.goals):
        if goal.target is None and not has_number(goal.statement):
            line, col = goal.statement_at
            yield Finding(
                goal.path,
                line,
                col,
                f"goal is not exact: {goal.statement!r} has no number and no `target`",
            )


VAGUE_WORDS = option("vague_words", "strings", "Words that make a goal vague (G003).")


@rule(
    "G003",
    "goal-vague-quantifier",
    "warning",
    'A vague quantifier ("some", "a few") in a goal statement',
    "Replace the vague word with the number you mean.",
    options=(VAGUE_WORDS,),
)
def goal_vague_quantifier(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: words like "some", "many", "a few", "several" or "more" hide the number the
    goal needs, even when a `target` exists elsewhere. Each one is reported at its own
    column. "too many" and "too few" are not quantities and are left alone. The word
    list is `vague_words` in mdnet.toml.

    Fix: say the number.

    Example:
        goal: Meet several bankers and a few founders   # G003 twice: "several", "a few"
    """
    words = analysis.config.vague_words
    for goal in analysis.in_focus(analysis.model.goals):
        line, col = goal.statement_at
        for offset, word in find_vague(goal.statement, words):
            yield Finding(
                goal.path, line, col + offset, f"vague quantifier {word!r} in goal; say how many"
            )


@rule(
    "G004",
    "goal-missed-deadline",
    "warning",
    "The deadline has passed and the goal is neither done nor dropped",
    "Mark it `status: done` or `dropped`, or move the deadline.",
)
def goal_missed_deadline(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a goal past its deadline that is still "active" clutters the report and hides
    the goals that matter now. Decide what happened to it.

    Fix: set `status: done` (achieved) or `status: dropped`, or set a new deadline.

    Example:
        deadline: 2026-06-30     # G004 deadline passed 146 days ago
    """
    if not analysis.reports_on(analysis.model.goals):
        return
    today = analysis.today
    for state in analysis.goal_states().values():
        goal = state.goal
        if goal.deadline and goal.deadline < today and goal.active:
            if state.state == "achieved":
                continue
            line, col = _at(analysis, goal, "deadline")
            days = (today - goal.deadline).days
            yield Finding(
                goal.path,
                line,
                col,
                f"deadline {goal.deadline.isoformat()} passed {days} days ago; "
                "mark the goal done or dropped, or move the deadline",
            )


@rule(
    "G005",
    "short-goal-no-parent",
    "warning",
    "A short-term goal that is no milestone of a long-term goal",
    'Add `parent: "[[Long-term goal]]"`.',
)
def short_goal_no_parent(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: short-term goals are the steps toward a long-term goal ("the next month or
    so"). One that serves no long-term goal is busywork, or a long-term goal is missing.

    Fix: link it to its long-term goal with `parent: "[[...]]"` (quoted).

    Example:
        horizon: short           # G005 short-term goal has no parent
        parent: "[[Publish 30 guest posts]]"
    """
    for goal in analysis.in_focus(analysis.model.goals):
        note = analysis.notes[goal.path]
        if goal.horizon == "short" and note.meta.get("parent") in (None, ""):
            line, col = _at(analysis, goal, "horizon")
            yield Finding(goal.path, line, col, "short-term goal has no `parent` long-term goal")


@rule(
    "G006",
    "goal-bad-parent",
    "error",
    "`parent` does not resolve to a long-term goal",
    "Point `parent` at an existing goal note with `horizon: long`.",
)
def goal_bad_parent(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a milestone whose parent is missing, not a goal, or itself short-term is not
    attached to anything; its progress never shows under the long-term goal.

    Fix: link an existing long-term goal note: `parent: "[[Publish 30 guest posts]]"`.

    Example:
        parent: "[[Dana Whitfield]]"     # G006 parent is a contact, not a long-term goal
    """
    goals = analysis.model.goals
    focused = analysis.in_focus(goals)
    parents = analysis.parents_of(focused)
    for goal in focused:
        note = analysis.notes[goal.path]
        if note.meta.get("parent") in (None, ""):
            continue
        line, col = _at(analysis, goal, "parent")
        target = parents.get(goal.path)
        value = note.meta["parent"]
        if target is None:
            if not any(link.key == "parent" for link in note.links):
                yield Finding(
                    goal.path, line, col, f'`parent` must be a link like "[[Goal]]", not {value!r}'
                )
            else:
                yield Finding(goal.path, line, col, "`parent` links to a note that does not exist")
        elif target not in goals:
            yield Finding(goal.path, line, col, f"`parent` {target} is not a goal")
        elif goals[target].horizon != "long":
            yield Finding(
                goal.path, line, col, f"`parent` {target} is not a long-term goal (`horizon: long`)"
            )
        elif target == goal.path:
            yield Finding(goal.path, line, col, "`parent` is the goal itself")


SHORT_MAX_DAYS = option(
    "short_max_days",
    "count",
    "The longest a short-term goal (a milestone) may run, in days (G007).",
)


@rule(
    "G007",
    "short-goal-too-long",
    "warning",
    "A short-term goal spanning more than `short_max_days` (default 92)",
    "Split it into monthly milestones, or make it long-term.",
    options=(SHORT_MAX_DAYS,),
)
def short_goal_too_long(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: short-term goals cover "the next month or so"; one that spans half a year is a
    long-term goal in disguise and gives no near-term step to act on.

    Fix: shorten it to a month or two, or split it into several milestones.

    Example:
        horizon: short
        start: 2026-01-01
        deadline: 2026-09-30     # G007 spans 272 days (more than 92)
    """
    limit = analysis.config.short_max_days
    for goal in analysis.in_focus(analysis.model.goals):
        if goal.horizon == "short" and goal.start and goal.deadline:
            days = (goal.deadline - goal.start).days
            if days > limit:
                line, col = _at(analysis, goal, "deadline")
                yield Finding(
                    goal.path, line, col, f"short-term goal spans {days} days (more than {limit})"
                )


@rule(
    "G008",
    "long-goal-no-milestone",
    "warning",
    "An active long-term goal with no current short-term milestone",
    "Add a milestone for the coming month with `parent:` this goal.",
)
def long_goal_no_milestone(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a long-term goal is reached through short-term steps. When none is current
    (active, started, not past its deadline), nothing says what to do this month.

    Fix: create a short-term goal for the next month or so with
    `parent: "[[this goal]]"`.

    Example:
        Goals/Publish 30 guest posts.md   # G008 no current milestone
    """
    today = analysis.today
    goals = analysis.model.goals
    for goal in analysis.in_focus(goals):  # the milestones are read for a long goal only
        if goal.horizon != "long" or not goal.active or goal.every:
            continue
        if goal.deadline and goal.deadline < today:
            continue
        milestones = [goals[m] for m in analysis.milestones.get(goal.path, ())]
        current = [
            m
            for m in milestones
            if m.active
            and (m.start is None or m.start <= today)
            and (m.deadline is None or m.deadline >= today)
        ]
        if not current:
            line, col = goal.statement_at
            yield Finding(
                goal.path, line, col, "long-term goal has no current short-term milestone"
            )


@rule(
    "G009",
    "goal-dates-inverted",
    "error",
    "Deadline before start, or a milestone ending after its parent",
    "Fix the dates.",
)
def goal_dates_inverted(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: a deadline before the start date makes pace meaningless, and a milestone that
    ends after its long-term goal cannot be a step toward it.

    Fix: correct `start`/`deadline`, or the parent's deadline.

    Example:
        start: 2026-12-01
        deadline: 2026-11-01     # G009 deadline is before start
    """
    goals = analysis.model.goals
    focused = analysis.in_focus(goals)
    parents = analysis.parents_of(focused)
    for goal in focused:
        if goal.start and goal.deadline and goal.deadline < goal.start:
            line, col = _at(analysis, goal, "deadline")
            yield Finding(
                goal.path, line, col, f"deadline {goal.deadline} is before start {goal.start}"
            )
        parent = goals.get(parents.get(goal.path) or "")
        if parent and goal.deadline and parent.deadline and goal.deadline > parent.deadline:
            line, col = _at(analysis, goal, "deadline")
            yield Finding(
                goal.path,
                line,
                col,
                f"milestone ends {goal.deadline}, after its parent's deadline {parent.deadline}",
            )


@rule(
    "G010",
    "goal-behind-pace",
    "info",
    "Progress is behind the linear pace to the deadline",
    "Catch up, or adjust the target or deadline deliberately.",
)
def goal_behind_pace(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: if a goal of 30 guest posts runs all year, by July you should have about 15.
    The expected progress is the target times the share of the time elapsed from
    `start` to `deadline`; falling behind it early is the cheapest time to notice.
    Recurring goals are behind when the last full period missed its target. A goal marked
    `status: done` or `dropped` is never behind.

    Fix: plan the next steps (a milestone), or change the target on purpose.

    Example:
        Goals/Publish 30 guest posts.md:1:1: G010 12 of 30 guest posts (40%); expected 27 by today
    """
    if not analysis.reports_on(analysis.model.goals):
        return
    for state in analysis.goal_states().values():
        if state.state != "behind":
            continue
        goal = state.goal
        line, col = goal.statement_at
        unit = f" {goal.unit}" if goal.unit else ""
        if goal.every:
            yield Finding(
                goal.path, line, col, f"recurring goal missed its target last {goal.every}"
            )
        else:
            yield Finding(
                goal.path,
                line,
                col,
                f"{count_text(state.progress)} of {count_text(goal.target or 0)}{unit} "
                f"({state.percent or 0:.0f}%); expected {count_text(state.expected or 0)} by today",
            )


def count_text(value: float) -> str:
    """`3`, `2.5`: a count or pace as a message shows it."""
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
