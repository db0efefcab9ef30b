"""`mdnet calendar`: an .ics file that parses back, with stable UIDs and a public mode."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from conftest import MakeVault, run
from icalendar import Calendar

from mdnet.calendar import uid

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample-vault"

FILES = {
    "People/Dana Whitfield.md": """\
        ---
        type: contact
        network: bloggers
        ---
        ## Log
        - 2026-11-02 Coffee in Denver #give
        """,
    "People/Sam Ortiz.md": """\
        ---
        type: contact
        network: bankers
        met: 2026-08-01
        ---
        """,
    "People/Secret Person.md": """\
        ---
        type: contact
        network: bloggers
        private: true
        met: 2026-11-01
        ---
        """,
    "People/Old Friend.md": """\
        ---
        type: contact
        status: archived
        met: 2025-01-01
        ---
        """,
    "Goals/Publish 30 guest posts.md": """\
        ---
        type: goal
        goal: Publish 30 guest posts
        horizon: long
        start: 2026-01-01
        deadline: 2026-12-31
        target: 30
        progress: 12
        ---
        """,
    "Goals/Pitch 5 bloggers.md": """\
        ---
        type: goal
        goal: Pitch 5 bloggers
        horizon: short
        parent: "[[Publish 30 guest posts]]"
        start: 2026-11-01
        deadline: 2026-11-30
        target: 5
        ---
        """,
    "Goals/Private goal.md": """\
        ---
        type: goal
        goal: Land 1 job at Acme
        private: true
        deadline: 2027-03-01
        target: 1
        ---
        """,
    "Goals/Done goal.md": """\
        ---
        type: goal
        goal: Meet 3 people
        status: done
        deadline: 2026-12-01
        target: 3
        ---
        """,
}
CONFIG = """\
    [networks.bloggers]
    cadence = "45d"
    value = "Guest posts"
    [networks.bankers]
    cadence = "30d"
    """


def _parse(text: str) -> dict[str, dict[str, object]]:
    cal = Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0"
    assert "mdnet" in str(cal["PRODID"])
    out: dict[str, dict[str, object]] = {}
    for event in cal.walk("VEVENT"):
        key = str(event["UID"])
        assert key not in out, "UIDs must be unique"
        out[key] = {
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "stamp": event.decoded("DTSTAMP"),
            "description": str(event.get("DESCRIPTION", "")),
        }
    return out


def _calendar(vault: Path, *args: str) -> dict[str, dict[str, object]]:
    result = run("calendar", str(vault), *args)
    assert result.exit_code == 0, result.output
    return _parse(result.stdout)


def test_events_for_due_dates_and_deadlines(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    events = _calendar(vault)
    by_summary = {e["summary"]: e for e in events.values()}
    dana = by_summary["Reach out: Dana Whitfield (bloggers)"]
    assert dana["start"] == date(2026, 12, 17)  # 2026-11-02 + 45 days
    assert dana["end"] == date(2026, 12, 18)  # all day
    assert "Coffee in Denver" in str(dana["description"])
    assert "Guest posts" in str(dana["description"])
    # Sam was due 2026-08-31: overdue, so the reminder is today, saying so.
    sam = by_summary["Reach out: Sam Ortiz (bankers)"]
    assert sam["start"] == date(2026, 11, 23)
    assert "Overdue by 84 days" in str(sam["description"])
    assert by_summary["Goal deadline: Publish 30 guest posts"]["start"] == date(2026, 12, 31)
    assert "12 of 30" in str(by_summary["Goal deadline: Publish 30 guest posts"]["description"])
    assert by_summary["Milestone deadline: Pitch 5 bloggers"]["start"] == date(2026, 11, 30)
    assert "Reach out: Secret Person (bloggers)" in by_summary
    assert "Goal deadline: Land 1 job at Acme" in by_summary
    assert not any("Old Friend" in s or "Meet 3 people" in s for s in by_summary)
    assert len(events) == 6
    assert uid("contact", "People/Dana Whitfield.md") in events
    for event in events.values():
        assert event["stamp"] == datetime.fromisoformat("2026-11-23T00:00:00+00:00")


def test_uids_are_stable_across_runs_and_days(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    first = _calendar(vault)
    second = _calendar(vault)
    assert first == second
    later = run("calendar", str(vault), "--today", "2026-12-20", today=None).stdout
    later_events = _parse(later)
    shared = set(first) & set(later_events)
    assert uid("contact", "People/Dana Whitfield.md") in shared
    assert uid("goal", "Goals/Publish 30 guest posts.md") in shared
    # Editing a note moves its event but keeps its UID: a re-import updates it.
    note = vault / "Goals" / "Publish 30 guest posts.md"
    note.write_text(note.read_text().replace("2026-12-31", "2027-01-31"), encoding="utf-8")
    moved = _calendar(vault)[uid("goal", "Goals/Publish 30 guest posts.md")]
    assert moved["start"] == date(2027, 1, 31)


def test_public_mode_names_no_one(make_vault: MakeVault) -> None:
    vault = make_vault(FILES, config=CONFIG)
    result = run("calendar", str(vault), "--public")
    assert result.exit_code == 0
    text = result.stdout
    events = _parse(text)
    for secret in (
        "Dana",
        "Whitfield",
        "Sam",
        "Ortiz",
        "Secret",
        "Denver",
        "People/",
        "Acme",
        "Private goal",
    ):
        assert secret not in text, secret
    summaries = sorted(str(e["summary"]) for e in events.values())
    assert summaries == [
        "Goal deadline: Publish 30 guest posts",
        "Milestone deadline: Pitch 5 bloggers",
        "Reach out: a contact in bankers",
        "Reach out: a contact in bloggers",
    ]


def test_output_file_and_replacing_only_an_export(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault(FILES, config=CONFIG)
    out = tmp_path / "due.ics"
    result = run("calendar", str(vault), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert len(_parse(out.read_text(encoding="utf-8"))) == 6
    assert out.read_bytes().count(b"\r\n") > 10  # RFC 5545 line endings
    assert run("calendar", str(vault), "-o", str(out)).exit_code == 0  # replaces its own export
    mine = tmp_path / "mine.ics"
    mine.write_text("my own calendar\n", encoding="utf-8")
    result = run("calendar", str(vault), "-o", str(mine))
    assert result.exit_code == 2
    assert mine.read_text(encoding="utf-8") == "my own calendar\n"


def test_sample_vault() -> None:
    events = _calendar(SAMPLE)
    assert len(events) >= 10
    reach_out = [e for e in events.values() if str(e["summary"]).startswith("Reach out: ")]
    assert reach_out and all(e["start"] >= date(2026, 11, 23) for e in reach_out)
    assert any(str(e["summary"]).startswith("Milestone deadline: ") for e in events.values())
    public = run("calendar", str(SAMPLE), "--public").stdout
    assert "Dana" not in public and "Whitfield" not in public


def test_bad_input_is_exit_2(tmp_path: Path) -> None:
    for result in (
        run("calendar", str(SAMPLE), "--today", "2026-02-30", today=None),
        run("calendar", str(tmp_path / "no-such-vault")),
        run("calendar", str(tmp_path)),  # no notes
    ):
        assert result.exit_code == 2
        assert "Traceback" not in result.output
