"""Who matters in the graph: central actors and facilities, actors linked to the same
facilities, and clusters that incidents tie together. One page, three tables."""
from __future__ import annotations

from flask import Blueprint

from graph import analysis
from graph.network import central

from .. import paths
from ..store import get_projection
from ..twin import render

bp = Blueprint("analysis", __name__)

TOP = 25


def _node(g, n: str) -> dict:
    return {"iri": n, "label": g.nodes[n].get("label") or n, "kind": g.nodes[n].get("kind"), "url": paths.href(n)}


@bp.get("/analysis")
def show():
    g = get_projection()
    ranked = [dict(r, url=paths.href(r["iri"])) for r in central(g, top=TOP)]
    pairs = [{"actors": [_node(g, a) for a in r["actors"]], "facilities": [_node(g, f) for f in r["facilities"]]}
             for r in analysis.co_targeting(g)[:TOP]]
    groups = [[_node(g, n) for n in group] for group in analysis.communities(g)[:TOP] if len(group) > 1]
    return render("analysis.html", {"central": ranked, "co_targeting": pairs, "communities": groups})
