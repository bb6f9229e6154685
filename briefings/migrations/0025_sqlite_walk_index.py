"""SQLite: a covering index of the articles by briefing, so that results read newest
first are tested without reading their rows (briefings/search/covering.py). The
covering indexes are created if missing: on an older database, only this one."""

from django.db import migrations

from briefings.search.schema import create_covering_indexes, drop_walk_index


class Migration(migrations.Migration):
    dependencies = [("briefings", "0024_narrow_rows_answer_article_searches")]

    operations = [migrations.RunPython(create_covering_indexes, drop_walk_index)]
