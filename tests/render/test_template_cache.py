"""Compiled templates kept in the user's cache folder: used when valid, never when stale or unsafe."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2

from handout.render import template_cache
from handout.render.templates import SandboxedLoader

OPTIONS = {"autoescape": True, "trim_blocks": True}


def render(folder: Path, cache) -> str:
    env = jinja2.Environment(loader=SandboxedLoader((folder,)), bytecode_cache=cache, **OPTIONS)
    return env.get_template("page.html").render(name="Алаш")


def test_a_compiled_template_is_kept_and_an_edited_one_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv(template_cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    assert render(templates, template_cache.bytecode_cache(OPTIONS)) == "<p>Алаш</p>"
    entries = list((tmp_path / "cache").rglob("*.cache"))
    assert len(entries) == 1
    assert render(templates, template_cache.bytecode_cache(OPTIONS)) == "<p>Алаш</p>"  # read back
    (templates / "page.html").write_text("<h1>{{ name }}</h1>", encoding="utf-8")
    assert render(templates, template_cache.bytecode_cache(OPTIONS)) == "<h1>Алаш</h1>"
    other = template_cache.bytecode_cache({**OPTIONS, "trim_blocks": False})
    assert other.directory != template_cache.bytecode_cache(OPTIONS).directory  # options shape the code


def test_a_damaged_entry_or_an_unwritable_folder_costs_a_compilation_only(tmp_path, monkeypatch):
    monkeypatch.setenv(template_cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    cache = template_cache.bytecode_cache(OPTIONS)
    render(templates, cache)
    (entry,) = Path(cache.directory).glob("*.cache")
    entry.write_bytes(entry.read_bytes()[:40])  # torn in the middle of the code
    assert render(templates, template_cache.bytecode_cache(OPTIONS)) == "<p>Алаш</p>"
    if os.getuid() != 0:  # root writes anywhere
        os.chmod(cache.directory, 0o500)
        try:
            entry.unlink(missing_ok=True)
            assert render(templates, template_cache.bytecode_cache(OPTIONS)) == "<p>Алаш</p>"
        finally:
            os.chmod(cache.directory, 0o700)


def test_a_folder_others_may_write_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv(template_cache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    folder = Path(template_cache.bytecode_cache(OPTIONS).directory)
    os.chmod(folder, 0o777)
    assert template_cache.bytecode_cache(OPTIONS) is None
    os.chmod(folder, 0o700)
    assert template_cache.bytecode_cache(OPTIONS) is not None


def test_the_default_folder_is_under_the_users_cache_home(monkeypatch, tmp_path):
    monkeypatch.delenv(template_cache.CACHE_DIR_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert template_cache.cache_root() == tmp_path / "handout"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the spec says: ignore a relative one
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert template_cache.cache_root() == tmp_path / "home" / ".cache" / "handout"
