"""Tests of the archive format: export, import, round trips, bad lines."""
