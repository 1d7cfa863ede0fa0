"""One incident: its roles, dates, evidence and the claims that concern it."""
from __future__ import annotations

from flask import Blueprint, abort

from graph import queries, webqueries

from .. import paths
from ..store import get_store
from ..twin import render
from .timeline import STANCE_WORDS, attribution, incident_json

bp = Blueprint("incident", __name__)

FACT_ROLES = (("target", "Target"), ("perpetrator", "Perpetrator"), ("location", "Place"))


def fact_support(store, row) -> list[dict]:
    """For each fact of the incident (a target, a perpetrator, the place), the documents that
    state it, with their sentences (``graph.queries.support``)."""
    out = []
    for role, heading in FACT_ROLES:
        if role == "location":
            pairs = [row.location] if row.location else []
        else:
            pairs = getattr(row, role + "s")
        for iri, label in pairs:
            found = queries.support(store, row.iri, role, iri)
            documents = {}
            for s in found:
                documents.setdefault(str(s["document"]), {"document": s["document"], "title": s["title"],
                                                          "published": s["published"], "sentences": []})
                documents[str(s["document"])]["sentences"].append(
                    {"quote": s["quote"], "start": s["start"], "end": s["end"]})
            out.append({"role": role, "heading": heading, "entity": iri, "label": label,
                        "documents": list(documents.values())})
    return out


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
    facts = fact_support(store, row)
    data = {"incident": dict(incident_json(row, claims), **details, support=facts)}
    return render("incident.html", data, row=row, claims=claims, details=details, facts=facts,
                  stances=STANCE_WORDS, attribution=attribution)
