"""moment.js formats, as Obsidian uses them: daily-note names read back into dates
(`YYYY/MM/YYYY-MM-DD dddd`) and `{{date:FORMAT}}` written out for templates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from mdnet.dates.parse import _MONTHS, MONTH_NAMES, WEEKDAY_NAMES, DateError, _real_date, _show

#: The moment.js tokens a daily-note format may use (Obsidian's Daily notes `format`).
DAILY_TOKENS: Final = ("YYYY", "YY", "MMMM", "MMM", "MM", "M", "Do", "DD", "D", "dddd", "ddd")
# Letters that are moment.js tokens mdnet does not read (week numbers, hours...): written
# outside [brackets] they would not be literal text in Obsidian either.
_MOMENT_LETTERS: Final = frozenset("YyMQDdEeWwGgAaHhkmsSZXxNL")
_MONTH_NAME_RE: Final = "|".join(
    sorted({n for m in MONTH_NAMES for n in (m, m[:3])} | {"Sept"}, key=len, reverse=True)
)
_WEEKDAY_RE: Final = "|".join(
    sorted({n for w in WEEKDAY_NAMES for n in (w, w[:3])}, key=len, reverse=True)
)
_TOKEN_RE: Final = {
    "YYYY": r"(?P<Y_{i}>[0-9]{{4}})",
    "YY": r"(?P<YY_{i}>[0-9]{{2}})",
    "MMMM": rf"(?P<N_{{i}}>{_MONTH_NAME_RE})",
    "MMM": rf"(?P<N_{{i}}>{_MONTH_NAME_RE})",
    "MM": r"(?P<M_{i}>[0-9]{{2}})",
    "M": r"(?P<M_{i}>[0-9]{{1,2}})",
    "Do": r"(?P<D_{i}>[0-9]{{1,2}})(?:st|nd|rd|th)",
    "DD": r"(?P<D_{i}>[0-9]{{2}})",
    "D": r"(?P<D_{i}>[0-9]{{1,2}})",
    "dddd": rf"(?:{_WEEKDAY_RE})",
    "ddd": rf"(?:{_WEEKDAY_RE})",
}
# Adjacent variable-width tokens (`MDMD...`) make matching exponential: a real format has
# fewer than ten (`YYYY/MM/YYYY-MM-DD dddd` has six).
_MAX_DAILY_TOKENS: Final = 12
_FIELD_OF: Final = {"Y": "y", "YY": "y", "N": "m", "M": "m", "D": "d"}


def daily_format_regex(fmt: str, folder: str = "") -> re.Pattern[str]:
    """A regex over a note's vault path (without `.md`) for daily notes named by ``fmt``.

    ``fmt`` uses the moment.js tokens of :data:`DAILY_TOKENS`, ``[literal text]`` and ``/``
    for sub-folders (``YYYY/MM/YYYY-MM-DD dddd``); it must name a year, a month and a day.
    The name may sit at any depth; with a ``folder``, only under that folder. Month and
    weekday names are English, in any case. Raises :class:`DateError` for any other format.
    Read a match with :func:`daily_match_date`.
    """
    shown = _show(fmt)
    if not fmt.strip():
        raise DateError("an empty format names no daily note; write e.g. YYYY-MM-DD")
    out: list[str] = []
    seen: set[str] = set()
    i = tokens = 0
    while i < len(fmt):
        char = fmt[i]
        if char == "[":
            end = fmt.find("]", i + 1)
            if end < 0:
                raise DateError(f"{shown} has a '[' that is never closed")
            out.append(re.escape(fmt[i + 1 : end]))
            i = end + 1
            continue
        token = next((t for t in DAILY_TOKENS if fmt.startswith(t, i)), None)
        if token is not None:
            tokens += 1
            if tokens > _MAX_DAILY_TOKENS:
                raise DateError(f"{shown} has more than {_MAX_DAILY_TOKENS} date tokens")
            out.append(_TOKEN_RE[token].format(i=len(out)))
            seen.add(token[0] if token[0] == "D" else token[0].lower())  # dddd: no day
            i += len(token)
            continue
        if char in _MOMENT_LETTERS:
            run = re.match(rf"{re.escape(char)}+o?", fmt[i:])
            bad = run.group(0) if run else char
            raise DateError(
                f"{shown}: the token {bad!r} is not supported (use {', '.join(DAILY_TOKENS)}, "
                "and put other text in [brackets])"
            )
        if char == "\\" or (char == "/" and (i == 0 or fmt[i - 1] == "/" or i == len(fmt) - 1)):
            raise DateError(f"{shown} has a stray {char!r}")
        out.append("/" if char == "/" else re.escape(char))
        i += 1
    names = (("year", "y"), ("month", "m"), ("day", "D"))
    missing = [name for name, field in names if field not in seen]
    if missing:
        raise DateError(f"{shown} names no {' and no '.join(missing)}; daily notes need all three")
    where = re.escape(folder.strip("/")) + "/" if folder.strip("/") else ""
    return re.compile(f"^{where}(?:.*/)?{''.join(out)}$", re.IGNORECASE)


def daily_match_date(found: re.Match[str]) -> dt.date | None:
    """The date a :func:`daily_format_regex` match names; None when its parts disagree
    (``2026-11-02 (03)``) or name no real day."""
    parts: dict[str, int] = {}
    for name, text in found.groupdict().items():
        if text is None:
            continue
        kind = name.split("_", 1)[0]
        if kind == "N":
            value = _MONTHS.get(text.lower(), 0)
        elif kind == "YY":
            value = int(text) + (1900 if int(text) > 68 else 2000)  # as moment.js reads YY
        else:
            value = int(text)
        field = _FIELD_OF[kind]
        if parts.setdefault(field, value) != value:
            return None
    if len(parts) != 3:
        return None
    return _real_date(parts["y"], parts["m"], parts["d"])


_FORMAT_TOKEN = (
    r"\[[^\]]*\]|YYYY|YY|Q|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|d|E|WW|W|"
    r"HH|H|hh|h|mm|m|ss|s|A|a"
)
"""The tokens `moment_format` replaces (for `new`, `init` and `log`: compiled by `re` when
first used, not at every start)."""


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def moment_format(fmt: str, day: dt.date, clock: dt.time) -> str:
    """Format a date and time with the moment.js tokens Obsidian's `{{date:FORMAT}}` uses."""

    def token(m: re.Match[str]) -> str:
        t = m.group(0)
        hour12 = clock.hour % 12 or 12
        values = {
            "YYYY": f"{day.year:04d}",
            "YY": f"{day.year % 100:02d}",
            "Q": str((day.month - 1) // 3 + 1),
            "MMMM": MONTH_NAMES[day.month - 1],
            "MMM": MONTH_NAMES[day.month - 1][:3],
            "MM": f"{day.month:02d}",
            "M": str(day.month),
            "DDDD": f"{day.timetuple().tm_yday:03d}",
            "DDD": str(day.timetuple().tm_yday),
            "Do": _ordinal(day.day),
            "DD": f"{day.day:02d}",
            "D": str(day.day),
            "dddd": WEEKDAY_NAMES[day.weekday()],
            "ddd": WEEKDAY_NAMES[day.weekday()][:3],
            "dd": WEEKDAY_NAMES[day.weekday()][:2],
            "d": str((day.weekday() + 1) % 7),
            "E": str(day.isoweekday()),
            "WW": f"{day.isocalendar().week:02d}",
            "W": str(day.isocalendar().week),
            "HH": f"{clock.hour:02d}",
            "H": str(clock.hour),
            "hh": f"{hour12:02d}",
            "h": str(hour12),
            "mm": f"{clock.minute:02d}",
            "m": str(clock.minute),
            "ss": f"{clock.second:02d}",
            "s": str(clock.second),
            "A": "AM" if clock.hour < 12 else "PM",
            "a": "am" if clock.hour < 12 else "pm",
        }
        return t[1:-1] if t.startswith("[") else values[t]

    return re.sub(_FORMAT_TOKEN, token, fmt)
