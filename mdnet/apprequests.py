"""The requests of `report`, `log` and `calendar` (see mdnet/app.py): kept apart so that the
commands that do not build them (`check` above all, replayed or not) do not make their
classes at start-up (0.6 ms each; issue 18)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ReportRequest:
    root: Path
    today: date
    fmt: str
    output: Path | None
    public: bool
    links: str
    cwd: Path
    use_cache: bool = True


@dataclass(frozen=True, slots=True)
class LogRequest:
    name: str
    text: str
    vault: Path | None
    day: date
    tags: tuple[str, ...]
    cwd: Path


@dataclass(frozen=True, slots=True)
class CalendarRequest:
    root: Path
    today: date
    output: Path | None
    public: bool
    use_cache: bool = True
    alarm_days: int | None = None
    """`--alarm`: a reminder this many days before each event."""
