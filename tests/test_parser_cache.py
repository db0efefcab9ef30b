"""The cache is keyed on every module of the note parser, and holds its records."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MakeVault, run

from mdnet import cache, replay
from mdnet.noteparts import Item, Link


def _parser_modules() -> list[str]:
    """The mdnet modules that importing the parser loads, found in a fresh interpreter."""
    code = (
        "import sys, mdnet.note\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items()"
        " if n.startswith('mdnet') and getattr(m, '__file__', None)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [f for f in out.stdout.split() if not f.endswith("__init__.py")]


@pytest.mark.parametrize("module", _parser_modules(), ids=lambda p: Path(p).name)
def test_editing_any_parser_module_invalidates_the_cache(
    module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache.code_stamp()
    real_stat = os.stat

    def stat(path: str | os.PathLike[str], *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(path)
        if os.fspath(path) != module:
            return result
        fields = list(result)
        extra = {"st_mtime_ns": 1, "st_ctime_ns": result.st_ctime_ns}
        return os.stat_result((*fields[:8], fields[8], fields[9]), extra)

    monkeypatch.setattr(cache.os, "stat", stat)
    cache.code_stamp.cache_clear()  # read once a process: as a new process would
    replay.code_lines.cache_clear()
    try:
        assert cache.code_stamp() != before
    finally:
        cache.code_stamp.cache_clear()
        replay.code_lines.cache_clear()


def test_the_cache_round_trips_links_and_items(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", -(10**18))  # notes written just now are kept
    vault = make_vault(
        {
            "People/Dana.md": "---\nnetwork: work\n---\n- 2026-11-02 coffee with [[Eve]]\n",
            "People/Eve.md": "---\nnetwork: work\n---\nSee [Dana](Dana.md)\n",
        }
    )
    assert run("check", str(vault), "--exit-zero").exit_code == 0
    entries: dict[str, tuple[int, int, object]] = {}
    for shard in (vault / cache.CACHE_DIR).glob("notes-*.msgpack"):
        entries.update(cache._load(shard))
    dana = entries["People/Dana.md"][-1]
    eve = entries["People/Eve.md"][-1]
    assert [type(i) for i in dana.items] == [Item]  # type: ignore[attr-defined]
    assert [(type(x), x.target) for x in eve.links] == [(Link, "Dana.md")]  # type: ignore[attr-defined]
