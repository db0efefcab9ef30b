"""Front matter edited line by line, every other line kept as it is (for `new` and import)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from mdnet.errors import UsageError

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
