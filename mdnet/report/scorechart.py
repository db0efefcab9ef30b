"""The scorecard chart: points per week as an inline SVG bar chart, and its one-sentence
text alternative (also what the Markdown report prints)."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from mdnet.report.charts import _f, nice_max, number, short_date
from mdnet.report.data import PointsWeek


def points_summary(weeks: Sequence[PointsWeek]) -> str:
    """One sentence describing the points chart."""
    if not weeks:
        return "No scorecard points."
    first, last = weeks[0].week, weeks[-1].week
    total = sum(float(w.points) for w in weeks)
    best = max(weeks, key=lambda w: float(w.points))
    span = f"{len(weeks)} weeks from {short_date(first, last)} to {short_date(last)}"
    if total == 0:
        return f"No scorecard points in the {span}."
    return (
        f"{number(total)} points in the {span}; best: the week of "
        f"{short_date(best.week, last)} with {number(best.points)}; "
        f"this week so far: {number(weeks[-1].points)}."
    )


def points_svg(
    weeks: Sequence[PointsWeek], target: object = None, *, compact: bool = False
) -> Markup:
    """Bars of points per week, the current week last; a dashed line at `target` (the
    weekly target of a goal that counts points), if any. `compact` draws it for a phone."""
    if compact:
        width, height, font = 360, 160, 12
        left, right, top, bottom = 22, 2, 10, 12
    else:
        width, height, font = 960, 180, 12
        left, right, top, bottom = 30, 4, 10, 22
    ident = "points-compact" if compact else "points"
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(len(weeks), 1)
    bar_w = slot * 0.7
    goal = float(target) if isinstance(target, int | float) and target > 0 else None
    peak = max([float(w.points) for w in weeks] + [goal or 0.0])
    y_max, step = nice_max(int(-(-peak // 1)))

    def y(value: float) -> float:
        return top + plot_h - value / y_max * plot_h

    parts = [
        f'<svg class="chart points-chart{" compact" if compact else ""}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{ident}-title">Scorecard points per week</title>',
        f'<desc id="{ident}-desc">{escape(points_summary(weeks))}</desc>',
    ]
    for tick in range(0, y_max + 1, step):
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_f(y(tick))}" '
            f'y2="{_f(y(tick))}" stroke="#d0d5db" stroke-width="1"/>'
            f'<text class="axis" x="{left - 5}" y="{_f(y(tick) + font / 3)}" '
            f'text-anchor="end" font-size="{font}" fill="#6b7580">{tick}</text>'
        )
    for index, week in enumerate(weeks):
        value = float(week.points)
        x = left + index * slot + (slot - bar_w) / 2
        met = goal is not None and value >= goal
        colour = "#2f9e44" if met else "#3451b2"
        tip = f"Week of {short_date(week.week)}: {number(value)} points"
        current = ' class="current"' if index == len(weeks) - 1 else ""
        parts.append(f"<g{current}><title>{escape(tip)}</title>")
        if value > 0:
            parts.append(
                f'<rect class="points" x="{_f(x)}" y="{_f(y(value))}" width="{_f(bar_w)}" '
                f'height="{_f(max(y(0) - y(value), 0.75))}" rx="1.5" fill="{colour}"/>'
            )
        parts.append("</g>")
    if goal is not None:
        parts.append(
            f'<line class="target" x1="{left}" x2="{width - right}" y1="{_f(y(goal))}" '
            f'y2="{_f(y(goal))}" stroke="#e8890c" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
