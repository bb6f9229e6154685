"""The databases the benchmark loads: a SQLite file, or a private PostgreSQL cluster.

The cluster is made as the tests make theirs (.ci/postgres.sh start_cluster, in Python
here): the installed binaries, a private port and socket directory, fsync off. Like
the SQLite file, it is kept in var/bench/ between runs, stopped, with a marker naming
the corpus it holds, so that ``--only http`` measures it again without a new import.
``manage()`` runs a management command and reports its wall time and peak memory.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import hugepages

ROOT = Path(__file__).resolve().parent.parent
PYTHON = os.environ.get("BENCH_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
WORK = ROOT / "var" / "bench"
# For commands that read no data (collectstatic, generate_corpus): never the real DB.
SCRATCH_URL = f"sqlite:///{WORK / 'scratch.sqlite3'}"


def quarter_of_memory() -> str:
    """PostgreSQL's usual buffer pool: a quarter of the machine's memory."""
    return f"{hugepages.meminfo_field('MemTotal') // 4 // 1024}MB"


SHARED_BUFFERS = quarter_of_memory()
PG_OPTIONS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
    f"-c full_page_writes=off -c shared_buffers={SHARED_BUFFERS}"
)


@dataclass(frozen=True)
class CommandRun:
    seconds: float
    max_rss_kb: int
    output: str


def production_env(database_url: str) -> dict[str, str]:
    """Production mode as .ci/serve-prod sets it, on the given database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY")
        or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
    }


def manage(args: list[str], env: dict[str, str]) -> CommandRun:
    """Run ``manage.py ARGS``: wall time and peak RSS (wait4's rusage, KiB on Linux)."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{output[-3000:]}")
    return CommandRun(seconds, usage.ru_maxrss, output)


def count_articles(output: str) -> int:
    """The article count from an import/export summary ("... 25 articles, ...")."""
    match = re.search(r"([\d,]+) articles", output)
    if not match:
        raise ValueError(f"no article count in: {output[-500:]}")
    return int(match.group(1).replace(",", ""))


class SQLiteDatabase:
    vendor = "sqlite"

    def __init__(self, size: str):
        self.path = WORK / f"archive-{size}.sqlite3"
        self.url = f"sqlite:///{self.path}"
        self.version = ""

    def __enter__(self) -> SQLiteDatabase:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def reset(self) -> None:
        """An empty database file (migrate comes next)."""
        for suffix in ("", "-wal", "-shm", "-journal", ".loaded"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def mark_loaded(self, corpus: Path) -> None:
        Path(f"{self.path}.loaded").write_text(corpus_stamp(corpus))

    def holds(self, corpus: Path) -> bool:
        """Whether the file holds this whole corpus (imported earlier, kept)."""
        marker = Path(f"{self.path}.loaded")
        return marker.exists() and marker.read_text() == corpus_stamp(corpus)

    def settings(self) -> dict:
        """How the database ran, for the report: as the project sets it."""
        return {}

    def analyze(self) -> None:
        """Nothing: SQLite gathers no statistics on its own, and the project runs no
        ANALYZE, so the file is measured as import_archive leaves it."""


class PostgresCluster:
    """A private cluster in var/bench/pg-SIZE/, kept between runs (started for the
    ``with`` block); ``reset()`` gives an empty database ``archive``."""

    vendor = "postgresql"

    def __init__(self, size: str):
        self.bin = find_pg_bin()
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/archive"
        self.work = WORK / f"pg-{size}"
        self.marker = self.work / "loaded"
        self.version = postgres_version(self.bin)
        self.huge_pages = False  # whether the running server maps its pool in them
        self.lifetime = contextlib.ExitStack()

    def __enter__(self) -> PostgresCluster:
        data = self.work / "data"
        if not (data / "PG_VERSION").exists():
            shutil.rmtree(self.work, ignore_errors=True)
            self.work.mkdir(parents=True)
            if os.getuid() == 0:
                shutil.chown(self.work, "postgres")
                let_server_user_through(self.work)
            as_server_user(
                [f"{self.bin}/initdb", "-D", str(data), "-U", "postgres"]
                + ["-A", "trust", "-E", "UTF8", "--no-locale"]
            )
        self.lifetime.enter_context(hugepages.reserved(self.huge_pages_needed()))
        as_server_user(
            [f"{self.bin}/pg_ctl", "-D", str(data), "-l"]
            + [f"{self.work}/server.log", "-w", "start"]
            + ["-o", f"-p {self.port} -k {self.work} {PG_OPTIONS}"]
        )
        self.huge_pages = hugepages.in_use(self.server_pid())
        return self

    def __exit__(self, *exc) -> None:
        subprocess.run(
            as_server_user_args(
                [f"{self.bin}/pg_ctl", "-D", f"{self.work}/data", "-m", "fast", "-w"]
                + ["stop"]
            ),
            capture_output=True,
        )
        self.lifetime.close()

    def settings(self) -> dict:
        """How the server ran, for the report."""
        return {"shared_buffers": SHARED_BUFFERS, "huge_pages": self.huge_pages}

    def huge_pages_needed(self) -> int:
        """How many huge pages the stopped server's shared memory takes (0: none)."""
        result = subprocess.run(
            as_server_user_args(
                [f"{self.bin}/postgres", "-D", f"{self.work}/data"]
                + ["-C", "shared_memory_size_in_huge_pages"]
                + ["-c", f"shared_buffers={SHARED_BUFFERS}"]
            ),
            capture_output=True,
            text=True,
        )
        try:
            return max(int(result.stdout.strip()), 0)
        except ValueError:  # a version without the setting, or a running server
            return 0

    def server_pid(self) -> int:
        """The postmaster's process id (the first line of its pid file)."""
        return int((self.work / "data" / "postmaster.pid").read_text().split()[0])

    def client(self, program: str, *args: str) -> None:
        connect = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        subprocess.run(
            [f"{self.bin}/{program}", *connect, *args], check=True, capture_output=True
        )

    def reset(self) -> None:
        self.marker.unlink(missing_ok=True)
        self.client("dropdb", "--if-exists", "archive")
        self.client("createdb", "archive")

    def mark_loaded(self, corpus: Path) -> None:
        self.marker.write_text(corpus_stamp(corpus))

    def holds(self, corpus: Path) -> bool:
        """Whether database ``archive`` holds this whole corpus (imported earlier)."""
        return self.marker.exists() and self.marker.read_text() == corpus_stamp(corpus)

    def analyze(self) -> None:
        """VACUUM ANALYZE after the import: what autovacuum would soon do anyway,
        done now so that every run starts from the same statistics."""
        self.client("psql", "-d", "archive", "-q", "-c", "VACUUM ANALYZE")


DATABASES = {"sqlite": SQLiteDatabase, "postgresql": PostgresCluster}


def postgres_version(pg_bin: str) -> str:
    """ "15.18" from "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"."""
    out = subprocess.run([f"{pg_bin}/postgres", "--version"], capture_output=True)
    match = re.search(rb"\(PostgreSQL\) (\S+)", out.stdout)
    return match[1].decode() if match else "unknown"


def corpus_stamp(corpus: Path) -> str:
    """The corpus file's name, size and modification time: changes when it does."""
    stat = corpus.stat()
    return f"{corpus.name} {stat.st_size} {stat.st_mtime_ns}"


def find_pg_bin() -> str:
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(f"{folder}/initdb", os.X_OK):
            return folder
    initdb = shutil.which("initdb")
    if not initdb:
        raise RuntimeError("PostgreSQL binaries (initdb) not found")
    return os.path.dirname(initdb)


def as_server_user_args(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *args] if os.getuid() == 0 else args


def as_server_user(args: list[str]) -> None:
    subprocess.run(as_server_user_args(args), check=True, capture_output=True)


def let_server_user_through(path: Path) -> None:
    """The postgres user must reach its data directory: every folder above it in
    the project gets search permission for others (var/ may have been made private
    by the app's file cache)."""
    for folder in path.parents:
        if folder == ROOT.parent:
            break
        folder.chmod(folder.stat().st_mode | 0o001)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
