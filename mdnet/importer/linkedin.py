"""LinkedIn's Connections.csv: a few "Notes:" lines before the header, then
First Name, Last Name, URL, Email Address, Company, Position, Connected On."""

from __future__ import annotations

from collections.abc import Sequence

COLUMNS = {
    "first name": "first name",
    "last name": "last name",
    "url": "linkedin",
    "email address": "email",
    "company": "company",
    "position": "role",
    "connected on": "met",
}


def is_linkedin(header: Sequence[str]) -> bool:
    """A header as LinkedIn writes it: it has `Connected On` and the profile `URL`."""
    names = {h.strip().lower() for h in header}
    return "connected on" in names and "url" in names
