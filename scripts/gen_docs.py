"""Write docs/rules.md and docs/rules/<CODE>.md from the rule registry (the docs cannot drift)."""

from __future__ import annotations

import sys
from pathlib import Path

from mdnet.formats import formats_page
from mdnet.rules import Rule, all_rules, fix_availability
from mdnet.schema import SCHEMA_FILE, schema_text

DOCS = Path(__file__).resolve().parents[1] / "docs"


def rule_page(rule: Rule) -> str:
    return (
        f"# {rule.code} {rule.name}\n\n"
        f"*Default severity: {rule.severity}.* {rule.summary}.\n\n"
        "```text\n" + rule.explanation + "\n```\n\n"
        f"**How to fix:** {rule.fix}\n\n"
        f"**{fix_availability(rule).replace(':', ':**', 1)}\n\n"
        f'Turn it off with `--ignore {rule.code}`, `ignore = ["{rule.code}"]` under `[rules]`, '
        f"`<!-- mdnet-disable-next-line {rule.code} -->` before a line, or "
        f"`mdnet-ignore: [{rule.code}]` in a note's front matter. "
        f"`mdnet rule {rule.code}` prints this page.\n"
    )


def index_page(rules: list[Rule]) -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `scripts/gen_docs.py`; "
        "`mdnet rules` prints the same list.",
        "",
        "The fix column says what `mdnet check --fix` does: *safe* fixes keep the meaning "
        "and `--fix` applies them; *unsafe* ones guess (the nearest name) and need "
        "`--unsafe-fixes`. See [adopting.md](adopting.md).",
        "",
        "| code | name | default | fix | summary |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}](rules/{r.code}.md) | {r.name} | {r.severity} | {r.fixable or ''} "
        f"| {r.summary} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def expected() -> dict[Path, str]:
    rules = all_rules()
    pages = {DOCS / "rules" / f"{r.code}.md": rule_page(r) for r in rules}
    pages[DOCS / "rules.md"] = index_page(rules)
    pages[DOCS / "formats.md"] = formats_page()
    pages[DOCS.parent / "mdnet" / SCHEMA_FILE] = schema_text()  # shipped in the package
    return pages


def main() -> int:
    for path, text in expected().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(expected())} pages under {DOCS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
