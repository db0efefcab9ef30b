"""Contacts, goals and events built from notes, with their field problems (F004, F005, C007)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import NamedTuple

from msgspec import Struct, field

from mdnet.dates import DateError, Period, parse_period
from mdnet.links import note_aliases
from mdnet.modelfields import Fields, shown
from mdnet.note import Note, Problem
from mdnet.yearly import Yearly

CONTACT_STATUSES = ("active", "paused", "archived")
GOAL_STATUSES = ("active", "done", "dropped")
HORIZONS = ("long", "short")
MEASURES = ("contacts", "interactions", "events", "reconnections", "points")


class Contact(NamedTuple):
    """A person, from a contact note. (A NamedTuple: one per contact note on every run,
    built four times quicker than a frozen dataclass.)"""

    path: str
    name: str
    aliases: tuple[str, ...] = ()
    network: str | None = None
    cadence_days: int | None = None
    met: date | None = None
    status: str = "active"
    snooze: date | None = None
    last_contact: date | None = None
    private: bool = False
    company: str | None = None
    role: str | None = None
    met_at: bool = False
    """`met_at:` links the event(s) where you met (see mdnet.derive.strategy)."""
    birthday: Yearly | None = None
    anniversary: Yearly | None = None


class Measure(Struct, frozen=True):
    """A `measure:` query: what to count from the vault for a goal's progress."""

    count: str
    network: str | None = None
    tag: str | None = None
    new: bool = False


class Goal(Struct, frozen=True):
    """A goal note: long-term, short-term milestone or recurring."""

    path: str
    name: str
    statement: str
    statement_at: tuple[int, int]
    """(line, column) where the statement text starts in the file."""
    horizon: str | None = None
    start: date | None = None
    deadline: date | None = None
    target: float | None = None
    unit: str | None = None
    progress: float | None = None
    status: str = "active"
    every: Period | None = None
    measure: Measure | None = None
    private: bool = False
    why: str | None = None
    who: tuple[str, ...] = ()
    """`who:` as written: network names, `#tags` and `[[contact]]` links (resolved later)."""

    @property
    def active(self) -> bool:
        return self.status == "active"


class Event(Struct, frozen=True):
    """An event note: a conference, meetup or dinner on a date."""

    path: str
    name: str
    date: date | None = None
    private: bool = False


class Model(Struct):
    """Everything built from the notes' front matter, plus the problems found doing so."""

    contacts: dict[str, Contact] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    meetings: dict[str, Event] = field(default_factory=dict)
    """Meeting notes (`type: meeting`): a date and who was there, no goal expected."""
    problems: list[tuple[str, Problem]] = field(default_factory=list)


_MODELLED = frozenset(("contact", "goal", "event", "meeting"))
"""The kinds of note the model is built from."""


def goal_statement(note: Note) -> tuple[str, tuple[int, int]]:
    """The statement: `goal:`, else `title:`, else the first `# heading`, else the file name."""
    for key in ("goal", "title"):
        value = note.meta.get(key)
        if isinstance(value, str) and value.strip() and "[[" not in value:
            return value.strip(), note.key_line(key)
    for heading in note.headings:
        if heading.level == 1 and heading.text:
            return heading.text, (heading.line, heading.col)
    return note.stem, (1, 1)


def build_model(
    notes: tuple[Note, ...],
    yearly_keys: tuple[str, str] = ("birthday", "anniversary"),
    base: Model | None = None,
    changed: Collection[str] = (),
) -> Model:
    """Build every contact, goal and event, and check their front-matter fields.
    `yearly_keys`: the properties holding a contact's birthday and anniversary.

    With `base` (the model of the same notes but those in `changed`, built with the same
    keys), only the changed notes are built again; the result is the same, in the same
    order."""
    model = Model()
    kept: dict[str, list[tuple[str, Problem]]] = {}
    if base is not None:
        for found in base.problems:
            kept.setdefault(found[0], []).append(found)
    for note in notes:
        path = note.path
        if base is not None and path not in changed:
            if path in base.contacts:
                model.contacts[path] = base.contacts[path]
            elif path in base.goals:
                model.goals[path] = base.goals[path]
            elif path in base.events:
                model.events[path] = base.events[path]
            elif path in base.meetings:
                model.meetings[path] = base.meetings[path]
            model.problems.extend(kept.get(path, ()))
            continue
        if note.kind in _MODELLED:
            _add(model, path, _part(note, yearly_keys))
    return model


Part = tuple[str, Contact | None, Goal | None, Event | None, tuple[Problem, ...]]
"""A note's part of the model: its kind, its contact, goal or event, and the problems found
building it (what mdnet/modelstore.py keeps between runs)."""


def build_kept(
    notes: tuple[Note, ...],
    yearly_keys: tuple[str, str],
    kept: Mapping[str, tuple[object, Part]],
    stamps: Mapping[str, object | None],
) -> tuple[Model, dict[str, tuple[object, Part]]]:
    """`build_model`, taking each note's part from `kept` when its stamp there is the
    note's file stamp (`stamps`; None for a note that may not be keyed so): such a note's
    front matter is not read. Also returns every modelled note's part with its stamp."""
    model = Model()
    parts: dict[str, tuple[object, Part]] = {}
    for note in notes:
        if note.kind not in _MODELLED:
            continue
        path = note.path
        stamp = stamps.get(path)
        hit = kept.get(path)
        if hit is not None and stamp is not None and hit[0] == stamp:
            parts[path] = hit
            part = hit[1]
        else:
            part = _part(note, yearly_keys)
            parts[path] = (stamp, part)
        _add(model, path, part)
    return model, parts


def _add(model: Model, path: str, part: Part) -> None:
    kind, contact, goal, event, problems = part
    if contact is not None:
        model.contacts[path] = contact
    elif goal is not None:
        model.goals[path] = goal
    elif event is not None:
        (model.meetings if kind == "meeting" else model.events)[path] = event
    model.problems.extend((path, problem) for problem in problems)


def _part(note: Note, yearly_keys: tuple[str, str]) -> Part:
    """One note's part of the model: its record, and the problems found building it."""
    f = Fields(note)
    kind = note.kind
    contact = goal = event = None
    if kind == "contact":
        contact = _contact(note, f, yearly_keys)
    elif kind == "goal":
        goal = _goal(note, f)
    else:
        event = Event(
            path=note.path, name=note.stem, date=f.date("date"), private=f.flag("private")
        )
    return kind, contact, goal, event, tuple(f.problems)


def _contact(note: Note, f: Fields, yearly_keys: tuple[str, str]) -> Contact:
    aliases = note.meta.get("aliases")
    if isinstance(aliases, str):
        f.problem("F005", "aliases", f"`aliases` should be a list: aliases: [{aliases}]")
    elif aliases is not None and not (
        isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)
    ):
        f.problem("F005", "aliases", f"`aliases` must be a list of names, not {shown(aliases)}")
    return Contact(
        path=note.path,
        name=f.text("name") or note.stem,
        aliases=tuple(note_aliases(note)),
        network=f.text("network"),
        cadence_days=f.duration("cadence"),
        met=f.date("met"),
        status=f.choice("status", CONTACT_STATUSES, "active") or "active",
        snooze=f.date("snooze"),
        last_contact=f.date("last_contact"),
        private=f.flag("private"),
        company=f.text("company"),
        role=f.text("role"),
        met_at=_met_at(note, f),
        birthday=f.yearly(yearly_keys[0]),
        anniversary=f.yearly(yearly_keys[1]),
    )


def _met_at(note: Note, f: Fields) -> bool:
    """Whether `met_at:` names an event by link (the link is resolved later)."""
    value = note.meta.get("met_at")
    if value is None:
        return False
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and "[[" in v for v in items):
        f.problem("F005", "met_at", f'`met_at` must be a link like "[[Event]]", not {shown(value)}')
        return False
    return True


def _goal(note: Note, f: Fields) -> Goal:
    statement, at = goal_statement(note)
    every: Period | None = None
    if note.meta.get("every") is not None:
        try:
            every = parse_period(note.meta["every"])
        except DateError as exc:
            f.problem("F005", "every", f"`every`: {exc}")
    return Goal(
        path=note.path,
        name=note.stem,
        statement=statement,
        statement_at=at,
        horizon=f.choice("horizon", HORIZONS, None),
        start=f.date("start"),
        deadline=f.date("deadline"),
        target=f.number("target"),
        unit=f.text("unit"),
        progress=f.number("progress"),
        status=f.choice("status", GOAL_STATUSES, "active") or "active",
        every=every,
        measure=_measure(note, f),
        private=f.flag("private"),
        why=f.text("why"),
        who=_who(note, f),
    )


def _who(note: Note, f: Fields) -> tuple[str, ...]:
    """`who:` (a name or a list): networks, `#tags` or contact links, as written."""
    value = note.meta.get("who")
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) for v in items):
        f.problem("F005", "who", f"`who` must be networks, #tags or links, not {shown(value)}")
        return ()
    return tuple(v.strip() for v in items if v.strip())


def _measure(note: Note, f: Fields) -> Measure | None:
    value = note.meta.get("measure")
    if value is None:
        return None
    if not isinstance(value, dict):
        f.problem(
            "F005",
            "measure",
            f"`measure` must be a mapping like {{count: contacts}}, not {shown(value)}",
        )
        return None
    count = value.get("count")
    if count not in MEASURES:
        f.problem(
            "F005",
            "measure",
            f"`measure.count` must be one of {', '.join(MEASURES)}, not {shown(count)}",
        )
        return None
    unknown = sorted(set(value) - {"count", "network", "tag", "new"})
    if unknown:
        f.problem(
            "F005", "measure", f"`measure.{unknown[0]}` is not known (count, network, tag, new)"
        )
    network, tag, new = value.get("network"), value.get("tag"), value.get("new", False)
    if network is not None and not isinstance(network, str):
        f.problem("F005", "measure", "`measure.network` must be text")
        network = None
    if tag is not None and not isinstance(tag, str):
        f.problem("F005", "measure", "`measure.tag` must be text")
        tag = None
    if not isinstance(new, bool):
        f.problem("F005", "measure", "`measure.new` must be true or false")
        new = False
    return Measure(
        count=count, network=network, tag=tag.lstrip("#").lower() if tag else None, new=new
    )
