"""PostgreSQL: the narrow search table made again with what an article search needs
besides its keys (whether a reader may see the article, its briefing and position),
the indexes of the results' orders and the sample's own text index
(briefings/search/narrow.py). SQLite is unchanged."""

from django.db import migrations

from briefings.search import narrow


def remake(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [
        *narrow.drop_sql(),
        *narrow.CREATE_SQL,
        *narrow.trigger_sql(),
        *narrow.refill_sql(bulk=True),
    ]
    for sql in statements:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("briefings", "0023_narrow_search_table")]

    # Going back leaves the wider table: 0023's code reads only columns it has.
    operations = [migrations.RunPython(remake, migrations.RunPython.noop)]
