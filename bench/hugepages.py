"""Huge pages for the benchmark's PostgreSQL cluster: its shared buffer pool mapped in
2 MB pages instead of 4 kB ones.

A database session faults on each page of the shared pool the first time it touches
it. In 4 kB pages, a first search at a million articles reads some 9,000 buffers and
pays 6,000 page faults, 20–40 ms on a virtual machine, in every new session (each web
worker's connection) and again in each part of the pool it reaches later; in 2 MB
pages it pays a few hundred. PostgreSQL maps its pool in huge pages when the kernel
holds enough of them (``huge_pages = try``, its default); the kernel holds none
unless told (``vm.nr_hugepages``), which only root may do. A production server sets
it once (README, deployment); the benchmark sets it for the cluster's lifetime when
it may, and says whether the server used them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NR_HUGEPAGES = Path("/proc/sys/vm/nr_hugepages")
MEMINFO = Path("/proc/meminfo")


def meminfo_field(name: str, meminfo: Path = MEMINFO) -> int:
    """One number of /proc/meminfo (0 when the kernel does not report it)."""
    match = re.search(rf"^{name}:\s+(\d+)", meminfo.read_text(), re.MULTILINE)
    return int(match[1]) if match else 0


def available(meminfo: Path = MEMINFO) -> int:
    """Huge pages free and not promised to a mapping already."""
    free = meminfo_field("HugePages_Free", meminfo)
    return free - meminfo_field("HugePages_Rsvd", meminfo)


@contextmanager
def reserved(
    needed: int, setting: Path = NR_HUGEPAGES, meminfo: Path = MEMINFO
) -> Iterator[bool]:
    """At least ``needed`` huge pages available inside the block when this process
    may reserve them (root); yields whether they are. The kernel's count is put back
    afterwards: the pages are memory no other program can use."""
    shortfall = needed - available(meminfo) if needed > 0 else 0
    raised_from = None
    if shortfall > 0:
        try:
            before = int(setting.read_text())
            setting.write_text(f"{before + shortfall}\n")
            raised_from = before
        except (OSError, ValueError):
            pass
    try:
        yield needed > 0 and available(meminfo) >= needed
    finally:
        if raised_from is not None:
            setting.write_text(f"{raised_from}\n")


def in_use(pid: int, proc: Path = Path("/proc")) -> bool:
    """Whether the process maps memory in huge pages (its ``HugetlbPages``)."""
    try:
        status = (proc / str(pid) / "status").read_text()
    except OSError:
        return False
    match = re.search(r"^HugetlbPages:\s+(\d+)", status, re.MULTILINE)
    return bool(match and int(match[1]) > 0)
