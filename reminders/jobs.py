"""The daily job that runs `main.py remind` when Boundary is closed, per operating system.

Installing, updating and removing it is always the user's explicit choice, and they are
told exactly what was written where. `remind` only prompts; it never checks anything.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

NAME = "boundary-remind"
LAUNCHD_LABEL = "org.boundary.remind"
WINDOWS_TASK = "Boundary\\Remind"
HOUR = 10  # a daytime check, so a prompt never wakes anyone


@dataclass(frozen=True)
class JobFile:
    path: Path
    content: bytes
    what: str


def remind_command() -> list[str]:
    """How the job starts Boundary's reminder: the installed entry point, or this checkout."""
    main = Path(__file__).resolve().parent.parent / "main.py"
    return [sys.executable, str(main), "remind"]


def has_systemd_user(uid: int | None = None) -> bool:
    uid = os.getuid() if uid is None and hasattr(os, "getuid") else uid
    return shutil.which("systemctl") is not None and Path(f"/run/user/{uid}/systemd").is_dir()


class JobError(OSError):
    """The job couldn't be written or removed; the message says where and why."""


def desktop_exec(command: list[str]) -> str:
    """`Exec=` as the Desktop Entry specification wants it: an argument with a reserved
    character in double quotes, with `"`, `` ` ``, `$` and `\\` escaped inside; then the
    whole value escaped as a desktop-file string (a backslash doubled), and `%` as `%%`."""
    reserved = set(' \t\n"\'\\><~|&;$*?#()`')
    args = []
    for arg in command:
        if any(c in reserved for c in arg):
            arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
        args.append(arg.replace("%", "%%"))
    return " ".join(args).replace("\\", "\\\\")


def systemd_exec(command: list[str]) -> str:
    """`ExecStart=`: systemd's own quoting, with `%` specifiers escaped."""
    return " ".join(shlex.quote(c) for c in command).replace("%", "%%")


def linux_files(home: Path, command: list[str], systemd: bool) -> list[JobFile]:
    exec_line = systemd_exec(command)
    if systemd:
        unit_dir = home / ".config" / "systemd" / "user"
        service = (
            "[Unit]\nDescription=Boundary: remind me when a privacy check-up is due\n\n"
            f"[Service]\nType=oneshot\nExecStart={exec_line}\n"
        )
        timer = (
            "[Unit]\nDescription=Boundary: look once a day whether a privacy check-up is due\n\n"
            f"[Timer]\nOnCalendar=*-*-* {HOUR:02d}:00:00\nPersistent=true\n\n"
            "[Install]\nWantedBy=timers.target\n"
        )
        return [
            JobFile(unit_dir / f"{NAME}.service", service.encode(), "systemd user service"),
            JobFile(unit_dir / f"{NAME}.timer", timer.encode(), "systemd user timer (daily, catches up after sleep)"),
        ]
    desktop = (
        "[Desktop Entry]\nType=Application\nName=Boundary reminder\n"
        "Comment=Says when a privacy check-up is due (nothing runs unattended)\n"
        f"Exec={desktop_exec(command)}\nX-GNOME-Autostart-enabled=true\nNoDisplay=true\n"
    )
    return [JobFile(home / ".config" / "autostart" / f"{NAME}.desktop", desktop.encode(), "autostart entry (at each login)")]


def macos_files(home: Path, command: list[str]) -> list[JobFile]:
    plist = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": command,
        "StartCalendarInterval": {"Hour": HOUR, "Minute": 0},
        "RunAtLoad": False,
    }
    return [JobFile(home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist", plistlib.dumps(plist), "LaunchAgent (daily)")]


def windows_files(folder: Path, command: list[str]) -> list[JobFile]:
    program, args = command[0], " ".join(f'"{a}"' for a in command[1:])
    xml = f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Description>Boundary: remind me when a privacy check-up is due</Description></RegistrationInfo>
  <Triggers>
    <CalendarTrigger>
      <StartBoundary>2026-01-01T{HOUR:02d}:00:00</StartBoundary>
      <ScheduleByDay><DaysInterval>1</DaysInterval></ScheduleByDay>
    </CalendarTrigger>
  </Triggers>
  <Settings>
    <StartWhenAvailable>true</StartWhenAvailable>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <ExecutionTimeLimit>PT10M</ExecutionTimeLimit>
  </Settings>
  <Actions Context="Author">
    <Exec><Command>{escape(program)}</Command><Arguments>{escape(args)}</Arguments></Exec>
  </Actions>
</Task>
"""
    return [JobFile(folder / f"{NAME}.xml", xml.encode("utf-16"), "Task Scheduler task definition (daily)")]


def plan(system: str, home: Path, folder: Path, command: list[str] | None = None, systemd: bool | None = None) -> list[JobFile]:
    command = command or remind_command()
    if system.startswith("linux"):
        return linux_files(home, command, has_systemd_user() if systemd is None else systemd)
    if system == "darwin":
        return macos_files(home, command)
    if system in ("win32", "cygwin"):
        return windows_files(folder, command)
    raise OSError(f"Boundary can't set up reminders on this system ({system})")


def _run(args: list[str], done: list[str], failed: str = "the files above are in place") -> None:
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=30)
        done.append("Ran: " + " ".join(args))
    except (OSError, subprocess.SubprocessError) as exc:
        done.append(f"Couldn't run {' '.join(args)} ({type(exc).__name__}); {failed}.")


def install(*, system: str = sys.platform, home: Path | None = None, folder: Path | None = None,
            activate: bool = True, systemd: bool | None = None) -> list[str]:
    """Write (or update) the job; returns plain sentences saying what was written where."""
    from store.db import data_dir

    home, folder = home or Path.home(), folder or data_dir()
    files = plan(system, home, folder, systemd=systemd)
    done = []
    for job in files:
        try:
            job.path.parent.mkdir(parents=True, exist_ok=True)
            job.path.write_bytes(job.content)
        except OSError as exc:
            for written in files[:files.index(job)]:  # never half a job
                written.path.unlink(missing_ok=True)
            raise JobError(f"Boundary couldn't write {job.path} ({exc.strerror or exc}), so the daily "
                           "reminder isn't set up. Nothing else was changed.") from exc
        done.append(f"Wrote {job.path} ({job.what})")
    if activate:
        if files[0].path.suffix == ".service":
            _run(["systemctl", "--user", "daemon-reload"], done)
            _run(["systemctl", "--user", "enable", "--now", f"{NAME}.timer"], done)
        elif system == "darwin":
            _run(["launchctl", "load", "-w", str(files[0].path)], done)
        elif system in ("win32", "cygwin"):
            _run(["schtasks", "/Create", "/TN", WINDOWS_TASK, "/XML", str(files[0].path), "/F"], done)
    return done


def uninstall(*, system: str = sys.platform, home: Path | None = None, folder: Path | None = None,
              activate: bool = True) -> list[str]:
    from store.db import data_dir

    home, folder = home or Path.home(), folder or data_dir()
    done = []
    candidates = []
    removed_anyway = "the job's files are removed all the same"
    if system.startswith("linux"):
        candidates = linux_files(home, [], True) + linux_files(home, [], False)
        if activate and candidates[0].path.exists() and has_systemd_user():
            _run(["systemctl", "--user", "disable", "--now", f"{NAME}.timer"], done, removed_anyway)
    elif system == "darwin":
        candidates = macos_files(home, [])
        if activate and candidates[0].path.exists():
            _run(["launchctl", "unload", "-w", str(candidates[0].path)], done, removed_anyway)
    elif system in ("win32", "cygwin"):
        candidates = windows_files(folder, [])
        if activate:
            _run(["schtasks", "/Delete", "/TN", WINDOWS_TASK, "/F"], done, removed_anyway)
    for job in candidates:
        if job.path.is_file():
            try:
                job.path.unlink()
            except OSError as exc:
                raise JobError(f"Boundary couldn't remove {job.path} ({exc.strerror or exc}). "
                               "Remove it by hand to stop the reminder.") from exc
            done.append(f"Removed {job.path}")
            # The folder Boundary made for it goes too, when nothing else is in it.
            with contextlib.suppress(OSError):
                job.path.parent.rmdir()
    return done or ["There was no reminder job to remove."]
