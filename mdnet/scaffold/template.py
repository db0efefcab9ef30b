"""Templates for new notes: the vault's (Obsidian's Templates folder) or mdnet's own, with
Obsidian's `{{title}}`, `{{date}}`, `{{time}}` and `{{date:FORMAT}}` filled in."""

from __future__ import annotations

import json
import re
from datetime import date, time
from importlib import resources
from pathlib import Path

from mdnet.dates import moment_format
from mdnet.errors import UsageError
from mdnet.scaffold.names import inside

TEMPLATES_FOLDER = "Templates"


def builtin(name: str) -> str:
    """A file shipped in mdnet/templates/new/."""
    return (resources.files("mdnet") / "templates" / "new" / name).read_text(encoding="utf-8")


_PLACEHOLDER = re.compile(r"\{\{\s*(title|date|time)\s*(?::([^}]*))?\}\}")
_TEMPLATER = re.compile(r"<%[\s\S]*?%>")


def fill_template(text: str, title: str, day: date, clock: time = time(0, 0)) -> str:
    """Fill Obsidian's core-template placeholders; drop Templater `<% ... %>` commands.

    `{{title}}`, `{{date}}` (YYYY-MM-DD), `{{time}}` (HH:mm) and `{{date:FORMAT}}` /
    `{{time:FORMAT}}` with moment.js tokens are filled in. Templater commands run
    JavaScript inside Obsidian; mdnet cannot run them, and a note must not keep them, so
    they are removed (the fields mdnet knows, such as `start:` or `deadline:`, are then set
    by `mdnet new` itself)."""

    def placeholder(m: re.Match[str]) -> str:
        name, fmt = m.group(1), m.group(2)
        if name == "title":
            return title
        if fmt is None or not fmt.strip():
            fmt = "YYYY-MM-DD" if name == "date" else "HH:mm"
        return moment_format(fmt.strip(), day, clock)

    return _TEMPLATER.sub("", _PLACEHOLDER.sub(placeholder, text))


def templates_folder(root: Path) -> str:
    """The vault's templates folder: Obsidian's setting (.obsidian/templates.json), else
    `Templates`."""
    settings = root / ".obsidian" / "templates.json"
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return TEMPLATES_FOLDER
    folder = data.get("folder") if isinstance(data, dict) else None
    if isinstance(folder, str) and folder.strip("/ ") and ".." not in folder.split("/"):
        return folder.strip("/ ")
    return TEMPLATES_FOLDER


def find_template(root: Path, kind: str) -> tuple[str, str]:
    """(template text, where it came from): the vault's `Templates/<Kind>.md` (any case),
    else mdnet's built-in template."""
    folder = root / templates_folder(root)
    if folder.is_dir() and inside(root, folder):
        for candidate in sorted(folder.iterdir()):
            if candidate.name.lower() == f"{kind}.md" and candidate.is_file():
                try:
                    text = candidate.read_bytes().decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise UsageError(f"{candidate}: the template is not UTF-8 text") from None
                return text.replace("\r\n", "\n"), candidate.relative_to(root).as_posix()
    return builtin(f"{kind}.md"), "built-in"
