"""The store projected into NetworkX, for relationship questions.

Nodes are actors, facilities, places and incidents; edges carry the role (target,
perpetrator, location, part_of) and the supporting documents. The projection is built
once per store state and cached: ``Projection.get`` rebuilds only when the set of ingested
documents has changed.
"""
from __future__ import annotations

import threading
import weakref
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

# What build() reads: the roles and, once per incident, its documents (the one query above
# repeats every role row for every document of its incident).
EDGE_QUERY = ROLE_QUERY.replace("SELECT ?s ?role ?o ?doc", "SELECT ?s ?role ?o").replace(
    "\n  OPTIONAL {{ ?s a ig:Incident ; ig:sourceDocument ?doc }}".replace("{{", "{").replace("}}", "}"), "")
DOCS_QUERY = PREFIXES + f"""
SELECT ?s ?doc WHERE {{ GRAPH <{MERGED_GRAPH}> {{ ?s a ig:Incident ; ig:sourceDocument ?doc }} }}"""

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
    docs_of: dict[str, set[str]] = {}
    for r in store.select(DOCS_QUERY):
        docs_of.setdefault(str(r["s"]), set()).add(str(r["doc"]))
    edges: dict[tuple[str, str, str], None] = {}
    for r in store.select(EDGE_QUERY):
        edges[(str(r["s"]), str(r["o"]), r["role"])] = None
    for s, o, role in edges:
        if s in g and o in g:
            g.add_edge(s, o, key=role, role=role, documents=sorted(docs_of.get(s, ())))
    return g


class Projection:
    """A cached projection of one store, rebuilt when its documents change."""

    def __init__(self):
        self._lock = threading.Lock()
        self._state: Optional[tuple] = None
        self._graph: Optional[nx.MultiDiGraph] = None

    def get(self, store: Store) -> nx.MultiDiGraph:
        token = getattr(store, "change_token", None)
        if token is not None:  # the embedded store counts its own writes: no query needed
            state = ("token", token())
        else:
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


_simple_cache: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple]" = weakref.WeakKeyDictionary()
_simple_lock = threading.Lock()


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """The projection as a simple undirected graph, made once per projection (a cached
    projection is shared by every request; copying it per call cost O(graph)). Kept only
    while ``g`` lives and has the same size."""
    size = (g.number_of_nodes(), g.number_of_edges())
    with _simple_lock:
        hit = _simple_cache.get(g)
        if hit is not None and hit[0] == size:
            return hit[1]
    simple = nx.Graph(g.to_undirected(as_view=True))
    with _simple_lock:
        _simple_cache[g] = (size, simple)
    return simple


def links(g: nx.MultiDiGraph, a: str, b: str, max_length: int = 4, limit: int = 20) -> list[list[str]]:
    """Simple paths of up to max_length edges between two entities, shortest first."""
    if a not in g or b not in g:
        return []
    # No path short enough: known from a bounded search, without copying the graph.
    if b not in nx.single_source_shortest_path_length(g.to_undirected(as_view=True), a, cutoff=max_length):
        return []
    undirected = _simple(g)
    out = []
    try:
        for p in islice(nx.shortest_simple_paths(undirected, a, b), limit):
            if len(p) - 1 > max_length:
                break
            out.append(p)
    except nx.NetworkXNoPath:
        return []
    return out


_central_cache: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple]" = weakref.WeakKeyDictionary()


def central(g: nx.MultiDiGraph, top: int = 20, sample: Optional[int] = None) -> list[dict]:
    """Actors and facilities ranked by degree, PageRank and (sampled when large) betweenness.

    Betweenness is minutes on a large projection; the answer is kept per projection (and
    size, top, sample), so asking again about the same store state costs nothing."""
    size = (g.number_of_nodes(), g.number_of_edges())
    with _simple_lock:
        hit = _central_cache.get(g)
        if hit is not None and hit[0] == size and (top, sample) in hit[1]:
            return [dict(r) for r in hit[1][(top, sample)]]
    rows = _central(g, top, sample)
    with _simple_lock:
        hit = _central_cache.get(g)
        answers = hit[1] if hit is not None and hit[0] == size else {}
        answers[(top, sample)] = rows
        _central_cache[g] = (size, answers)
    return [dict(r) for r in rows]


def _central(g: nx.MultiDiGraph, top: int, sample: Optional[int]) -> list[dict]:
    simple = _simple(g)
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
