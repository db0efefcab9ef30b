"""Print the share of mutants killed per module after `mutmut run` (see `make mutation`).

Reads mutmut's results (mutants/**/*.meta) and tests/mutation/equivalent.txt: a surviving
mutant listed there (one name per line, then `#` and why it cannot be told apart from the
original) is left out of the count. A timeout counts as killed (the mutant made a loop
endless, which the tests noticed); "no tests" counts as survived. Exits 1 when a module
is under the bar (`--min`, default 95) or a listed mutant no longer exists or is killed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
KILLED = {1, 3, 24, -24, 36, 152, 255}
SURVIVED = {0, 5, 33}


def equivalents(path: Path) -> dict[str, str]:
    listed: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        name, _, why = raw.partition("#")
        if name.strip():
            listed[name.strip()] = why.strip()
    return listed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    parser.add_argument("--min", type=float, default=95.0)
    args = parser.parse_args()
    listed = equivalents(HERE / "equivalent.txt")
    seen: set[str] = set()
    ok = True
    for meta in sorted(args.mutants.rglob("*.py.meta")):
        results: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
        module = meta.relative_to(args.mutants).as_posix().removesuffix(".meta")
        killed = survived = equivalent = other = 0
        left: list[str] = []
        for name, code in sorted(results.items()):
            if name in listed:
                seen.add(name)
                if code in SURVIVED:
                    equivalent += 1
                    continue
                print(f"{name}: listed as equivalent but {'killed' if code in KILLED else code}")
                ok = False
            if code in KILLED:
                killed += 1
            elif code in SURVIVED:
                survived += 1
                left.append(name)
            else:
                other += 1  # not checked, skipped, suspicious, segfault
                left.append(f"{name} (exit {code})")
        counted = killed + survived + other
        share = 100.0 * killed / counted if counted else 100.0
        ok = ok and share >= args.min
        print(
            f"{module}: {share:.1f}% killed ({killed} of {counted}; "
            f"{equivalent} equivalent left out, {survived} survived, {other} other)"
        )
        for name in left:
            print(f"    survived: {name}")
    for name in sorted(set(listed) - seen):
        print(f"{name}: listed as equivalent but no such mutant (renumbered? run again)")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
