"""The content-hash cache: fresh only when the output is exactly what was recorded for the same key."""

import json
import os
import subprocess
import sys
import time

from handout.course.cache import CACHE_NAME, BuildCache, make_key, theme_fingerprint
from handout.render.theme import find_theme


def test_recorded_output_is_fresh_for_its_key_only(tmp_path):
    output = tmp_path / "student" / "a.pdf"
    output.parent.mkdir()
    output.write_bytes(b"%PDF-1.7 first")
    cache = BuildCache(tmp_path)
    assert not cache.is_fresh(output, "k1")
    cache.record(output, "k1", pages=3)
    reopened = BuildCache(tmp_path)
    assert reopened.is_fresh(output, "k1")
    assert not reopened.is_fresh(output, "k2")
    assert reopened.entry(output)["pages"] == 3


def test_an_output_changed_or_removed_behind_the_cache_is_not_fresh(tmp_path):
    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF complete")
    cache = BuildCache(tmp_path)
    cache.record(output, "k")
    output.write_bytes(b"%PDF trunc")  # e.g. a copy interrupted by hand
    assert not BuildCache(tmp_path).is_fresh(output, "k")
    output.unlink()
    assert not BuildCache(tmp_path).is_fresh(output, "k")


def change_keeping_size_and_mtime(output):
    """Rewrite a file behind the cache's back, same size, its mtime set back (``cp -p``, ``rsync -t`` do this)."""
    stat = output.stat()
    output.write_bytes(bytes(reversed(output.read_bytes())))
    os.utime(output, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_settled_output_is_trusted_by_its_stat_and_not_read(tmp_path, monkeypatch):
    import handout.course.cache as cache_module

    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF settled")
    cache = BuildCache(tmp_path)
    cache.record(output, "k")
    time.sleep(2 * cache_module.RACY_NS / 1e9)  # a clock tick after the write: a later change shows in the ctime
    cache.settle()
    cache.save()
    hashed = []
    real = cache_module.file_digest
    monkeypatch.setattr(cache_module, "file_digest", lambda path: hashed.append(path) or real(path))
    assert BuildCache(tmp_path).is_fresh(output, "k") and hashed == []
    change_keeping_size_and_mtime(output)
    assert not BuildCache(tmp_path).is_fresh(output, "k") and hashed == [output]  # its ctime moved: hashed


def test_a_just_written_output_is_hashed_until_it_is_settled(tmp_path):
    """A change in the same clock tick as our write leaves the stat as recorded: such an entry is always hashed."""
    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF racy")
    cache = BuildCache(tmp_path)
    cache.record(output, "k")
    change_keeping_size_and_mtime(output)
    stat = output.stat()  # as a coarse clock would have it: the change's ctime equal to the recorded one
    cache.entry(output).update(ctime_ns=stat.st_ctime_ns, inode=stat.st_ino)
    cache.entry(output)["seen_ns"] = stat.st_ctime_ns + 1
    cache.save()
    assert not BuildCache(tmp_path).is_fresh(output, "k")


def test_an_unrecorded_write_is_never_served(tmp_path):
    """A crash after the PDF's rename but before the cache is saved: the old entry does not match the new file."""
    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF old")
    BuildCache(tmp_path).record(output, "old-key")
    output.write_bytes(b"%PDF new, from a build that crashed before recording")
    assert not BuildCache(tmp_path).is_fresh(output, "old-key")


def test_a_damaged_cache_file_means_rebuild_everything(tmp_path):
    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF")
    BuildCache(tmp_path).record(output, "k")
    (tmp_path / CACHE_NAME).write_text('{"format": 1, "outputs": {"a.pdf": ', encoding="utf-8")
    assert not BuildCache(tmp_path).is_fresh(output, "k")
    (tmp_path / CACHE_NAME).write_text(json.dumps({"format": 999, "outputs": {}}), encoding="utf-8")
    assert BuildCache(tmp_path).entries == {}


def test_saving_leaves_no_temporary_files(tmp_path):
    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF")
    BuildCache(tmp_path).record(output, "k")
    assert sorted(path.name for path in tmp_path.iterdir()) == [CACHE_NAME, "a.pdf"]


def test_keys_are_stable_across_processes_even_with_sets():
    parts = ("student", {"paper": "a4", "forced": frozenset({"paper", "layout", "pdf_variant"})})
    code = ("from handout.course.cache import make_key; "
            "print(make_key('student', {'paper': 'a4', 'forced': frozenset({'paper', 'layout', 'pdf_variant'})}))")
    keys = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert keys == {make_key(*parts)}


def test_theme_fingerprint_follows_a_course_stylesheet_override(tmp_path):
    before = theme_fingerprint(find_theme(tmp_path))
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "handout.css").write_text("body { color: navy; }", encoding="utf-8")
    after = theme_fingerprint(find_theme(tmp_path))
    assert before != after


def test_source_date_epoch_travels_with_the_jobs_and_keys_them(tmp_path, monkeypatch):
    from handout.course.plan import plan_course
    from handout.source.manifest import load_course
    from support import SHORT_LECTURE, make_files

    root = make_files(tmp_path / "course", {"a.md": SHORT_LECTURE})
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = plan_course(load_course(root), BuildCache(tmp_path / "out"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    dated = plan_course(load_course(root), BuildCache(tmp_path / "out"))
    assert {job.environment.get("SOURCE_DATE_EPOCH") for job in dated.jobs} == {"1767225600"}
    assert not {item.key for item in plain.outputs} & {item.key for item in dated.outputs}


def test_a_damaged_file_is_not_fresh_even_with_its_size_and_time(tmp_path):
    output = tmp_path / "a.pdf"
    output.write_bytes(b"%PDF-1.7 good")
    cache = BuildCache(tmp_path)
    cache.record(output, "k")
    stat = output.stat()
    output.write_bytes(b"%PDF-1.7 badd")
    os.utime(output, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert not BuildCache(tmp_path).is_fresh(output, "k")
