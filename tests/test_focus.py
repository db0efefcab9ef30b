"""`check PATHS` (pre-commit, an editor's note) reports on those notes exactly what a check
of the whole vault reports on them, although per-note rules then look at those notes only."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from conftest import MakeVault, run, vault_rows

SAMPLE = Path(__file__).parent.parent / "sample-vault"

NOTES = {
    "People/Dana.md": """\
        ---
        type: contact
        network: work
        Aliases: [DR]
        Status: active
        mdnet-ignore: [C1]
        ---
        ## Challenges
        Probably hiring, I guess.
        ## Log
        - 2026-11-02 Coffee with [[Sam]] and [[Nobody]] #give
        - 2026-08-30 Asked [[Sam]] for an intro #ask
        """,
    "People/Sam.md": (
        "---\ntype: contact\nnetwork: work\naliases: [Dee]\n---\nI think so.\n"
        "## Log\n- 2026-09-01 Asked for advice #ask\n"  # also in the daily note: counted once
    ),
    "Daily/2026-11-02.md": "- Coffee with [[Sam]] #give\n",  # also in Dana's log
    "Archive/Sam.md": "An old note of the same name.\n",
    "Daily/2026-11-03.md": "Lunch with [[Sam]], [[DR]] and [[Ghost]].\n",
    "Goals/G.md": "---\ntype: goal\nGoal: Meet some people\nDeadline: 2026-12-31\n---\n",
    "Goals/Old.md": "---\ntype: goal\ngoal: Publish 3 posts by June\ndeadline: 2026-06-30\n---\n",
    "Daily/2026-09-01.md": "- Asked [[Sam]] for advice #ask\n",
    "Events/Meetup.md": "---\ntype: event\ndate: 2026-10-01\ngoal: '[[Old]]'\n---\n",
    # Lapsed alone, but a call is planned in a daily note: not lapsed (the plan counts).
    "People/Lee.md": "---\ntype: contact\nnetwork: work\n---\n## Log\n- 2026-10-01 Call #give\n",
    "Daily/2026-11-20.md": "- [ ] Call [[Lee]] 📅 2026-12-10\n",
    "People/Kai.md": "---\ntype: contact\nlast_contact: 2062-01-01\n---\n",  # C009
    "People/Dee.md": "---\ntype: contact\nnetwork: work\n---\n",  # L003: Sam's alias
}


def rows_of(vault: Path, *paths: str) -> list[dict[str, object]]:
    """`mdnet check PATH...` (no vault argument: found upward), paths made vault-relative."""
    result = run("check", *(str(vault / p) for p in paths), "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)
    for row in rows:
        full = os.path.normpath(Path.cwd().resolve() / str(row["path"]))
        row["path"] = Path(full).relative_to(vault.resolve()).as_posix()
    return rows


def by_path(rows: list[dict[str, object]]) -> dict[str, list[tuple[object, ...]]]:
    out: dict[str, list[tuple[object, ...]]] = {}
    for r in rows:
        out.setdefault(str(r["path"]), []).append((r["code"], r["line"], r["column"]))
    return out


def test_each_note_alone_gets_what_the_whole_check_gives_it(make_vault: MakeVault) -> None:
    vault = make_vault(NOTES, config='[networks.work]\ncadence = "14d"\n')
    whole = by_path(vault_rows(vault))
    found = {c for f in whole.values() for c, *_ in f}
    assert {
        "C001",
        "C004",
        "C006",
        "C009",
        "L001",
        "L002",
        "L003",
        "F007",
        "F008",
        "G004",
        "E004",
    } <= found
    assert "People/Lee.md" not in whole
    for path in NOTES:
        alone = by_path(rows_of(vault, path))
        assert alone == ({path: whole[path]} if path in whole else {}), path


def test_the_sample_vault_note_by_note(tmp_path: Path) -> None:
    vault = tmp_path / "sample"
    shutil.copytree(SAMPLE, vault)
    whole = by_path(vault_rows(vault))
    notes = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    chosen = sorted(set(whole) | set(notes[::4]))
    assert whole and chosen
    for path in chosen:
        alone = by_path(rows_of(vault, path))
        assert alone == ({path: whole[path]} if path in whole else {}), path
    pair = chosen[:2]
    both = by_path(rows_of(vault, *pair))
    assert both == {p: whole[p] for p in pair if p in whole}
    assert run("check", str(vault), "--no-cache").exit_code == 1
