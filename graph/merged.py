"""The merged view: one incident per real event and one entity per real actor or facility.

Reads every document graph, resolves entities (``graph.resolve``), merges incident reports
(``graph.merge``) and writes the result into one named graph of its own, replaced
atomically. ``compute(store, as_of=D)`` gives the same view from the documents published
on or before D only: what the record said on that day.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from . import vocab
from .merge import MergedIncident, Report, merge
from .namespace import GRAPH, IG, ID
from .queries import PREFIXES
from .rdf import incident_label
from .resolve import Curation, EntityRecord, resolve
from .store import Store

MERGED_GRAPH = GRAPH["merged"]


@dataclass
class MergedView:
    canonical: dict[str, str]  # entity IRI -> canonical IRI
    labels: dict[str, str]  # canonical IRI -> label
    kinds: dict[str, str]
    parents: dict[str, set[str]]  # canonical IRI -> canonical parents
    incidents: list[MergedIncident]
    claims: dict[str, dict[str, set[str]]]  # report IRI -> stance -> speakers (canonical)

    def incident_iri(self, m: MergedIncident) -> URIRef:
        return merged_incident_iri(m.iri_seed)


def merged_incident_iri(report_iri: str) -> URIRef:
    """A merged incident is named after its founding report: /id/report/X → /id/incident/X."""
    local = str(report_iri).rsplit("/", 1)[-1]
    return ID[f"incident/{local}"]


def curation_path() -> Optional[Path]:
    value = os.environ.get("INCIDENTGRAPH_ALIASES")
    return Path(value) if value else None


def _entities(store: Store) -> list[EntityRecord]:
    rows = store.select(PREFIXES + """
SELECT ?e ?kind ?type ?name (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  ?e ig:entityKind ?kind ; rdfs:label ?name ; ig:sourceDocument ?doc .
  OPTIONAL { ?e ig:entityType ?type }
} GROUP BY ?e ?kind ?type ?name""")
    records: dict[str, EntityRecord] = {}
    for r in rows:
        rec = records.setdefault(str(r["e"]), EntityRecord(str(r["e"]), r["kind"], r.get("type"), label=r["name"]))
        rec.names.add(r["name"])
        rec.documents = max(rec.documents, int(r["docs"]))
    for r in store.select(PREFIXES + "SELECT ?e ?a WHERE { ?e ig:entityKind ?k ; ig:alias ?a }"):
        if str(r["e"]) in records:
            records[str(r["e"])].names.add(r["a"])
    return sorted(records.values(), key=lambda r: r.iri)


def _reports(store: Store, canonical: dict[str, str], as_of: Optional[date]) -> list[Report]:
    rows = store.select(PREFIXES + """
SELECT ?r ?type ?doc ?published ?earliest ?latest WHERE {
  ?r a ig:IncidentReport ; ig:incidentType ?type ; ig:sourceDocument ?doc .
  OPTIONAL { ?doc schema:datePublished ?published }
  OPTIONAL { ?r ig:when ?w . OPTIONAL { ?w ig:earliest ?earliest } OPTIONAL { ?w ig:latest ?latest } }
}""")
    reports: dict[str, Report] = {}
    for r in rows:
        published = r.get("published") if isinstance(r.get("published"), date) else None
        if as_of is not None and (published is None or published > as_of):
            continue
        reports[str(r["r"])] = Report(iri=str(r["r"]), type=r["type"], document=str(r["doc"]),
                                      start=r.get("earliest"), end=r.get("latest"), published=published)
    for r in store.select(PREFIXES + """
SELECT ?r ?role ?e WHERE {
  ?r a ig:IncidentReport .
  { ?r ig:target ?e . BIND("target" AS ?role) } UNION { ?r ig:perpetrator ?e . BIND("perpetrator" AS ?role) }
  UNION { ?r ig:location ?e . BIND("location" AS ?role) }
}"""):
        rep = reports.get(str(r["r"]))
        if rep is None:
            continue
        e = canonical.get(str(r["e"]), str(r["e"]))
        if r["role"] == "target":
            rep.targets.add(e)
        elif r["role"] == "perpetrator":
            rep.perpetrators.add(e)
        elif rep.location is None or e < rep.location:
            rep.location = e
    return sorted(reports.values(), key=lambda r: r.iri)


def _parents(store: Store, canonical: dict[str, str]) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = {}
    for r in store.select(PREFIXES + "SELECT DISTINCT ?a ?b WHERE { ?a ig:partOf ?b . ?a ig:entityKind ?k }"):
        a, b = canonical.get(str(r["a"]), str(r["a"])), canonical.get(str(r["b"]), str(r["b"]))
        if a != b:
            parents.setdefault(a, set()).add(b)
    return parents


def ancestors_of(parents: dict[str, set[str]]) -> dict[str, set[str]]:
    """Transitive part-of closure; cycles (from contradictory sources) are cut, not followed."""
    out: dict[str, set[str]] = {}
    for start in parents:
        seen: set[str] = set()
        stack = list(parents[start])
        while stack:
            p = stack.pop()
            if p in seen or p == start:
                continue
            seen.add(p)
            stack.extend(parents.get(p, ()))
        out[start] = seen
    return out


def _claims(store: Store, canonical: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    for r in store.select(PREFIXES + "SELECT ?r ?stance ?speaker WHERE { ?c ig:concerns ?r ; ig:stance ?stance ; ig:speaker ?speaker }"):
        speaker = canonical.get(str(r["speaker"]), str(r["speaker"]))
        out.setdefault(str(r["r"]), {}).setdefault(r["stance"], set()).add(speaker)
    return out


def compute(store: Store, as_of: Optional[date] = None, curation: Optional[Curation] = None) -> MergedView:
    """The merged view of the store, or of the documents published on or before ``as_of``."""
    records = _entities(store)
    canonical = resolve(records, curation if curation is not None else Curation.load(curation_path()))
    labels, kinds = {}, {}
    for rec in records:
        c = canonical[rec.iri]
        kinds[c] = rec.kind
        if rec.iri == c:
            labels[c] = rec.label or c
    parents = _parents(store, canonical)
    reports = _reports(store, canonical, as_of)
    incidents = merge(reports, ancestors_of(parents))
    incidents.sort(key=lambda m: (m.start is None, m.start or date.min, m.iri_seed))
    return MergedView(canonical, labels, kinds, parents, incidents, _claims(store, canonical))


def triples(view: MergedView, documents: int = 0) -> Iterator[tuple]:
    """The merged graph: canonical links, part-of between canonical entities, incidents."""
    yield MERGED_GRAPH, IG.sourceCount, Literal(documents)
    for member, c in sorted(view.canonical.items()):
        if member != c:
            yield URIRef(member), IG.canonical, URIRef(c)
    for child, ps in sorted(view.parents.items()):
        for p in sorted(ps):
            yield URIRef(child), IG.partOf, URIRef(p)
    for m in view.incidents:
        yield from incident_triples(view, m)


def incident_triples(view: MergedView, m: MergedIncident) -> Iterator[tuple]:
    s = view.incident_iri(m)
    local = s.rsplit("/", 1)[-1]
    yield s, RDF.type, IG.Incident
    cls = vocab.class_for("incident", m.type)
    if cls != IG.Incident:
        yield s, RDF.type, cls
    yield s, IG.incidentType, Literal(m.type)
    names = sorted(view.labels.get(t, t) for t in m.targets)
    yield s, RDFS.label, Literal(incident_label(m.type, names))
    yield s, IG.reportCount, Literal(len(m.reports))
    yield s, IG.sourceCount, Literal(len(m.documents))
    for r in m.reports:
        yield s, IG.report, URIRef(r.iri)
    for d in sorted(m.documents):
        yield s, IG.sourceDocument, URIRef(d)
    for t in sorted(m.targets):
        yield s, IG.target, URIRef(t)
    for p in sorted(m.perpetrators):
        yield s, IG.perpetrator, URIRef(p)
    if m.location:
        yield s, IG.location, URIRef(m.location)
    for r in m.reports:
        for stance, prop in (("claims_responsibility", IG.claimedBy), ("accuses", IG.accusedBy)):
            for speaker in sorted(view.claims.get(r.iri, {}).get(stance, ())):
                yield s, prop, URIRef(speaker)
    if m.start or m.end:
        w = ID[f"interval/{local}-merged"]
        yield s, IG.when, w
        yield w, RDF.type, IG.Interval
        if m.start:
            yield w, IG.earliest, Literal(m.start, datatype=XSD.date)
        if m.end:
            yield w, IG.latest, Literal(m.end, datatype=XSD.date)
    for conflict in m.conflicts:
        c = ID[f"conflict/{local}-{conflict.property}"]
        yield s, IG.conflict, c
        yield c, RDF.type, IG.Conflict
        yield c, IG.conflictProperty, Literal(conflict.property)
        for n, (value, reports) in enumerate(sorted(conflict.values.items())):
            v = ID[f"value/{local}-{conflict.property}-{n}"]
            yield c, IG.reportedValue, v
            yield v, RDF.type, IG.ReportedValue
            yield v, IG.value, Literal(_readable(view, conflict.property, value))
            for r in reports:
                yield v, IG.report, URIRef(r)


def _readable(view: MergedView, prop: str, value: str) -> str:
    if prop == "perpetrator" and value != "none named":
        return ", ".join(view.labels.get(v, v) for v in value.split(", "))
    return value


def document_count(store: Store) -> int:
    rows = store.select(PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ig:Document }")
    return int(rows[0]["n"]) if rows else 0


def is_stale(store: Store) -> bool:
    """True when documents were stored (or removed) since the merged graph was last built,
    for instance when an ingest was killed between its last document and the merge."""
    rows = store.select(PREFIXES + "SELECT ?n WHERE { ?g ig:sourceCount ?n }", {"g": MERGED_GRAPH})
    merged = int(rows[0]["n"]) if rows else -1
    return merged != document_count(store)


def rebuild(store: Store, curation: Optional[Curation] = None) -> MergedView:
    """Recompute the merged graph and replace it in one atomic update."""
    documents = document_count(store)
    view = compute(store, curation=curation)
    store.replace_graph(MERGED_GRAPH, list(dict.fromkeys(triples(view, documents))))
    return view

