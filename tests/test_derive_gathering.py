"""Reading each note's touches (mdnet/derive/gathering.py): what a focused run reads of a
contact or of some notes, from those notes only, is what picking it from every interaction
gives."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from conftest import MakeVault

from mdnet.app import open_vault
from mdnet.derive import gathering

TODAY = date(2026, 11, 23)
SAMPLE = Path(__file__).parent.parent / "sample-vault"

NOTES = {
    "People/Dana.md": (
        "---\ntype: contact\naliases: [DR]\nlast_contact: 2026-11-02\nmet: 2026-01-05\n---\n"
        "## Log\n- 2026-11-02 Coffee with [[Sam]] #give\n- [ ] Call [[Sam]] 📅 2026-12-01\n"
    ),
    "People/Sam.md": "---\ntype: contact\n---\n## Log\n- 2026-09-01 Asked for advice #ask\n",
    "People/Lee.md": "---\ntype: contact\n---\n- [ ] Write to Lee\n",
    "Daily/2026-11-02.md": "- Coffee with [[Sam]] #give\nLunch with [[DR]] and [[Nobody]].\n",
    "Daily/2026-11-03.md": "- [x] Sent [[Lee]] the deck\n- [ ] Ask [[Dana]] about it\n",
    "Events/Meetup.md": (
        "---\ntype: event\ndate: 2026-10-01\nattendees: ['[[Sam]]', '[[DR]]']\n---\n"
    ),
    "Notes/Plain.md": "Nothing about anyone.\n",
}


def _agree(vault: Path) -> int:
    """Checks `naming` and `written_in` against `gather` for every contact and note; returns
    how many contacts have interactions (so a test knows it looked at some)."""
    analysis = open_vault(vault, TODAY, use_cache=True)
    notes, model, memo = analysis.vault.notes, analysis.model, analysis.memo
    every = gathering.gather(memo, notes, model)
    named = gathering.naming(memo, model.contacts, notes, model)
    assert named.keys() == model.contacts.keys()
    for contact, (found, plans) in named.items():
        assert found == [i for i in every.interactions if contact in i.contacts], contact
        assert plans == list(every.planned.get(contact, ())), contact
    for note in notes:
        mine = [i for i in every.interactions if i.path == note.path]
        assert gathering.written_in(memo, [note], model) == mine, note.path
    return sum(1 for found, _ in named.values() if found)


def test_a_contacts_interactions_and_plans_from_the_notes_naming_it(
    make_vault: MakeVault,
) -> None:
    vault = make_vault(NOTES)
    assert _agree(vault) == 3
    analysis = open_vault(vault, TODAY, use_cache=True)
    dana = gathering.naming(analysis.memo, ["People/Dana.md"], analysis.vault.notes, analysis.model)
    found, plans = dana["People/Dana.md"]
    # The event, the daily note's [[DR]] line, her `last_contact:` (line 4) and her log
    # (line 8): by date, path and line.
    assert [(i.date.isoformat(), i.path, i.source) for i in found] == [
        ("2026-10-01", "Events/Meetup.md", "event"),
        ("2026-11-02", "Daily/2026-11-02.md", "daily"),
        ("2026-11-02", "People/Dana.md", "front matter"),
        ("2026-11-02", "People/Dana.md", "log"),
    ]
    # The daily note's task that links her, and her own note's (its tasks are hers).
    assert [p.path for p in plans] == ["Daily/2026-11-03.md", "People/Dana.md"]


def test_the_same_from_touches_kept_on_disk(make_vault: MakeVault) -> None:
    vault = make_vault(NOTES)
    _agree(vault)  # collects and keeps every note's touches
    assert list((vault / ".mdnet_cache").glob("touches-*.msgpack"))
    assert _agree(vault) == 3  # read back, each note's when asked for


def test_the_sample_vault(tmp_path: Path) -> None:
    vault = tmp_path / "sample"
    shutil.copytree(SAMPLE, vault)
    assert _agree(vault) > 5
    assert _agree(vault) > 5
