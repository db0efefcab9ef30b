"""Run an import: read the file, plan against the vault, write (or show) the notes, and
say what happened. `--update` adds missing properties to existing contacts, line by line."""

from __future__ import annotations

import codecs
import re
from datetime import date
from pathlib import Path

from msgspec import Struct

from mdnet.analysis import Analysis
from mdnet.errors import UsageError
from mdnet.fsutil import write_atomic
from mdnet.importer import csvfile, vcard
from mdnet.importer.plan import SYNONYMS, Known, Options, Plan, plan, properties
from mdnet.importer.records import BadRow, Parsed
from mdnet.render.safe import strip_controls, terminal_safe
from mdnet.scaffold import DEFAULT_FOLDERS, find_template, write_new
from mdnet.textscan import nearest


class ImportRequest(Struct, frozen=True):
    file: Path
    vault: Path
    today: date
    fmt: str = "auto"
    mapping: tuple[str, ...] = ()
    network: str | None = None
    tags: tuple[str, ...] = ()
    status: str | None = None
    update: bool = False
    dry_run: bool = False
    encoding: str = "utf-8"


class Update(Struct, frozen=True):
    """Properties `--update` adds to an existing contact note."""

    known: Known
    added: tuple[str, ...]
    text: str | None
    reason: str | None = None


class Result(Struct, frozen=True):
    text: str
    code: int


def read(request: ImportRequest) -> Parsed:
    """The people in the file, by its format (a `.vcf`/`.vcard` file or `BEGIN:VCARD` is a
    vCard, anything else a CSV)."""
    try:
        codecs.lookup(request.encoding)
    except LookupError:
        raise UsageError(f"--encoding {request.encoding!r} is not a known encoding") from None
    try:
        data = request.file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {request.file}: {exc.strerror or exc}") from None
    encoding = request.encoding
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # some Windows exports; the byte-order mark says so
    text = data.decode(encoding, errors="surrogateescape")
    fmt = request.fmt
    if fmt == "auto":
        suffix = request.file.suffix.lower()
        looks = text.lstrip()[:11].upper() == "BEGIN:VCARD"
        fmt = "vcard" if suffix in (".vcf", ".vcard") or looks else "csv"
    if fmt == "vcard":
        if request.mapping:
            raise UsageError("--map is for CSV files")
        return vcard.read_vcard(text)
    return csvfile.read_csv(text, csvfile.parse_map(request.mapping))


_TAG = re.compile(r"^[^\W\d][\w/-]*$|^[\w/-]*[^\W\d_][\w/-]*$")


def _options(request: ImportRequest, analysis: Analysis) -> Options:
    network = request.network.strip() if request.network else None
    declared = analysis.config.networks
    if network is not None and declared and network not in declared:
        near = nearest(network, declared)
        hint = f"; did you mean {near!r}?" if near else f" ({', '.join(declared)})"
        raise UsageError(f"--network {network!r} is not declared in mdnet.toml{hint}")
    tags = tuple(t.strip().lstrip("#") for t in request.tags)
    for tag in tags:
        if not _TAG.match(tag):
            raise UsageError(f"--tag {tag!r} is not a tag (letters, digits, _ - /)")
    config = analysis.config
    return Options(
        network=network,
        tags=tags,
        status=request.status,
        today=request.today,
        yearly_keys=(config.birthday_key, config.anniversary_key),
    )


def run_import(request: ImportRequest) -> Result:
    root = request.vault
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder")
    parsed = read(request)
    from mdnet.app import open_vault

    analysis = open_vault(root, request.today)
    config = analysis.config
    options = _options(request, analysis)
    folder = config.folder("contacts") or DEFAULT_FOLDERS["contacts"]
    target = root / folder
    files = {p.name: p.name for p in target.iterdir()} if target.is_dir() else {}
    template, _ = find_template(root, "contact")
    result = plan(parsed.people, analysis, folder, template, options, files)
    result.bad[:0] = parsed.bad
    updates = (
        [_update(k, analysis, options) for k in result.known if k.path] if (request.update) else []
    )
    if not request.dry_run:
        _write(root, result, updates)
    return Result(_summary(request, result, updates), 1 if result.bad else 0)


def _write(root: Path, result: Plan, updates: list[Update]) -> None:
    if result.new:
        try:
            (root / result.folder).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {root / result.folder}: {exc.strerror}") from None
    for new in list(result.new):
        try:
            write_new(root / new.path, new.text)
        except UsageError as exc:
            result.new.remove(new)
            result.bad.append(BadRow(new.person.line, f"not written: {exc}"))
    for update in updates:
        if update.text is not None and update.known.path:
            # Through a symlink, update the note it points to rather than replace the link.
            write_atomic((root / update.known.path).resolve(), update.text)


# --------------------------------------------------------------------------- --update

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def _update(known: Known, analysis: Analysis, options: Options) -> Update:
    """The note with the person's missing properties added; nothing else changes."""
    assert known.path is not None
    note = analysis.notes[known.path]
    if any(p.code in ("F001", "F002", "F003") for p in note.problems):
        return Update(known, (), None, "its front matter does not parse")
    meta = {str(k).lower(): v for k, v in note.meta.items()}
    wanted = [
        (key, value)
        for key, value in properties(known.person, options)
        if all(_empty(meta.get(k)) for k in SYNONYMS.get(key, (key,)))
    ]
    if not wanted:
        return Update(known, (), None)
    try:
        data = (analysis.vault.root / known.path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return Update(known, (), None, "it cannot be read as UTF-8 text")
    text, added = add_properties(data, wanted)
    return Update(known, tuple(added), text if added else None)


def add_properties(text: str, wanted: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """`text` with `key: value` lines filled in (an empty `key:` line) or added before the
    closing `---`; a note without front matter gets one. Line endings and a byte-order
    mark are kept; every other byte stays as it was."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = _LINE.findall(text[len(bom) :])
    nl = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        block = [f"{k}: {v}{nl}" for k, v in wanted]
        return bom + "".join([f"---{nl}", *block, f"---{nl}", *lines]), [k for k, _ in wanted]
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        return text, []
    added: list[str] = []
    for key, value in wanted:
        pattern = re.compile(rf"^{re.escape(key)}[ \t]*:[ \t]*(\[\]|\"\"|''|~|null)?[ \t]*$")
        empty = next((i for i in range(1, close) if pattern.match(lines[i].rstrip("\r\n"))), None)
        if empty is not None:
            if empty + 1 < close and lines[empty + 1][:1] in (" ", "\t", "-"):
                continue  # a block value follows: not empty after all
            ending = lines[empty][len(lines[empty].rstrip("\r\n")) :] or nl
            lines[empty] = f"{key}: {value}{ending}"
        elif any(re.match(rf"^{re.escape(key)}[ \t]*:", lines[i]) for i in range(1, close)):
            continue
        else:
            if not lines[close - 1].endswith("\n"):
                lines[close - 1] += nl
            lines.insert(close, f"{key}: {value}{nl}")
            close += 1
        added.append(key)
    return bom + "".join(lines), added


# --------------------------------------------------------------------------- summary


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _summary(request: ImportRequest, result: Plan, updates: list[Update]) -> str:
    out: list[str] = []
    would = "would " if request.dry_run else ""
    for new in result.new:
        out.append(terminal_safe(f"{would}create {new.path}"))
        if request.dry_run:
            out += ["    " + strip_controls(line) for line in new.text.rstrip("\n").split("\n")]
    updated = {id(u.known): u for u in updates}
    for known in result.known:
        name = known.person.name
        if known.path is None:
            out.append(
                terminal_safe(f"already in this file (line {known.line}): {name}, {known.why}")
            )
            continue
        update = updated.get(id(known))
        if update and update.added:
            verb = "would add" if request.dry_run else "added"
            keys = ", ".join(update.added)
            out.append(terminal_safe(f"{verb} {keys} to {known.path} ({name})"))
        else:
            note = f"; not updated: {update.reason}" if update and update.reason else ""
            out.append(terminal_safe(f"already there: {name} ({known.path}, {known.why}){note}"))
    shown = request.file.as_posix()
    for bad in sorted(result.bad, key=lambda b: b.line):
        out.append(terminal_safe(f"{shown}:{bad.line}: skipped: {bad.reason}"))
    changed = sum(1 for u in updates if u.added)
    there = sum(1 for k in result.known if k.path) - changed
    parts = [
        f"{'Would import' if request.dry_run else 'Imported'} {_plural(len(result.new), 'contact')}"
    ]
    parts.append(f"{there} already there")
    if request.update:
        parts.append(f"{changed} {'would be ' if request.dry_run else ''}updated")
    twice = sum(1 for k in result.known if k.path is None)
    if twice:
        parts.append(f"{twice} repeated in the file")
    if result.bad:
        parts.append(f"{_plural(len(result.bad), 'row')} skipped")
    out.append(", ".join(parts) + ".")
    return "\n".join(out) + "\n"
