"""Rule codes and prefixes as a user writes them (`--select G`, `ignore = ["L001"]`).

Light on purpose: the CLI checks `--select`/`--ignore` before anything is read, also on a
replayed run (see mdnet/replay.py), which must not import the configuration's machinery."""

from __future__ import annotations

import re

CODE_RE = re.compile(r"^(ALL|[A-Z]{1,3}[0-9]{0,3})$")
"""A rule code (`G001`), a prefix of one (`G`, `G00`) or ALL."""
