"""Language packs: everything the tool knows of a language, behind one interface (:class:`base.Language`).

``get(code)`` returns a pack; ``CODES`` lists the languages a lecture may be written in and
labels printed in. No module outside ``lang/`` names a language code: they ask this registry.
This module imports nothing at start-up, so the CLI's ``--help`` stays fast; a pack is imported
the first time it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

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


def register_hyphenation(codes: Iterable[str] | None = None) -> None:
    """Give pyphen (and so WeasyPrint) the own hyphenation dictionary of each pack in ``codes``; idempotent.

    None: every pack. A typesetter passes :func:`languages_in` of its document instead, so a
    Kazakh lecture neither imports the other packs nor parses their dictionaries (pyphen's
    English ones alone cost a fifth of a second of CPU).
    """
    for code in CODES if codes is None else [code for code in CODES if code in set(codes)]:
        get(code).register_hyphenation()


def languages_in(html: str) -> set[str]:
    """Return the codes of the packs an HTML document's text may be hyphenated in.

    WeasyPrint hyphenates a word in the language of its element, set by a ``lang=`` (or
    ``xml:lang=``) attribute or a ``lang:`` / ``-weasy-lang:`` declaration of its styles, so
    each of those is read, wherever it stands: one too many only registers a dictionary for
    nothing, one missed would leave that span to pyphen's own dictionary (without the pack's checks).
    """
    import re

    found = re.findall(r"""\blang\s*(?:=|:)\s*["']?\s*([a-z]+)""", html, flags=re.IGNORECASE)
    return {code for code in CODES if code in {tag.lower() for tag in found}}


__all__ = ["CODES", "DEFAULT", "choices", "get", "known", "languages_in", "register_hyphenation"]
