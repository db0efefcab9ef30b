"""Every key of `mdnet.toml` (and `[tool.mdnet]`): its kind, what it does, where its default is.

The one declaration of the configuration's shape. The loader (:func:`mdnet.config.parse_config`)
checks a file against it first (:func:`check_shape`: unknown keys, wrong types), then reads
the values; the JSON Schema (`mdnet config --schema`, :mod:`mdnet.schema`) is generated from
it. Defaults are not repeated here: `default` names the :class:`mdnet.config.Config` attribute
that holds the value a key sets, and the schema reads the default from there.

Kinds: `duration` (days, or `45d`, `8w`, `monthly`), `count` (integer >= 0), `number`
(>= 0), `string`, `daily_format` (moment.js: `YYYY-MM-DD`), `strings` (a list), `folders`
(a folder or a list), `folder`, `choice` (one of `choices`), `selectors` (rule codes or
prefixes), `selectors_or_one`, `table` (fixed `keys`, or free keys whose values are all
`each`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from msgspec import Struct, field

from mdnet.config import FOLDER_KINDS, PROPERTY_TYPES, SEVERITIES
from mdnet.rules import rule_options


class Setting(Struct, frozen=True):
    """One key: its kind, a one-line help, and the Config attribute that holds its value."""

    kind: str
    help: str
    default: str | None = None
    """Dotted attribute of `Config` whose default value is this key's default."""
    keys: Mapping[str, Setting] = field(default_factory=dict)
    """A table with these keys only."""
    each: Setting | None = None
    """A table with free keys (names, globs, codes): every value is this."""
    choices: tuple[str, ...] = ()
    key_kind: str = ""
    """What the free keys of a table are: `selector` (a rule code or prefix) or '' (any)."""


def _rule_option(key: str) -> Setting:
    """A rule's option, declared next to the rule (:func:`mdnet.rules.option`)."""
    declared = rule_options()[key]
    return Setting(declared.kind, declared.help, declared.attr)


def _table(help: str, **keys: Setting) -> Setting:
    return Setting("table", help, keys=keys)


_FOLDER_HELP = {
    "contacts": "Contact notes.",
    "goals": "Goal notes.",
    "events": "Event notes.",
    "meetings": "Meeting notes (read as `type: meeting`).",
}
NETWORK = _table(
    "A target network of contacts.",
    cadence=Setting(
        "duration", "How often to be in touch with its contacts (a contact's `cadence:` wins)."
    ),
    value=Setting("string", "What you offer them (shown by `mdnet due`)."),
    description=Setting("string", "What the network is for."),
)

SETTINGS: dict[str, Setting] = {
    "cadence": Setting(
        "duration",
        "How often to be in touch with a contact, unless a network or note says.",
        "cadence_days",
    ),
    "due_soon_days": Setting(
        "count", "A contact is due soon this many days ahead.", "due_soon_days"
    ),
    "follow_up_days": _rule_option("follow_up_days"),
    "short_max_days": _rule_option("short_max_days"),
    "exclude": Setting(
        "strings", "Globs of notes not to check nor count, e.g. Archive/**.", "exclude"
    ),
    "daily_notes": Setting(
        "daily_format", "The daily notes' name format (moment.js: YYYY-MM-DD).", "daily_notes"
    ),
    "templates": Setting(
        "folders", "Template folders: not notes, yet links to them resolve.", "templates"
    ),
    "max_file_size": Setting(
        "count", "A larger note is not read (F001), in bytes.", "max_file_size"
    ),
    "max_front_matter_size": Setting(
        "count",
        "A larger front matter is not read (F003), in characters of YAML.",
        "max_front_matter_size",
    ),
    "vague_words": _rule_option("vague_words"),
    "assumption_words": _rule_option("assumption_words"),
    "attendee_keys": Setting(
        "strings",
        "Properties of event and meeting notes that list who was there.",
        "attendee_keys",
    ),
    "new_per_event": _rule_option("new_per_event"),
    "pace_factor": _rule_option("pace_factor"),
    "folders": _table(
        "Notes in these folders have this kind without `type:`; new notes go to the first.",
        **{
            kind: Setting("folders", _FOLDER_HELP.get(kind, f"{kind} notes."))
            for kind in FOLDER_KINDS
        },
        daily=Setting(
            "folder", "Daily notes are looked for under this folder only.", "daily_folder"
        ),
    ),
    "contacts": _table(
        "What else makes a note a contact, and which properties hold dates.",
        tags=Setting("strings", "A note with one of these tags is a contact.", "contact_tags"),
        categories=Setting(
            "strings",
            "A note whose `categories` holds one of these is a contact.",
            "contact_categories",
        ),
        birthday=Setting("string", "The contact property holding a birthday.", "birthday_key"),
        anniversary=Setting(
            "string", "The contact property holding an anniversary.", "anniversary_key"
        ),
    ),
    "property_types": Setting(
        "table",
        "Property name -> Obsidian type; wins over .obsidian/types.json.",
        each=Setting("choice", "An Obsidian property type.", choices=PROPERTY_TYPES),
    ),
    "networks": Setting("table", "The target networks, by name.", each=NETWORK),
    "tags": _table(
        "Tags that mark an interaction as a give or an ask.",
        give=Setting("strings", "Tags of a give.", "give_tags"),
        ask=Setting("strings", "Tags of an ask.", "ask_tags"),
    ),
    "rules": _table(
        "Which rules run, and at what severity.",
        select=Setting(
            "selectors", "Only these rule codes or prefixes (ALL: every rule).", "rules.select"
        ),
        ignore=Setting("selectors", "Skip these rule codes or prefixes.", "rules.ignore"),
        severity=Setting(
            "table",
            "Rule code or prefix -> severity.",
            "rules.severity",
            key_kind="selector",
            each=Setting("choice", "A severity.", choices=SEVERITIES),
        ),
        **{
            "per-file-ignores": Setting(
                "table",
                "Glob -> rule codes that say nothing on the notes it matches.",
                "rules.per_file_ignores",
                each=Setting("selectors_or_one", "Rule codes or prefixes."),
            )
        },
    ),
    "sync": _table(
        "The front-matter keys `mdnet sync-properties` writes.",
        last_contact=Setting("string", "Key for the last contact date.", "sync_keys.last_contact"),
        next_due=Setting("string", "Key for the next due date.", "sync_keys.next_due"),
        state=Setting("string", "Key for the contact's state.", "sync_keys.state"),
    ),
    "report": _table("The report.", title=Setting("string", "The report's title.", "report_title")),
    "scorecard": _table(
        "Points per kind of interaction, for a goal measured by `count: points`.",
        give=Setting("number", "Points for a give.", "scorecard.give"),
        ask=Setting("number", "Points for an ask.", "scorecard.ask"),
        followup=Setting(
            "number",
            "Points for a follow-up (added to its give or ask points).",
            "scorecard.followup",
        ),
        new_contact=Setting(
            "number", "Points for a contact, on the day first met.", "scorecard.new_contact"
        ),
        event=Setting(
            "number", "Points for an event attended (its attendee list).", "scorecard.event"
        ),
        other=Setting("number", "Points for any other interaction.", "scorecard.other"),
        followup_tags=Setting(
            "strings", "Tags that make an interaction a follow-up.", "scorecard.followup_tags"
        ),
    ),
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# kind -> (the value's type is right, what it must be)
_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "duration": (
        lambda v: _is_int(v) or isinstance(v, float | str),
        "a duration (45d, 8w, 2m, 1y, weekly) or a number of days",
    ),
    "count": (lambda v: _is_int(v) and v >= 0, "a non-negative integer"),
    "number": (
        lambda v: (_is_int(v) or isinstance(v, float)) and v >= 0,
        "a non-negative number",
    ),
    "string": (lambda v: isinstance(v, str), "a string"),
    "daily_format": (lambda v: isinstance(v, str), "a string"),
    "strings": (_is_strings, "a list of strings"),
    "folders": (lambda v: isinstance(v, str) or _is_strings(v), "a folder or a list of folders"),
    "folder": (lambda v: isinstance(v, str), "one folder"),
    "choice": (lambda v: True, ""),
    "selectors": (_is_strings, "a list of strings"),
    "selectors_or_one": (
        lambda v: isinstance(v, str) or _is_strings(v),
        "a rule code or a list of rule codes",
    ),
    "table": (lambda v: isinstance(v, dict), "a table"),
}


def check_shape(data: Mapping[str, Any], fail: Callable[[str, str], Exception]) -> None:
    """Refuse an unknown key or a value of the wrong type anywhere in `data` (a file's
    table): `fail(KEY, PROBLEM)` names the dotted key. The values themselves (a duration's
    text, a folder inside the vault, a rule code) are the loader's to read."""
    _check_table(data, SETTINGS, "", fail, top=True)


def _check_table(
    data: Mapping[str, Any],
    keys: Mapping[str, Setting],
    prefix: str,
    fail: Callable[[str, str], Exception],
    top: bool = False,
) -> None:
    for key, value in data.items():
        setting = keys.get(key)
        if setting is None:
            known = ", ".join(sorted(keys) if top else keys)
            raise fail(
                f"{prefix}{key}", f"is not a known setting ({'known: ' if top else ''}{known})"
            )
        check_value(setting, value, f"{prefix}{key}", fail)


def check_value(
    setting: Setting, value: Any, key: str, fail: Callable[[str, str], Exception]
) -> None:
    """Refuse `value` for `setting` when its type (or choice) is wrong."""
    if setting.kind == "choice":
        if value not in setting.choices:
            raise fail(key, f"must be one of {', '.join(setting.choices)}")
        return
    right, what = _TYPES[setting.kind]
    if not right(value):
        shown = "a table" if isinstance(value, dict) else repr(value)
        raise fail(key, f"must be {what}" + ("" if setting.kind == "table" else f", not {shown}"))
    if setting.kind != "table":
        return
    if setting.keys:
        _check_table(value, setting.keys, f"{key}.", fail)
    elif setting.each is not None:
        for name, item in value.items():
            check_value(setting.each, item, f"{key}.{name}", fail)


def toml_keys() -> dict[str, str]:
    """Config attribute (dotted for a sub-record) -> the TOML key that sets it, where the
    two differ: `cadence_days` -> `cadence`, `rules.per_file_ignores` ->
    `rules.per-file-ignores`, `sync_keys` -> `sync` (a table of its own)."""
    out: dict[str, str] = {}

    def walk(keys: Mapping[str, Setting], prefix: str) -> None:
        for key, setting in keys.items():
            if setting.keys:
                walk(setting.keys, f"{prefix}{key}.")
            if setting.default is None:
                continue
            toml = f"{prefix}{key}"
            if setting.default != toml:
                out[setting.default] = toml
            field, _, rest = setting.default.partition(".")
            parent = prefix.rstrip(".")
            if rest and parent and field != parent:
                out[field] = parent  # sync_keys.state is sync.state: sync_keys is [sync]

    walk(SETTINGS, "")
    return out


def default_of(setting: Setting, config: object) -> Any:
    """The default of a key: its attribute of a default `Config`, as TOML would write it
    (lists for tuples, tables for mappings); None when it has none."""
    if setting.default is None:
        return None
    value: Any = config
    for part in setting.default.split("."):
        value = value[part] if isinstance(value, Mapping) else getattr(value, part)
    if setting.kind == "table":
        return dict(value)  # a table: per-file-ignores are (glob, codes) pairs
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value
