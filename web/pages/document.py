"""One article: its text with mentions highlighted by kind, and the facts extracted from it."""
from __future__ import annotations

from flask import Blueprint, abort

from graph import queries, webqueries
from graph.queries import TimelineFilter

from .. import paths
from ..highlight import tree
from ..store import get_store
from ..twin import render
from .timeline import STANCE_WORDS, attribution, incident_json

bp = Blueprint("document", __name__)


@bp.get("/document/<path:key>")
def show(key: str):
    store = get_store()
    iri = paths.document_iri(key)
    doc = queries.document(store, iri)
    if doc is None:
        abort(404, description="No document has this address. Documents are addressed by the "
                               "SHA-256 of their text; re-ingesting changed text gives a new address.")
    incidents = queries.timeline(store, TimelineFilter(document=iri, limit=1000))
    claims = webqueries.document_claims(store, iri)
    entities = webqueries.document_entities(store, iri)
    by_incident = webqueries.claims_about_incidents(store, [r.iri for r in incidents])
    data = {"document": dict(doc, page=paths.href(iri)),
            "incidents": [incident_json(r, by_incident[r.iri]) for r in incidents],
            "entities": entities, "claims": claims}
    return render("document.html", data, doc=doc, body=tree(doc["text"], doc["mentions"]), rows=incidents,
                  by_incident=by_incident, stances=STANCE_WORDS, attribution=attribution)
