"""`mdnet import`: contacts from vCard, CSV (Google, Outlook, any with --map) and LinkedIn.

Readers (:mod:`vcard`, :mod:`csv`) turn a file into :class:`records.Person` rows and the
rows they had to skip; :mod:`write` matches them against the vault and writes the notes.
"""
