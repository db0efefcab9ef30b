"""The `--format` choices of `check`, `report`, `due` and `rules`: one registry per command.

Each entry names a format, says in one line what it gives, and points to its renderer
("module:function", imported only when the format is used, so that `--help` stays
fast). click's choices, `docs/formats.md` and the README's commands table come from
here (a test fails when they differ). Adding a format: write its renderer (one module
under the command's package, or one function) and its test, and add one line here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from mdnet.analysis import Analysis
    from mdnet.due import DueList
    from mdnet.render import CheckResult
    from mdnet.report.data import Report, ReportOptions
    from mdnet.rules import Rule

R = TypeVar("R", bound=Callable[..., str])


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    summary: str
    """What it gives, in a few words (shown in `--help` and the docs)."""
    renderer: str
    """Where the renderer is: "module:function"."""
    output: str | None = None
    """The file it is written to when no `-o` is given (None: stdout)."""


@dataclass(frozen=True, slots=True)
class Registry(Generic[R]):
    command: str
    formats: tuple[Format, ...]

    def names(self) -> list[str]:
        return [f.name for f in self.formats]

    @property
    def default(self) -> str:
        """The first format is the default one."""
        return self.formats[0].name

    def __getitem__(self, name: str) -> Format:
        for entry in self.formats:
            if entry.name == name:
                return entry
        raise KeyError(f"mdnet {self.command} has no format {name!r}")

    def renderer(self, name: str) -> R:
        module, _, function = self[name].renderer.partition(":")
        return cast(R, getattr(import_module(module), function))

    def help(self) -> str:
        """For `--help`: `html: one self-contained page; md: ...`."""
        return "; ".join(f"{f.name}: {f.summary}" for f in self.formats)


class CheckRenderer(Protocol):
    def __call__(self, result: CheckResult) -> str: ...


class ReportRenderer(Protocol):
    def __call__(self, report: Report, options: ReportOptions) -> str: ...


class DueRenderer(Protocol):
    def __call__(self, analysis: Analysis, result: DueList) -> str: ...


class RulesRenderer(Protocol):
    def __call__(self, rules: Sequence[Rule]) -> str: ...


CHECK: Registry[CheckRenderer] = Registry(
    "check",
    (
        Format(
            "concise",
            "one line per finding: path:line:col: CODE message",
            "mdnet.render.text:concise",
        ),
        Format("full", "each finding with its line and a caret", "mdnet.render.text:full"),
        Format("json", "an array of findings with their fixes", "mdnet.render.machine:as_json"),
        Format("github", "GitHub Actions annotations", "mdnet.render.machine:github"),
        Format("sarif", "SARIF 2.1.0 for code scanning", "mdnet.render.sarif:sarif"),
        Format("junit", "JUnit XML, a test case per note", "mdnet.render.junit:junit"),
        Format("gitlab", "GitLab Code Quality", "mdnet.render.gitlab:gitlab"),
    ),
)

REPORT: Registry[ReportRenderer] = Registry(
    "report",
    (
        Format("html", "one self-contained page", "mdnet.report.html:render", "report.html"),
        Format("md", "a Markdown note with links to the notes", "mdnet.report.markdown:render"),
        Format("json", "the report data for other tools", "mdnet.report.data:render_json"),
    ),
)

DUE: Registry[DueRenderer] = Registry(
    "due",
    (
        Format("text", "a list to read in the terminal", "mdnet.due:render_due"),
        Format("json", "the same entries with every field", "mdnet.due:render_due_json"),
    ),
)

RULES: Registry[RulesRenderer] = Registry(
    "rules",
    (
        Format("text", "one line per rule", "mdnet.catalogue:render_text"),
        Format("markdown", "a table linking each rule's page", "mdnet.catalogue:render_markdown"),
        Format("json", "every field of every rule", "mdnet.catalogue:render_json"),
    ),
)

REGISTRIES: tuple[
    Registry[CheckRenderer]
    | Registry[ReportRenderer]
    | Registry[DueRenderer]
    | Registry[RulesRenderer],
    ...,
]
REGISTRIES = (CHECK, REPORT, DUE, RULES)


def formats_page() -> str:
    """docs/formats.md: every format of every command (written by scripts/gen_docs.py)."""
    lines = [
        "# Output formats",
        "",
        "Generated from the format registries (`mdnet/formats.py`) by `scripts/gen_docs.py`.",
    ]
    for registry in REGISTRIES:
        lines += ["", f"## mdnet {registry.command}", "", "| `--format` | gives |", "|---|---|"]
        for entry in registry.formats:
            where = f" (default file: `{entry.output}`)" if entry.output else ""
            lines.append(f"| `{entry.name}` | {entry.summary}{where} |")
    return "\n".join(lines) + "\n"
