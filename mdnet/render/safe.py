"""Neutralising text from notes before it reaches a terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def strip_controls(text: str) -> str:
    """Replace control characters other than newline and tab (escape sequences, bidi marks
    and overrides, line separators) with `?`."""
    return _CONTROL.sub("?", text)


def terminal_safe(text: str) -> str:
    """Replace control characters (escape sequences, bidi overrides, newlines) with `?`."""
    return strip_controls(text.replace("\n", " ").replace("\t", " "))
