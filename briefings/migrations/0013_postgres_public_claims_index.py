"""PostgreSQL: a partial index of the public claims' article ids, so that the "Claims"
facet of a search is answered without reading the claim table
(briefings/search/covering.py). SQLite's covering index of 0012 already does this."""

from django.db import migrations

from briefings.search.schema import create_covering_indexes, drop_covering_indexes


def on_postgresql(operation):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            operation(apps, schema_editor)

    return run


class Migration(migrations.Migration):
    dependencies = [("briefings", "0012_search_covering_indexes")]

    operations = [
        migrations.RunPython(
            on_postgresql(create_covering_indexes),
            on_postgresql(drop_covering_indexes),
        )
    ]
