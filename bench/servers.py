"""Servers under test as bare processes: gunicorn in production mode, and Datasette.

Each runs on a free loopback port, logs to var/bench/logs/, and is stopped (SIGTERM,
then SIGKILL) when its ``with`` block ends; before that, ``Served.peak_rss_mb`` reads
how much memory its processes held at most (the kernel's high-water mark of each).
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .databases import PYTHON, ROOT, WORK, free_port
from .http_load import wait_until_ready

LOGS = WORK / "logs"
PROC = Path("/proc")


@dataclass(frozen=True)
class Served:
    """A running server: its base URL and its main process."""

    url: str
    pid: int

    def peak_rss_mb(self) -> float | None:
        """The largest peak resident memory of the server's processes so far: a
        gunicorn worker's (its master only forks them), or a one-process server's
        own. None where /proc cannot tell (not Linux)."""
        peaks = [peak_rss_kib(pid) for pid in (self.pid, *children(self.pid))]
        known = [peak for peak in peaks if peak is not None]
        return round(max(known) / 1024, 1) if known else None


def children(pid: int) -> list[int]:
    try:
        listed = (PROC / str(pid) / "task" / str(pid) / "children").read_text()
    except OSError:
        return []
    return [int(child) for child in listed.split()]


def peak_rss_kib(pid: int) -> int | None:
    """VmHWM of /proc/PID/status: the most resident memory the process has had."""
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


@contextlib.contextmanager
def serve(
    args: list[str],
    env: dict[str, str] | None,
    ready_path: str,
    log_name: str,
    port: int,
) -> Iterator[Served]:
    """Start ``args``, wait until ``ready_path`` answers 200, yield it served."""
    LOGS.mkdir(parents=True, exist_ok=True)
    base_url = f"http://127.0.0.1:{port}"
    with open(LOGS / log_name, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_until_ready(base_url + ready_path)
            yield Served(base_url, process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def gunicorn_settings(env: dict[str, str]) -> dict[str, int]:
    """Workers and threads as archive_site/gunicorn_conf.py computes them from ``env``."""
    code = (
        "import json, archive_site.gunicorn_conf as c; "
        "print(json.dumps({'workers': c.workers, 'threads': c.threads}))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return json.loads(out.stdout)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log_name: str) -> Iterator[Served]:
    """The project under gunicorn with archive_site/gunicorn_conf.py (its defaults)."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    args = [PYTHON, "-m", "gunicorn", "-c", "python:archive_site.gunicorn_conf"]
    with serve([*args, "archive_site.wsgi"], env, "/readyz", log_name, port) as served:
        yield served
