"""A small HTTP load client: keep-alive connections, one thread per concurrent client.

Every request's latency is measured from sending to the last byte of the body. A check
function decides whether an answer counts as an error (wrong status, no results where
results are expected); failed requests are counted, never dropped.
"""

from __future__ import annotations

import http.client
import math
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

TIMEOUT_S = 120
STALE_S = 1.0  # a dropped connection failing faster than this is retried once
# check(path, status, body) -> an error message, or None when the answer is good
Check = Callable[[str, int, bytes], str | None]


@dataclass(frozen=True)
class Answer:
    path: str
    status: int
    body: bytes
    seconds: float


class Client:
    """One keep-alive connection; reconnects once when the server closed it."""

    def __init__(self, base_url: str):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.connection: http.client.HTTPConnection | None = None
        self.reconnects = 0

    def get(self, path: str) -> Answer:
        """GET ``path``; a connection the server dropped between requests is retried."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=TIMEOUT_S
                )
            start = time.perf_counter()
            try:
                self.connection.request("GET", path, headers={"Accept": "text/html"})
                response = self.connection.getresponse()
                body = response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                self.close()
                # A kept-alive connection the server closed fails at once (e.g. a
                # worker recycled after max_requests): retry that. A request that
                # died later (a worker killed at its timeout) is an error.
                if attempt == 2 or time.perf_counter() - start > STALE_S:
                    raise
                self.reconnects += 1
                continue
            seconds = time.perf_counter() - start
            if response.will_close:
                self.close()
            return Answer(path, response.status, body, seconds)
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile, interpolated between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(seconds: list[float], wall: float, errors: list[str]) -> dict:
    """Percentiles in milliseconds, requests per second and errors of one measurement."""
    ms = [s * 1000 for s in seconds]
    return {
        "requests": len(ms),
        "seconds": round(wall, 3),
        "rps": round(len(ms) / wall, 2) if wall else math.nan,
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2) if ms else math.nan,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:3],
    }


def median_of(runs: list[dict]) -> dict:
    """The median of each statistic over repeated measurements; errors are summed."""
    keys = ("rps", "p50_ms", "p95_ms", "p99_ms", "max_ms", "seconds")
    result = {
        key: round(statistics.median(run[key] for run in runs), 2) for key in keys
    }
    result["requests"] = sum(run["requests"] for run in runs)
    result["errors"] = sum(run["errors"] for run in runs)
    result["error_examples"] = sorted(
        {e for run in runs for e in run["error_examples"]}
    )[:3]
    result["repetitions"] = len(runs)
    return result


def measure(base_url: str, paths: list[str], concurrency: int, check: Check) -> dict:
    """Request every path once, ``concurrency`` at a time; the summary of latencies."""
    lock = threading.Lock()
    queue = iter(enumerate(paths))
    seconds: list[float] = []
    errors: list[str] = []
    by_path: dict[str, list[float]] = {}
    reconnects: list[int] = []

    def worker() -> None:
        client = Client(base_url)
        try:
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                try:
                    answer = client.get(item[1])
                    problem = check(answer.path, answer.status, answer.body)
                except (OSError, http.client.HTTPException) as error:
                    answer, problem = None, f"{item[1]}: {type(error).__name__}"
                with lock:
                    if answer is not None:
                        seconds.append(answer.seconds)
                        by_path.setdefault(answer.path, []).append(answer.seconds)
                    if problem:
                        errors.append(problem)
        finally:
            client.close()
            reconnects.append(client.reconnects)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = summarize(seconds, time.perf_counter() - start, errors)
    result["reconnects"] = sum(reconnects)
    result["by_path_p50_ms"] = {
        path: round(percentile(values, 50) * 1000, 2)
        for path, values in by_path.items()
    }
    return result


def wait_until_ready(url: str, timeout_s: float = 120) -> None:
    """Poll ``url`` until it answers 200, or raise TimeoutError."""
    parts = urlsplit(url)
    deadline = time.monotonic() + timeout_s
    last = "no answer"
    while time.monotonic() < deadline:
        client = Client(f"http://{parts.netloc}")
        try:
            answer = client.get(parts.path or "/")
            if answer.status == 200:
                return
            last = f"HTTP {answer.status}: {answer.body[:300]!r}"
        except (OSError, http.client.HTTPException) as error:
            last = repr(error)
        finally:
            client.close()
        time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer 200 within {timeout_s:.0f} s ({last})")
