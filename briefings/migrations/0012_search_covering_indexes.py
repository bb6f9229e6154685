"""SQLite: narrow covering indexes, so that a search's many matches are counted and
ordered without reading their rows (briefings/search/covering.py)."""

from django.db import migrations

from briefings.search.schema import create_covering_indexes, drop_covering_indexes


class Migration(migrations.Migration):
    dependencies = [("briefings", "0011_planner_statistics")]

    operations = [
        migrations.RunPython(create_covering_indexes, drop_covering_indexes)
    ]
