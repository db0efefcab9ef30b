"""Writing notes for the user: a new vault (`init`), a note from a template (`new`), a log line.

Every write goes through `write_atomic` and none replaces an existing file, except `log`,
which rewrites one contact note with exactly one line added. One module per job; the names
other modules use are importable from here."""

from __future__ import annotations

from mdnet.dates import moment_format
from mdnet.scaffold.init import Layout, Planned, init_plan, init_vault
from mdnet.scaffold.log import find_contact, insert_log, log_interaction, log_line
from mdnet.scaffold.names import note_filename, write_new
from mdnet.scaffold.new import (
    DEFAULT_FOLDERS,
    NewNote,
    default_deadline,
    new_note,
    suggested_deadline,
)
from mdnet.scaffold.template import builtin, fill_template, find_template
from mdnet.scaffold.yamledit import front_matter_value, set_front_matter, yaml_scalar

__all__ = [
    "DEFAULT_FOLDERS",
    "Layout",
    "NewNote",
    "Planned",
    "builtin",
    "default_deadline",
    "fill_template",
    "find_contact",
    "find_template",
    "front_matter_value",
    "init_plan",
    "init_vault",
    "insert_log",
    "log_interaction",
    "log_line",
    "moment_format",
    "new_note",
    "note_filename",
    "set_front_matter",
    "suggested_deadline",
    "write_new",
    "yaml_scalar",
]
