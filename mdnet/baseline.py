"""The baseline: today's findings recorded in a file, so that later runs report only new ones.

A finding is matched by its path, its code and a fingerprint of what it is about: its
message with the numbers taken out (`overdue by 16 days` changes every day) and the text of
its line. Line numbers are left out, so that a line added above a finding, or an edit
anywhere else in the note, keeps it matched."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from msgspec import Struct

from mdnet.diagnostics import Diagnostic
from mdnet.errors import UsageError
from mdnet.fsutil import GENERATED_MARK, write_atomic

DEFAULT_NAME = ".mdnet-baseline.json"
VERSION = 1
_NUMBER = re.compile(r"\d+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

Key = tuple[str, str, str]
"""(path, code, fingerprint)"""


def fingerprint(diag: Diagnostic, line_text: str) -> str:
    message = _NUMBER.sub("#", diag.message)
    data = "\0".join((diag.code, message, " ".join(line_text.split())))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]


Read = Callable[[str], bytes]


def line_texts(
    root: Path, diagnostics: list[Diagnostic], read: Read | None = None
) -> dict[tuple[str, int], str]:
    """The text of each line a finding is on, read once per note."""
    out: dict[tuple[str, int], str] = {}
    wanted: dict[str, set[int]] = {}
    for d in diagnostics:
        wanted.setdefault(d.path, set()).add(d.line)
    for path, numbers in wanted.items():
        try:
            data = read(path) if read is not None else (root / path).read_bytes()
            text = data[:5_000_000].decode("utf-8", "replace")
        except OSError:
            text = ""
        lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
        for n in numbers:
            out[(path, n)] = lines[n - 1] if 0 < n <= len(lines) else ""
    return out


def keys(root: Path, diagnostics: list[Diagnostic], read: Read | None = None) -> list[Key]:
    texts = line_texts(root, diagnostics, read)
    return [(d.path, d.code, fingerprint(d, texts[(d.path, d.line)])) for d in diagnostics]


class Baseline(Struct, frozen=True):
    """The recorded findings, as a multiset of keys, with a readable copy of each."""

    entries: tuple[dict[str, str | int], ...]

    def counts(self) -> Counter[Key]:
        return Counter(
            (str(e["path"]), str(e["code"]), str(e["fingerprint"])) for e in self.entries
        )


def load(path: Path) -> Baseline | None:
    """The baseline in `path`; None when there is no such file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not a readable mdnet baseline ({exc})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and {"path", "code", "fingerprint"} <= set(e) for e in findings
    ):
        raise UsageError(f"{path}: not an mdnet baseline (no `findings` list)")
    return Baseline(tuple(findings))


class Filtered(Struct, frozen=True):
    diagnostics: list[Diagnostic]
    """The findings not in the baseline: the new ones."""
    baselined: int
    stale: int
    """Baseline entries of the notes reported on that no finding matches any more."""


def apply(
    baseline: Baseline,
    root: Path,
    diagnostics: list[Diagnostic],
    paths: set[str] | None,
    read: Read | None = None,
) -> Filtered:
    """Drop the findings the baseline holds (each entry matches one finding). Stale entries
    are counted in `paths` (None: the whole vault, notes deleted since included)."""
    left = baseline.counts()
    new = []
    for d, key in zip(diagnostics, keys(root, diagnostics, read), strict=True):
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(d)
    stale = sum(n for (path, _, _), n in left.items() if paths is None or path in paths)
    return Filtered(new, len(diagnostics) - len(new), stale)


def write(
    path: Path,
    root: Path,
    diagnostics: list[Diagnostic],
    paths: set[str] | None,
    old: Baseline | None,
    read: Read | None = None,
) -> int:
    """Record the findings of `paths` (None: the whole vault); the entries of other notes
    are kept. Returns how many entries the file holds."""
    previous = old.entries if old and paths is not None else ()
    kept = [e for e in previous if e["path"] not in (paths or ())]
    fresh: list[dict[str, str | int]] = [
        {
            "path": d.path,
            "code": d.code,
            "fingerprint": key[2],
            "line": d.line,
            "message": d.message,
        }
        for d, key in zip(diagnostics, keys(root, diagnostics, read), strict=True)
    ]
    entries = sorted(kept + fresh, key=lambda e: (str(e["path"]), str(e.get("line", 0)).zfill(9)))
    document = {
        "comment": f"{GENERATED_MARK} check --add-baseline: findings to leave aside; "
        "rewrite with --add-baseline",
        "version": VERSION,
        "findings": entries,
    }
    write_atomic(
        path, json.dumps(document, indent=1, ensure_ascii=False) + "\n", replace_generated_only=True
    )
    return len(entries)
