"""The tool's fingerprint: a hash of handout's own files, kept in the user's cache under their stats."""

import pytest

from handout.course import cache


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A small package tree in place of handout's own, and a private cache folder."""
    root = tmp_path / "pkg"
    (root / "lang" / "__pycache__").mkdir(parents=True)
    (root / "model.py").write_text("A = 1\n")
    (root / "lang" / "kk.dic").write_text("ҚАЗ\n")
    (root / "lang" / "__pycache__" / "kk.cpython.pyc").write_bytes(b"not code of the tool")
    (root / "theme.css").write_text("p {}\n")  # the theme's own fingerprint covers styles
    monkeypatch.setattr(cache, "PACKAGE_DIR", root)
    monkeypatch.setattr(cache, "RACY_NS", 0)  # these files count as settled (see the last-instant test)
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(tmp_path / "cache"))
    cache.tool_fingerprint.cache_clear()
    yield root
    cache.tool_fingerprint.cache_clear()


def fresh_fingerprint() -> str:
    cache.tool_fingerprint.cache_clear()  # as a new process would
    return cache.tool_fingerprint()


def test_the_hash_is_of_the_files_and_is_kept(package, tmp_path):
    first = fresh_fingerprint()
    assert [name for name, _, _ in cache._tool_files()] == ["lang/kk.dic", "model.py"]
    assert first == cache._content_fingerprint(cache._tool_files())
    kept = list((tmp_path / "cache" / "fingerprints").iterdir())
    assert [path.read_text() for path in kept] == [first]


def test_a_kept_hash_is_used_while_the_files_stats_are_unchanged(package, tmp_path):
    fresh_fingerprint()
    (kept,) = (tmp_path / "cache" / "fingerprints").iterdir()
    kept.write_text("0" * 64)  # proves the next process reads the kept hash instead of the files
    assert fresh_fingerprint() == "0" * 64
    kept.write_text("not a hash")  # a damaged entry: the files are hashed again
    assert fresh_fingerprint() == cache._content_fingerprint(cache._tool_files())


def test_an_edited_file_changes_the_fingerprint_even_with_the_same_size(package):
    first = fresh_fingerprint()
    (package / "model.py").write_text("A = 2\n")
    assert fresh_fingerprint() != first
    assert fresh_fingerprint() == cache._content_fingerprint(cache._tool_files())


def test_a_file_changed_this_instant_is_not_trusted_by_its_stat(package, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "RACY_NS", 3600 * 10**9)  # every file here changed "within the last tick"
    fresh_fingerprint()
    assert not list((tmp_path / "cache" / "fingerprints").iterdir())


def test_without_a_private_cache_folder_the_files_are_hashed(package, tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # writable by others: nothing kept there is trusted
    monkeypatch.setenv("HANDOUT_CACHE_DIR", str(shared))
    assert fresh_fingerprint() == cache._content_fingerprint(cache._tool_files())
