"""What YAML makes of a plain (unquoted) scalar, without importing PyYAML.

The front matter read without YAML (mdnet/frontmatter.py) must tell a text from a number,
a bool or null exactly as YAML's safe loader does, and importing PyYAML costs about 14 ms
(its reader compiles a pattern over most of Unicode). These are the safe loader's implicit
resolvers (`yaml.resolver.Resolver`), in its order, less the timestamp one (mdnet keeps
dates as text and judges them itself); tests/test_yamlscalars.py checks that they are
PyYAML's, pattern for pattern."""

from __future__ import annotations

import re
from functools import lru_cache

_TAG = "tag:yaml.org,2002:"
STR = _TAG + "str"
DIGITS = "0123456789"

RESOLVERS: tuple[tuple[str, str, int, str], ...] = (
    (
        _TAG + "bool",
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        re.X,
        "yYnNtTfFoO",
    ),
    (
        _TAG + "float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        re.X,
        "-+.0123456789",
    ),
    (
        _TAG + "int",
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        re.X,
        "-+0123456789",
    ),
    (_TAG + "merge", r"^(?:<<)$", 0, "<"),
    (
        _TAG + "null",
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        re.X,
        "~nN\0",  # \0: the empty text
    ),
    (_TAG + "value", r"^(?:=)$", 0, "="),
    (_TAG + "yaml", r"^(?:!|&|\*)$", 0, "!&*"),
)
"""(tag, pattern, flags, the first characters it is tried for), in the order tried."""

_BY_FIRST: dict[str, list[tuple[str, str, int]]] = {}
for _tag, _pattern, _flags, _firsts in RESOLVERS:
    for _first in _firsts:
        _BY_FIRST.setdefault("" if _first == "\0" else _first, []).append((_tag, _pattern, _flags))


@lru_cache(maxsize=4096)
def plain_tag(value: str) -> str:
    """The tag of a plain scalar: that of the first resolver that matches, else text. The
    same texts (`true`, `contact`, `2026-11-02`) come back in note after note."""
    for tag, pattern, flags in _BY_FIRST.get(value[:1], ()):
        if re.match(pattern, value, flags):  # compiled once, by `re`'s cache
            return tag
    return STR
