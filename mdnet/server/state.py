"""The server's memory: the vault's notes as read from disk, the editor's open notes on top.

A change to one open note re-parses that note only; every other note stays parsed in
memory, and so do the interactions and plans collected from each note
(`mdnet.derive.interactions.Memo`): only the changed note's are collected again, and any
note whose links now resolve to other contacts (a renamed note, a new alias). What reads
all interactions (relationships, goal states) and the rules then run again over the whole
vault, as `mdnet check` runs them."""

from __future__ import annotations

import os
import warnings
from collections import defaultdict
from datetime import date
from pathlib import Path

from mdnet import baseline
from mdnet.analysis import Analysis
from mdnet.cache import cached_loader
from mdnet.check import Selection, run_rules
from mdnet.config import Config, load_config
from mdnet.diagnostics import Diagnostic
from mdnet.errors import MdnetError
from mdnet.note import Note, Problem, classify, parse_note
from mdnet.vault import FileEntry, Vault, is_excluded, load_vault, read_note


def split_lines(text: str) -> list[str]:
    """Lines as the parser and the LSP count them (`\\r\\n`, `\\r` and `\\n` end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


class VaultState:
    """One vault: its notes from disk, the open notes' editor text, and the analysis."""

    def __init__(self, root: Path, today: date | None = None) -> None:
        self.root = root.resolve()
        self.fixed_today = today
        self.config_error: str | None = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Obsidian settings mdnet cannot use
            try:
                self.config = load_config(self.root)
            except MdnetError as exc:
                self.config_error = str(exc)
                self.config = Config()
        vault = load_vault(self.root, self.config, cached_loader(True))
        self.disk: dict[str, Note] = {n.path: n for n in vault.notes}
        self.stamps: dict[str, tuple[int, int, int] | None] = dict(vault.stamps or {})
        """Disk notes' file stamps, as the touches memo on disk knows them; a note read
        again or open in the editor is compared by identity instead."""
        self.files: set[str] = set(vault.files)
        self.open: dict[str, Note] = {}
        self.texts: dict[str, list[str]] = {}
        """Path -> lines of the editor's text, for open notes."""
        self._analysis: Analysis | None = None
        self._last: Analysis | None = None
        """The analysis before the last change: what it derived is updated, not rebuilt."""
        self._selection: Selection | None = None
        self._baseline: baseline.Baseline | None = None
        self._baseline_stamp: int | None = None

    # ------------------------------------------------------------------ paths

    def relpath(self, file: Path) -> str | None:
        """The vault-relative path of a note of this vault, else None."""
        try:
            rel = Path(os.path.abspath(file)).relative_to(self.root).as_posix()
        except ValueError:
            return None
        if not rel.lower().endswith(".md") or any(p.startswith(".") for p in rel.split("/")):
            return None
        if rel in self.disk or rel in self.open:
            return rel
        if rel in self.files:  # listed when the vault was read, yet no note: excluded
            return None
        return None if is_excluded(rel, self.config.exclude) else rel

    # ------------------------------------------------------------------ changes

    def set_text(self, path: str, text: str) -> None:
        """The editor's text of an open note: parse it (only it) and forget the analysis."""
        self.texts[path] = split_lines(text)
        self.open[path] = self.parse(path, text)
        self._add_file(path)
        self._analysis = None

    def close(self, path: str) -> None:
        """The editor closed the note: what is on disk counts again."""
        self.open.pop(path, None)
        self.texts.pop(path, None)
        self.reload(path)

    def reload(self, path: str) -> None:
        """The file changed on disk (or went away); an open note keeps the editor's text."""
        file = self.root / path
        try:
            st = file.stat()
        except OSError:
            self.disk.pop(path, None)
            if path not in self.open:
                self.files.discard(path)
        else:
            entry = FileEntry(path, st.st_size, st.st_mtime_ns)
            self.disk[path] = read_note(self.root, entry, self.config)
            self._add_file(path)
        self.stamps.pop(path, None)
        self._analysis = None

    def _add_file(self, path: str) -> None:
        if path not in self.files:
            self.files.add(path)
            parts = path.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                self.files.add("/".join(parts[:i]) + "/")

    def parse(self, path: str, text: str) -> Note:
        """Parse the editor's text as `check` parses the file (size limit included)."""
        config = self.config
        data = text.encode("utf-8", "surrogatepass")  # a lone surrogate: F001, not a crash
        if len(data) > config.max_file_size:
            kind, daily = classify(path, {}, config.kind_selectors(), config.daily_regex())
            limit = f"file is {len(data):,} bytes, over the limit of {config.max_file_size:,}"
            return Note(path, kind, problems=(Problem("F001", 1, 1, limit),), daily_date=daily)
        return parse_note(
            path,
            data,
            folders=config.kind_selectors(),
            daily=config.daily_regex(),
            max_front_matter_size=config.max_front_matter_size,
        )

    # ------------------------------------------------------------------ results

    def analysis(self) -> Analysis:
        """The analysed vault with the open notes' text; derived again after each change."""
        today = self.fixed_today or date.today()
        if self._analysis is None or self._analysis.today != today:
            notes = {**self.disk, **self.open}
            vault = Vault(
                root=self.root,
                notes=tuple(notes[p] for p in sorted(notes)),
                files=tuple(sorted(self.files)),
                stamps={p: s for p, s in self.stamps.items() if p not in self.open},
            )
            last = self._last
            # The first analysis reads the touches kept by `mdnet check`, and keeps its own;
            # the next ones update the last one's link index, model and touches.
            self._analysis = Analysis(
                vault, self.config, today, remember=last is None, previous=last
            )
            self._last = self._analysis
        return self._analysis

    def selection(self) -> Selection:
        if self._selection is None:
            try:
                self._selection = Selection.merge(self.analysis())
            except MdnetError as exc:
                self.config_error = str(exc)
                self._selection = Selection()
        return self._selection

    def diagnostics(self, paths: set[str]) -> dict[str, list[Diagnostic]]:
        """The diagnostics of these notes, with rules and suppressions as `check` applies them."""
        found: dict[str, list[Diagnostic]] = defaultdict(list)
        diagnostics = run_rules(self.analysis(), self.selection(), paths)
        recorded = self.baseline()
        if recorded is not None:
            diagnostics = baseline.apply(
                recorded, self.root, diagnostics, paths, self.read
            ).diagnostics
        for d in diagnostics:
            found[d.path].append(d)
        return {p: found.get(p, []) for p in paths}

    def baseline(self) -> baseline.Baseline | None:
        """The vault's baseline file, as `check` reads it; read again when it changes."""
        file = self.root / baseline.DEFAULT_NAME
        try:
            stamp = file.stat().st_mtime_ns
        except OSError:
            return None
        if self._baseline_stamp != stamp:
            self._baseline_stamp = stamp
            try:
                self._baseline = baseline.load(file)
            except MdnetError as exc:
                self.config_error = str(exc)
                self._baseline = None
        return self._baseline

    def read(self, path: str) -> bytes:
        """A note's text: the editor's when it is open, else the file's."""
        lines = self.texts.get(path)
        if lines is not None:
            return "\n".join(lines).encode("utf-8", "surrogatepass")
        return (self.root / path).read_bytes()

    def note(self, path: str) -> Note | None:
        return self.open.get(path) or self.disk.get(path)
