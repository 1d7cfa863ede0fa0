"""Read the timeline's URL parameters into a ``TimelineFilter``, refusing malformed values.

Entities are given by their short key (``?facility=cpc-terminal``, ``?actor=ukraine``,
``?document=<hex64>``) or by full IRI, so links stay short and shareable.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Mapping, Optional

from flask import abort
from rdflib import URIRef

from graph import vocab
from graph.namespace import ID
from graph.queries import TimelineFilter

from .paths import ID_PREFIX

_KEY = re.compile(r"[A-Za-z0-9-]+")
_KINDS = {"facility": "facility", "actor": "actor", "document": "doc", "place": "place"}


def _date(name: str, value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        abort(400, description=f"{name}={value!r} is not a date; write it as YYYY-MM-DD.")


def date_arg(name: str, value: Optional[str]) -> Optional[date]:
    """A YYYY-MM-DD URL parameter as a date; 400 with a hint when malformed."""
    return _date(name, value)


def _iri(name: str, value: Optional[str]) -> Optional[URIRef]:
    if not value:
        return None
    kind = _KINDS[name]
    key = value[len(ID_PREFIX) + len(kind) + 1:] if value.startswith(f"{ID_PREFIX}{kind}/") else value
    if not _KEY.fullmatch(key):
        abort(400, description=f"{name}={value!r} is not a {name} key; use the last part of its page's "
                               f"address, e.g. {name}=example-key.")
    return ID[f"{kind}/{key}"]


def timeline_filter(args: Mapping[str, str], page_size: int) -> tuple[TimelineFilter, int]:
    """The filter and the 1-based page number the URL asks for."""
    kind = args.get("type") or None
    if kind and kind not in vocab.incident_types():
        abort(400, description=f"type={kind!r} is not an incident type; use one of "
                               f"{', '.join(vocab.incident_types())}.")
    try:
        page = int(args.get("page", "1"))
    except ValueError:
        page = 0
    if page < 1:
        abort(400, description="page must be a whole number from 1.")
    since, until = _date("since", args.get("since")), _date("until", args.get("until"))
    if since and until and since > until:
        abort(400, description=f"since ({since}) is after until ({until}); swap them.")
    f = TimelineFilter(type=kind, since=since, until=until, as_of=_date("as_of", args.get("as_of")),
                       facility=_iri("facility", args.get("facility")),
                       actor=_iri("actor", args.get("actor")),
                       document=_iri("document", args.get("document")),
                       limit=page_size + 1, offset=(page - 1) * page_size)
    return f, page


def place_filter(args: Mapping[str, str]) -> Optional[URIRef]:
    """The place the URL asks for (``?place=novorossiysk``), or None."""
    return _iri("place", args.get("place"))


def grouping(args: Mapping[str, str], allowed) -> Optional[str]:
    """How the URL asks to group the timeline (``?group=facility``), or None."""
    by = args.get("group") or None
    if by and by not in allowed:
        abort(400, description=f"group={by!r} is not a grouping; use one of {', '.join(allowed)}.")
    return by
