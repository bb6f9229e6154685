"""Reading a source file: only regular files, never more than the size limit, and
text in the encodings briefings come in (UTF-16 without a BOM included)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from briefings.importers.decode import SourceError, decode_bytes, read_source

TEXT = "Beijing sets a growth target\n\nThe café said 5% growth, officials said.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded_not_called_binary(encoding):
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


def test_utf16_without_a_bom_keeps_chinese_text():
    text = TEXT + "统战部 (United Front Work Department) met on Monday.\n"
    assert decode_bytes(text.encode("utf-16-le")) == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 64,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        TEXT.encode("utf-16-le")[:-1],  # an odd number of bytes is not UTF-16
    ],
    ids=["NULs", "zip", "odd length"],
)
def test_bytes_with_nuls_that_are_not_utf16_are_binary(data):
    with pytest.raises(SourceError, match="^binary file"):
        decode_bytes(data)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def unblock() -> None:
        """Open and close the write end, so an importer stuck on the pipe sees an
        empty file (and this test fails instead of hanging)."""
        with contextlib.suppress(OSError):  # no reader: nothing was stuck
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    guard = threading.Timer(5, unblock)
    guard.start()
    try:
        with pytest.raises(SourceError) as caught:
            read_source(fifo, 1000)
    finally:
        guard.cancel()
    assert str(caught.value) == (
        "not a regular file: a named pipe (FIFO); only files are imported"
    )


def test_a_device_is_refused_before_anything_is_read():
    with pytest.raises(SourceError, match="^not a regular file: a character device"):
        read_source(Path("/dev/zero"), 1000)


def test_reading_stops_past_the_limit_whatever_the_size_claims():
    cpuinfo = Path("/proc/cpuinfo")  # a regular file whose size says 0
    if not cpuinfo.exists() or cpuinfo.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(SourceError) as caught:
        read_source(cpuinfo, 20)
    assert str(caught.value) == ("too large: more than 20 bytes, the limit is 20 bytes")


def test_a_file_at_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "exact.txt"
    path.write_bytes(TEXT.encode())
    text, data = read_source(path, len(TEXT.encode()))
    assert text == TEXT and data == TEXT.encode()


def test_a_link_is_refused_unless_it_may_be_followed(tmp_path):
    target = tmp_path / "target.txt"
    target.write_text(TEXT, encoding="utf-8")
    link = tmp_path / "notes.txt"
    link.symlink_to(target)
    with pytest.raises(SourceError, match="^a symbolic link: not followed"):
        read_source(link, 1000, follow_symlinks=False)
    assert read_source(link, 1000)[0] == TEXT
