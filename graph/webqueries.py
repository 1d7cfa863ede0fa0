"""Questions only the web app asks: choices for the timeline filters and a document's facts.

Fixed SPARQL text as in ``graph.queries``; user input is only ever a bound value.
"""
from __future__ import annotations

from rdflib import URIRef

from .queries import M, PREFIXES
from .store import Store


def _pairs(rows: list[dict], key: str = "e", label: str = "label") -> list[tuple[str, str]]:
    seen, out = set(), []
    for r in rows:
        if r[key] not in seen:
            seen.add(r[key])
            out.append((r[key], r.get(label) or r[key]))
    return out


def targeted_facilities(store: Store) -> list[tuple[str, str]]:
    """Facilities that are targets of an incident, or wholes of one (the facility filter's choices)."""
    return _pairs(store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?label WHERE {{ GRAPH {M} {{
  ?i a ig:Incident ; ig:target ?t . ?t ig:partOf* ?e . ?e ig:entityKind "facility" .
  OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY LCASE(STR(?label)) ?e"""))


def perpetrators(store: Store) -> list[tuple[str, str]]:
    """Actors named as perpetrators (the actor filter's choices)."""
    return _pairs(store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?label WHERE {{ GRAPH {M} {{
  ?i a ig:Incident ; ig:perpetrator ?e . OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY LCASE(STR(?label)) ?e"""))


def document_entities(store: Store, doc: str) -> list[dict]:
    """Entities a document mentions, by kind and name."""
    # read in the document's own graph: each entity is described there once
    rows = store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?label ?kind ?type WHERE {{
  ?d ig:graph ?g .
  GRAPH ?g {{ ?e ig:sourceDocument ?d ; ig:entityKind ?kind ; rdfs:label ?label . OPTIONAL {{ ?e ig:entityType ?type }} }}
}} ORDER BY ?kind LCASE(STR(?label))""", {"d": URIRef(doc)})
    seen, out = set(), []
    for r in rows:
        if r["e"] not in seen:
            seen.add(r["e"])
            out.append({"iri": r["e"], "label": r["label"], "kind": r["kind"], "type": r.get("type")})
    return out


def document_claims(store: Store, doc: str) -> list[dict]:
    """Claims made in a document, with speaker, what they concern and where they stand."""
    rows = store.select(PREFIXES + """
SELECT DISTINCT ?c ?cue ?stance ?quote ?speaker ?speakerLabel ?speakerText ?incident ?start ?end WHERE {
  ?c a ig:Claim ; ig:sourceDocument ?d ; ig:cue ?cue ; ig:stance ?stance ; rdfs:label ?quote .
  OPTIONAL { ?c ig:speaker ?speaker . OPTIONAL { ?speaker rdfs:label ?speakerLabel } }
  OPTIONAL { ?c ig:speakerText ?speakerText }
  OPTIONAL { ?c ig:concerns ?incident }
  OPTIONAL { ?c ig:mention ?m . ?m ig:start ?start ; ig:end ?end }
} ORDER BY ?start ?c""", {"d": URIRef(doc)})
    out, seen = [], set()
    for r in rows:
        if r["c"] in seen:
            continue
        seen.add(r["c"])
        out.append({"iri": r["c"], "cue": r["cue"], "stance": r["stance"], "quote": r["quote"],
                     "speaker": r.get("speaker"), "speaker_label": r.get("speakerLabel") or r.get("speakerText"),
                     "incident": r.get("incident"), "start": r.get("start"), "end": r.get("end")})
    return out


def claims_about_incidents(store: Store, incidents: list[str]) -> dict[str, list[dict]]:
    """Claims concerning each of a page of merged incidents (through their reports), with spans."""
    out: dict[str, list[dict]] = {}
    for iri in incidents:
        rows = store.select(PREFIXES + """
SELECT DISTINCT ?c ?cue ?stance ?quote ?speaker ?speakerLabel ?speakerText ?start ?end ?doc WHERE {
  GRAPH <https://w3id.org/incidentgraph/graph/merged> { ?i ig:report ?r }
  ?c ig:concerns ?r ; ig:cue ?cue ; ig:stance ?stance ; rdfs:label ?quote ; ig:sourceDocument ?doc .
  OPTIONAL { ?c ig:speaker ?s0 . ?s0 ig:canonical? ?speaker .
             GRAPH <https://w3id.org/incidentgraph/graph/merged> { ?speaker rdfs:label ?speakerLabel } }
  OPTIONAL { ?c ig:speakerText ?speakerText }
  OPTIONAL { ?c ig:mention ?m . ?m ig:start ?start ; ig:end ?end }
} ORDER BY ?start ?c""", {"i": URIRef(iri)})
        seen, claims = set(), []
        for r in rows:
            if r["c"] in seen:
                continue
            seen.add(r["c"])
            claims.append({"iri": r["c"], "cue": r["cue"], "stance": r["stance"], "quote": r["quote"],
                           "speaker": r.get("speaker"),
                           "speaker_label": r.get("speakerLabel") or r.get("speakerText"),
                           "document": r["doc"], "start": r.get("start"), "end": r.get("end")})
        out[iri] = claims
    return out


def incident_details(store: Store, iri: str) -> dict:
    """What the incident page adds to a timeline row: the effects its reports name and their
    highest extraction confidence."""
    i = URIRef(iri)
    effects = sorted({r["x"] for r in store.select(PREFIXES + "SELECT ?x WHERE { ?i ig:report?/ig:effect ?x }", {"i": i})})
    conf = store.select(PREFIXES + "SELECT (MAX(?c) AS ?m) WHERE { ?i ig:report?/ig:confidence ?c }", {"i": i})
    return {"effects": effects, "confidence": float(conf[0]["m"]) if conf and conf[0].get("m") is not None else None}


def incident_places(store: Store) -> list[tuple[str, str]]:
    """Places where an incident happened, and the places those lie in (the place filter's choices)."""
    return _pairs(store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?label WHERE {{ GRAPH {M} {{
  ?i a ig:Incident ; ig:location ?l . ?l ig:locatedIn* ?e . ?e ig:entityKind "place" .
  OPTIONAL {{ ?e rdfs:label ?label }}
}} }} ORDER BY LCASE(STR(?label)) ?e"""))


def incidents_at_place(store: Store, place: str) -> set[str]:
    """Merged incidents located at a place or inside it, or whose target lies there."""
    rows = store.select(PREFIXES + f"""
SELECT DISTINCT ?i WHERE {{ GRAPH {M} {{
  ?i a ig:Incident .
  {{ ?i ig:location ?l . ?l ig:locatedIn* ?p }} UNION {{ ?i ig:target ?t . ?t ig:partOf* ?f . ?f ig:locatedIn ?l2 . ?l2 ig:locatedIn* ?p }}
}} }}""", {"p": URIRef(place)})
    return {str(r["i"]) for r in rows}


def facility_wholes(store: Store) -> dict[str, tuple[str, str]]:
    """Each facility's outermost whole (itself when it is part of nothing), with its label:
    the timeline groups a berth's incidents under its terminal."""
    parents: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for r in store.select(PREFIXES + f"""
SELECT ?f ?label ?whole WHERE {{ GRAPH {M} {{
  ?f ig:entityKind "facility" . OPTIONAL {{ ?f rdfs:label ?label }} OPTIONAL {{ ?f ig:partOf ?whole }}
}} }} ORDER BY ?f ?whole"""):
        f = str(r["f"])
        labels.setdefault(f, r.get("label") or f)
        if r.get("whole") is not None:
            parents.setdefault(f, []).append(str(r["whole"]))
    out = {}
    for f in labels:
        seen, node = {f}, f
        while parents.get(node):
            nxt = parents[node][0]
            if nxt in seen:
                break  # a part-of cycle: stop where it closes
            seen.add(nxt)
            node = nxt
        out[f] = (node, labels.get(node, node))
    return out


def labels(store: Store, iris: list[str]) -> dict[str, str]:
    """The merged graph's label of each IRI that has one."""
    if not iris:
        return {}
    rows = store.select(PREFIXES + f"SELECT ?x ?l WHERE {{ GRAPH {M} {{ ?x rdfs:label ?l }} }}",
                        {"x": [URIRef(i) for i in iris]})
    return {str(r["x"]): r["l"] for r in rows}
