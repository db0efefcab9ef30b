"""`check --verbose`: which vault, which settings files, and how long each phase took."""

from __future__ import annotations

import time
from pathlib import Path

from msgspec import Struct, field

from mdnet.config import Config


class Laps(Struct):
    """A stopwatch of named phases (a phase run twice adds up), and what the run read."""

    start: float = field(default_factory=time.perf_counter)
    last: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.last = self.start

    def lap(self, phase: str) -> None:
        """The time since the previous lap belongs to `phase`."""
        now = time.perf_counter()
        self.phases[phase] = self.phases.get(phase, 0.0) + now - self.last
        self.last = now

    def settings(self, root: Path, config: Config, isolated: bool) -> None:
        """Say which vault this is and which files its settings came from."""
        self.lines.append(f"vault: {root.resolve()}")
        files = [str(config.source)] if config.source else []
        used = {o for o in config.origins.values() if o.startswith(".obsidian/")}
        files += [str(root.resolve() / o) for o in sorted(used)]
        if isolated:
            read = "none (--isolated: the defaults)"
        else:
            read = ", ".join(files) or "none (the defaults)"
        self.lines.append(f"settings read: {read}")

    def report(self, last_phase: str = "output") -> str:
        """Lines for standard error, the time of each phase in milliseconds last."""
        self.lap(last_phase)
        total = sum(self.phases.values())
        times = ", ".join(f"{name} {_ms(s)}" for name, s in self.phases.items())
        lines = [*self.lines, f"time: {times} (total {_ms(total)})"]
        return "".join(f"mdnet: {line}\n" for line in lines)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"
