"""The whole pipeline for one vault: load -> model -> derive, computed once and shared."""

from __future__ import annotations

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

    def problems(self, code: str) -> list[tuple[str, Problem]]:
        """Problems found while reading notes and their fields, for one code."""
        found = [(n.path, p) for n in self.vault.notes for p in n.problems if p.code == code]
        found.extend((path, p) for path, p in self.model.problems if p.code == code)
        return found


@dataclass(frozen=True, slots=True)
class Options:
    """How to load: the vault root, its configuration and the date to evaluate on."""

    root: Path
    config: Config
    today: date


def analyse(options: Options, loader: NoteLoader = load_serial) -> Analysis:
    vault = load_vault(options.root, options.config, loader)
    return Analysis(vault, options.config, options.today)
