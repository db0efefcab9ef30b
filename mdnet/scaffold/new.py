"""`mdnet new`: a contact, goal or event note from a template, in its kind's folder."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from pathlib import Path

from msgspec import Struct

from mdnet.config import Config
from mdnet.errors import UsageError
from mdnet.model import HORIZONS
from mdnet.note import MODELLED_KINDS as KINDS
from mdnet.scaffold.names import inside, note_filename, write_new
from mdnet.scaffold.template import fill_template, find_template
from mdnet.scaffold.yamledit import front_matter_value, set_front_matter, yaml_scalar
from mdnet.textscan import nearest

DEFAULT_FOLDERS = {"contacts": "People", "goals": "Goals", "events": "Events"}
FOLDER_KEY = {"contact": "contacts", "goal": "goals", "event": "events"}


class NewNote(Struct, frozen=True):
    """What `mdnet new` was asked for: the note, and the vault it goes in."""

    kind: str
    name: str
    today: date
    vault: Path | None = None
    """The vault root; None: the one found upward from `cwd`."""
    cwd: Path = Path()
    deadline: date | None = None
    horizon: str | None = None
    parent: str | None = None
    network: str | None = None
    clock: time = time(0, 0)


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
    """The deadline to offer when asking for one; a bad --parent is refused first, before
    anyone types a deadline."""
    if request.parent:
        folder = config.folder("goals") or DEFAULT_FOLDERS["goals"]
        long_term_goal(root, config, request, f"{folder}/{note_filename(request.name)}")
    template, _ = find_template(root, "goal")
    return default_deadline(goal_horizon(request, template), request.today, config.short_max_days)


def _link(name: str) -> str:
    target = name.strip()
    if target.startswith("[[") and target.endswith("]]"):
        target = target[2:-2]
    if not target or any(c in target for c in "[]\n\r"):
        raise UsageError(f"{name!r} is not a note name to link to")
    return json.dumps(f"[[{target}]]", ensure_ascii=False)


def known_network(config: Config, network: str) -> None:
    """Refuse a network mdnet.toml does not declare (C003 would flag the note at once),
    with the nearest declared one; any name goes when none is declared."""
    declared = config.networks
    if not declared or network in declared:
        return
    near = nearest(network, declared)
    hint = f"did you mean {near!r}?" if near else f"declared: {', '.join(declared)}"
    raise UsageError(f"no network {network!r} in mdnet.toml; {hint}")


def long_term_goal(root: Path, config: Config, request: NewNote, source: str) -> None:
    """Refuse a --parent that is not an existing long-term goal (G006 would flag the note
    at once), with the nearest long-term goal's name."""
    from mdnet.analysis import Options, analyse
    from mdnet.cache import cached_loader
    from mdnet.noteparts import Link

    assert request.parent is not None
    analysis = analyse(Options(root=root, config=config, today=request.today), cached_loader(True))
    target = request.parent.strip().removeprefix("[[").removesuffix("]]")
    found = analysis.index.resolve(Link(target, 1, 1, "property", key="parent"), source).path
    goals = analysis.model.goals
    if found in goals and goals[found].horizon == "long":
        return
    if found in goals:
        raise UsageError(f"--parent {found} is not a long-term goal (`horizon: long`)")
    if found is not None:
        raise UsageError(f"--parent {found} is not a goal")
    names = [g.path.rsplit("/", 1)[-1][:-3] for g in goals.values() if g.horizon == "long"]
    if not names:
        raise UsageError(
            f"no goal {target!r}: the vault has no long-term goal; "
            "create one with `mdnet new goal NAME --horizon long`"
        )
    near = nearest(target, names)
    hint = f"did you mean {near!r}?" if near else "`mdnet report` lists the goals"
    raise UsageError(f"no long-term goal {target!r}; {hint}")


def new_note(root: Path, config: Config, request: NewNote) -> tuple[Path, str]:
    """Write a note from a template; return its path and the template used."""
    if request.kind not in KINDS:
        raise UsageError(f"cannot create a {request.kind!r}; choose one of {', '.join(KINDS)}")
    if request.network and request.kind != "contact":
        raise UsageError("--network is for contacts")
    if request.kind != "goal" and (request.deadline or request.horizon or request.parent):
        raise UsageError("--deadline, --horizon and --parent are for goals")
    if request.network:
        known_network(config, request.network)
    filename = note_filename(request.name)
    title = filename[:-3]
    folder_key = FOLDER_KEY[request.kind]
    folder = config.folder(folder_key) or DEFAULT_FOLDERS[folder_key]
    target = root / folder / filename
    if not inside(root, target):
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
            long_term_goal(root, config, request, f"{folder}/{filename}")
        elif front_matter_value(text, "parent") is None:
            fields["parent"] = None  # an empty `parent:` line would read as a broken parent
        defaults["goal"] = yaml_scalar(title)
    else:
        fields["date"] = today
    text = set_front_matter(text, fields, defaults)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new(target, text)
    return target, source
