"""One incident: its roles, dates, evidence and the claims that concern it."""
from __future__ import annotations

from flask import Blueprint, abort

from graph import queries, webqueries

from .. import paths
from ..store import get_store
from ..twin import render
from .timeline import STANCE_WORDS, attribution, incident_json

bp = Blueprint("incident", __name__)


@bp.get("/incident/<path:key>")
def show(key: str):
    store = get_store()
    iri = paths.incident_iri(key)
    row = queries.incident(store, iri)
    if row is None:
        abort(404, description="No incident has this address; it may have been re-extracted. "
                               "Find it again on the timeline.")
    claims = webqueries.claims_about_incidents(store, [row.iri])[row.iri]
    details = webqueries.incident_details(store, iri)
    data = {"incident": dict(incident_json(row, claims), **details)}
    return render("incident.html", data, row=row, claims=claims, details=details,
                  stances=STANCE_WORDS, attribution=attribution)
