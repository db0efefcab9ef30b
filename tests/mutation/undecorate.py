"""Rewrite a rules module so that mutmut (3.x) mutates its rules: `make mutation` only.

mutmut leaves decorated functions alone, and every rule is registered by `@rule(...)`.
In the scratch copy that `make mutation` tests (never in the work tree), each

    @rule("G001", ...)
    def goal_no_deadline(analysis): ...

becomes a plain `def` and, at the end of the module, `goal_no_deadline = rule("G001",
...)(goal_no_deadline)`: the same registration in the same order, by a call mutmut does
not mutate (it mutates function bodies only).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def undecorate(source: str) -> str:
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    drop: set[int] = set()
    calls: list[str] = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.decorator_list:
            continue
        decorators = node.decorator_list
        if not all(
            isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id == "rule"
            for d in decorators
        ):
            continue
        first, last = decorators[0].lineno, decorators[-1].end_lineno or decorators[-1].lineno
        drop.update(range(first - 1, last))
        wrapped = node.name
        for decorator in reversed(decorators):
            wrapped = f"{ast.get_source_segment(source, decorator)}({wrapped})"
        calls.append(f"{node.name} = {wrapped}\n")
    kept = [line for number, line in enumerate(lines) if number not in drop]
    return "".join(kept) + "\n\n" + "".join(calls)


def main() -> None:
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(undecorate(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
