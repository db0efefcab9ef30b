"""The whole pipeline for one vault: load -> model -> derive, computed once and shared."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from mdnet.config import Config
from mdnet.derive import Derivation
from mdnet.links import LinkIndex
from mdnet.model import Model, build_model
from mdnet.note import Note, Problem
from mdnet.vault import NoteLoader, Vault, load_serial, load_vault


class Analysis:
    """A loaded vault with its model and derived state; rules and reports read from it."""

    def __init__(self, vault: Vault, config: Config, today: date) -> None:
        self.vault = vault
        self.config = config
        self.today = today
        self.notes: dict[str, Note] = {n.path: n for n in vault.notes}

    @cached_property
    def index(self) -> LinkIndex:
        return LinkIndex(self.vault.files, self.vault.notes)

    @cached_property
    def model(self) -> Model:
        return build_model(self.vault.notes)

    @cached_property
    def derived(self) -> Derivation:
        return Derivation(self.vault.notes, self.model, self.index, self.config, self.today)

    @cached_property
    def _problems(self) -> dict[str, list[tuple[str, Problem]]]:
        by_code: dict[str, list[tuple[str, Problem]]] = defaultdict(list)
        for note in self.vault.notes:
            for problem in note.problems:
                by_code[problem.code].append((note.path, problem))
        for path, problem in self.model.problems:
            by_code[problem.code].append((path, problem))
        return by_code

    def problems(self, code: str) -> list[tuple[str, Problem]]:
        """Problems found while reading notes and their fields, for one code."""
        return self._problems.get(code, [])


@dataclass(frozen=True, slots=True)
class Options:
    """How to load: the vault root, its configuration and the date to evaluate on."""

    root: Path
    config: Config
    today: date


def analyse(options: Options, loader: NoteLoader = load_serial) -> Analysis:
    vault = load_vault(options.root, options.config, loader)
    return Analysis(vault, options.config, options.today)
