"""The store projected into NetworkX, for relationship questions.

Nodes are actors, facilities, places and incidents; edges carry the role (target,
perpetrator, location, part_of) and the supporting documents. The projection is built
once per store state and cached: ``Projection.get`` rebuilds only when the set of ingested
documents has changed.
"""
from __future__ import annotations

import threading
from itertools import islice
from typing import Optional

import networkx as nx

from .namespace import MERGED_GRAPH
from .queries import PREFIXES
from .store import Store

ROLE_QUERY = PREFIXES + f"""
SELECT ?s ?role ?o ?doc WHERE {{ GRAPH <{MERGED_GRAPH}> {{
  {{ ?s ig:target ?o . BIND("target" AS ?role) }} UNION
  {{ ?s ig:perpetrator ?o . BIND("perpetrator" AS ?role) }} UNION
  {{ ?s ig:accusedBy ?o . BIND("accused_by" AS ?role) }} UNION
  {{ ?s ig:claimedBy ?o . BIND("claimed_by" AS ?role) }} UNION
  {{ ?s ig:location ?o . BIND("location" AS ?role) }} UNION
  {{ ?s ig:partOf ?o . BIND("part_of" AS ?role) }} UNION
  {{ ?s ig:operator ?o . BIND("operator" AS ?role) }} UNION
  {{ ?s ig:locatedIn ?o . BIND("located_in" AS ?role) }}
  OPTIONAL {{ ?s a ig:Incident ; ig:sourceDocument ?doc }}
}} }}"""

NODE_QUERY = PREFIXES + f"""
SELECT ?n ?label ?kind ?type ?earliest WHERE {{ GRAPH <{MERGED_GRAPH}> {{
  {{ ?n ig:entityKind ?kind . OPTIONAL {{ ?n ig:entityType ?type }} }}
  UNION
  {{ ?n a ig:Incident ; ig:incidentType ?type . BIND("incident" AS ?kind)
    OPTIONAL {{ ?n ig:when/ig:earliest ?earliest }} }}
  ?n rdfs:label ?label .
}} }}"""

STATE_QUERY = PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) (MAX(STR(?t)) AS ?last) WHERE { ?d a ig:Document ; prov:generatedAtTime ?t }"


def build(store: Store) -> nx.MultiDiGraph:
    """Project the whole store; edges point from incident to entity, and part to whole."""
    g = nx.MultiDiGraph()
    for r in store.select(NODE_QUERY):
        n = str(r["n"])
        if n not in g:
            g.add_node(n, label=r["label"], kind=r["kind"], type=r.get("type"), date=r.get("earliest"))
    edges: dict[tuple[str, str, str], set[str]] = {}
    for r in store.select(ROLE_QUERY):
        key = (str(r["s"]), str(r["o"]), r["role"])
        docs = edges.setdefault(key, set())
        if r.get("doc"):
            docs.add(str(r["doc"]))
    for (s, o, role), docs in edges.items():
        if s in g and o in g:
            g.add_edge(s, o, key=role, role=role, documents=sorted(docs))
    return g


class Projection:
    """A cached projection of one store, rebuilt when its documents change."""

    def __init__(self):
        self._lock = threading.Lock()
        self._state: Optional[tuple] = None
        self._graph: Optional[nx.MultiDiGraph] = None

    def get(self, store: Store) -> nx.MultiDiGraph:
        rows = store.select(STATE_QUERY)
        state = (store.location, rows[0].get("n"), rows[0].get("last")) if rows else (store.location,)
        with self._lock:
            if self._graph is None or state != self._state:
                self._graph = build(store)
                self._state = state
            return self._graph


def ego(g: nx.MultiDiGraph, node: str, radius: int = 2) -> nx.MultiDiGraph:
    """The neighbourhood of a node, ignoring edge direction (a view, not a copy, is searched)."""
    if node not in g:
        return nx.MultiDiGraph()
    undirected = g.to_undirected(as_view=True)
    nodes = nx.single_source_shortest_path_length(undirected, node, cutoff=radius)
    return g.subgraph(nodes)


def links(g: nx.MultiDiGraph, a: str, b: str, max_length: int = 4, limit: int = 20) -> list[list[str]]:
    """Simple paths of up to max_length edges between two entities, shortest first."""
    if a not in g or b not in g:
        return []
    undirected = nx.Graph(g.to_undirected(as_view=True))
    out = []
    try:
        for p in islice(nx.shortest_simple_paths(undirected, a, b), limit):
            if len(p) - 1 > max_length:
                break
            out.append(p)
    except nx.NetworkXNoPath:
        return []
    return out


def central(g: nx.MultiDiGraph, top: int = 20, sample: Optional[int] = None) -> list[dict]:
    """Actors and facilities ranked by degree, PageRank and (sampled when large) betweenness."""
    simple = nx.Graph(g.to_undirected(as_view=True))
    if simple.number_of_nodes() == 0:
        return []
    pr = nx.pagerank(simple)
    k = sample if sample else (min(500, simple.number_of_nodes()) if simple.number_of_nodes() > 2000 else None)
    bc = nx.betweenness_centrality(simple, k=k, seed=7 if k else None)
    rows = [{"iri": n, "label": g.nodes[n].get("label"), "kind": g.nodes[n].get("kind"),
             "degree": simple.degree(n), "pagerank": pr.get(n, 0.0), "betweenness": bc.get(n, 0.0)}
            for n in simple.nodes if g.nodes[n].get("kind") in ("actor", "facility")]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["label"] or ""))
    return rows[:top]
