"""Health endpoints for load balancers and orchestrators."""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse

logger = logging.getLogger("archive.health")


def healthz(request):
    """The process is up and answering."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """The database answers and every migration is applied."""
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        # The error names the database's host and port: for the log, not for anyone
        # who asks.
        logger.error("readyz: the database does not answer: %s", error)
        return JsonResponse(
            {"status": "unavailable", "database": "not answering"}, status=503
        )
    if pending:
        names = [f"{m.app_label}.{m.name}" for m, _ in pending]
        return JsonResponse({"status": "migrating", "pending": names}, status=503)
    return JsonResponse({"status": "ready"})
