"""Downloads: the incidents as an ACLED-like CSV and TimelineJS JSON, the network as GraphML
and GEXF, the graph as RDF; each honours ``?as_of=YYYY-MM-DD`` (only articles published by then)."""
from __future__ import annotations

from flask import Blueprint, Response, abort, request, url_for

from graph import exports, webqueries

from ..filters import date_arg
from ..netgraph import as_of_graph
from ..store import get_store
from ..twin import render

bp = Blueprint("exports", __name__)

# name in the URL -> (label, media type, what it holds)
FILES = {
    "incidents.csv": ("Incidents, CSV (ACLED-like columns)", "text/csv; charset=utf-8",
                      "One row per merged incident: dates and precision, type, perpetrators, target, place, sources."),
    "timeline.json": ("Incidents, TimelineJS JSON", "application/json",
                      "For Knight Lab's TimelineJS; dated incidents only, text escaped."),
    "graph.graphml": ("Network, GraphML", "application/graphml+xml",
                      "Actors, facilities, places and incidents with role-labelled links, for Gephi or yEd."),
    "graph.gexf": ("Network, GEXF", "application/gexf+xml", "The same network for Gephi."),
    "graph.ttl": ("Graph, Turtle", "text/turtle; charset=utf-8", "Every triple of the document graphs."),
    "graph.nt": ("Graph, N-Triples", "application/n-triples", "Every triple of the document graphs, one a line."),
    "graph.trig": ("Graph with named graphs, TriG", "application/trig",
                   "Every document graph and the merged graph, named; not available with as_of."),
}
# .json is taken off the path by the twin middleware, so /export/timeline.json arrives as this
ROUTED = {"timeline": "timeline.json"}


def _as_of():
    return date_arg("as_of", request.args.get("as_of"))


def _flat(g):
    """Attribute values GraphML and GEXF can hold (no lists, no None)."""
    import networkx as nx

    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: (v.isoformat() if hasattr(v, "isoformat") else str(v)) for k, v in d.items() if v is not None})
    for s, o, key, d in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=key, role=d.get("role", key), documents=" ".join(d.get("documents", [])))
    return out


def _network(fmt: str, as_of) -> bytes:
    import io

    import networkx as nx

    if not as_of:
        return exports.graphml(get_store()) if fmt == "graphml" else exports.gexf(get_store())
    buf = io.BytesIO()
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(_flat(as_of_graph(as_of)), buf, encoding="utf-8")
    return buf.getvalue()


def _make(name: str, as_of) -> bytes:
    store = get_store()
    if name == "incidents.csv":
        return exports.incidents_csv(store, as_of)
    if name == "timeline.json":
        title = "Incidents" + (f" as known on {as_of.isoformat()}" if as_of else "")
        return exports.timelinejs(store, title=title, as_of=as_of)
    if name in ("graph.graphml", "graph.gexf"):
        return _network(name.rsplit(".", 1)[1], as_of)
    fmt = name.rsplit(".", 1)[1]
    if as_of:
        if fmt == "trig":
            abort(400, description="The TriG export holds every named graph and cannot be cut to a day; "
                                   "use graph.ttl?as_of=… or graph.nt?as_of=… for the articles published by then.")
        return webqueries.rdf_as_of(store, as_of, fmt)
    return store.export(fmt)


@bp.get("/export/<name>")
def download(name: str):
    name = ROUTED.get(name, name)
    if name not in FILES:
        abort(404, description=f"There is no export called {name!r}; the exports page lists them.")
    as_of = _as_of()
    body = _make(name, as_of)
    stem, ext = name.rsplit(".", 1)
    filename = f"incidentgraph-{stem}{'-as-of-' + as_of.isoformat() if as_of else ''}.{ext}"
    resp = Response(body, content_type=FILES[name][1])
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


@bp.get("/export")
def show():
    as_of = request.args.get("as_of") or None
    _as_of()  # refuse a malformed date here too
    files = [{"name": name, "label": label, "media_type": media, "about": about,
              "url": url_for("exports.download", name=name, **({"as_of": as_of} if as_of else {}))}
             for name, (label, media, about) in FILES.items() if not (as_of and name == "graph.trig")]
    return render("exports.html", {"as_of": as_of, "files": files})
