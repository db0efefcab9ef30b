"""Interactions: every source of a dated touch-point with a contact (SPEC §2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import MakeVault

from mdnet.app import open_vault
from mdnet.derive import Derivation, Interaction

TODAY = date(2026, 11, 23)
DANA = "People/Dana Whitfield.md"
SAM = "People/Sam Ortiz.md"

CONFIG = """
[folders]
contacts = "People"

[networks.bloggers]
cadence = "45d"

[networks.media]
cadence = "90d"
"""

DANA_NOTE = """
---
type: contact
name: Dana Whitfield
aliases: [Dana]
network: bloggers
---
## Log
"""

SAM_NOTE = """
---
network: media
---
Hosts a podcast.
"""


def derive(vault: Path, today: date = TODAY) -> Derivation:
    return open_vault(vault, today).derived


def of(derived: Derivation, path: str) -> list[Interaction]:
    return list(derived.by_contact.get(path, ()))


def vault_with(make_vault: MakeVault, files: dict[str, str], config: str = CONFIG) -> Path:
    return make_vault({DANA: DANA_NOTE, SAM: SAM_NOTE, **files}, config=config)


# ------------------------------------------------------------------ contact log lines


def test_log_line_with_bare_date(make_vault: MakeVault) -> None:
    note = DANA_NOTE + "- 2026-11-02 Coffee at Bean There #give\n"
    vault = vault_with(make_vault, {DANA: note})
    [i] = of(derive(vault), DANA)
    assert i.date == date(2026, 11, 2)
    assert (i.path, i.line) == (DANA, 8)
    assert i.text == "Coffee at Bean There #give"
    assert i.source == "log"
    assert i.kind == "give"
    assert i.tags == ("give",)
    assert i.contacts == (DANA,)


def test_log_line_with_linked_date(make_vault: MakeVault) -> None:
    note = DANA_NOTE + "- [[2026-10-01]] Asked for feedback on my pitch #ask\n"
    vault = vault_with(make_vault, {DANA: note})
    [i] = of(derive(vault), DANA)
    assert i.date == date(2026, 10, 1)
    assert i.line == 8
    assert i.text == "Asked for feedback on my pitch #ask"
    assert i.kind == "ask"
    assert i.source == "log"


def test_every_dated_item_in_own_note_counts_undated_do_not(make_vault: MakeVault) -> None:
    note = DANA_NOTE + (
        "- 2026-09-01 Call\n"
        "- Likes long walks\n"
        "- 2026-09-15: emailed the deck\n"
        "\n"
        "2026-09-20 a paragraph starting with a date is not a list item\n"
    )
    vault = vault_with(make_vault, {DANA: note})
    found = of(derive(vault), DANA)
    assert [(i.date, i.line, i.text) for i in found] == [
        (date(2026, 9, 1), 8, "Call"),
        (date(2026, 9, 15), 10, "emailed the deck"),
    ]


def test_line_in_danas_log_introducing_sam_counts_for_sam(make_vault: MakeVault) -> None:
    note = DANA_NOTE + "- 2026-11-02 Coffee; introduced her to [[Sam Ortiz]] #give\n"
    vault = vault_with(make_vault, {DANA: note})
    derived = derive(vault)
    [for_dana] = of(derived, DANA)
    [for_sam] = of(derived, SAM)
    assert for_sam is for_dana
    assert for_sam.contacts == (DANA, SAM)
    assert (for_sam.path, for_sam.line) == (DANA, 8)
    assert for_sam.text == "Coffee; introduced her to Sam Ortiz #give"
    rel = derived.relationships[SAM]
    assert rel.last is not None
    assert rel.last.date == date(2026, 11, 2)
    assert rel.last.path == DANA


# ------------------------------------------------------------------ list items elsewhere


def test_dated_item_in_plain_note_counts_for_each_linked_contact(make_vault: MakeVault) -> None:
    notes = """
    # Meetings
    - 2026-11-10 Lunch with [[Dana Whitfield]] and [[Sam Ortiz]] #intro
    - 2026-11-11 Lunch with nobody in particular
    - Undated: call [[Dana]] some time
    Paragraph about [[Dana]] in a plain note.
    """
    vault = vault_with(make_vault, {"Meetings.md": notes})
    derived = derive(vault)
    [dana] = of(derived, DANA)
    [sam] = of(derived, SAM)
    assert dana is sam
    assert (dana.date, dana.path, dana.line, dana.source) == (
        date(2026, 11, 10),
        "Meetings.md",
        2,
        "item",
    )
    assert dana.contacts == (DANA, SAM)
    assert dana.kind == "give"
    assert dana.text == "Lunch with Dana Whitfield and Sam Ortiz #intro"


def test_contact_linked_twice_on_a_line_counts_once(make_vault: MakeVault) -> None:
    notes = "- 2026-11-10 [[Dana]] and [[Dana Whitfield]] again\n"
    vault = vault_with(make_vault, {"Meetings.md": notes})
    [i] = of(derive(vault), DANA)
    assert i.contacts == (DANA,)


# ------------------------------------------------------------------ daily notes


def test_daily_note_list_item_and_paragraph(make_vault: MakeVault) -> None:
    daily = """
    # Monday 2 November 2026

    Coffee with [[Dana]] at Bean There; she and Sam should meet.

    - Sent [[Sam Ortiz]] the episode outline #share
    - Drafted the overdraft post
    """
    vault = vault_with(make_vault, {"Daily/2026-11-02.md": daily})
    derived = derive(vault)
    [dana] = of(derived, DANA)
    assert (dana.date, dana.path, dana.line, dana.source) == (
        date(2026, 11, 2),
        "Daily/2026-11-02.md",
        3,
        "daily",
    )
    assert dana.text == "Coffee with Dana at Bean There; she and Sam should meet."
    assert dana.kind is None
    [sam] = of(derived, SAM)
    assert (sam.date, sam.line, sam.source, sam.kind) == (date(2026, 11, 2), 5, "daily", "give")
    assert sam.text == "Sent Sam Ortiz the episode outline #share"


def test_daily_note_dated_item_uses_its_own_date(make_vault: MakeVault) -> None:
    daily = "- 2026-10-30 Called [[Dana]] last Friday\n"
    vault = vault_with(make_vault, {"Daily/2026-11-02.md": daily})
    [i] = of(derive(vault), DANA)
    assert i.date == date(2026, 10, 30)
    assert i.source == "item"


def test_daily_note_open_task_is_a_plan_not_an_interaction(make_vault: MakeVault) -> None:
    daily = """
    - [ ] call [[Dana Whitfield|Dana]] about the webinar
    - [ ] book the room
    """
    vault = vault_with(make_vault, {"Daily/2026-11-20.md": daily})
    derived = derive(vault)
    assert of(derived, DANA) == []
    rel = derived.relationships[DANA]
    assert rel.last is None
    [plan] = rel.planned
    assert (plan.path, plan.line, plan.text) == (
        "Daily/2026-11-20.md",
        1,
        "call Dana about the webinar",
    )


def test_open_task_in_contact_note_is_planned_for_that_contact(make_vault: MakeVault) -> None:
    note = DANA_NOTE + "- [ ] 2026-12-01 send her the December calendar\n"
    vault = vault_with(make_vault, {DANA: note})
    derived = derive(vault)
    assert of(derived, DANA) == []
    assert [p.text for p in derived.relationships[DANA].planned] == [
        "send her the December calendar"
    ]


def test_cancelled_task_is_neither_plan_nor_interaction(make_vault: MakeVault) -> None:
    daily = "- [-] call [[Dana]] ✅ 2026-11-20\n"
    vault = vault_with(make_vault, {"Daily/2026-11-20.md": daily})
    derived = derive(vault)
    assert of(derived, DANA) == []
    assert derived.relationships[DANA].planned == ()


def test_links_in_code_and_comments_are_not_interactions(make_vault: MakeVault) -> None:
    daily = """
    Example: `[[Dana]]` in a code span.
    %% coffee with [[Dana]] %%
    <!-- [[Sam Ortiz]] -->

    ```
    - [[Dana]] in a code block
    ```
    """
    vault = vault_with(make_vault, {"Daily/2026-11-20.md": daily})
    derived = derive(vault)
    assert of(derived, DANA) == []
    assert of(derived, SAM) == []


def test_paragraph_in_a_plain_note_is_not_an_interaction(make_vault: MakeVault) -> None:
    vault = vault_with(make_vault, {"Ideas.md": "Ask [[Dana]] about guest posts.\n"})
    assert of(derive(vault), DANA) == []


# ------------------------------------------------------------------ completed tasks


def test_completed_task_counts_on_its_done_date(make_vault: MakeVault) -> None:
    daily = """
    - [x] Sent the deck to [[Dana Whitfield]] ✅ 2026-11-10 #help
    - [x] Printed business cards ✅ 2026-11-09
    """
    vault = vault_with(make_vault, {"Daily/2026-11-09.md": daily})
    [i] = of(derive(vault), DANA)
    assert (i.date, i.path, i.line, i.source) == (
        date(2026, 11, 10),
        "Daily/2026-11-09.md",
        1,
        "task",
    )
    assert i.kind == "give"
    assert i.text.startswith("Sent the deck to Dana Whitfield")


def test_completed_task_anywhere_with_done_date(make_vault: MakeVault) -> None:
    project = "# Project\n\n- [X] Review [[Sam Ortiz]]'s outline ✅ 2026-11-12\n"
    vault = vault_with(make_vault, {"Projects/Podcast.md": project})
    [i] = of(derive(vault), SAM)
    assert (i.date, i.path, i.line, i.source) == (
        date(2026, 11, 12),
        "Projects/Podcast.md",
        3,
        "task",
    )


def test_completed_task_in_contact_note_counts_for_that_contact(make_vault: MakeVault) -> None:
    note = DANA_NOTE + "- [x] Sent her the survey ✅ 2026-11-03\n"
    vault = vault_with(make_vault, {DANA: note})
    [i] = of(derive(vault), DANA)
    assert (i.date, i.source) == (date(2026, 11, 3), "task")


def test_completed_task_without_date_in_daily_note_uses_note_date(make_vault: MakeVault) -> None:
    # A done task is a list item, not an open one: SPEC §2 daily-note rule.
    daily = "- [x] called [[Sam Ortiz]]\n"
    vault = vault_with(make_vault, {"Daily/2026-11-10.md": daily})
    [i] = of(derive(vault), SAM)
    assert (i.date, i.line, i.source) == (date(2026, 11, 10), 1, "task")


def test_completed_task_without_date_outside_daily_notes_is_undated(
    make_vault: MakeVault,
) -> None:
    vault = vault_with(make_vault, {"Todo.md": "- [x] called [[Sam Ortiz]]\n"})
    assert of(derive(vault), SAM) == []


# ------------------------------------------------------------------ events


def test_event_attendees_on_the_event_date(make_vault: MakeVault) -> None:
    event = """
    ---
    type: event
    date: 2026-10-14
    goal: "[[Publish 30 guest posts]]"
    attendees: ["[[Dana]]", "[[Sam Ortiz]]", "[[Nobody Known]]"]
    ---
    # FinCon dinner
    """
    vault = vault_with(make_vault, {"Events/FinCon dinner.md": event})
    derived = derive(vault)
    [dana] = of(derived, DANA)
    [sam] = of(derived, SAM)
    assert dana is sam
    assert (dana.date, dana.path, dana.line, dana.source) == (
        date(2026, 10, 14),
        "Events/FinCon dinner.md",
        5,
        "event",
    )
    assert set(dana.contacts) == {DANA, SAM}
    assert dana.text == "Attended FinCon dinner"
    assert dana.kind is None


def test_event_attendees_as_block_list(make_vault: MakeVault) -> None:
    event = """
    ---
    type: event
    date: 2026-11-18
    attendees:
      - "[[Sam Ortiz]]"
    ---
    """
    vault = vault_with(make_vault, {"Events/Forum.md": event})
    [i] = of(derive(vault), SAM)
    assert (i.date, i.source) == (date(2026, 11, 18), "event")


def test_event_without_date_counts_for_nobody(make_vault: MakeVault) -> None:
    event = '---\ntype: event\nattendees: ["[[Sam Ortiz]]"]\n---\n'
    vault = vault_with(make_vault, {"Events/Undated.md": event})
    assert of(derive(vault), SAM) == []


# ------------------------------------------------------------------ front matter


def test_last_contact_front_matter(make_vault: MakeVault) -> None:
    note = """
    ---
    type: contact
    network: media
    last_contact: 2026-08-12
    ---
    """
    vault = vault_with(make_vault, {SAM: note})
    [i] = of(derive(vault), SAM)
    assert (i.date, i.path, i.line, i.source) == (date(2026, 8, 12), SAM, 4, "front matter")


# ------------------------------------------------------------------ links and aliases


def test_alias_and_link_forms_all_resolve_to_the_contact(make_vault: MakeVault) -> None:
    daily = """
    - by alias [[Dana]]
    - shown text [[Dana Whitfield|Dana]]
    - lower case [[dana whitfield]]
    - heading [[Dana Whitfield#Log]]
    - path [[People/Dana Whitfield]]
    - markdown [Dana](People/Dana%20Whitfield.md)
    - embed ![[Dana Whitfield]]
    """
    vault = vault_with(make_vault, {"Daily/2026-11-16.md": daily})
    found = of(derive(vault), DANA)
    assert [i.line for i in found] == [1, 2, 3, 4, 5, 6, 7]
    assert {i.date for i in found} == {date(2026, 11, 16)}
    assert found[1].text == "shown text Dana"


def test_link_to_a_non_contact_is_not_an_interaction(make_vault: MakeVault) -> None:
    daily = "- Outlined posts for [[Publish 30 guest posts]]\n"
    files = {"Daily/2026-11-16.md": daily, "Goals/Publish 30 guest posts.md": "# Goal\n"}
    derived = derive(vault_with(make_vault, files))
    assert derived.interactions == ()


def test_only_lines_linking_a_contact_touch_anyone_outside_contact_notes(
    make_vault: MakeVault,
) -> None:
    # collect skips the items of a note that are on no line linking a contact; in a contact
    # note every dated item counts, for the note's own contact first, once.
    notes = """
    - 2026-11-10 Outlined [[Publish 30 guest posts]]
    - [x] 2026-11-11 Drafted the outline
    - [x] 2026-11-12 Sent it to [[Publish 30 guest posts]] and [[Sam Ortiz]] #give
    - 2026-11-13 Nothing linked
    - [ ] Ask [[Dana]] and [[Publish 30 guest posts]] ⏳ 2026-12-01
    """
    dana = DANA_NOTE + (
        "- 2026-11-14 Met [[Sam Ortiz]], [[Dana Whitfield]] and [[Sam Ortiz|Sam]]\n"
        "- 2026-11-15 Call\n"
        "- 2026-11-16 Read [[Publish 30 guest posts]]\n"
    )
    files = {
        "Meetings.md": notes,
        DANA: dana,
        "Goals/Publish 30 guest posts.md": "# Goal\n",
    }
    derived = derive(vault_with(make_vault, files))
    assert [(i.path, i.line, i.contacts, i.source, i.kind) for i in derived.interactions] == [
        ("Meetings.md", 3, (SAM,), "task", "give"),
        (DANA, 8, (DANA, SAM), "log", None),
        (DANA, 9, (DANA,), "log", None),
        (DANA, 10, (DANA,), "log", None),
    ]
    [plan] = derived.relationships[DANA].planned
    assert (plan.path, plan.line, plan.when) == ("Meetings.md", 5, date(2026, 12, 1))


# ------------------------------------------------------------------ kinds from tags


def test_default_give_and_ask_tags(make_vault: MakeVault) -> None:
    note = DANA_NOTE + (
        "- 2026-01-01 a #give\n"
        "- 2026-01-02 b #intro\n"
        "- 2026-01-03 c #help\n"
        "- 2026-01-04 d #share\n"
        "- 2026-01-05 e #ask\n"
        "- 2026-01-06 f #request\n"
        "- 2026-01-07 g #followup\n"
        "- 2026-01-08 h #Give\n"
    )
    vault = vault_with(make_vault, {DANA: note})
    kinds = [i.kind for i in of(derive(vault), DANA)]
    assert kinds == ["give", "give", "give", "give", "ask", "ask", None, "give"]


def test_tags_are_configurable(make_vault: MakeVault) -> None:
    config = CONFIG + '\n[tags]\ngive = ["gift"]\nask = ["favour"]\n'
    note = DANA_NOTE + ("- 2026-01-01 a #gift\n- 2026-01-02 b #favour\n- 2026-01-03 c #give\n")
    vault = vault_with(make_vault, {DANA: note}, config=config)
    derived = derive(vault)
    assert [i.kind for i in of(derived, DANA)] == ["give", "ask", None]
    rel = derived.relationships[DANA]
    assert (rel.gives, rel.asks) == (1, 1)


def test_interactions_are_sorted_by_date(make_vault: MakeVault) -> None:
    note = DANA_NOTE + "- 2026-11-02 later\n- 2026-03-14 earlier\n"
    daily = "Lunch with [[Dana]]\n"
    vault = vault_with(make_vault, {DANA: note, "Daily/2026-06-01.md": daily})
    dates = [i.date for i in of(derive(vault), DANA)]
    assert dates == [date(2026, 3, 14), date(2026, 6, 1), date(2026, 11, 2)]
