"""Where Jinja finds a theme's templates: only inside the theme's own folders."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..sandbox import readable_file


class SandboxedLoader(jinja2.BaseLoader):
    """Jinja's file loader, except that a template whose real path leaves its folder is not read."""

    def __init__(self, folders: tuple[Path, ...]):
        self.folders = tuple(Path(folder) for folder in folders)

    def get_source(self, environment, template):
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if readable_file(path, folder):
                source = path.read_text(encoding="utf-8")
                mtime = path.stat().st_mtime
                return source, str(path), lambda path=path, mtime=mtime: path.is_file() and path.stat().st_mtime == mtime
        raise jinja2.TemplateNotFound(template)
