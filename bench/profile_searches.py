"""Where a first-visit search spends its time: each search of the benchmark's mixes
asked in-process, with no page or search cache, and every SQL statement it runs timed.

Run with the benchmark database's DATABASE_URL (bench/run.py prints where they are):

    DATABASE_URL=sqlite:///var/bench/archive-100000.sqlite3 \\
        .venv/bin/python bench/profile_searches.py [--mix fixed|longtail|both] [--top 3]

Prints one line per search (its time, its statements' time, how many) and its slowest
statements; then the median and 95th percentile of the searches. ``--explain`` adds
PostgreSQL's ``EXPLAIN (ANALYZE, BUFFERS)`` of each search's slowest statement.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ["SEARCH_CACHE_SECONDS"] = "0"
os.environ.setdefault("DJANGO_DEBUG", "1")


class Timer:
    """A database execute wrapper keeping (seconds, sql, params) of every statement."""

    def __init__(self) -> None:
        self.statements: list[tuple[float, str, tuple]] = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.statements.append((time.perf_counter() - start, sql, params))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mix", choices=["fixed", "longtail", "both"], default="both")
    parser.add_argument("--top", type=int, default=2)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", type=int, nargs="*", help="1-based search numbers")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from bench.queries import MIX, long_tail

    mix = {"fixed": MIX, "longtail": long_tail(), "both": MIX + long_tail()}[args.mix]
    client = Client()
    client.get("/")  # load the URL map and templates before measuring
    totals = []
    for number, query in enumerate(mix, 1):
        if args.only and number not in args.only:
            continue
        timer = Timer()
        with connection.execute_wrapper(timer):
            start = time.perf_counter()
            response = client.get(query.path(), HTTP_HOST="localhost")
            seconds = time.perf_counter() - start
        totals.append(seconds)
        in_sql = sum(t for t, _, _ in timer.statements)
        print(
            f"{number:3} {seconds * 1000:7.0f} ms  sql {in_sql * 1000:6.0f} ms "
            f"in {len(timer.statements):2}  [{response.status_code}] {query.path()}"
        )
        slowest = sorted(timer.statements, key=lambda s: s[0], reverse=True)
        for t, sql, _ in slowest[: args.top]:
            print(f"      {t * 1000:7.1f} ms  {' '.join(sql.split())[:220]}")
        if args.explain and slowest and connection.vendor == "postgresql":
            _, sql, params = slowest[0]
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = off")
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                for (line,) in cursor.fetchall():
                    print("        " + line)
                cursor.execute("RESET enable_seqscan")
    if totals:
        print(
            f"{len(totals)} searches: p50 {statistics.median(totals) * 1000:.0f} ms, "
            f"p95 {percentile(totals, 0.95) * 1000:.0f} ms, "
            f"max {max(totals) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
