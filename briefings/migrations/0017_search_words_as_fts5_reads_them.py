"""PostgreSQL: the search columns re-created to read text as SQLite's FTS5 does (the
Porter stemmer, no stop words, every non-letter a separator), so both backends find
the same records (briefings/search/postgres.py). SQLite is unchanged."""

from django.db import migrations

from briefings.search import postgres


def recreate(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    indexes = postgres.INDEXES.values()
    statements = [
        *(sql for index in indexes for sql in postgres.drop_ddl(index)),
        *postgres.SETUP_SQL,
        *(sql for index in indexes for sql in postgres.ddl(index)),
    ]
    for sql in statements:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("briefings", "0016_cjk_folding")]

    operations = [migrations.RunPython(recreate, recreate)]
