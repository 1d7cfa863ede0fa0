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
    for s, doc in plain_rows(store, DOCS_QUERY, ("s", "doc")):
        docs_of.setdefault(s, set()).add(doc)
    listed = {s: sorted(docs) for s, docs in docs_of.items()}
    edges = dict.fromkeys((s, o, role) for s, role, o in plain_rows(store, EDGE_QUERY, ("s", "role", "o")))
    g.add_edges_from((s, o, role, {"role": role, "documents": list(listed.get(s, ()))})
                     for s, o, role in edges if s in g and o in g)
    return g


def plain_rows(store: Store, query: str, names: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows of a SELECT whose values are all IRIs or plain strings, as tuples of text in
    the order of ``names`` (the query's variables, in its order).

    Read from the store's TSV answer: ``select`` makes a Python term of every value, half the
    time of the projection's 100,000 edge and document rows. Any other answer (another
    format, an unbound, typed or escaped value) is read through ``select`` instead."""
    try:
        body, media = store.raw_query(query, "tsv")
    except NotImplementedError:
        body, media = b"", ""
    rows = _tsv_rows(body, names) if media == "text/tab-separated-values" else None
    if rows is None:
        rows = [tuple(str(r[n]) for n in names) for r in store.select(query) if all(n in r for n in names)]
    return rows


def _tsv_rows(body: bytes, names: tuple[str, ...]) -> Optional[list[tuple[str, ...]]]:
    lines = body.decode("utf-8").split("\n")
    if lines[0].rstrip("\r") != "\t".join("?" + n for n in names):
        return None
    width = len(names)
    rows = []
    for line in lines[1:]:  # the first line names the variables
        line = line.rstrip("\r")
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != width:
            return None
        row = []
        for f in fields:
            if len(f) < 2 or "\\" in f or f.startswith("<<") or (f[0], f[-1]) not in (("<", ">"), ('"', '"')):
                return None  # unbound, typed, tagged or escaped: not plain
            row.append(f[1:-1])
        rows.append(tuple(row))
    return rows


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


def _size(g: nx.Graph) -> tuple[int, int]:
    """A cheap fingerprint of a graph's size: nodes, and (node, neighbour) pairs of its
    adjacency. ``number_of_edges`` walks every edge key of a multigraph (100+ ms on the
    projection at 50k reports) and was paid by every cache lookup."""
    adj = getattr(g, "_adj", None)
    if type(adj) is dict:  # a graph of its own (a view filters its adjacency: count its edges)
        return len(g), sum(map(len, adj.values()))
    return len(g), g.number_of_edges()


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """The projection as a simple undirected graph, made once per projection (a cached
    projection is shared by every request; copying it per call cost O(graph)). Kept only
    while ``g`` lives and has the same size."""
    size = _size(g)
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


_answers: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple]" = weakref.WeakKeyDictionary()
_compute_lock = threading.RLock()  # one computation at a time: a second caller waits for the first's answer

# Betweenness is estimated from this many sampled source nodes once the projection has more
# than EXACT_UP_TO nodes (exact below), drawn with a fixed seed from the nodes in IRI order:
# the store returns them in an order that changes from one process to the next, and a
# sample drawn from that order (as networkx draws it) gave other figures each time.
BETWEENNESS_SAMPLE = 500
BETWEENNESS_SEED = 7
EXACT_UP_TO = 2000


def remembered(g: nx.MultiDiGraph, key: tuple, compute):
    """``compute()``, kept with the projection ``g`` (while it lives and has the same size):
    ``Projection.get`` hands out the same graph until the store is written, so an answer
    about the whole network is worked out once per store state. Callers must not change it."""
    size = _size(g)

    def known():
        with _simple_lock:
            hit = _answers.get(g)
            return hit[1] if hit is not None and hit[0] == size and key in hit[1] else None

    answers = known()
    if answers is not None:
        return answers[key]
    with _compute_lock:
        answers = known()  # worked out by another caller meanwhile
        if answers is not None:
            return answers[key]
        value = compute()
        with _simple_lock:
            hit = _answers.get(g)
            answers = hit[1] if hit is not None and hit[0] == size else {}
            answers[key] = value
            _answers[g] = (size, answers)
    return value


def central(g: nx.MultiDiGraph, top: int = 20, sample: Optional[int] = None,
            kind: Optional[str] = None) -> list[dict]:
    """Actors and facilities ranked by PageRank (then degree, then name), with their degree
    and (sampled when large) betweenness; ``kind`` keeps only actors or only facilities.

    The whole ranking is computed once per projection (and ``sample``) and kept with it, so
    asking again, with another ``top`` or ``kind``, costs nothing."""
    rows = remembered(g, ("central", sample), lambda: _central(g, sample))
    if kind is not None:
        rows = [r for r in rows if r["kind"] == kind]
    return [dict(r) for r in rows[:top]]


def _central(g: nx.MultiDiGraph, sample: Optional[int]) -> list[dict]:
    simple = _simple(g)
    n = simple.number_of_nodes()
    if n == 0:
        return []
    pr = nx.pagerank(simple)
    k = sample if sample else (min(BETWEENNESS_SAMPLE, n) if n > EXACT_UP_TO else None)
    bc = betweenness(simple, k=k, seed=BETWEENNESS_SEED, sample_from=sorted(simple, key=str) if k else None)
    rows = [{"iri": v, "label": g.nodes[v].get("label"), "kind": g.nodes[v].get("kind"),
             "degree": simple.degree(v), "pagerank": pr.get(v, 0.0), "betweenness": bc.get(v, 0.0)}
            for v in simple.nodes if g.nodes[v].get("kind") in ("actor", "facility")]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["label"] or ""))
    return rows


# Cells (nodes x sources) of the matrices one batch of betweenness works on: 2M float64
# cells are 16 MB per matrix, a few of them at a time (about 150 MB at the peak).
BATCH_CELLS = 2_000_000


def betweenness(simple: nx.Graph, k: Optional[int] = None, seed: Optional[int] = None,
                sample_from: Optional[list] = None) -> dict:
    """Shortest-path betweenness of an undirected, unweighted graph: the same values as
    ``nx.betweenness_centrality(simple, k=k, seed=seed)`` (normalized, endpoints excluded;
    with ``k``, the same sampled sources), up to rounding. ``sample_from``: the nodes in the
    order the sample is drawn from (networkx: the graph's own order).

    Brandes' algorithm run for a batch of sources at once as sparse matrix products
    (breadth-first levels forward, dependencies back), so the loops over nodes and edges run
    in SciPy instead of Python: seconds instead of minutes for 500 sources on a projection
    of 20,000 nodes."""
    import random

    import numpy as np

    nodes = list(simple)
    n = len(nodes)
    if k is not None and k >= n:
        k = None  # networkx does the same: all nodes are the sources
    sources = nodes if k is None else random.Random(seed).sample(list(sample_from or nodes), k)
    index = {v: i for i, v in enumerate(nodes)}
    total = np.zeros(n)
    if n > 2:
        adj = _adjacency(simple, index)
        width = max(1, min(len(sources), BATCH_CELLS // n))
        for start in range(0, len(sources), width):
            batch = np.fromiter((index[s] for s in sources[start:start + width]), dtype=np.int64)
            total += _dependencies(adj, batch)
    # networkx's rescaling (normalized, undirected, endpoints excluded)
    pairs = n - 1
    if pairs < 2:
        return dict.fromkeys(nodes, 0.0)
    scale = np.full(n, 1.0 / (pairs * (pairs - 1)) if k is None else 1.0 / (k * (pairs - 1)))
    if k is not None:
        scale[[index[s] for s in sources]] = 1.0 / ((k - 1) * (pairs - 1)) if k > 1 else float("nan")
    return dict(zip(nodes, (total * scale).tolist()))


def _adjacency(simple: nx.Graph, index: dict):
    """The graph as a symmetric 0/1 CSR matrix in ``index`` order, without self-loops."""
    import numpy as np
    import scipy.sparse as sp

    rows, cols = [], []
    for u, nbrs in simple.adjacency():
        iu = index[u]
        for v in nbrs:
            if v != u:
                rows.append(iu)
                cols.append(index[v])
    n = len(index)
    return sp.csr_array((np.ones(len(rows)), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
                        shape=(n, n))


def _dependencies(adj, sources) -> "np.ndarray":
    """Brandes' dependency of every node, summed over a batch of sources (node x source
    matrices: column j holds the search from ``sources[j]``)."""
    import numpy as np

    n, b = adj.shape[0], len(sources)
    cols = np.arange(b)
    sigma = np.zeros((n, b))  # shortest paths from each source to each node
    sigma[sources, cols] = 1.0
    reached = sigma > 0
    levels = [reached.copy()]  # the nodes at each distance from each source
    frontier = sigma.copy()
    while True:
        step = adj @ frontier  # paths one edge further
        step[reached] = 0.0  # only to nodes first reached now
        new = step > 0
        if not new.any():
            break
        reached |= new
        sigma += step
        levels.append(new)
        frontier = step
    inverse = np.zeros((n, b))
    np.divide(1.0, sigma, out=inverse, where=reached)
    delta = np.zeros((n, b))
    for d in range(len(levels) - 1, 1, -1):  # from the farthest level back to distance 1
        coeff = delta + 1.0
        coeff *= inverse
        coeff *= levels[d]
        back = adj @ coeff
        back *= sigma
        back *= levels[d - 1]
        delta += back
    return delta.sum(axis=1)
