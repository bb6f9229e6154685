"""Servers under test as bare processes: gunicorn in production mode, and Datasette.

Each runs on a free loopback port, logs to var/bench/logs/, and is stopped (SIGTERM,
then SIGKILL) when its ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
from collections.abc import Iterator

from .databases import PYTHON, ROOT, WORK, free_port
from .http_load import wait_until_ready

LOGS = WORK / "logs"


@contextlib.contextmanager
def serve(
    args: list[str],
    env: dict[str, str] | None,
    ready_path: str,
    log_name: str,
    port: int,
) -> Iterator[str]:
    """Start ``args``, wait until ``ready_path`` answers 200, yield the base URL."""
    LOGS.mkdir(parents=True, exist_ok=True)
    base_url = f"http://127.0.0.1:{port}"
    with open(LOGS / log_name, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_until_ready(base_url + ready_path)
            yield base_url
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
def gunicorn(env: dict[str, str], log_name: str) -> Iterator[str]:
    """The project under gunicorn with archive_site/gunicorn_conf.py (its defaults)."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    args = [PYTHON, "-m", "gunicorn", "-c", "python:archive_site.gunicorn_conf"]
    with serve([*args, "archive_site.wsgi"], env, "/readyz", log_name, port) as url:
        yield url
