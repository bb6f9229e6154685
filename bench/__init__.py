"""The benchmark harness of the issue "Scale and speed" (``make bench``, bench/run.py)."""
