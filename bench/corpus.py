"""The archive files the benchmark imports, built once and reused from var/bench/.

A number of articles N comes from ``manage.py generate_corpus --articles N --seed S``;
``seeds`` is the five seed briefings (``import_briefings seeds/`` into a scratch
SQLite file, then ``export_archive``), for a quick smoke run of the whole harness.
"""

from __future__ import annotations

import os
from pathlib import Path

from .databases import (
    ROOT,
    SCRATCH_URL,
    WORK,
    SQLiteDatabase,
    manage,
    production_env,
)


def corpus_path(size: str, seed: int) -> Path:
    return WORK / (
        "corpus-seeds.jsonl" if size == "seeds" else f"corpus-{size}-{seed}.jsonl"
    )


def ensure_corpus(size: str, seed: int) -> Path:
    """The archive file for ``size`` articles, generated unless it already exists."""
    path = corpus_path(size, seed)
    if path.exists():
        return path
    WORK.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    if size == "seeds":
        export_seeds(partial)
    else:
        args = ["generate_corpus", "--articles", size, "--seed", str(seed)]
        manage([*args, "--output", str(partial)], production_env(SCRATCH_URL))
    os.replace(partial, path)  # never a half-written corpus under the real name
    return path


def export_seeds(output: Path) -> None:
    scratch = SQLiteDatabase("seeds-scratch")
    scratch.reset()
    env = production_env(scratch.url)
    manage(["migrate", "--noinput", "-v0"], env)
    manage(["import_briefings", str(ROOT / "seeds")], env)
    manage(["export_archive", "--output", str(output)], env)
    scratch.reset()
