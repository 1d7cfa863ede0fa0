"""The timeline: every incident by date, filtered by URL parameters, one page at a time."""
from __future__ import annotations

from flask import Blueprint, current_app, request, url_for

from graph import webqueries

from .. import choices, paths, timeline_view
from ..axis import axis_for
from ..filters import grouping, place_filter, timeline_filter
from ..store import cached, get_store
from ..twin import render

bp = Blueprint("timeline", __name__)

STANCE_WORDS = {"asserts": "says", "denies": "denies", "accuses": "accuses",
                "claims_responsibility": "claims responsibility"}


def attribution(row, perpetrator: str) -> str:
    """How a perpetrator is known: its own claim of responsibility, else an allegation."""
    return "claimed responsibility" if any(iri == perpetrator for iri, _ in row.claimed_by) else "alleged"


def incident_json(row, claims: list[dict]) -> dict:
    data = row.to_json()
    data["url"] = paths.href(row.iri)
    data["certain"] = row.certain
    data["perpetrators"] = [dict(p, attribution=attribution(row, p["iri"])) for p in data["perpetrators"]]
    data["claims"] = claims
    return data


def _page(store, f, place, page: int, size: int) -> tuple:
    """A page of incidents, whether there is a next one, and the claims about each; kept
    until the store is written (a newsroom opens the same first page all day)."""
    rows, has_next = timeline_view.page_rows(store, f, place, page, size)
    return rows, has_next, webqueries.claims_about_incidents(store, [r.iri for r in rows])


@bp.get("/timeline")
@bp.get("/")  # registered first, so links name "/"
def show():
    store = get_store()
    size = int(current_app.config["TIMELINE_PAGE_SIZE"])
    f, page = timeline_filter(request.args, size)
    place = place_filter(request.args)
    by = grouping(request.args, timeline_view.GROUPINGS)
    rows, has_next, claims = cached(f"timeline:{f!r}:{place}:{page}:{size}",
                                    lambda s: _page(s, f, place, page, size))
    groups = timeline_view.group_rows(store, rows, by)
    active = {k: v for k, v in request.args.items() if k != "page" and v}
    data = {
        "filter": active,
        "page": page,
        "has_next": has_next,
        "incidents": [incident_json(r, claims[r.iri]) for r in rows],
    }
    if by:
        data["groups"] = [{"key": g.key or None, "label": g.label, "incidents": [str(r.iri) for r in g.rows]}
                          for g in groups]
    axis = axis_for([(r.start, r.end) for r in rows])
    marks = [axis.place(r.start, r.end) for r in rows] if axis else []
    exports = {name: url_for("exports.download", name=name, **({"as_of": active["as_of"]} if "as_of" in active else {}))
               for name in ("incidents.csv", "timeline.json")}
    return render("timeline.html", data, rows=rows, claims=claims, axis=axis, marks=marks, groups=groups,
                  grouping=by, groupings=timeline_view.GROUPINGS, vis=timeline_view.vis_data(rows, groups),
                  options=choices.options, exports=exports, stances=STANCE_WORDS, attribution=attribution)
