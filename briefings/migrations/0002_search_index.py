"""The full-text index: FTS5 tables and triggers on SQLite, generated tsvector
columns and GIN indexes on PostgreSQL (see briefings/search/)."""

from django.db import migrations

from briefings.search.schema import create_index, drop_index


class Migration(migrations.Migration):
    dependencies = [("briefings", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
