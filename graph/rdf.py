"""Turn one document's Extraction into the triples of its named graph.

The only module that maps the plain dataclasses of ``graph.model`` to RDF. Entities get
document-independent IRIs (kind and normalized name), so the same actor named in two
articles is one node; incident reports, claims and mentions live in their document.
Merged incidents are made from the reports by ``graph.merged``.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterator

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV, SDO

from . import iris, vocab
from .model import Entity, Extraction, Span
from .namespace import IG

Triple = tuple[URIRef, URIRef, object]

EXTRACTOR_VERSION = "0.1"


def incident_label(type_code: str, target_names: list[str]) -> str:
    """A readable title such as 'Drone strike on Berth No. 2'."""
    kind = vocab.label(vocab.class_for("incident", type_code))
    return f"{kind} on {', '.join(target_names)}" if target_names else kind


class DocumentTriples:
    """Builds the triples of one document graph; ``entity_iris`` maps local ids to IRIs."""

    def __init__(self, extraction: Extraction, ingested_at: datetime | None = None):
        self.x = extraction
        self.doc = extraction.document
        self.doc_id = self.doc.id
        self.doc_iri = iris.document_iri(self.doc_id)
        self.graph_iri = iris.document_graph(self.doc_id)
        self.ingested_at = ingested_at or datetime.now(timezone.utc)
        self.entity_iris = {e.id: iris.entity_iri(e.kind, e.name) for e in extraction.entities}

    def __iter__(self) -> Iterator[Triple]:
        yield from self.document()
        for e in self.x.entities:
            yield from self.entity(e)
        for i in self.x.incidents:
            yield from self.incident(i)
        for c in self.x.claims:
            yield from self.claim(c)

    def mention(self, subject: URIRef, span: Span, prop: URIRef = IG.mention) -> Iterator[Triple]:
        start, end = int(span[0]), int(span[1])
        m = iris.local_iri("mention", self.doc_id, f"{start}-{end}")
        yield subject, prop, m
        yield m, RDF.type, IG.Mention
        yield m, IG.inDocument, self.doc_iri
        yield m, IG.start, Literal(start)
        yield m, IG.end, Literal(end)
        yield m, IG.quote, Literal(self.doc.text[start:end])

    def document(self) -> Iterator[Triple]:
        d, doc = self.doc_iri, self.doc
        yield d, RDF.type, IG.Document
        yield d, RDF.type, SDO.NewsArticle
        yield d, IG.graph, self.graph_iri
        yield d, IG.contentHash, Literal(self.doc_id)
        yield d, IG.text, Literal(doc.text)
        yield d, IG.extractorVersion, Literal(EXTRACTOR_VERSION)
        yield d, PROV.generatedAtTime, Literal(self.ingested_at.replace(microsecond=0), datatype=XSD.dateTime)
        yield d, RDFS.label, Literal(doc.title or doc.path or self.doc_id)
        if doc.title:
            yield d, SDO.headline, Literal(doc.title)
        if doc.published:
            yield d, SDO.datePublished, Literal(doc.published, datatype=XSD.date)
        if doc.path:
            yield d, IG.path, Literal(doc.path)
        if doc.source:
            yield d, IG.sourceName, Literal(doc.source)
        if doc.url and doc.url.startswith(("http://", "https://")):
            # kept as a literal: an IRI from a document is never dereferenced nor trusted as a node
            yield d, SDO.url, Literal(doc.url)
        if doc.license:
            yield d, SDO.license, Literal(doc.license)

    def entity(self, e: Entity) -> Iterator[Triple]:
        s = self.entity_iris[e.id]
        yield s, RDF.type, vocab.class_for(e.kind, e.type)
        yield s, RDFS.label, Literal(e.name)
        yield s, IG.entityKind, Literal(e.kind)
        if e.type:
            yield s, IG.entityType, Literal(e.type)
        for alias in e.aliases:
            if alias and alias != e.name:
                yield s, IG.alias, Literal(alias)
        for prop, ref in ((IG.partOf, e.part_of), (IG.locatedIn, e.located_in), (IG.operator, e.operator)):
            if ref and ref in self.entity_iris and self.entity_iris[ref] != s:
                yield s, prop, self.entity_iris[ref]
        yield s, IG.sourceDocument, self.doc_iri
        for span in e.mentions:
            yield from self.mention(s, span)

    def incident(self, i) -> Iterator[Triple]:
        s = iris.local_iri("report", self.doc_id, i.id)
        yield s, RDF.type, IG.IncidentReport
        yield s, IG.incidentType, Literal(i.type)
        names = [self.x.entity(t).name for t in i.targets if self.x.entity(t)]
        yield s, RDFS.label, Literal(incident_label(i.type, names))
        yield s, IG.sourceDocument, self.doc_iri
        yield s, IG.confidence, Literal(round(float(i.confidence), 3), datatype=XSD.decimal)
        for t in i.targets:
            if t in self.entity_iris:
                yield s, IG.target, self.entity_iris[t]
        for p in i.perpetrators:
            if p in self.entity_iris:
                yield s, IG.perpetrator, self.entity_iris[p]
        if i.location and i.location in self.entity_iris:
            yield s, IG.location, self.entity_iris[i.location]
        if i.start or i.end:
            w = iris.local_iri("interval", self.doc_id, i.id)
            yield s, IG.when, w
            yield w, RDF.type, IG.Interval
            if i.start:
                yield w, IG.earliest, Literal(i.start, datatype=XSD.date)
            if i.end:
                yield w, IG.latest, Literal(i.end, datatype=XSD.date)
        for effect in i.effects:
            yield s, IG.effect, Literal(effect)
        if i.deaths is not None:
            yield s, IG.deaths, Literal(int(i.deaths))
        for span in i.evidence:
            yield from self.mention(s, span, IG.evidence)

    def claim(self, c) -> Iterator[Triple]:
        s = iris.local_iri("claim", self.doc_id, c.id)
        yield s, RDF.type, IG.Claim
        yield s, IG.cue, Literal(c.cue)
        yield s, IG.stance, Literal(c.stance)
        yield s, IG.sourceDocument, self.doc_iri
        if c.speaker and c.speaker in self.entity_iris:
            yield s, IG.speaker, self.entity_iris[c.speaker]
        if c.speaker_text:
            yield s, IG.speakerText, Literal(c.speaker_text)
        for a in c.about:
            if a in self.entity_iris:
                yield s, IG.about, self.entity_iris[a]
        if c.incident:
            yield s, IG.concerns, iris.local_iri("report", self.doc_id, c.incident)
        yield from self.mention(s, c.span)
        yield s, RDFS.label, Literal(self.doc.text[c.span[0]:c.span[1]][:200])


def document_triples(extraction: Extraction, ingested_at: datetime | None = None) -> tuple[URIRef, list[Triple]]:
    """The named graph IRI of a document and the triples it holds."""
    built = DocumentTriples(extraction, ingested_at)
    return built.graph_iri, list(dict.fromkeys(built))
