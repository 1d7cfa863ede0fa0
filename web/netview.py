"""Choose which part of the projected graph a view draws, and say what was left out.

Pure NetworkX: the node cap keeps the best connected nodes so a large graph stays readable,
and ``View.note`` tells the reader how much is hidden and how to see it.
"""
from __future__ import annotations

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


def _cap(g: nx.MultiDiGraph, cap: int, keep: Iterable[str] = ()) -> tuple[nx.MultiDiGraph, int]:
    """The ``cap`` best connected nodes (ties by label), always keeping ``keep``."""
    if g.number_of_nodes() <= cap:
        return g, 0
    keep = [n for n in keep if n in g]
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), str(g.nodes[n].get("label") or ""), n))
    chosen = list(dict.fromkeys(keep + ranked))[:cap]
    return g.subgraph(chosen), g.number_of_nodes() - len(chosen)


def explorer(g: nx.MultiDiGraph, kinds: Iterable[str], min_degree: int, cap: int) -> View:
    """The whole graph or the part of the chosen kinds whose nodes have at least ``min_degree`` links."""
    kinds = set(kinds) or set(KINDS)
    part = g.subgraph([n for n, d in g.nodes(data=True) if d.get("kind") in kinds])
    if min_degree > 0:
        part = part.subgraph([n for n in part.nodes if part.degree(n) >= min_degree])
    filtered_out = g.number_of_nodes() - part.number_of_nodes()
    shown, left_out = _cap(part, cap)
    view = View(shown, part.number_of_nodes(), left_out, filtered_out)
    if filtered_out:
        view.notes.append(f"{filtered_out} node{'s' if filtered_out != 1 else ''} of other kinds or with "
                          f"fewer than {min_degree} link{'s' if min_degree != 1 else ''} are not shown.")
    if left_out:
        view.notes.append(f"Showing the {shown.number_of_nodes()} best connected of {part.number_of_nodes()} "
                          f"nodes; {left_out} left out. Raise the minimum number of links or choose fewer "
                          f"kinds to see the rest.")
    return view


def neighbourhood(g: nx.MultiDiGraph, iri: str, radius: int, cap: int) -> View:
    """An entity and everything within ``radius`` steps of it, capped around the entity."""
    near = ego(g, iri, radius)
    shown, left_out = _cap(near, cap, keep=[iri])
    view = View(shown, near.number_of_nodes(), left_out, focus=iri)
    if left_out:
        view.notes.append(f"Showing {shown.number_of_nodes()} of the {near.number_of_nodes()} nodes within "
                          f"{radius} steps; {left_out} less connected ones left out.")
    return view
