"""One file -> Note: decoding, front matter with key lines, and the body facts rules need."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple
from urllib.parse import unquote

import yaml

from mdnet.dates import leading_date
from mdnet.textscan import nearest

KINDS = ("contact", "goal", "event", "daily", "note")

# The records a note holds by the hundred thousand (links, items) are typed NamedTuples:
# immutable like frozen dataclasses, and several times faster to load from the cache.

_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _getstate(self: Any) -> tuple[Any, ...]:
    getter = _GETTERS.get(type(self))
    if getter is None:
        getter = _GETTERS[type(self)] = attrgetter(*self.__slots__)
    return getter(self)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    # dataclasses' own __setstate__ calls fields() for every object: too slow for the cache.
    for name, value in zip(self.__slots__, state, strict=True):
        object.__setattr__(self, name, value)


class Problem(NamedTuple):
    """A finding detected while reading one file (codes F001-F006 and friends)."""

    code: str
    line: int
    col: int
    message: str


class Link(NamedTuple):
    """A link to another file, from the body or a front-matter property."""

    target: str
    """The link target with `#heading`, `^block` and `|shown` removed, percent-decoded."""
    line: int
    col: int
    style: str
    """`wiki`, `markdown` or `property`."""
    embed: bool = False
    key: str | None = None
    """The front-matter key the link sits under (property links only)."""


class Heading(NamedTuple):
    """A Markdown ATX heading."""

    line: int
    level: int
    text: str
    col: int = 1
    """Where the heading's text starts."""


class Item(NamedTuple):
    """A list item: its text, task state, leading date and completion date."""

    line: int
    col: int
    text: str
    """The text after the bullet (and after the task box for tasks)."""
    task: str | None = None
    """None for a plain item, else the character in the box: ' ' open, 'x' done."""
    date: dt.date | None = None
    """The date the item starts with (`2026-11-02 ...` or `[[2026-11-02]] ...`)."""
    done: dt.date | None = None
    """The completion date of a task (`✅ 2026-11-02`)."""
    tags: tuple[str, ...] = ()
    section: str | None = None
    """The text of the nearest heading above the item."""

    @property
    def is_open_task(self) -> bool:
        return self.task is not None and self.task not in "xX-"


@dataclass(frozen=True, slots=True)
class Note:
    """Everything mdnet needs from one Markdown file, read once."""

    __getstate__ = _getstate
    __setstate__ = _setstate

    path: str
    """Path relative to the vault root, with `/` separators."""
    kind: str
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Front-matter key -> (line, column) of its value in the file."""
    headings: tuple[Heading, ...] = ()
    items: tuple[Item, ...] = ()
    links: tuple[Link, ...] = ()
    tags: tuple[tuple[str, int], ...] = ()
    """(tag, line) pairs from the body, lower-case without `#`."""
    link_lines: tuple[tuple[int, str], ...] = ()
    """(line, text) of paragraph lines (not list items) that hold a link."""
    prose: tuple[tuple[int, int, str], ...] = ()
    """(line, col, text) of non-list text lines, kept for contact notes only."""
    suppress_lines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """Line -> codes disabled on that line (from `mdnet-disable-next-line`)."""
    suppress_from: tuple[tuple[int, str], ...] = ()
    """(line, code) from `mdnet-disable`: off from that line on, and for whole-note findings."""
    body_line: int = 1
    problems: tuple[Problem, ...] = ()
    line_count: int = 0
    daily_date: date | None = None

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name[:-3] if name.lower().endswith(".md") else name

    def key_line(self, key: str) -> tuple[int, int]:
        """The (line, column) of a front-matter key's value, else the file start."""
        return self.key_lines.get(key, (1, 1))


# --------------------------------------------------------------------------- decoding


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """Bytes -> text; a BOM is fine, anything that is not UTF-8 text is an F001 problem."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem("F001", 1, 1, "file is UTF-16 text; save it as UTF-8")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, Problem("F001", line, 1, "file looks binary (NUL byte); not a Markdown note")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        return None, Problem(
            "F001",
            line,
            col,
            f"file is not UTF-8 (byte 0x{byte:02x}); re-save it as UTF-8",
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


# --------------------------------------------------------------------------- front matter

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


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

_FM_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$", re.M)
_TEMPLATE = re.compile(r"\{\{|<%")


@dataclass(slots=True)
class _FrontMatter:
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


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


def _neutralise_tags(root: yaml.Node, offset: int, out: _FrontMatter) -> None:
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


def _property_links(key: str, node: yaml.Node, offset: int, out: _FrontMatter) -> None:
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
                    target = _wiki_target(m.group(1))
                    if target:
                        at = col + quote + m.start() if one_line else col
                        out.links.append(
                            Link(target, n.start_mark.line + offset, at, "property", key=key)
                        )
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
                target = _wiki_target(scalar.value)
                if target:
                    out.links.append(Link(target, line, col, "property", key=key))
                continue
            stack.extend(inner)
        elif isinstance(n, yaml.MappingNode):
            stack.extend(v for _, v in n.value)


def parse_front_matter(block: str, first_line: int) -> _FrontMatter:
    """Parse YAML safely with the C loader, keeping each top-level key's line."""
    out = _FrontMatter()
    offset = first_line + 1  # libyaml lines are 0-based and the block starts after `---`
    template = _TEMPLATE.search(block)
    loader = _Loader(block)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + offset if mark else first_line
            col = mark.column + 1 if mark else 1
            what = f"{exc.problem or exc.context or 'invalid YAML'}".strip()
            if "expected a single document" in str(exc):
                what = "front matter holds more than one YAML document"
            hint = ""
            if template:
                tline = block.count("\n", 0, template.start()) + offset
                hint = f" (template placeholder on line {tline}: exclude templates in mdnet.toml)"
            out.problems.append(Problem("F002", line, col, f"invalid YAML: {what}{hint}"))
            return out
        except yaml.reader.ReaderError as exc:  # a control character: point at it
            at = max(0, min(exc.position, len(block)))
            line = block.count("\n", 0, at) + offset
            col = at - (block.rfind("\n", 0, at) + 1) + 1
            code = exc.character if isinstance(exc.character, int) else ord("?")
            message = f"invalid YAML: unprintable character U+{code:04X}"
            out.problems.append(Problem("F002", line, col, message))
            return out
        except (yaml.YAMLError, RecursionError, ValueError) as exc:
            out.problems.append(Problem("F002", first_line, 1, f"invalid YAML: {exc}"))
            return out
        if root is None:
            return out
        problem = _check_graph(root)
        if problem:
            out.problems.append(Problem("F002", first_line, 1, problem))
            return out
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
            return out
        seen: dict[str, int] = {}
        pairs: list[tuple[str, yaml.Node]] = []
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
            pairs.append((key, value_node))
            col = value_node.start_mark.column + 1
            if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("'", '"'):
                col += 1  # point inside the quotes, where the text starts
            out.key_lines[key] = (value_node.start_mark.line + offset, col)
            _property_links(key, value_node, offset, out)
        for key, value_node in pairs:
            try:
                out.meta[key] = loader.construct_object(value_node, deep=True)
            except (yaml.YAMLError, TypeError, ValueError, RecursionError) as exc:
                line = value_node.start_mark.line + offset
                text = block.split("\n")[line - offset] if block else ""
                if _TEMPLATE.search(text):
                    message = (
                        f"`{key}` holds a template placeholder, not YAML; exclude "
                        'templates in mdnet.toml (exclude = ["Templates/**"])'
                    )
                elif isinstance(exc, ValueError) and "digits" in str(exc):
                    message = f"invalid YAML value for `{key}`: a number with too many digits"
                else:
                    message = f"invalid YAML value for `{key}`: {exc}".split("\n")[0]
                out.problems.append(
                    Problem("F002", line, value_node.start_mark.column + 1, message)
                )
    finally:
        loader.dispose()
    return out


# --------------------------------------------------------------------------- body

_FENCE_START = frozenset("`~ \t")
_ITEM_START = frozenset("-*+ \t0123456789")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FENCE_IN_LIST = re.compile(r"^[ \t]*(`{3,}|~{3,})")  # a fence under a list item is indented
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_TASK = re.compile(r"^\[(.)\][ \t]+")
_DONE = re.compile(r"✅\s*(\d{4}-\d{2}-\d{2})|\[completion::\s*(\d{4}-\d{2}-\d{2})\]")
_WIKI = re.compile(r"(!?)\[\[([^\[\]\n]*?)\]\]")
# Possessive and bounded, so that a long line of `[a](` cannot make it backtrack for minutes.
_MDLINK = re.compile(
    r"(!?)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*+\]\(\s*+(<[^>\n]{0,2000}>|[^)\s]{1,2000}+)"
    r"(?:\s+(?:\"[^\"\n]{0,2000}\"|'[^'\n]{0,2000}'))?\s*\)"
)
_TAG = re.compile(r"(?<![\w/&#\\])#([\w/-]*[^\W\d][\w/-]*)")
_BACKTICKS = re.compile(r"`+")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SUPPRESS = re.compile(r"<!--\s*mdnet-disable(-next-line)?((?:[\s,]+[A-Z]{1,3}[0-9]{0,3})*)\s*-->")


def _wiki_target(inner: str) -> str:
    """`Note#Heading|shown` -> `Note` (also `\\|` as written inside tables)."""
    target = inner.replace("\\|", "|").split("|", 1)[0]
    target = target.split("#", 1)[0]
    return target.strip()


def _md_target(raw: str) -> str | None:
    raw = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
    if not raw or raw.startswith("#") or _SCHEME.match(raw):
        return None
    raw = raw.split("#", 1)[0].split("?", 1)[0]
    return unquote(raw).strip() or None


def _blank_code_spans(text: str) -> str:
    """Blank CommonMark code spans: a run of backticks up to the next run of the same length.

    Linear in the line's length; a regex with backreferences backtracks for minutes on a
    long line of backticks."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return text
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    parts: list[str] = []
    pos = i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        k = bisect_right(same, i)
        if k == len(same):
            i += 1  # no closing run: the backticks are literal
            continue
        close = runs[same[k]][1]
        parts.extend((text[pos:start], " " * (close - start)))
        pos, i = close, same[k] + 1
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(slots=True)
class _Body:
    headings: list[Heading] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    link_lines: list[tuple[int, str]] = field(default_factory=list)
    prose: list[tuple[int, int, str]] = field(default_factory=list)
    suppress_lines: dict[int, tuple[str, ...]] = field(default_factory=dict)
    suppress_from: list[tuple[int, str]] = field(default_factory=list)


def scan_body(lines: list[str], first: int, keep_prose: bool) -> _Body:
    """Line scanner agreeing with CommonMark on what is code: collect links, tags, items."""
    out = _Body()
    fence: str | None = None
    in_percent = False
    in_html = False
    prev_blank = True
    in_list = False
    section: str | None = None
    for index in range(first, len(lines)):
        raw = lines[index]
        lineno = index + 1
        if fence is not None:
            stripped = raw.strip()
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                fence = None
            continue
        m = (_FENCE_IN_LIST if in_list else _FENCE).match(raw) if raw[:1] in _FENCE_START else None
        if m and not in_percent and not in_html:
            marker = m.group(1)
            if marker[0] == "~" or "`" not in raw[m.end() :]:
                fence = marker
                prev_blank = False
                if not raw.startswith((" ", "\t")):
                    in_list = False  # an unindented fence ends any list
                continue
        if not raw.strip():
            prev_blank = True
            continue
        if (
            prev_blank
            and not in_list
            and not in_percent
            and not in_html
            and (raw.startswith("    ") or raw.startswith("\t"))
        ):
            continue  # indented code block; prev_blank stays so the block continues
        if (
            in_list
            and raw[:1] not in (" ", "\t")
            and (prev_blank or raw.startswith("<!--"))
            and not (raw[:1] in _ITEM_START and _ITEM.match(raw))
        ):
            in_list = False  # an unindented block after a blank line (or a comment) ends it
        prev_blank = False
        text = raw
        if "`" in text and not in_percent and not in_html:
            # A code span hides comment markers too: "`%%`" or "`<!--`" opens no comment.
            text = _blank_code_spans(text)
        # Obsidian %%comments%% and HTML comments hide their content from links and tags.
        if in_percent or "%%" in text:
            text, in_percent = _strip_delimited(text, "%%", "%%", in_percent)
        if in_html or "<!--" in text:
            if "mdnet-disable" in text:
                for sm in _SUPPRESS.finditer(text):
                    codes = tuple(c for c in re.split(r"[\s,]+", sm.group(2)) if c)
                    if sm.group(1):
                        out.suppress_lines[lineno + 1] = out.suppress_lines.get(lineno + 1, ()) + (
                            codes or ("ALL",)
                        )
                    else:
                        out.suppress_from.extend((lineno, c) for c in codes or ("ALL",))
            text, in_html = _strip_delimited(text, "<!--", "-->", in_html)
        if not text.strip():
            continue
        if "`" in text:
            text = _blank_code_spans(text)
        if text.lstrip().startswith("#"):
            hm = _HEADING.match(text)
            if hm:
                section = (hm.group(2) or "").strip()
                start = hm.start(2) + 1 if hm.group(2) else 1
                out.headings.append(Heading(lineno, len(hm.group(1)), section, start))
                in_list = False
                _scan_links(text, lineno, out)
                continue
        im = _ITEM.match(text) if text[:1] in _ITEM_START else None
        if im:
            in_list = True
            body_col = im.end()
            rest = text[body_col:]
            task = None
            tm = _TASK.match(rest)
            if tm:
                task = tm.group(1)
                body_col += tm.end()
                rest = rest[tm.end() :]
            done = None
            if task is not None and ("✅" in rest or "completion::" in rest):
                dm = _DONE.search(rest)
                if dm:
                    done = _iso(dm.group(1) or dm.group(2))
            lead = leading_date(rest)
            n_tags = len(out.tags)
            _scan_links(text, lineno, out)
            out.items.append(
                Item(
                    line=lineno,
                    col=body_col + 1,
                    text=raw[body_col:].strip(),
                    task=task,
                    date=lead[0] if lead else None,
                    done=done,
                    tags=tuple(t for t, _ in out.tags[n_tags:]),
                    section=section,
                )
            )
            continue
        if in_list and not (text.startswith((" ", "\t"))):
            in_list = False
        n_links = len(out.links)
        if "[" in text or "#" in text:
            _scan_links(text, lineno, out)
        if len(out.links) > n_links:
            out.link_lines.append((lineno, raw.strip()))
        if keep_prose:
            out.prose.append((lineno, 1, text.rstrip()))
    return out


def _strip_delimited(text: str, start: str, end: str, inside: bool) -> tuple[str, bool]:
    """Blank `start ... end` comments (and the rest of a comment open from an earlier line).

    Builds the line once: blanking each comment in turn is quadratic on a line of `%%`."""
    parts: list[str] = []
    kept = 0  # text before `kept` is already in `parts`
    pos = 0
    while True:
        if inside:
            close = text.find(end, pos)
            if close < 0:
                parts.append(" " * (len(text) - kept))
                return "".join(parts), True
            pos = close + len(end)
            parts.append(" " * (pos - kept))
            kept = pos
            inside = False
        else:
            opening = text.find(start, pos)
            if opening < 0:
                parts.append(text[kept:])
                return "".join(parts), False
            parts.append(text[kept:opening])
            kept = opening
            pos = opening + len(start)
            inside = True


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span, in order and apart, replaced by spaces."""
    parts: list[str] = []
    kept = 0
    for start, end in spans:
        parts.extend((text[kept:start], " " * (end - start)))
        kept = end
    parts.append(text[kept:])
    return "".join(parts)


_LINK_FORMS: tuple[tuple[str, re.Pattern[str], Callable[[str], str | None], str], ...] = (
    ("[[", _WIKI, _wiki_target, "wiki"),
    ("](", _MDLINK, _md_target, "markdown"),
)


def _scan_links(text: str, lineno: int, out: _Body) -> None:
    for marker, pattern, target_of, style in _LINK_FORMS:
        if marker not in text:
            continue
        spans = []
        for m in pattern.finditer(text):
            target = target_of(m.group(2))
            if target:
                out.links.append(Link(target, lineno, m.start() + 1, style, embed=bool(m.group(1))))
            spans.append(m.span())
        text = _blank_spans(text, spans)  # what was a link is no tag
    if "#" in text:
        for m in _TAG.finditer(text):
            out.tags.append((m.group(1).lower(), lineno))


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


# --------------------------------------------------------------------------- the note


def classify(
    path: str, meta: dict[str, Any], folders: dict[str, str], daily: re.Pattern[str]
) -> tuple[str, date | None]:
    """A note's kind: `type:` first, else its folder, else a daily-note file name."""
    stem = path.rsplit("/", 1)[-1][:-3]
    daily_date = None
    dm = daily.match(stem)
    if dm:
        try:
            daily_date = date(int(dm.group("y")), int(dm.group("m")), int(dm.group("d")))
        except ValueError:
            daily_date = None
    kind_value = meta.get("type")
    if isinstance(kind_value, str) and kind_value.strip().lower() in KINDS:
        return kind_value.strip().lower(), daily_date
    lowered = path.lower()
    for kind, folder in folders.items():
        if folder and lowered.startswith(folder.lower() + "/"):
            return kind.rstrip("s"), daily_date
    if daily_date is not None:
        return "daily", daily_date
    return "note", None


def parse_note(
    path: str,
    data: bytes,
    *,
    folders: dict[str, str],
    daily: re.Pattern[str],
    max_front_matter_size: int,
) -> Note:
    """Parse one file's bytes into a Note. Never raises on any input."""
    text, problem = decode(data)
    if text is None:
        assert problem is not None
        kind, daily_date = classify(path, {}, folders, daily)
        return Note(path=path, kind=kind, problems=(problem,), daily_date=daily_date)
    block, body_line, fm_line, problems = split_front_matter(text, max_front_matter_size)
    fm = parse_front_matter(block, fm_line) if block is not None else _FrontMatter()
    problems.extend(fm.problems)
    kind, daily_date = classify(path, fm.meta, folders, daily)
    if "type" in fm.meta:
        value = fm.meta["type"]
        # A list-valued `type` (kepano's vault: `type: ["[[Authors]]"]`) is another scheme's
        # property, not a kind mdnet should read or judge.
        if isinstance(value, str) and "[[" not in value and value.strip().lower() not in KINDS:
            line, col = fm.key_lines["type"]
            near = nearest(value, KINDS)
            hint = f"; did you mean {near!r}?" if near else f" (known: {', '.join(KINDS)})"
            problems.append(Problem("F006", line, col, f"unknown type {value!r}{hint}"))
    lines = text.split("\n")
    body = scan_body(lines, body_line, keep_prose=kind == "contact")
    return Note(
        path=path,
        kind=kind,
        meta=fm.meta,
        key_lines=fm.key_lines,
        headings=tuple(body.headings),
        items=tuple(body.items),
        links=tuple(fm.links + body.links),
        tags=tuple(body.tags),
        link_lines=tuple(body.link_lines),
        prose=tuple(body.prose),
        suppress_lines=body.suppress_lines,
        suppress_from=tuple(body.suppress_from),
        body_line=body_line + 1,
        problems=tuple(problems),
        line_count=len(lines),
        daily_date=daily_date,
    )
