"""The whole pipeline for one vault: load -> model -> derive, computed once and shared."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from msgspec import Struct

from mdnet import findingmemo, modelstore, touchstore
from mdnet.config import Config
from mdnet.derive import (
    Derivation,
    GoalState,
    Interaction,
    NetworkHealth,
    Planned,
    Relationship,
    gathering,
    strategy,
)
from mdnet.derive import goals as progress
from mdnet.derive import interactions as touches
from mdnet.derive import relationships as relating
from mdnet.derive import scorecard as scoring
from mdnet.derive.occasions import Occasion
from mdnet.derive.occasions import occasions as next_occasions
from mdnet.findingmemo import FindingMemo
from mdnet.links import LinkIndex, note_aliases
from mdnet.model import Goal, Model, build_kept, build_model
from mdnet.note import Note, Problem
from mdnet.vault import NoteLoader, Vault, load_serial, load_vault

R = TypeVar("R")


class Analysis:
    """A loaded vault with its model and derived state; rules and reports read from it."""

    def __init__(
        self,
        vault: Vault,
        config: Config,
        today: date,
        remember: bool = False,
        previous: Analysis | None = None,
    ) -> None:
        self.vault = vault
        self.config = config
        self.today = today
        self.notes: dict[str, Note] = {n.path: n for n in vault.notes}
        self._remember = remember
        """Keep each note's touches in the vault's cache folder for the next run."""
        self._previous = previous if previous is not None and previous.config is config else None
        """The analysis of this vault before some notes changed (the language server's):
        the link index, the model and each note's touches are updated, not rebuilt."""
        if previous is not None:
            previous._previous = None  # superseded: keep no chain of older analyses alive
        self.findings: FindingMemo | None = None
        """The per-note rules' findings of this analysis' last run of the rules."""
        self._own_relationships: dict[str, Relationship] = {}
        """The relationships `relationships_of` derived one by one, by contact path."""
        self._goal_states: dict[frozenset[str] | None, Mapping[str, GoalState]] = {}
        """`goal_states()` by focus."""
        self._picked: dict[str, tuple[list[Interaction], list[Planned]]] = {}
        """Contact path -> its interactions as written and its plans, for
        `relationships_of`."""
        self.forked = 0
        """The notes whose per-note rules ran in a forked copy of the process (`check
        --verbose` says so)."""
        self.focus: frozenset[str] | None = None
        """While rules run for some notes only (`check PATHS`, an editor's open note): their
        paths. Rules whose findings on a note come from that note alone skip the others."""

    @cached_property
    def stamps(self) -> dict[str, touches.Stamp]:
        """What identifies each note's content: its file's stamp when the cache may key it,
        else the parsed note itself."""
        known = self.vault.stamps or {}
        return {path: known.get(path) or note for path, note in self.notes.items()}

    @cached_property
    def findings_before(self) -> FindingMemo:
        """The per-note rules' findings of an earlier run: the previous analysis', else
        those kept in the vault's cache folder (when remembering), else none."""
        previous = self._previous
        if previous is not None and previous.findings is not None:
            return previous.findings
        return findingmemo.load(self.vault.root) if self._remember else findingmemo.EMPTY

    def keep_findings(self, memo: FindingMemo) -> None:
        """Keep the per-note findings for the next run (on disk too when remembering)."""
        if self._remember:
            findingmemo.store(self.vault.root, memo)
        self.findings = memo

    @cached_property
    def _changed(self) -> set[str]:
        """Paths whose note is not the previous analysis' (added, changed or removed)."""
        old = self._previous.notes if self._previous is not None else {}
        changed = {path for path, note in self.notes.items() if old.get(path) is not note}
        return changed | (old.keys() - self.notes.keys())

    def _kept(self, name: str) -> Analysis | None:
        """The previous analysis, when it computed this property already."""
        previous = self._previous
        return previous if previous is not None and name in previous.__dict__ else None

    @cached_property
    def index(self) -> LinkIndex:
        previous = self._kept("index")
        if (
            previous is not None
            and previous.vault.files == self.vault.files
            and all(_aliases(previous, p) == _aliases(self, p) for p in self._changed)
        ):
            return previous.index.forget(self._changed)
        return LinkIndex(self.vault.files, self.vault.notes)

    @cached_property
    def model(self) -> Model:
        keys = (self.config.birthday_key, self.config.anniversary_key)
        previous = self._kept("model")
        if previous is not None:
            return build_model(self.vault.notes, keys, previous.model, self._changed)
        if not self._remember:
            return build_model(self.vault.notes, keys)
        root = self.vault.root
        kept = modelstore.load(root, self.config)
        model, parts = build_kept(self.vault.notes, keys, kept, self.vault.stamps or {})
        modelstore.store(root, self.config, kept, parts)
        return model

    def focused(self) -> Iterator[Note]:
        """The notes rules report on: those in `focus`, else every note."""
        if self.focus is None:
            return iter(self.vault.notes)
        return (n for n in (self.notes.get(p) for p in sorted(self.focus)) if n is not None)

    def in_focus(self, records: Mapping[str, R]) -> list[R]:
        """Those of these records (contacts, goals or events by path) whose notes rules
        report on: every one, unless a focus is set (a rule whose findings on a record come
        from it and its note alone reads no other note's front matter then)."""
        if self.focus is None:
            return list(records.values())
        return [records[p] for p in sorted(self.focus) if p in records]

    def reports_on(self, paths: Iterable[str]) -> bool:
        """Whether a rule whose findings are all on these notes has anything to report:
        always, unless a focus leaves them all out (then it need not derive anything)."""
        return self.focus is None or not self.focus.isdisjoint(paths)

    @property
    def derived(self) -> Derivation:
        """The derived results: this object (`analysis.derived.goals` is `analysis.goals`)."""
        return self

    @cached_property
    def memo(self) -> touches.Memo:
        """Each note's touches (those kept on disk are read when asked for), for this run's
        readers and for the next analysis of this vault to reuse."""
        kept = self._kept("memo")
        memo = kept.memo if kept is not None else None
        if memo is None and self._remember:
            memo = touchstore.load(self.vault.root, self.config)
        notes, stamps = self.vault.notes, self.stamps
        new = touches.update(notes, self.model, self.index, self.config, memo, stamps)
        if self._remember:
            touchstore.store(self.vault.root, self.config, memo, new)
        return new

    @cached_property
    def _collected(self) -> gathering.Collected:
        return gathering.gather(self.memo, self.vault.notes, self.model)

    @cached_property
    def interactions(self) -> tuple[Interaction, ...]:
        """Every interaction as written, sorted by date, path and line (see `counted`)."""
        return self._collected.interactions

    @cached_property
    def counted(self) -> tuple[Interaction, ...]:
        """The interactions with each written twice (same contact, date and kind) counted
        once: what relationships, goal measures and activity count."""
        return touches.count_once(self.interactions)

    @cached_property
    def planned(self) -> Mapping[str, tuple[Planned, ...]]:
        """Open tasks that mention a contact, by contact path."""
        return self._collected.planned

    @cached_property
    def by_contact(self) -> dict[str, tuple[Interaction, ...]]:
        return touches.by_contact(self.counted)

    @cached_property
    def relationships(self) -> dict[str, Relationship]:
        contacts = self.model.contacts.values()
        return relating.relationships(
            contacts, self.notes, self.by_contact, self.planned, self.config, self.today
        )

    def relationships_of(self, paths: Collection[str] | None) -> Mapping[str, Relationship]:
        """The relationships of these contacts (None: every contact's). While a focus is set
        and the whole vault's are not derived yet, each is derived from that contact's own
        interactions, counted once among themselves: the same state, dates and counts (what
        is written twice with a contact is always written with that contact), without
        counting every interaction of the vault. Only the other contacts listed on a shared
        interaction may be trimmed differently, which no rule reads. With more than a few
        contacts in focus, every contact's is derived."""
        contacts = self.model.contacts
        wanted = sorted(p for p in paths if p in contacts) if paths is not None else ()
        if (
            paths is None
            or self.focus is None
            or "relationships" in self.__dict__
            or len(wanted) > _FEW
        ):
            every = self.relationships
            return every if paths is None else {p: every[p] for p in wanted}
        known = self._own_relationships
        for path in wanted:
            if path not in known:
                found, planned = self._own_interactions(path)
                known[path] = relating.relationship(
                    contacts[path],
                    self.notes[path],
                    tuple(i for i in touches.count_once(found) if path in i.contacts),
                    tuple(planned),
                    self.config,
                    self.today,
                )
        return {p: known[p] for p in wanted}

    def _own_interactions(self, contact: str) -> tuple[list[Interaction], list[Planned]]:
        """A contact's interactions as written and its plans, read from the notes that name
        it only, with those of the contacts rules ask for next in one pass: the focused
        contacts, and those asked in a focused note (C006 reports the ask there)."""
        own = self._picked
        if contact not in own:
            focus = self.focus or ()
            wanted = {contact, *(p for p in focus if p in self.model.contacts)}
            for interaction in self.written_in(focus):
                if interaction.kind == "ask":
                    wanted.update(interaction.contacts)
            looked_for = wanted.difference(own)
            own.update(gathering.naming(self.memo, looked_for, self.vault.notes, self.model))
        return own[contact]

    def written_in(self, paths: Collection[str]) -> list[Interaction]:
        """The interactions written in these notes (sorted as `interactions`), without
        reading the others'."""
        chosen = [self.notes[p] for p in sorted(paths) if p in self.notes]
        return gathering.written_in(self.memo, chosen, self.model)

    @cached_property
    def occasions(self) -> tuple[Occasion, ...]:
        """Each contact's next birthday and anniversary, soonest first."""
        return next_occasions(self.model.contacts.values(), self.today)

    @cached_property
    def parents(self) -> dict[str, str | None]:
        """Goal path -> the goal its `parent:` resolves to."""
        return progress.parents(self.model, self.notes, self.index)

    def parents_of(self, goals: Iterable[Goal]) -> Mapping[str, str | None]:
        """The parents of these goals (see `parents`), read from their notes only unless
        every goal's are derived already."""
        if self.focus is None or "parents" in self.__dict__:
            return self.parents
        return progress.parents(self.model, self.notes, self.index, [g.path for g in goals])

    @cached_property
    def milestones(self) -> dict[str, tuple[str, ...]]:
        return progress.milestones(self.parents)

    @cached_property
    def goal_index(self) -> progress.GoalIndex:
        """What goal progress reads, with its memo tables."""
        return progress.GoalIndex(
            self.today,
            self.notes,
            self.model,
            lambda: self.counted,
            lambda: self.relationships,
            lambda: self.reconnections,
            lambda: self.points,
        )

    @cached_property
    def goals(self) -> dict[str, GoalState]:
        index = self.goal_index
        return progress.goal_states(self.model.goals.values(), index, self.parents, self.milestones)

    def goal_states(self) -> Mapping[str, GoalState]:
        """The states of the active goals rules report on: those in focus (a goal's state
        depends on it, its parent and its milestones' paths alone), else every active goal's.
        Rules report on active goals only: a goal done or dropped is neither behind nor late,
        and its progress need not be counted."""
        focus = self.focus
        found = self._goal_states.get(focus)
        if found is None:
            wanted = [
                goal
                for path, goal in self.model.goals.items()
                if goal.active and (focus is None or path in focus)
            ]
            every = self.__dict__.get("goals")  # every goal's, when a report derived them
            if not wanted:  # none active in focus: no goal's parent or measure is read
                found = {}
            elif every is not None:
                found = {goal.path: every[goal.path] for goal in wanted}
            else:
                index, parents, milestones = self.goal_index, self.parents, self.milestones
                found = progress.goal_states(wanted, index, parents, milestones)
            self._goal_states[focus] = found
        return found

    @cached_property
    def who(self) -> dict[str, strategy.Who]:
        """Goal path -> its people (`who:`, its measure's network or tag, else its parent's)."""
        return strategy.who_of_goals(self.model, self.notes, self.index, self.parents)

    @cached_property
    def event_goals(self) -> dict[str, str]:
        """Event path -> the goal its `goal:` links."""
        return strategy.event_goals(self.model, self.notes, self.index)

    @cached_property
    def attendees(self) -> dict[str, tuple[str, ...]]:
        """Event path -> the contacts listed as there."""
        return strategy.event_attendees(self.memo, self.model)

    @cached_property
    def met_at(self) -> dict[str, str]:
        """Contact path -> the event where it was first met."""
        return strategy.met_at(self.model, self.notes, self.index, self.attendees)

    @cached_property
    def event_returns(self) -> dict[str, strategy.EventReturn]:
        """Event path -> its return: new people met, follow-ups, gives since."""
        return strategy.event_returns(
            self.model,
            self.event_goals,
            self.attendees,
            self.met_at,
            self.by_contact,
            self.config.follow_up_days,
            self.today,
        )

    @cached_property
    def reconnections(self) -> tuple[strategy.Reconnection, ...]:
        """Interactions with contacts who had lapsed, by date."""
        return strategy.reconnections(self.relationships, self.today)

    @cached_property
    def points(self) -> tuple[scoring.Points, ...]:
        """Scorecard points earned up to today, by date."""
        return scoring.scored(self.counted, self.relationships, self.config.scorecard, self.today)

    def weekly_points(self, weeks: int = 26) -> list[tuple[date, float]]:
        """(Monday, points) for the last `weeks` weeks, oldest first."""
        return scoring.weekly(self.points, self.today, weeks)

    def network_health(self) -> list[NetworkHealth]:
        return relating.network_health(self.relationships.values(), self.config)

    def activity(self, weeks: int = 26) -> list[tuple[date, int, int, int]]:
        """(Monday, interactions, gives, asks) for the last `weeks` weeks, oldest first."""
        return relating.activity(self.counted, self.today, weeks)

    @cached_property
    def _problems(self) -> dict[str, list[tuple[str, Problem]]]:
        by_code: dict[str, list[tuple[str, Problem]]] = defaultdict(list)
        for note in self.vault.notes:
            for problem in note.problems:
                by_code[problem.code].append((note.path, problem))
        for path, problem in self.model.problems:
            by_code[problem.code].append((path, problem))
        return by_code

    def problems(self, code: str) -> list[tuple[str, Problem]]:
        """Problems found while reading notes and their fields, for one code."""
        return self._problems.get(code, [])


_FEW = 8
"""Up to this many focused contacts, each one's interactions are picked from the vault's."""


def _aliases(analysis: Analysis, path: str) -> list[str] | None:
    note = analysis.notes.get(path)
    return None if note is None else note_aliases(note)


class Options(Struct, frozen=True):
    """How to load: the vault root, its configuration and the date to evaluate on."""

    root: Path
    config: Config
    today: date


def analyse(options: Options, loader: NoteLoader = load_serial, remember: bool = False) -> Analysis:
    """Load the vault; `remember`: reuse and keep each note's touches in its cache folder."""
    vault = load_vault(options.root, options.config, loader)
    return Analysis(vault, options.config, options.today, remember=remember)
