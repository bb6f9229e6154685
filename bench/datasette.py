"""Datasette on the SQLite file the project built, asked the same 30 searches.

Datasette lives only in the benchmark's own venv (var/bench/venv-datasette), never in the
project's dependencies. It does not detect our FTS5 table by itself (the table's DDL
quotes ``content='briefings_article'`` with single quotes, which its detection does not
look for), so metadata names it: ``fts_table`` ``briefings_article_fts``, ``fts_pk``
``id``. Each search is its HTML table page (see ``search_path``).
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from .databases import WORK, free_port
from .http_load import Client
from .queries import Query
from .servers import Served, serve

VENV = WORK / "venv-datasette"
REQUIREMENT = "datasette==0.65.5"
TABLE = "briefings_article"
FACETS = ("kind", "section", "outlet")
PAGE_SIZE = 20  # our search page shows 20 results; Datasette's default is 100
COLUMN_FILTERS = ("kind", "section", "outlet")
# Facets of ours that live in other tables become _where subqueries.
WHERE = {
    "publication": "briefing_id in (select b.id from briefings_briefing b join "
    "briefings_publication p on p.id = b.publication_id where p.slug = {value})",
    "topic": "id in (select at.article_id from briefings_articletopic at join "
    "briefings_topic t on t.id = at.topic_id where t.slug = {value})",
    "author": "id in (select aa.article_id from briefings_articleauthor aa join "
    "briefings_person p on p.id = aa.person_id where p.slug = {value})",
    "year": "briefing_id in (select id from briefings_briefing where published_on "
    ">= '{year:04d}-01-01' and published_on < '{next:04d}-01-01')",
}
TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


def ensure_installed() -> Path:
    """The venv with Datasette from PyPI, created on first use."""
    datasette = VENV / "bin" / "datasette"
    if not datasette.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
        subprocess.run(
            [VENV / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check"]
            + [REQUIREMENT],
            check=True,
        )
    return datasette


def database_name(sqlite_path: Path) -> str:
    """Datasette names a database after its file."""
    return sqlite_path.stem


def metadata(name: str) -> dict:
    """Tell Datasette which FTS table searches ``briefings_article``."""
    table = {"fts_table": f"{TABLE}_fts", "fts_pk": "id"}
    return {"databases": {name: {"tables": {TABLE: table}}}}


def fts_expression(q: str) -> str:
    """Our query as a raw FTS5 expression: words and phrases quoted, ``-x`` → NOT."""
    wanted, excluded = [], []
    for match in TOKEN.finditer(q):
        minus, text = match.group(1, 2) if match[2] is not None else match.group(3, 4)
        quoted = '"' + text.replace('"', '""') + '"'
        (excluded if minus else wanted).append(quoted)
    return " ".join(wanted) + "".join(f" NOT {term}" for term in excluded)


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def where_clause(name: str, value: str) -> str:
    """A facet of ours that lives in another table, as SQL for ``_where``."""
    if name == "year":
        return WHERE[name].format(year=int(value), next=int(value) + 1)
    return WHERE[name].format(value=sql_string(value))


def search_params(query: Query) -> list[tuple[str, str]]:
    """The table page's parameters for one of our searches."""
    params = [("_search", fts_expression(query.q)), ("_searchmode", "raw")]
    for name, value in query.filters:
        if name in COLUMN_FILTERS:
            params.append((name, value))
        else:
            params.append(("_where", where_clause(name, value)))
    if query.sort == "newest":
        params.append(("_sort_desc", "id"))
    params += [("_facet", facet) for facet in FACETS]
    params.append(("_size", str(PAGE_SIZE)))
    return params


def search_path(name: str, query: Query) -> str:
    return f"/{name}/{TABLE}?" + urlencode(search_params(query))


def row_path(name: str, article_id: int) -> str:
    """Datasette's page for one article row: the analogue of our permalink."""
    return f"/{name}/{TABLE}/{article_id}"


class Checker:
    """Checks Datasette's answers: an error is a status other than 200. Facet and
    count time-outs, and searches without results where ours finds some, are noted."""

    def __init__(self, expect_hits: dict[str, bool]):
        self.expect_hits = expect_hits
        self.notes: Counter[str] = Counter()
        self.lock = threading.Lock()

    def __call__(self, path: str, status: int, body: bytes) -> str | None:
        text = body.decode("utf-8", "replace")
        if status != 200:
            if "took too long" in text:  # its SQL time limit (sql_time_limit_ms)
                with self.lock:
                    self.notes["sql_time_limit"] += 1
            return f"{path}: HTTP {status}"
        count = re.search(r"<h3>([\d,]+) rows?", text)
        with self.lock:
            if "These facets timed out" in text:
                self.notes["facet_timeouts"] += 1
            if count is None:
                self.notes["count_missing"] += 1
            elif self.expect_hits.get(path) and count[1] == "0":
                self.notes["empty_results"] += 1
        return None


@contextlib.contextmanager
def datasette(sqlite_path: Path, log_name: str) -> Iterator[Served]:
    """Datasette serving the file immutable (read-only, no locking), default settings."""
    binary = ensure_installed()
    meta = WORK / f"datasette-metadata-{database_name(sqlite_path)}.json"
    meta.write_text(json.dumps(metadata(database_name(sqlite_path)), indent=2))
    port = free_port()
    args = [binary, "serve", "-i", sqlite_path, "--metadata", meta]
    args += ["--host", "127.0.0.1", "--port", str(port)]
    with serve(
        [str(a) for a in args], None, "/-/versions.json", log_name, port
    ) as served:
        yield served


def versions(base_url: str) -> dict[str, str]:
    """Datasette's own report of its version and its SQLite's."""
    client = Client(base_url)
    try:
        data = json.loads(client.get("/-/versions.json").body)
    finally:
        client.close()
    return {
        "datasette": data["datasette"]["version"],
        "sqlite": data["sqlite"]["version"],
    }
