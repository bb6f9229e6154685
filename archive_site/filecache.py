"""The shared cache: Django's file cache, culled now and then instead of on every
write.

Django's ``FileBasedCache`` makes room before each write by listing its whole
directory. With the few thousand entries the archive keeps (whole pages and the
pieces of searches, briefings/cache.py) that listing took 4-8 ms per write, and a
search page's first visit writes several. Here one write in ``CULL_EVERY`` of a
process checks, so the directory can outgrow ``MAX_ENTRIES`` by at most that many
entries per process before it is culled as Django culls it.
"""

from __future__ import annotations

import itertools

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100

# One count for the process: Django makes a cache instance per thread.
_writes = itertools.count(1)


class FileCache(FileBasedCache):
    def _cull(self) -> None:
        if next(_writes) % CULL_EVERY == 0:
            super()._cull()
