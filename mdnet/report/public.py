"""Redact the report data for publishing."""
from __future__ import annotations
from typing import Any
def redact(data: dict[str, Any]) -> dict[str, Any]:
    return dict(data, public=True)
