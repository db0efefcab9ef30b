"""Redact the report data for publishing: no names, no note text, nothing marked private."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

#: Contact fields that survive redaction (everything else, including unknown keys, is dropped).
PUBLIC_CONTACT_FIELDS = (
    "network",
    "cadence_days",
    "last_contact",
    "due",
    "state",
    "days_overdue",
    "gives",
    "asks",
    "first_met",
)
#: Goal fields that survive redaction; `path` becomes None, `parent` and `milestones` name goals.
PUBLIC_GOAL_FIELDS = (
    "name",
    "statement",
    "horizon",
    "progress",
    "target",
    "unit",
    "percent",
    "start",
    "deadline",
    "days_left",
    "expected",
    "state",
    "status",
    "every",
    "streak",
)
PUBLIC_PERIOD_FIELDS = ("start", "end", "count", "met")
PUBLIC_NETWORK_FIELDS = ("name", "value", "cadence_days", "contacts", "within_cadence", "share")
PUBLIC_ACTIVITY_FIELDS = ("week", "interactions", "gives", "asks")
PUBLIC_FINDING_FIELDS = ("code", "name", "severity", "count")
PUBLIC_TOP_FIELDS = ("today", "title", "vault")

_SUMMARY_STATE = {
    "overdue": "overdue",
    "due soon": "due_soon",
    "lapsed": "lapsed",
    "never": "never",
}
_GOAL_SUMMARY_STATE = {
    "on track": "goals_on_track",
    "behind": "goals_behind",
    "achieved": "goals_achieved",
    "missed": "goals_missed",
}
_WORD = re.compile(r"[^\W_]", re.UNICODE)


def initials(name: object) -> str:
    """`Dana Whitfield` → `D. W.`: the first letter of the first and last words, else `?`."""
    if not isinstance(name, str):
        return "?"
    letters = [m.group(0).upper() for w in name.split() if (m := _WORD.search(w))]
    if not letters:
        return "?"
    chosen = letters[:1] + letters[-1:] if len(letters) > 1 else letters
    return " ".join(f"{letter}." for letter in chosen)


def _is_private(item: Mapping[str, Any]) -> bool:
    return item.get("private") is True


def _scalar(value: object) -> object:
    """Only plain JSON scalars survive; anything else becomes None."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return None


def _pick(item: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {key: _scalar(item.get(key)) for key in fields if key in item}


def _items(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return int(value)


def redact(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the report data that is safe to publish (`--public`); `data` is not changed.

    Contacts marked `private: true` are left out; the others keep their dates, state and
    counts but are named by initials only, with no path, no note text (`last_note`,
    `planned`) and, as `offer`, only their network's declared value. Goals marked
    private are left out; the others keep their statement but lose their path. Only
    documented fields are copied, so a field added to the data later is not published
    by accident. Summary, network and balance counts no longer count private contacts.
    """
    source = copy.deepcopy(dict(data))
    result: dict[str, Any] = {key: _scalar(source.get(key)) for key in PUBLIC_TOP_FIELDS}
    result["public"] = True

    networks_in = _items(source.get("networks"))
    network_values = {
        n.get("name"): n.get("value") for n in networks_in if isinstance(n.get("value"), str)
    }

    contacts_in = _items(source.get("contacts"))
    private_contacts = [c for c in contacts_in if _is_private(c)]
    contacts: list[dict[str, Any]] = []
    for contact in contacts_in:
        if _is_private(contact):
            continue
        row = _pick(contact, PUBLIC_CONTACT_FIELDS)
        row.update(
            name=initials(contact.get("name")),
            path=None,
            last_note=None,
            last_source=None,
            planned=[],
            offer=network_values.get(contact.get("network")),
            private=False,
        )
        contacts.append(row)
    result["contacts"] = contacts

    goals_in = _items(source.get("goals"))
    private_goals = [g for g in goals_in if _is_private(g)]
    kept = [g for g in goals_in if not _is_private(g)]
    name_of_path = {
        g.get("path"): g.get("name")
        for g in kept
        if isinstance(g.get("path"), str) and isinstance(g.get("name"), str)
    }
    kept_names = {g.get("name") for g in kept if isinstance(g.get("name"), str)}

    def goal_ref(ref: object) -> str | None:
        if not isinstance(ref, str):
            return None
        if ref in name_of_path:
            return name_of_path[ref]
        return ref if ref in kept_names else None

    goals: list[dict[str, Any]] = []
    for goal in kept:
        row = _pick(goal, PUBLIC_GOAL_FIELDS)
        milestones = goal.get("milestones")
        row.update(
            path=None,
            parent=goal_ref(goal.get("parent")),
            milestones=[
                name
                for name in (
                    goal_ref(m) for m in (milestones if isinstance(milestones, list) else [])
                )
                if name is not None
            ],
            periods=[_pick(p, PUBLIC_PERIOD_FIELDS) for p in _items(goal.get("periods"))],
            private=False,
        )
        goals.append(row)
    result["goals"] = goals

    result["summary"] = _summary(source.get("summary"), private_contacts, private_goals)
    result["networks"] = _networks(networks_in, private_contacts)
    result["activity"] = [_pick(w, PUBLIC_ACTIVITY_FIELDS) for w in _items(source.get("activity"))]
    balance = _mapping(source.get("balance"))
    result["balance"] = {
        key: max(_count(balance.get(key)) - sum(_count(c.get(key)) for c in private_contacts), 0)
        for key in ("gives", "asks")
    }
    findings = _mapping(source.get("findings"))
    by_severity = findings.get("by_severity")
    result["findings"] = {
        "total": _count(findings.get("total")),
        "by_severity": {str(k): _count(v) for k, v in by_severity.items() if isinstance(k, str)}
        if isinstance(by_severity, Mapping)
        else {},
        "by_code": [_pick(f, PUBLIC_FINDING_FIELDS) for f in _items(findings.get("by_code"))],
    }
    return result


def _summary(
    summary: object,
    private_contacts: list[Mapping[str, Any]],
    private_goals: list[Mapping[str, Any]],
) -> dict[str, int]:
    counts = {
        str(k): _count(v)
        for k, v in (summary.items() if isinstance(summary, Mapping) else ())
        if isinstance(k, str)
    }

    def lower(key: str, by: int = 1) -> None:
        if key in counts:
            counts[key] = max(counts[key] - by, 0)

    lower("contacts", len(private_contacts))
    lower("goals", len(private_goals))
    for contact in private_contacts:
        lower(_SUMMARY_STATE.get(str(contact.get("state")), ""))
    for goal in private_goals:
        lower(_GOAL_SUMMARY_STATE.get(str(goal.get("state")), ""))
    return counts


def _networks(
    networks: list[Mapping[str, Any]], private_contacts: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    for network in networks:
        row = _pick(network, PUBLIC_NETWORK_FIELDS)
        hidden = [
            c
            for c in private_contacts
            if c.get("network") == network.get("name")
            and c.get("state") not in ("paused", "archived")
        ]
        if hidden:
            members = max(_count(row.get("contacts")) - len(hidden), 0)
            within = max(
                _count(row.get("within_cadence"))
                - sum(1 for c in hidden if c.get("state") in ("ok", "due soon")),
                0,
            )
            row.update(
                contacts=members,
                within_cadence=within,
                share=round(within / members, 3) if members else None,
            )
        out.append(row)
    return out
