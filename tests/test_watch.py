"""`check --watch` and `report --watch` (mdnet.watch): a real process, a real note edited,
the new run seen, Ctrl-C (SIGINT) and exit 0; mdnet's own writes start no run."""

from __future__ import annotations

import os
import pty
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from conftest import TODAY, MakeVault

from mdnet.watch import loop, relevant

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT as Ctrl-C is POSIX")

WAIT = 15.0
"""The longest any step may take (the runs themselves take well under a second)."""
SETTLE = 2.0
"""How long a watcher is left alone to show that nothing starts another run."""
WATCHING = "watching for changes"
SUMMARIES = ("Found ", "All checks passed")

DANA = """\
---
type: contact
network: work
met: 2026-11-23
---
# Dana
"""
CONFIG = """\
[networks.work]
"""


class Watcher:
    """`python -m mdnet ARGS --watch` in `cwd`, its stdout and stderr read as they come."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mdnet", *args, "--watch", "--today", TODAY],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # a terminal's Ctrl-C: SIGINT not ignored, even when the suite runs in the background
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.out: list[str] = []
        self.err: list[str] = []
        assert self.proc.stdout is not None and self.proc.stderr is not None
        for name, stream in (("out", self.proc.stdout), ("err", self.proc.stderr)):
            threading.Thread(target=self._read, args=(name, stream), daemon=True).start()

    def _read(self, name: str, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put((name, line))

    def _take(self, timeout: float) -> bool:
        try:
            name, line = self.lines.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            return False
        (self.out if name == "out" else self.err).append(line)
        return True

    def runs(self) -> int:
        return sum(WATCHING in line for line in self.err)

    def wait_runs(self, count: int) -> None:
        """Until `count` runs have ended (each says it is watching), at most WAIT seconds."""
        deadline = time.monotonic() + WAIT
        while self.runs() < count:
            if self.proc.poll() is not None and self.lines.empty():
                pytest.fail(f"mdnet ended early: {''.join(self.err)}")
            if not self._take(deadline - time.monotonic()) and time.monotonic() > deadline:
                pytest.fail(f"no run {count} within {WAIT}s: {''.join(self.out + self.err)}")

    def last_run(self) -> str:
        """The findings of the last run of `check` (each ends with its summary line)."""
        ends = [i for i, line in enumerate(self.out) if line.startswith(SUMMARIES)]
        start = ends[-2] + 1 if len(ends) > 1 else 0
        return "".join(self.out[start:])

    def wait_until(self, done: Callable[[], bool], what: str) -> None:
        """Until `done()`, at most WAIT seconds (a save may come as two batches: the file
        emptied, then written; the run of the first is not the last)."""
        deadline = time.monotonic() + WAIT
        while not done():
            if time.monotonic() > deadline:
                pytest.fail(f"not {what} within {WAIT}s: {''.join(self.out + self.err)}")
            self._take(min(0.2, deadline - time.monotonic()))

    def idle(self, seconds: float) -> None:
        """Collect whatever comes for `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._take(deadline - time.monotonic())

    def interrupt(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=WAIT)
        self.idle(0.3)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=WAIT)


@pytest.fixture
def watchers() -> Iterator[list[Watcher]]:
    started: list[Watcher] = []
    yield started
    for watcher in started:  # never leave a watcher behind, whatever failed
        watcher.kill()


def test_check_watch_reports_a_new_finding_after_an_edit_then_ctrl_c_exits_0(
    make_vault: MakeVault, watchers: list[Watcher]
) -> None:
    vault = make_vault({"People/Dana.md": DANA}, config=CONFIG)
    watcher = Watcher(vault, "check", ".", "--no-cache")
    watchers.append(watcher)
    watcher.wait_until(lambda: watcher.last_run().startswith("All checks passed"), "clean")

    (vault / "People" / "Dana.md").write_text(DANA.replace("network: work\n", ""), "utf-8")
    watcher.wait_until(lambda: "People/Dana.md:1:1: C002" in watcher.last_run(), "C002")

    assert watcher.interrupt() == 0
    assert "Traceback" not in "".join(watcher.err)
    assert "\x1b[" not in "".join(watcher.out)  # no terminal: the screen is not cleared


def test_check_watch_clears_a_terminal_before_each_run(make_vault: MakeVault) -> None:
    vault = make_vault({"People/Dana.md": DANA}, config=CONFIG)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mdnet", "check", "--watch", "--no-cache", "--today", TODAY],
        cwd=vault,
        env={**os.environ, "NO_COLOR": "1"},
        stdout=follower,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(follower)
    seen = b""
    try:
        deadline = time.monotonic() + WAIT
        while b"All checks passed" not in seen and time.monotonic() < deadline:
            if select.select([leader], [], [], 0.2)[0]:
                seen += os.read(leader, 4096)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=WAIT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=WAIT)
        os.close(leader)
    assert seen.index(b"\x1b[2J") < seen.index(b"All checks passed")


def test_check_watch_runs_again_when_a_settings_file_changes(
    make_vault: MakeVault, watchers: list[Watcher]
) -> None:
    vault = make_vault({"People/Dana.md": DANA.replace("network: work\n", "")}, config=CONFIG)
    watcher = Watcher(vault, "check", ".", "--no-cache")
    watchers.append(watcher)
    watcher.wait_until(lambda: "People/Dana.md:1:1: C002" in watcher.last_run(), "C002")

    (vault / "mdnet.toml").write_text(CONFIG + '\n[rules]\nignore = ["C002"]\n', "utf-8")
    watcher.wait_until(lambda: watcher.last_run().startswith("All checks passed"), "clean")
    assert watcher.interrupt() == 0


def test_check_watch_with_the_cache_does_not_wake_itself_up(
    make_vault: MakeVault, watchers: list[Watcher]
) -> None:
    """The first run writes .mdnet_cache/ (parsed notes, the replayed output); that is no
    change to the vault: no second run until a note changes."""
    vault = make_vault({"People/Dana.md": DANA}, config=CONFIG)
    watcher = Watcher(vault, "check", ".", "--output-file", "findings.txt")
    watchers.append(watcher)
    watcher.wait_runs(1)
    watcher.idle(SETTLE)
    assert (vault / ".mdnet_cache").is_dir()
    assert (vault / "findings.txt").exists()
    assert watcher.runs() == 1, watcher.err
    (vault / "People" / "Dana.md").write_text(DANA.replace("network: work\n", ""), "utf-8")
    findings = vault / "findings.txt"
    watcher.wait_until(lambda: "People/Dana.md:1:1: C002" in findings.read_text("utf-8"), "C002")
    assert watcher.interrupt() == 0


def test_report_watch_rewrites_the_report_after_an_edit_and_not_for_its_own_write(
    make_vault: MakeVault, watchers: list[Watcher]
) -> None:
    vault = make_vault({"People/Dana.md": DANA}, config=CONFIG)
    report = vault / "report.html"  # inside the vault: its own write must start no run
    watcher = Watcher(vault, "report", ".", "-o", "report.html")
    watchers.append(watcher)
    watcher.wait_runs(1)
    assert "Quincy" not in report.read_text("utf-8")
    watcher.idle(SETTLE)
    assert watcher.runs() == 1, watcher.err

    quincy = DANA.replace("Dana", "Quincy").replace("met: 2026-11-23\n", "")  # never contacted
    (vault / "People" / "Quincy.md").write_text(quincy, "utf-8")
    watcher.wait_until(lambda: "Quincy" in report.read_text("utf-8"), "rewritten")
    watcher.idle(SETTLE)  # the run's last words
    runs = watcher.runs()
    watcher.idle(SETTLE)
    assert watcher.runs() == runs, watcher.err  # its own write started no run
    assert watcher.interrupt() == 0
    assert "Traceback" not in "".join(watcher.err)


def cli(cwd: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdnet", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


@pytest.mark.parametrize(
    "option",
    [
        ["--fix"],
        ["--fix-only"],
        ["--add-baseline"],
        ["--stdin-filename", "People/Dana.md", "-"],
        ["-"],
    ],
)
def test_check_watch_refuses_options_that_write_notes_or_read_stdin(
    make_vault: MakeVault, option: list[str]
) -> None:
    vault = make_vault({"People/Dana.md": "---\ntype: contact\nnetwork: work\n---\n"})
    before = (vault / "People" / "Dana.md").read_bytes()
    result = cli(vault, "check", "--watch", *option, stdin="# Dana\n")  # ends, not watching
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--watch" in result.stderr
    assert option[0] in result.stderr or "standard input" in result.stderr
    assert result.stdout == ""
    assert (vault / "People" / "Dana.md").read_bytes() == before
    assert not (vault / ".mdnet-baseline.json").exists()


def test_what_starts_a_run(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    report = vault / "report.html"
    keep = relevant([vault], [report])
    assert keep(str(vault / "People" / "Dana.md"))
    assert keep(str(vault / "mdnet.toml"))
    assert keep(str(vault / ".obsidian" / "app.json"))
    assert not keep(str(vault / ".obsidian" / "workspace.json"))  # Obsidian's churn
    assert not keep(str(vault / ".mdnet_cache"))  # made by the first run
    assert not keep(str(vault / ".mdnet_cache" / "replay-1.bin"))
    assert not keep(str(vault / ".mdnet_cache" / ".tmp-x.pickle"))
    assert not keep(str(report))
    assert not keep(str(vault / ".report.html.k2j3.tmp"))  # its atomic write
    assert not keep(str(tmp_path / "elsewhere.md"))


def test_loop_runs_once_per_batch_and_ctrl_c_is_exit_0() -> None:
    calls: list[int] = []
    assert loop(lambda: calls.append(1), [[], ["a.md"], ["b.md", "c.md"]]) == 0
    assert len(calls) == 3

    def interrupted() -> None:
        calls.append(1)
        raise KeyboardInterrupt

    calls.clear()
    assert loop(interrupted, [[], ["a.md"]]) == 0
    assert calls == [1]
