"""Render the report data as a GitHub-flavoured Markdown note for Obsidian or GitHub."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from markupsafe import Markup

from mdnet.report import charts
from mdnet.report.html import make_environment, report_context

MARKDOWN_TEMPLATE = "report.md.j2"
LinkStyle = Literal["wiki", "markdown"]

# Control characters, zero-width and bidirectional-override characters: dropped.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# ASCII punctuation that means something to CommonMark, GFM tables or Obsidian
# (`#tags`, `%%comments%%`, `==highlights==`, `$math$`, `^block` ids, `~~strike~~`).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~$%&^=])")
_LEADING_BLOCK = re.compile(r"^([-+]|\d{1,9}[.)])(?=\s|$)")
_WIKI_LABEL = re.compile(r"[^\W_](?:[^\W_]|[ .,'’()&+@!?-])*", re.UNICODE)
_WIKI_TARGET = re.compile(r"[\w .,'’()&+@!/-]+", re.UNICODE)


def escape_markdown(value: object) -> str:
    """Neutralise text from a note for Markdown: one line, no markup, no raw HTML, no links.

    Newlines and runs of whitespace become one space; invisible characters are dropped;
    every character with a meaning in CommonMark, GFM tables or Obsidian is
    backslash-escaped (so `|` cannot split a table cell and `[x](javascript:…)` or
    `<script>` are shown as written); a leading list or heading marker is escaped.
    """
    if value is None:
        return ""
    text = " ".join(_INVISIBLE.sub(" ", str(value)).split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LEADING_BLOCK.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _finalize(value: object) -> object:
    """Escape every `{{ value }}` of the Markdown templates unless it is already Markup."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return charts.number(value)
    return escape_markdown(value)


def note_link(
    name: object, path: object, *, style: LinkStyle = "wiki", table: bool = True
) -> Markup:
    """A link to a note: `[[People/Dana Whitfield\\|Dana Whitfield]]` (in a table) or
    `[Dana Whitfield](People/Dana%20Whitfield.md)`; plain escaped text without a path.

    A wikilink is used only when both its target and its label need no escaping;
    otherwise a Markdown link, which Obsidian also follows, carries the escaped label.
    """
    label = "" if name is None else str(name)
    if not isinstance(path, str) or not path:
        return Markup(escape_markdown(label) or "—")
    if (
        style == "wiki"
        and _WIKI_LABEL.fullmatch(label)
        and _WIKI_TARGET.fullmatch(path)
        and not path.startswith("/")
    ):
        target = path[:-3] if path.lower().endswith(".md") else path
        separator = "\\|" if table else "|"
        return Markup(f"[[{target}{separator}{label}]]")
    url = quote(path, safe="/")
    text = escape_markdown(label) or escape_markdown(path)
    return Markup(f"[{text}]({url})")


def _raw(value: object) -> Markup:
    """Mark a macro's output (already escaped piece by piece) as not to be escaped again."""
    return Markup(str(value))


def render_markdown(
    data: Mapping[str, Any],
    *,
    links: LinkStyle = "wiki",
    template_dirs: Sequence[Path] = (),
) -> str:
    """Render the report data as a Markdown note with links back to the notes.

    Every `{{ value }}` in the template is neutralised by `escape_markdown` unless it is
    Markup (the links built here, or a macro's output passed through the `raw` filter).
    """
    env = make_environment(template_dirs, html=False, finalize=_finalize)

    def link(item: Mapping[str, Any], table: bool = True) -> Markup:
        return note_link(item.get("name"), item.get("path"), style=links, table=table)

    env.filters.update(link=link, raw=_raw, md=lambda v: Markup(escape_markdown(v)))
    env.globals.update(
        mermaid_activity=lambda weeks: Markup(charts.mermaid_activity(weeks)),
        mermaid_balance=lambda g, a: Markup(charts.mermaid_balance(g, a)),
        period_text=_period_text,
        links=links,
    )
    text = env.get_template(MARKDOWN_TEMPLATE).render(report_context(data))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


def _period_text(periods: Sequence[Mapping[str, Any]]) -> str:
    """`●●○●◌`: met, missed, and the current period while it is still open."""
    marks = []
    for index, period in enumerate(periods):
        if period.get("met"):
            marks.append("●")
        elif index == len(periods) - 1:
            marks.append("◌")
        else:
            marks.append("○")
    return "".join(marks)
