"""Distributed builds: a course built through a local Dask cluster gives the same PDFs as a local build."""

import subprocess

import pytest

from support import HANDOUT, SHORT_LECTURE, make_files, pdf_page_count, pdf_text

distributed = pytest.importorskip("distributed", reason="install the dask extra: pip install 'handout[dask]'")

MANIFEST = """\
[course]
title = "Қазақстан тарихы"
lectures = ["a.md", "b.md"]

[build]
editions = ["student", "worksheet"]
"""


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as local_cluster:
        yield local_cluster


def test_course_built_on_a_dask_cluster_matches_a_local_build(cluster, tmp_path):
    root = make_files(tmp_path / "course", {
        "handout.toml": MANIFEST,
        "a.md": SHORT_LECTURE,
        "b.md": SHORT_LECTURE.replace("title: Алаш автономиясы", "title: Алаш-Орда"),
    })
    # relative paths on purpose: the workers' working folder is not ours
    remote = subprocess.run([*HANDOUT, "build", "course", "--out", "remote", "--scheduler", cluster.scheduler_address],
                            capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert remote.returncode == 0, remote.stderr
    local = subprocess.run([*HANDOUT, "build", str(root), "--out", str(tmp_path / "local"), "--jobs", "1"],
                           capture_output=True, text=True, timeout=300)
    assert local.returncode == 0, local.stderr
    names = ["student/a.pdf", "student/b.pdf", "worksheet/a.pdf", "worksheet/b.pdf", "reader.pdf"]
    for name in names:
        remote_pdf, local_pdf = tmp_path / "remote" / name, tmp_path / "local" / name
        assert pdf_page_count(remote_pdf) == pdf_page_count(local_pdf), name
        assert pdf_text(remote_pdf) == pdf_text(local_pdf), name
    assert (tmp_path / "remote" / "index.html").read_text(encoding="utf-8").count(".pdf\"") == 5
    assert "5 rebuilt, 0 up to date, 0 failed" in remote.stderr


def test_unreachable_scheduler_is_a_one_line_error(tmp_path):
    root = make_files(tmp_path / "course", {"handout.toml": MANIFEST, "a.md": SHORT_LECTURE, "b.md": SHORT_LECTURE})
    result = subprocess.run([*HANDOUT, "build", str(root), "--scheduler", "tcp://127.0.0.1:9"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
