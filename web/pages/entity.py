"""One entity: names, kind, part-of links, incidents by date, linked entities, claims, ego network."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, url_for

from graph import queries, webqueries

from .. import paths
from ..netview import neighbourhood
from ..store import cached, get_projection, get_store
from ..twin import render
from .network import frame_response
from .timeline import STANCE_WORDS

bp = Blueprint("entity", __name__)


LIST_CAP = 100  # most incidents, documents, linked entities and claims one entity page lists
MISSING = "No entity has this address. Search for it by name with the box above."


def _info(iri):
    # kept until the store is written: a busy actor's page reads hundreds of incidents
    info = cached(f"entity:{iri}:{LIST_CAP}", lambda store: queries.entity(store, iri, limit=LIST_CAP))
    if info is None:
        abort(404, description=MISSING)
    return info


def _view(iri):
    cfg = current_app.config
    return neighbourhood(get_projection(), str(iri), int(cfg["EGO_RADIUS"]), int(cfg["EGO_NODE_CAP"]))


@bp.get("/entity/<kind>/<slug>")
def show(kind: str, slug: str):
    iri = paths.entity_iri(f"{kind}/{slug}")
    info = _info(iri)
    view = _view(iri)
    data = dict(info, url=paths.href(iri),
                incidents=[{"incident": row.to_json(), "roles": roles} for row, roles in info["incidents"]],
                network=view.to_json(), list_cap=LIST_CAP)
    return render("entity.html", data, info=info, view=view, stances=STANCE_WORDS,
                  frame_url=url_for("entity.network", kind=kind, slug=slug))


@bp.get("/entity/<path:key>")
def by_iri(key: str):
    """An entity addressed by its full IRI (``/entity/https://w3id.org/…/id/actor/x``)."""
    iri = paths.entity_iri(key)
    kind, slug = str(iri).rsplit("/", 2)[-2:]
    return show(kind, slug)


@bp.get("/entity/<kind>/<slug>/network")
def network(kind: str, slug: str):
    iri = paths.entity_iri(f"{kind}/{slug}")
    if not webqueries.entity_known(get_store(), iri):  # the frame needs no more than that
        abort(404, description=MISSING)
    return frame_response(_view(iri))
