"""A note's front matter: finding the YAML block, loading it safely, each key's place.

Values keep the text of dates (mdnet judges them itself), every key keeps the line and
column of its value, and `"[[...]]"` links in properties become property links."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from msgspec import Struct, field

from mdnet.noteparts import Link, Problem, wiki_target

_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
)
_DEFAULT_TAG = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}
MAX_YAML_NODES = 20_000
MAX_YAML_DEPTH = 64


class _Loader(yaml.CSafeLoader):
    """The C safe loader, keeping dates as text so that mdnet can report bad ones."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        """The tag of an untagged node, as the base resolver gives it (this loader has no
        path resolvers), but remembered for plain scalars: their tag depends on their
        text alone, and the same texts (`true`, `contact`, `2026-11-02`) come back in note
        after note."""
        if kind is yaml.ScalarNode:
            return _plain_tag(value) if implicit[0] else _DEFAULT_TAG[kind]
        return _DEFAULT_TAG[kind]


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """The tag of a plain (unquoted) scalar: the first implicit resolver that matches."""
    resolvers = _Loader.yaml_implicit_resolvers
    for tag, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            return str(tag)
    return _DEFAULT_TAG[yaml.ScalarNode]


_FM_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.M)
TEMPLATE = re.compile(r"\{\{|<%")
"""A Templater (`<% tp.date.now() %>`) or core Templates (`{{date}}`) placeholder."""


class FrontMatter(Struct):
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False
    """The YAML, or a value in it, could not be read (F002), or it is no mapping (F003)."""


TEMPLATE_HINT = (
    "fill it in, or if this note is a template, name its folder in Obsidian's Templates "
    'settings or in mdnet.toml (templates = ["Templates"])'
)
"""Templates are not notes: their folders come from .obsidian/ or `templates` in mdnet.toml."""


def split_front_matter(text: str, max_size: int) -> tuple[str | None, int, int, list[Problem]]:
    """Find the YAML block.

    Returns (YAML text or None, index of the first body line, first YAML line, problems)."""
    first_nl = text.find("\n")
    first = text if first_nl < 0 else text[:first_nl]
    opener = first.rstrip(" \t")
    if opener == "+++":
        end = text.find("\n+++", first_nl)
        body_line = text.count("\n", 0, end + 1) + 1 if end >= 0 else 0
        return (
            None,
            body_line,
            0,
            [
                Problem(
                    "F003",
                    1,
                    1,
                    "TOML front matter (+++) is not read; mdnet reads YAML between --- lines",
                )
            ],
        )
    if opener != "---":
        return None, 0, 0, []
    if first_nl < 0:
        return (
            None,
            1,
            0,
            [Problem("F003", 1, 1, "front matter is opened with --- but never closed")],
        )
    match = _FM_CLOSE.search(text, first_nl + 1)
    if match is None:
        return (
            None,
            0,
            0,
            [Problem("F003", 1, 1, "front matter is opened with --- but never closed")],
        )
    block = text[first_nl + 1 : match.start()]
    body_line = text.count("\n", 0, match.end()) + 1
    if len(block) > max_size:
        return (
            None,
            body_line,
            0,
            [
                Problem(
                    "F003",
                    1,
                    1,
                    f"front matter is {len(block):,} characters, over the limit of {max_size:,}",
                )
            ],
        )
    return block, body_line, 1, []


def _check_graph(root: yaml.Node) -> str | None:
    """Refuse alias bombs and deep nesting before anything is constructed."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if depth > MAX_YAML_DEPTH:
            return f"front matter is nested more than {MAX_YAML_DEPTH} levels deep"
        if id(node) in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done or not children:
            total = 1 + sum(sizes.get(id(c), 0) for c in children)
            if total > MAX_YAML_NODES:
                return f"front matter expands to more than {MAX_YAML_NODES:,} values (alias bomb?)"
            sizes[id(node)] = total
            continue
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
    return None


def _tree_shape(root: yaml.Node) -> tuple[bool, bool]:
    """For a tree of nodes (no aliases): (within the size and depth limits, every tag a
    standard one). Walks one level at a time."""
    level = [root]
    depth = count = 0
    standard = True
    while level:
        depth += 1
        count += len(level)
        if depth > MAX_YAML_DEPTH or count > MAX_YAML_NODES:
            return False, False
        below: list[yaml.Node] = []
        for node in level:
            if standard and node.tag not in _SAFE_TAGS:
                standard = False
            kind = node.__class__
            if kind is yaml.SequenceNode:
                below += node.value
            elif kind is yaml.MappingNode:
                for pair in node.value:
                    below += pair
        level = below
    return True, standard


_STR = "tag:yaml.org,2002:str"
_new = tuple.__new__
"""Builds a Link from all its fields in order, without NamedTuple's keyword handling."""
_NOT_PLAIN = object()


def _plain_value(node: yaml.Node) -> Any:
    """A text value, or a list of texts, read straight from the node (what the constructor
    would build from it); `_NOT_PLAIN` for anything else."""
    if node.__class__ is yaml.ScalarNode:
        return node.value if node.tag == _STR else _NOT_PLAIN
    if node.__class__ is yaml.SequenceNode and node.tag == "tag:yaml.org,2002:seq":
        items = node.value
        if all(n.__class__ is yaml.ScalarNode and n.tag == _STR for n in items):
            return [n.value for n in items]
    return _NOT_PLAIN


def _neutralise_tags(root: yaml.Node, offset: int, out: FrontMatter) -> None:
    """Replace every non-standard tag (`!!python/...`, `!custom`) by a plain one."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _SAFE_TAGS:
            if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith((":timestamp",))):
                out.problems.append(
                    Problem(
                        "F005",
                        node.start_mark.line + offset,
                        node.start_mark.column + 1,
                        "YAML merge keys (<<) are not supported; read as a plain key"
                        if node.tag == "tag:yaml.org,2002:merge"
                        else f"unsafe or unknown YAML tag {node.tag!r} ignored",
                    )
                )
            node.tag = _DEFAULT_TAG[type(node)]
            if isinstance(node, yaml.ScalarNode):
                node.style = "'"  # keep the text, never resolve it as anything else
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)


_WIKI_IN_VALUE = re.compile(r"\[\[([^\[\]\n]+?)\]\]")


def _property_links(key: str, node: yaml.Node, offset: int, out: FrontMatter) -> None:
    """Collect `"[[...]]"` links in a property, and flag unquoted `[[...]]` (a nested list)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            if "[[" in n.value:
                col = n.start_mark.column + 1
                # On one line the value is the source text: point at each `[[`, inside quotes.
                one_line = n.start_mark.line == n.end_mark.line
                quote = 1 if n.style in ("'", '"') else 0
                for m in _WIKI_IN_VALUE.finditer(n.value):
                    target = wiki_target(m.group(1))
                    if target:
                        at = col + quote + m.start() if one_line else col
                        line = n.start_mark.line + offset
                        out.links.append(_new(Link, (target, line, at, "property", key)))
        elif isinstance(n, yaml.SequenceNode):
            inner = n.value
            if (
                len(inner) == 1
                and isinstance(inner[0], yaml.SequenceNode)
                and len(inner[0].value) == 1
                and isinstance(inner[0].value[0], yaml.ScalarNode)
                and n.flow_style
            ):
                scalar = inner[0].value[0]
                line, col = n.start_mark.line + offset, n.start_mark.column + 1
                out.problems.append(
                    Problem(
                        "F005",
                        line,
                        col,
                        f"`{key}` has an unquoted link [[{scalar.value}]]; "
                        f'write "[[{scalar.value}]]" in quotes',
                    )
                )
                target = wiki_target(scalar.value)
                if target:
                    out.links.append(Link(target, line, col, "property", key=key))
                continue
            stack.extend(inner)
        elif isinstance(n, yaml.MappingNode):
            stack.extend(v for _, v in n.value)


_WORD = r"[A-Za-z0-9][A-Za-z0-9_./-]*"
_QUOTED = r'"[^\x00-\x1f"\\\x7f-\x9f\u2028\u2029\ud800-\U0010ffff]*"'
"""A text in double quotes without `"`, `\\`, a control character, a character YAML reads as
a line break, or one from U+D800 up. Written as the characters it leaves out: the same set
written as the ones it takes (space to `~` and U+00A0 to U+D7FF, less four) makes Python's
`re` fill a map of those 55,000 characters, 1.7 ms more per use at every start
(tests/test_pattern_rewrites.py checks that the set is the same)."""
_KEY = r"([A-Za-z_][A-Za-z0-9_-]{0,199}):"
"""A key (YAML reads one of up to 1,024 characters on one line) and its colon."""
_SIMPLE_LINE = re.compile(
    rf"""
    {_KEY}(?:(\ +)(?:                      # 2: the spaces before the value
      ({_WORD}(?:\ {_WORD})*)              # 3: plain words
    | ({_QUOTED})                           # 4: a text in double quotes
    | \[((?:{_WORD}(?:,\ *{_WORD})*)?)\]    # 5: a list of plain words
    | \[({_QUOTED}(?:,\ *{_QUOTED})*)\]      # 6: a list of texts in double quotes
    )|\ *)\Z                               # or no value: null, or the items below
    """,
    re.VERBOSE,
)
"""A front-matter line of the commonest shape: a key, and a text, a text in double quotes,
or a list of either in brackets, or nothing; ASCII but inside the quotes."""
_ITEM_LINE = re.compile(rf"(\ {{0,8}})-(?:\ +({_WORD}(?:\ {_WORD})*|{_QUOTED}))?\ *\Z")
"""An item of a list written one per line: `- text`, `- "text"`, or `-` alone (null)."""
_IN_QUOTES = re.compile(r'"([^"]*)"')
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
"""What YAML's safe constructor makes of the texts its resolver tags bool, lower case."""


def _plain(text: str) -> tuple[bool, Any]:
    """A plain scalar's value as YAML reads it, when it is text, a bool or null: (True,
    value), else (False, None)."""
    tag = _plain_tag(text)
    if tag == _STR:
        return True, text
    if tag == _BOOL:
        return True, _BOOLS[text.lower()]
    if tag == _NULL:
        return True, None
    return False, None


def _simple_front_matter(block: str, first_line: int) -> FrontMatter | None:
    """The front matter `parse_front_matter` reads from a block of `_SIMPLE_LINE`s (and
    their `_ITEM_LINE`s) only, read without YAML; None for any other block (and for a link,
    which YAML's reading collects). Every key must be what YAML reads as text, every plain
    value text, a bool or null (`_plain_tag`): `12` or `0x1F` send the block to YAML."""
    if not block.endswith("\n") or "[[" in block:
        return None
    out = FrontMatter()
    meta, key_lines, offset = out.meta, out.key_lines, first_line + 1
    values = 1  # the mapping
    lines = block[:-1].split("\n")
    index, count = 0, len(lines)
    while index < count:
        m = _SIMPLE_LINE.match(lines[index])
        if m is None:
            return None
        key, spaces, plain, quoted, words, texts = m[1], m[2], m[3], m[4], m[5], m[6]
        if key in meta or _plain_tag(key) != _STR:
            return None  # a duplicate key, or one that is no text
        values += 2
        if spaces is None:  # no value on the line: null, or the items on the lines below
            items: list[Any] = []
            indent = None
            while index + 1 < count:
                item = _ITEM_LINE.match(lines[index + 1])
                if item is None or (indent is not None and item[1] != indent):
                    break
                if indent is None:
                    indent = item[1]
                    key_lines[key] = (index + 1 + offset, len(indent) + 1)
                text = item[2]
                if text is None:
                    items.append(None)
                elif text[0] == '"':
                    items.append(text[1:-1])
                else:
                    known, value = _plain(text)
                    if not known:
                        return None
                    items.append(value)
                index += 1
            if indent is None:
                meta[key] = None
                key_lines[key] = (index + offset, len(key) + 2)
            else:
                meta[key] = items
                values += len(items)
            index += 1
            continue
        col = len(key) + len(spaces) + 2  # where the value starts, counted from 1
        if plain is not None:
            known, value = _plain(plain)
            if not known:
                return None
            meta[key] = value
        elif quoted is not None:
            meta[key] = quoted[1:-1]
            col += 1  # inside the quotes, where the text starts
        else:
            if texts is not None:
                items = _IN_QUOTES.findall(texts)
            else:
                items = words.replace(" ", "").split(",") if words else []
                if any(_plain_tag(item) != _STR for item in items):
                    return None
            meta[key] = items
            values += len(items)
        key_lines[key] = (index + offset, col)
        index += 1
    return out if values <= MAX_YAML_NODES else None


def parse_front_matter(block: str, first_line: int) -> FrontMatter:
    """Parse YAML safely with the C loader, keeping each top-level key's line."""
    simple = _simple_front_matter(block, first_line)
    if simple is not None:
        return simple
    out = FrontMatter()
    offset = first_line + 1  # libyaml lines are 0-based and the block starts after `---`
    loader = _Loader(block)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = first_line, 1
            if mark:
                # From the character index: YAML also breaks lines at U+0085, U+2028 and
                # U+2029, which are no line breaks in the file.
                at = max(0, min(mark.index, len(block)))
                line = block.count("\n", 0, at) + offset
                col = at - (block.rfind("\n", 0, at) + 1) + 1
            what = f"{exc.problem or exc.context or 'invalid YAML'}".strip()
            if "expected a single document" in str(exc):
                what = "front matter holds more than one YAML document"
            hint = ""
            template = TEMPLATE.search(block)
            if template:
                tline = block.count("\n", 0, template.start()) + offset
                hint = f" (template placeholder on line {tline}: {TEMPLATE_HINT})"
            out.problems.append(Problem("F002", line, col, f"invalid YAML: {what}{hint}"))
            out.failed = True
            return out
        except yaml.reader.ReaderError as exc:  # a control character: point at it
            at = max(0, min(exc.position, len(block)))
            line = block.count("\n", 0, at) + offset
            col = at - (block.rfind("\n", 0, at) + 1) + 1
            code = exc.character if isinstance(exc.character, int) else ord("?")
            message = f"invalid YAML: unprintable character U+{code:04X}"
            out.problems.append(Problem("F002", line, col, message))
            out.failed = True
            return out
        except (yaml.YAMLError, RecursionError, ValueError) as exc:
            out.problems.append(Problem("F002", first_line, 1, f"invalid YAML: {exc}"))
            out.failed = True
            return out
        if root is None:
            return out  # an empty block: nothing to read, nothing failed
        # Without `*` there is no alias: the nodes form a tree, and one quick pass over it
        # finds whether the slower checks (which follow shared nodes) have anything to say.
        within, standard = _tree_shape(root) if "*" not in block else (False, False)
        if not within:
            problem = _check_graph(root)
            if problem:
                out.problems.append(Problem("F002", first_line, 1, problem))
                out.failed = True
                return out
        if not standard:
            _neutralise_tags(root, offset, out)
        if not isinstance(root, yaml.MappingNode):
            shape = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            out.problems.append(
                Problem(
                    "F003",
                    root.start_mark.line + offset,
                    root.start_mark.column + 1,
                    f"front matter is {shape}, not a set of `key: value` properties",
                )
            )
            out.failed = True
            return out
        seen: dict[str, int] = {}
        pairs: list[tuple[str, yaml.Node, Any]] = []
        for key_node, value_node in root.value:
            line = key_node.start_mark.line + offset
            if key_node.tag == "tag:yaml.org,2002:merge":
                out.problems.append(
                    Problem("F005", line, 1, "YAML merge keys (<<) are not supported")
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                shown = block[key_node.start_mark.index : key_node.end_mark.index].strip()
                if isinstance(key_node, yaml.ScalarNode):
                    shown = key_node.value
                elif len(shown) > 40 or "\n" in shown:
                    shown = "[...]" if isinstance(key_node, yaml.SequenceNode) else "{...}"
                out.problems.append(
                    Problem(
                        "F005",
                        line,
                        key_node.start_mark.column + 1,
                        f"front-matter key {shown!r} is not text; ignored",
                    )
                )
                continue
            key = key_node.value
            if key in seen:
                out.problems.append(
                    Problem(
                        "F003",
                        line,
                        key_node.start_mark.column + 1,
                        f"duplicate key `{key}` (first on line {seen[key]})",
                    )
                )
            seen[key] = line
            plain = _plain_value(value_node)
            pairs.append((key, value_node, plain))
            col = value_node.start_mark.column + 1
            if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("'", '"'):
                col += 1  # point inside the quotes, where the text starts
            out.key_lines[key] = (value_node.start_mark.line + offset, col)
            if value_node.__class__ is yaml.ScalarNode:
                if "[[" in value_node.value:
                    _property_links(key, value_node, offset, out)
            elif plain.__class__ is not list or any("[[" in text for text in plain):
                _property_links(key, value_node, offset, out)
        for key, value_node, plain in pairs:
            try:
                value = plain
                if value is _NOT_PLAIN:
                    value = loader.construct_object(value_node, deep=True)
                out.meta[key] = value
            except (yaml.YAMLError, TypeError, ValueError, RecursionError) as exc:
                line = value_node.start_mark.line + offset
                text = block.split("\n")[line - offset] if block else ""
                if TEMPLATE.search(text):
                    message = f"`{key}` holds a template placeholder, not YAML; {TEMPLATE_HINT}"
                elif isinstance(exc, ValueError) and "digits" in str(exc):
                    message = f"invalid YAML value for `{key}`: a number with too many digits"
                else:
                    message = f"invalid YAML value for `{key}`: {exc}".split("\n")[0]
                out.problems.append(
                    Problem("F002", line, value_node.start_mark.column + 1, message)
                )
                out.failed = True
    finally:
        loader.dispose()
    return out
