"""The development environment that ``make run`` writes, read by ``manage.py``.

``make run`` serves with ``DJANGO_DEBUG=1``; without it a command the README prints
(``python manage.py create_editor …``) would start in production mode and stop on the
missing secret key. So ``make run`` writes ``var/dev.env`` and ``manage.py`` reads it
when it is there. Production never reads it: gunicorn does not go through
``manage.py``, the file is not in the image, and a process that has a
``DJANGO_SECRET_KEY`` (as production must) ignores it. A variable already set in the
environment always wins over the file.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

DEV_ENV = Path(__file__).resolve().parent.parent / "var" / "dev.env"


def read_dev_env(
    path: Path = DEV_ENV, environ: MutableMapping[str, str] = os.environ
) -> list[str]:
    """Set the file's ``NAME=value`` lines that the environment does not set; the
    names set. Nothing when the file is missing or a secret key is configured."""
    if "DJANGO_SECRET_KEY" in environ or not path.is_file():
        return []
    applied = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = (part.strip() for part in line.split("=", 1))
        if name and name not in environ:
            environ[name] = value
            applied.append(name)
    return applied
