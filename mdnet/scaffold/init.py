"""`mdnet init`: a new vault with settings, folders, templates and an example of each note."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path

from msgspec import Struct

from mdnet.dates import moment_format
from mdnet.errors import UsageError
from mdnet.scaffold.names import write_new
from mdnet.scaffold.template import TEMPLATES_FOLDER, builtin, fill_template


class Planned(Struct, frozen=True):
    """A file `init` writes: where (relative to the vault) and what."""

    path: str
    text: str


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Layout(Struct, frozen=True):
    """Where `init` puts templates and daily notes: Obsidian's settings when the vault has
    them (`.obsidian/templates.json`, `daily-notes.json`), else mdnet's own layout."""

    templates: str = TEMPLATES_FOLDER
    daily_folder: str = "Daily"
    daily_format: str = "YYYY-MM-DD"
    write_templates_json: bool = True
    write_daily_notes_json: bool = True

    @classmethod
    def of(cls, root: Path) -> Layout:
        from mdnet.obsidian import DAILY_NOTES, SETTINGS_DIR, TEMPLATES, read_obsidian

        found = read_obsidian(root).values
        has_daily = (root / SETTINGS_DIR / DAILY_NOTES).exists()
        return cls(
            templates=found.get("templates", (TEMPLATES_FOLDER,))[0],
            daily_folder=found.get("daily_folder", "") if has_daily else "Daily",
            daily_format=found.get("daily_notes", "YYYY-MM-DD"),
            write_templates_json=not (root / SETTINGS_DIR / TEMPLATES).exists(),
            write_daily_notes_json=not has_daily,
        )

    def folders(self) -> tuple[str, ...]:
        daily = [self.daily_folder] if self.daily_folder else []
        return ("People", "Goals", "Events", *daily, self.templates)

    def daily_note(self, day: date) -> str:
        name = moment_format(self.daily_format, day, time(9, 0)) + ".md"
        return f"{self.daily_folder}/{name}" if self.daily_folder else name

    def obsidian_files(self) -> list[Planned]:
        """The Obsidian settings `init` writes: only those the vault does not have."""
        planned = []
        if self.write_daily_notes_json:
            data = {"folder": self.daily_folder, "format": self.daily_format}
            data["template"] = f"{self.templates}/Daily"
            planned.append(Planned(".obsidian/daily-notes.json", json.dumps(data, indent=2)))
        if self.write_templates_json:
            data = {"folder": self.templates}
            planned.append(Planned(".obsidian/templates.json", json.dumps(data, indent=2)))
        return planned


def init_plan(today: date, layout: Layout | None = None) -> list[Planned]:
    """Everything `mdnet init` writes, with the examples dated from `today`."""
    clock = time(9, 0)
    layout = layout or Layout()
    templates = layout.templates

    def example(name: str, title: str) -> str:
        text = builtin(f"examples/{name}")
        text = text.replace("{{goal_deadline}}", _add_years(today, 1).isoformat())
        text = text.replace("{{milestone_deadline}}", (today + timedelta(days=30)).isoformat())
        return fill_template(text, title, today, clock)

    return [
        Planned("mdnet.toml", builtin("mdnet.toml")),
        Planned("README.md", builtin("README.md")),
        *layout.obsidian_files(),
        Planned(f"{templates}/Contact.md", builtin("contact.md")),
        Planned(f"{templates}/Goal.md", builtin("goal.md")),
        Planned(f"{templates}/Event.md", builtin("event.md")),
        Planned(f"{templates}/Daily.md", builtin("daily.md")),
        Planned("People/Jamie Rivera.md", example("contact.md", "Jamie Rivera")),
        Planned("People.base", builtin("People.base")),  # after `mdnet sync-properties`
        Planned(
            "Goals/Meet 12 people in my field.md",
            example("goal-long.md", "Meet 12 people in my field"),
        ),
        Planned(
            "Goals/Meet 2 peers at events this month.md",
            example("goal-short.md", "Meet 2 peers at events this month"),
        ),
        Planned("Events/Local writers meetup.md", example("event.md", "Local writers meetup")),
        Planned(layout.daily_note(today), example("daily.md", today.isoformat())),
    ]


def init_vault(root: Path, today: date) -> list[str]:
    """Create a vault in `root`; return what was created (folders end with `/`).

    Nothing is written when any file to create already exists."""
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is a file, not a folder")
    layout = Layout.of(root)
    plan = init_plan(today, layout)
    folders = layout.folders()
    conflicts = [p.path for p in plan if (root / p.path).exists() or (root / p.path).is_symlink()]
    conflicts += [
        f + "/" for f in (*folders, ".obsidian") if (root / f).exists() and not (root / f).is_dir()
    ]
    if conflicts:
        raise UsageError(
            f"{root} already has {', '.join(conflicts)}; nothing was written "
            "(init never overwrites a file)"
        )
    created: list[str] = []
    if not root.exists():
        root.mkdir(parents=True)
    for folder in folders:
        if not (root / folder).is_dir():
            (root / folder).mkdir(parents=True)
            created.append(folder + "/")
    for item in plan:
        (root / item.path).parent.mkdir(parents=True, exist_ok=True)
        write_new(root / item.path, item.text)
        created.append(item.path)
    return created
