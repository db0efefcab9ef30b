"""One finding per cause: a front matter that cannot be read is that finding and no other."""

from __future__ import annotations

from conftest import MakeVault, vault_rows

CONFIG = '[folders]\ncontacts = "People"\ngoals = "Goals"\n'


def test_unreadable_front_matter_is_its_one_finding_but_body_links_are_checked(
    make_vault: MakeVault,
) -> None:
    vault = make_vault(
        {
            # invalid YAML: no G001 (no deadline) or G002 (no number) on top of F002
            "Goals/Bad.md": "---\ntype: goal\ndeadline: [2026-12-31\n---\nPublish [[Missing]]\n",
            # one value unreadable: no G001 for the deadline that is there
            "Goals/Tpl.md": "---\ngoal: Publish 10 posts\ndeadline: {{date}}\n---\n",
            # TOML is not read: no G001/G002/G003 from the heading
            "Goals/Toml.md": '+++\ntitle = "x"\n+++\n# Write more\n',
            # no C002 (no network) for a network that is there but unreadable
            "People/Bad.md": "---\nnetwork: [work\n---\n- 2026-11-01 met [[Nobody]]\n",
        },
        config=CONFIG,
    )
    rows = sorted((r["path"], r["line"], r["column"], r["code"]) for r in vault_rows(vault))
    assert rows == [
        ("Goals/Bad.md", 4, 1, "F002"),
        ("Goals/Bad.md", 5, 9, "L001"),
        ("Goals/Toml.md", 1, 1, "F003"),
        ("Goals/Tpl.md", 3, 11, "F002"),
        ("People/Bad.md", 3, 1, "F002"),
        ("People/Bad.md", 4, 18, "L001"),
    ]


def test_a_front_matter_that_is_read_keeps_its_other_findings(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            # a duplicate key is read (the last value wins): the other rules still run
            "People/Dup.md": "---\nnetwork: work\nnetwork: media\n---\n",
            "Goals/Good.md": "---\ndeadline: 2026-12-31\n---\n# Publish more\n",
        },
        config=CONFIG,
    )
    codes = sorted((r["path"], r["code"]) for r in vault_rows(vault))
    assert codes == [
        ("Goals/Good.md", "G002"),
        ("Goals/Good.md", "G003"),
        ("People/Dup.md", "C005"),
        ("People/Dup.md", "F003"),
    ]


def test_a_clean_vault_stays_clean(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "People/Dana.md": "---\nnetwork: work\nmet: 2026-11-20\n---\n",
            "Goals/Ten.md": "---\ndeadline: 2026-12-31\n---\n# Publish 10 posts\n",
        },
        config=CONFIG,
    )
    assert vault_rows(vault) == []


def test_an_unreadable_every_is_its_one_finding(make_vault: MakeVault) -> None:
    # `every` is there but no period (F005): no G001 asking for a deadline on top of it,
    # as for an unreadable `deadline`; an empty `every:` says nothing, so G001 stays.
    vault = make_vault(
        {
            "Goals/Fortnight.md": "---\nevery: fortnight\ntarget: 2\n---\n# Meet 2 people\n",
            "Goals/Empty.md": "---\nevery:\ntarget: 2\n---\n# Meet 2 people\n",
        },
        config=CONFIG,
    )
    rows = sorted((r["path"], r["line"], r["column"], r["code"]) for r in vault_rows(vault))
    assert rows == [("Goals/Empty.md", 5, 3, "G001"), ("Goals/Fortnight.md", 2, 8, "F005")]
