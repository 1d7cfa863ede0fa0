"""The merged view: one incident per real event and one entity per real actor or facility.

Reads every document graph, resolves entities (``graph.resolve``), merges incident reports
(``graph.merge``) and writes the result into one named graph of its own: as one atomic
update when little changed, in chunks behind a completion marker when much did (``write``).
``compute(store, as_of=D)`` gives the same view from the documents published on or before D
only: what the record said on that day.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from . import vocab
from .merge import MergedIncident, Report, merge
from .namespace import IG, ID, MERGED_GRAPH
from .queries import PREFIXES
from .rdf import incident_label
from .resolve import Curation, EntityRecord, resolve
from .store import Store


@dataclass
class MergedView:
    canonical: dict[str, str]  # entity IRI -> canonical IRI
    labels: dict[str, str]  # canonical IRI -> label
    kinds: dict[str, str]
    parents: dict[str, set[str]]  # canonical IRI -> canonical parents
    incidents: list[MergedIncident]
    claims: dict[str, dict[str, set[str]]]  # report IRI -> stance -> speakers (canonical)
    records: list[EntityRecord]
    titles: dict[str, set[str]] = field(default_factory=dict)  # document IRI -> its titles

    def incident_iri(self, m: MergedIncident) -> URIRef:
        return merged_incident_iri(m.iri_seed)


def merged_incident_iri(report_iri: str) -> URIRef:
    """A merged incident is named after its founding report: /id/report/X → /id/incident/X."""
    local = str(report_iri).rsplit("/", 1)[-1]
    return ID[f"incident/{local}"]


def curation_path() -> Optional[Path]:
    value = os.environ.get("INCIDENTGRAPH_ALIASES")
    return Path(value) if value else None


# Entity descriptions repeat in every document graph that mentions the entity; reading them
# graph by graph (GRAPH ?g) keeps each row single, where the union default graph would
# multiply the rows of a much-mentioned entity.
IN_DOCUMENTS = f"FILTER(?g != <{MERGED_GRAPH}>)"


def _entities(store: Store) -> list[EntityRecord]:
    rows = store.iter_select(PREFIXES + f"""
SELECT ?e ?kind ?type ?name ?doc WHERE {{
  GRAPH ?g {{ ?e ig:entityKind ?kind ; rdfs:label ?name ; ig:sourceDocument ?doc .
             OPTIONAL {{ ?e ig:entityType ?type }} }}
  {IN_DOCUMENTS}
}}""")
    records: dict[str, EntityRecord] = {}
    for r in rows:
        rec = records.setdefault(str(r["e"]), EntityRecord(str(r["e"]), r["kind"], r.get("type"), label=r["name"]))
        rec.names.add(r["name"])
        rec.docs.add(sys.intern(str(r["doc"])))
        if r.get("type"):
            rec.types[r["type"]] = rec.types.get(r["type"], 0) + 1
    for r in store.iter_select(PREFIXES + f"SELECT ?e ?a WHERE {{ GRAPH ?g {{ ?e ig:alias ?a }} {IN_DOCUMENTS} }}"):
        if str(r["e"]) in records:
            records[str(r["e"])].names.add(r["a"])
    for r in store.iter_select(PREFIXES + f"""
SELECT ?e ?prop ?x WHERE {{
  GRAPH ?g {{ {{ ?e ig:locatedIn ?x BIND("located_in" AS ?prop) }} UNION {{ ?e ig:operator ?x BIND("operator" AS ?prop) }} }}
  {IN_DOCUMENTS}
}}"""):
        if str(r["e"]) in records:
            records[str(r["e"])].links.setdefault(r["prop"], set()).add(str(r["x"]))
    for rec in records.values():
        rec.documents = len(rec.docs)
        if rec.types:
            rec.type = max(rec.types, key=lambda t: (rec.types[t], t))
    return sorted(records.values(), key=lambda r: r.iri)


def _reports(store: Store, canonical: dict[str, str], as_of: Optional[date]) -> list[Report]:
    rows = store.iter_select(PREFIXES + """
SELECT ?r ?type ?doc ?published ?earliest ?latest ?deaths WHERE {
  ?r a ig:IncidentReport ; ig:incidentType ?type ; ig:sourceDocument ?doc .
  OPTIONAL { ?doc schema:datePublished ?published }
  OPTIONAL { ?r ig:deaths ?deaths }
  OPTIONAL { ?r ig:when ?w . OPTIONAL { ?w ig:earliest ?earliest } OPTIONAL { ?w ig:latest ?latest } }
}""")
    reports: dict[str, Report] = {}
    for r in rows:
        published = r.get("published") if isinstance(r.get("published"), date) else None
        if as_of is not None and (published is None or published > as_of):
            continue
        reports[str(r["r"])] = Report(iri=str(r["r"]), type=r["type"], document=sys.intern(str(r["doc"])),
                                      start=r.get("earliest"), end=r.get("latest"), published=published,
                                      deaths=int(r["deaths"]) if r.get("deaths") is not None else None)
    for r in store.iter_select(PREFIXES + """
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
    for r in store.iter_select(PREFIXES + f"SELECT DISTINCT ?a ?b WHERE {{ GRAPH ?g {{ ?a ig:partOf ?b }} {IN_DOCUMENTS} }}"):
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
    for r in store.iter_select(PREFIXES + "SELECT ?r ?stance ?speaker WHERE { ?c ig:concerns ?r ; ig:stance ?stance ; ig:speaker ?speaker }"):
        speaker = canonical.get(str(r["speaker"]), str(r["speaker"]))
        out.setdefault(str(r["r"]), {}).setdefault(r["stance"], set()).add(speaker)
    return out


def _titles(store: Store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in store.iter_select(PREFIXES + "SELECT ?d ?t WHERE { ?d a ig:Document ; rdfs:label ?t }"):
        out.setdefault(str(r["d"]), set()).add(str(r["t"]))
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
    return MergedView(canonical, labels, kinds, parents, incidents, _claims(store, canonical), records,
                      _titles(store))


def triples(view: MergedView, documents: int = 0) -> Iterator[tuple]:
    """The merged graph: canonical links, part-of between canonical entities, incidents, and
    the summaries computed from them (``summary_triples``)."""
    yield from _base_triples(view, documents)
    yield from summary_triples(view_facts(view), view.titles)


def _base_triples(view: MergedView, documents: int) -> Iterator[tuple]:
    yield MERGED_GRAPH, IG.sourceCount, Literal(documents)
    for member, c in sorted(view.canonical.items()):
        if member != c:
            yield URIRef(member), IG.canonical, URIRef(c)
    yield from entity_triples(view)
    for m in view.incidents:
        yield from incident_triples(view, m)


def entity_triples(view: MergedView) -> Iterator[tuple]:
    """One description per canonical entity, gathered from all its members' documents."""
    groups: dict[str, list[EntityRecord]] = {}
    for rec in view.records:
        groups.setdefault(view.canonical[rec.iri], []).append(rec)
    for c, members in sorted(groups.items()):
        head = next(r for r in members if r.iri == c)
        s = URIRef(c)
        types: dict[str, int] = {}
        for r in members:
            for t, n in r.types.items():
                types[t] = types.get(t, 0) + n
        type_code = max(types, key=lambda t: (types[t], t)) if types else head.type
        yield s, RDF.type, vocab.class_for(head.kind, type_code)
        yield s, RDFS.label, Literal(view.labels[c])
        yield s, IG.entityKind, Literal(head.kind)
        if type_code:
            yield s, IG.entityType, Literal(type_code)
        for name in sorted(set().union(*(r.names for r in members)) - {view.labels[c]}):
            yield s, IG.alias, Literal(name)
        for d in sorted(set().union(*(r.docs for r in members))):
            yield s, IG.sourceDocument, URIRef(d)
        for p in sorted(view.parents.get(c, ())):
            yield s, IG.partOf, URIRef(p)
        for prop, pred in (("located_in", IG.locatedIn), ("operator", IG.operator)):
            targets = {view.canonical.get(x, x) for r in members for x in r.links.get(prop, ())}
            for x in sorted(targets - {c}):
                yield s, pred, URIRef(x)


def incident_triples(view: MergedView, m: MergedIncident) -> Iterator[tuple]:
    """A merged incident. Besides its interval (``ig:when``), it carries convenience copies
    of what the example queries filter, sort and count on, so that each is one triple away:
    its first and last possible day (``ig:earliestDate``, ``ig:latestDate``) and the year of
    the first (``ig:earliestYear``), its type code (``ig:incidentType``) and number of source
    documents (``ig:sourceCount``). Its sort key and its sources' titles come from
    ``summary_triples``."""
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
    if m.deaths is not None:
        yield s, IG.deaths, Literal(m.deaths)
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
            yield s, IG.earliestDate, Literal(m.start, datatype=XSD.date)
            yield s, IG.earliestYear, Literal(m.start.year)
        if m.end:
            yield w, IG.latest, Literal(m.end, datatype=XSD.date)
            yield s, IG.latestDate, Literal(m.end, datatype=XSD.date)
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


# The day part of ig:dateSortKey and the count part of ig:attackSortKey are multiplied by
# this; the rest is a rank among the incidents of one day or the facilities of one count.
KEY_SLOTS = 1_000_000


@dataclass
class IncidentFacts:
    """What the summaries of the merged graph are computed from, for one merged incident:
    the values of its ig:incidentType, ig:earliestDate, ig:sourceCount, ig:sourceDocument and
    ig:target triples."""

    iri: URIRef
    type: Optional[str]
    earliest: Optional[date]
    sources: Optional[int]
    documents: frozenset
    targets: frozenset


def view_facts(view: MergedView) -> list[IncidentFacts]:
    """The facts of the incidents of a view, as ``incident_triples`` writes them."""
    return [IncidentFacts(view.incident_iri(m), m.type, m.start, len(m.documents), frozenset(m.documents),
                          frozenset(URIRef(t) for t in m.targets)) for m in view.incidents]


def graph_facts(graph: Iterable[tuple]) -> list[IncidentFacts]:
    """The facts of the incidents (the subjects typed ig:Incident) of a merged graph given as
    triples, e.g. one made by hand for a test."""
    wanted = {str(IG.incidentType): "type", str(IG.earliestDate): "earliest", str(IG.sourceCount): "sources",
              str(IG.sourceDocument): "documents", str(IG.target): "targets"}
    incidents, facts = set(), {}
    for s, p, o in graph:
        if str(p) == str(RDF.type) and str(o) == str(IG.Incident):
            incidents.add(s)
        elif str(p) in wanted:
            facts.setdefault(s, {}).setdefault(wanted[str(p)], []).append(o)
    out = []
    for i in sorted(incidents, key=str):
        f = facts.get(i, {})
        one = lambda k: f[k][0] if f.get(k) else None  # noqa: E731
        out.append(IncidentFacts(i, str(one("type")) if one("type") is not None else None,
                                 date.fromisoformat(str(one("earliest"))) if one("earliest") is not None else None,
                                 int(one("sources")) if one("sources") is not None else None,
                                 frozenset(str(d) for d in f.get("documents", ())),
                                 frozenset(f.get("targets", ()))))
    return out


def summary_triples(incidents: Iterable[IncidentFacts], titles: Mapping[str, Iterable[str]]) -> Iterator[tuple]:
    """The summaries of a merged graph, computed from its incidents (``view_facts`` or
    ``graph_facts``) and the titles of the documents (document IRI -> titles), so that the
    example queries sort, count and list with single reads instead of a look-up per incident
    (see the ontology for each term; ``ontologies/shapes.ttl`` checks them):

    - on every merged incident, ``ig:dateSortKey`` (newest first, ties by IRI, as integers)
      and ``ig:sourceTitles`` (its documents' titles, sorted, joined by " | ");
    - on every facility that is the direct target of an attack (a merged incident whose type
      code is ig:Attack's or below it), ``ig:attackCount``, ``ig:firstAttack`` and
      ``ig:lastAttack`` (over the attacks' ``ig:earliestDate``), and ``ig:attackSortKey``;
    - for every month and type code with incidents, an ``ig:MonthlyCount`` node;
    - for every number of sources some incident has, an ``ig:SourceCountTally`` node: how
      many incidents have at least that many.

    They are derived, never edited: ``rebuild`` rewrites them with the rest of the graph.
    """
    ordered = sorted(incidents, key=lambda f: str(f.iri))
    keys = date_sort_keys({f.iri: f.earliest for f in ordered})
    attacks: dict = {}  # facility -> first possible days of its attacks (None: undated)
    months: dict = {}  # (yyyy-mm, type code) -> number of incidents
    reach: dict = {}  # number of sources -> incidents with exactly that many
    attack_codes = vocab.attack_codes()
    for f in ordered:
        yield f.iri, IG.dateSortKey, Literal(keys[f.iri])
        names = sorted({t for d in f.documents for t in titles.get(d, ())})
        if names:
            yield f.iri, IG.sourceTitles, Literal(" | ".join(names))
        if f.type in attack_codes:
            for target in f.targets:
                attacks.setdefault(target, []).append(f.earliest)
        if f.earliest is not None and f.type is not None:
            month = (f.earliest.isoformat()[:7], f.type)
            months[month] = months.get(month, 0) + 1
        if f.sources is not None:
            reach[f.sources] = reach.get(f.sources, 0) + 1
    by_count: dict = {}
    for target, days in attacks.items():
        by_count.setdefault(len(days), []).append(target)
    for count, facilities in sorted(by_count.items()):
        _check_slots(len(facilities), "facilities attacked as often")
        for rank, target in enumerate(sorted(facilities, key=str, reverse=True)):
            days = [d for d in attacks[target] if d is not None]
            yield target, IG.attackCount, Literal(count)
            if days:
                yield target, IG.firstAttack, Literal(min(days), datatype=XSD.date)
                yield target, IG.lastAttack, Literal(max(days), datatype=XSD.date)
            yield target, IG.attackSortKey, Literal(count * KEY_SLOTS + rank)
    for (month, code), n in sorted(months.items()):
        node = ID[f"count/{month}/{quote(code, safe='')}"]
        yield node, RDF.type, IG.MonthlyCount
        yield node, IG.month, Literal(month, datatype=XSD.gYearMonth)
        yield node, IG.countedType, Literal(code)
        yield node, IG.incidentCount, Literal(n)
    at_least = 0
    for n in sorted(reach, reverse=True):
        at_least += reach[n]
        node = ID[f"count/sources/{n}"]
        yield node, RDF.type, IG.SourceCountTally
        yield node, IG.minimumSources, Literal(n)
        yield node, IG.incidentCount, Literal(at_least)


def date_sort_keys(earliest: Mapping) -> dict:
    """ig:dateSortKey of each incident (IRI -> first possible day or None): the day as
    yyyymmdd times KEY_SLOTS plus the incident's rank among those of its day in reverse IRI
    order; undated incidents -1, -2 … in IRI order. ORDER BY DESC(key) is then ORDER BY
    DESC(earliest) incident, with the undated last."""
    days: dict = {}
    for iri, day in earliest.items():
        days.setdefault(day, []).append(iri)
    keys = {}
    for day, iris in days.items():
        if day is None:
            for n, iri in enumerate(sorted(iris, key=str)):
                keys[iri] = -(n + 1)
            continue
        _check_slots(len(iris), f"incidents on {day}")
        base = (day.year * 10_000 + day.month * 100 + day.day) * KEY_SLOTS
        for n, iri in enumerate(sorted(iris, key=str, reverse=True)):
            keys[iri] = base + n
    return keys


def _check_slots(n: int, what: str) -> None:
    if n >= KEY_SLOTS:
        raise ValueError(f"{n:,} {what}: a sort key has room for {KEY_SLOTS - 1:,}")


def _readable(view: MergedView, prop: str, value: str) -> str:
    if prop == "perpetrator" and value != "none named":
        return ", ".join(view.labels.get(v, v) for v in value.split(", "))
    return value


def document_count(store: Store) -> int:
    rows = store.select(PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ig:Document }")
    return int(rows[0]["n"]) if rows else 0


def is_stale(store: Store) -> bool:
    """True when documents were stored (or removed) since the merged graph was last built,
    for instance when an ingest was killed between its last document and the merge, or when
    it was built by a version that wrote no summaries (``summary_triples``)."""
    rows = store.select(PREFIXES + "SELECT ?n WHERE { ?g ig:sourceCount ?n }", {"g": MERGED_GRAPH})
    merged = int(rows[0]["n"]) if rows else -1
    if merged != document_count(store):
        return True
    return (store.ask(PREFIXES + "ASK { GRAPH ?g { ?i a ig:Incident } }", {"g": MERGED_GRAPH})
            and not store.ask(PREFIXES + "ASK { GRAPH ?g { ?i ig:dateSortKey ?key } }", {"g": MERGED_GRAPH}))


def rebuild(store: Store, curation: Optional[Curation] = None) -> MergedView:
    """Recompute the merged graph and replace it (see ``write`` for how atomically)."""
    documents = document_count(store)
    view = compute(store, curation=curation)
    write(store, triples(view, documents))
    return view


def _nt(term) -> str:
    """A term in N-Triples as Oxigraph writes it (strings without a datatype, escapes)."""
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return f"<{term}>"


# Triples per update when the merged graph changes a lot (a first build, a new version's
# graph): a bounded transaction and a bounded string, whatever the archive's size.
CHUNK = 50_000
# The triple that says the merged graph is complete (``is_stale`` reads it).
MARKER = (MERGED_GRAPH, IG.sourceCount)


def write(store: Store, new: Iterable[tuple]) -> None:
    """Make the merged graph hold exactly the triples of ``new`` (an iterable, read once).

    A store only this process can write (the embedded store: its folder is locked; it has
    ``graph_lines``) gets the difference, so after an ingest of a few documents a few
    hundred triples are written instead of the whole graph: writing is the slow part of a
    store, reading the graph back is cheap. The comparison streams: the old graph's lines
    are kept only as 64-bit hashes in one sorted array, the new triples are read once in
    batches, and the lines that went are found by reading the old graph a second time, so
    memory stays near 9 bytes per triple of the graph however large the archive. (Two
    different lines with one hash, about one chance in 10^12 for a graph of a few million
    triples, would leave a stale triple in place of a new one until the next rebuild.)

    A difference of up to ``CHUNK`` triples is one update, atomic. A larger one (a first
    build) is written in chunks: the completion marker (``ig:sourceCount``) is deleted in
    the first and written in the last, so a process killed in between leaves a graph that
    ``is_stale`` reports and the next ingest rebuilds, never one that looks complete.

    A store others may write at the same time (a SPARQL server) gets the whole graph
    replaced by ``replace_graph`` (``RemoteStore.replace_graph`` stages a large graph and
    says what readers see meanwhile). Either way concurrent rebuilds never mix: the last one
    wins whole.
    """
    lines_of = getattr(store, "graph_lines", None)
    if lines_of is None:
        store.replace_graph(MERGED_GRAPH, list(new))
        return
    import numpy as np  # installed with spaCy; only the embedded path needs it

    old = np.fromiter((hash(line) for line in lines_of(MERGED_GRAPH)), dtype=np.int64)
    old.sort()
    seen = np.zeros(len(old), dtype=bool)
    writer = _ChunkedWriter(store)
    batch: list[tuple] = []

    def check(batch: list[tuple]) -> None:
        lines = [f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in batch]
        hashes = np.fromiter((hash(line) for line in lines), dtype=np.int64, count=len(lines))
        where = np.searchsorted(old, hashes)
        found = where < len(old)
        found[found] = old[where[found]] == hashes[found]
        seen[where[found]] = True
        for t, present in zip(batch, found.tolist()):
            if not present:
                writer.insert(t)

    for t in new:
        if (t[0], t[1]) == MARKER:
            writer.marker.append(t)
        batch.append(t)
        if len(batch) >= 10_000:
            check(batch)
            batch = []
    check(batch)
    if not seen.all():
        for line in lines_of(MERGED_GRAPH):  # chunks written meanwhile hash to no old line
            h = hash(line)
            i = int(np.searchsorted(old, h))
            if i < len(old) and old[i] == h and not seen[i]:
                writer.delete(line)
    writer.finish()


class _ChunkedWriter:
    """The updates that turn the old merged graph into the new one, ``CHUNK`` triples at a
    time; the marker protocol is ``write``'s."""

    def __init__(self, store: Store):
        self.store = store
        self.inserts: list[tuple] = []
        self.deletes: list[str] = []
        self.marker: list[tuple] = []  # the new completion marker, written last when split
        self.split = False

    def insert(self, t: tuple) -> None:
        if (t[0], t[1]) == MARKER and self.split:
            return  # the marker comes last
        self.inserts.append(t)
        self._spill()

    def delete(self, line: str) -> None:
        self.deletes.append(line)
        self._spill()

    def _spill(self) -> None:
        if len(self.inserts) + len(self.deletes) < CHUNK:
            return
        if not self.split:
            self.split = True
            self.inserts = [t for t in self.inserts if (t[0], t[1]) != MARKER]
            self.store.update(PREFIXES + f"DELETE WHERE {{ GRAPH <{MERGED_GRAPH}> {{ <{MERGED_GRAPH}> ig:sourceCount ?n }} }}")
        self._flush()

    def _flush(self) -> None:
        if self.deletes:
            self.store.update(_delete_data(self.deletes))
            self.deletes = []
        if self.inserts:
            self.store.add_to_graph(MERGED_GRAPH, self.inserts)  # every store with graph_lines has it
            self.inserts = []

    def finish(self) -> None:
        if not self.split:  # one update: atomic
            ops = ([_delete_data(self.deletes)] if self.deletes else []) + \
                  ([_insert_data(self.inserts)] if self.inserts else [])
            if ops:
                self.store.update(" ;\n".join(ops))
            return
        self._flush()
        self.inserts = list(self.marker)  # deleted by the first chunk, written by the last
        self._flush()


def _delete_data(lines: list[str]) -> str:
    """N-Triples lines are valid SPARQL data as they are."""
    return f"DELETE DATA {{ GRAPH {MERGED_GRAPH.n3()} {{\n" + "\n".join(lines) + "\n} }"


def _insert_data(triples: list[tuple]) -> str:
    return f"INSERT DATA {{ GRAPH {MERGED_GRAPH.n3()} {{\n{_lines(triples)}\n}} }}"


def _lines(triples: list[tuple]) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)

