"""Parsing many notes across processes (mdnet/parallel.py): the notes are those parsed one
by one, whichever process parsed them and however a forked copy fails."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import FORKS, generate_vault

from mdnet import forked, parallel
from mdnet.config import Config, load_config
from mdnet.note import Note
from mdnet.vault import FileEntry, discover


def test_parallel_parsing_gives_the_same_notes_as_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "gen"
    generate_vault(vault, 400, seed=3)
    config = load_config(vault)
    entries, _ = discover(vault, config.exclude)
    serial = parallel.parse_all(vault, entries, config)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    pooled = parallel.parse_all(vault, entries, config)  # a pool: no fork outside the console
    assert pooled == serial
    assert len(serial) == len(entries) > 300


@pytest.mark.skipif(not FORKS, reason="notes are parsed in a forked copy on Linux only")
@pytest.mark.parametrize("dies_after", [0, 1, 5])
def test_chunks_a_failed_copy_took_are_parsed_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dies_after: int
) -> None:
    vault, config, entries, serial = _generated(tmp_path, seed=5)
    here, sent = os.getpid(), []
    real_parse_chunk = parallel._parse_chunk

    def dying(args: tuple[Path, list[FileEntry], Config]) -> bytes:
        sent.append(args)  # the copy's own list: this process's stays empty
        if os.getpid() != here and len(sent) > dies_after:
            os._exit(3)  # the copy dies holding the chunk it took, and those it parsed
        return real_parse_chunk(args)

    monkeypatch.setattr(parallel, "_parse_chunk", dying)
    _forking(monkeypatch)
    assert parallel.parse_all(vault, entries, config) == serial
    assert not sent


@pytest.mark.skipif(not FORKS, reason="notes are parsed in a forked copy on Linux only")
def test_notes_are_the_same_when_the_copy_dies_sending_or_cannot_be_forked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, config, entries, serial = _generated(tmp_path, seed=6)
    here, real_send = os.getpid(), parallel._send
    sends = []

    def cut_short(fd: int, data: bytes) -> None:
        sends.append(fd)
        if len(sends) > 3:  # the fourth frame: half of it is sent, then the copy dies
            real_send(fd, data[: len(data) // 2])
            os._exit(3)
        real_send(fd, data)

    monkeypatch.setattr(parallel, "_send", cut_short)
    _forking(monkeypatch)
    assert parallel.parse_all(vault, entries, config) == serial
    assert not sends  # this process sends nothing

    def no_fork() -> int:
        raise OSError("no more processes")

    monkeypatch.setattr(forked.os, "fork", no_fork)  # the copy's work is done here
    assert parallel.parse_all(vault, entries, config) == serial
    assert not sends and os.getpid() == here  # kept, not sent to itself


def _generated(tmp_path: Path, seed: int) -> tuple[Path, Config, list[FileEntry], list[Note]]:
    """A generated vault of 200 notes, its config, its files and its notes parsed one by one."""
    vault = tmp_path / "gen"
    generate_vault(vault, 200, seed=seed)
    config = load_config(vault)
    entries, _ = discover(vault, config.exclude)
    return vault, config, entries, parallel.parse_all(vault, entries, config)


def _forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the console script on two CPUs: notes parsed with a forked copy, in chunks of 4."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10)
    monkeypatch.setattr(parallel, "CHUNK", 4)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(forked, "ALLOWED", True)
    _slow_here(monkeypatch)


def _slow_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process parses slowly, so that the copy takes chunks however busy the machine."""
    here, real_read_note = os.getpid(), parallel.read_note

    def read_note(root: Path, entry: FileEntry, config: Config) -> Note:
        if os.getpid() == here:
            time.sleep(0.002)
        return real_read_note(root, entry, config)

    monkeypatch.setattr(parallel, "read_note", read_note)
