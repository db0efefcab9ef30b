"""Neutralising text from notes before it reaches a terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Replace control characters (escape sequences, bidi overrides, newlines) with `?`."""
    return _CONTROL.sub("?", text.replace("\n", " ").replace("\t", " "))
