"""Birthdays and anniversaries: each contact's next one on or after a date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from msgspec import Struct

from mdnet.model import Contact
from mdnet.yearly import Yearly

KINDS = ("birthday", "anniversary")
REPORT_DAYS = 30
"""The report lists the birthdays and anniversaries of the next 30 days."""


class Occasion(Struct, frozen=True):
    """A contact's next birthday or anniversary."""

    contact: Contact
    kind: str
    """`birthday` or `anniversary`."""
    yearly: Yearly
    """As written: month and day, and the year when known."""
    day: date
    """The next time it falls, on or after the day of the analysis."""
    days: int
    """Days from the day of the analysis to `day` (0: today)."""
    years: int | None
    """The age (or years married) on `day`, when the year is written."""

    def when(self) -> str:
        """`birthday today`, `birthday tomorrow`, `anniversary in 3 days`."""
        if self.days == 0:
            return f"{self.kind} today"
        if self.days == 1:
            return f"{self.kind} tomorrow"
        return f"{self.kind} in {self.days} days"


def occasions(contacts: Iterable[Contact], today: date) -> tuple[Occasion, ...]:
    """Every contact's next birthday and anniversary, soonest first; archived contacts
    have none (a paused one still has a birthday)."""
    found: list[Occasion] = []
    for contact in contacts:
        if contact.status == "archived":
            continue
        for kind, yearly in (("birthday", contact.birthday), ("anniversary", contact.anniversary)):
            if yearly is None:
                continue
            day = yearly.next_on_or_after(today)
            years = yearly.years_on(day)
            found.append(
                Occasion(
                    contact=contact,
                    kind=kind,
                    yearly=yearly,
                    day=day,
                    days=(day - today).days,
                    years=years if years is not None and years >= 0 else None,
                )
            )
    return tuple(sorted(found, key=lambda o: (o.day, o.contact.name.lower(), o.kind)))


def within(
    found: Iterable[Occasion], days: int, network: str | None = None
) -> tuple[Occasion, ...]:
    """The occasions in the next `days` days (today included), of one network if given."""
    return tuple(
        o for o in found if o.days <= days and (network is None or o.contact.network == network)
    )
