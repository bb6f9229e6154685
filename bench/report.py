"""Markdown tables from the benchmark's results, written into docs/BENCHMARKS.md.

Only the text between the ``bench:results`` markers is rewritten; the prose around it
is hand-written. ``render(results)`` is pure, so the tables can be rebuilt from a saved
summary (``bench/run.py --report-only``).
"""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import unquote_plus

DOC = Path(__file__).resolve().parent.parent / "docs" / "BENCHMARKS.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
SERVERS = {"sqlite": "ours, SQLite", "postgresql": "ours, PostgreSQL"}
SERVERS["datasette"] = "Datasette"
PAGES = {
    "search": (
        "/search/, fixed mix",
        "the 30 searches; Datasette: its table page with `_search`",
    ),
    "longtail": (
        "/search/, long tail",
        "200 distinct searches, each asked once; Datasette: the same as its table page",
    ),
    "article": ("article permalink", "30 articles; Datasette: their row pages"),
    "home": ("home page `/`", "Datasette: its index page `/`"),
}
OK, FAIL, MISSING = "✓", "✗", "–"


def write(results: dict, path: Path = DOC) -> None:
    """Replace the text between the markers of ``path`` with the rendered tables."""
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise ValueError(f"{path}: the markers {START} and {END} are missing")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(
        head + START + "\n" + render(results) + END + tail, encoding="utf-8"
    )


def render(results: dict) -> str:
    """All tables, as Markdown."""
    if not results.get("entries"):
        return "\n_No results yet: run `make bench`._\n\n"
    parts = [
        machine_table(results),
        load_table(results),
        first_visit_intro(results),
        *(first_visit_table(results, page) for page in PAGES),
        "### Cache hits (the same pages again, served from the page cache)\n\n"
        "Not the search engine's figures: a repeated request is a whole-page cache "
        "hit, 1–3 ms whatever the archive's size.\n",
        *(http_table(results, page) for page in PAGES if page != "longtail"),
        targets_table(results),
        notes(results),
        mix_listing(results),
    ]
    return "\n" + "\n".join(part for part in parts if part)


# Formatting


def number(value: float | None, digits: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return f"{value:,.{digits}f}"


def ms(value: float) -> str:
    return MISSING if value is None else f"{number(value, 1 if value < 100 else 0)} ms"


def ratio(ours: float | None, theirs: float | None) -> float | None:
    if ours is None or not theirs:
        return None
    return ours / theirs


def times(value: float | None) -> str:
    return MISSING if value is None else f"{value:.2f}×"


def size_label(size: str) -> str:
    return size if not size.isdigit() else f"{int(size):,}"


def sizes(results: dict) -> list[str]:
    found = {entry["size"] for entry in results["entries"].values()}
    return sorted(found, key=lambda s: (s.isdigit(), int(s) if s.isdigit() else 0))


FIRST = "1, first visit"  # each page once, fresh server, caches empty


def stat(results: dict, size: str, server: str, page: str, c: int | str) -> dict | None:
    """Figures of a page at concurrency ``c``, or of its first visit (``FIRST``)."""
    http = results["entries"].get(f"{size}/{server}", {}).get("http", {})
    if c == FIRST:
        return http.get("first", {}).get(page)
    return http.get("pages", {}).get(page, {}).get(str(c))


def concurrencies(results: dict) -> list[int]:
    found = set()
    for entry in results["entries"].values():
        for by_c in entry.get("http", {}).get("pages", {}).values():
            found.update(int(c) for c in by_c)
    return sorted(found)


def table(header: list[str], rows: list[list[str]], align: str) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# Sections


def machine_table(results: dict) -> str:
    used = {
        part["run_id"]
        for entry in results["entries"].values()
        for part in (entry.get("load"), entry.get("http"))
        if part and part.get("run_id")
    }
    rows = []
    for run_id in sorted(used):
        run = results["runs"].get(run_id, {})
        env = run.get("environment", {})
        v = env.get("versions", {})
        rows.append(
            [
                f"`{run_id}`",
                f"`{run.get('command', '')}`",
                f"{env.get('cpu', '?')}, {env.get('cores', '?')} cores, "
                f"{env.get('ram_gib', '?')} GiB",
                f"Python {v.get('python')}, Django {v.get('django')}, "
                f"gunicorn {v.get('gunicorn')}, SQLite {v.get('sqlite')}, "
                f"PostgreSQL {v.get('postgresql')}",
                f"`{env.get('commit', '')}`",
            ]
        )
    out = "### Runs, machine and versions\n\n"
    out += table(["run", "command", "machine", "versions", "commit"], rows, "lllll")
    return out + "\n" + servers_table(results)


def servers_table(results: dict) -> str:
    """How each server ran, and how busy the shared machine was before measuring."""
    rows = []
    for size in sizes(results):
        for server in SERVERS:
            entry = results["entries"].get(f"{size}/{server}", {})
            http, load = entry.get("http", {}), entry.get("load", {})
            if not http and not load:
                continue
            if "versions" in http:
                v = http["versions"]
                setting = (
                    f"Datasette {v['datasette']} (SQLite {v['sqlite']}), immutable"
                )
            elif "gunicorn" in http:
                g = http["gunicorn"]
                setting = f"gunicorn {g['workers']} workers × {g['threads']} threads"
                setting += database_setting(http.get("database_settings", {}))
            else:
                setting = ""
            busy = f"{number(load.get('load_average'), 1)} / "
            busy += number(http.get("load_average"), 1)
            runs = " / ".join(
                f"`{part['run_id']}`" if part.get("run_id") else MISSING
                for part in (load, http)
            )
            rows.append([size_label(size), SERVERS[server], setting, runs, busy])
    header = ["articles", "server", "settings", "run of load / HTTP figures"]
    header.append("load average before load / HTTP")
    return table(header, rows, "lllll")


def database_setting(settings: dict) -> str:
    """PostgreSQL's buffer pool, and whether it was mapped in huge pages."""
    if "shared_buffers" not in settings:
        return ""
    pages = "huge pages" if settings.get("huge_pages") else "4 kB pages"
    return f"; shared_buffers {settings['shared_buffers']} in {pages}"


def load_table(results: dict) -> str:
    rows = []
    for size in sizes(results):
        for server in ("sqlite", "postgresql"):
            load = results["entries"].get(f"{size}/{server}", {}).get("load")
            if not load:
                continue
            rows.append(
                [size_label(size), SERVERS[server].removeprefix("ours, ")]
                + [
                    cell
                    for step in ("import", "export")
                    for cell in (
                        number(load[step]["articles_per_s"]),
                        number(load[step]["seconds"], 1),
                        number(load[step]["max_rss_mb"]),
                    )
                ]
            )
    if not rows:
        return ""
    header = ["articles", "database", "import articles/s", "import s"]
    header += ["import peak RSS MB", "export articles/s", "export s"]
    header += ["export peak RSS MB"]
    out = "### Loading: `import_archive FILE` and `export_archive --output FILE`\n\n"
    return out + table(header, rows, "llrrrrrr")


def first_visit_intro(results: dict) -> str:
    if not any("first" in e.get("http", {}) for e in results["entries"].values()):
        return ""
    return (
        "### First visits (no page or search cache: what a new search waits)\n\n"
        "Each page asked once, at one client, of a fresh server process with empty "
        "caches; the median of the repetitions (the `reps` column) of each "
        "statistic.\n"
    )


def first_visit_table(results: dict, page: str) -> str:
    rows = []
    for size in sizes(results):
        for server in SERVERS:
            s = stat(results, size, server, page, FIRST)
            if not s:
                continue
            theirs = stat(results, size, "datasette", page, FIRST)
            is_ours = server != "datasette" and theirs
            rows.append(
                [size_label(size), SERVERS[server]]
                + [ms(s.get(key)) for key in ("p50_ms", "p95_ms", "p99_ms", "max_ms")]
                + [str(s.get("repetitions", 1)), errors(s)]
                + [times(ratio(s["p95_ms"], theirs["p95_ms"])) if is_ours else ""]
            )
    if not rows:
        return ""
    title, about = PAGES[page]
    header = ["articles", "server", "p50", "p95", "p99", "max", "reps", "errors"]
    header += ["p95 ÷ Datasette"]
    out = f"#### First visits: {title} ({about})\n\n"
    return out + table(header, rows, "llrrrrrrr")


def http_table(results: dict, page: str) -> str:
    rows = []
    for size in sizes(results):
        for server in SERVERS:
            for c in concurrencies(results):
                s = stat(results, size, server, page, c)
                if not s:
                    continue
                theirs = stat(results, size, "datasette", page, c)
                is_ours = server != "datasette" and theirs
                rows.append(
                    [size_label(size), SERVERS[server], str(c)]
                    + [ms(s[key]) for key in ("p50_ms", "p95_ms", "p99_ms")]
                    + [number(s["rps"], 1), errors(s)]
                    + [
                        times(ratio(s["p95_ms"], theirs["p95_ms"])) if is_ours else "",
                        times(ratio(s["rps"], theirs["rps"])) if is_ours else "",
                    ]
                )
    if not rows:
        return ""
    title, about = PAGES[page]
    header = ["articles", "server", "c", "p50", "p95", "p99", "req/s", "errors"]
    header += ["p95 ÷ Datasette", "req/s ÷ Datasette"]
    out = f"#### Cache hits: {title} ({about})\n\n"
    return out + table(header, rows, "llrrrrrrrr")


def errors(s: dict) -> str:
    return f"**{s['errors']}**" if s["errors"] else "0"


def targets_table(results: dict) -> str:
    rows = []
    for size in sizes(results):
        for target, measured, passed in targets(results, size):
            mark = MISSING if passed is None else (OK if passed else FAIL)
            rows.append([target, size_label(size), measured, mark])
    if not rows:
        return ""
    out = "### The issue's targets (from the first visits)\n\n"
    return out + table(["target", "articles", "measured", "met"], rows, "llrl")


def targets(results: dict, size: str) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for one corpus size; met is None when not measured."""
    found = []

    def http(label, server, page, c, key, limit, *, relative=False, below=True):
        s = stat(results, size, server, page, c)
        theirs = stat(results, size, "datasette", page, c)
        value = s and (ratio(s[key], theirs[key]) if relative and theirs else s[key])
        if not s or (relative and not theirs):
            found.append((label, "not measured", None))
            return
        shown = times(value) if relative else ms(value)
        met = value <= limit if below else value >= limit
        if s["errors"]:
            shown, met = f"{shown} (with errors)", False
        elif relative and theirs["errors"]:
            # Datasette's errors are searches it gave up on at its time limit,
            # answered fast: they flatter its figures, so the ratio still stands.
            shown = f"{shown} (Datasette: {theirs['errors']} errors)"
        found.append((label, shown, met))

    searches = (("search", "fixed mix"), ("longtail", "long tail"))
    if size == "1000000":
        for page, mix in searches:
            http(
                f"PostgreSQL /search/ p50 ≤ 100 ms, {mix}",
                "postgresql", page, FIRST, "p50_ms", 100,
            )  # fmt: skip
            http(
                f"PostgreSQL /search/ p95 ≤ 300 ms, {mix}",
                "postgresql", page, FIRST, "p95_ms", 300,
            )  # fmt: skip
        http(
            "PostgreSQL home page after a change ≤ 200 ms",
            "postgresql", "home", FIRST, "p50_ms", 200,
        )  # fmt: skip
        http(
            "PostgreSQL article permalink p95 ≤ 15 ms",
            "postgresql", "article", FIRST, "p95_ms", 15,
        )  # fmt: skip
        for page, mix in searches:
            http(
                f"SQLite /search/ p95 ≤ ½ Datasette's, {mix}",
                "sqlite", page, FIRST, "p95_ms", 0.5, relative=True,
            )  # fmt: skip
        http(
            "SQLite home page after a change ≤ 300 ms",
            "sqlite", "home", FIRST, "p50_ms", 300,
        )  # fmt: skip
    if size == "100000":
        for server in ("postgresql", "sqlite"):
            name = SERVERS[server].removeprefix("ours, ")
            for page, mix in searches:
                http(
                    f"{name} /search/ p95 ≤ 150 ms, {mix}",
                    server, page, FIRST, "p95_ms", 150,
                )  # fmt: skip
    load = results["entries"].get(f"{size}/postgresql", {}).get("load")
    rate = load and load["import"]["articles_per_s"]
    found.append(
        (
            "import_archive into PostgreSQL ≥ 1,000 articles/s",
            f"{number(rate)} articles/s" if load else "not measured",
            rate >= 1000 if load else None,
        )
    )
    for server in ("postgresql", "sqlite"):
        http = results["entries"].get(f"{size}/{server}", {}).get("http", {})
        rss = http.get("peak_rss_mb")
        found.append(
            (
                f"web worker peak RSS < 300 MB, {SERVERS[server].removeprefix('ours, ')}",
                f"{number(rss)} MB" if rss is not None else "not measured",
                rss < 300 if rss is not None else None,
            )
        )
    for server in ("postgresql", "sqlite"):
        load = results["entries"].get(f"{size}/{server}", {}).get("load")
        name = SERVERS[server].removeprefix("ours, ")
        for step in ("import", "export"):
            rss = load and load[step]["max_rss_mb"]
            found.append(
                (
                    f"{step}_archive peak RSS < 300 MB, {name}",
                    f"{number(rss)} MB" if load else "not measured",
                    rss < 300 if load else None,
                )
            )
    return found


def notes(results: dict) -> str:
    lines = []
    for size in sizes(results):
        http = results["entries"].get(f"{size}/datasette", {}).get("http", {})
        for note, count in sorted(http.get("notes", {}).items()):
            what = {
                "facet_timeouts": "Datasette pages reporting facets that timed out",
                "count_missing": "Datasette pages without a row count (count timed out)",
                "empty_results": "Datasette searches without results where ours "
                "expects some",
                "sql_time_limit": "Datasette errors for its SQL time limit (query "
                "took too long, HTTP 400)",
            }.get(note, note)
            lines.append(f"- {size_label(size)} articles: {what}: {count}.")
    if not lines:
        return ""
    return "Measured requests (after the first visits):\n\n" + "\n".join(lines) + "\n"


def mix_listing(results: dict) -> str:
    out = []
    for size, mix in sorted(results.get("mixes", {}).items()):
        if f"{size}/datasette" not in results["entries"] and not any(
            key.startswith(f"{size}/") for key in results["entries"]
        ):
            continue
        fixed = [q for q in mix if not q.get("long_tail")]
        tail = [q for q in mix if q.get("long_tail")]
        rows = [
            [str(i), q["feature"], f"`{unquote_plus(q['ours'])}`"]
            + [f"`{unquote_plus(q['datasette'])}`"]
            for i, q in enumerate(fixed, 1)
        ]
        out.append(
            f"<details><summary>The searches at {size_label(size)} articles, as asked "
            "of each server (URLs decoded)</summary>\n\n"
            + table(["#", "kind", "ours", "Datasette"], rows, "rlll")
            + "\n</details>\n"
        )
        if tail:
            listed = [
                [str(i), q["feature"], f"`{unquote_plus(q['ours'])}`"]
                for i, q in enumerate(tail, 1)
            ]
            out.append(
                f"<details><summary>The long tail at {size_label(size)} articles: "
                f"{len(tail)} searches, `bench/queries.py` `long_tail()` (URLs "
                "decoded)</summary>\n\n"
                + table(["#", "kind", "ours"], listed, "rll")
                + "\n</details>\n"
            )
    return "\n".join(out)
