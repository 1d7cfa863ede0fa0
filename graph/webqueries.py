"""Questions only the web app asks: choices for the timeline filters and a document's facts.

Fixed SPARQL text as in ``graph.queries``; user input is only ever a bound value.
"""
from __future__ import annotations

import re
from typing import Optional

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


# The filter choices below take the distinct targets (places, perpetrators) of all incidents
# first, in a subquery, then walk part-of / located-in from those few: walked from every
# incident's target (18,000 at 50k reports) it took seconds.

def targeted_facilities(store: Store) -> list[tuple[str, str]]:
    """Facilities that are targets of an incident, or wholes of one (the facility filter's choices)."""
    return _pairs(store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?label WHERE {{
  {{ SELECT DISTINCT ?t WHERE {{ GRAPH {M} {{ ?i a ig:Incident ; ig:target ?t }} }} }}
  GRAPH {M} {{ ?t ig:partOf* ?e . ?e ig:entityKind "facility" . }}
  OPTIONAL {{ GRAPH {M} {{ ?e rdfs:label ?label }} }}
}} ORDER BY LCASE(STR(?label)) ?e"""))


def perpetrators(store: Store) -> list[tuple[str, str]]:
    """Actors named as perpetrators (the actor filter's choices)."""
    return _pairs(store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?label WHERE {{
  {{ SELECT DISTINCT ?e WHERE {{ GRAPH {M} {{ ?i a ig:Incident ; ig:perpetrator ?e }} }} }}
  OPTIONAL {{ GRAPH {M} {{ ?e rdfs:label ?label }} }}
}} ORDER BY LCASE(STR(?label)) ?e"""))


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
    """Claims concerning each of a page of merged incidents (through their reports), with spans.

    Small lookups for the whole page (``VALUES``), joined here: as one query per incident the
    engine evaluated the speaker OPTIONAL for every claim of the store (minutes per timeline
    page at 50k reports)."""
    out: dict[str, list[dict]] = {iri: [] for iri in incidents}
    if not incidents:
        return out
    by_text = {str(iri): out[iri] for iri in incidents}  # URIRef and str keys hash differently
    pairs = store.select(PREFIXES + f"""
SELECT DISTINCT ?i ?c WHERE {{ GRAPH {M} {{ ?i ig:report ?r }} ?c ig:concerns ?r . }}""",
                         {"i": [URIRef(i) for i in dict.fromkeys(incidents)]})
    found = list(dict.fromkeys(r["c"] for r in pairs))
    claims = _claim_facts(store, found)
    for r in pairs:
        if r["c"] in claims:
            by_text[str(r["i"])].append(claims[r["c"]])
    for items in out.values():
        # ORDER BY ?start ?c, unbound spans first
        items.sort(key=lambda c: (c["start"] is not None, c["start"] if c["start"] is not None else 0, str(c["iri"])))
    return out


def _claim_facts(store: Store, claims: list) -> dict:
    """Each claim's cue, stance, quote, document, speaker and first span, by claim IRI."""
    if not claims:
        return {}
    out = {}
    for r in store.select(PREFIXES + """
SELECT DISTINCT ?c ?cue ?stance ?quote ?doc WHERE { ?c ig:cue ?cue ; ig:stance ?stance ; rdfs:label ?quote ;
  ig:sourceDocument ?doc }""", {"c": claims}):
        out.setdefault(r["c"], {"iri": r["c"], "cue": r["cue"], "stance": r["stance"], "quote": r["quote"],
                                "speaker": None, "speaker_label": None, "document": r["doc"], "start": None,
                                "end": None})
    for r in _sorted(store.select(PREFIXES + f"""
SELECT DISTINCT ?c ?speaker ?label WHERE {{ ?c ig:speaker ?s0 . ?s0 ig:canonical? ?speaker .
  GRAPH {M} {{ ?speaker rdfs:label ?label }} }}""", {"c": claims}), "speaker"):
        if r["c"] in out and out[r["c"]]["speaker"] is None:
            out[r["c"]].update(speaker=r["speaker"], speaker_label=r["label"])
    for r in _sorted(store.select(PREFIXES + "SELECT DISTINCT ?c ?t WHERE { ?c ig:speakerText ?t }", {"c": claims}), "t"):
        if r["c"] in out and out[r["c"]]["speaker_label"] is None:
            out[r["c"]]["speaker_label"] = r["t"]
    spans = store.select(PREFIXES + "SELECT DISTINCT ?c ?start ?end WHERE { ?c ig:mention ?m . ?m ig:start ?start ; ig:end ?end }",
                         {"c": claims})
    for r in sorted(spans, key=lambda r: (r["start"], r["end"])):
        if r["c"] in out and out[r["c"]]["start"] is None:
            out[r["c"]].update(start=r["start"], end=r["end"])
    return out


def _sorted(rows: list[dict], key: str) -> list[dict]:
    """Rows in a stable order, so a claim with two speakers shows the same one every time."""
    return sorted(rows, key=lambda r: str(r[key]))


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
SELECT DISTINCT ?e ?label WHERE {{
  {{ SELECT DISTINCT ?l WHERE {{ GRAPH {M} {{ ?i a ig:Incident ; ig:location ?l }} }} }}
  GRAPH {M} {{ ?l ig:locatedIn* ?e . ?e ig:entityKind "place" . }}
  OPTIONAL {{ GRAPH {M} {{ ?e rdfs:label ?label }} }}
}} ORDER BY LCASE(STR(?label)) ?e"""))


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


def entity_known(store: Store, iri: str) -> bool:
    """Whether ``graph.queries.entity`` would find this entity (its canonical one has a label
    and a kind in the merged graph), without reading all it would: the network view only
    needs to know whether to answer 404."""
    from .queries import canonical

    return store.ask(PREFIXES + f"ASK WHERE {{ GRAPH {M} {{ ?e rdfs:label ?label ; ig:entityKind ?kind }} }}",
                     {"e": URIRef(canonical(store, iri))})


def labels(store: Store, iris: list[str]) -> dict[str, str]:
    """The merged graph's label of each IRI that has one."""
    if not iris:
        return {}
    rows = store.select(PREFIXES + f"SELECT ?x ?l WHERE {{ GRAPH {M} {{ ?x rdfs:label ?l }} }}",
                        {"x": [URIRef(i) for i in iris]})
    return {str(r["x"]): r["l"] for r in rows}


RDF_AS_OF = PREFIXES + """
CONSTRUCT { ?s ?p ?o } WHERE {
  ?d a ig:Document ; ig:graph ?g ; schema:datePublished ?published .
  FILTER(?published <= ?asof)
  GRAPH ?g { ?s ?p ?o }
}"""


def rdf_as_of(store: Store, as_of, fmt: str = "ttl") -> bytes:
    """The document graphs of the articles published on or before ``as_of``, as RDF triples
    (``ttl``, ``nt``, ``jsonld`` or ``xml``); undated articles are left out."""
    from rdflib import XSD, Literal

    from .store import bind_values

    body, _media = store.raw_query(bind_values(RDF_AS_OF, {"asof": Literal(as_of, datatype=XSD.date)}), fmt)
    return body


def network_as_of(store: Store, as_of) -> tuple[list[dict], list[dict]]:
    """Nodes and edges of the network as the record stood on ``as_of`` (merged again from the
    documents published by then), as plain data in the shape of ``graph.network.build``."""
    from .merged import compute

    view = compute(store, as_of=as_of)
    nodes: dict[str, dict] = {}
    edges: list[dict] = []

    def entity(iri: str) -> str:
        nodes.setdefault(iri, {"iri": iri, "label": view.labels.get(iri, iri), "kind": view.kinds.get(iri),
                               "type": None, "date": None})
        return iri

    for m in view.incidents:
        i = str(view.incident_iri(m))
        nodes[i] = {"iri": i, "label": _incident_label(m.type, [view.labels.get(t, t) for t in sorted(m.targets)]),
                    "kind": "incident", "type": m.type, "date": m.start}
        docs = sorted(m.documents)
        for role, values in (("target", m.targets), ("perpetrator", m.perpetrators),
                             ("location", [m.location] if m.location else [])):
            for v in sorted(values):
                edges.append({"source": i, "target": entity(v), "role": role, "documents": docs})
    linked: set[str] = set()
    while True:  # wholes of wholes: until no new facility joins
        todo = [c for c in view.parents if c in nodes and c not in linked]
        if not todo:
            break
        for child in sorted(todo):
            linked.add(child)
            for whole in sorted(view.parents[child]):
                edges.append({"source": child, "target": entity(whole), "role": "part_of", "documents": []})
    return list(nodes.values()), edges


def _incident_label(type_code: str, names: list[str]) -> str:
    from .rdf import incident_label

    return incident_label(type_code, names)


def resolve_entity(store: Store, text: str, limit: int = 10) -> tuple[Optional[str], list[dict]]:
    """An entity named by the user: a full IRI, a key (``actor/ukraine``) or a name.

    Gives (IRI, []) when one entity fits, else (None, the candidates to choose from).
    """
    from .namespace import ID
    from .queries import canonical, find_entities

    text = (text or "").strip()
    if not text:
        return None, []
    if text.startswith(str(ID)) or re.fullmatch(r"(actor|facility|place)/[A-Za-z0-9-]+", text):
        iri = text if text.startswith(str(ID)) else str(ID) + text
        known = labels(store, [str(canonical(store, iri))])
        return (str(canonical(store, iri)), []) if known else (None, [])
    found = find_entities(store, text, None, limit)
    exact = [f for f in found if str(f["label"]).lower() == text.lower()]
    if len(exact) == 1:
        return str(exact[0]["iri"]), []
    if len(found) == 1:
        return str(found[0]["iri"]), []
    return None, exact or found


def _claims_by(store: Store, incident: str, speaker: str) -> list[dict]:
    return [c for c in claims_about_incidents(store, [incident])[incident] if str(c.get("speaker")) == speaker]


def explain_path(store: Store, g, path: list[str], quotes: int = 2) -> list[dict]:
    """Each step of a path through the projection (``graph.network``), with its role and the
    sentences that support it: the fact's evidence from ``graph.queries.support`` for targets,
    perpetrators and places; the quoted claim for accusers and claimants."""
    from .queries import SUPPORTED_ROLES, support

    steps = []
    for u, v in zip(path, path[1:]):
        datas = list((g.get_edge_data(u, v) or {}).values())
        forward = bool(datas)
        if not datas:
            datas = list((g.get_edge_data(v, u) or {}).values())
        source, target = (u, v) if forward else (v, u)
        for d in datas[:1] or [{}]:
            role = d.get("role") or "linked"
            step = {"from": u, "to": v, "source": source, "target": target, "role": role,
                    "documents": list(d.get("documents", [])), "evidence": []}
            is_incident = g.nodes[source].get("kind") == "incident"
            if is_incident and role in SUPPORTED_ROLES:
                step["evidence"] = [{"document": e["document"], "title": e["title"], "published": e["published"],
                                     "quote": e["quote"], "start": e["start"], "end": e["end"]}
                                    for e in support(store, source, role, target)][:quotes]
            elif is_incident and role in ("accused_by", "claimed_by"):
                step["evidence"] = [{"document": c["document"], "title": None, "published": None,
                                     "quote": c["quote"], "start": c.get("start"), "end": c.get("end")}
                                    for c in _claims_by(store, source, target)][:quotes]
            steps.append(step)
    return steps
