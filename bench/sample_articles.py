"""Print a fixed-seed sample of public articles as JSON: ``[[id, canonical URL], ...]``.

Run by bench/run.py with the benchmark database's DATABASE_URL:
``python bench/sample_articles.py COUNT SEED``.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")


def sample(count: int, seed: int) -> list[tuple[int, str]]:
    """``count`` public articles chosen by ``seed`` (repeated when there are fewer)."""
    from briefings.models import Article

    ids = list(Article.objects.public().order_by("id").values_list("id", flat=True))
    chosen = random.Random(seed).sample(ids, min(count, len(ids)))
    articles = Article.objects.in_bulk(chosen)
    urls = [(pk, articles[pk].get_absolute_url()) for pk in chosen]
    return [urls[i % len(urls)] for i in range(count)] if urls else []


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(sample(int(sys.argv[1]), int(sys.argv[2]))))
