"""Strict rule selectors, `[rules.severity]` with ALL, per-file ignores and F008."""

from __future__ import annotations

import pytest
from conftest import MakeVault, run, vault_rows

BROKEN = "See [[Nobody]]\n"


@pytest.mark.parametrize(
    ("args", "named", "guess"),
    [
        (["--select", "G1"], "G1", "G001"),
        (["--select", "L001,Q"], "Q", None),
        (["--ignore", "C010"], "C010", None),
        (["--select", "G099"], "G099", None),
    ],
)
def test_unknown_selector_on_the_command_line_is_exit_2(
    make_vault: MakeVault, args: list[str], named: str, guess: str | None
) -> None:
    vault = make_vault({"a.md": BROKEN})
    result = run("check", str(vault), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message
    assert repr(named) in message
    if guess:
        assert f"did you mean {guess}?" in message


@pytest.mark.parametrize(
    "config",
    [
        '[rules]\nselect = ["G1"]\n',
        '[rules]\nignore = ["X"]\n',
        '[rules.severity]\nL01 = "error"\n',
        '[rules.per-file-ignores]\n"Clippings/**" = ["L01"]\n',
    ],
)
def test_unknown_selector_in_config_is_exit_2(make_vault: MakeVault, config: str) -> None:
    vault = make_vault({"a.md": BROKEN}, config=config)
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert "mdnet.toml" in result.stderr and "matches no rule" in result.stderr


@pytest.mark.parametrize("select", ["G", "L0", "L001", "ALL", "all"])
def test_known_selectors_work(make_vault: MakeVault, select: str) -> None:
    vault = make_vault({"a.md": BROKEN})
    result = run("check", str(vault), "--select", select, "--exit-zero")
    assert result.exit_code == 0


def test_severity_all_and_the_most_specific_wins(make_vault: MakeVault) -> None:
    vault = make_vault(
        {"a.md": BROKEN, "x.md": "---\ntype: contcat\n---\n"},
        config='[rules.severity]\nALL = "info"\nL = "error"\n',
    )
    severities = {r["code"]: r["severity"] for r in vault_rows(vault)}
    assert severities == {"F006": "info", "L001": "error"}


@pytest.mark.parametrize(
    "config",
    [
        '[rules]\nper-file-ignores = {"Clippings/**" = ["L001"]}\n',
        '[rules.per-file-ignores]\n"Clippings/**" = ["L"]\n',
        '[rules.per-file-ignores]\n"Clippings/**" = "L001"\n',
    ],
)
def test_per_file_ignores(make_vault: MakeVault, config: str) -> None:
    vault = make_vault({"Clippings/web.md": BROKEN, "Notes/mine.md": BROKEN}, config=config)
    assert [(r["path"], r["code"]) for r in vault_rows(vault)] == [("Notes/mine.md", "L001")]


def test_per_file_ignored_notes_still_count_for_last_contact(make_vault: MakeVault) -> None:
    files = {
        "People/Dana.md": "---\ntype: contact\nmet: 2026-01-05\ncadence: 30d\n---\n",
        "Clippings/2026-11-20 call.md": "- 2026-11-20 Call with [[Dana]] about [[Nobody]]\n",
    }
    ignoring = vault_rows(
        make_vault(files, config='[rules.per-file-ignores]\n"Clippings/**" = ["L001"]\n'),
        "--select",
        "C001,L001",
    )
    assert ignoring == []
    excluding = vault_rows(
        make_vault(files, config='exclude = ["Clippings/**"]\n', name="v2"), "--select", "C001"
    )
    assert [r["code"] for r in excluding] == ["C001"]


def test_bad_per_file_ignores_value_names_the_key(make_vault: MakeVault) -> None:
    vault = make_vault({"a.md": BROKEN}, config='[rules.per-file-ignores]\n"x/**" = [1]\n')
    result = run("check", str(vault))
    assert result.exit_code == 2
    assert "per-file-ignores" in result.stderr


def test_unknown_code_in_a_suppression_is_f008(make_vault: MakeVault) -> None:
    vault = make_vault(
        {
            "a.md": "# A\n<!-- mdnet-disable-next-line G1 -->\nSee [[Nobody]]\n",
            "b.md": "---\nmdnet-ignore: [C01, L001]\n---\nSee [[Nobody]]\n",
            "c.md": "# C\n<!-- mdnet-disable L001 -->\nSee [[Nobody]]\n",
        }
    )
    rows = [(r["path"], r["line"], r["column"], r["code"]) for r in vault_rows(vault)]
    assert ("a.md", 2, 1, "F008") in rows
    assert ("a.md", 3, 5, "L001") in rows
    assert ("b.md", 2, 1, "F008") in rows or ("b.md", 2, 15, "F008") in rows
    assert not [r for r in rows if r[0] == "c.md"]
    message = next(
        r["message"] for r in vault_rows(vault) if r["path"] == "a.md" and r["code"] == "F008"
    )
    assert "'G1'" in message and "G001" in message
