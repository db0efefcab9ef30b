"""The scorecard: points for networking behaviour (`[scorecard]` in mdnet.toml), dated, for
`measure: {count: points}` goals and the report's weekly points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from msgspec import Struct

from mdnet.config import Scorecard
from mdnet.derive.records import Interaction, Relationship


class Points(Struct, frozen=True):
    """Points earned on a date for one thing done."""

    date: date
    points: float
    kind: str
    """give, ask, followup, other, event or new_contact (a give follow-up is `give+followup`)."""


def interaction_points(i: Interaction, card: Scorecard) -> tuple[float, str]:
    """An interaction's points and kind: an event attended; else its give or ask points plus
    the follow-up points when a follow-up tag is on it; else `other`."""
    if i.source == "event":
        return card.event, "event"
    kinds = [i.kind] if i.kind in ("give", "ask") else []
    if not set(card.followup_tags).isdisjoint(i.tags):
        kinds.append("followup")
    if not kinds:
        return card.other, "other"
    return sum(getattr(card, k) for k in kinds), "+".join(kinds)


def scored(
    interactions: Iterable[Interaction],
    relationships: Mapping[str, Relationship],
    card: Scorecard,
    today: date,
) -> tuple[Points, ...]:
    """Every point earned up to today, by date: each interaction (counted once) and each
    new contact on the day first met."""
    out = [Points(i.date, *interaction_points(i, card)) for i in interactions if i.date <= today]
    out += [
        Points(rel.first_met, card.new_contact, "new_contact")
        for rel in relationships.values()
        if rel.first_met and rel.first_met <= today
    ]
    out.sort(key=lambda p: (p.date, p.kind))
    return tuple(out)


def weekly(points: Iterable[Points], today: date, weeks: int = 26) -> list[tuple[date, float]]:
    """(Monday, points) for the last `weeks` weeks, oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    totals = {first + timedelta(weeks=w): 0.0 for w in range(weeks)}
    for p in points:
        if first <= p.date <= today:
            totals[p.date - timedelta(days=p.date.weekday())] += p.points
    return list(totals.items())
