"""`mdnet import`: contacts from vCard, CSV (Google, Outlook, any with --map) and LinkedIn.

Readers (:mod:`vcard`, :mod:`csvfile` with :mod:`linkedin`) turn a file into
:class:`records.Person` rows and the rows they had to skip; :mod:`plan` matches them against
the vault and renders each new note; :mod:`write` runs it all and writes the notes.
"""

from __future__ import annotations

FORMATS = ("auto", "vcard", "csv")
"""`--from`: auto is a vCard for `.vcf`/`.vcard` files or `BEGIN:VCARD`, else a CSV."""
