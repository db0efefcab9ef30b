"""The one exception family the CLI turns into a message and exit code 2, and the warning it
prints for a setting mdnet skipped. Light: the CLI imports it before anything is read."""

from __future__ import annotations


class MdnetError(Exception):
    """A usage, configuration or environment problem; shown as one line, exit 2."""

    exit_code = 2


class ConfigError(MdnetError):
    """The configuration file is invalid."""


class UsageError(MdnetError):
    """The command line asks for something that cannot be done."""


class SettingsWarning(UserWarning):
    """A setting mdnet could not use and skipped (an odd `.obsidian/` file): one line."""
