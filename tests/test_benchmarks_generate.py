"""Tests of the benchmark vault generator (benchmarks/generate.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import pytest
import yaml

GENERATE = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
NOTES = 200


def load_generator() -> ModuleType:
    # benchmarks/ is not a package: load the script from its path.
    spec = importlib.util.spec_from_file_location("mdnet_bench_generate", GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = load_generator()


def digest(root: Path) -> str:
    """A hash of every file's relative path and bytes."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def notes_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.md") if "Templates" not in p.parts)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 4)
    meta = yaml.safe_load(text[4:end])
    assert isinstance(meta, dict)
    return meta, text[end + 5 :]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("gen") / "vault"
    return root, gen.generate(root, NOTES, seed=1)


def test_same_seed_same_bytes(vault: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    root, counts = vault
    again = gen.generate(tmp_path / "again", NOTES, seed=1)
    assert again == counts
    assert digest(tmp_path / "again") == digest(root)


def test_other_seed_other_bytes(vault: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    root, _ = vault
    gen.generate(tmp_path / "other", NOTES, seed=2)
    assert digest(tmp_path / "other") != digest(root)


def test_note_count_and_kind_mix(vault: tuple[Path, dict[str, int]]) -> None:
    root, counts = vault
    assert counts == {"contact": 60, "goal": 10, "event": 10, "daily": 100, "note": 20}
    assert sum(counts.values()) == NOTES
    assert len(notes_of(root)) == NOTES
    folders = {"contact": "People", "goal": "Goals", "event": "Events", "daily": "Daily"}
    for kind, folder in folders.items():
        assert len(list((root / folder).glob("*.md"))) == counts[kind]
    assert len(list((root / "Notes").glob("*.md"))) == counts["note"]
    types: dict[str, int] = {}
    for path in notes_of(root):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        kind = str(meta.get("type", "none"))
        types[kind] = types.get(kind, 0) + 1
    assert types["contact"] == counts["contact"]
    assert types["goal"] == counts["goal"]
    assert types["event"] == counts["event"]


@pytest.mark.parametrize("notes", [0, 1, 3, 7, 1000, 50_000])
def test_plan_counts_adds_up(notes: int) -> None:
    counts = gen.plan_counts(notes)
    assert sum(counts.values()) == notes
    assert all(n >= 0 for n in counts.values())


def test_tiny_vault(tmp_path: Path) -> None:
    counts = gen.generate(tmp_path / "tiny", 3, seed=5)
    assert sum(counts.values()) == 3
    assert len(notes_of(tmp_path / "tiny")) == 3


def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.md").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        gen.generate(tmp_path, 10)


def test_shape_of_notes(vault: tuple[Path, dict[str, int]]) -> None:
    root, _ = vault
    config = tomllib.loads((root / "mdnet.toml").read_text(encoding="utf-8"))
    assert config["exclude"] == ["Templates/**"]
    assert len(config["networks"]) == 4
    names: set[str] = set()
    goals: dict[str, dict[str, Any]] = {}
    for path in notes_of(root):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        if meta.get("type") == "contact":
            assert meta["name"] == path.stem
            assert 3 <= len(re.findall(r"(?m)^- (?:\[\[)?\d{4}-\d\d-\d\d", body)) <= 15
            for key in ("aliases", "met", "company", "role", "tags"):
                assert key in meta
            for name in [meta["name"], *meta["aliases"]]:
                assert str(name).lower() not in names
                names.add(str(name).lower())
        if meta.get("type") == "goal":
            goals[path.stem] = meta
    assert any(m["horizon"] == "long" for m in goals.values())
    short = [m for m in goals.values() if m["horizon"] == "short"]
    assert short and all(str(m["parent"]).startswith("[[") for m in short)
    assert any(isinstance(m.get("measure"), dict) for m in goals.values())
    dailies = sorted(p.stem for p in (root / "Daily").glob("*.md"))
    assert dailies[-1] == gen.TODAY.isoformat()
    assert len(set(dailies)) == len(dailies)


CODE = re.compile(r"```.*?```|`[^`\n]*`|%%.*?%%", re.S)
WIKILINK = re.compile(r"!?\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]")
MDLINK = re.compile(r"\]\(([^)]+\.md)\)")


def test_links_resolve_except_the_broken_ones(vault: tuple[Path, dict[str, int]]) -> None:
    root, _ = vault
    manifest = gen.read_manifest(root)
    assert manifest is not None
    known = {p.stem.lower() for p in notes_of(root)}
    known |= {p.name.lower() for p in (root / "Attachments").iterdir()}
    paths = {p.relative_to(root).with_suffix("").as_posix().lower() for p in notes_of(root)}
    for path in (root / "People").glob("*.md"):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        known |= {str(a).lower() for a in meta["aliases"]}
    links = broken = 0
    for path in notes_of(root):
        text = CODE.sub("", path.read_text(encoding="utf-8"))
        for target in WIKILINK.findall(text):
            links += 1
            target = target.lower()
            broken += target not in (paths if "/" in target else known)
        for target in MDLINK.findall(text):
            links += 1
            resolved = (path.parent / unquote(target)).resolve()
            broken += not resolved.is_file()
    assert links == manifest["links"]
    assert broken == manifest["broken_links"]
    assert broken <= 0.02 * links


def test_cli_writes_a_vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert gen.main([str(tmp_path / "cli"), "--notes", "20", "--seed", "3"]) == 0
    assert "20 notes" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "cli" / gen.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["notes"] == 20 and manifest["seed"] == 3
    with pytest.raises(SystemExit):
        gen.main([str(tmp_path / "cli"), "--notes", "20"])  # not empty, no --force
    assert gen.main([str(tmp_path / "cli"), "--notes", "10", "--force"]) == 0
    assert len(notes_of(tmp_path / "cli")) == 10
