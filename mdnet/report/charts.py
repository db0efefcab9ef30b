"""Formatting helpers and the inline SVG and Mermaid charts of the reports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from markupsafe import Markup, escape

from mdnet.dates import MONTH_NAMES, WEEKDAY_NAMES
from mdnet.report.data import ActivityWeek, PeriodRow

LONG_MONTHS = MONTH_NAMES
MONTHS = tuple(name[:3] for name in MONTH_NAMES)
WEEKDAYS = WEEKDAY_NAMES


# --------------------------------------------------------------------------- formatting


def to_date(value: object) -> date | None:
    """Return the date of an ISO string (or a date), None for anything else."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def short_date(value: object, today: object = None) -> str:
    """`2 Nov`, with the year when it is not the year of `today`; `—` for no date."""
    day = to_date(value)
    if day is None:
        return "—"
    ref = to_date(today)
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if ref is None or ref.year != day.year:
        text += f" {day.year}"
    return text


def long_date(value: object) -> str:
    """`Monday, 23 November 2026`; the value itself when it is not a date."""
    day = to_date(value)
    if day is None:
        return str(value or "")
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {LONG_MONTHS[day.month - 1]} {day.year}"


def days_between(start: object, end: object) -> int | None:
    """Days from `start` to `end` (negative when `end` comes first); None without both."""
    first, last = to_date(start), to_date(end)
    if first is None or last is None:
        return None
    return (last - first).days


def number(value: object) -> str:
    """A count or a measure: `12`, `27.5`, `—` for none."""
    if value is None or isinstance(value, bool):
        return "—"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return "—"
        return str(int(value)) if value == int(value) else f"{value:.1f}"
    return str(value)


def plural(count: object, singular: str, many: str | None = None) -> str:
    """`1 day`, `3 days`."""
    word = singular if count == 1 else (many if many is not None else singular + "s")
    return f"{number(count)} {word}"


def clamp_percent(value: object) -> float:
    """A percentage clamped to 0–100 for drawing (0 for none)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    if value != value:
        return 0.0
    return float(max(0.0, min(100.0, value)))


def text_bar(fraction: object, width: int = 10) -> str:
    """A bar of block characters for plain text: `███████░░░`."""
    filled = round(clamp_percent(_as_float(fraction) * 100) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def period_label(start: object, every: object) -> str:
    """How a recurring goal's period is named: `week of 16 Nov`, `Nov 2026`, `2026`."""
    day = to_date(start)
    if day is None:
        return "period"
    if every == "year":
        return str(day.year)
    if every == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if every == "day":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"week of {day.day} {MONTHS[day.month - 1]} {day.year}"


def _as_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return max(0, int(value))


def _f(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def nice_max(value: int) -> tuple[int, int]:
    """An axis maximum of at least `value` and its tick step, both round numbers."""
    value = max(value, 4)
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if -(-value // step) <= 4:
                return -(-value // step) * step, step
        magnitude *= 10


# --------------------------------------------------------------------------- SVG charts


def activity_summary(weeks: Sequence[ActivityWeek]) -> str:
    """One sentence describing the activity chart (its text alternative)."""
    if not weeks:
        return "No activity recorded."
    total = sum(_int(w.interactions) for w in weeks)
    gives = sum(_int(w.gives) for w in weeks)
    asks = sum(_int(w.asks) for w in weeks)
    first, last = weeks[0].week, weeks[-1].week
    span = f"{len(weeks)} weeks from {short_date(first, last)} to {short_date(last)}"
    if total == 0:
        return f"No interactions in the {span}."
    busiest = max(weeks, key=lambda w: _int(w.interactions))
    return (
        f"{plural(total, 'interaction')} in the {span} "
        f"({plural(gives, 'give')}, {plural(asks, 'ask')}); "
        f"busiest: the week of {short_date(busiest.week, last)} "
        f"with {_int(busiest.interactions)}; "
        f"this week so far: {_int(weeks[-1].interactions)}."
    )


def activity_svg(weeks: Sequence[ActivityWeek], *, compact: bool = False) -> Markup:
    """A bar chart of interactions per week, gives and asks stacked at the bottom of each bar.

    `compact` draws it for a phone's width (larger type relative to the drawing).
    """
    if compact:
        width, height, font = 360, 200, 12
        left, right, top, bottom = 22, 2, 10, 26
    else:
        width, height, font = 960, 250, 12
        left, right, top, bottom = 30, 4, 12, 30
    ident = "activity-compact" if compact else "activity"
    plot_w, plot_h = width - left - right, height - top - bottom
    count = max(len(weeks), 1)
    slot = plot_w / count
    bar_w = slot * 0.7
    peak = max(
        (max(_int(w.interactions), _int(w.gives) + _int(w.asks)) for w in weeks),
        default=0,
    )
    y_max, step = nice_max(peak)

    def y(value: float) -> float:
        return top + plot_h - value / y_max * plot_h

    parts: list[str] = [
        f'<svg class="chart activity-chart{" compact" if compact else ""}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{ident}-title">Interactions per week</title>',
        f'<desc id="{ident}-desc">{escape(activity_summary(weeks))}</desc>',
    ]
    for tick in range(0, y_max + 1, step):
        ty = _f(y(tick))
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{ty}" y2="{ty}" '
            'stroke="#d0d5db" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="axis" x="{left - 5}" y="{_f(y(tick) + font / 3)}" '
            f'text-anchor="end" font-size="{font}" fill="#6b7580">{tick}</text>'
        )
    previous_month = None
    for index, week in enumerate(weeks):
        total = _int(week.interactions)
        gives, asks = _int(week.gives), _int(week.asks)
        other = max(total - gives - asks, 0)
        x = left + index * slot + (slot - bar_w) / 2
        label = short_date(week.week)
        tip = (
            f"Week of {label}: {plural(total, 'interaction')}, "
            f"{plural(gives, 'give')}, {plural(asks, 'ask')}"
        )
        current = ' class="current"' if index == len(weeks) - 1 else ""
        parts.append(f"<g{current}><title>{escape(tip)}</title>")
        base = 0
        for value, klass, colour in (
            (gives, "give", "#2f9e44"),
            (asks, "ask", "#e8890c"),
            (other, "other", "#aab3bf"),
        ):
            if value:
                y0, y1 = y(base + value), y(base)
                parts.append(
                    f'<rect class="{klass}" x="{_f(x)}" y="{_f(y0)}" width="{_f(bar_w)}" '
                    f'height="{_f(max(y1 - y0 - 0.75, 0.75))}" rx="1.5" fill="{colour}"/>'
                )
                base += value
        if total == 0 and gives + asks == 0:
            parts.append(
                f'<rect class="zero" x="{_f(x)}" y="{_f(y(0) - 1.5)}" width="{_f(bar_w)}" '
                'height="1.5" fill="#d0d5db"/>'
            )
        parts.append("</g>")
        day = to_date(week.week)
        if day is not None and day.month != previous_month:
            if previous_month is not None or day.day <= 7:
                parts.append(
                    f'<text class="axis" x="{_f(x)}" y="{height - bottom + font + 6}" '
                    f'font-size="{font}" '
                    f'fill="#6b7580">{MONTHS[day.month - 1]}</text>'
                )
            previous_month = day.month
    parts.append("</svg>")
    return Markup("".join(parts))


def donut_svg(gives: object, asks: object) -> Markup:
    """A ring showing the share of gives against asks, the gives share in its centre."""
    give_n, ask_n = _int(gives), _int(asks)
    total = give_n + ask_n
    radius = 15.9155  # circumference 100
    label = (
        f"Gives and asks: {plural(give_n, 'give')}, {plural(ask_n, 'ask')}"
        if total
        else "No gives or asks recorded"
    )
    parts = [
        f'<svg class="chart donut" viewBox="0 0 42 42" role="img" aria-label="{escape(label)}">',
        f'<circle class="ring" cx="21" cy="21" r="{radius}" fill="none" stroke="#e3e7ec" '
        'stroke-width="5.5"/>',
    ]
    if total:
        give_share = give_n / total * 100
        offset = 25.0
        for share, klass, colour in (
            (give_share, "give", "#2f9e44"),
            (100 - give_share, "ask", "#e8890c"),
        ):
            if share > 0:
                parts.append(
                    f'<circle class="{klass}" cx="21" cy="21" r="{radius}" fill="none" '
                    f'stroke="{colour}" stroke-width="5.5" '
                    f'stroke-dasharray="{_f(share)} {_f(100 - share)}" '
                    f'stroke-dashoffset="{_f(offset)}"/>'
                )
                offset -= share
        parts.append(
            f'<text class="donut-value" x="21" y="21.5" text-anchor="middle" font-size="8" '
            f'font-weight="700" fill="currentColor">{round(give_share)}%</text>'
            '<text class="donut-label" x="21" y="27.5" text-anchor="middle" font-size="3.6" '
            'fill="#6b7580">gives</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def period_strip_svg(periods: Sequence[PeriodRow], every: object, target: object) -> Markup:
    """A row of squares, one per period, filled when the period met its target."""
    size, gap = 14, 4
    count = len(periods)
    width = max(count * (size + gap) - gap, size)
    met = sum(1 for p in periods if p.met)
    label = f"{met} of {plural(count, 'period')} met"
    parts = [
        f'<svg class="strip" viewBox="0 0 {width} {size + 2}" width="{width}" '
        f'height="{size + 2}" role="img" aria-label="{escape(label)}">'
    ]
    for index, period in enumerate(periods):
        current = index == count - 1
        is_met = bool(period.met)
        if is_met:
            klass, state = "met", "met"
        elif current:
            klass, state = "open", "in progress"
        else:
            klass, state = "missed", "missed"
        tip = (
            f"{period_label(period.start, every)}: "
            f"{_int(period.count)}"
            + (f" of {number(target)}" if target is not None else "")
            + f" ({state})"
        )
        x = index * (size + gap)
        extra = " current" if current else ""
        fill = {"met": "#2f9e44", "open": "none", "missed": "#e3e7ec"}[klass]
        parts.append(
            f'<rect class="{klass}{extra}" x="{x + 1}" y="1" width="{size - 2}" '
            f'height="{size - 2}" rx="3" fill="{fill}" stroke="#2f9e44" '
            f'stroke-width="{1.5 if klass == "open" else 0}"><title>{escape(tip)}</title></rect>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


# --------------------------------------------------------------------------- Mermaid charts


def mermaid_activity(weeks: Sequence[ActivityWeek]) -> str:
    """A Mermaid `xychart-beta` bar chart of interactions per week (numbers and dates only)."""
    last = weeks[-1].week if weeks else None
    labels = ", ".join(f'"{short_date(w.week, last)}"' for w in weeks)
    values = ", ".join(str(_int(w.interactions)) for w in weeks)
    peak = max((_int(w.interactions) for w in weeks), default=0)
    y_max, _ = nice_max(peak)
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            '    title "Interactions per week"',
            f"    x-axis [{labels}]",
            f'    y-axis "Interactions" 0 --> {y_max}',
            f"    bar [{values}]",
            "```",
        ]
    )


def mermaid_balance(gives: object, asks: object) -> str:
    """A Mermaid pie of gives against asks; empty when there are none."""
    give_n, ask_n = _int(gives), _int(asks)
    if give_n + ask_n == 0:
        return ""
    return "\n".join(
        [
            "```mermaid",
            "pie showData",
            "    title Gives and asks",
            f'    "Gives" : {give_n}',
            f'    "Asks" : {ask_n}',
            "```",
        ]
    )


def balance_sentence(gives: object, asks: object) -> str:
    """The give/ask balance in words, with the advice the seed articles give."""
    give_n, ask_n = _int(gives), _int(asks)
    if give_n + ask_n == 0:
        return "No gives or asks recorded yet: tag interactions #give or #ask."
    counts = f"{plural(give_n, 'give')} and {plural(ask_n, 'ask')}"
    if ask_n == 0:
        return f"{counts}: all give, no ask."
    ratio = give_n / ask_n
    if ratio >= 1:
        return f"{counts}: {ratio:.1f} gives for every ask. You give before you ask."
    return f"{counts}: {ratio:.1f} gives for every ask. Look for ways to help before asking again."
