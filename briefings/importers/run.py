"""Importing one source the same way wherever it comes from (the ``import_briefings``
command, the admin's upload page): parse, check, write in one transaction, report.

The report entry is the one ``import_briefings --json`` prints for a file
(``report.file_report``), with the source's provenance under ``source``.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

from .checks.indicators import indicator_conflicts
from .decode import SourceError
from .inputs import SourceText, parse_source, read_data
from .load import import_briefing, import_ref, planned_status
from .report import file_report


class _Rehearsed(Exception):  # noqa: N818 (not an error: it carries the outcome)
    """Rolls back a rehearsed import, carrying what it would have done."""


def rehearse(parsed, source: SourceText) -> tuple[str, list[str]]:
    """What importing would do — status and re-import conflicts — found by
    importing and rolling back, so a dry run reports what a real run would. (Like
    any write, it makes cached pages be rendered again; nothing else remains.)"""
    try:
        with transaction.atomic():
            result = import_briefing(parsed, source)
            raise _Rehearsed(result.status, result.conflicts)
    except _Rehearsed as outcome:
        return outcome.args
    except DatabaseError:  # no tables yet: a dry run before the first migrate
        return planned_status(parsed, source), []


def failed(path: str, reason: str) -> dict:
    """The report entry of a file that could not be imported."""
    return file_report(path, "failed", error=reason)


def import_source(
    source: SourceText, *, dry_run: bool, path: str | None = None
) -> dict:
    """Import (or, dry, only plan) one briefing text; a failure writes nothing."""
    path = path or source.name
    try:
        parsed = parse_source(source)
        parsed.warnings += indicator_conflicts(
            parsed, exclude_ref=import_ref(parsed, source.name)
        )
        record = None
        if dry_run:
            status, conflicts = rehearse(parsed, source)
        else:
            with transaction.atomic():
                result = import_briefing(parsed, source)
            status, conflicts = result.status, result.conflicts
            record = result.briefing
    except SourceError as error:
        return failed(path, str(error))
    except Exception as error:  # a parser bug must not stop the other files
        return failed(path, f"unparseable: {type(error).__name__}: {error}")
    warnings = (
        parsed.warnings
        + conflicts
        + [
            f"article {n} ({a.title or 'untitled'}): {w}"
            for n, a in enumerate(parsed.articles, start=1)
            for w in a.warnings
        ]
    )
    entry = file_report(path, status, briefing=parsed, warnings=warnings)
    entry["source"] = source.provenance()
    if record is not None:  # where the imported briefing is
        entry["record"] = {"id": record.pk, "url": record.get_absolute_url()}
    return entry


def import_data(name: str, data: bytes, *, dry_run: bool) -> list[dict]:
    """Import the briefings in a file's bytes (an upload): one entry per briefing."""
    try:
        sources = read_data(name, data)
    except SourceError as error:
        return [failed(name, str(error))]
    except Exception as error:  # a reader bug must not take the page down
        return [failed(name, f"unreadable: {type(error).__name__}: {error}")]
    return [import_source(source, dry_run=dry_run) for source in sources]
