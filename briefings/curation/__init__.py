"""Editors' work on the archive: editing, merging topics, the review rules
(``briefings.admin`` is their user interface)."""
