"""The seeds in an in-memory SQLite database, answering searches over stdin/stdout.

Run as ``python -m tests.search.sqlite_oracle``: it imports the seeds, prints
``ready``, then reads one JSON string (a query) per line and writes one JSON line:
what tests.search.grammar.hits finds, or ``{"error": ...}``. The differential test
starts it when the suite runs on PostgreSQL, to compare both backends query by query.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command

    from tests.search.grammar import hits
    from tests.truth import SEEDS_DIR

    call_command("migrate", verbosity=0)
    call_command("import_briefings", str(SEEDS_DIR), stdout=StringIO())
    print("ready", flush=True)
    for line in sys.stdin:
        try:
            answer = hits(json.loads(line))
        except Exception as error:  # reported to the test, which fails on it
            answer = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
