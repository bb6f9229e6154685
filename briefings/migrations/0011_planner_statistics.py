"""Planner statistics for databases filled before imports refreshed them: without
them SQLite can plan a search thousands of times slower (docs/BENCHMARKS.md)."""

from django.db import migrations


def analyze(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute("ANALYZE", params=None)


class Migration(migrations.Migration):
    dependencies = [("briefings", "0010_articletopic_topic_latest")]

    operations = [migrations.RunPython(analyze, migrations.RunPython.noop)]
