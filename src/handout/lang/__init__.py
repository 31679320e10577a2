"""Every word the tool itself prints in a handout, in Kazakh (default), Russian and English."""

from __future__ import annotations

from .catalog import CATALOG

DEFAULT_LANG = "kk"


def labels(lang: str) -> dict[str, str]:
    """Return the label catalogue for ``lang`` (kk, ru or en)."""
    try:
        return CATALOG[lang]
    except KeyError:
        raise ValueError(f"no labels for language {lang!r}; use one of {', '.join(CATALOG)}") from None


__all__ = ["CATALOG", "DEFAULT_LANG", "labels"]
