"""Derived facts: interactions, relationship state, goal progress and pace, network health."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from mdnet.config import Config
from mdnet.dates import Period, next_period_start, period_end, period_start, prev_period_start
from mdnet.links import LinkIndex
from mdnet.model import Contact, Goal, Measure, Model
from mdnet.note import Note

STATES = ("overdue", "lapsed", "due soon", "never", "ok", "paused", "archived")


@dataclass(frozen=True, slots=True)
class Interaction:
    """A dated touch-point with one or more contacts."""

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


@dataclass(frozen=True, slots=True)
class Planned:
    """An open task that mentions a contact: a plan, not an interaction."""

    path: str
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Relationship:
    """The state of one contact on `today`."""

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


@dataclass(frozen=True, slots=True)
class PeriodCount:
    start: date
    end: date
    count: float
    met: bool


@dataclass(frozen=True, slots=True)
class GoalState:
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


@dataclass(frozen=True, slots=True)
class NetworkHealth:
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


MeasureKey = tuple[str, str | None, str | None, bool]
_PLUS = re.compile(r"^\s*[:\-–—]?\s*\+\s*(\d{1,15}(?:\.\d{1,15})?)(?!\.?\d)")  # finite amounts


class Derivation:
    """Everything mdnet derives from the model and the notes, computed once."""

    def __init__(
        self,
        notes: tuple[Note, ...],
        model: Model,
        index: LinkIndex,
        config: Config,
        today: date,
    ) -> None:
        self.notes = notes
        self.model = model
        self.index = index
        self.config = config
        self.today = today
        self.interactions: list[Interaction] = []
        self.planned: dict[str, list[Planned]] = defaultdict(list)
        self._notes_by_path = {n.path: n for n in notes}
        self._measure_memo: dict[MeasureKey, list[date]] = {}
        self._amount_memo: dict[MeasureKey, list[tuple[date | None, float]]] = {}
        self._totals_memo: dict[tuple[MeasureKey, str], dict[date, float]] = {}
        self._collect()
        self.by_contact: dict[str, list[Interaction]] = defaultdict(list)
        for interaction in self.interactions:
            for path in interaction.contacts:
                self.by_contact[path].append(interaction)
        self.relationships = {p: self._relationship(c) for p, c in model.contacts.items()}
        self.parents = self._parents()
        self.milestones: dict[str, list[str]] = defaultdict(list)
        for child, parent in sorted(self.parents.items()):
            if parent:
                self.milestones[parent].append(child)
        self.goals = {p: self._goal_state(g) for p, g in model.goals.items()}

    # ------------------------------------------------------------------ interactions

    def _kind(self, tags: Iterable[str]) -> str | None:
        tags = set(tags)
        if tags & set(self.config.give_tags):
            return "give"
        if tags & set(self.config.ask_tags):
            return "ask"
        return None

    def _contacts_by_line(self, note: Note) -> dict[int, list[str]]:
        out: dict[int, list[str]] = defaultdict(list)
        for link, resolution in zip(note.links, self.index.resolve_note(note), strict=True):
            if link.style == "property":
                continue
            target = resolution.path
            if target in self.model.contacts and target not in out[link.line]:
                out[link.line].append(target)
        return out

    def _collect(self) -> None:
        add = self.interactions.append
        for note in self.notes:
            own = note.path if note.kind == "contact" else None
            by_line = self._contacts_by_line(note) if note.links else {}
            tags_by_line: dict[int, list[str]] = defaultdict(list)
            for tag, line in note.tags:
                tags_by_line[line].append(tag)
            for item in note.items:
                linked = by_line.get(item.line, [])
                who = tuple(dict.fromkeys([*([own] if own else []), *linked]))
                if item.task is not None:
                    if item.is_open_task:
                        for path in who:
                            self.planned[path].append(
                                Planned(note.path, item.line, readable(item.text))
                            )
                        continue
                    when = item.done or item.date
                    if when is None and note.kind == "daily":
                        when = note.daily_date  # a done task in a daily note: on the note's date
                    if when and who and item.task in "xX":
                        add(
                            Interaction(
                                when,
                                note.path,
                                item.line,
                                item.text,
                                who,
                                "task",
                                self._kind(item.tags),
                                item.tags,
                            )
                        )
                    continue
                if item.date is not None and who:
                    source = "log" if own else "item"
                    add(
                        Interaction(
                            item.date,
                            note.path,
                            item.line,
                            item.text,
                            who,
                            source,
                            self._kind(item.tags),
                            item.tags,
                        )
                    )
                elif note.daily_date is not None and note.kind == "daily" and linked:
                    add(
                        Interaction(
                            note.daily_date,
                            note.path,
                            item.line,
                            item.text,
                            tuple(linked),
                            "daily",
                            self._kind(item.tags),
                            item.tags,
                        )
                    )
            if note.kind == "daily" and note.daily_date is not None:
                for line, text in note.link_lines:
                    linked = by_line.get(line, [])
                    if linked:
                        tags = tuple(tags_by_line.get(line, ()))
                        add(
                            Interaction(
                                note.daily_date,
                                note.path,
                                line,
                                text,
                                tuple(linked),
                                "daily",
                                self._kind(tags),
                                tags,
                            )
                        )
            if note.kind == "event":
                event = self.model.events.get(note.path)
                if event and event.date:
                    attendees: list[str] = []
                    for link in note.links:
                        if link.key != "attendees":
                            continue
                        target = self.index.resolve(link, note.path).path
                        if target in self.model.contacts and target not in attendees:
                            attendees.append(target)
                    if attendees:
                        line = note.key_line("attendees")[0]
                        add(
                            Interaction(
                                event.date,
                                note.path,
                                line,
                                f"Attended {event.name}",
                                tuple(attendees),
                                "event",
                            )
                        )
        for contact in self.model.contacts.values():
            if contact.last_contact:
                line = self._note(contact.path).key_line("last_contact")[0]
                add(
                    Interaction(
                        contact.last_contact,
                        contact.path,
                        line,
                        "last_contact",
                        (contact.path,),
                        "front matter",
                    )
                )
        self.interactions.sort(key=lambda i: (i.date, i.path, i.line))

    def _note(self, path: str) -> Note:
        return self._notes_by_path[path]

    # ------------------------------------------------------------------ relationships

    def cadence(self, contact: Contact) -> int:
        if contact.cadence_days:
            return contact.cadence_days
        network = self.config.networks.get(contact.network or "")
        if network and network.cadence_days:
            return network.cadence_days
        return self.config.cadence_days

    def _relationship(self, contact: Contact) -> Relationship:
        today = self.today
        history = tuple(self.by_contact.get(contact.path, ()))
        past = [i for i in history if i.date <= today]
        cadence = self.cadence(contact)
        last = past[-1] if past else None
        last_date = last.date if last else None
        if contact.met and contact.met <= today and (last_date is None or contact.met > last_date):
            last = Interaction(
                contact.met,
                contact.path,
                self._note(contact.path).key_line("met")[0],
                "first met",
                (contact.path,),
                "met",
            )
            last_date = contact.met
        due = None
        days_overdue = 0
        if last_date is not None:
            due = last_date + timedelta(days=cadence)
        if contact.snooze and (due is None or contact.snooze > due):
            due = contact.snooze
        if contact.status in ("paused", "archived"):
            state = contact.status
            due = None  # not due at all: only active contacts have a next due date (SPEC §3)
        elif last_date is None:
            state = "never" if due is None or due <= today else "ok"
        elif (today - last_date).days > 2 * cadence and not (
            contact.snooze and contact.snooze > today
        ):
            state = "lapsed"
        else:
            assert due is not None
            if today > due:
                state = "overdue"
            elif (due - today).days <= self.config.due_soon_days:
                state = "due soon"
            else:
                state = "ok"
        if state in ("overdue", "lapsed") and due is not None:
            days_overdue = (today - due).days
        gives = [i for i in past if i.kind == "give"]
        asks = [i for i in past if i.kind == "ask"]
        first_met = contact.met or (history[0].date if history else None)
        return Relationship(
            contact=contact,
            cadence_days=cadence,
            last=last,
            due=due,
            state=state,
            days_overdue=days_overdue,
            gives=len(gives),
            asks=len(asks),
            first_met=first_met,
            first_give=gives[0] if gives else None,
            first_ask=asks[0] if asks else None,
            planned=tuple(self.planned.get(contact.path, ())),
            interactions=history,
        )

    def network_health(self) -> list[NetworkHealth]:
        names = list(self.config.networks)
        for rel in self.relationships.values():
            name = rel.contact.network
            if name and name not in names:
                names.append(name)
        out = []
        for name in names:
            members = [
                r
                for r in self.relationships.values()
                if r.contact.network == name and r.state not in ("paused", "archived")
            ]
            network = self.config.networks.get(name)
            out.append(
                NetworkHealth(
                    name=name,
                    value=network.value if network else None,
                    cadence_days=(
                        network.cadence_days
                        if network and network.cadence_days
                        else self.config.cadence_days
                    ),
                    contacts=len(members),
                    within_cadence=sum(r.state in ("ok", "due soon") for r in members),
                )
            )
        return out

    def activity(self, weeks: int = 26) -> list[tuple[date, int, int, int]]:
        """(Monday, interactions, gives, asks) for the last `weeks` weeks, oldest first."""
        this_monday = self.today - timedelta(days=self.today.weekday())
        first = this_monday - timedelta(weeks=weeks - 1)
        counts = {first + timedelta(weeks=w): [0, 0, 0] for w in range(weeks)}
        for i in self.interactions:
            if first <= i.date <= self.today:
                bucket = counts[i.date - timedelta(days=i.date.weekday())]
                bucket[0] += 1
                bucket[1] += i.kind == "give"
                bucket[2] += i.kind == "ask"
        return [(monday, *values) for monday, values in counts.items()]  # type: ignore[misc]

    # ------------------------------------------------------------------ goals

    def _parents(self) -> dict[str, str | None]:
        """Goal path -> the goal path its `parent:` link resolves to (or None)."""
        out: dict[str, str | None] = {}
        for path in self.model.goals:
            note = self._note(path)
            out[path] = None
            for link in note.links:
                if link.key == "parent":
                    out[path] = self.index.resolve(link, path).path
                    break
        return out

    def _dated_amounts(self, goal: Goal) -> tuple[str, list[tuple[date | None, float]]]:
        """Where progress comes from, and (date, amount) entries (date None when unknown)."""
        if goal.progress is not None:
            return "progress", [(None, goal.progress)]
        if goal.measure is not None:
            key = _measure_key(goal)
            if key is None:
                return "measure", [(d, 1.0) for d in self._measured(goal)]
            if key not in self._amount_memo:
                self._amount_memo[key] = [(d, 1.0) for d in self._measured(goal)]
            return "measure", self._amount_memo[key]
        note = self._note(goal.path)
        dated = [i for i in note.items if i.task is None and i.date is not None]
        if dated:
            out: list[tuple[date | None, float]] = []
            for item in dated:
                after = item.text.split(None, 1)[1] if " " in item.text else ""
                m = _PLUS.match(after)
                out.append((item.date, float(m.group(1)) if m else 1.0))
            return "log", out
        tasks = [i for i in note.items if i.task in ("x", "X")]
        if tasks:
            return "tasks", [(i.done or i.date, 1.0) for i in tasks]
        return "none", []

    def _measured(self, goal: Goal) -> list[date]:
        """Dates of the things a `measure:` counts (window filtering happens later)."""
        m = goal.measure
        assert m is not None
        key = _measure_key(goal)
        if key is None:  # people in touch inside this goal's own window
            return self._contacts_in_window(goal, m)
        if key not in self._measure_memo:
            self._measure_memo[key] = sorted(self._measure_dates(m))
        return self._measure_memo[key]

    def _measure_dates(self, m: Measure) -> list[date]:
        """Window-independent measures, computed once per distinct query."""
        if m.count == "events":
            return [e.date for e in self.model.events.values() if e.date]
        if m.count == "interactions":
            contacts = self.model.contacts
            return [
                i.date
                for i in self.interactions
                if (not m.tag or m.tag in i.tags)
                and (not m.network or any(contacts[c].network == m.network for c in i.contacts))
            ]
        return [rel.first_met for rel in self._measured_contacts(m) if rel.first_met]

    def _measured_contacts(self, m: Measure) -> list[Relationship]:
        return [
            rel
            for rel in self.relationships.values()
            if (not m.network or rel.contact.network == m.network)
            and (not m.tag or m.tag in _note_tags(self._note(rel.contact.path)))
        ]

    def _contacts_in_window(self, goal: Goal, m: Measure) -> list[date]:
        """For each matching contact in touch inside the window: its latest date there."""
        dates = []
        for rel in self._measured_contacts(m):
            touched = [i.date for i in rel.interactions]
            if rel.contact.met:
                touched.append(rel.contact.met)
            inside = [d for d in touched if self._in_window(goal, d)]
            if inside:
                dates.append(max(inside))
        return sorted(dates)

    def _in_window(self, goal: Goal, when: date) -> bool:
        if when > self.today:
            return False
        if goal.start and when < goal.start:
            return False
        return not (goal.deadline and when > goal.deadline)

    def _goal_state(self, goal: Goal) -> GoalState:
        today = self.today
        source, amounts = self._dated_amounts(goal)
        milestones = tuple(self.milestones.get(goal.path, ()))
        parent = self.parents.get(goal.path)
        if goal.every:
            return self._recurring(goal, source, amounts, parent, milestones)
        if source == "measure":  # dates sorted, one each: count the window by bisection
            dates = self._measured(goal)
            lo = goal.start or date.min
            hi = min(goal.deadline or today, today)
            progress = float(max(0, bisect_right(dates, hi) - bisect_left(dates, lo)))
        else:
            progress = sum(a for d, a in amounts if d is None or self._in_window(goal, d))
        target = goal.target
        percent = progress / target * 100 if target else None
        if percent is not None and not math.isfinite(percent):
            percent = None  # a tiny target: no percentage a report could show
        expected = None
        if target and goal.start and goal.deadline and goal.deadline > goal.start:
            span = (goal.deadline - goal.start).days
            elapsed = min(max((today - goal.start).days, 0), span)
            expected = target * elapsed / span
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
        return GoalState(
            goal, progress, source, percent, expected, days_left, state, parent, milestones
        )

    def _recurring(
        self,
        goal: Goal,
        source: str,
        amounts: list[tuple[date | None, float]],
        parent: str | None,
        milestones: tuple[str, ...],
    ) -> GoalState:
        every = goal.every
        assert every is not None
        today = self.today
        per = goal.target or 1.0
        current = period_start(today, every)
        first = current
        for _ in range(7):
            first = prev_period_start(first, every)
        if goal.start:
            first = max(first, period_start(goal.start, every))
        totals = self._period_totals(goal, source, amounts, current)
        periods: list[PeriodCount] = []
        start = first
        while start <= current:
            count = totals.get(start, 0.0)
            periods.append(PeriodCount(start, period_end(start, every), count, count >= per))
            start = next_period_start(start, every)
        streak = self._streak(goal, totals, current, per)
        now = periods[-1] if periods else None
        progress = now.count if now else 0.0
        previous_met = len(periods) < 2 or periods[-2].met
        if goal.status == "dropped":
            state = "dropped"
        elif goal.deadline and goal.deadline < today:
            state = "achieved" if goal.status == "done" else "missed"
        else:
            state = "on track" if (now and now.met) or previous_met else "behind"
        days_left = (period_end(today, every) - today).days
        return GoalState(
            goal,
            progress,
            source,
            progress / per * 100,
            None,
            days_left,
            state,
            parent,
            milestones,
            tuple(periods),
            streak,
        )

    def _period_totals(
        self,
        goal: Goal,
        source: str,
        amounts: list[tuple[date | None, float]],
        current: date,
    ) -> dict[date, float]:
        """Progress per period (keyed by the period's first day), up to today."""
        every = goal.every
        assert every is not None
        key = _measure_key(goal) if source == "measure" else None
        if key is not None and (key, every) in self._totals_memo:
            return self._totals_memo[(key, every)]
        totals: dict[date, float] = defaultdict(float)
        for when, amount in amounts:
            if when is not None and when <= self.today:
                totals[_period_start(when, every)] += amount
        if source == "progress":
            totals[current] = goal.progress or 0.0
        if key is not None:
            self._totals_memo[(key, every)] = totals
        return totals

    def _streak(self, goal: Goal, totals: dict[date, float], current: date, per: float) -> int:
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
            start = prev_period_start(start, every)
        return streak


def _measure_key(goal: Goal) -> MeasureKey | None:
    """The memo key of a goal's measure when its dates do not depend on the goal's window."""
    m = goal.measure
    if m is None or (m.count == "contacts" and not m.new):
        return None
    return (m.count, m.network, m.tag, m.new)


@lru_cache(maxsize=65536)
def _period_start(day: date, every: Period) -> date:
    return period_start(day, every)


def _note_tags(note: Note) -> set[str]:
    value = note.meta.get("tags")
    tags = {t for t, _ in note.tags}
    if isinstance(value, str):
        tags.update(t.strip().lstrip("#").lower() for t in value.replace(",", " ").split())
    elif isinstance(value, list):
        tags.update(str(t).strip().lstrip("#").lower() for t in value)
    return tags
