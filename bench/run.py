#!/usr/bin/env python3
"""The benchmark (``make bench``): load and HTTP figures.

For each corpus size and database: import_archive and export_archive (articles/s, peak
RSS), then the HTTP figures under gunicorn in production mode: first the *first visits*
(``--repeat`` times, each a fresh server process with an empty cache, asked every page
once at one client: the fixed mix of 30 searches, the long tail of 200 searches, 30
article permalinks, the home page), then the *cache hits* (the same pages again on the
last of those servers, at each concurrency); then Datasette on the same SQLite file with
the same searches. Every statistic is the median of the repetitions.
Raw results: var/bench/results-<name>.json; summary: bench/results/<name>.json; tables:
docs/BENCHMARKS.md between the bench:results markers.

    bench/run.py --sizes 100000 --databases sqlite --skip-datasette
    bench/run.py --sizes seeds --repeat 1            # smoke run on the five seeds
    bench/run.py --report-only                       # tables from the saved summary
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import datasette, report  # noqa: E402
from bench.corpus import ensure_corpus  # noqa: E402
from bench.databases import (  # noqa: E402
    DATABASES,
    PYTHON,
    ROOT,
    SCRATCH_URL,
    WORK,
    SQLiteDatabase,
    count_articles,
    find_pg_bin,
    manage,
    postgres_version,
    production_env,
)
from bench.http_load import measure, median_of  # noqa: E402
from bench.queries import long_tail, mix_for  # noqa: E402
from bench.servers import gunicorn, gunicorn_settings  # noqa: E402

RESULTS = ROOT / "bench" / "results"
REPORTED = "latest"
SAMPLE = 30  # article permalinks per pass, as many as searches
RESULTS_LIST = (
    b'<ol class="results"'  # the search page lists hits only when it has some
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["100000", "1000000"])
    parser.add_argument(
        "--databases", nargs="*", default=list(DATABASES)
    )  # none: Datasette only
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="passes over each URL list per measurement",
    )
    parser.add_argument("--only", choices=["load", "http"], help="one half only")
    parser.add_argument("--skip-datasette", action="store_true")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument(
        "--name",
        default=REPORTED,
        help=f"results in bench/results/NAME.json; only {REPORTED!r} goes into "
        "docs/BENCHMARKS.md, other names print their tables",
    )
    args = parser.parse_args(argv)
    unknown = set(args.databases) - set(DATABASES)
    if unknown:
        parser.error(f"unknown database {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    summary_path = RESULTS / f"{args.name}.json"
    if args.report_only:
        publish(json.loads(summary_path.read_text()), args.name)
        return
    run_id = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    command = "bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    # Only what this run measures; saving merges it into what is on disk by then.
    mine: dict = {"runs": {run_id: {"command": command}}, "mixes": {}, "entries": {}}
    mine["runs"][run_id]["environment"] = environment()
    if args.only != "load":  # production mode serves the manifest of collected files
        manage(["collectstatic", "--noinput", "-v0"], production_env(SCRATCH_URL))
    results = save(mine, summary_path)
    for size in args.sizes:
        corpus = ensure_corpus(size, args.seed)
        mine["mixes"][size] = mix_listing(size)
        for vendor in args.databases:
            entry = bench_database(size, vendor, corpus, args, run_id)
            mine["entries"][f"{size}/{vendor}"] = entry
            results = save(mine, summary_path)
        if not args.skip_datasette and args.only != "load":  # Datasette only serves
            entry = bench_datasette(size, corpus, args, run_id)
            mine["entries"][f"{size}/datasette"] = entry
            results = save(mine, summary_path)
    publish(results, args.name)


def publish(results: dict, name: str) -> None:
    """The tables into docs/BENCHMARKS.md (the reported results), else to stdout."""
    if name == REPORTED:
        report.write(results)
    else:
        print(report.render(results))


def bench_database(size: str, vendor: str, corpus: Path, args, run_id: str) -> dict:
    """Load figures (unless --only http) and HTTP figures (unless --only load)."""
    entry: dict = {"size": size, "database": vendor}
    with DATABASES[vendor](size) as database:
        env = production_env(database.url)
        if args.only != "http":
            started = busy()
            entry["load"] = measure_load(database, env, corpus, args.repeat, size)
            entry["load"] |= {"run_id": run_id, "load_average": started}
        elif not database.holds(corpus):
            load(database, env, corpus)
        else:  # a kept SQLite file: bring it up to the migrations of this checkout
            manage(["migrate", "--noinput", "-v0"], env)
        if args.only != "load":
            database.analyze()
            log = f"gunicorn-{size}-{vendor}.log"
            started = busy()
            pages = our_pages(size, env, args)

            @contextlib.contextmanager
            def fresh_server():
                with (
                    empty_cache(env) as cached_env,
                    gunicorn(cached_env, log) as served,
                ):
                    yield served

            entry["http"] = measure_pages(f"{size}/{vendor}", fresh_server, pages, args)
            entry["http"] |= {"gunicorn": gunicorn_settings(env), "run_id": run_id}
            entry["http"]["database_settings"] = database.settings()
            entry["http"]["load_average"] = started
    return entry


@contextlib.contextmanager
def empty_cache(env: dict) -> Iterator[dict]:
    """``env`` with a cache directory of its own, empty: a server must not start
    with figures cached by an earlier run on the same database."""
    with tempfile.TemporaryDirectory(prefix="archive-bench-cache.") as folder:
        yield {**env, "DJANGO_CACHE_DIR": folder}


def measure_load(database, env: dict, corpus: Path, repeat: int, size: str) -> dict:
    """import_archive into an empty database, then export_archive, ``repeat`` times."""
    runs: dict[str, list[dict]] = {"import": [], "export": []}
    output = WORK / f"export-{size}-{database.vendor}.jsonl"
    for _ in range(repeat):
        runs["import"].append(load_figures(load(database, env, corpus)))
        say(f"{size}/{database.vendor} import", runs["import"][-1])
        database.analyze()
        export = manage(["export_archive", "--output", str(output)], env)
        runs["export"].append(load_figures(export))
        say(f"{size}/{database.vendor} export", runs["export"][-1])
        output.unlink()
    return {step: median_load(step_runs) for step, step_runs in runs.items()} | {
        "runs": runs
    }


def load(database, env: dict, corpus: Path):
    """An empty database, migrated, with the corpus imported; the import's CommandRun."""
    database.reset()
    manage(["migrate", "--noinput", "-v0"], env)
    run = manage(["import_archive", str(corpus)], env)
    database.mark_loaded(corpus)
    return run


def load_figures(run) -> dict:
    articles = count_articles(run.output)
    return {
        "articles": articles,
        "seconds": round(run.seconds, 3),
        "articles_per_s": round(articles / run.seconds, 1),
        "max_rss_mb": round(run.max_rss_kb / 1024, 1),
    }


def median_load(runs: list[dict]) -> dict:
    keys = ("seconds", "articles_per_s", "max_rss_mb")
    result = {key: statistics.median(run[key] for run in runs) for key in keys}
    return result | {"articles": runs[0]["articles"], "repetitions": len(runs)}


def our_pages(size: str, env: dict, args) -> dict:
    """Page name → (paths, check) for the project."""
    mix = mix_for(size)
    tail = long_tail() if size != "seeds" else []
    expect = {
        query.path(): query.expects_hits(articles_in(size)) for query in mix + tail
    }

    def check_search(path: str, status: int, body: bytes) -> str | None:
        if status != 200:
            return f"{path}: HTTP {status}"
        if expect[path] and RESULTS_LIST not in body:
            return f"{path}: no results"
        return None

    articles = sample_articles(env, args.seed)
    return {
        "search": ([query.path() for query in mix], check_search),
        "longtail": ([query.path() for query in tail], check_search),
        "article": ([url for _, url in articles], ok),
        "home": (["/"] * SAMPLE, ok),
    }


def say(what: str, figures: dict) -> None:
    """One line of progress on standard error."""
    keys = ("articles_per_s", "max_rss_mb", "p50_ms", "p95_ms", "rps", "errors")
    shown = ", ".join(f"{key} {figures[key]}" for key in keys if key in figures)
    print(f"bench: {what}: {shown}", file=sys.stderr, flush=True)


def busy() -> float:
    """The 1-minute load average before a measurement: the machine is shared."""
    return round(os.getloadavg()[0], 2)


def articles_in(size: str) -> int:
    """The corpus's article count as far as the size says (the seeds: 0, "few")."""
    return int(size) if size.isdigit() else 0


def ok(path: str, status: int, body: bytes) -> str | None:
    return None if status == 200 else f"{path}: HTTP {status}"


def sample_articles(env: dict, seed: int) -> list[tuple[int, str]]:
    out = subprocess.run(
        [PYTHON, "bench/sample_articles.py", str(SAMPLE), str(seed)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return [tuple(pair) for pair in json.loads(out.stdout)]


def measure_pages(label: str, server, pages: dict, args) -> dict:
    """First visits, then cache hits. ``server()`` is a context starting a fresh
    server process with empty caches and yielding it (``servers.Served``); the
    most memory one of its processes held, over every repetition, is kept too.

    First visits: ``repeat`` times a fresh server, asked each distinct page once at
    one client (what the first reader of a search or a permalink waits, and every
    reader after a change to the archive). Cache hits: on the last of those servers,
    whose caches now hold every page, the pages again at each concurrency, ``repeat``
    times (the long tail is left out: a cache never holds it)."""
    first_runs: dict[str, list[dict]] = {page: [] for page in pages if pages[page][0]}
    runs = {page: {c: [] for c in args.concurrency} for page in pages}
    runs.pop("longtail", None)
    peaks: list[float] = []
    for repetition in range(1, args.repeat + 1):
        with server() as served:
            for page in first_runs:
                paths, check = pages[page]
                once = list(dict.fromkeys(paths))  # the home page is one page
                first_runs[page].append(measure(served.url, once, 1, check))
                say(f"{label} {page} first visit {repetition}", first_runs[page][-1])
            if repetition == args.repeat:
                measure_cache_hits(label, served, pages, runs, args)
            peaks.append(served.peak_rss_mb())
    known = [peak for peak in peaks if peak is not None]
    return {
        "pages": {
            page: {str(c): median_of(rs) for c, rs in by_c.items()}
            for page, by_c in runs.items()
        },
        "first": {page: median_of(rs) for page, rs in first_runs.items()},
        "first_runs": first_runs,
        "runs": runs,
        # the most memory a server process held, over every repetition's server
        "peak_rss_mb": max(known) if known else None,
    }


def measure_cache_hits(label: str, served, pages: dict, runs: dict, args) -> None:
    """The pages again on ``served``, whose caches hold them now, ``repeat`` times
    at each concurrency, into ``runs``."""
    if hasattr(check := pages["search"][1], "notes"):
        check.notes.clear()  # Datasette's notes: the measured passes only
    for _ in range(args.repeat):
        for page, by_c in runs.items():
            paths, check = pages[page]
            for concurrency in args.concurrency:
                result = measure(served.url, paths * args.rounds, concurrency, check)
                by_c[concurrency].append(result)
                say(f"{label} {page} c={concurrency}", result)


def bench_datasette(size: str, corpus: Path, args, run_id: str) -> dict:
    """The same searches (and row pages, index page) against Datasette."""
    database = SQLiteDatabase(size)
    env = production_env(database.url)
    if not database.holds(corpus):
        load(database, env, corpus)
    manage(["migrate", "--noinput", "-v0"], env)  # as ours serves it
    name = datasette.database_name(database.path)
    mix = mix_for(size)
    paths = [datasette.search_path(name, query) for query in mix]
    checker = datasette.Checker(
        {
            path: query.expects_hits(articles_in(size))
            for path, query in zip(paths, mix, strict=True)
        }
    )
    tail = long_tail()
    tail_paths = [datasette.search_path(name, query) for query in tail]
    checker.expect_hits |= dict.fromkeys(tail_paths, False)
    articles = sample_articles(env, args.seed)
    pages = {
        "search": (paths, checker),
        "longtail": (tail_paths, checker),
        "article": ([datasette.row_path(name, pk) for pk, _ in articles], ok),
        "home": (["/"] * SAMPLE, ok),
    }
    started = busy()
    log = f"datasette-{size}.log"
    label = f"{size}/datasette"
    http = measure_pages(
        label, lambda: datasette.datasette(database.path, log), pages, args
    )
    with datasette.datasette(database.path, log) as served:
        http["versions"] = datasette.versions(served.url)
    http |= {"notes": dict(checker.notes), "run_id": run_id, "load_average": started}
    return {"size": size, "database": "datasette", "http": http}


def mix_listing(size: str) -> list[dict]:
    """The searches as asked of each server, for the report."""
    name = datasette.database_name(SQLiteDatabase(size).path)
    tail = long_tail() if size != "seeds" else []
    return [
        {
            "feature": query.feature,
            "ours": query.path(),
            "datasette": datasette.search_path(name, query),
        }
        for query in mix_for(size)
    ] + [
        {"feature": query.feature, "ours": query.path(), "long_tail": True}
        for query in tail
    ]


def environment() -> dict:
    """The machine (from /proc) and the versions of everything measured."""
    code = (
        "import json, sqlite3, sys, django, gunicorn; print(json.dumps({"
        "'python': sys.version.split()[0], 'django': django.get_version(), "
        "'gunicorn': gunicorn.__version__, 'sqlite': sqlite3.sqlite_version}))"
    )
    versions = json.loads(
        subprocess.run([PYTHON, "-c", code], check=True, capture_output=True).stdout
    )
    versions["postgresql"] = postgres_version(find_pg_bin())
    cpuinfo = Path("/proc/cpuinfo").read_text()
    meminfo = Path("/proc/meminfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem_kb = int(re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M)[1])
    return {
        "cpu": model[1].strip() if model else "unknown",
        "cores": len(re.findall(r"^processor\s*:", cpuinfo, re.M)),
        "ram_gib": round(mem_kb / 1024**2, 1),
        "commit": git_commit(),
        "versions": versions,
    }


def raw_path(summary_path: Path) -> Path:
    return WORK / f"results-{summary_path.stem}.json"


def git_commit() -> str:
    """HEAD, and whether tracked files differ from it (other work in progress)."""

    def git(*args: str) -> str:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return out.stdout.strip()

    changed = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + (
        " + uncommitted changes" if changed else ""
    )


def load_results(summary_path: Path) -> dict:
    """Earlier results, so that partial runs merge: raw if present, else the summary."""
    for path in (raw_path(summary_path), summary_path):
        if path.exists():
            return json.loads(path.read_text())
    return {"runs": {}, "mixes": {}, "entries": {}}


def save(mine: dict, summary_path: Path) -> dict:
    """Merge this run's results into the saved ones (another run may have saved
    meanwhile: its entries stay), write raw and summary, return the merged whole."""
    results = load_results(summary_path)
    results["runs"].update(mine["runs"])
    results["mixes"].update(mine["mixes"])
    for key, entry in mine["entries"].items():
        results["entries"].setdefault(key, {}).update(entry)
    WORK.mkdir(parents=True, exist_ok=True)
    raw_path(summary_path).write_text(json.dumps(results, indent=1, default=str))
    summary_path.parent.mkdir(parents=True, exist_ok=True)
    summary_path.write_text(json.dumps(summarized(results), indent=1) + "\n")
    return results


def summarized(results: dict) -> dict:
    """The results without per-repetition detail: what the report needs."""
    entries = {}
    for key, entry in results["entries"].items():
        entry = dict(entry)
        for part in ("load", "http"):
            if part in entry:
                entry[part] = {
                    k: v
                    for k, v in entry[part].items()
                    if k not in ("runs", "first_runs")
                }
        entries[key] = entry
    return results | {"entries": entries}


if __name__ == "__main__":
    main()
