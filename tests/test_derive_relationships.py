"""Relationship state: cadence, due date, ok / due soon / overdue / lapsed / never (SPEC §3)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import MakeVault

from mdnet.app import open_vault
from mdnet.derive import Derivation, Relationship

TODAY = date(2026, 11, 23)
PATH = "People/Pat.md"

CONFIG = """
cadence = "60d"

[folders]
contacts = "People"

[networks.bloggers]
cadence = "45d"
value = "Guest posts"

[networks.bankers]
cadence = "30d"

[networks.media]
"""


def contact(*fields: str, log: tuple[str, ...] = ()) -> str:
    lines = ["---", "type: contact", *fields, "---", "## Log", *log]
    return "\n".join(lines) + "\n"


def derive(vault: Path, today: date = TODAY) -> Derivation:
    return open_vault(vault, today).derived


def rel_of(
    make_vault: MakeVault,
    *fields: str,
    log: tuple[str, ...] = (),
    extra: dict[str, str] | None = None,
) -> Relationship:
    vault = make_vault({PATH: contact(*fields, log=log), **(extra or {})}, config=CONFIG)
    return derive(vault).relationships[PATH]


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


# ------------------------------------------------------------------ state boundaries


@pytest.mark.parametrize(
    ("days_since", "state", "due_in", "overdue"),
    [
        (0, "ok", 30, 0),  # talked today
        (22, "ok", 8, 0),  # due in 8 days: not yet due soon
        (23, "due soon", 7, 0),  # due in exactly 7 days
        (29, "due soon", 1, 0),
        (30, "due soon", 0, 0),  # due today is due soon, not overdue
        (31, "overdue", -1, 1),  # one day overdue
        (59, "overdue", -29, 29),
        (60, "overdue", -30, 30),  # exactly twice the cadence: overdue, not lapsed
        (61, "lapsed", -31, 31),  # one day more: lapsed
        (400, "lapsed", -370, 370),
    ],
)
def test_state_boundaries(
    make_vault: MakeVault, days_since: int, state: str, due_in: int, overdue: int
) -> None:
    rel = rel_of(make_vault, "network: bankers", log=(f"- {ago(days_since)} Call",))
    assert rel.cadence_days == 30
    assert rel.last is not None and rel.last.date == TODAY - timedelta(days=days_since)
    assert rel.due == TODAY + timedelta(days=due_in)
    assert rel.state == state
    assert rel.days_overdue == overdue


def test_due_soon_window_is_configurable(make_vault: MakeVault) -> None:
    files = {PATH: contact("network: bankers", log=(f"- {ago(25)} Call",))}
    config = "due_soon_days = 3\n" + CONFIG
    assert derive(make_vault(files, config=config)).relationships[PATH].state == "ok"
    files = {PATH: contact("network: bankers", log=(f"- {ago(27)} Call",))}
    vault = make_vault(files, config=config, name="v2")
    assert derive(vault).relationships[PATH].state == "due soon"


def test_latest_interaction_wins_whatever_its_source(make_vault: MakeVault) -> None:
    rel = rel_of(
        make_vault,
        "network: bankers",
        log=("- 2026-09-01 old", "- 2026-11-01 newer"),
        extra={"Daily/2026-11-20.md": "- [[Pat]] was mentioned\n", "Notes.md": "[[Pat]]\n"},
    )
    assert rel.last is not None
    assert (rel.last.date, rel.last.path, rel.last.line) == (
        date(2026, 11, 20),
        "Daily/2026-11-20.md",
        1,
    )
    assert [i.source for i in rel.interactions] == ["log", "log", "daily"]


def test_future_interaction_is_ignored_for_last_contact(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", log=("- 2026-11-01 call", "- 2062-11-01 typo"))
    assert rel.last is not None and rel.last.date == date(2026, 11, 1)
    assert rel.due == date(2026, 12, 1)
    assert len(rel.interactions) == 2


# ------------------------------------------------------------------ met, never


def test_met_only_is_due_met_plus_cadence(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "met: 2026-10-01")
    assert rel.last is not None
    assert (rel.last.date, rel.last.source, rel.last.path, rel.last.line) == (
        date(2026, 10, 1),
        "met",
        PATH,
        4,
    )
    assert rel.due == date(2026, 10, 31)
    assert (rel.state, rel.days_overdue) == ("overdue", 23)
    assert rel.first_met == date(2026, 10, 1)
    assert rel.interactions == ()


def test_met_later_than_last_interaction_is_the_last_touch(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "met: 2026-11-20", log=("- 2026-01-05 email",))
    assert rel.last is not None and (rel.last.date, rel.last.source) == (date(2026, 11, 20), "met")
    assert rel.state == "ok"


def test_met_earlier_than_last_interaction_does_not_win(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "met: 2026-11-01", log=("- 2026-11-01 met",))
    assert rel.last is not None and rel.last.source == "log"


def test_met_in_the_future_is_not_a_touch_point(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "met: 2026-12-01")
    assert (rel.state, rel.last, rel.due) == ("never", None, None)


def test_never_contacted(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers")
    assert rel.state == "never"
    assert (rel.last, rel.due, rel.days_overdue) == (None, None, 0)
    assert rel.first_met is None


def test_never_contacted_but_planned(make_vault: MakeVault) -> None:
    rel = rel_of(
        make_vault, "network: media", extra={"Daily/2026-10-12.md": "- [ ] email [[Pat]]\n"}
    )
    assert rel.state == "never"
    assert [p.text for p in rel.planned] == ["email Pat"]


# ------------------------------------------------------------------ snooze, status


def test_snooze_pushes_due_date(make_vault: MakeVault) -> None:
    # 84 days since last contact would be lapsed; the snooze keeps them quiet.
    rel = rel_of(make_vault, "network: bankers", "snooze: 2026-12-15", log=(f"- {ago(84)} Call",))
    assert rel.due == date(2026, 12, 15)
    assert (rel.state, rel.days_overdue) == ("ok", 0)


def test_snooze_ending_soon_is_due_soon(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "snooze: 2026-11-25", log=(f"- {ago(40)} Call",))
    assert (rel.due, rel.state) == (date(2026, 11, 25), "due soon")


def test_snooze_earlier_than_cadence_does_not_bring_due_forward(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "snooze: 2026-11-24", log=(f"- {ago(2)} Call",))
    assert rel.due == TODAY + timedelta(days=28)
    assert rel.state == "ok"


def test_snooze_in_the_past_counts_from_the_snooze_date(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "snooze: 2026-11-20", log=(f"- {ago(50)} Call",))
    assert rel.due == date(2026, 11, 20)
    assert (rel.state, rel.days_overdue) == ("overdue", 3)


@pytest.mark.parametrize("status", ["paused", "archived"])
def test_paused_and_archived(make_vault: MakeVault, status: str) -> None:
    rel = rel_of(make_vault, "network: bankers", f"status: {status}", log=(f"- {ago(400)} Call",))
    assert rel.state == status
    assert rel.days_overdue == 0
    assert rel.due is None  # only active contacts are ever due
    assert rel.last is not None and rel.last.date == TODAY - timedelta(days=400)


def test_paused_without_any_contact_is_paused_not_never(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, "network: bankers", "status: paused")
    assert rel.state == "paused"


# ------------------------------------------------------------------ cadence precedence


@pytest.mark.parametrize(
    ("fields", "cadence"),
    [
        (("network: bloggers", "cadence: 10d"), 10),  # contact beats network
        (("network: bloggers",), 45),  # network from config
        (("network: media",), 60),  # declared network without cadence: default
        (("network: bloger",), 60),  # undeclared network: default
        ((), 60),  # no network: default
        (("cadence: 8w",), 56),
        (("cadence: 2m",), 60),
        (("cadence: 1y",), 365),
        (("cadence: 45",), 45),
        (("cadence: weekly",), 7),
        (("cadence: biweekly",), 14),
        (("cadence: monthly",), 30),
        (("cadence: quarterly",), 91),
        (("cadence: yearly",), 365),
        (("network: bankers", "cadence: every now and then"), 30),  # unreadable: C007
    ],
)
def test_cadence_precedence(make_vault: MakeVault, fields: tuple[str, ...], cadence: int) -> None:
    assert rel_of(make_vault, *fields).cadence_days == cadence


def test_default_cadence_from_config(make_vault: MakeVault) -> None:
    vault = make_vault({PATH: contact(log=(f"- {ago(21)} Call",))}, config='cadence = "20d"\n')
    rel = derive(vault).relationships[PATH]
    assert rel.cadence_days == 20
    assert (rel.state, rel.days_overdue) == ("overdue", 1)


def test_default_cadence_without_config_is_60_days(make_vault: MakeVault) -> None:
    vault = make_vault({"Pat.md": contact(log=(f"- {ago(61)} Call",))})
    rel = derive(vault).relationships["Pat.md"]
    assert rel.cadence_days == 60
    assert (rel.state, rel.days_overdue) == ("overdue", 1)


# ------------------------------------------------------------------ gives and asks


def test_gives_and_asks(make_vault: MakeVault) -> None:
    log = (
        "- 2026-09-01 Asked for a reference #ask",
        "- 2026-09-10 Sent the survey #share",
        "- 2026-09-20 Introduced her to Sam #intro",
        "- 2026-10-01 Asked for a quote #request",
        "- 2026-10-05 Coffee",
        "- 2062-01-01 Future favour #ask",
    )
    rel = rel_of(make_vault, "network: bankers", log=log)
    assert (rel.gives, rel.asks) == (2, 2)
    assert rel.first_ask is not None and rel.first_ask.date == date(2026, 9, 1)
    assert rel.first_give is not None and rel.first_give.date == date(2026, 9, 10)


def test_give_and_ask_tags_on_one_line_is_a_give(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, log=("- 2026-09-01 Traded favours #ask #give",))
    assert (rel.gives, rel.asks) == (1, 0)


def test_first_met_falls_back_to_first_interaction(make_vault: MakeVault) -> None:
    rel = rel_of(make_vault, log=("- 2026-09-01 first", "- 2026-10-01 second"))
    assert rel.first_met == date(2026, 9, 1)


# ------------------------------------------------------------------ network health, activity


def test_network_health(make_vault: MakeVault) -> None:
    files = {
        "People/A.md": contact("network: bloggers", log=(f"- {ago(1)} ok",)),
        "People/B.md": contact("network: bloggers", log=(f"- {ago(40)} due soon",)),
        "People/C.md": contact("network: bloggers", log=(f"- {ago(50)} overdue",)),
        "People/D.md": contact("network: bloggers", "status: paused"),
        "People/E.md": contact("network: bankers"),
        "People/F.md": contact("network: typo", log=(f"- {ago(1)} ok",)),
    }
    health = {h.name: h for h in derive(make_vault(files, config=CONFIG)).network_health()}
    assert list(health) == ["bloggers", "bankers", "media", "typo"]
    bloggers = health["bloggers"]
    assert (bloggers.contacts, bloggers.within_cadence, bloggers.cadence_days) == (3, 2, 45)
    assert bloggers.value == "Guest posts"
    assert bloggers.share == pytest.approx(2 / 3)
    assert (health["bankers"].contacts, health["bankers"].within_cadence) == (1, 0)
    assert (health["media"].contacts, health["media"].share) == (0, None)
    assert (health["typo"].contacts, health["typo"].cadence_days, health["typo"].value) == (
        1,
        60,
        None,
    )


def test_activity_per_week(make_vault: MakeVault) -> None:
    log = (
        "- 2026-11-23 today #give",  # Monday: this week
        "- 2026-11-22 Sunday #ask",  # last week
        "- 2026-11-16 Monday #give",  # last week
        "- 2026-05-01 too old",
    )
    weeks = derive(make_vault({PATH: contact(log=log)}, config=CONFIG)).activity()
    assert len(weeks) == 26
    assert weeks[-1] == (date(2026, 11, 23), 1, 1, 0)
    assert weeks[-2] == (date(2026, 11, 16), 2, 1, 1)
    assert weeks[0][0] == date(2026, 11, 23) - timedelta(weeks=25)
    assert sum(w[1] for w in weeks) == 3
