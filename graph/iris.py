"""Minting stable, readable IRIs from untrusted names.

An IRI minted here contains only ASCII letters, digits and hyphens after the fixed prefix,
so no text from an article can change its meaning (no ``#``, ``/``, ``?``, ``>`` or spaces).
Names that fold to nothing readable get a hash, and long names a hash suffix, so distinct
names cannot collide by truncation.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from .namespace import GRAPH, ID

MAX_SLUG = 60


def _digest(text: str, n: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def normalize_name(name: str) -> str:
    """Fold a name for comparison: accents dropped, lower case, punctuation and dashes to spaces."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[\u2010-\u2015\-_/]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def slug(name: str) -> str:
    """A readable ASCII slug; a hash where the name has no ASCII letters or digits."""
    folded = normalize_name(name)
    ascii_part = folded.encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_part).strip("-")
    if not s or ascii_part != folded:
        # non-ASCII letters would otherwise be dropped silently: keep names apart by a hash
        return (s[:MAX_SLUG].strip("-") + "-" if s else "x-") + _digest(folded)
    if len(s) > MAX_SLUG:
        return s[:MAX_SLUG].strip("-") + "-" + _digest(folded)
    return s


def hex_of(doc_id: str) -> str:
    """The hex digest part of a contract document id (``sha256:…``)."""
    hexpart = doc_id.split(":", 1)[-1]
    if not re.fullmatch(r"[0-9a-f]{64}", hexpart):
        raise ValueError(f"not a sha256 document id: {doc_id!r}")
    return hexpart


def entity_iri(kind: str, name: str) -> URIRef:
    if kind not in ("actor", "facility", "place"):
        raise ValueError(f"unknown entity kind: {kind!r}")
    return ID[f"{kind}/{slug(name)}"]


def document_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{hex_of(doc_id)}"]


def document_graph(doc_id: str) -> URIRef:
    return GRAPH[f"doc/{hex_of(doc_id)}"]


def local_iri(kind: str, doc_id: str, local: str) -> URIRef:
    """IRIs of things that live in one document: incidents, claims, mentions, intervals."""
    if not re.fullmatch(r"[A-Za-z0-9-]+", local):
        raise ValueError(f"unsafe local id: {local!r}")
    return ID[f"{kind}/{hex_of(doc_id)[:16]}-{local}"]
