"""F rules: files that cannot be read and front matter that does not parse or fit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mdnet.dates import DateError, parse_date
from mdnet.diagnostics import Finding
from mdnet.rules import rule
from mdnet.yearly import is_yearless

if TYPE_CHECKING:
    from mdnet.analysis import Analysis


def _problems(analysis: Analysis, code: str) -> Iterator[Finding]:
    for path, problem in analysis.problems(code):
        yield Finding(path, problem.line, problem.col, problem.message)


def _type_problem(kind: str, value: Any) -> tuple[str, str] | None:
    """(code, why) when a property value does not fit its Obsidian type, else None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None  # an empty property is fine in Obsidian
    if kind in ("date", "datetime"):
        try:
            parse_date(value)
        except DateError as exc:
            return "F004", str(exc)
        return None
    if kind == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return None
        if isinstance(value, str):
            try:
                float(value.strip())
            except ValueError:
                pass
            else:
                return None
        return "F005", f"must be a number, not {_shown(value)}"
    if kind == "checkbox":
        if isinstance(value, bool) or (
            isinstance(value, str) and value.strip().lower() in ("true", "false")
        ):
            return None
        return "F005", f"must be true or false, not {_shown(value)}"
    return None


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _typed_properties(analysis: Analysis, code: str) -> Iterator[Finding]:
    """Properties that do not hold what Obsidian's property types (`.obsidian/types.json`,
    `[property_types]`) say, in any note; a spot another F004/F005 already names is left."""
    types = analysis.config.property_types
    if not types:
        return
    taken = {(path, p.line, p.col) for c in ("F004", "F005") for path, p in analysis.problems(c)}
    yearly = (analysis.config.birthday_key, analysis.config.anniversary_key)
    for note in analysis.vault.notes:
        for key, value in note.meta.items():
            kind = types.get(key.lower()) if isinstance(key, str) else None
            if kind and note.kind == "contact" and key in yearly and is_yearless(value):
                continue  # `birthday: --05-14`: a birthday with no year (model.py checks it)
            found = _type_problem(kind, value) if kind else None
            if found is None or found[0] != code:
                continue
            line, col = note.key_line(key)
            if (note.path, line, col) in taken:
                continue
            origins = analysis.config.origins
            origin = origins.get(f"property_types.{key.lower()}") or origins["property_types"]
            yield Finding(
                note.path, line, col, f"`{key}` is a {kind} property ({origin}): {found[1]}"
            )


@rule(
    "F001",
    "unreadable-file",
    "error",
    "A note that is not UTF-8 text, binary, unreadable or over the size limit",
    "Re-save the file as UTF-8, or exclude it in mdnet.toml.",
)
def unreadable_file(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: mdnet can only check what it can read. A note saved as Latin-1 or UTF-16, a
    binary file named `.md`, a file you cannot read, or one larger than `max_file_size`
    (default 5 MB) is skipped, so its links, contacts and goals are invisible to every
    other rule and to the report.

    Fix: re-save the file as UTF-8 (a byte-order mark is fine), fix its permissions,
    or add it to `exclude` in `mdnet.toml`. Raise `max_file_size` for a genuinely large note.

    Example:
        People/Zoë.md:1:1: F001 file is not UTF-8 (byte 0xeb); re-save it as UTF-8
    """
    return _problems(analysis, "F001")


@rule(
    "F002",
    "front-matter-syntax",
    "error",
    "Front matter YAML does not parse",
    "Fix the YAML at the line shown; quote values that contain `: ` or start with `[`, `{`, `*`.",
)
def front_matter_syntax(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: when the YAML between the `---` lines does not parse, none of the note's
    properties (type, network, deadline) can be read, and Obsidian shows no properties
    either. The finding points at the line libyaml stopped on. Alias bombs and nesting
    deeper than 64 levels are refused here too, before anything is built.

    Fix: correct the YAML. Common causes are an unquoted colon (`role: CEO: Acme`),
    a template placeholder left in a note (`created: {{date}}`), or a tab for indentation.

    Example:
        ---
        role: CEO: Acme        # F002 invalid YAML: mapping values are not allowed here
        ---
    """
    return _problems(analysis, "F002")


@rule(
    "F003",
    "front-matter-shape",
    "error",
    "Front matter is a list or scalar, unclosed, TOML, too large, or has duplicate keys",
    "Make the front matter one `key: value` mapping between two `---` lines, each key once.",
)
def front_matter_shape(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: mdnet (like Obsidian) reads properties from a YAML mapping between a `---`
    line at the very top of the file and a closing `---`. A list, a bare value, a block
    that is never closed, TOML `+++` front matter or a key written twice (YAML keeps only
    the last one, silently) means properties are lost or wrong.

    Fix: one mapping, closed by `---`, each key once.

    Example:
        ---
        network: bloggers
        network: bankers       # F003 duplicate key `network` (first on line 2)
        ---
    """
    return _problems(analysis, "F003")


@rule(
    "F004",
    "bad-date",
    "error",
    "A date field that is not a real ISO date",
    "Write dates as YYYY-MM-DD (2026-11-02).",
    fixable="safe",
)
def bad_date(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: deadlines, meeting dates and snoozes drive everything mdnet derives. A date
    that does not exist (`2026-13-45`), words (`next month`), day-first dates
    (`31/12/1990`), epoch milliseconds or an unfilled template placeholder cannot be
    placed on a calendar, so the field is ignored. The same goes for a property that
    Obsidian types as a date or date & time (`.obsidian/types.json`, or `[property_types]`
    in mdnet.toml), in any note: Obsidian shows `birthday: 2026-02-30` as invalid too.
    A contact's birthday and anniversary may leave out the year (`--05-14` or `05-14`):
    that is not flagged even where the property is typed as a date (Obsidian's property
    editor marks it, but there is no year to write), while `--02-30` is.

    Fix: write the date as `YYYY-MM-DD`. `--fix` rewrites a date that can mean only one
    day: `2026/11/02`, `20261102`, `Nov 2, 2026`, `2 November 2026`, `31/12/2026` (a day
    over 12 says which is the day) and an unquoted `[[2026-11-02]]`; `03/04/2026` is left
    for you.

    Example:
        met: 2026-13-45        # F004 `met`: 2026-13-45 is not a real date (month 13)
        met: 2026-03-14        # fine
        birthday: 2026-02-30   # F004 `birthday` is a date property (.obsidian/types.json)
        birthday: --02-30      # F004 on a contact: February has 29 days
        birthday: --05-14      # fine on a contact: a birthday without a year
    """
    yield from _problems(analysis, "F004")
    yield from _typed_properties(analysis, "F004")


@rule(
    "F005",
    "bad-field",
    "error",
    "A property of the wrong type, an unquoted [[link]] property, or an unsafe YAML tag",
    "Give the property the type shown in the message.",
    fixable="safe",
)
def bad_field(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: `target: ten` cannot be compared with progress, `aliases: Dana` is one string
    where Obsidian expects a list, and an unquoted `parent: [[Goal]]` is a nested YAML
    list, not a link (Obsidian will not show it as one). Unsafe tags such as
    `!!python/object/apply` are never executed; they are reported and read as text. A
    property Obsidian types as a number (`.obsidian/types.json`, or `[property_types]` in
    mdnet.toml) must hold a number in every note, and a checkbox true or false.

    Fix: use the type the message asks for; quote links in properties. `--fix` quotes an
    unquoted `[[link]]` and makes a single alias a list (`aliases: [Dana]`).

    Example:
        target: ten            # F005 `target` must be a number, not 'ten'
        parent: [[Publish 30 guest posts]]     # F005: write "[[Publish 30 guest posts]]"
    """
    yield from _problems(analysis, "F005")
    yield from _typed_properties(analysis, "F005")


@rule(
    "F006",
    "unknown-type",
    "warning",
    "`type:` is not a kind mdnet knows",
    "Use one of contact, goal, event, note, daily (or remove `type:`).",
    fixable="unsafe",
)
def unknown_type(analysis: Analysis) -> Iterator[Finding]:
    """
    Why: the kind of a note decides which rules apply and what is derived from it. A
    misspelt `type: contcat` silently turns a contact into a plain note: no cadence,
    no overdue warning.

    Fix: use `contact`, `goal`, `event`, `note` or `daily`; the message suggests the
    nearest known kind, and `--fix --unsafe-fixes` writes it (unsafe: the guess may be
    wrong, and the note's kind, so its rules, change).

    Example:
        type: contcat          # F006 unknown type 'contcat'; did you mean 'contact'?
    """
    return _problems(analysis, "F006")
