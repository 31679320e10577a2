"""Print production: paper, layout and PDF variant per lecture; reproducible, valid PDF output.

What each option asks of WeasyPrint, and what we fix after it:

- ``pdf/ua-1`` (accessible): WeasyPrint's own variant (tagged, ``/Lang``, ``DisplayDocTitle``).
- ``pdf/a-3b`` / ``pdf/a-2b`` (archival): WeasyPrint's variant, kept tagged; the lecture's
  Markdown is attached to a PDF/A-3 file. WeasyPrint compresses the XMP metadata stream, which
  PDF/A forbids (the metadata stream dictionary must not have a ``/Filter``), so a finisher
  writes that one stream uncompressed.
- print shop: ``pdf/x-4`` with an sRGB output intent, plus ``print-shop.css`` (bleed, crop
  marks); WeasyPrint writes the TrimBox and BleedBox from the CSS bleed. Its PDF/X metadata
  carries a random ``xmpMM:DocumentID``, which the finisher replaces with one derived from the
  document, so builds stay byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import uuid
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Any

from ..diagnostics import Diagnostics
from ..errors import HandoutError
from ..model import Lecture
from .engine import TypesetOptions

PAPERS = ("a4", "a5", "letter")
LAYOUTS = ("standard", "booklet", "2up", "large-print")
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-2b", "pdf/a-3b")
"""Variants offered by ``--pdf-variant``: the ones our output passes validation for."""
PRINT_SHOP_VARIANT = "pdf/x-4"
IMPOSED_LAYOUTS = ("booklet", "2up")
CHOICES = {"paper": PAPERS, "layout": LAYOUTS, "pdf_variant": PDF_VARIANTS}


def resolve_settings(settings, lecture: Lecture, diagnostics: Diagnostics):
    """Apply the lecture's front matter (``paper``, ``layout``, ``pdf_variant``) to the build settings.

    The command line beats the front matter, which beats the manifest and the defaults:
    a setting named in ``settings.forced`` keeps its value.
    """
    changes: dict[str, Any] = {}
    for key, choices in CHOICES.items():
        if key in settings.forced or key not in lecture.settings:
            continue
        value = lecture.settings[key]
        if value not in choices:
            diagnostics.warn(lecture.path, lecture.setting_lines.get(key), "bad-setting",
                             f"{key}: expected one of {', '.join(choices)}, got {value!r}; using {getattr(settings, key)!r}")
            continue
        changes[key] = value
    resolved = replace(settings, **changes)
    if resolved.print_shop and resolved.pdf_variant:
        raise HandoutError(f"--print-shop makes a {PRINT_SHOP_VARIANT} file; it cannot also be {resolved.pdf_variant}",
                           lecture.path)
    return resolved


def output_suffix(settings) -> str:
    """Return the file-name suffix that keeps layouts apart: ``''``, ``-booklet``, ``-print-shop``, ..."""
    parts = [] if settings.layout == "standard" else [settings.layout]
    if settings.print_shop:
        parts.append("print-shop")
    return "".join(f"-{part}" for part in parts)


def build_timestamp(lecture: Lecture, environ=os.environ) -> str | None:
    """Return the W3C date stamped into the PDF: ``SOURCE_DATE_EPOCH`` if set, else the lecture's date.

    The environment variable wins because it is the builder's explicit request (the
    reproducible-builds convention); the front-matter ``date`` keeps builds stable by default.
    """
    from ..source.limits import source_date_epoch

    epoch = source_date_epoch(environ)
    if epoch is not None:
        return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        return date.fromisoformat(str(lecture.meta.date)).isoformat() if lecture.meta.date else None
    except ValueError:
        return None


def _as_datetime(timestamp: str | None, lecture: Lecture) -> datetime:
    """Turn the build timestamp into a datetime (the source file's mtime when there is none)."""
    if timestamp is None:
        return datetime.fromtimestamp(int(lecture.path.stat().st_mtime), timezone.utc)
    if "T" not in timestamp:
        return datetime.fromisoformat(timestamp).replace(tzinfo=timezone.utc)
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00"))


def source_attachment(lecture: Lecture, timestamp: str | None):
    """Return the lecture's Markdown source as a WeasyPrint attachment with stable dates."""
    from weasyprint import Attachment

    stamp = _as_datetime(timestamp, lecture).replace(tzinfo=None)
    return Attachment(file_obj=io.BytesIO(lecture.path.read_bytes()), name=lecture.path.name,
                      description="Lecture source (Markdown)", created=stamp, modified=stamp,
                      relationship="Source")


def _metadata_stream(pdf):
    """Return the pydyf stream the catalog's ``/Metadata`` points to, or None."""
    reference = pdf.catalog.get("Metadata")
    return None if reference is None else _object(pdf, reference)


def _uncompress_metadata(pdf) -> None:
    """Write the catalog's XMP metadata stream without a filter (PDF/A forbids one)."""
    if (stream := _metadata_stream(pdf)) is not None:
        stream.compress = False


def _stable_document_id(pdf, key: str) -> None:
    """Replace WeasyPrint's random PDF/X ``xmpMM:DocumentID`` with a UUID derived from ``key``."""
    stream = _metadata_stream(pdf)
    if stream is None:
        return
    stable = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'handout:' + key)}".encode()
    stream.stream = [re.sub(rb"xmp\.did:[0-9a-fA-F-]{36}", stable, bytes(chunk) if not isinstance(chunk, str)
                            else chunk.encode()) for chunk in stream.stream]


def _object(pdf, reference):
    """Return the pydyf object a reference (``b'12 0 R'``) points to."""
    if isinstance(reference, bytes):
        reference = reference.decode("ascii")
    return pdf.objects[int(str(reference).split()[0])]


def _wrap_list_item_bodies(pdf) -> None:
    """Put block children of a list item (``<li><p>…``) inside an ``/LBody``, as PDF/UA requires.

    WeasyPrint makes an ``/LBody`` only for a list item's inline content; a paragraph or
    table inside ``<li>`` ends up as a direct child of ``/LI``, which PDF/UA-1 forbids.
    """
    import pydyf

    for element in list(pdf.objects):
        if not isinstance(element, dict) or element.get("S") != "/LI" or "K" not in element:
            continue
        kids = list(element["K"])
        misplaced = [kid for kid in kids if isinstance(kid, bytes) and _object(pdf, kid).get("S") not in ("/Lbl", "/LBody")]
        if not misplaced:
            continue
        body = pydyf.Dictionary({"Type": "/StructElem", "S": "/LBody", "K": pydyf.Array(misplaced), "P": element.reference})
        if "Pg" in element:
            body["Pg"] = element["Pg"]
        pdf.add_object(body)
        for kid in misplaced:
            _object(pdf, kid)["P"] = body.reference
        first = kids.index(misplaced[0])
        element["K"] = pydyf.Array([kid for kid in kids[:first] if kid not in misplaced] + [body.reference]
                                   + [kid for kid in kids[first:] if kid not in misplaced])


_INVALID_UNICODE = (b"<0000>", b"<feff>", b"<fffe>")


def _drop_invalid_unicode_mappings(pdf) -> None:
    """Remove ToUnicode entries that map a glyph to U+0000, U+FEFF or U+FFFE (PDF/UA forbids them).

    WeasyPrint embeds a form field's font whole, so its CMap lists DejaVu's glyph for the
    byte-order mark too; no text uses that glyph, so the entry can go.
    """
    for item in pdf.objects:
        lines = getattr(item, "stream", None)
        if not isinstance(lines, list) or b"begincmap" not in lines:
            continue
        kept, block = [], None
        for line in lines:
            if isinstance(line, bytes) and line.endswith(b"beginbfchar"):
                block = []
            elif line == b"endbfchar":
                kept += [f"{len(block)} beginbfchar".encode(), *block, line] if block else []
                block = None
            elif block is not None and isinstance(line, bytes) and line.startswith(b"<") and b"> <" in line:
                if not line.lower().endswith(_INVALID_UNICODE):
                    block.append(line)
            else:
                kept.append(line)
        item.stream[:] = kept


def make_finisher(document_key: str):
    """Return a WeasyPrint finisher that makes the metadata valid and reproducible."""

    def finish(document, pdf) -> None:
        _uncompress_metadata(pdf)
        _stable_document_id(pdf, document_key)
        _drop_invalid_unicode_mappings(pdf)
        if "StructTreeRoot" in pdf.catalog:
            _wrap_list_item_bodies(pdf)

    return finish


def typeset_options(settings, lecture: Lecture, html: str, edition: str, environ=os.environ) -> TypesetOptions:
    """Choose the WeasyPrint variant and options for one edition of a lecture."""
    timestamp = build_timestamp(lecture, environ)
    variant = PRINT_SHOP_VARIANT if settings.print_shop else settings.pdf_variant
    key = hashlib.sha256(f"{variant}\n{html}".encode()).hexdigest()
    extra: dict[str, Any] = {"finisher": make_finisher(key)}
    if variant is not None:
        extra["pdf_tags"] = True
    if settings.print_shop:
        # Without a printer's CMYK profile the honest output intent is the sRGB we paint in.
        extra["output_intent"] = "srgb"
        timestamp = timestamp or _as_datetime(None, lecture).strftime("%Y-%m-%dT%H:%M:%SZ")
    if variant == "pdf/a-3b":
        extra["attachments"] = [source_attachment(lecture, timestamp)]
    return TypesetOptions(pdf_variant=variant, pdf_forms=edition == "worksheet", extra=extra, timestamp=timestamp)


def finish_layout(pdf: bytes, settings) -> bytes:
    """Impose the typeset pages when the layout asks for it (booklet, 2-up)."""
    if settings.layout not in IMPOSED_LAYOUTS:
        return pdf
    from .impose import impose

    return impose(pdf, settings.layout, settings.paper)
