"""Public mode (`--public`): what each field of the report data may show when published.

Every field of the records in :mod:`mdnet.report.data` declares its rule with
``field(metadata=public(RULE))``; :func:`redact` applies them, so a field added later
without a rule fails the tests instead of being published by accident. A rule is:

- ``KEEP``: published as it is (a record inside is redacted field by field);
- ``BLANK``: published empty (``None``, or ``()`` for a list), the key kept;
- ``DROP``: left out of the public JSON, empty in the templates;
- ``OMIT``: a row whose field is true is left out entirely (``private: true``);
- a function ``(value, row, redaction) -> value`` (initials, counts without the private
  rows, goal references without the private goals).

``rank`` only orders the keys of the public JSON as mdnet has always printed them: the
fields published as they are first, then the rewritten ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import Field, fields, is_dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from mdnet.report.data import ContactRow, GoalRow, NetworkRow, Report

KEEP: Final = "keep"
BLANK: Final = "blank"
DROP: Final = "drop"
OMIT: Final = "omit"
Rule = str | Callable[[Any, Any, "Redaction"], Any]
T = TypeVar("T")

_WORD = re.compile(r"[^\W_]", re.UNICODE)


def public(rule: Rule, *, rank: int = 0) -> dict[str, Any]:
    """The metadata of a report field: how it is published (see the module docstring)."""
    return {"public": rule, "public_rank": rank}


def rule_of(f: Field[Any]) -> Rule:
    """The field's public rule; a field without one is a bug (it would be published blind)."""
    try:
        rule: Rule = f.metadata["public"]
    except KeyError:
        raise TypeError(f"report field {f.name!r} declares no public rule") from None
    return rule


def public_fields(item: object) -> list[Field[Any]]:
    """The fields of a record as the public JSON carries them: without DROP, by rank."""
    assert is_dataclass(item)
    shown = [f for f in fields(item) if rule_of(f) != DROP]
    return sorted(shown, key=lambda f: int(f.metadata["public_rank"]))


def initials(name: object) -> str:
    """`Dana Whitfield` → `D. W.`: the first letter of the first and last words, else `?`."""
    if not isinstance(name, str):
        return "?"
    letters = [m.group(0).upper() for w in name.split() if (m := _WORD.search(w))]
    if not letters:
        return "?"
    chosen = letters[:1] + letters[-1:] if len(letters) > 1 else letters
    return " ".join(f"{letter}." for letter in chosen)


class Redaction:
    """What the rules need to know about the whole report: its private rows."""

    def __init__(self, report: Report) -> None:
        self.report = report

    @cached_property
    def hidden_contacts(self) -> list[ContactRow]:
        return [c for c in self.report.contacts if c.private]

    @cached_property
    def hidden_goals(self) -> list[GoalRow]:
        return [g for g in self.report.goals if g.private]

    @cached_property
    def _goal_names(self) -> dict[str, str]:
        """Path or name of each published goal -> its name."""
        kept = [g for g in self.report.goals if not g.private]
        names = {g.name: g.name for g in kept}
        names.update((g.path, g.name) for g in kept if g.path)
        return names

    def goal_name(self, ref: str | None) -> str | None:
        """A published goal's name for a path or a name; None for a private goal."""
        return self._goal_names.get(ref) if ref is not None else None

    def network_value(self, name: str | None) -> str | None:
        """What a network offers as mdnet.toml declares it (the networks rows carry it)."""
        return next((n.value for n in self.report.networks if n.name == name), None)

    def hidden_members(self, network: str) -> list[ContactRow]:
        """The private contacts a network row counts (the active ones)."""
        return [
            c
            for c in self.hidden_contacts
            if c.network == network and c.state not in ("paused", "archived")
        ]


# ----------------------------------------------------------------- rules used by the records


def as_initials(value: str, row: object, ctx: Redaction) -> str:
    return initials(value)


def always_true(value: bool, row: object, ctx: Redaction) -> bool:
    return True


def network_offer(value: str | None, row: ContactRow, ctx: Redaction) -> str | None:
    return ctx.network_value(row.network)


def goal_parent(value: str | None, row: GoalRow, ctx: Redaction) -> str | None:
    return ctx.goal_name(value)


def goal_milestones(value: tuple[str, ...], row: GoalRow, ctx: Redaction) -> tuple[str, ...]:
    return tuple(name for name in map(ctx.goal_name, value) if name is not None)


def network_contacts(value: int, row: NetworkRow, ctx: Redaction) -> int:
    return max(value - len(ctx.hidden_members(row.name)), 0)


def network_within(value: int, row: NetworkRow, ctx: Redaction) -> int:
    hidden = ctx.hidden_members(row.name)
    return max(value - sum(1 for c in hidden if c.state in ("ok", "due soon")), 0)


def network_share(value: float | None, row: NetworkRow, ctx: Redaction) -> float | None:
    if not ctx.hidden_members(row.name):
        return value
    members = network_contacts(row.contacts, row, ctx)
    within = network_within(row.within_cadence, row, ctx)
    return round(within / members, 3) if members else None


def fewer(rows: str, state: str | None = None) -> Callable[[int, object, Redaction], int]:
    """A count less the private `rows` ("contacts" or "goals"), or those in `state`."""

    def rule(value: int, row: object, ctx: Redaction) -> int:
        hidden: list[Any] = ctx.hidden_contacts if rows == "contacts" else ctx.hidden_goals
        return max(value - sum(1 for r in hidden if state is None or r.state == state), 0)

    return rule


def fewer_members(within: bool) -> Callable[[int, Any, Redaction], int]:
    """A goal's people less the private contacts among them (those within their cadence
    when `within`)."""

    def rule(value: int, row: Any, ctx: Redaction) -> int:
        members = set(row.members)
        hidden = [
            c
            for c in ctx.hidden_contacts
            if c.path in members and (not within or c.state in ("ok", "due soon"))
        ]
        return max(value - len(hidden), 0)

    return rule


def fewer_present(paths: str) -> Callable[[int, Any, Redaction], int]:
    """An event's count less the private contacts among the row's `paths` field."""

    def rule(value: int, row: Any, ctx: Redaction) -> int:
        listed = set(getattr(row, paths))
        return max(value - sum(1 for c in ctx.hidden_contacts if c.path in listed), 0)

    return rule


def less_private(key: str) -> Callable[[int, object, Redaction], int]:
    """A total less what the private contacts add to it (their gives or asks)."""

    def rule(value: int, row: object, ctx: Redaction) -> int:
        return max(value - sum(int(getattr(c, key)) for c in ctx.hidden_contacts), 0)

    return rule


# ----------------------------------------------------------------------------- the walker


def redact(report: Report) -> Report:
    """The report as it may be published (`--public`); `report` itself is not changed.

    Contacts and goals marked private are left out; the others are named, blanked or kept
    as their fields declare, and the counts no longer count the private rows.
    """
    return _redact(report, Redaction(report))


def _redact(item: T, ctx: Redaction) -> T:
    changes: dict[str, Any] = {}
    for f in fields(item):  # type: ignore[arg-type]
        rule = rule_of(f)
        value = getattr(item, f.name)
        if rule in (KEEP, OMIT):
            new = _published(value, ctx)
        elif rule in (BLANK, DROP):
            new = () if isinstance(value, tuple) else None
        elif callable(rule):
            new = rule(value, item, ctx)
        else:
            raise TypeError(f"report field {f.name!r}: unknown public rule {rule!r}")
        if new is not value:
            changes[f.name] = new
    return replace(item, **changes) if changes else item  # type: ignore[type-var]


def _published(value: Any, ctx: Redaction) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _redact(value, ctx)
    if isinstance(value, tuple):
        return tuple(_redact(v, ctx) if is_dataclass(v) else v for v in value if not _omitted(v))
    return value


def _omitted(row: object) -> bool:
    """A row with a true OMIT field (a private contact or goal) is not published at all."""
    if not is_dataclass(row):
        return False
    return any(rule_of(f) == OMIT and getattr(row, f.name) is True for f in fields(row))
