"""One build at a time per output folder: ``OUT/.handout.lock``, held with ``flock``.

A second build of the same course waits for the first (up to a timeout) and then
fails with a message naming the process that holds the lock, so two builds never
interleave their writes. The kernel drops an ``flock`` when its process dies, even
by SIGKILL, so a crashed build never leaves a stale lock behind. The lock file itself
is never deleted: deleting it would let a waiting and a new build lock different files.
"""

from __future__ import annotations

import errno
import fcntl
import math
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from ..errors import HandoutError
from .files import ensure_folder

LOCK_NAME = ".handout.lock"
DEFAULT_LOCK_TIMEOUT = 600.0
"""Seconds a build waits for another build of the same output folder."""
LOCK_TIMEOUT_ENV = "HANDOUT_LOCK_TIMEOUT"
_POLL_SECONDS = 0.1


def lock_timeout_seconds() -> float:
    """Return the wait from ``HANDOUT_LOCK_TIMEOUT`` (seconds), else the default."""
    raw = os.environ.get(LOCK_TIMEOUT_ENV, "").strip()
    try:
        seconds = float(raw) if raw else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        seconds = float("nan")
    if not math.isfinite(seconds) or seconds < 0:  # nan would make every deadline comparison false
        raise HandoutError(f"{LOCK_TIMEOUT_ENV}={raw[:40]!r} is not a number of seconds; set e.g. {LOCK_TIMEOUT_ENV}=60")
    return seconds


@contextmanager
def build_lock(out_dir: Path, timeout: float | None = None,
               on_wait: Callable[[str], None] | None = None):
    """Hold the output folder's lock for the duration of a build; sweep stale temp files once held.

    ``on_wait`` receives one message when the build has to wait (the CLI prints it).
    """
    out_dir = Path(out_dir)
    timeout = lock_timeout_seconds() if timeout is None else timeout
    ensure_folder(out_dir)
    path = out_dir / LOCK_NAME
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise HandoutError(f"cannot create the lock file: {exc.strerror}; choose another --out", path) from None
    try:
        _acquire(descriptor, path, timeout, on_wait)
        _write_owner(descriptor)
        remove_stale_parts(out_dir)
        yield path
    finally:
        os.close(descriptor)  # closing releases the flock


def _acquire(descriptor: int, path: Path, timeout: float, on_wait: Callable[[str], None] | None) -> None:
    deadline = time.monotonic() + timeout
    announced = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise HandoutError(f"cannot lock the output folder: {exc.strerror}", path) from None
        owner = _read_owner(path)
        if time.monotonic() >= deadline:
            raise HandoutError(
                f"another build ({owner}) is writing to {path.parent} and did not finish within {timeout:g} s; "
                "wait for it, or build into another --out",
                path,
            )
        if not announced and on_wait is not None:
            on_wait(f"waiting for another build ({owner}) writing to {path.parent} ...")
            announced = True
        time.sleep(_POLL_SECONDS)


def _write_owner(descriptor: int) -> None:
    """Record who holds the lock, for the message a waiting build prints."""
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"pid {os.getpid()}\n".encode(), 0)


def _read_owner(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "pid unknown"
    except OSError:
        return "pid unknown"


def remove_stale_parts(out_dir: Path) -> list[Path]:
    """Delete temp files (``.NAME.*.part``) a killed build left; safe only while holding the lock."""
    removed = []
    # Outputs live in OUT and OUT/<edition>; a deeper walk could wander through a whole --out . tree.
    for part in (*out_dir.glob(".*.part"), *out_dir.glob("*/.*.part")):
        if part.is_file():
            part.unlink(missing_ok=True)
            removed.append(part)
    return removed
