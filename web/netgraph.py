"""The network a view starts from: the cached projection, or the record as known on a day,
narrowed to a date window and to incident types before ``web.netview`` caps it.

Date windows keep incidents whose first possible day falls inside the window (undated ones
are dropped, and said to be), then drop entities left with no link.
"""
from __future__ import annotations

from datetime import date
from typing import Iterable, Optional

import networkx as nx

from graph import webqueries

from .store import get_projection, get_store


def as_of_graph(as_of: date) -> nx.MultiDiGraph:
    """The projection built from the documents published on or before ``as_of``."""
    nodes, edges = webqueries.network_as_of(get_store(), as_of)
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["iri"], label=n["label"], kind=n["kind"], type=n["type"], date=n["date"])
    for e in edges:
        g.add_edge(e["source"], e["target"], key=e["role"], role=e["role"], documents=e["documents"])
    return g


def base_graph(as_of: Optional[date]) -> nx.MultiDiGraph:
    return as_of_graph(as_of) if as_of else get_projection()


def narrow(g: nx.MultiDiGraph, since: Optional[date], until: Optional[date], types: Iterable[str]
           ) -> tuple[nx.MultiDiGraph, list[str]]:
    """Only incidents in the window and of the chosen types, and what they touch; with notes."""
    types = set(types)
    if not (since or until or types):
        return g, []
    notes = []
    dropped = [n for n, d in g.nodes(data=True) if d.get("kind") == "incident" and not _keep(d, since, until, types)]
    undated = sum(1 for n in dropped if not isinstance(g.nodes[n].get("date"), date)) if (since or until) else 0
    part = g.subgraph(set(g.nodes) - set(dropped))
    # entities that only the dropped incidents linked are dropped too; part-of links alone do not keep them
    incident_linked = {o for s, o, d in part.edges(data=True) if part.nodes[s].get("kind") == "incident"}
    wholes = set()
    frontier = set(incident_linked)
    while frontier:
        nxt = {o for s in frontier for _, o, d in part.out_edges(s, data=True) if d.get("role") == "part_of"} - wholes - incident_linked
        wholes |= nxt
        frontier = nxt
    keep = [n for n, d in part.nodes(data=True) if d.get("kind") == "incident" or n in incident_linked or n in wholes]
    part = part.subgraph(keep)
    what = []
    if types:
        what.append("of the chosen types")
    if since or until:
        what.append(f"dated {'from ' + since.isoformat() if since else ''}{' ' if since and until else ''}"
                    f"{'to ' + until.isoformat() if until else ''}")
    notes.append(f"Only incidents {' and '.join(what)}, and what they touch: {len(dropped)} incident"
                 f"{'s' if len(dropped) != 1 else ''} outside{f' ({undated} undated)' if undated else ''}.")
    return part, notes


def _keep(d: dict, since: Optional[date], until: Optional[date], types: set[str]) -> bool:
    if types and d.get("type") not in types:
        return False
    when = d.get("date")
    if since or until:
        if not isinstance(when, date):
            return False
        if (since and when < since) or (until and when > until):
            return False
    return True
