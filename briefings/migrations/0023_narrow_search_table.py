"""PostgreSQL: a narrow search table (one row per article: its text vector and the
keys a search filters and counts by), kept by triggers, filled from the articles
(briefings/search/narrow.py). SQLite is unchanged."""

from django.db import migrations

from briefings.search import narrow


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in [*narrow.CREATE_SQL, *narrow.trigger_sql(), *narrow.refill_sql()]:
        schema_editor.execute(sql, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in narrow.drop_sql():
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("briefings", "0022_count_summaries")]

    operations = [migrations.RunPython(create, drop)]
