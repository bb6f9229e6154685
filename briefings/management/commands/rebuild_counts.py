"""``manage.py rebuild_counts``: count the kept figures again from the records.

The database keeps the pages' counts itself (``briefings/summaries.py``); this
recounts them from scratch and re-creates the triggers that keep them, in one
transaction: after restoring a database by other means than ``import_archive``, or
after a migration that rebuilt a counted table on SQLite.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from briefings import summaries
from briefings.cache import forget_counts


class Command(BaseCommand):
    help = "Count the kept figures (home page, topics, publications) from scratch."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            rows = summaries.rebuild()
            transaction.on_commit(forget_counts)
        self.stdout.write(f"Counted {rows:,} kept figures from the records.")
