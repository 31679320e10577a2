"""Language packs: everything the tool knows of a language, behind one interface (:class:`base.Language`).

``get(code)`` returns a pack; ``CODES`` lists the languages a lecture may be written in and
labels printed in. No module outside ``lang/`` names a language code: they ask this registry.
This module imports nothing at start-up, so the CLI's ``--help`` stays fast; a pack is imported
the first time it is asked for.
"""

from __future__ import annotations

import importlib

CODES = ("kk", "ru", "en")
"""Language codes, in the order the tool offers them."""
DEFAULT = CODES[0]
"""The language of a lecture that does not say (Kazakh first)."""


def known(code: str | None) -> bool:
    """Tell whether ``code`` names a language pack."""
    return code in CODES


def get(code: str | None = None):
    """Return the pack of ``code`` (None: the default language); raise ValueError for an unknown code."""
    code = DEFAULT if code is None else code
    if code not in CODES:
        raise ValueError(f"no language pack {code!r}; use one of {', '.join(CODES)}")
    return importlib.import_module(f"{__name__}.{code}").PACK


def choices() -> str:
    """Return the codes as text for messages and help: "kk, ru or en"."""
    return ", ".join(CODES[:-1]) + " or " + CODES[-1]


def register_hyphenation() -> None:
    """Give pyphen (and so WeasyPrint) every pack's own hyphenation dictionary; idempotent."""
    for code in CODES:
        get(code).register_hyphenation()


__all__ = ["CODES", "DEFAULT", "choices", "get", "known", "register_hyphenation"]
