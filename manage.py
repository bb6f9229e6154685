#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
    from archive_site.devenv import read_dev_env

    read_dev_env()  # var/dev.env from `make run`; never in production
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A missing or malformed setting is the operator's to fix: say which, in
        # one line, rather than a traceback through Django's start-up.
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()
