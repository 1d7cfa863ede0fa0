"""Relationship questions on the NetworkX projection beyond paths and centrality.

- ``neighbours``: the ego network of an entity, optionally only through incidents in a
  time window (incidents outside it, and what only they connect, drop out);
- ``co_targeting``: actors linked to the same facilities (as perpetrators or accusers);
- ``communities``: clusters of actors and facilities that incidents tie together.

All take the projection from ``graph.network`` and work on views, not copies, where the
direction of edges does not matter.
"""
from __future__ import annotations

from datetime import date
from itertools import combinations
from typing import Optional

import networkx as nx

from .network import _simple, ego, remembered

ACTOR_ROLES = ("perpetrator", "accused_by", "claimed_by")


def in_window(g: nx.MultiDiGraph, since: Optional[date] = None, until: Optional[date] = None) -> nx.MultiDiGraph:
    """A view without the incidents that fall outside [since, until]; undated incidents stay."""
    if since is None and until is None:
        return g

    def keep(n: str) -> bool:
        data = g.nodes[n]
        if data.get("kind") != "incident" or not isinstance(data.get("date"), date):
            return True
        d = data["date"]
        return (since is None or d >= since) and (until is None or d <= until)

    return nx.subgraph_view(g, filter_node=keep)


def neighbours(g: nx.MultiDiGraph, node: str, radius: int = 2, since: Optional[date] = None,
               until: Optional[date] = None) -> nx.MultiDiGraph:
    """The ego network of a node within ``radius`` steps, through incidents in the window."""
    return ego(in_window(g, since, until), node, radius)


def _facilities_of(g: nx.MultiDiGraph, actor: str) -> set[str]:
    """Facilities an actor is tied to through incidents it is said to be behind (or accused of)."""
    out = set()
    for incident, _, data in g.in_edges(actor, data=True):
        if data.get("role") in ACTOR_ROLES and g.nodes[incident].get("kind") == "incident":
            for _, target, d in g.out_edges(incident, data=True):
                if d.get("role") == "target":
                    out.add(target)
    return out


def co_targeting(g: nx.MultiDiGraph, min_shared: int = 1) -> list[dict]:
    """Pairs of actors linked to the same facilities, most shared first (worked out once per
    projection, see ``network.remembered``)."""
    if min_shared < 1:  # pairs sharing nothing too: not kept
        return _co_targeting(g, min_shared)
    rows = remembered(g, ("co_targeting",), lambda: _co_targeting(g, 1))
    return [dict(r) for r in rows if len(r["facilities"]) >= min_shared]


def _co_targeting(g: nx.MultiDiGraph, min_shared: int) -> list[dict]:
    actors = [n for n, d in g.nodes(data=True) if d.get("kind") == "actor"]
    targets = {a: _facilities_of(g, a) for a in actors}
    targets = {a: t for a, t in targets.items() if t}
    rows = []
    for a, b in combinations(sorted(targets), 2):
        shared = targets[a] & targets[b]
        if len(shared) >= min_shared:
            rows.append({"actors": (a, b), "labels": (g.nodes[a].get("label"), g.nodes[b].get("label")),
                         "facilities": sorted(shared), "facility_labels": sorted(g.nodes[f].get("label") for f in shared)})
    rows.sort(key=lambda r: (-len(r["facilities"]), r["labels"]))
    return rows


def communities(g: nx.MultiDiGraph, seed: int = 7) -> list[list[str]]:
    """Clusters of actors and facilities (Louvain on the undirected projection), largest first.

    Incidents and places are the glue that ties entities together, so they take part in the
    clustering but are not listed in the result. Seconds on a large projection: worked out
    once per projection (see ``network.remembered``).
    """
    groups = remembered(g, ("communities", seed), lambda: _communities(g, seed))
    return [list(m) for m in groups]


def _communities(g: nx.MultiDiGraph, seed: int) -> list[list[str]]:
    simple = _simple(g)  # the same graph as nx.Graph(g.to_undirected(as_view=True)), made once
    if simple.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(simple, seed=seed)
    out = []
    for group in groups:
        members = sorted(n for n in group if g.nodes[n].get("kind") in ("actor", "facility"))
        if members:
            out.append(members)
    out.sort(key=lambda m: (-len(m), m))
    return out
