"""Structured request logs: one JSON line per request, with its duration."""

from __future__ import annotations

import json
import logging
import time

logger = logging.getLogger("archive.requests")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        logger.info(
            json.dumps(
                {
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "bytes": len(response.content) if not response.streaming else None,
                }
            )
        )
        return response
