"""What the benchmark reads of a running server besides its answers: the most
memory one of its processes held (Linux's /proc)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.servers import Served, peak_rss_kib

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads Linux's /proc"
)

# A parent that forks a child holding ~64 MB, as gunicorn's master forks workers.
FORKING = """
import os, sys, time
if os.fork() == 0:
    held = bytearray(64 * 1024 * 1024)
    print("ready", flush=True)
    time.sleep(30)
else:
    time.sleep(30)
"""


def test_the_peak_is_the_largest_of_the_server_and_its_children():
    process = subprocess.Popen(
        [sys.executable, "-c", FORKING], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.2)  # the child has been counted
        peak = Served("http://127.0.0.1:1", process.pid).peak_rss_mb()
        assert 64 < peak < 200
        assert peak_rss_kib(process.pid) < 64 * 1024  # the parent's own is small
    finally:
        process.kill()
        process.wait()


def test_a_finished_process_has_no_peak():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert Served("http://127.0.0.1:1", process.pid).peak_rss_mb() is None
    assert peak_rss_kib(os.getpid()) > 0
