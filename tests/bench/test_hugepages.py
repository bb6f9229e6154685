"""The benchmark reserves huge pages for its PostgreSQL cluster when it may, and puts
the kernel's count back afterwards (bench/hugepages.py), on fake /proc files."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import hugepages


def write_meminfo(path: Path, free: int, reserved: int) -> None:
    path.write_text(
        "MemTotal:       24000000 kB\n"
        f"HugePages_Total:    {free}\n"
        f"HugePages_Free:     {free}\n"
        f"HugePages_Rsvd:     {reserved}\n"
        "Hugepagesize:       2048 kB\n"
    )


@pytest.fixture
def kernel(tmp_path):
    """A fake nr_hugepages setting whose writes the fake meminfo follows."""
    meminfo = tmp_path / "meminfo"
    setting = tmp_path / "nr_hugepages"

    class Setting(type(setting)):
        def write_text(self, text, *args, **kwargs):
            write_meminfo(meminfo, int(text), 0)
            return super().write_text(text, *args, **kwargs)

    setting = Setting(setting)
    setting.write_text("0\n")
    return setting, meminfo


def test_the_pages_are_reserved_for_the_block_and_given_back(kernel):
    setting, meminfo = kernel
    with hugepages.reserved(1060, setting, meminfo) as ready:
        assert ready
        assert setting.read_text() == "1060\n"
        assert hugepages.available(meminfo) == 1060
    assert setting.read_text() == "0\n"
    assert hugepages.available(meminfo) == 0


def test_only_the_shortfall_is_added_to_pages_already_free(kernel):
    setting, meminfo = kernel
    setting.write_text("100\n")
    with hugepages.reserved(1060, setting, meminfo) as ready:
        assert ready
        assert setting.read_text() == "1060\n"
    assert setting.read_text() == "100\n"


def test_pages_promised_to_another_mapping_do_not_count(tmp_path):
    meminfo = tmp_path / "meminfo"
    write_meminfo(meminfo, free=1100, reserved=1000)
    assert hugepages.available(meminfo) == 100


def test_without_the_right_to_reserve_the_block_runs_in_small_pages(tmp_path):
    meminfo = tmp_path / "meminfo"
    write_meminfo(meminfo, free=0, reserved=0)
    missing = tmp_path / "no-such-folder" / "nr_hugepages"
    with hugepages.reserved(1060, missing, meminfo) as ready:
        assert not ready
    assert not missing.exists()


def test_a_server_without_huge_pages_needs_none_reserved(kernel):
    setting, meminfo = kernel
    with hugepages.reserved(0, setting, meminfo) as ready:
        assert not ready
    assert setting.read_text() == "0\n"


def test_a_process_maps_huge_pages_when_its_status_says_so(tmp_path):
    (tmp_path / "41").mkdir()
    (tmp_path / "41" / "status").write_text(
        "Name:\tpostgres\nHugetlbPages:\t 71680 kB\n"
    )
    (tmp_path / "42").mkdir()
    (tmp_path / "42" / "status").write_text("Name:\tpostgres\nHugetlbPages:\t 0 kB\n")
    assert hugepages.in_use(41, tmp_path)
    assert not hugepages.in_use(42, tmp_path)
    assert not hugepages.in_use(43, tmp_path)
