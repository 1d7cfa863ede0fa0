"""Template helpers: links to pages, dates and intervals as people read them."""
from __future__ import annotations

from datetime import date
from typing import Optional
from urllib.parse import urlencode

from flask import Flask, request

from . import paths

KIND_LABELS = {"actor": "Actor", "facility": "Facility", "place": "Place", "incident": "Incident",
               "claim": "Claim"}


def fmt_date(d: Optional[date]) -> str:
    return f"{d.day} {d:%b %Y}" if d else ""


def fmt_interval(start: Optional[date], end: Optional[date]) -> str:
    """A certain date as one day; an uncertain one as 'start – end'; open ends said in words."""
    if start and end:
        if start == end:
            return fmt_date(start)
        return f"{fmt_date(start)} – {fmt_date(end)}"
    if start:
        return f"on or after {fmt_date(start)}"
    if end:
        return f"on or before {fmt_date(end)}"
    return "date unknown"


def humanize(code: Optional[str]) -> str:
    """'drone_strike' → 'Drone strike'."""
    text = (code or "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def href(iri: object) -> Optional[str]:
    """The page of an IRI, with the app's script root, or None."""
    path = paths.href(iri)
    return (request.script_root + path) if path else None


def modify_query(**changes) -> str:
    """This URL with some query parameters changed (None removes one); paging resets."""
    args = request.args.to_dict(flat=False)
    args.pop("page", None)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = [value]
    query = urlencode(args, doseq=True)
    return request.script_root + request.path + (f"?{query}" if query else "")


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(date=fmt_date, humanize=humanize)
    app.jinja_env.globals.update(href=href, interval=fmt_interval, kind_labels=KIND_LABELS,
                                 modify_query=modify_query, short_key=paths.short_key)
