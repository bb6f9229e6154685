"""PostgreSQL: the articles' text index also holds their kind, section and outlet
(``btree_gin``), so a search filtered by one of them is narrowed inside the index
(briefings/search/postgres.py). SQLite is unchanged."""

from django.db import migrations

from briefings.search import postgres


def rebuild_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    index = postgres.INDEXES["article"]
    statements = [
        *postgres.SETUP_SQL,
        f"DROP INDEX IF EXISTS {index.table}_search_idx",
        *postgres.index_ddl(index),
        f"ANALYZE {index.table}",
    ]
    for sql in statements:
        schema_editor.execute(sql, params=None)


def restore_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = postgres.INDEXES["article"].table
    schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_idx", params=None)
    schema_editor.execute(
        f"CREATE INDEX {table}_search_idx ON {table} USING gin (search_vector)",
        params=None,
    )


class Migration(migrations.Migration):
    dependencies = [("briefings", "0019_organisations")]

    operations = [migrations.RunPython(rebuild_index, restore_index)]
