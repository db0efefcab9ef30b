"""Realistic report data for the report tests: written as the JSON of `report --format json`
(easy to read and to change in a test), then made into the typed records with `typed`."""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date, timedelta
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints, overload

from mdnet.report.data import Report

T = TypeVar("T")

TODAY = date(2026, 11, 23)

BLOGGERS_VALUE = "Guest posts and cross-promotion"
PODCAST_VALUE = "Show notes and a newsletter mention"
CLIENT_VALUE = "Early access to new features"
INVESTOR_VALUE = "A short monthly progress update"

NETWORKS: dict[str, tuple[int, str | None]] = {
    "bloggers": (45, BLOGGERS_VALUE),
    "podcasters": (60, PODCAST_VALUE),
    "clients": (30, CLIENT_VALUE),
    "former colleagues": (90, None),
    "investors": (30, INVESTOR_VALUE),
}


def _contact(
    name: str,
    network: str | None,
    last: str | None,
    note: str | None,
    *,
    state: str | None = None,
    gives: int = 0,
    asks: int = 0,
    met: str | None = None,
    planned: list[str] | None = None,
    private: bool = False,
) -> dict[str, Any]:
    cadence, value = NETWORKS.get(network or "", (60, None))
    due: date | None = None
    if last is not None:
        due = date.fromisoformat(last) + timedelta(days=cadence)
    overdue = max((TODAY - due).days, 0) if due else 0
    if state is None:
        if last is None:
            state = "never"
        elif (TODAY - date.fromisoformat(last)).days > 2 * cadence:
            state = "lapsed"
        elif overdue > 0:
            state = "overdue"
        elif due is not None and (due - TODAY).days <= 7:
            state = "due soon"
        else:
            state = "ok"
    return {
        "name": name,
        "path": f"People/{name}.md",
        "network": network,
        "cadence_days": cadence,
        "last_contact": last,
        "last_note": note,
        "last_source": f"People/{name}.md" if last else None,
        "due": due.isoformat() if due else None,
        "state": state,
        "days_overdue": overdue if state in ("overdue", "lapsed") else 0,
        "gives": gives,
        "asks": asks,
        "first_met": met,
        "planned": planned or [],
        "offer": value,
        "private": private,
        "status": "paused" if state == "paused" else "active",
    }


def _expected(start: str, deadline: str, target: int) -> float:
    first, last = date.fromisoformat(start), date.fromisoformat(deadline)
    elapsed = min(max((TODAY - first).days, 0), (last - first).days)
    return round(target * elapsed / (last - first).days, 1)


def _goal(
    name: str,
    *,
    statement: str | None = None,
    horizon: str = "long",
    parent: str | None = None,
    progress: int,
    target: int,
    unit: str,
    start: str,
    deadline: str,
    milestones: list[str] | None = None,
    private: bool = False,
) -> dict[str, Any]:
    expected = _expected(start, deadline, target)
    days_left = (date.fromisoformat(deadline) - TODAY).days
    if progress >= target:
        state = "achieved"
    elif days_left < 0:
        state = "missed"
    elif progress >= expected:
        state = "on track"
    else:
        state = "behind"
    return {
        "name": name,
        "path": f"Goals/{name}.md",
        "statement": statement or name,
        "horizon": horizon,
        "parent": f"Goals/{parent}.md" if parent else None,
        "progress": progress,
        "progress_source": "log",
        "target": target,
        "unit": unit,
        "percent": round(progress / target * 100, 1),
        "start": start,
        "deadline": deadline,
        "days_left": days_left,
        "expected": expected,
        "state": state,
        "status": "active",
        "every": None,
        "periods": [],
        "streak": None,
        "milestones": [f"Goals/{m}.md" for m in milestones or []],
        "private": private,
    }


def _recurring(
    name: str, every: str, target: int, periods: list[tuple[str, str, int]], state: str
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = [
        {"start": start, "end": end, "count": count, "met": count >= target}
        for start, end, count in periods
    ]
    streak = 0
    for index, row in enumerate(reversed(rows)):
        if row["met"]:
            streak += 1
        elif index:  # the current period may still be open
            break
    return {
        "name": name,
        "path": f"Goals/{name}.md",
        "statement": name,
        "horizon": "short",
        "parent": None,
        "progress": rows[-1]["count"],
        "progress_source": "measure",
        "target": target,
        "unit": None,
        "percent": min(rows[-1]["count"] / target * 100, 100.0),
        "start": rows[0]["start"],
        "deadline": None,
        "days_left": None,
        "expected": None,
        "state": state,
        "status": "active",
        "every": every,
        "periods": rows,
        "streak": streak,
        "milestones": [],
        "private": False,
    }


def _weeks(start: date, count: int) -> list[tuple[str, str]]:
    return [
        (
            (start + timedelta(weeks=i)).isoformat(),
            (start + timedelta(weeks=i, days=6)).isoformat(),
        )
        for i in range(count)
    ]


def report_data() -> dict[str, Any]:
    """REPORT DATA for a blogger's vault on 2026-11-23, consistent with its own summary."""
    contacts = [
        _contact(
            "Marcus Lee",
            "podcasters",
            "2026-08-11",
            "Recorded episode 41 of his show together",
            gives=1,
            asks=1,
            met="2025-09-20",
        ),
        _contact(
            "Priya Raman",
            "bloggers",
            "2026-09-01",
            "Swapped feedback on her SEO checklist",
            gives=2,
            asks=1,
            met="2026-02-11",
            planned=["Send her the interview draft"],
        ),
        _contact(
            "Tom Becker",
            "former colleagues",
            "2026-08-01",
            "Lunch near the old office",
            gives=0,
            asks=0,
            met="2019-04-01",
        ),
        _contact(
            "Elena Sokolova",
            "clients",
            "2026-10-05",
            "Quarterly review; she asked about the Q1 roadmap",
            gives=1,
            asks=0,
            met="2025-11-02",
            planned=["Share the Q1 roadmap draft", "Invite her to the beta"],
        ),
        _contact(
            "Dana Whitfield",
            "bloggers",
            "2026-10-12",
            "Coffee; introduced her to Sam Ortiz",
            gives=3,
            asks=1,
            met="2026-03-14",
            planned=["Call about the podcast"],
        ),
        _contact(
            "Sam Ortiz",
            "podcasters",
            "2026-09-29",
            "Guest on his show; sent a thank-you note",
            gives=1,
            asks=1,
            met="2026-05-03",
        ),
        _contact(
            "Hannah Brooks",
            "bloggers",
            "2026-06-30",
            "Met at BlogCon; promised to send my media kit",
            gives=0,
            asks=1,
            met="2026-06-30",
        ),
        _contact(
            "Oliver Grant",
            "investors",
            "2026-07-10",
            "Pitch feedback call",
            gives=0,
            asks=2,
            met="2026-01-15",
        ),
        _contact("Aisha Karim", "bloggers", None, None, met=None),
        _contact(
            "Noah Fischer", "clients", "2026-11-10", "Renewal signed", gives=1, met="2024-06-01"
        ),
        _contact(
            "Lucía Fernández",
            "podcasters",
            "2026-11-05",
            "Shared her episode in my newsletter",
            gives=2,
            met="2026-04-22",
        ),
        _contact(
            "Ben Carter",
            "former colleagues",
            "2026-10-20",
            "Birthday message",
            gives=1,
            met="2018-09-01",
        ),
        _contact(
            "Grace Liu",
            "bloggers",
            "2026-11-18",
            "Co-wrote a post on newsletter growth",
            gives=2,
            asks=1,
            met="2026-07-09",
        ),
        _contact(
            "Ravi Patel",
            "investors",
            "2026-11-16",
            "Sent the October update",
            gives=1,
            met="2026-01-15",
        ),
        _contact(
            "Julia Novak",
            "clients",
            "2026-05-02",
            "Paused while she is on leave",
            state="paused",
            met="2025-03-03",
        ),
    ]
    contacts.sort(
        key=lambda c: (
            {"overdue": 0, "due soon": 1, "lapsed": 2, "never": 3, "ok": 4}.get(c["state"], 5),
            -c["days_overdue"],
            c["due"] or "9999",
        )
    )
    goals = [
        _goal(
            "Publish 30 guest posts",
            statement="Meet 10 bloggers from my niche and publish 30 guest posts on their blogs",
            progress=22,
            target=30,
            unit="guest posts",
            start="2026-01-01",
            deadline="2026-12-31",
            milestones=["Publish 3 guest posts in November", "Pitch 4 blogs before Christmas"],
        ),
        _goal(
            "Publish 3 guest posts in November",
            horizon="short",
            parent="Publish 30 guest posts",
            progress=3,
            target=3,
            unit="guest posts",
            start="2026-11-01",
            deadline="2026-11-30",
        ),
        _goal(
            "Pitch 4 blogs before Christmas",
            horizon="short",
            parent="Publish 30 guest posts",
            progress=1,
            target=4,
            unit="pitches",
            start="2026-11-15",
            deadline="2026-12-20",
        ),
        _goal(
            "Meet 10 bloggers from my niche",
            statement="Meet 10 bloggers from my niche in person or on a call",
            progress=9,
            target=10,
            unit="bloggers",
            start="2026-01-01",
            deadline="2026-12-31",
            milestones=["Meet 2 bloggers at BlogCon Berlin"],
        ),
        _goal(
            "Meet 2 bloggers at BlogCon Berlin",
            horizon="short",
            parent="Meet 10 bloggers from my niche",
            progress=0,
            target=2,
            unit="bloggers",
            start="2026-11-01",
            deadline="2026-11-30",
        ),
        _goal(
            "Land 3 consulting clients through referrals",
            progress=1,
            target=3,
            unit="clients",
            start="2026-06-01",
            deadline="2027-05-31",
        ),
        _recurring(
            "Follow up with one new connection each week",
            "week",
            1,
            [
                (s, e, c)
                for (s, e), c in zip(
                    _weeks(date(2026, 9, 28), 9), [1, 1, 0, 1, 2, 1, 1, 1, 1], strict=True
                )
            ],
            "on track",
        ),
        _recurring(
            "Send a monthly update to investors",
            "month",
            1,
            [
                ("2026-06-01", "2026-06-30", 1),
                ("2026-07-01", "2026-07-31", 1),
                ("2026-08-01", "2026-08-31", 1),
                ("2026-09-01", "2026-09-30", 1),
                ("2026-10-01", "2026-10-31", 1),
                ("2026-11-01", "2026-11-30", 0),
            ],
            "on track",
        ),
        _recurring(
            "Attend two conferences a year",
            "year",
            2,
            [("2025-01-01", "2025-12-31", 2), ("2026-01-01", "2026-12-31", 1)],
            "behind",
        ),
    ]
    networks = []
    for name, (cadence, value) in NETWORKS.items():
        members = [c for c in contacts if c["network"] == name and c["state"] != "paused"]
        within = sum(1 for c in members if c["state"] in ("ok", "due soon"))
        networks.append(
            {
                "name": name,
                "value": value,
                "cadence_days": cadence,
                "contacts": len(members),
                "within_cadence": within,
                "share": round(within / len(members), 3) if members else None,
            }
        )
    counts = [3, 2, 4, 1, 0, 3, 5, 2, 3, 4, 2, 6, 3, 1, 2, 4, 7, 3, 2, 5, 3, 4, 2, 5, 3, 2]
    give_counts = [1, 0, 1, 0, 0, 1, 2, 0, 1, 1, 0, 2, 1, 0, 1, 1, 2, 1, 0, 2, 1, 1, 1, 2, 1, 1]
    ask_counts = [0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]
    first_week = TODAY - timedelta(weeks=25)
    activity = [
        {
            "week": (first_week + timedelta(weeks=i)).isoformat(),
            "interactions": counts[i],
            "gives": give_counts[i],
            "asks": ask_counts[i],
        }
        for i in range(26)
    ]
    by_code: list[dict[str, Any]] = [
        {"code": "F004", "name": "bad-date", "severity": "error", "count": 1},
        {"code": "G002", "name": "goal-not-exact", "severity": "error", "count": 1},
        {"code": "C001", "name": "contact-overdue", "severity": "warning", "count": 4},
        {"code": "C004", "name": "contact-assumption", "severity": "warning", "count": 2},
        {"code": "C005", "name": "contact-never-contacted", "severity": "warning", "count": 1},
        {"code": "L001", "name": "broken-link", "severity": "warning", "count": 2},
        {"code": "G010", "name": "goal-behind-pace", "severity": "info", "count": 2},
    ]
    by_severity: dict[str, int] = {}
    for row in by_code:
        by_severity[row["severity"]] = by_severity.get(row["severity"], 0) + row["count"]

    def count(items: list[dict[str, Any]], state: str) -> int:
        return sum(1 for item in items if item["state"] == state)

    return {
        "today": TODAY.isoformat(),
        "title": "My network",
        "public": False,
        "vault": "sample-vault",
        "summary": {
            "contacts": len(contacts),
            "overdue": count(contacts, "overdue"),
            "due_soon": count(contacts, "due soon"),
            "lapsed": count(contacts, "lapsed"),
            "never": count(contacts, "never"),
            "goals": len(goals),
            "goals_on_track": count(goals, "on track"),
            "goals_behind": count(goals, "behind"),
            "goals_achieved": count(goals, "achieved"),
            "goals_missed": count(goals, "missed"),
        },
        "contacts": contacts,
        "goals": goals,
        "occasions": [
            {
                "name": contacts[0]["name"],
                "path": contacts[0]["path"],
                "kind": "birthday",
                "date": TODAY.isoformat(),
                "days": 0,
                "years": 41,
            },
            {
                "name": contacts[1]["name"],
                "path": contacts[1]["path"],
                "kind": "anniversary",
                "date": (TODAY + timedelta(days=9)).isoformat(),
                "days": 9,
                "years": None,
            },
        ],
        "networks": networks,
        "activity": activity,
        "balance": {"gives": sum(give_counts), "asks": sum(ask_counts)},
        "findings": {
            "total": sum(by_severity.values()),
            "by_severity": by_severity,
            "by_code": by_code,
        },
        "strategy": [
            {
                "name": "Publish 30 guest posts",
                "path": "Goals/Publish 30 guest posts.md",
                "who": "bloggers",
                "inherited": False,
                "people": 3,
                "in_cadence": 2,
                "members": ["People/Dana Whitfield.md"],
                "events": [EVENTS[0]],
                "private": False,
            },
            {
                "name": "Land 3 consulting clients through referrals",
                "path": "Goals/Land 3 consulting clients through referrals.md",
                "who": None,
                "inherited": False,
                "people": 0,
                "in_cadence": 0,
                "members": [],
                "events": [],
                "private": False,
            },
        ],
        "events": EVENTS,
        "points": [
            {"week": week["week"], "points": 2 * week["interactions"] + week["gives"]}
            for week in activity
        ],
        "points_target": 8,
    }


EVENTS: list[dict[str, Any]] = [
    {
        "name": "BlogCon Berlin",
        "path": "Events/BlogCon Berlin.md",
        "date": "2026-11-12",
        "goal": "Goals/Publish 30 guest posts.md",
        "attendees": ["Dana Whitfield", "Sam Ortiz"],
        "attendee_count": 2,
        "new_contacts": ["Sam Ortiz"],
        "new_count": 1,
        "followed_up": 1,
        "gives": 3,
        "attendee_paths": ["People/Dana Whitfield.md", "People/Sam Ortiz.md"],
        "new_paths": ["People/Sam Ortiz.md"],
        "private": False,
    },
    {
        "name": "Dinner with the Acme founders",
        "path": "Events/Dinner with the Acme founders.md",
        "date": "2026-10-02",
        "goal": None,
        "attendees": ["Elena Sokolova"],
        "attendee_count": 1,
        "new_contacts": [],
        "new_count": 0,
        "followed_up": 0,
        "gives": 0,
        "attendee_paths": ["People/Elena Sokolova.md"],
        "new_paths": [],
        "private": False,
    },
]


SECTION_IDS = (
    "summary",
    "reach-out",
    "reconnect",
    "goals",
    "strategy",
    "recurring",
    "networks",
    "activity",
    "balance",
    "findings",
)
"""The id of every section of the HTML report, in order."""


@overload
def typed(data: Mapping[str, Any]) -> Report: ...
@overload
def typed(data: Mapping[str, Any], cls: type[T]) -> T: ...


def typed(data: Mapping[str, Any], cls: type[Any] = Report) -> Any:
    """The record `cls` from its JSON form (ISO dates as strings); every key must be a field."""
    assert is_dataclass(cls)
    names = [f.name for f in fields(cls)]
    unknown = set(data) - set(names)
    assert not unknown, f"{cls.__name__} has no field {sorted(unknown)}"
    hints = get_type_hints(cls)
    return cls(**{name: _value(hints[name], data[name]) for name in names})


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _value(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        return tuple(_value(get_args(hint)[0], v) for v in value)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and is_dataclass(hint):
        return typed(value, hint)
    if origin is not None and issubclass(origin, Mapping):
        return dict(value)
    return value


def report() -> Report:
    """The typed report of `report_data()`."""
    return typed(report_data())


def empty_report() -> Report:
    """A report of a vault with nothing in it yet."""
    zero = {key: 0 for key in ("contacts", "overdue", "due_soon", "lapsed", "never", "goals")}
    goals = {f"goals_{s}": 0 for s in ("on track", "behind", "achieved", "missed")}
    return typed(
        {
            "today": TODAY.isoformat(),
            "title": "My network",
            "public": False,
            "vault": "empty",
            "summary": {**zero, **{k.replace(" ", "_"): v for k, v in goals.items()}},
            "contacts": [],
            "goals": [],
            "occasions": [],
            "networks": [],
            "activity": [],
            "balance": {"gives": 0, "asks": 0},
            "findings": {"total": 0, "by_severity": {}, "by_code": []},
            "strategy": [],
            "events": [],
            "points": [],
            "points_target": None,
        }
    )
