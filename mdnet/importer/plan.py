"""Match imported people against the vault and against each other, choose safe file names,
and render each new note from the vault's contact template."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import yaml
from msgspec import Struct, field

from mdnet.analysis import Analysis
from mdnet.errors import UsageError
from mdnet.importer.records import BadRow, Person, url_key
from mdnet.scaffold import fill_template, note_filename, set_front_matter, yaml_scalar

EMAIL_KEYS = ("email", "emails", "e-mail", "mail")
URL_KEYS = ("url", "urls", "website", "linkedin")
SYNONYMS = {
    "aliases": ("aliases", "alias"),
    "tags": ("tags", "tag"),
    "email": EMAIL_KEYS,
    "url": ("url", "urls", "website"),
}
"""A property counts as present under any of these keys (`--update` adds none of them)."""


class Options(Struct, frozen=True):
    """How to write: the contacts' network, tags and status, and today's date."""

    network: str | None = None
    tags: tuple[str, ...] = ()
    status: str | None = None
    today: date = date(2000, 1, 1)
    yearly_keys: tuple[str, str] = ("birthday", "anniversary")
    """The properties the vault reads a birthday and an anniversary from (`birthday_key`,
    `anniversary_key` in mdnet.toml): imported dates are written under them."""


class New(Struct, frozen=True):
    """A note to create: its path in the vault and its text."""

    person: Person
    path: str
    text: str


class Known(Struct, frozen=True):
    """A person who is already a contact (`path`), or already earlier in this import
    (`path` is None, `line` is that row's)."""

    person: Person
    why: str
    path: str | None = None
    line: int | None = None


class Plan(Struct):
    folder: str
    new: list[New] = field(default_factory=list)
    known: list[Known] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)


def properties(
    person: Person, options: Options, template_tags: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """The front-matter lines mdnet writes for a person, as (key, YAML value), in order."""
    out: list[tuple[str, str]] = []

    def add(key: str, value: str | None, raw: bool = False) -> None:
        if value:
            out.append((key, value if raw else yaml_scalar(value)))

    if person.aliases:
        add("aliases", "[" + ", ".join(yaml_scalar(a) for a in person.aliases) + "]", raw=True)
    add("network", options.network)
    add("met", person.met.isoformat() if person.met else None, raw=True)
    add("company", person.company)
    add("role", person.role)
    add("email", person.emails[0] if person.emails else None)
    add("phone", person.phones[0] if person.phones else None)
    add("url", person.urls[0] if person.urls else None)
    add("linkedin", person.linkedin)
    for field_name, key in zip(("birthday", "anniversary"), options.yearly_keys, strict=True):
        day: str | None = getattr(person, field_name)
        add(key, day, raw=bool(day and not day.startswith("--")))
    tags = list(dict.fromkeys([*template_tags, *options.tags]))
    if options.tags:
        add("tags", "[" + ", ".join(yaml_scalar(t) for t in tags) + "]", raw=True)
    return out


# --------------------------------------------------------------------------- matching


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


class Index:
    """Names, aliases, e-mail addresses and URLs of contacts, to find a person again."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[str | None, int | None]] = {}
        self.emails: dict[str, tuple[str | None, int | None]] = {}
        self.urls: dict[str, tuple[str | None, int | None]] = {}

    @classmethod
    def of_vault(cls, analysis: Analysis) -> Index:
        index = cls()
        for path, contact in sorted(analysis.model.contacts.items()):
            where = (path, None)
            stem = path.rsplit("/", 1)[-1][:-3]
            for name in (contact.name, stem, *contact.aliases):
                index.names.setdefault(name.casefold(), where)
            meta = {str(k).lower(): v for k, v in analysis.notes[path].meta.items()}
            for key in EMAIL_KEYS:
                for email in _strings(meta.get(key)):
                    index.emails.setdefault(email.strip().casefold(), where)
            for key in URL_KEYS:
                for url in _strings(meta.get(key)):
                    index.urls.setdefault(url_key(url), where)
        return index

    def find(self, person: Person) -> tuple[str, tuple[str | None, int | None]] | None:
        """(why, (path, line)) of the contact this person already is, else None."""
        if person.name.casefold() in self.names:
            return "same name", self.names[person.name.casefold()]
        for email in person.emails:
            if email.casefold() in self.emails:
                return f"same e-mail {email}", self.emails[email.casefold()]
        for url in (*person.urls, *([person.linkedin] if person.linkedin else [])):
            if url_key(url) in self.urls:
                return f"same URL {url}", self.urls[url_key(url)]
        return None

    def add(self, person: Person) -> None:
        where = (None, person.line)
        self.names.setdefault(person.name.casefold(), where)
        for email in person.emails:
            self.emails.setdefault(email.casefold(), where)
        for url in (*person.urls, *([person.linkedin] if person.linkedin else [])):
            self.urls.setdefault(url_key(url), where)


# --------------------------------------------------------------------------- file names

_UNSAFE = set('/\\:*?"<>|#^[]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))}
_RESERVED |= {f"lpt{i}" for i in range(10)}


def safe_stem(name: str) -> str:
    """A file name (without `.md`) for a person's name, valid on every system and as an
    Obsidian link: no path separators or link characters, no leading dot, no Windows
    reserved name (`CON` -> `CON_`), at most 200 bytes."""
    chars = [
        " " if c in _UNSAFE or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
        for c in name
    ]
    stem = " ".join("".join(chars).split()).strip(" .")
    stem = stem.encode("utf-8")[:180].decode("utf-8", "ignore").strip(" .")
    if stem.lower().endswith(".md"):  # `Notes.md` would read as the file name itself
        stem = f"{stem[:-3].rstrip(' .')} {stem[-2:]}".strip()
    if not stem:
        stem = "Unnamed contact"
    first, dot, rest = stem.partition(".")
    if first.strip().lower() in _RESERVED:
        stem = f"{first}_{dot}{rest}"
    return stem


def unique_stem(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem 2`, `stem 3`... when a file of that name (any case) exists."""
    candidate, n = stem, 1
    while f"{candidate.casefold()}.md" in taken:
        n += 1
        candidate = f"{stem} {n}"
    taken.add(f"{candidate.casefold()}.md")
    return candidate


# --------------------------------------------------------------------------- rendering

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


def front_matter(text: str) -> Any:
    m = _FRONT.match(text)
    if not m:
        return None
    return yaml.load(m.group(1) or "", Loader=yaml.CSafeLoader)


def template_tags(template: str, today: date) -> list[str]:
    """The template's own `tags:` (kept when --tag adds more); UsageError when the
    template's front matter does not parse."""
    try:
        meta = front_matter(fill_template(template, "Name", today))
    except yaml.YAMLError as exc:
        raise UsageError(f"the contact template's front matter does not parse: {exc}") from None
    if not isinstance(meta, dict):
        return []
    return [str(t) for t in _strings(meta.get("tags"))]


def render(person: Person, stem: str, template: str, options: Options, tags: list[str]) -> str:
    """A contact note from the template: its placeholders filled with the file name, then
    mdnet's properties set line by line."""
    text = fill_template(template, stem, options.today)
    fields: dict[str, str | None] = {"type": "contact", "name": yaml_scalar(person.name)}
    fields["met"] = None  # the template's `met: {{date}}` is not when you met an import
    if options.status:
        fields["status"] = options.status
    fields.update(properties(person, options, tags))
    text = set_front_matter(text, fields)
    if person.notes:
        text = text.rstrip("\n") + "\n\n## Notes\n" + person.notes + "\n"
    return text


def check_rendered(text: str, person: Person) -> str | None:
    """Why a rendered note would not read back as this person, else None."""
    try:
        meta = front_matter(text)
    except yaml.YAMLError:
        return "its front matter would not parse"
    if not isinstance(meta, dict) or meta.get("name") != person.name:
        return "its name would not read back as written"
    return None


def plan(
    people: Iterable[Person],
    analysis: Analysis,
    folder: str,
    template: str,
    options: Options,
    existing_files: Mapping[str, str],
) -> Plan:
    """What to write for each person: a new note, or nothing (already there)."""
    result = Plan(folder=folder)
    index = Index.of_vault(analysis)
    taken = {name.casefold() for name in existing_files}
    tags = template_tags(template, options.today)
    for person in people:
        found = index.find(person)
        if found is not None:
            why, (path, line) = found
            result.known.append(Known(person, why, path, line))
            continue
        stem = unique_stem(safe_stem(person.name), taken)
        try:
            note_filename(stem)
        except UsageError as exc:  # the same rules as `mdnet new`: should never happen
            result.bad.append(BadRow(person.line, f"no safe file name: {exc}"))
            continue
        text = render(person, stem, template, options, tags)
        problem = check_rendered(text, person)
        if problem:
            result.bad.append(BadRow(person.line, f"{person.name!r}: {problem}"))
            continue
        index.add(person)
        result.new.append(New(person, f"{folder}/{stem}.md", text))
    return result
