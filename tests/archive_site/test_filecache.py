"""The shared file cache: it keeps what it is given like Django's, and it culls
when it has grown past its size, but does not list its directory on every write."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from archive_site import filecache
from archive_site.filecache import FileCache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> FileCache:
    monkeypatch.setattr(filecache, "_writes", itertools.count(1))
    return FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 20}})


def entries(folder: Path) -> int:
    return len(list(folder.glob("*.djcache")))


def test_it_keeps_and_gives_back_what_it_is_given(cache):
    cache.set("page", "<html>kept</html>", 60)
    assert cache.get("page") == "<html>kept</html>"
    cache.delete("page")
    assert cache.get("page") is None


def test_it_lists_its_directory_once_per_hundred_writes(cache, monkeypatch):
    listed = []
    original = FileCache._list_cache_files
    monkeypatch.setattr(
        FileCache, "_list_cache_files", lambda self: listed.append(1) or original(self)
    )
    for number in range(filecache.CULL_EVERY * 2):
        cache.set(f"key-{number}", number, 60)
    assert len(listed) == 2


def test_it_culls_once_it_has_grown_past_its_size(cache, tmp_path):
    for number in range(filecache.CULL_EVERY - 1):
        cache.set(f"key-{number}", number, 60)
    assert entries(tmp_path) == 99  # past its 20 entries, not checked yet
    for number in range(filecache.CULL_EVERY * 2):
        cache.set(f"more-{number}", number, 60)
    # Each of the two checks (writes 100 and 200) found more than 20 entries and
    # removed a third, as Django's own cull does: 99 - 33 + 1 = 67, then
    # 166 - 55 + 1 = 112; and 99 writes since.
    assert entries(tmp_path) == 112 + 99
