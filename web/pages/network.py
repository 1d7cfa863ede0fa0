"""The network explorer: the whole graph or a filtered part, drawn by pyvis in a sandboxed frame."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request, url_for

from .. import paths, pyvis_frame
from ..netview import KINDS, View, explorer
from ..security import FRAME_CSP
from ..store import get_projection
from ..twin import render

bp = Blueprint("network", __name__)


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
    return explorer(get_projection(), kinds, min_degree, int(current_app.config["NETWORK_NODE_CAP"]))


@bp.get("/network")
def show():
    kinds, min_degree = _params()
    view = _view(kinds, min_degree)
    frame = url_for("network.frame", **request.args.to_dict(flat=False))
    return render("network.html", view.to_json(), view=view, kinds=KINDS, chosen=kinds, min_degree=min_degree,
                  frame_url=frame)


@bp.get("/network/frame")
def frame():
    return frame_response(_view(*_params()))
