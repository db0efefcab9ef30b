"""Writing notes for the user: a new vault (`init`), a note from a template (`new`), a log line.

Every write goes through `write_atomic` and none replaces an existing file, except `log`,
which rewrites one contact note with exactly one line added."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from importlib import resources
from pathlib import Path

from mdnet.analysis import Analysis
from mdnet.config import Config
from mdnet.dates import MONTH_NAMES, WEEKDAY_NAMES
from mdnet.errors import UsageError
from mdnet.fsutil import write_atomic
from mdnet.note import parse_note
from mdnet.textscan import nearest

KINDS = ("contact", "goal", "event")
DEFAULT_FOLDERS = {"contacts": "People", "goals": "Goals", "events": "Events"}
FOLDER_KEY = {"contact": "contacts", "goal": "goals", "event": "events"}
HORIZONS = ("long", "short")
TEMPLATES_FOLDER = "Templates"


def builtin(name: str) -> str:
    """A file shipped in mdnet/templates/new/."""
    return (resources.files("mdnet") / "templates" / "new" / name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- placeholders

_PLACEHOLDER = re.compile(r"\{\{\s*(title|date|time)\s*(?::([^}]*))?\}\}")
_TEMPLATER = re.compile(r"<%[\s\S]*?%>")
_MOMENT = re.compile(
    r"\[[^\]]*\]|YYYY|YY|Q|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|d|E|WW|W|"
    r"HH|H|hh|h|mm|m|ss|s|A|a"
)
_MONTHS = MONTH_NAMES
_DAYS = WEEKDAY_NAMES


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def moment_format(fmt: str, day: date, clock: time) -> str:
    """Format a date and time with the moment.js tokens Obsidian's `{{date:FORMAT}}` uses."""

    def token(m: re.Match[str]) -> str:
        t = m.group(0)
        hour12 = clock.hour % 12 or 12
        values = {
            "YYYY": f"{day.year:04d}",
            "YY": f"{day.year % 100:02d}",
            "Q": str((day.month - 1) // 3 + 1),
            "MMMM": _MONTHS[day.month - 1],
            "MMM": _MONTHS[day.month - 1][:3],
            "MM": f"{day.month:02d}",
            "M": str(day.month),
            "DDDD": f"{day.timetuple().tm_yday:03d}",
            "DDD": str(day.timetuple().tm_yday),
            "Do": _ordinal(day.day),
            "DD": f"{day.day:02d}",
            "D": str(day.day),
            "dddd": _DAYS[day.weekday()],
            "ddd": _DAYS[day.weekday()][:3],
            "dd": _DAYS[day.weekday()][:2],
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

    return _MOMENT.sub(token, fmt)


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


# --------------------------------------------------------------------------- front matter

_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$")
_PLAIN = re.compile(r"^[A-Za-z][\w .-]*[\w.]$|^[A-Za-z]$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def yaml_scalar(value: str) -> str:
    """A string as a YAML scalar: bare when that reads back as the same text, else quoted."""
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS and ": " not in value:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _empty_value(raw: str) -> bool:
    value = raw.split(" #", 1)[0].strip()
    return value in ("", "~", "null", '""', "''", '"[[]]"', "'[[]]'", "[]")


def set_front_matter(
    text: str, fields: Mapping[str, str | None], defaults: Mapping[str, str] | None = None
) -> str:
    """Set top-level front-matter keys, line by line, keeping every other line as it is.

    `fields` replace a key's value (None removes the key); `defaults` fill a key only when
    it is missing or empty. A note without front matter gets one."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        lines = ["---", "---", *lines]
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise UsageError("the template's front matter is opened with --- but never closed")
    block = lines[1:close]

    def find(key: str) -> tuple[int, int] | None:
        """(first line, end) of a key's entry: its line and any indented or `- ` lines."""
        for i, line in enumerate(block):
            m = _KEY.match(line)
            if m and m.group(1) == key:
                end = i + 1
                while (
                    end < len(block)
                    and (block[end][:1] in (" ", "\t", "-") or not block[end].strip())
                    and not block[end].startswith("---")
                ):
                    end += 1
                while end > i + 1 and not block[end - 1].strip():
                    end -= 1
                return i, end
        return None

    wanted: list[tuple[str, str | None, bool]] = [(k, v, True) for k, v in fields.items()]
    wanted += [(k, v, False) for k, v in (defaults or {}).items()]
    for key, value, force in wanted:
        found = find(key)
        if found is None:
            if value is not None:
                block.append(f"{key}: {value}")
            continue
        start, end = found
        m = _KEY.match(block[start])
        assert m is not None
        is_empty = end == start + 1 and _empty_value(m.group(2))
        if not force and not is_empty:
            continue
        block[start:end] = [] if value is None else [f"{key}: {value}"]
    return "\n".join([lines[0], *block, *lines[close:]])


def front_matter_value(text: str, key: str) -> str | None:
    """A top-level key's one-line value in a template (for defaults), else None."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            break
        m = _KEY.match(line)
        if m and m.group(1) == key:
            value = m.group(2).split(" #", 1)[0].strip().strip("\"'")
            return None if value in ("", "[[]]", "~", "null") else value
    return None


# --------------------------------------------------------------------------- names

_FORBIDDEN = set('/\\:*?"<>|#^[]')
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def note_filename(name: str) -> str:
    """A note name as a file name (`Dana Whitfield` -> `Dana Whitfield.md`), or UsageError.

    Names are refused rather than silently changed: a character that cannot be in a file
    name on some system, or that breaks an Obsidian link (`# ^ [ ] |`), a control
    character, a leading dot (a hidden file, also `..`), or a trailing dot or space."""
    stem = name.strip()
    if stem.lower().endswith(".md"):
        stem = stem[:-3].rstrip()
    if not stem:
        raise UsageError("the note needs a name")
    bad = sorted({c for c in stem if c in _FORBIDDEN})
    if bad:
        shown = " ".join(bad)
        raise UsageError(
            f"a note name cannot contain {shown} (it is a file name and a link target): {name!r}"
        )
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in stem):
        raise UsageError(f"a note name cannot contain control characters: {name!r}")
    if stem.startswith("."):
        raise UsageError(f"a note name cannot start with a dot (a hidden file): {name!r}")
    if stem.endswith("."):
        raise UsageError(f"a note name cannot end with a dot: {name!r}")
    if stem.split(".")[0].lower() in _RESERVED:
        raise UsageError(f"{stem!r} is a reserved file name on Windows; choose another name")
    if len(stem.encode("utf-8")) > 200:
        raise UsageError("a note name must be shorter than 200 bytes")
    return stem + ".md"


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically, with the usual permissions."""
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} exists; not overwriting it")
    write_atomic(path, text)


# --------------------------------------------------------------------------- init


@dataclass(frozen=True, slots=True)
class Planned:
    """A file `init` writes: where (relative to the vault) and what."""

    path: str
    text: str


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, slots=True)
class Layout:
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


# --------------------------------------------------------------------------- new


@dataclass(frozen=True, slots=True)
class NewNote:
    """What `mdnet new` was asked for."""

    kind: str
    name: str
    today: date
    deadline: date | None = None
    horizon: str | None = None
    parent: str | None = None
    network: str | None = None
    clock: time = time(0, 0)


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
    if folder.is_dir() and _inside(root, folder):
        for candidate in sorted(folder.iterdir()):
            if candidate.name.lower() == f"{kind}.md" and candidate.is_file():
                try:
                    text = candidate.read_bytes().decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise UsageError(f"{candidate}: the template is not UTF-8 text") from None
                return text.replace("\r\n", "\n"), candidate.relative_to(root).as_posix()
    return builtin(f"{kind}.md"), "built-in"


def goal_horizon(request: NewNote, template: str) -> str:
    """--horizon, else `short` for a milestone (--parent), else the template's, else long."""
    if request.horizon:
        return request.horizon
    if request.parent:
        return "short"
    from_template = (front_matter_value(template, "horizon") or "").lower()
    return from_template if from_template in HORIZONS else "long"


def default_deadline(horizon: str, start: date, short_max_days: int = 92) -> date:
    """A milestone: 30 days after the start. A long-term goal: the end of the year, or of
    the next year when less than `short_max_days` are left (a long-term goal should be
    longer than any milestone)."""
    if horizon == "short":
        return start + timedelta(days=30)
    end = date(start.year, 12, 31)
    if (end - start).days < short_max_days:
        end = date(start.year + 1, 12, 31)
    return end


def suggested_deadline(root: Path, config: Config, request: NewNote) -> date:
    template, _ = find_template(root, "goal")
    return default_deadline(goal_horizon(request, template), request.today, config.short_max_days)


def _link(name: str) -> str:
    target = name.strip()
    if target.startswith("[[") and target.endswith("]]"):
        target = target[2:-2]
    if not target or any(c in target for c in "[]\n\r"):
        raise UsageError(f"{name!r} is not a note name to link to")
    return json.dumps(f"[[{target}]]", ensure_ascii=False)


def new_note(root: Path, config: Config, request: NewNote) -> tuple[Path, str]:
    """Write a note from a template; return its path and the template used."""
    if request.kind not in KINDS:
        raise UsageError(f"cannot create a {request.kind!r}; choose one of {', '.join(KINDS)}")
    if request.network and request.kind != "contact":
        raise UsageError("--network is for contacts")
    if request.kind != "goal" and (request.deadline or request.horizon or request.parent):
        raise UsageError("--deadline, --horizon and --parent are for goals")
    filename = note_filename(request.name)
    title = filename[:-3]
    folder_key = FOLDER_KEY[request.kind]
    folder = config.folder(folder_key) or DEFAULT_FOLDERS[folder_key]
    target = root / folder / filename
    if not _inside(root, target):
        raise UsageError(f"{folder}/{filename} would be outside the vault {root}")
    if (root / folder).is_dir():
        for existing in (root / folder).iterdir():
            if existing.name.lower() == filename.lower():
                raise UsageError(f"{folder}/{existing.name} exists; not overwriting it")
    template, source = find_template(root, request.kind)
    text = fill_template(template, title, request.today, request.clock)
    today = request.today.isoformat()
    fields: dict[str, str | None] = {"type": request.kind}
    defaults: dict[str, str] = {}
    if request.kind == "contact":
        fields["met"] = today
        if request.network:
            fields["network"] = yaml_scalar(request.network)
    elif request.kind == "goal":
        horizon = goal_horizon(request, template)
        deadline = request.deadline or default_deadline(
            horizon, request.today, config.short_max_days
        )
        if deadline < request.today:
            raise UsageError(f"the deadline {deadline} is before the start {today}")
        fields.update(horizon=horizon, start=today, deadline=deadline.isoformat())
        if request.parent:
            fields["parent"] = _link(request.parent)
        elif front_matter_value(text, "parent") is None:
            fields["parent"] = None  # an empty `parent:` line would read as a broken parent
        defaults["goal"] = yaml_scalar(title)
    else:
        fields["date"] = today
    text = set_front_matter(text, fields, defaults)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new(target, text)
    return target, source


# --------------------------------------------------------------------------- log

_TAG = re.compile(r"^[^\W\d][\w/-]*$|^[\w/-]*[^\W\d_][\w/-]*$")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_BULLET = re.compile(r"^[ \t]*([-*+])[ \t]")
_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}([ \t]|$)|`{3,}|~{3,}|[-*+][ \t]|\d{1,9}[.)][ \t])")


def find_contact(analysis: Analysis, name: str) -> str:
    """The path of the contact called `name` (name, alias, file name or path, any case)."""
    wanted = name.strip().casefold()
    if wanted.endswith(".md"):
        wanted = wanted[:-3]
    strong: list[str] = []
    weak: list[str] = []
    for path, contact in analysis.model.contacts.items():
        stem = path.rsplit("/", 1)[-1][:-3]
        if wanted in (contact.name.casefold(), stem.casefold(), path[:-3].casefold()):
            strong.append(path)
        elif wanted in (a.casefold() for a in contact.aliases):
            weak.append(path)
    found = strong or weak
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"{analysis.model.contacts[p].name} ({p})" for p in sorted(found))
        raise UsageError(f"{name!r} matches several contacts: {names}; give the file name")
    choices: list[str] = []
    for path, contact in analysis.model.contacts.items():
        choices += [contact.name, *contact.aliases, path.rsplit("/", 1)[-1][:-3]]
    if not choices:
        raise UsageError(f"no contact {name!r}: the vault has no contact notes")
    near = nearest(name, choices)
    hint = f"; did you mean {near!r}?" if near else " (`mdnet due` lists contacts)"
    raise UsageError(f"no contact {name!r}{hint}")


def log_line(text: str, day: date, tags: Iterable[str]) -> str:
    """The list item `mdnet log` adds: `- YYYY-MM-DD text #tag`."""
    text = text.strip()
    if not text:
        raise UsageError("the log text is empty")
    if "\n" in text or "\r" in text:
        raise UsageError("the log text must be one line")
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise UsageError("the log text cannot contain control characters")
    present = {t.lower() for t in re.findall(r"(?<![\w#])#([\w/-]+)", text)}
    for raw in tags:
        tag = raw.strip().lstrip("#")
        if not _TAG.match(tag):
            raise UsageError(f"{raw!r} is not a tag (letters, digits, _ - /, not only digits)")
        if tag.lower() not in present:
            text += f" #{tag}"
            present.add(tag.lower())
    return f"- {day.isoformat()} {text}"


def insert_log(data: bytes, line: str, config: Config, path: str = "note.md") -> bytes:
    """`data` with `line` added at the end of its `## Log` section (created at the end of the
    file when missing). Only the new line (and its line break) is inserted: line endings,
    a byte-order mark and a missing final newline are kept."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text; not changing it") from None
    note = parse_note(
        path,
        data,
        folders=config.kind_selectors(),
        daily=config.daily_regex(),
        max_front_matter_size=config.max_front_matter_size,
    )
    raw: list[str] = _LINES.findall(
        text
    )  # physical lines with their endings; note lines are 1-based

    def ending(i: int) -> str:
        body = raw[i].rstrip("\r\n")
        return raw[i][len(body) :]

    def newline_near(i: int) -> str:
        for j in [*range(i, -1, -1), *range(i + 1, len(raw))]:
            if 0 <= j < len(raw) and ending(j):
                return ending(j)
        return "\n"

    log = next(
        (h for h in note.headings if h.text.strip().rstrip("#").strip().casefold() == "log"), None
    )
    if log is None:
        nl = newline_near(len(raw) - 1)
        if not raw:
            inserted = f"## Log{nl}{line}{nl}"
        elif not ending(len(raw) - 1):  # no final line break: keep it that way
            inserted = f"{nl}{nl}## Log{nl}{line}"
        elif raw[-1].strip():
            inserted = f"{nl}## Log{nl}{line}{nl}"
        else:
            inserted = f"## Log{nl}{line}{nl}"
        return data + inserted.encode("utf-8")
    head = log.line - 1
    end = len(raw)
    for h in note.headings:
        if h.line > log.line and h.level <= log.level:
            end = h.line - 1
            break
    items = [i for i in note.items if head < i.line - 1 < end]
    if items:
        after = _item_end(raw, items[-1].line - 1, end)
        bullet = _BULLET.match(raw[items[-1].line - 1])
        if bullet and raw[items[-1].line - 1][:1] in "-*+":
            line = bullet.group(1) + line[1:]
    else:
        after = head
        for i in range(head + 1, end):
            if raw[i].strip():
                after = i
    pos = sum(len(r) for r in raw[: after + 1])
    nl = newline_near(after)
    # When the last line of the file has no line break, keep it that way.
    inserted = line + nl if ending(after) else nl + line
    encoded = text[:pos].encode("utf-8")
    return encoded + inserted.encode("utf-8") + data[len(encoded) :]


def _item_end(raw: list[str], start: int, end: int) -> int:
    """The last line (0-based) of the list item starting at `start`: its continuation
    lines and indented blocks, up to `end` (exclusive)."""
    last = start
    i = start + 1
    while i < end:
        line = raw[i].rstrip("\r\n")
        if not line.strip():
            j = i
            while j < end and not raw[j].strip():
                j += 1
            if j < end and raw[j][:1] in (" ", "\t"):
                last = i = j
                i += 1
                continue
            break
        if line[:1] not in (" ", "\t") and _BLOCK_START.match(line):
            break
        last = i
        i += 1
    return last


def log_interaction(
    analysis: Analysis, name: str, text: str, day: date, tags: Iterable[str]
) -> tuple[Path, str]:
    """Append a dated line to a contact's `## Log` section; return the file and the line."""
    path = find_contact(analysis, name)
    line = log_line(text, day, tags)
    # Through a symlink, update the note it points to rather than replace the link.
    file = (analysis.vault.root / path).resolve()
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror}") from exc
    updated = insert_log(data, line, analysis.config, path)
    write_atomic(file, updated.decode("utf-8"))  # keeps the note's permissions
    return file, line
