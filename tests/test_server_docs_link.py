"""The page a diagnostic links to: the one asked for, this checkout's, or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from mdnet.server.features import diagnostics


def test_a_rule_page_link_is_never_a_guessed_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = diagnostics.docs_href("G003", "https://example.org/rules/{code}.html")
    assert given == "https://example.org/rules/G003.html"
    here = diagnostics.docs_href("G003", None)  # this checkout has docs/rules/G003.md
    assert here is not None and here.startswith("file://") and here.endswith("/G003.md")
    monkeypatch.setattr(diagnostics, "_CHECKOUT_DOCS", tmp_path)  # installed: no docs beside it
    assert diagnostics.docs_href("G003", None) is None
