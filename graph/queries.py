"""The read side: the questions the CLI and the web app ask of the store.

Each function runs fixed SPARQL text; whatever comes from a user (an IRI, a type, a date)
is passed as a bound value, never pasted into the query.

Entities and incidents are read from the merged graph (``M``), which describes each one
once. Their descriptions also repeat in every document graph that mentions them, so a
pattern over the union default graph would multiply rows for a much-mentioned entity.
Document graphs are read for what is unique to them: reports, mentions, claims.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional

from rdflib import XSD, Literal, URIRef

from .namespace import MERGED_GRAPH, NS
from .store import Store

M = f"<{MERGED_GRAPH}>"

PREFIXES = f"""PREFIX ig: <{NS}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass
class TimelineFilter:
    """Filters of the timeline; every field maps to a URL parameter of the same name."""

    type: Optional[str] = None
    since: Optional[date] = None
    until: Optional[date] = None
    facility: Optional[str] = None  # IRI; includes its parts
    actor: Optional[str] = None  # IRI of a perpetrator
    document: Optional[str] = None  # IRI of a source document
    as_of: Optional[date] = None  # only documents published on or before this day
    limit: int = 200
    offset: int = 0


@dataclass
class IncidentRow:
    """One merged incident as the timeline and the incident page show it."""

    iri: str
    type: str
    label: str
    start: Optional[date] = None
    end: Optional[date] = None
    sources: list[dict[str, Any]] = field(default_factory=list)  # iri, title, published
    report_count: int = 0
    deaths: Optional[int] = None  # the highest toll any source gives
    targets: list[tuple[str, str]] = field(default_factory=list)  # (iri, label)
    perpetrators: list[tuple[str, str]] = field(default_factory=list)
    accused_by: list[tuple[str, str]] = field(default_factory=list)
    claimed_by: list[tuple[str, str]] = field(default_factory=list)
    location: Optional[tuple[str, str]] = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def certain(self) -> bool:
        return self.start is not None and self.start == self.end

    @property
    def document(self) -> Optional[str]:
        return self.sources[0]["iri"] if self.sources else None

    @property
    def document_title(self) -> Optional[str]:
        return self.sources[0]["title"] if self.sources else None

    @property
    def published(self) -> Optional[date]:
        return self.sources[0]["published"] if self.sources else None

    def to_json(self) -> dict:
        def pairs(items):
            return [{"iri": i, "label": l} for i, l in items]

        return {
            "iri": self.iri, "type": self.type, "label": self.label,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "sources": [{"iri": s["iri"], "title": s["title"],
                         "published": s["published"].isoformat() if s["published"] else None} for s in self.sources],
            "report_count": self.report_count, "deaths": self.deaths,
            "targets": pairs(self.targets), "perpetrators": pairs(self.perpetrators),
            "accused_by": pairs(self.accused_by), "claimed_by": pairs(self.claimed_by),
            "location": {"iri": self.location[0], "label": self.location[1]} if self.location else None,
            "evidence": [{**e, "start": e["start"], "end": e["end"]} for e in self.evidence],
            "conflicts": self.conflicts,
        }


def _date(value) -> Optional[date]:
    return value if isinstance(value, date) else None


INCIDENT_FIELDS = """
  ?i a ig:Incident ; ig:incidentType ?type ; rdfs:label ?label .
  OPTIONAL { ?i ig:reportCount ?reports }
  OPTIONAL { ?i ig:deaths ?deaths }
  OPTIONAL { ?i ig:when ?w . OPTIONAL { ?w ig:earliest ?earliest } OPTIONAL { ?w ig:latest ?latest } }
"""  # used inside GRAPH M

# The same fields as a whole group pattern. Each OPTIONAL holds its own GRAPH M: Oxigraph
# then evaluates it for the incidents at hand, where an OPTIONAL inside one GRAPH block was
# evaluated for every incident of the store first (100+ ms per page at 50k incidents).
INCIDENT_PATTERN = f"""
  GRAPH {M} {{ ?i a ig:Incident ; ig:incidentType ?type ; rdfs:label ?label . }}
  OPTIONAL {{ GRAPH {M} {{ ?i ig:reportCount ?reports }} }}
  OPTIONAL {{ GRAPH {M} {{ ?i ig:deaths ?deaths }} }}
  OPTIONAL {{ GRAPH {M} {{ ?i ig:when ?w . OPTIONAL {{ ?w ig:earliest ?earliest }} OPTIONAL {{ ?w ig:latest ?latest }} }} }}
"""


def _row(r: dict) -> "IncidentRow":
    return IncidentRow(iri=r["i"], type=r["type"], label=r["label"], start=_date(r.get("earliest")),
                       end=_date(r.get("latest")), report_count=int(r.get("reports") or 0),
                       deaths=int(r["deaths"]) if r.get("deaths") is not None else None)


def timeline(store: Store, f: TimelineFilter = TimelineFilter()) -> list[IncidentRow]:
    """Merged incidents in date order (undated last), filtered, one page at a time."""
    if f.as_of is not None:
        return _timeline_as_of(store, f)
    if not (f.facility or f.actor or f.document):
        ordered = _ordered_incidents(store)
        if ordered is not None:
            out = [_row(r) for r in _filtered(ordered, f)[int(f.offset): int(f.offset) + int(f.limit)]]
            _add_details(store, out)
            return out
    patterns, bindings = [], {}
    if f.type:
        patterns.append(f"GRAPH {M} {{ ?i ig:incidentType ?ftype }}")
        bindings["ftype"] = Literal(f.type)
    if f.facility:
        patterns.append(f"FILTER EXISTS {{ GRAPH {M} {{ ?i ig:target ?ft . ?ft ig:partOf* ?ffacility }} }}")
        bindings["ffacility"] = URIRef(f.facility)
    if f.actor:
        patterns.append(f"FILTER EXISTS {{ GRAPH {M} {{ ?i ig:perpetrator|ig:accusedBy|ig:claimedBy ?factor }} }}")
        bindings["factor"] = URIRef(f.actor)
    if f.document:
        patterns.append(f"GRAPH {M} {{ ?i ig:sourceDocument ?fdoc }}")
        bindings["fdoc"] = URIRef(f.document)
    if f.since:
        patterns.append("FILTER(!BOUND(?latest) || ?latest >= ?fsince)")
        bindings["fsince"] = Literal(f.since, datatype=XSD.date)
    if f.until:
        patterns.append("FILTER(!BOUND(?earliest) || ?earliest <= ?funtil)")
        bindings["funtil"] = Literal(f.until, datatype=XSD.date)
    query = PREFIXES + f"""
SELECT DISTINCT ?i ?type ?label ?earliest ?latest ?reports ?deaths WHERE {{
  {INCIDENT_PATTERN}
  {' '.join(patterns)}
}}
{TIMELINE_ORDER}
LIMIT {int(f.limit)} OFFSET {int(f.offset)}
"""
    out = [_row(r) for r in store.select(query, bindings)]
    _add_details(store, out)
    return out


TIMELINE_ORDER = "ORDER BY (!BOUND(?earliest)) ?earliest ?latest ?i"
_ordered_cache: dict[tuple, tuple] = {}
_ordered_lock = threading.Lock()


def _ordered_if_kept(store: Store) -> Optional[list[dict]]:
    """The cached ``_ordered_incidents`` of this store state if it has been made, else None
    (without making it)."""
    token = getattr(store, "change_token", None)
    if token is None:
        return None
    state = token()
    with _ordered_lock:
        hit = _ordered_cache.get(state[:-1])
    return hit[1] if hit is not None and hit[0] == state else None


def _ordered_incidents(store: Store) -> Optional[list[dict]]:
    """Every merged incident's timeline fields in timeline order, kept per store state.

    A page of the timeline is a slice of this: the engine sorts all incidents for every
    page otherwise (about 1 s at 50k incidents). Only for stores that tell when they change
    (``change_token``: the embedded store counts its writes); None for the others."""
    token = getattr(store, "change_token", None)
    if token is None:
        return None
    state = token()
    handle = state[:-1]
    with _ordered_lock:
        hit = _ordered_cache.get(handle)
    if hit is not None and hit[0] == state:
        return hit[1]
    rows = store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?type ?label ?earliest ?latest ?reports ?deaths WHERE {{ {INCIDENT_PATTERN} }}
{TIMELINE_ORDER}""")
    with _ordered_lock:
        if len(_ordered_cache) > 8:
            _ordered_cache.clear()
        _ordered_cache[handle] = (state, rows)
    return rows


def _filtered(rows: list[dict], f: TimelineFilter) -> list[dict]:
    """The type / since / until filters of ``timeline`` on ordered rows (same semantics as
    its SPARQL FILTERs: an undated side passes; a value that is not a date fails)."""
    if not (f.type or f.since or f.until):
        return rows

    def keep(r: dict) -> bool:
        if f.type and r["type"] != f.type:
            return False
        for bound, value, ok in (("latest", f.since, lambda v: v >= f.since), ("earliest", f.until, lambda v: v <= f.until)):
            if value and bound in r:
                v = r[bound]
                if not isinstance(v, date) or isinstance(v, datetime) or not ok(v):
                    return False
        return True

    return [r for r in rows if keep(r)]


def _timeline_as_of(store: Store, f: TimelineFilter) -> list[IncidentRow]:
    """The timeline as the record stood on ``f.as_of``: merged again from the documents
    published by then (the stored merged graph reflects every document)."""
    from .merged import ancestors_of, compute

    view = compute(store, as_of=f.as_of)
    ancestors = ancestors_of(view.parents)
    titles = {str(d["iri"]): d for d in documents(store, limit=None)}
    out = []
    for m in view.incidents:
        if f.type and m.type != f.type:
            continue
        if f.facility and not any(t == f.facility or f.facility in ancestors.get(t, ()) for t in m.targets):
            continue
        if f.actor and f.actor not in m.perpetrators:
            continue
        if f.document and f.document not in m.documents:
            continue
        if f.since and m.end and m.end < f.since:
            continue
        if f.until and m.start and m.start > f.until:
            continue
        out.append(m)
    rows = []
    for m in out[f.offset: f.offset + f.limit]:
        label = lambda e: (URIRef(e), view.labels.get(e, e))  # noqa: E731
        row = IncidentRow(iri=view.incident_iri(m), type=m.type, label=_label(m.type, [view.labels.get(t, t) for t in sorted(m.targets)]),
                          start=m.start, end=m.end, report_count=len(m.reports), deaths=m.deaths,
                          targets=[label(t) for t in sorted(m.targets)],
                          perpetrators=[label(p) for p in sorted(m.perpetrators)],
                          location=label(m.location) if m.location else None)
        for d in sorted(m.documents, key=lambda d: (titles.get(d, {}).get("published") or date.max, d)):
            info = titles.get(d, {})
            row.sources.append({"iri": URIRef(d), "title": info.get("title", d), "published": info.get("published")})
        for r in m.reports:
            row.evidence += evidence(store, r.iri)
        row.conflicts = [{"property": c.property, "values": [
            {"value": v, "sources": [{"iri": rep.document, "title": titles.get(rep.document, {}).get("title", rep.document)}
                                     for rep in m.reports if rep.iri in reps]}
            for v, reps in sorted(c.values.items())]} for c in m.conflicts]
        rows.append(row)
    return rows


def _label(type_code: str, names: list[str]) -> str:
    from .rdf import incident_label

    return incident_label(type_code, names)


def count_incidents(store: Store) -> int:
    rows = store.select(PREFIXES + f"SELECT (COUNT(?i) AS ?n) WHERE {{ GRAPH {M} {{ ?i a ig:Incident }} }}")
    return int(rows[0]["n"]) if rows else 0


def _add_details(store: Store, rows: list[IncidentRow]) -> None:
    """Roles, sources, evidence and conflicts of a page of merged incidents, in four queries."""
    if not rows:
        return
    by_iri = {str(r.iri): r for r in rows}
    page = [URIRef(r.iri) for r in rows]
    seen = set()
    for r in store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?role ?e ?label WHERE {{ GRAPH {M} {{
  {{ ?i ig:target ?e . BIND("target" AS ?role) }} UNION
  {{ ?i ig:perpetrator ?e . BIND("perpetrator" AS ?role) }} UNION
  {{ ?i ig:accusedBy ?e . BIND("accused_by" AS ?role) }} UNION
  {{ ?i ig:claimedBy ?e . BIND("claimed_by" AS ?role) }} UNION
  {{ ?i ig:location ?e . BIND("location" AS ?role) }}
  OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY ?i ?role ?label ?e""", {"i": page}):
        row = by_iri[str(r["i"])]
        if (row.iri, r["role"], r["e"]) in seen:
            continue
        seen.add((row.iri, r["role"], r["e"]))
        pair = (r["e"], r.get("label") or r["e"])
        if r["role"] == "location":
            row.location = row.location or pair
        else:
            getattr(row, {"target": "targets", "perpetrator": "perpetrators", "accused_by": "accused_by",
                          "claimed_by": "claimed_by"}[r["role"]]).append(pair)
    for d in store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?d ?title ?published WHERE {{
  GRAPH {M} {{ ?i ig:sourceDocument ?d }} OPTIONAL {{ ?d rdfs:label ?title }} OPTIONAL {{ ?d schema:datePublished ?published }}
}} ORDER BY ?i ?published ?d""", {"i": page}):
        row = by_iri[str(d["i"])]
        if all(s["iri"] != d["d"] for s in row.sources):
            row.sources.append({"iri": d["d"], "title": d.get("title") or d["d"], "published": _date(d.get("published"))})
    for e in _evidence_rows(store, f"GRAPH {M} {{ ?i ig:report ?r }} ?r ig:evidence ?m .", {"i": page}):
        by_iri[str(e.pop("i"))].evidence.append(e)
    disputed = _with_conflicts(store, page)
    for row in rows:
        row.conflicts = conflicts(store, row.iri) if str(row.iri) in disputed else []


def _with_conflicts(store: Store, incidents: list) -> set[str]:
    """Which of a page of incidents have a conflict: one lookup, not one ASK per row."""
    rows = store.select(PREFIXES + f"SELECT DISTINCT ?i WHERE {{ GRAPH {M} {{ ?i ig:conflict ?c }} }}", {"i": incidents})
    return {str(r["i"]) for r in rows}


def _evidence_rows(store: Store, pattern: str, bindings: dict) -> list[dict[str, Any]]:
    rows = store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?m ?quote ?start ?end ?doc ?title WHERE {{
  {pattern}
  ?m ig:quote ?quote ; ig:start ?start ; ig:end ?end ; ig:inDocument ?doc .
  OPTIONAL {{ ?doc rdfs:label ?title }}
}} ORDER BY ?i ?doc ?start""", bindings)
    return [{"i": r.get("i"), "quote": r["quote"], "start": r["start"], "end": r["end"], "document": r["doc"],
             "document_title": r.get("title")} for r in rows]


def conflicts(store: Store, incident_iri: str) -> list[dict[str, Any]]:
    """Values that the sources of one incident disagree on, with who says what."""
    rows = store.select(PREFIXES + f"""
SELECT ?prop ?value ?doc ?title WHERE {{
  GRAPH {M} {{ ?i ig:conflict ?c . ?c ig:conflictProperty ?prop ; ig:reportedValue ?v . ?v ig:value ?value ; ig:report ?r . }}
  ?r ig:sourceDocument ?doc . OPTIONAL {{ ?doc rdfs:label ?title }}
}} ORDER BY ?prop ?value ?doc""", {"i": URIRef(incident_iri)})
    out: dict[str, dict[str, list[dict]]] = {}
    for r in rows:
        sources = out.setdefault(r["prop"], {}).setdefault(r["value"], [])
        if all(s["iri"] != r["doc"] for s in sources):
            sources.append({"iri": r["doc"], "title": r.get("title") or r["doc"]})
    return [{"property": prop, "values": [{"value": v, "sources": srcs} for v, srcs in values.items()]}
            for prop, values in out.items()]


def evidence(store: Store, subject: str, limit: Optional[int] = None) -> list[dict[str, Any]]:
    """The spans of text that support a subject: a merged incident's evidence through its
    reports; an entity's mentions, its members' included; a claim's or report's span.
    With ``limit``, only the first spans (by document, then position) are read in full."""
    s = URIRef(subject)
    if store.ask(PREFIXES + f"ASK WHERE {{ GRAPH {M} {{ ?s a ig:Incident }} }}", {"s": s}):
        rows = _evidence_rows(store, f"GRAPH {M} {{ ?s ig:report ?r }} ?r ig:evidence ?m .", {"s": s})
    else:
        members = _members(store, s)
        if limit is None:
            rows = _evidence_rows(store, "?x ig:mention|ig:evidence ?m .", {"x": members})
        else:
            spans = _first_spans(store, members, limit)
            rows = _evidence_rows(store, "", {"m": spans}) if spans else []
    for r in rows:
        r.pop("i", None)
    rows.sort(key=lambda r: (str(r["document"]), r["start"]))
    return rows[:limit] if limit is not None else rows


def _first_spans(store: Store, subjects: list, limit: int) -> list:
    """The first ``limit`` spans of the subjects' mentions, by document then position: a
    much-mentioned actor has a thousand, and reading each quote costs."""
    rows = store.select(PREFIXES + """
SELECT DISTINCT ?m ?doc ?start WHERE { ?x ig:mention|ig:evidence ?m . ?m ig:inDocument ?doc ; ig:start ?start }""",
                        {"x": subjects})
    rows.sort(key=lambda r: (str(r["doc"]), r["start"] if isinstance(r["start"], int) else 0))
    return list(dict.fromkeys(r["m"] for r in rows))[:limit]


def incident(store: Store, iri: str) -> Optional[IncidentRow]:
    rows = store.select(PREFIXES + f"SELECT ?i ?type ?label ?earliest ?latest ?reports ?deaths WHERE {{ {INCIDENT_PATTERN} }} LIMIT 1",
                        {"i": URIRef(iri)})
    if not rows:
        return None
    row = _row(rows[0])
    _add_details(store, [row])
    return row


def claims(store: Store, *, incident: Optional[str] = None, entity: Optional[str] = None,
           limit: int = 500) -> list[dict]:
    """Claims concerning a merged incident, or made by or about an entity (or its members);
    at most ``limit``, by document."""
    if incident:
        rows = _claim_rows(store, [(f"GRAPH {M} {{ ?x ig:report ?r }} ?c ig:concerns ?r .", {"x": URIRef(incident)})],
                           limit)
    elif entity:
        # the members looked up first and the two roles asked apart: Virtuoso, given the path and the
        # UNION in one pattern, now and then left out claims, depending on the plan it chose
        members = {"y": _members(store, URIRef(entity))}
        rows = _claim_rows(store, [("?c ig:speaker ?y .", members), ("?c ig:about ?y .", members)], limit)
    else:
        rows = store.select(PREFIXES + f"""
SELECT DISTINCT ?c ?cue ?stance ?quote ?speaker ?speakerLabel ?speakerText ?doc WHERE {{
  ?c a ig:Claim ; ig:cue ?cue ; ig:stance ?stance ; rdfs:label ?quote ; ig:sourceDocument ?doc .
  OPTIONAL {{ ?c ig:speaker ?s0 . ?s0 ig:canonical? ?speaker . GRAPH {M} {{ ?speaker rdfs:label ?speakerLabel }} }}
  OPTIONAL {{ ?c ig:speakerText ?speakerText }}
}} ORDER BY ?doc ?c LIMIT {int(limit)}""")
    out, seen = [], set()
    for r in rows:
        if r["c"] in seen:
            continue
        seen.add(r["c"])
        out.append({"iri": r["c"], "cue": r["cue"], "stance": r["stance"], "quote": r["quote"],
                    "speaker": r.get("speaker"), "speaker_label": r.get("speakerLabel") or r.get("speakerText"),
                    "document": r["doc"]})
    return out


def _members(store: Store, entity: URIRef) -> list:
    """An entity and the document entities resolved to it."""
    return [entity] + [r["x"] for r in store.select(
        PREFIXES + f"SELECT ?x WHERE {{ GRAPH {M} {{ ?x ig:canonical ?s }} }}", {"s": entity})]


def _claim_rows(store: Store, selections: list[tuple[str, dict]], limit: int = 500) -> list[dict]:
    """The rows of the claims query for the claims the patterns select (together), in lookups
    joined here: in one query the engine evaluated the speaker OPTIONAL for every claim of the
    store (close to a second per entity page at 50k incidents). Only the first ``limit`` claims
    (by document) are read in full."""
    found = [r for pattern, bindings in selections for r in store.select(
        PREFIXES + f"SELECT DISTINCT ?c ?doc WHERE {{ {pattern} ?c a ig:Claim ; ig:sourceDocument ?doc . }}", bindings)]
    found.sort(key=lambda r: (str(r["doc"]), str(r["c"])))
    found = list(dict.fromkeys(r["c"] for r in found))[:limit]
    if not found:
        return []
    base = store.select(PREFIXES + """
SELECT DISTINCT ?c ?cue ?stance ?quote ?doc WHERE { ?c ig:cue ?cue ; ig:stance ?stance ; rdfs:label ?quote ; ig:sourceDocument ?doc }""",
                        {"c": found})
    speakers: dict = {}
    for r in store.select(PREFIXES + f"""
SELECT DISTINCT ?c ?speaker ?speakerLabel WHERE {{ ?c ig:speaker ?s0 . ?s0 ig:canonical? ?speaker .
  GRAPH {M} {{ ?speaker rdfs:label ?speakerLabel }} }}""", {"c": found}):
        speakers.setdefault(r["c"], []).append({"speaker": r["speaker"], "speakerLabel": r["speakerLabel"]})
    texts: dict = {}
    for r in store.select(PREFIXES + "SELECT DISTINCT ?c ?t WHERE { ?c ig:speakerText ?t }", {"c": found}):
        texts.setdefault(r["c"], []).append({"speakerText": r["t"]})
    rows = [{**b, **sp, **tx} for b in base for sp in speakers.get(b["c"], [{}]) for tx in texts.get(b["c"], [{}])]
    rows.sort(key=lambda r: (str(r["doc"]), str(r["c"])))  # ORDER BY ?doc ?c
    return rows


def canonical(store: Store, iri: str) -> str:
    """The canonical entity an entity IRI was resolved to across documents (itself if none)."""
    rows = store.select(PREFIXES + "SELECT ?c WHERE { ?e ig:canonical ?c } LIMIT 1", {"e": URIRef(iri)})
    return rows[0]["c"] if rows else URIRef(iri)


def entity(store: Store, iri: str, limit: Optional[int] = None) -> Optional[dict]:
    """Everything the entity page shows, except the network. A name that was resolved to
    another entity across documents shows that canonical entity, with ``canonical`` set.

    ``limit`` caps each list (documents, incidents, linked entities, claims, mentions) for a
    much-named entity; ``counts`` then says how many there are in all."""
    c = URIRef(canonical(store, iri))
    rows = store.select(PREFIXES + f"""
SELECT ?label ?kind ?type WHERE {{ GRAPH {M} {{ ?e rdfs:label ?label ; ig:entityKind ?kind . }}
  OPTIONAL {{ GRAPH {M} {{ ?e ig:entityType ?type }} }} }}
LIMIT 1""", {"e": c})
    if not rows:
        return None
    info = {"iri": URIRef(iri), "label": rows[0]["label"], "kind": rows[0]["kind"], "type": rows[0].get("type"),
            "canonical": c}

    def values(pattern: str) -> list:
        return [r["x"] for r in store.select(PREFIXES + f"SELECT DISTINCT ?x WHERE {{ GRAPH {M} {{ {pattern} }} }} ORDER BY ?x",
                                             {"e": c})]

    def related(pattern: str) -> list[tuple[str, str]]:
        found = store.select(PREFIXES + f"""SELECT DISTINCT ?x ?l WHERE {{ GRAPH {M} {{
  {pattern} OPTIONAL {{ ?x rdfs:label ?l }} }} }} ORDER BY LCASE(STR(?l)) ?x""", {"e": c})
        return [(r["x"], r.get("l") or r["x"]) for r in found]

    info["aliases"] = sorted(values("?e ig:alias ?x ."))
    info["parents"] = related("?e ig:partOf ?x .")
    info["parts"] = related("?x ig:partOf ?e .")
    info["located_in"] = related("?e ig:locatedIn ?x .")
    info["operators"] = related("?e ig:operator ?x .")
    docs = values("?e ig:sourceDocument ?x .")
    info["documents"] = [(d, t) for d, t in _document_titles(store, docs[:limit] if limit is not None else docs)]
    roles: dict[str, set[str]] = {}
    for i, role in incident_roles(store, c):
        roles.setdefault(i, set()).add(role)
    incidents = incidents_by_iri(store, list(roles), limit)
    info["incidents"] = [(row, sorted(roles[row.iri])) for row in incidents]
    linked = linked_entities(store, c, list(roles))
    info["linked"] = linked[:limit] if limit is not None else linked
    info["claims"] = claims(store, entity=c, limit=min(limit, 500) if limit is not None else 500)
    info["mentions"] = evidence(store, c, limit=min(limit, 50) if limit is not None else 50)
    info["counts"] = {"documents": len(docs), "incidents": len(roles), "linked": len(linked)}
    return info


def incident_roles(store: Store, iri: str) -> list[tuple[str, str]]:
    """(merged incident, role) for each incident an entity takes part in: target (itself or
    one of its parts), perpetrator, accuser, claimed responsibility or location.

    The parts first, then the incidents from them: in one query the engine started from
    every incident of the store (a few hundred ms per entity page at 50k incidents)."""
    e = URIRef(iri)
    out = [(r["i"], r["role"]) for r in store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?role WHERE {{ GRAPH {M} {{
  {{ ?i ig:perpetrator ?e . BIND("perpetrator" AS ?role) }} UNION
  {{ ?i ig:accusedBy ?e . BIND("accuser" AS ?role) }} UNION
  {{ ?i ig:claimedBy ?e . BIND("claimed responsibility" AS ?role) }} UNION
  {{ ?i ig:location ?e . BIND("location" AS ?role) }}
  ?i a ig:Incident .
}} }}""", {"e": e})]
    parts = [r["t"] for r in store.select(PREFIXES + f"SELECT DISTINCT ?t WHERE {{ GRAPH {M} {{ ?t ig:partOf* ?e }} }}",
                                          {"e": e})]
    out += [(r["i"], "target") for r in store.select(
        PREFIXES + f"SELECT DISTINCT ?i WHERE {{ GRAPH {M} {{ ?i ig:target ?t . ?i a ig:Incident }} }}", {"t": parts})]
    return list(dict.fromkeys(out))


def incidents_by_iri(store: Store, iris: list, limit: Optional[int] = None) -> list[IncidentRow]:
    """Several merged incidents with their details, in date order; with ``limit``, only the
    first ones (the details are what costs)."""
    if not iris:
        return []
    out = [_row(r) for r in _incident_fields(store, iris)]
    out.sort(key=lambda r: (r.start is None, r.start or date.min, r.iri))
    out = out[:limit] if limit is not None else out
    _add_details(store, out)
    return out


def _incident_fields(store: Store, iris: list) -> list[dict]:
    """The timeline fields of some merged incidents: from the cached ordered list when it
    has been made for this store state (free), else one query for these incidents (making
    the whole list took seconds at 50k reports, for an entity page that needs a few)."""
    ordered = _ordered_if_kept(store)
    if ordered is not None:
        wanted = {str(i) for i in iris}
        return [r for r in ordered if str(r["i"]) in wanted]
    return store.select(PREFIXES + f"SELECT DISTINCT ?i ?type ?label ?earliest ?latest ?reports ?deaths WHERE {{ {INCIDENT_PATTERN} }}",
                        {"i": [URIRef(i) for i in iris]})


def _document_titles(store: Store, docs: list) -> list[tuple[str, str]]:
    if not docs:
        return []
    titles = {str(r["d"]): r["t"] for r in store.select(PREFIXES + "SELECT ?d ?t WHERE { ?d a ig:Document ; rdfs:label ?t }",
                                                          {"d": [URIRef(d) for d in docs]})}
    return [(d, titles.get(str(d), d)) for d in docs]


def linked_entities(store: Store, iri: str, incidents: Optional[list] = None) -> list[dict]:
    """Entities linked to this one through a merged incident (its parts included), with the
    path. ``incidents``: the entity's incidents when the caller has them already."""
    # Small lookups joined here: as one query the engine started from every incident
    # (and evaluated the OPTIONAL date for all of them), 1-2 s on 50k incidents.
    e = URIRef(iri)
    if incidents is None:
        incidents = list(dict.fromkeys(i for i, _ in incident_roles(store, e)))
    incidents = [URIRef(i) for i in incidents]
    if not incidents:
        return []
    roles = store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?role ?other WHERE {{ GRAPH {M} {{
  {{ ?i ig:perpetrator ?other . BIND("perpetrator" AS ?role) }} UNION
  {{ ?i ig:accusedBy ?other . BIND("accuser" AS ?role) }} UNION
  {{ ?i ig:target ?other . BIND("target" AS ?role) }} UNION
  {{ ?i ig:location ?other . BIND("location" AS ?role) }}
}} }}""", {"i": incidents})
    roles = [r for r in roles if r["other"] != e]
    if not roles:
        return []
    about_i: dict[str, list[tuple]] = {}
    for r in store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?ilabel ?earliest WHERE {{
  GRAPH {M} {{ ?i rdfs:label ?ilabel }} OPTIONAL {{ GRAPH {M} {{ ?i ig:when/ig:earliest ?earliest }} }}
}}""", {"i": incidents}):
        about_i.setdefault(r["i"], []).append((r["ilabel"], r.get("earliest")))
    about_o: dict[str, list[tuple]] = {}
    for r in store.select(PREFIXES + f"""
SELECT DISTINCT ?other ?olabel ?okind WHERE {{ GRAPH {M} {{ ?other rdfs:label ?olabel ; ig:entityKind ?okind }} }}""",
                          {"other": sorted({r["other"] for r in roles})}):
        about_o.setdefault(r["other"], []).append((r["olabel"], r["okind"]))
    rows = [(olabel, earliest, str(r["role"]), str(r["i"]), r["other"], okind, ilabel, r)
            for r in roles for olabel, okind in about_o.get(r["other"], ())
            for ilabel, earliest in about_i.get(r["i"], ())]
    # ORDER BY ?olabel ?earliest (unbound dates first), then role and incident for a stable order
    rows.sort(key=lambda x: (str(x[0]), x[1] is not None, x[1] or date.min, x[2], x[3], str(x[4])))
    out, seen = [], set()
    for olabel, earliest, role, _, other, okind, ilabel, r in rows:
        key = (other, role, r["i"])
        if key not in seen:
            seen.add(key)
            out.append({"iri": other, "label": olabel, "kind": okind, "role": role,
                        "incident": r["i"], "incident_label": ilabel, "date": _date(earliest)})
    return out


def actors_linked_to_facility(store: Store, facility_iri: str) -> list[dict]:
    """Actors linked to a facility (or any of its parts) through incidents, as perpetrators."""
    return [r for r in linked_entities(store, canonical(store, facility_iri))
            if r["kind"] == "actor" and r["role"] == "perpetrator"]


def find_entities(store: Store, text: str = "", kind: Optional[str] = None, limit: int = 50) -> list[dict]:
    """Canonical entities whose name or alias contains the text (case-insensitive)."""
    bindings: dict = {"needle": Literal(text.lower())}
    kind_pattern = ""
    if kind:
        kind_pattern = "FILTER(?kind = ?fkind)"
        bindings["fkind"] = Literal(kind)
    rows = store.select(PREFIXES + f"""
SELECT ?e ?name ?kind (COUNT(DISTINCT ?doc) AS ?docs) WHERE {{
  GRAPH {M} {{ ?e rdfs:label ?name ; ig:entityKind ?kind ; ig:sourceDocument ?doc . }}
  {kind_pattern}
  FILTER(CONTAINS(LCASE(?name), ?needle) || EXISTS {{ GRAPH {M} {{ ?e ig:alias ?alias }} FILTER(CONTAINS(LCASE(?alias), ?needle)) }})
}} GROUP BY ?e ?name ?kind ORDER BY DESC(?docs) ?name LIMIT {int(limit)}""", bindings)
    return [{"iri": r["e"], "label": r["name"], "kind": r["kind"], "documents": r["docs"]} for r in rows]


DOCUMENTS_QUERY = PREFIXES + """
SELECT ?d ?title ?published ?path ?source WHERE {
  ?d a ig:Document ; rdfs:label ?title .
  OPTIONAL { ?d schema:datePublished ?published } OPTIONAL { ?d ig:path ?path } OPTIONAL { ?d ig:sourceName ?source }
} ORDER BY DESC(?published) ?title"""


def documents(store: Store, limit: Optional[int] = 500) -> list[dict]:
    """The newest ``limit`` documents (by publication date, undated last, then title); all
    of them with ``limit=None``.

    Joining every document with its title took seconds at 25k documents: the engine reads
    every ``rdfs:label`` of the store, and an entity's label repeats in each document graph
    that names it. The publication dates alone (one cheap read) tell which documents can be
    among the newest; the query then runs for those only, and for all documents only when
    the dates cannot tell."""
    rows = None
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    candidates = _newest_candidates(store, int(limit)) if limit is not None else None
    if candidates:
        rows = store.select(DOCUMENTS_QUERY + tail, {"d": candidates})
        if len(rows) < int(limit):  # some candidates are no documents (or untitled): ask about all
            rows = None
    if rows is None:
        rows = store.select(DOCUMENTS_QUERY + tail)
    return [{"iri": r["d"], "title": r["title"], "published": _date(r.get("published")), "path": r.get("path"),
             "source": r.get("source")} for r in rows]


def _newest_candidates(store: Store, limit: int) -> Optional[list]:
    """Everything published on or after the ``limit``-th newest publication date: the newest
    ``limit`` documents are among them (ties on that day included, undated documents sort
    after all of them). None when the dates cannot tell: fewer dated things than ``limit``,
    something with two dates, or a date that is not a plain ``xsd:date``."""
    if limit < 1:
        return None
    dated = store.select(PREFIXES + "SELECT ?d ?published WHERE { ?d schema:datePublished ?published }")
    if len(dated) < limit:
        return None
    if len({str(r["d"]) for r in dated}) != len(dated) or any(type(r["published"]) is not date for r in dated):
        return None
    cutoff = sorted((r["published"] for r in dated), reverse=True)[limit - 1]
    return [r["d"] for r in dated if r["published"] >= cutoff]


def document(store: Store, iri: str) -> Optional[dict]:
    rows = store.select(PREFIXES + """
SELECT ?title ?published ?path ?source ?text ?url WHERE {
  ?d a ig:Document ; rdfs:label ?title ; ig:text ?text .
  OPTIONAL { ?d schema:datePublished ?published } OPTIONAL { ?d ig:path ?path }
  OPTIONAL { ?d ig:sourceName ?source } OPTIONAL { ?d schema:url ?url }
} LIMIT 1""", {"d": URIRef(iri)})
    if not rows:
        return None
    r = rows[0]
    mentions = store.select(PREFIXES + """
SELECT DISTINCT ?s ?start ?end ?kind ?label WHERE {
  ?m ig:inDocument ?d ; ig:start ?start ; ig:end ?end . ?s ig:mention|ig:evidence ?m .
  OPTIONAL { ?s ig:entityKind ?k } OPTIONAL { ?s a ig:IncidentReport . BIND("incident" AS ?ik) }
  OPTIONAL { ?s a ig:Claim . BIND("claim" AS ?ck) }
  BIND(COALESCE(?k, ?ik, ?ck, "other") AS ?kind)
  OPTIONAL { ?s rdfs:label ?label }
} ORDER BY ?start ?end""", {"d": URIRef(iri)})
    return {"iri": URIRef(iri), "title": r["title"], "published": _date(r.get("published")), "path": r.get("path"),
            "source": r.get("source"), "url": r.get("url"), "text": r["text"],
            "mentions": [{"subject": m["s"], "start": m["start"], "end": m["end"], "kind": m["kind"],
                          "label": m.get("label")} for m in mentions]}


def stats(store: Store) -> dict[str, int]:
    rows = store.select(PREFIXES + f"""
SELECT (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?i) AS ?incidents) (COUNT(DISTINCT ?e) AS ?entities) WHERE {{
  {{ ?d a ig:Document }} UNION {{ GRAPH {M} {{ ?i a ig:Incident }} }} UNION {{ GRAPH {M} {{ ?e ig:entityKind ?k }} }}
}}""")
    r = rows[0] if rows else {}
    return {"documents": int(r.get("docs", 0)), "incidents": int(r.get("incidents", 0)),
            "entities": int(r.get("entities", 0))}


def incident_types_present(store: Store) -> list[str]:
    return [r["t"] for r in store.select(PREFIXES + f"SELECT DISTINCT ?t WHERE {{ GRAPH {M} {{ ?i ig:incidentType ?t }} }} ORDER BY ?t")]


SUPPORTED_ROLES = {"target": "ig:target", "perpetrator": "ig:perpetrator", "location": "ig:location"}


def support(store: Store, incident_iri: str, role: str, entity_iri: str) -> list[dict[str, Any]]:
    """Which documents support one fact of a merged incident (its target, perpetrator or
    place being this entity), with the sentences that say so."""
    if role not in SUPPORTED_ROLES:
        raise ValueError(f"role must be one of {', '.join(SUPPORTED_ROLES)}")
    rows = store.select(PREFIXES + f"""
SELECT DISTINCT ?r ?doc ?title ?published ?quote ?start ?end WHERE {{
  GRAPH {M} {{ ?i ig:report ?r }} ?r {SUPPORTED_ROLES[role]} ?x . ?x ig:canonical? ?e .
  ?r ig:sourceDocument ?doc ; ig:evidence ?m . ?m ig:quote ?quote ; ig:start ?start ; ig:end ?end .
  OPTIONAL {{ ?doc rdfs:label ?title }} OPTIONAL {{ ?doc schema:datePublished ?published }}
}} ORDER BY ?published ?doc ?start""", {"i": URIRef(incident_iri), "e": URIRef(entity_iri)})
    return [{"report": r["r"], "document": r["doc"], "title": r.get("title"), "published": _date(r.get("published")),
             "quote": r["quote"], "start": r["start"], "end": r["end"]} for r in rows]
