"""The daily reminder job under awkward homes: a folder that is a file, a home that can't be
written, paths with spaces and percent signs. A clear message, never a traceback, never
half a job; uninstalling leaves nothing behind and says only what happened."""

from __future__ import annotations

import contextlib
import io
import os
import sys

import pytest

from cli import main
from reminders import jobs
from tests.support import adversary


def parse_desktop_exec(value: str) -> list[str]:
    """The Desktop Entry specification's reading of an Exec value (string escapes, then
    quoting), to check what the launcher would really run."""
    value = value.replace("\\\\", "\\")
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            current += value[i + 1]
            i += 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += c
        i += 1
    if started or current:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


@pytest.mark.parametrize("command", [
    ["/opt/py/bin/python", "/home/sam/boundary/main.py", "remind"],
    ["/opt/My Apps/py/bin/python", "/home/sam/Boundary 100%/main.py", "remind"],
    ["/home/o'neil/py", '/home/a"b/$x`y`\\z/main.py', "remind"],
])
def test_the_autostart_entry_runs_exactly_the_command(tmp_path, command):
    adversary("reminders")
    [entry] = jobs.linux_files(tmp_path, command, systemd=False)
    line = next(x for x in entry.content.decode().splitlines() if x.startswith("Exec="))
    assert parse_desktop_exec(line[len("Exec="):]) == command


def test_an_autostart_folder_that_is_a_file_is_a_clear_error_and_writes_nothing(tmp_path):
    adversary("reminders")
    (tmp_path / ".config").mkdir()
    (tmp_path / ".config" / "autostart").write_text("not a folder")
    with pytest.raises(jobs.JobError, match="couldn't write"):
        jobs.install(system="linux", home=tmp_path, folder=tmp_path / "data", activate=False, systemd=False)
    assert (tmp_path / ".config" / "autostart").read_text() == "not a folder"


def test_a_home_that_cant_be_written_is_a_clear_error_from_the_command(tmp_path, monkeypatch):
    adversary("reminders")
    (tmp_path / "home").write_text("a file where the home should be")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["remind", "--install"])
    assert code == 4 and "couldn't write" in err.getvalue() and "Traceback" not in err.getvalue()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux job files")
def test_uninstall_removes_the_folders_it_made_and_only_says_what_happened(tmp_path):
    adversary("reminders")
    jobs.install(system="linux", home=tmp_path, folder=tmp_path / "data", activate=False, systemd=False)
    said = jobs.uninstall(system="linux", home=tmp_path, folder=tmp_path / "data", activate=True)
    assert not (tmp_path / ".config" / "autostart").exists()
    assert not any("Couldn't" in line for line in said) and any(line.startswith("Removed") for line in said)
    assert os.listdir(tmp_path / ".config") == []
