"""Creating and dropping the search index DDL, for migrations (per database vendor)."""

from __future__ import annotations

from . import postgres, sqlite


def statements(vendor: str) -> list[str]:
    """Every statement that creates the search index on this vendor."""
    if vendor == "postgresql":
        ddl = [
            sql for index in postgres.INDEXES.values() for sql in postgres.ddl(index)
        ]
        return [*postgres.SETUP_SQL, *ddl]
    if vendor == "sqlite":
        return [sql for index in sqlite.INDEXES.values() for sql in sqlite.ddl(index)]
    return []


def drop_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [
            sql
            for index in postgres.INDEXES.values()
            for sql in postgres.drop_ddl(index)
        ]
    if vendor == "sqlite":
        return [
            sql for index in sqlite.INDEXES.values() for sql in sqlite.drop_ddl(index)
        ]
    return []


def create_index(apps, schema_editor) -> None:
    for sql in statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def drop_index(apps, schema_editor) -> None:
    for sql in drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)
