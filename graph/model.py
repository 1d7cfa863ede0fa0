"""Plain data that extraction produces and the store consumes.

Extraction (``ingest``) builds these dataclasses; the RDF adapter (``graph.rdf``) turns them
into triples. Nothing here knows about spaCy, rdflib or pyoxigraph, so every layer can be
tested with tiny hand-made values.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

Span = tuple[int, int]  # [start, end) in Unicode code points of the whole file as read

ENTITY_KINDS = ("actor", "facility", "place")


def content_id(text: str) -> str:
    """The document id of the contract: ``sha256:`` and the hex digest of the UTF-8 text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article as read: the whole text (header included) and its metadata."""

    text: str
    path: str = ""
    title: Optional[str] = None
    published: Optional[date] = None
    source: Optional[str] = None
    url: Optional[str] = None
    license: Optional[str] = None
    body_start: int = 0  # offset where the body begins, after header lines
    format: str = "txt"  # txt, md or html (the text is already plain for html)

    @property
    def id(self) -> str:
        return content_id(self.text)


@dataclass
class Entity:
    """An actor, facility or place mentioned in one document."""

    id: str
    kind: str  # one of ENTITY_KINDS
    type: str  # e.g. state, ministry, company, person; pipeline, berth; city, country
    name: str
    aliases: list[str] = field(default_factory=list)
    part_of: Optional[str] = None  # entity id
    located_in: Optional[str] = None  # entity id of a place
    operator: Optional[str] = None  # entity id of an actor
    country: Optional[str] = None  # ISO-like country name the entity belongs to, if known
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Incident:
    """One real event reported in one document, with its roles and evidence."""

    id: str
    type: str  # one of the contract's incident types
    start: Optional[date] = None
    end: Optional[date] = None
    targets: list[str] = field(default_factory=list)  # entity ids
    perpetrators: list[str] = field(default_factory=list)  # entity ids (actors)
    location: Optional[str] = None  # entity id of a place
    effects: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    date_text: Optional[str] = None  # the words the dates were read from
    deaths: Optional[int] = None  # people killed, as the text states it; None when it says nothing


@dataclass
class Claim:
    """Who said what about whom, so that attribution is never lost."""

    id: str
    speaker: Optional[str]  # entity id, or None for an unnamed source ("experts")
    cue: str  # said, believes, denied, claimed responsibility, accused ...
    span: Span
    about: list[str] = field(default_factory=list)  # entity ids
    incident: Optional[str] = None  # incident id the claim bears on
    stance: str = "asserts"  # asserts, denies, claims_responsibility, accuses
    speaker_text: Optional[str] = None  # the words naming the speaker


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def entity(self, entity_id: str) -> Optional[Entity]:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_contract(self) -> dict:
        """The JSON object of ``shared/contract/README.md``."""
        doc = self.document
        return {
            "document": {
                "id": doc.id,
                "title": doc.title,
                "published": doc.published.isoformat() if doc.published else None,
                "source": doc.source,
                "url": doc.url,
            },
            "entities": [
                {
                    "id": e.id,
                    "kind": e.kind,
                    "type": e.type,
                    "name": e.name,
                    "aliases": list(e.aliases),
                    "part_of": e.part_of,
                    "located_in": e.located_in,
                    "operator": e.operator,
                    "mentions": [list(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "incidents": [
                {
                    "id": i.id,
                    "type": i.type,
                    "start": i.start.isoformat() if i.start else None,
                    "end": i.end.isoformat() if i.end else None,
                    "targets": list(i.targets),
                    "perpetrators": list(i.perpetrators),
                    "location": i.location,
                    "effects": list(i.effects),
                    "evidence": [list(s) for s in i.evidence],
                    "confidence": round(i.confidence, 3),
                    "deaths": i.deaths,
                }
                for i in self.incidents
            ],
            "claims": [
                {
                    "id": c.id,
                    "speaker": c.speaker,
                    "about": list(c.about),
                    "cue": c.cue,
                    "stance": c.stance,
                    "incident": c.incident,
                    "span": list(c.span),
                }
                for c in self.claims
            ],
        }
