"""mdnet: lint and report on a Markdown vault of networking goals and contacts."""

from __future__ import annotations

__version__ = "0.1.0"
