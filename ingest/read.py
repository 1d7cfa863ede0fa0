"""Read .txt, .md and .html articles into ``graph.model.Document``.

Offsets produced later count code points of ``Document.text``; for .txt and .md that is the
whole file as read (header included), for HTML it is the extracted plain text.

Input is hostile: files larger than ``MAX_FILE_BYTES`` are refused before they are read, texts
longer than ``MAX_TEXT_CHARS`` are refused (extraction time and memory grow with length, and
spaCy raises mid-batch past 1,000,000 characters),
binary data and publication dates in the future are refused, and only regular files are read
(a FIFO would block forever).
"""
from __future__ import annotations

import os
import re
import stat
import sys
from datetime import date, timedelta
from pathlib import Path

from graph.model import Document
from ingest.errors import InputError

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
HEADER_KEYS = ("URL", "TITLE", "PUBLISHED", "SOURCE", "LICENSE")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc except \t\n\v\f\r
_HEADER = re.compile(r"^(URL|TITLE|PUBLISHED|SOURCE|LICENSE|DATE|AUTHOR)\s*:\s*(.*)$", re.IGNORECASE)

# Limits, each overridable by the environment variable INCIDENTGRAPH_<NAME>.
SETTINGS = {
    "MAX_FILE_BYTES": (5_000_000, "Largest article file read, in bytes; larger files are refused unread "
                                  "(an HTML page carries much markup around its text)."),
    "MAX_TEXT_CHARS": (200_000, "Longest article text (after HTML extraction), in characters; longer "
                                "texts are refused. Extraction costs about 0.2 s and 3 MB per 1,000 "
                                "characters, so 200,000 (a very long article) takes under a minute; "
                                "spaCy itself refuses more than 1,000,000."),
    "FUTURE_DAYS": (1, "Days a publication date may lie ahead of today (time zones); later dates are refused."),
}


def setting(name: str) -> int:
    """A limit's value: ``INCIDENTGRAPH_<NAME>`` when set, else its default."""
    raw = os.environ.get("INCIDENTGRAPH_" + name)
    return int(raw) if raw not in (None, "") else SETTINGS[name][0]


def read_path(path: Path, published: date | None = None) -> Document:
    """Read one article file; ``published`` overrides the date the file gives."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, f"unsupported extension {path.suffix or '(none)'!r}; use .txt, .md or .html")
    limit = setting("MAX_FILE_BYTES")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a folder, FIFO or device)")
        if info.st_size > limit:
            raise InputError(path, f"file too large ({info.st_size:,} bytes; the limit is {limit:,}, "
                                   f"set by INCIDENTGRAPH_MAX_FILE_BYTES)")
        with path.open("rb") as f:
            raw = f.read(limit + 1)  # the file may grow after stat
    except RuntimeError as exc:  # a symlink loop, on some Python versions
        raise InputError(path, f"cannot read file: {exc}") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if len(raw) > limit:
        raise InputError(path, f"file too large (over {limit:,} bytes, set by INCIDENTGRAPH_MAX_FILE_BYTES)")
    return read_text(decode(raw, path), str(path), fmt, published)


def decode(raw: bytes, path: object = "") -> str:
    """UTF-8 strictly; else cp1251 (Cyrillic) or cp1252/latin-1, with a warning; binary refused."""
    if not raw.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in raw:
        raise InputError(path, "file is binary (contains NUL bytes), not text")
    try:
        return _not_binary(raw.decode("utf-8-sig"), path)
    except UnicodeDecodeError:
        pass
    for enc in _legacy_encodings(raw):
        try:
            text = _not_binary(raw.decode(enc), path)
        except UnicodeDecodeError:
            continue
        print(f"warning: {path}: not UTF-8, read as {enc}", file=sys.stderr)
        return text
    raise InputError(path, "cannot decode file as UTF-8, cp1252 or latin-1")


def _legacy_encodings(raw: bytes) -> list[str]:
    """cp1251 first when it reads the high bytes as a mostly Cyrillic text, else Western."""
    try:
        letters = [c for c in raw.decode("cp1251") if c.isalpha()]
    except UnicodeDecodeError:
        letters = []
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    if letters and cyrillic * 2 > len(letters):
        return ["cp1251", "cp1252", "latin-1"]
    return ["cp1252", "latin-1"]


def _not_binary(text: str, path: object) -> str:
    """Refuse decoded text with many control characters (binary data without NUL bytes)."""
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputError(path, f"file looks binary ({controls:,} control characters), not text")
    return text


def read_text(text: str, path: str = "", fmt: str = "txt", published: date | None = None) -> Document:
    """Build a Document from text already in memory (pasted, or decoded by read_path)."""
    if fmt not in ("txt", "md", "html"):
        raise InputError(path, f"unsupported format {fmt!r}; use txt, md or html")
    if not text or not text.strip():
        raise InputError(path, "text is empty")
    if "\x00" in text:
        raise InputError(path, "text contains NUL characters (binary data?)")
    limit = setting("MAX_TEXT_CHARS")
    if fmt != "html" and len(text) > limit:
        raise InputError(path, f"text too long ({len(text):,} characters; the limit is {limit:,}, "
                               f"set by INCIDENTGRAPH_MAX_TEXT_CHARS)")
    if fmt == "html":
        doc = _read_html(text, path)
    else:
        doc = _read_plain(text, path, fmt)
    if published is not None:
        doc.published = published
    if not doc.text[doc.body_start:].strip():
        raise InputError(path, "no article text after the header")
    if len(doc.text) > limit:
        raise InputError(path, f"article text too long ({len(doc.text):,} characters; the limit is {limit:,}, "
                               f"set by INCIDENTGRAPH_MAX_TEXT_CHARS)")
    check_not_future(doc.published, path)
    return doc


def check_not_future(published: date | None, path: object = "") -> None:
    """A publication date more than ``FUTURE_DAYS`` ahead of today is surely a mistake."""
    if published is None:
        return
    latest = date.today() + timedelta(days=setting("FUTURE_DAYS"))
    if published > latest:
        raise InputError(path or "<text>", f"publication date {published.isoformat()} is in the future "
                                            f"(today is {date.today().isoformat()}); fix the PUBLISHED "
                                            f"header or give the date with --published")


def parse_published(value: str, path: object = "") -> date:
    """A PUBLISHED value: ISO date, or an ISO timestamp whose date part is used."""
    value = value.strip().strip('"').strip("'")
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?$", value)
    if not m:
        raise InputError(path, f"malformed PUBLISHED header {value!r}; expected YYYY-MM-DD")
    try:
        return date.fromisoformat(m.group(1))
    except ValueError as exc:
        raise InputError(path, f"invalid PUBLISHED date {value!r}: {exc}") from exc


def _read_plain(text: str, path: str, fmt: str) -> Document:
    doc = Document(text=text, path=path, format=fmt)
    meta: dict[str, str] = {}
    if fmt == "md" and text.startswith("---"):
        end = re.search(r"^(?:---|\.\.\.)\s*$", text[3:], re.MULTILINE)
        if end:
            block = text[3:3 + end.start()]
            for line in block.splitlines():
                m = re.match(r"^\s*([A-Za-z_]+)\s*:\s*(.*)$", line)
                if m:
                    meta[m.group(1).upper()] = m.group(2).strip()
            doc.body_start = 3 + end.end()
            if text[doc.body_start:doc.body_start + 1] == "\n":
                doc.body_start += 1
    else:
        pos = 0
        lines = text.splitlines(keepends=True)
        seen = 0
        for line in lines:
            m = _HEADER.match(line.rstrip("\r\n"))
            if not m:
                break
            meta[m.group(1).upper()] = m.group(2).strip()
            pos += len(line)
            seen += 1
        if seen:
            rest = text[pos:]
            blank = re.match(r"[ \t]*\r?\n", rest)
            if blank:
                pos += blank.end()
            doc.body_start = pos
    if "DATE" in meta and "PUBLISHED" not in meta:
        meta["PUBLISHED"] = meta["DATE"]
    if meta.get("PUBLISHED"):
        doc.published = parse_published(meta["PUBLISHED"], path or "<text>")
    doc.title = meta.get("TITLE") or None
    doc.url = meta.get("URL") or None
    doc.source = meta.get("SOURCE") or None
    doc.license = meta.get("LICENSE") or None
    if doc.title is None and fmt == "md":
        m = re.search(r"^#\s+(.+)$", text[doc.body_start:], re.MULTILINE)
        doc.title = m.group(1).strip() if m else None
    return doc


def _read_html(html: str, path: str) -> Document:
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    if result is None:
        raise InputError(path, "no article text found in the HTML page")
    get = result.get if isinstance(result, dict) else (lambda k: getattr(result, k, None))
    body = (get("text") or "").strip()
    if not body:
        raise InputError(path, "no article text found in the HTML page")
    doc = Document(text=body + "\n", path=path, format="html")
    doc.title = get("title") or None
    doc.url = get("url") or None
    doc.source = get("sitename") or get("hostname") or None
    doc.license = get("license") or None
    raw_date = get("date")
    if raw_date:
        try:
            doc.published = parse_published(str(raw_date)[:10], path)
        except InputError:
            doc.published = None
    return doc
