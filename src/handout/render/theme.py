"""Where templates and styles come from: the course folder first, then the default theme."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..sandbox import is_inside, readable_file

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def default_theme_dir() -> Path:
    """Return the folder holding the default ``templates/`` and ``styles/``.

    An installed wheel carries them as package data in ``handout/theme``; a source
    checkout (editable install) uses the repository root, where teachers edit them.
    """
    packaged = PACKAGE_DIR / "theme"
    if (packaged / "templates").is_dir():
        return packaged
    return PACKAGE_DIR.parent.parent


@dataclass(frozen=True)
class Theme:
    """Ordered search paths: a course's own files override the default theme file by file."""

    template_dirs: tuple[Path, ...]
    style_dirs: tuple[Path, ...]

    def stylesheet(self, name: str) -> Path | None:
        for folder in self.style_dirs:
            candidate = folder / name
            if readable_file(candidate, folder):
                return candidate
        return None

    def files(self) -> list[Path]:
        """List every template and style file in effect (for cache keys and watching)."""
        seen: dict[str, Path] = {}
        for folder in (*self.template_dirs, *self.style_dirs):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if readable_file(path, folder):  # a symlink out of the folder is never read
                    seen.setdefault(f"{folder.name}/{path.relative_to(folder)}", path)
        return [seen[key] for key in sorted(seen)]


def find_theme(course_root: Path | None) -> Theme:
    """Build the theme search path for a course folder (None: default theme only)."""
    default = default_theme_dir()
    templates = [default / "templates"]
    styles = [default / "styles"]
    if course_root is not None:
        course_root = course_root.resolve()
        for folder, paths in ((course_root / "templates", templates), (course_root / "styles", styles)):
            if folder.is_dir() and is_inside(folder, course_root) and folder not in paths:
                paths.insert(0, folder)
    return Theme(tuple(templates), tuple(styles))
