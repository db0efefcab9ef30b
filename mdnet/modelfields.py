"""Typed access to a note's front-matter fields for the model (mdnet/model.py): each read
as text, a date, a number, a choice, a flag, a duration or a yearly date, with a problem
(F004, F005, C007) at the key's place for a value that is none."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from mdnet.dates import DateError, parse_date, parse_duration
from mdnet.note import Note, Problem
from mdnet.yearly import Yearly, parse_yearly

_DATES: dict[str, date] = {}
"""Each date read from text (parse_date depends on the text alone)."""


class Fields:
    """Typed access to one note's front matter, recording a problem per bad field."""

    def __init__(self, note: Note) -> None:
        self.note = note
        self.meta = note.meta
        self.problems: list[Problem] = []

    def problem(self, code: str, key: str, message: str) -> None:
        line, col = self.note.key_line(key)
        self.problems.append(Problem(code, line, col, message))

    def text(self, key: str) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value).strip() or None
        self.problem("F005", key, f"`{key}` must be text, not {shown(value)}")
        return None

    def date(self, key: str) -> date | None:
        value = self.meta.get(key)
        if value is None:
            return None
        if type(value) is str:  # dates written as text repeat from note to note
            known = _DATES.get(value)
            if known is not None:
                return known
        try:
            found = parse_date(value)
        except DateError as exc:
            self.problem("F004", key, f"`{key}`: {exc}")
            return None
        if type(value) is str and len(_DATES) < 65536:
            _DATES[value] = found
        return found

    def yearly(self, key: str) -> Yearly | None:
        """A birthday or anniversary: `YYYY-MM-DD`, `--MM-DD` or `MM-DD` (F004 otherwise)."""
        if self.meta.get(key) is None:
            return None
        try:
            return parse_yearly(self.meta[key])
        except DateError as exc:
            self.problem("F004", key, f"`{key}`: {exc}")
            return None

    def number(self, key: str) -> float | None:
        value = self.meta.get(key)
        if value is None:
            return None
        number = None
        try:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number = float(value)
            elif isinstance(value, str):
                number = float(value.strip().replace(",", ""))
        except (ValueError, OverflowError):  # not a number, or an integer too large for one
            number = None
        if number is not None and math.isfinite(number):  # .inf and .nan are no amounts
            return number
        self.problem("F005", key, f"`{key}` must be a number, not {shown(value)}")
        return None

    def choice(self, key: str, choices: tuple[str, ...], default: str | None) -> str | None:
        value = self.meta.get(key)
        if value is None:
            return default
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        self.problem(
            "F005", key, f"`{key}` must be one of {', '.join(choices)}, not {shown(value)}"
        )
        return default

    def flag(self, key: str) -> bool:
        value = self.meta.get(key)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        self.problem("F005", key, f"`{key}` must be true or false, not {shown(value)}")
        return False

    def duration(self, key: str) -> int | None:
        value = self.meta.get(key)
        if value is None:
            return None
        try:
            return parse_duration(value)
        except DateError as exc:
            self.problem("C007", key, f"`{key}`: {exc}")
            return None


def shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
