"""Interactions as collected (their order), counted once (`counted`, `by_contact`), and what
relationships and event returns read from them, through the public API on fixture vaults
with hand-worked values: the edge cases the fast paths of mdnet.derive must keep."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from conftest import MakeVault

from mdnet.analysis import Analysis, Options, analyse
from mdnet.config import load_config
from mdnet.derive import Interaction

TODAY = date(2026, 11, 23)
ANN, BO, CY = "People/Ann.md", "People/Bo.md", "People/Cy.md"
CONFIG = '[folders]\ncontacts = "People"\nevents = "Events"\n'


def contact(*log: str, front: str = "") -> str:
    return "\n".join(["---", "type: contact", *([front] if front else []), "---", *log]) + "\n"


def analysed(vault: Path, remember: bool = False) -> Analysis:
    options = Options(vault, load_config(vault, None, False), TODAY)
    return analyse(options, remember=remember)


def rows(found: tuple[Interaction, ...]) -> list[tuple[str, str, int, tuple[str, ...]]]:
    return [(i.date.isoformat(), i.path, i.line, i.contacts) for i in found]


def test_interactions_sorted_by_date_path_line_whatever_their_source(
    make_vault: MakeVault,
) -> None:
    # In the daily note a paragraph (line 1) comes before a list item (line 2) and after
    # another (line 3); Ann's own note has `last_contact:` (line 3) on the date of its log.
    daily = "Met [[Ann]] at noon.\n- Lunch with [[Bo]]\n- Called [[Cy]] #ask\n"
    files = {
        ANN: contact("- 2026-11-10 Coffee", "- 2026-11-09 Call", front="last_contact: 2026-11-10"),
        BO: contact(),
        CY: contact("- 2026-11-10 Lunch"),
        "Daily/2026-11-10.md": daily,
    }
    analysis = analysed(make_vault(files, config=CONFIG))
    assert rows(analysis.interactions) == [
        ("2026-11-09", ANN, 6, (ANN,)),
        ("2026-11-10", "Daily/2026-11-10.md", 1, (ANN,)),
        ("2026-11-10", "Daily/2026-11-10.md", 2, (BO,)),
        ("2026-11-10", "Daily/2026-11-10.md", 3, (CY,)),
        ("2026-11-10", ANN, 3, (ANN,)),
        ("2026-11-10", ANN, 5, (ANN,)),
        ("2026-11-10", CY, 4, (CY,)),
    ]
    # Ann: the daily line, the last_contact and the log line are one interaction (untagged,
    # same date): her own note has two such lines, so it counts. Cy's ask is another kind.
    assert rows(analysis.counted) == [
        ("2026-11-09", ANN, 6, (ANN,)),
        ("2026-11-10", "Daily/2026-11-10.md", 2, (BO,)),
        ("2026-11-10", "Daily/2026-11-10.md", 3, (CY,)),
        ("2026-11-10", ANN, 3, (ANN,)),
        ("2026-11-10", ANN, 5, (ANN,)),
        ("2026-11-10", CY, 4, (CY,)),
    ]


def test_which_note_counts_for_an_interaction_written_in_several(make_vault: MakeVault) -> None:
    files = {
        ANN: contact("- 2026-11-10 Coffee #give"),
        BO: contact(),
        CY: contact("- 2026-11-12 Lunch"),
        # Bo on 11-10: Notes/a.md has two lines, Notes/b.md one: a.md counts.
        "Notes/a.md": "- 2026-11-10 Lunch with [[Bo]]\n- 2026-11-10 Walk with [[Bo]]\n",
        "Notes/b.md": "- 2026-11-10 Met [[Bo]]\n",
        # Bo on 11-11: one line each in c.md and d.md, neither his own: the later path counts.
        "Notes/c.md": "- 2026-11-11 Call with [[Bo]]\n",
        "Notes/d.md": "- 2026-11-11 Call [[Bo]]\n",
        # Ann's give is copied here (dropped for her) with Bo (kept for him); Cy's line is
        # copied for Cy only (dropped as a whole).
        "Notes/e.md": "- 2026-11-10 Sent [[Ann]] and [[Bo]] the post #give\n"
        "- 2026-11-12 Lunch with [[Cy]]\n",
    }
    analysis = analysed(make_vault(files, config=CONFIG))
    assert rows(analysis.counted) == [
        ("2026-11-10", "Notes/a.md", 1, (BO,)),
        ("2026-11-10", "Notes/a.md", 2, (BO,)),
        ("2026-11-10", "Notes/e.md", 1, (BO,)),
        ("2026-11-10", ANN, 4, (ANN,)),
        ("2026-11-11", "Notes/d.md", 1, (BO,)),
        ("2026-11-12", CY, 4, (CY,)),
    ]
    by_contact = analysis.by_contact
    assert list(by_contact) == [BO, ANN, CY]  # in order of first interaction
    assert [(i.path, i.line) for i in by_contact[BO]] == [
        ("Notes/a.md", 1),
        ("Notes/a.md", 2),
        ("Notes/e.md", 1),
        ("Notes/d.md", 1),
    ]
    assert [(i.path, i.kind) for i in by_contact[ANN]] == [(ANN, "give")]
    rel = analysis.relationships
    assert (rel[ANN].gives, rel[BO].gives, rel[BO].interactions) == (1, 1, by_contact[BO])


def test_nothing_written_twice_is_counted_as_written(make_vault: MakeVault) -> None:
    files = {
        ANN: contact("- 2026-11-10 Coffee", "- 2026-11-10 Coffee again"),
        BO: contact("- 2026-11-10 Coffee #give"),
        "Notes/a.md": "- 2026-11-10 Sent [[Bo]] a book #ask\n",
    }
    analysis = analysed(make_vault(files, config=CONFIG))
    assert analysis.counted == analysis.interactions
    assert len(analysis.counted) == 4


def test_relationship_reads_only_the_past(make_vault: MakeVault) -> None:
    log = (
        "- 2026-10-01 Lunch #ask",
        "- 2026-11-01 Sent the deck #give",
        "- 2026-11-20 Intro #give",
        "- 2026-12-01 Dinner #give",  # after today
        "- 2027-01-05 Trip #ask",
    )
    files = {
        ANN: contact(*log, front="met: 2026-09-01"),
        BO: contact(*log, front="status: paused"),
        CY: contact("- 2026-12-24 Party", front="status: archived"),
    }
    rel = analysed(make_vault(files, config=CONFIG)).relationships
    ann = rel[ANN]
    assert (ann.gives, ann.asks, ann.last and ann.last.date) == (2, 1, date(2026, 11, 20))
    assert (ann.first_give and ann.first_give.line, ann.first_ask and ann.first_ask.line) == (6, 5)
    assert (ann.state, ann.due, len(ann.interactions)) == ("ok", date(2027, 1, 19), 5)
    bo = rel[BO]
    assert (bo.state, bo.due, bo.gives, bo.asks, bo.first_met) == (
        "paused",
        None,
        2,
        1,
        date(2026, 10, 1),
    )
    cy = rel[CY]
    assert (cy.state, cy.last, cy.gives, cy.first_met) == ("archived", None, 0, date(2026, 12, 24))


def test_event_returns_count_each_give_once(make_vault: MakeVault) -> None:
    event = '---\ntype: event\ndate: 2026-11-02\nattendees: ["[[Ann]]", "[[Bo]]"]\n---\n'
    files = {
        # Ann and Bo were there; Cy was first met there (met_at:), Bo on its date.
        ANN: contact("- 2026-11-02 Thanks #give", "- 2026-11-05 Intro #give"),
        BO: contact("- 2026-11-03 Chat", "- 2026-12-01 Later #give", front="met: 2026-11-02"),
        CY: contact("- 2026-11-09 Coffee", front='met_at: "[[Forum]]"'),
        "Events/Forum.md": event,
        "Events/Later.md": '---\ntype: event\ndate: 2026-12-10\nattendees: ["[[Ann]]"]\n---\n',
        "Events/Undated.md": '---\ntype: event\nattendees: ["[[Ann]]"]\n---\n',
        "Events/Zoo.md": "---\ntype: event\ndate: 2026-10-01\n"
        'attendees: ["[[Cy]]", "[[Ann]]"]\n---\n',
        # One give to Ann and Cy, and one to Bo and Cy: two gives, each counted once.
        "Notes/a.md": "- 2026-11-06 Sent [[Ann]] and [[Cy]] the deck #give\n"
        "- 2026-11-07 Sent [[Bo]] and [[Cy]] a book #give\n"
        "- 2026-11-23 Sent [[Cy]] a card #give\n- 2026-11-24 Sent [[Cy]] a gift #give\n",
    }
    analysis = analysed(make_vault(files, config=CONFIG))
    assert analysis.attendees == {
        "Events/Zoo.md": (ANN, CY),
        "Events/Forum.md": (ANN, BO),
        "Events/Later.md": (ANN,),
    }
    assert list(analysis.attendees) == ["Events/Zoo.md", "Events/Forum.md", "Events/Later.md"]
    assert analysis.met_at == {BO: "Events/Forum.md", CY: "Events/Forum.md"}
    forum = analysis.event_returns["Events/Forum.md"]
    assert (forum.attendees, forum.new, forum.followed_up) == ((ANN, BO), (BO, CY), (BO, CY))
    # Ann's 11-05 and the two shared gives, and Cy's card on today; not the give on the
    # event's date, nor those after today.
    assert forum.gives == 4
    later = analysis.event_returns["Events/Later.md"]
    assert (later.attendees, later.new, later.followed_up, later.gives) == ((ANN,), (), (), 0)
    undated = analysis.event_returns["Events/Undated.md"]
    assert (undated.attendees, undated.gives) == ((), 0)


def _reference_count_once(found: tuple[Interaction, ...]) -> list[tuple[object, ...]]:
    """count_once's contract written plainly: for each (contact, date, kind) written in
    several notes, the note with the most lines, then the contact's own, then the later
    path keeps it; the others drop that contact; a line left with nobody goes."""
    notes: dict[tuple[object, ...], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i in found:
        for c in i.contacts:
            notes[(c, i.date, i.kind)][i.path] += 1
    out: list[tuple[object, ...]] = []
    for i in found:
        who = []
        for c in i.contacts:
            lines = notes[(c, i.date, i.kind)]
            ranked = sorted(lines, key=lambda p: (lines[p], p == c, p))
            if ranked[-1] == i.path:
                who.append(c)
        if who:
            out.append((i.date, i.path, i.line, tuple(who), i.kind))
    return out


def test_counted_once_on_a_random_vault_as_the_contract_says(make_vault: MakeVault) -> None:
    rng = random.Random(7)
    people = ["Ann", "Bo", "Cy", "Di"]
    tags = ["", " #give", " #ask"]

    def line(names: list[str]) -> str:
        day = TODAY - timedelta(days=rng.randrange(-3, 6))
        linked = " and ".join(f"[[{n}]]" for n in names)
        return f"- {day.isoformat()} Met {linked}{rng.choice(tags)}"

    files: dict[str, str] = {}
    for name in people:
        own = [line([]) for _ in range(rng.randrange(0, 5))]
        files[f"People/{name}.md"] = contact(*own)
    for n in range(6):
        files[f"Notes/{n}.md"] = (
            "\n".join(line(rng.sample(people, rng.randrange(1, 4))) for _ in range(8)) + "\n"
        )
    analysis = analysed(make_vault(files, config=CONFIG))
    counted = analysis.counted
    expected = _reference_count_once(analysis.interactions)
    assert [(i.date, i.path, i.line, i.contacts, i.kind) for i in counted] == expected
    assert len(expected) < len(analysis.interactions)  # some were written twice
    for path, history in analysis.by_contact.items():
        assert history == tuple(i for i in counted if path in i.contacts)


def test_collected_again_from_the_memo_is_the_same(make_vault: MakeVault) -> None:
    daily = "Met [[Ann]] at noon.\n- Lunch with [[Bo]]\n- 2026-11-09 Called [[Ann]]\n"
    files = {
        ANN: contact("- 2026-11-10 Coffee", front="last_contact: 2026-11-10"),
        BO: contact("- 2026-11-10 Coffee"),
        "Daily/2026-11-10.md": daily,
    }
    vault = make_vault(files, config=CONFIG)
    first = analysed(vault, remember=True)
    fresh = first.interactions
    assert len(fresh) == 6
    again = Analysis(first.vault, first.config, TODAY, previous=first)
    assert again.interactions == fresh
    assert again.counted == first.counted
