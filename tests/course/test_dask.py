"""Distributed builds on a real `dask scheduler` and two real `dask worker` processes.

The tests run in file order: the no-workers case needs the scheduler before its workers
start, and the last test kills one of the two workers mid-build.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import HANDOUT, SHORT_LECTURE, make_files, pdf_page_count, pdf_text, wait_until

distributed = pytest.importorskip("distributed", reason="install the dask extra: pip install 'handout[dask]'")
DASK = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
WORKER = [sys.executable, "-m", "distributed.cli.dask_worker"]

MANIFEST = """\
[course]
title = "Қазақстан тарихы"
lectures = ["*.md"]

[build]
editions = ["student", "worksheet"]
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A scheduler with no workers yet; ``start_workers`` adds two (one process and one thread each, no nanny)."""
    folder = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([*DASK, "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]

    def start_workers(count: int = 2) -> list[subprocess.Popen]:
        started = [subprocess.Popen([*WORKER, address, "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                                    cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                   for _ in range(count)]
        processes.extend(started)
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(count, timeout=120)
        return started

    assert wait_until(lambda: _listening(port), 60)
    yield address, start_workers
    for process in processes:
        process.kill()
        process.wait()


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def course(folder: Path, count: int) -> Path:
    return make_files(folder / "course", {"handout.toml": MANIFEST, **{
        f"lecture{n:02d}.md": SHORT_LECTURE.replace("number: 2", f"number: {n}").replace("Алаш автономиясы", f"Алаш {n}")
        for n in range(1, count + 1)}})


def test_a_malformed_address_fails_in_one_line(tmp_path, scheduler):
    address, _start = scheduler
    root = course(tmp_path, 1)
    for bad in (f"{address}/extra", "tcp://127.0.0.1", "http://127.0.0.1:8786"):
        result = subprocess.run([*HANDOUT, "build", str(root), "--scheduler", bad], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "--scheduler expects tcp://HOST:PORT" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_scheduler_with_no_workers_fails_within_the_bound(tmp_path, scheduler):
    address, _start = scheduler
    started = time.monotonic()
    result = subprocess.run([*HANDOUT, "build", str(course(tmp_path, 1)), "--scheduler", address,
                             "--connect-timeout", "2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "has no workers (waited 2 s)" in result.stderr and "dask worker" in result.stderr
    assert time.monotonic() - started < 30  # bounded by the option, not by Dask's own retries


def test_a_killed_worker_loses_nothing(tmp_path, scheduler):
    address, start_workers = scheduler
    workers = start_workers(2)
    root = course(tmp_path, 4)
    out = root / "dist"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    build = subprocess.Popen([*HANDOUT, "build", "course", "--scheduler", address], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_until(lambda: len(list(out.glob("student/*.pdf"))) >= 1, 300)
    workers[0].send_signal(signal.SIGKILL)
    _stdout, stderr = build.communicate(timeout=600)
    assert "Traceback" not in stderr
    rebuilt = set(re.findall(r"^rebuilt (\S+\.pdf)", stderr, re.M))
    # Either way, what the summary calls built is on disk, correct, and recorded
    for name in rebuilt:
        assert pdf_page_count(tmp_path / name) >= 1 and "Алаш" in pdf_text(tmp_path / name)
    if build.returncode == 0:
        assert len(rebuilt) == 9 and "0 failed" in stderr
    else:
        assert "failed" in stderr and re.search(r"[1-9]\d* failed", stderr)
    again = subprocess.run([*HANDOUT, "build", "course", "--scheduler", address], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert not rebuilt & set(re.findall(r"^rebuilt (\S+\.pdf)", again.stderr, re.M))
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "әзірге жоқ" not in page and page.count('href="student/') == 4
    import pypdf  # SOURCE_DATE_EPOCH reached the workers (only the client has it in its environment)

    assert "20260101" in str(pypdf.PdfReader(out / "student" / "lecture01.pdf").metadata.get("/CreationDate"))
    cache = json.loads((out / ".handout-cache.json").read_text(encoding="utf-8"))["outputs"]
    for name, entry in cache.items():
        assert (out / name).stat().st_size == entry["size"], name
