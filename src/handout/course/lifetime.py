"""No process outlives its build: workers and their children die with the process that started them.

Two guards, because each misses a case: the kernel's parent-death signal (Linux
``PR_SET_PDEATHSIG``) fires when the parent dies, even by SIGKILL; a watcher thread in
each worker also notices that its parent is gone (it is re-parented) and exits, which
covers a parent that died before the signal was armed, and systems without prctl.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watcher alone guards
        pass


def worker_started(parent: int) -> None:
    """Pool initializer: die when ``parent`` (the build's main process) dies; end at once when the pool shuts down."""
    _die_with_parent()
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was armed
    atexit.register(_end_now)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="handout-parent-watch", daemon=True).start()


def _end_now() -> None:
    """Leave without tearing down the interpreter.

    A spawned worker ends with ``sys.exit``, which frees every object of its heap
    (WeasyPrint's fonts, the last layout) one by one: seconds, in which the build waits
    for the pool to shut down. Its results are already sent, and the system frees the
    memory at once; the registered exit functions before this one (LIFO) have run.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    os._exit(0)


def child_preexec() -> None:
    """``preexec_fn`` for short-lived helper processes (the reader's join): die with the process that runs them."""
    _die_with_parent()
