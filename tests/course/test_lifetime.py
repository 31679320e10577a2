"""No process outlives its build: kill -9 a --jobs 2 build's main process; its workers follow it."""

import os
import signal
import subprocess
import time
from pathlib import Path

from support import HANDOUT, SHORT_LECTURE, make_files, wait_until

MANIFEST = '[course]\ntitle = "Т"\nlectures = ["*.md"]\n[build]\neditions = ["student", "teacher"]\n'


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, pending = set(), [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.add(child)
            pending.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path.relative_to(folder)): (path.stat().st_mtime_ns, path.stat().st_size)
            for path in folder.rglob("*.pdf")}


def test_workers_die_with_a_killed_build_and_never_write_after_it(tmp_path):
    root = make_files(tmp_path / "course", {"handout.toml": MANIFEST, **{
        f"l{n}.md": SHORT_LECTURE.replace("number: 2", f"number: {n}") for n in range(1, 5)}})
    build = subprocess.Popen([*HANDOUT, "build", str(root), "--jobs", "2"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    # wait until both workers run (the spawn workers, the resource tracker), then kill the main process
    assert wait_until(lambda: len(descendants(build.pid)) >= 3, 120)
    time.sleep(1.0)
    workers = descendants(build.pid)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    # both guards act within a second; 5 s is the bound, polled so the test does not sit it out
    assert wait_until(lambda: not [pid for pid in workers if alive(pid)], 5), "a worker outlived its build"
    finished = subprocess.run([*HANDOUT, "build", str(root), "--jobs", "2"], capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    before = snapshot(root / "dist")
    time.sleep(1.5)
    assert snapshot(root / "dist") == before  # nothing from the killed build arrives later


def test_a_dead_pool_worker_has_its_jobs_retried_once(tmp_path):
    root = make_files(tmp_path / "course", {"handout.toml": MANIFEST, **{
        f"l{n}.md": SHORT_LECTURE.replace("number: 2", f"number: {n}") for n in range(1, 5)}})
    build = subprocess.Popen([*HANDOUT, "build", str(root), "--jobs", "2"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)

    def pool_workers() -> list[int]:
        return [pid for pid in descendants(build.pid)
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()] if alive(build.pid) else []

    assert wait_until(lambda: len(pool_workers()) == 2, 120)
    time.sleep(1.0)  # both are typesetting
    os.kill(pool_workers()[0], signal.SIGKILL)
    _stdout, stderr = build.communicate(timeout=600)
    assert build.returncode == 0, stderr
    assert "retried after a worker died" in stderr and "0 failed" in stderr and "Traceback" not in stderr
