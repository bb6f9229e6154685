"""The benchmark harness (``make bench``, bench/run.py)."""
