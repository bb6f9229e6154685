"""The archive format: a lossless, versioned JSON Lines
file of everything in the archive, written by ``export_archive`` and read back by
``import_archive``. See docs/archive-format.md.

    write_archive(out)       -> Counts   stream the database to a text file
    restore_archive(lines)   -> Counts   load lines (bytes) into an empty database,
                                          all or nothing; ArchiveError names the line
"""

from .export import write_archive
from .format import FORMAT, HEADER, VERSION
from .progress import Counts, Progress
from .restore import ArchiveError, NotEmpty, restore_archive

__all__ = [
    "FORMAT",
    "HEADER",
    "VERSION",
    "ArchiveError",
    "Counts",
    "NotEmpty",
    "Progress",
    "restore_archive",
    "write_archive",
]
