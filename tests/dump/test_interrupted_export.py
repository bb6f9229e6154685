"""export_archive in a real process: SIGTERM mid-export leaves no temporary file,
and a reader that stops early (``| head``) ends it without a traceback.

The export itself is replaced by one that writes without end, so the process is
always caught mid-export whatever the machine's speed; everything around it (the
temporary file, signals, standard output) is the command's own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from tests.truth import ROOT

# Runs export_archive with an export that writes a line, says so on standard error,
# then keeps writing lines until it is stopped.
ENDLESS_EXPORT = """
import sys, django
django.setup()
from briefings.management.commands import export_archive

def endless(out, **options):
    out.write("{}\\n")
    out.flush()
    sys.stderr.write("writing\\n")
    sys.stderr.flush()
    while True:
        out.write('{"type":"briefing"}\\n' * 100)

export_archive.write_archive = endless
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "export_archive", *sys.argv[1:]])
"""


def start(*args: str, **streams) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.Popen(
        [sys.executable, "-c", ENDLESS_EXPORT, *args],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        **streams,
    )


def test_sigterm_mid_export_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "backup.jsonl"
    process = start("--output", str(target))
    try:
        assert process.stderr.readline() == "writing\n"
        assert [p.name for p in tmp_path.iterdir()][0].startswith(".backup.jsonl.")
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 143
    assert list(tmp_path.iterdir()) == []
    assert err.strip() == (
        f"CommandError: {target}: export stopped (SIGTERM); nothing was written"
    )


def test_a_reader_that_stops_early_ends_the_export_quietly():
    process = start(stdout=subprocess.PIPE)
    try:
        assert process.stderr.readline() == "writing\n"
        assert process.stdout.read(10) == "{}\n" + '{"type"'
        process.stdout.close()  # what `head` does once it has its lines
        err = process.stderr.read()
        process.wait(timeout=60)
    finally:
        process.kill()
    assert err == ""
    assert process.returncode == 1
