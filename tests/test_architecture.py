"""The layout's rules: imports go downhill (the contract in pyproject.toml), and the
code and docs are readable without anything outside the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("briefings", "archive_site", "bench", "tests", "docs", "README.md")
# An issue's title, a work counter or a folder beside the repository: a reader of the
# repository cannot look any of them up.
UNREADABLE = re.compile(r'issue "|\bsession \d|\.\./shared\b', re.IGNORECASE)


def test_imports_go_downhill():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def text_files():
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for file in files:
            if file.suffix in {".py", ".md"} and "node_modules" not in file.parts:
                yield file


def test_no_text_points_outside_the_repository():
    this = Path(__file__).resolve()
    found = [
        f"{file.relative_to(ROOT)}:{number}: {line.strip()}"
        for file in text_files()
        if file.resolve() != this
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
        if UNREADABLE.search(line)
    ]
    assert not found, "\n".join(found)
