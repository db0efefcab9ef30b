"""An iCalendar (.ics) file of reach-out dates, goal deadlines, birthdays and anniversaries,
for any calendar app."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event
from msgspec import Struct

from mdnet import __version__
from mdnet.analysis import Analysis
from mdnet.derive import GoalState, Relationship
from mdnet.derive.occasions import Occasion
from mdnet.fsutil import GENERATED_MARK


class Entry(Struct, frozen=True):
    """One all-day calendar event."""

    uid: str
    day: date
    summary: str
    description: str
    category: str
    yearly: dict[str, object] | None = None
    """An RRULE (`{"freq": "yearly", ...}`) for an event that comes back every year."""


def uid(kind: str, path: str) -> str:
    """A UID that stays the same across runs, so that re-importing updates the event.

    It is derived from the note's vault-relative path and what the event is about, never
    from a date or a name that may change."""
    return hashlib.sha1(f"{kind}:{path}".encode()).hexdigest()[:32] + "@mdnet"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _contact_entry(rel: Relationship, analysis: Analysis, public: bool) -> Entry | None:
    contact = rel.contact
    if contact.status != "active" or rel.due is None or (public and contact.private):
        return None
    today = analysis.today
    # An overdue date lies in the past, where no one looks: show it today instead.
    day = max(rel.due, today)
    network = contact.network
    lines = []
    if rel.due < today:
        lines.append(f"Overdue by {(today - rel.due).days} days (due {rel.due.isoformat()}).")
    if public:
        who = f"a contact in {network}" if network else "a contact"
        lines.append(f"Stay in touch every {rel.cadence_days} days.")
        return Entry(
            uid("contact", contact.path), day, f"Reach out: {who}", "\n".join(lines), "reach out"
        )
    where = f" ({network})" if network else ""
    if rel.last is not None:
        lines.append(f"Last contact {rel.last.date.isoformat()}: {rel.last.text}")
    lines.append(f"Stay in touch every {rel.cadence_days} days.")
    offer = analysis.config.networks.get(network or "")
    if offer is not None and offer.value:
        lines.append(f"Offer: {offer.value}")
    lines += [f"Planned: {p.text}" for p in rel.planned]
    lines.append(f"Note: {contact.path}")
    return Entry(
        uid("contact", contact.path),
        day,
        f"Reach out: {contact.name}{where}",
        "\n".join(lines),
        "reach out",
    )


def _goal_entry(state: GoalState, public: bool) -> Entry | None:
    goal = state.goal
    if goal.status != "active" or goal.deadline is None or (public and goal.private):
        return None
    milestone = state.parent is not None or goal.horizon == "short"
    what = "Milestone deadline" if milestone else "Goal deadline"
    lines = []
    if goal.target:
        unit = f" {goal.unit}" if goal.unit else ""
        lines.append(
            f"Progress: {_number(state.progress)} of {_number(goal.target)}{unit} ({state.state})."
        )
    if goal.start:
        lines.append(f"Started {goal.start.isoformat()}.")
    if not public:
        lines.append(f"Note: {goal.path}")
    return Entry(
        uid("goal", goal.path),
        goal.deadline,
        f"{what}: {goal.statement}",
        "\n".join(lines),
        "milestone" if milestone else "goal",
    )


def _occasion_entry(occasion: Occasion) -> Entry:
    """A yearly all-day event. Its first day is the date written (its first year, or this
    year's when no year is written); February 29 recurs on the last day of February, so
    on February 28 in other years, as everywhere in mdnet."""
    contact, yearly = occasion.contact, occasion.yearly
    first = yearly.on(yearly.year if yearly.year is not None else occasion.day.year)
    rule: dict[str, object] = {"freq": "yearly"}
    if yearly.leap_day:
        rule.update(bymonth=2, bymonthday=-1)
    lines = []
    if yearly.year is not None:
        lines.append(f"{'Born' if occasion.kind == 'birthday' else 'Since'} {yearly.year}.")
    lines.append(f"Note: {contact.path}")
    return Entry(
        uid(occasion.kind, contact.path),
        first,
        f"{occasion.kind.capitalize()}: {contact.name}",
        "\n".join(lines),
        occasion.kind,
        rule,
    )


def entries(analysis: Analysis, public: bool = False) -> list[Entry]:
    """The events: each active contact's next due date, each active goal's and milestone's
    deadline, each birthday and anniversary (yearly). `public` leaves out private contacts
    and goals, birthdays and anniversaries, and names no one."""
    derived = analysis.derived
    found = [_contact_entry(r, analysis, public) for r in derived.relationships.values()]
    found += [_goal_entry(s, public) for s in derived.goals.values()]
    if not public:
        found += [_occasion_entry(o) for o in analysis.occasions]
    return sorted((e for e in found if e is not None), key=lambda e: (e.day, e.summary, e.uid))


def render_ics(items: list[Entry], today: date, title: str, alarm_days: int | None = None) -> str:
    """An RFC 5545 calendar. DTSTAMP is `today` at midnight UTC, so a run is reproducible.
    `alarm_days`: a reminder (VALARM) that many days before each event (0: on the day)."""
    cal = Calendar()
    cal.add("prodid", f"-//mdnet//mdnet {__version__}//EN")
    cal.add("version", "2.0")
    what = "Reach-out dates and goal deadlines"
    if any(item.yearly for item in items):
        what = "Reach-out dates, goal deadlines, birthdays and anniversaries"
    cal.add("x-wr-caldesc", f"{what}, {GENERATED_MARK}")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)
    cal.add("name", title)
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        if item.day < date.max:  # `snooze: 9999-12-31`: a one-day event needs no DTEND
            event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.yearly is not None:
            event.add("rrule", item.yearly)
        if item.description:
            event.add("description", item.description)
        event.add("categories", ["mdnet", item.category])
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
        if alarm_days is not None:
            alarm = Alarm()
            alarm.add("uid", item.uid.replace("@", f"-alarm-{alarm_days}d@"))
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", timedelta(days=-alarm_days))
            event.add_component(alarm)
        cal.add_component(event)
    return str(cal.to_ical().decode("utf-8"))


def build_calendar(analysis: Analysis, public: bool = False, alarm_days: int | None = None) -> str:
    title = analysis.config.report_title
    return render_ics(entries(analysis, public), analysis.today, title, alarm_days)
