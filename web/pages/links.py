"""How is A linked to B? Every path of up to k steps through the network, each step with the
sentence that supports it."""
from __future__ import annotations

from flask import Blueprint, abort, request

from graph import webqueries
from graph.network import links

from .. import paths
from ..store import get_projection, get_store
from ..twin import render

bp = Blueprint("links", __name__)

DEFAULT_LENGTH, MAX_LENGTH, MAX_PATHS = 4, 6, 20
# each step reads "source <phrase> target", source being the incident or the part
PHRASES = {"target": "hit", "perpetrator": "attributed to", "location": "happened in", "accused_by": "alleged by",
           "claimed_by": "claimed by", "part_of": "is part of", "operator": "is operated by", "located_in": "lies in"}


def _length() -> int:
    raw = request.args.get("k") or str(DEFAULT_LENGTH)
    try:
        k = int(raw)
    except ValueError:
        k = 0
    if not 1 <= k <= MAX_LENGTH:
        abort(400, description=f"k={raw!r}: the longest path must be a whole number from 1 to {MAX_LENGTH}.")
    return k


def _pick(name: str) -> dict:
    text = (request.args.get(name) or "").strip()[:200]
    iri, candidates = webqueries.resolve_entity(get_store(), text) if text else (None, [])
    return {"text": text, "iri": iri,
            "candidates": [dict(c, url=paths.href(c["iri"]), key=_key(c["iri"])) for c in candidates]}


def _key(iri) -> str:
    """``actor/ukraine``: what the form sends back when a candidate is chosen."""
    href = paths.href(iri) or ""
    return href[len("/entity/"):] if href.startswith("/entity/") else str(iri)


@bp.get("/links")
def show():
    k = _length()
    a, b = _pick("a"), _pick("b")
    g = get_projection()
    found, problem = [], None
    if a["iri"] and b["iri"]:
        if a["iri"] == b["iri"]:
            problem = "Both are the same entity; choose two different ones."
        else:
            store = get_store()
            for p in links(g, a["iri"], b["iri"], max_length=k, limit=MAX_PATHS):
                found.append({"nodes": [{"iri": n, "label": g.nodes[n].get("label") or n,
                                         "kind": g.nodes[n].get("kind"), "url": paths.href(n)} for n in p],
                              "steps": webqueries.explain_path(store, g, p)})
    for side in (a, b):
        if side["text"] and not side["iri"] and not side["candidates"]:
            problem = f"Nothing is called “{side['text']}”. Try part of the name, or search for it first."
    labels = {n["iri"]: n for p in found for n in p["nodes"]}
    data = {"a": a, "b": b, "k": k, "paths": found, "problem": problem, "max_paths": MAX_PATHS}
    return render("links.html", data, labels=labels, max_length=MAX_LENGTH, phrases=PHRASES,
                  a_label=(g.nodes[a["iri"]].get("label") if a["iri"] in g else a["text"]),
                  b_label=(g.nodes[b["iri"]].get("label") if b["iri"] in g else b["text"]))
