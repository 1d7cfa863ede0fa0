"""The network explorer: the whole graph or a filtered part, drawn by pyvis in a sandboxed frame."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request, url_for

from graph import vocab

from .. import choices, paths, pyvis_frame
from ..filters import date_arg
from ..netgraph import base_graph, narrow
from ..netview import KINDS, View, explorer
from ..security import FRAME_CSP
from ..twin import render

bp = Blueprint("network", __name__)


def _window() -> dict:
    """The date window, incident types and as-known-on day the URL asks for."""
    since, until = date_arg("since", request.args.get("since")), date_arg("until", request.args.get("until"))
    if since and until and since > until:
        abort(400, description=f"since ({since}) is after until ({until}); swap them.")
    types = [t for t in request.args.getlist("type") if t]
    bad = [t for t in types if t not in vocab.incident_types()]
    if bad:
        abort(400, description=f"type={bad[0]!r} is not an incident type; use one of {', '.join(vocab.incident_types())}.")
    return {"since": since, "until": until, "types": types, "as_of": date_arg("as_of", request.args.get("as_of"))}


def _params() -> tuple[list[str], int]:
    kinds = [k for k in request.args.getlist("kind") if k]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        abort(400, description=f"kind={bad[0]!r} is not a node kind; use {', '.join(KINDS)}.")
    try:
        min_degree = int(request.args.get("min_degree") or 0)
    except ValueError:
        min_degree = -1
    if min_degree < 0:
        abort(400, description="min_degree must be a whole number from 0.")
    return kinds, min_degree


def frame_response(view: View) -> Response:
    """A pyvis document, locked down: no network access, framable only by this site."""
    html = pyvis_frame.render(view.graph, paths.href, focus=view.focus,
                              physics_max_nodes=int(current_app.config["PHYSICS_MAX_NODES"]))
    resp = Response(html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = FRAME_CSP
    resp.headers["Cache-Control"] = "no-store"
    return resp


def _view(kinds: list[str], min_degree: int) -> View:
    w = _window()
    g, notes = narrow(base_graph(w["as_of"]), w["since"], w["until"], w["types"])
    view = explorer(g, kinds, min_degree, int(current_app.config["NETWORK_NODE_CAP"]))
    if w["as_of"]:
        notes.insert(0, f"As known on {w['as_of'].isoformat()}: only articles published by then.")
    view.notes[:0] = notes
    return view


@bp.get("/network")
def show():
    kinds, min_degree = _params()
    view = _view(kinds, min_degree)
    frame = url_for("network.frame", **request.args.to_dict(flat=False))
    return render("network.html", dict(view.to_json(), filter={k: v for k, v in request.args.items() if v}),
                  view=view, kinds=KINDS, chosen=kinds, min_degree=min_degree, frame_url=frame, window=_window(),
                  types=choices.types(), cap=int(current_app.config["NETWORK_NODE_CAP"]))


@bp.get("/network/frame")
def frame():
    return frame_response(_view(*_params()))
