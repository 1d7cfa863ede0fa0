"""Map graph IRIs to site paths and back.

Only IRIs minted under ``…/id/`` have pages. A path segment must match ``[A-Za-z0-9-]+``
(what ``graph.iris`` mints), so nothing from a URL can change the IRI's meaning; anything
else is a 404.
"""
from __future__ import annotations

import re
from typing import Optional

from flask import abort
from rdflib import URIRef

from graph.namespace import ID

ID_PREFIX = str(ID)
ENTITY_KINDS = ("actor", "facility", "place")
_SEGMENT = re.compile(r"[A-Za-z0-9-]+")


def _valid(segment: str) -> bool:
    return bool(_SEGMENT.fullmatch(segment or ""))


def href(iri: object) -> Optional[str]:
    """The site path of an IRI's page, or None when it has none."""
    text = str(iri or "")
    if not text.startswith(ID_PREFIX):
        return None
    kind, _, key = text[len(ID_PREFIX):].partition("/")
    if not _valid(key):
        return None
    if kind in ENTITY_KINDS:
        return f"/entity/{kind}/{key}"
    if kind == "incident":
        return f"/incident/{key}"
    if kind == "doc":
        return f"/document/{key}"
    return None


def _strip_iri(key: str, kind: str) -> str:
    """Accept a full IRI in place of a key (``/incident/https://…/id/incident/x``)."""
    for prefix in (ID_PREFIX, ID_PREFIX.replace("://", ":/", 1)):  # routing may fold '//'
        if key.startswith(prefix + kind + "/"):
            return key[len(prefix) + len(kind) + 1:]
    return key


def entity_iri(key: str) -> URIRef:
    """``actor/ukraine`` (or the full IRI) → the entity IRI; 404 when malformed."""
    if key.startswith("http"):
        for kind in ENTITY_KINDS:
            stripped = _strip_iri(key, kind)
            if stripped != key:
                key = f"{kind}/{stripped}"
                break
    kind, _, slug = key.partition("/")
    if kind not in ENTITY_KINDS or not _valid(slug):
        abort(404, description="No such entity: an entity path looks like /entity/actor/ukraine.")
    return ID[f"{kind}/{slug}"]


def incident_iri(key: str) -> URIRef:
    key = _strip_iri(key, "incident")
    if not _valid(key):
        abort(404, description="No such incident: an incident path looks like /incident/<hex16>-i1.")
    return ID[f"incident/{key}"]


def document_iri(key: str) -> URIRef:
    key = _strip_iri(key, "doc")
    if not re.fullmatch(r"[0-9a-f]{64}", key):
        abort(404, description="No such document: a document path is /document/ and 64 hex digits.")
    return ID[f"doc/{key}"]


def short_key(iri: object) -> str:
    """The part after ``…/id/<kind>/``, used for compact URL filters (``?actor=ukraine``)."""
    text = str(iri or "")
    return text.rsplit("/", 1)[-1] if text.startswith(ID_PREFIX) else text
