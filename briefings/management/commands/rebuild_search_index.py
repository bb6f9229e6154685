"""``manage.py rebuild_search_index``: rebuild the full-text index and vocabulary."""

from django.core.management.base import BaseCommand

from briefings.models import Article, Claim
from briefings.search import get_backend, update_statistics
from briefings.search.cjk import refold_all
from briefings.search.vocabulary import rebuild_vocabulary


class Command(BaseCommand):
    help = (
        "Rebuild the search index (and the did-you-mean vocabulary) from the database."
    )

    def handle(self, *args, **options) -> None:
        backend = get_backend()
        rows = backend.rebuild()
        for model in (Article, Claim):  # the folded copy either script is found by
            refold_all(model)
        words = rebuild_vocabulary(Article.objects.all())
        update_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-indexed {rows} rows on {backend.vendor}; {words} words known."
            )
        )
