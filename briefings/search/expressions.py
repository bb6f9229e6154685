"""SQL that refers to a queryset's own table whatever alias Django gives it.

Django renames tables inside subqueries (``U0``), so raw SQL cannot name
``briefings_article`` directly; these expressions ask the compiler for the alias.
"""

from __future__ import annotations

from django.db.models import Expression, FloatField, TextField

# Highlight markers around matched words in headlines: control characters never
# typed by a reader, turned into <mark> only after the text has been escaped.
START, STOP = "\x02", "\x03"
# Added to the score of a record whose title matches: it ranks above any match in the
# other fields, on both backends.
TITLE_BONUS = 1000.0


class TableSQL(Expression):
    """``template`` with ``{table}`` replaced by the queryset's base-table alias."""

    def __init__(self, template: str, params=(), output_field=None):
        super().__init__(output_field=output_field or FloatField())
        self.template, self.params = template, list(params)

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return self.template.format(
            table=compiler.quote_name_unless_alias(alias)
        ), self.params

    def get_group_by_cols(self):
        return []


def table_text(template: str, params=()) -> TableSQL:
    return TableSQL(template, params, output_field=TextField())
