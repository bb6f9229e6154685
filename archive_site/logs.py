"""Log records of requests the client got wrong, without their tracebacks.

Django logs a rejected host (``django.security.DisallowedHost``) and a 403
(``django.request``) with the exception attached, so every bad request became a
traceback in the log. What the client sent is the whole story: the message stays, the
traceback goes. Server errors (5xx) keep theirs.
"""

from __future__ import annotations

import logging


class NoTracebackForClientErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.name.startswith("django.security.") or (
            record.name == "django.request" and status is not None and status < 500
        ):
            record.exc_info = None
            record.exc_text = None
        return True
