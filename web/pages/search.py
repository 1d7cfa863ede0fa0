"""Entity search by name or alias, from the box in every page's header."""
from __future__ import annotations

from flask import Blueprint, current_app, request

from graph import queries

from .. import paths
from ..store import get_store
from ..twin import render

bp = Blueprint("search", __name__)
KINDS = ("actor", "facility", "place")


@bp.get("/search")
def show():
    q = (request.args.get("q") or "").strip()[:200]
    kind = request.args.get("kind") or None
    if kind not in (None, *KINDS):
        kind = None
    results = []
    if q:
        results = queries.find_entities(get_store(), q, kind, int(current_app.config["SEARCH_LIMIT"]))
        for r in results:
            r["url"] = paths.href(r["iri"])
    return render("search.html", {"q": q, "kind": kind, "results": results}, kinds=KINDS)
