"""Creating and dropping the search index DDL, for migrations (per database vendor)."""

from __future__ import annotations

from . import cjk, covering, postgres, sampling, sqlite


def statements(vendor: str) -> list[str]:
    """Every statement that creates the search index on this vendor."""
    if vendor == "postgresql":
        ddl = [
            sql for index in postgres.INDEXES.values() for sql in postgres.ddl(index)
        ]
        return [
            *postgres.SETUP_SQL,
            *ddl,
            *sampling.ddl(),
            *cjk.ddl(vendor),
            *covering.ddl(vendor),
        ]
    if vendor == "sqlite":
        ddl = [sql for index in sqlite.INDEXES.values() for sql in sqlite.ddl(index)]
        return [*ddl, *sampling.ddl(), *cjk.ddl(vendor), *covering.ddl(vendor)]
    return []


def drop_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        drops = [
            sql
            for index in postgres.INDEXES.values()
            for sql in postgres.drop_ddl(index)
        ]
        return [
            *covering.drop_ddl(vendor),
            *sampling.drop_ddl(),
            *cjk.drop_ddl(),
            *drops,
        ]
    if vendor == "sqlite":
        drops = [
            sql for index in sqlite.INDEXES.values() for sql in sqlite.drop_ddl(index)
        ]
        return [
            *covering.drop_ddl(vendor),
            *sampling.drop_ddl(),
            *cjk.drop_ddl(),
            *drops,
        ]
    return []


def create_index(apps, schema_editor) -> None:
    for sql in statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def drop_index(apps, schema_editor) -> None:
    for sql in drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def create_sample_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        for sql in sampling.ddl():
            schema_editor.execute(sql, params=None)


def drop_sample_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        for sql in sampling.drop_ddl():
            schema_editor.execute(sql, params=None)


def create_cjk_index(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor in ("postgresql", "sqlite"):
        for sql in cjk.ddl(vendor):
            schema_editor.execute(sql, params=None)


def drop_cjk_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        for sql in cjk.drop_ddl():
            schema_editor.execute(sql, params=None)


def create_covering_indexes(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in covering.ddl(vendor):
        schema_editor.execute(sql, params=None)
    if covering.ddl(vendor):
        schema_editor.execute("ANALYZE", params=None)


def drop_covering_indexes(apps, schema_editor) -> None:
    for sql in covering.drop_ddl(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def drop_walk_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {covering.WALK_INDEX}")
