"""Front matter read with YAML: PyYAML's C loader composes the nodes, mdnet reads them.

Imported only for a block the quick reader of mdnet/frontmatter.py does not take (a
number, a link, a mapping, anything but text, bools, null and lists of texts): importing
PyYAML costs about 14 ms, which a run whose changed notes are all simple does not pay.
Dates stay text (mdnet judges them itself), aliases and deep nesting are refused before
anything is built, unknown tags are read as text, every key keeps its value's place."""

from __future__ import annotations

import re
from typing import Any

import yaml

from mdnet.frontmatter import (
    MAX_YAML_DEPTH,
    MAX_YAML_NODES,
    TEMPLATE,
    TEMPLATE_HINT,
    FrontMatter,
)
from mdnet.noteparts import Link, Problem, wiki_target
from mdnet.yamlscalars import STR, plain_tag

_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
)
_DEFAULT_TAG = {
    yaml.ScalarNode: STR,
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Loader(yaml.CSafeLoader):
    """The C safe loader, keeping dates as text so that mdnet can report bad ones."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        """The tag of an untagged node, as the base resolver gives it (this loader has no
        path resolvers), without the timestamp resolver, and remembered for plain scalars
        (mdnet/yamlscalars.py)."""
        if kind is yaml.ScalarNode:
            return plain_tag(value) if implicit[0] else _DEFAULT_TAG[kind]
        return _DEFAULT_TAG[kind]


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


_new = tuple.__new__
"""Builds a Link from all its fields in order, without NamedTuple's keyword handling."""
_NOT_PLAIN = object()


def _plain_value(node: yaml.Node) -> Any:
    """A text value, or a list of texts, read straight from the node (what the constructor
    would build from it); `_NOT_PLAIN` for anything else."""
    if node.__class__ is yaml.ScalarNode:
        return node.value if node.tag == STR else _NOT_PLAIN
    if node.__class__ is yaml.SequenceNode and node.tag == "tag:yaml.org,2002:seq":
        items = node.value
        if all(n.__class__ is yaml.ScalarNode and n.tag == STR for n in items):
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


def parse_yaml(block: str, first_line: int) -> FrontMatter:
    """Parse YAML safely with the C loader, keeping each top-level key's line."""
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


def load_value(text: str, default: Any) -> Any:
    """A value written in YAML, read as the front matter's values are (dates stay text);
    `default` when the text is no YAML (the fixers check what they would write)."""
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return default
