"""Per-note rules in a forked copy of the process (mdnet/forked.py): what comes back is what
this process would have found, and a copy that fails leaves the work to this process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TODAY, MakeVault, run

from mdnet import cache, check, forked

FORKS = sys.platform.startswith("linux") and len(os.sched_getaffinity(0)) > 1
needs_fork = pytest.mark.skipif(not FORKS, reason="work is forked on Linux with 2 CPUs only")


@needs_fork
def test_the_work_is_done_by_a_copy_and_comes_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "ALLOWED", True)
    here = os.getpid()
    done_by, asked_by = forked.start(lambda: [os.getpid(), here], list[int])()
    assert asked_by == here and done_by != here  # done by another process


@needs_fork
def test_a_copy_that_fails_leaves_the_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "ALLOWED", True)
    here = os.getpid()

    def work() -> list[int]:
        if os.getpid() != here:
            raise RuntimeError("the copy fails")
        return [here]

    assert forked.start(work, list[int])() == [here]
    # A copy whose result does not decode as asked: done here too.
    assert forked.start(lambda: [os.getpid()], list[str])() == [here]


@needs_fork
def test_without_memory_for_a_copy_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "ALLOWED", True)
    free, used = forked._memory()
    assert free > 0 and used > 0  # read from /proc
    monkeypatch.setattr(forked, "_memory", lambda: (used * 2, used))  # not more than twice
    assert not forked.available()
    assert forked.start(lambda: [os.getpid()], list[int])() == [os.getpid()]


@needs_fork
def test_writes_left_for_later_are_done_once_by_the_copy_or_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(forked, "ALLOWED", True)
    here = os.getpid()

    def writer(name: str) -> Callable[[], None]:
        def write() -> None:  # appends, so a write done twice shows
            with (tmp_path / name).open("a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")

        return write

    forked.later(writer("a"))
    assert not (tmp_path / "a").exists()  # left for later
    forked.start(lambda: [1], list[int])()
    done_by = (tmp_path / "a").read_text(encoding="utf-8").split()
    assert len(done_by) == 1 and int(done_by[0]) != here  # by the copy, once
    forked.finish()
    assert len((tmp_path / "a").read_text(encoding="utf-8").split()) == 1

    forked.later(writer("b"))  # a copy that fails: this process writes
    forked.start(lambda: [os.getpid()] if os.getpid() == here else 1 / 0, list[int])()
    assert (tmp_path / "b").read_text(encoding="utf-8").split() == [str(here)]

    forked.later(writer("c"))  # no copy started: written when the run ends
    assert not (tmp_path / "c").exists()
    forked.finish()
    assert (tmp_path / "c").read_text(encoding="utf-8").split() == [str(here)]


def test_without_leave_writes_are_done_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(forked, "ALLOWED", False)
    forked.later(lambda: (tmp_path / "done").touch())
    assert (tmp_path / "done").exists()


def test_without_leave_the_work_is_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "ALLOWED", False)  # a test runner, the language server
    assert forked.start(lambda: [os.getpid()], list[int])() == [os.getpid()]


def _vault(make_vault: MakeVault, notes: int) -> Path:
    files = {
        f"Notes/{n:04}.md": f"See [[Missing {n % 7}]] and [[Twin]] and [[Pat]].\n"
        for n in range(notes)
    }
    files["A/Twin.md"] = files["B/Twin.md"] = "Same name twice.\n"  # L002 for every link to it
    files["People/Pat.md"] = "---\ntype: contact\nStatus: active\n---\nProbably busy.\n"
    return make_vault(files, config='[folders]\ncontacts = "People"\n')


@needs_fork
def test_a_cold_check_of_many_notes_forks_and_finds_the_same(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = _vault(make_vault, check.FORK_MIN)
    args = ["check", str(vault), "--format", "json", "--exit-zero"]
    here = run(*args, "--no-cache")  # in this process: nothing forked
    assert here.exit_code == 0, here.output
    expected = json.loads(here.stdout)
    assert {"L001", "L002", "C004", "F007"} <= {r["code"] for r in expected}

    def cli(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "mdnet", *args, "--today", TODAY, "--verbose", *extra]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done

    time.sleep(3.1)  # the notes are kept in the cache once 3 s old (replay.SETTLE_NS)
    for extra in (["--no-cache"], []):  # the second fills the cache from the copy's findings
        done = cli(*extra)
        assert f"per-note rules: {check.FORK_MIN + 3} notes, in a second" in done.stderr
        assert json.loads(done.stdout) == expected
    # The copy wrote the notes cache too: a later run (another request: no replay) parses no
    # note.
    parsed: list[str] = []
    monkeypatch.setattr(cache, "read_note", lambda root, entry, config: parsed.append(entry.path))
    assert run(*args, "--statistics").exit_code == 0
    assert parsed == []
    monkeypatch.undo()
    (vault / "Notes/0000.md").write_text("See [[Pat]].\n", encoding="utf-8")
    again = cli()  # one note changed: the rest of the findings come from the cache
    assert "second process" not in again.stderr
    assert json.loads(again.stdout) == json.loads(run(*args, "--no-cache").stdout)
