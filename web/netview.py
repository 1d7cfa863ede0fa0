"""Choose which part of the projected graph a view draws, and say what was left out.

Pure NetworkX: the node cap keeps the best connected nodes so a large graph stays readable,
and ``View.note`` tells the reader how much is hidden and how to see it.
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from typing import Iterable, Optional

import networkx as nx

from graph.network import ego

KINDS = ("actor", "facility", "place", "incident")


@dataclass
class View:
    graph: nx.MultiDiGraph
    total: int  # nodes before the cap
    left_out: int  # nodes dropped by the cap
    filtered_out: int = 0  # nodes dropped by kind or degree filters
    focus: Optional[str] = None
    notes: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        return " ".join(self.notes)

    def to_json(self) -> dict:
        g = self.graph
        return {
            "nodes": [{"iri": n, "label": d.get("label"), "kind": d.get("kind"), "type": d.get("type"),
                       "degree": g.degree(n)} for n, d in sorted(g.nodes(data=True))],
            "edges": [{"source": s, "target": o, "role": d.get("role"), "documents": d.get("documents", [])}
                      for s, o, d in g.edges(data=True)],
            "shown": g.number_of_nodes(), "total": self.total, "left_out": self.left_out,
            "filtered_out": self.filtered_out, "note": self.note,
        }


def _degrees(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, int]:
    """Each node's degree in the part of ``g`` made of ``nodes``, read from ``g``'s own
    adjacency: asking a subgraph view node by node cost seconds on the whole projection."""
    if len(nodes) == g.number_of_nodes():
        return dict(g.degree())
    keep = set(nodes)
    succ, pred = g.succ, g.pred
    return {n: sum(len(keys) for m, keys in succ[n].items() if m in keep)
            + sum(len(keys) for m, keys in pred[n].items() if m in keep) for n in keep}


def _cap(g: nx.MultiDiGraph, nodes: list[str], cap: int, keep: Iterable[str] = ()) -> tuple[nx.MultiDiGraph, int]:
    """The part of ``g`` made of ``nodes``, cut to the ``cap`` best connected ones (ties by
    label), always keeping ``keep``."""
    part = g if len(nodes) == g.number_of_nodes() else g.subgraph(nodes)
    if len(nodes) <= cap:
        return part, 0
    ranked = _ranked(g, nodes)
    wanted = set(ranked)
    keep = [n for n in keep if n in wanted]
    chosen = list(dict.fromkeys(keep + ranked[:cap]))[:cap]
    return g.subgraph(chosen), len(nodes) - len(chosen)


_rank_cache: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple]" = weakref.WeakKeyDictionary()
_rank_lock = threading.Lock()


def _ranked(g: nx.MultiDiGraph, nodes: list[str]) -> list[str]:
    """``nodes`` best connected first (ties by label, then IRI). The ranking of a whole graph
    is kept while it lives (the cached projection: the explorer's default view, which is
    never changed in place: a new store state builds a new one). Keyed by node count only:
    counting edges walks the whole graph."""
    whole = len(nodes) == g.number_of_nodes()
    size = g.number_of_nodes()
    if whole:
        with _rank_lock:
            hit = _rank_cache.get(g)
        if hit is not None and hit[0] == size:
            return hit[1]
    deg = _degrees(g, nodes)
    ranked = sorted(deg, key=lambda n: (-deg[n], str(g.nodes[n].get("label") or ""), n))
    if whole:
        with _rank_lock:
            _rank_cache[g] = (size, ranked)
    return ranked


def explorer(g: nx.MultiDiGraph, kinds: Iterable[str], min_degree: int, cap: int) -> View:
    """The whole graph or the part of the chosen kinds whose nodes have at least ``min_degree`` links."""
    kinds = set(kinds) or set(KINDS)
    nodes = [n for n, d in g.nodes(data=True) if d.get("kind") in kinds]
    if min_degree > 0:
        deg = _degrees(g, nodes)
        nodes = [n for n in nodes if deg[n] >= min_degree]
    filtered_out = g.number_of_nodes() - len(nodes)
    shown, left_out = _cap(g, nodes, cap)
    view = View(shown, len(nodes), left_out, filtered_out)
    if filtered_out:
        view.notes.append(f"{filtered_out} node{'s' if filtered_out != 1 else ''} of other kinds or with "
                          f"fewer than {min_degree} link{'s' if min_degree != 1 else ''} are not shown.")
    if left_out:
        view.notes.append(f"Showing the {shown.number_of_nodes()} best connected of {len(nodes)} "
                          f"nodes; {left_out} left out. Raise the minimum number of links or choose fewer "
                          f"kinds to see the rest.")
    return view


def neighbourhood(g: nx.MultiDiGraph, iri: str, radius: int, cap: int) -> View:
    """An entity and everything within ``radius`` steps of it, capped around the entity."""
    near = ego(g, iri, radius)
    if not near.number_of_nodes():
        return View(near, 0, 0, focus=iri)
    # ego is the part of g induced by its nodes, so g's adjacency gives the same degrees
    shown, left_out = _cap(g, list(near.nodes), cap, keep=[iri])
    view = View(shown, near.number_of_nodes(), left_out, focus=iri)
    if left_out:
        view.notes.append(f"Showing {shown.number_of_nodes()} of the {near.number_of_nodes()} nodes within "
                          f"{radius} steps; {left_out} less connected ones left out.")
    return view
