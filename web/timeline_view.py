"""The timeline's rows, groups and the items its zoomable axis draws.

The place filter and the grouping are done here, over the rows ``graph.queries.timeline``
returns, so the query layer keeps one filter type. Items for vis-timeline are plain JSON
(put in the page as a data island, never executed): dates only, the labels as text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Optional

from graph import queries, webqueries
from graph.queries import IncidentRow, TimelineFilter
from graph.store import Store

from . import choices, paths

GROUPINGS = {"facility": "Facility (parts under their whole)", "actor": "Perpetrator"}
NO_GROUP = {"facility": "No facility named", "actor": "No perpetrator named"}
PLACE_SCAN = 100_000  # incidents read when the place filter has to be applied here


@dataclass
class Group:
    key: str
    label: str
    rows: list[IncidentRow] = field(default_factory=list)


def page_rows(store: Store, f: TimelineFilter, place: Optional[str], page: int, size: int
              ) -> tuple[list[IncidentRow], bool]:
    """One page of incidents (and whether there is a next one), the place filter applied."""
    if not place:
        rows = queries.timeline(store, f)
        return rows[:size], len(rows) > size
    at = webqueries.incidents_at_place(store, place)
    everything = queries.timeline(store, TimelineFilter(**{**f.__dict__, "limit": PLACE_SCAN, "offset": 0}))
    rows = [r for r in everything if str(r.iri) in at]
    start = (page - 1) * size
    return rows[start:start + size], len(rows) > start + size


def group_rows(store: Store, rows: list[IncidentRow], by: Optional[str]) -> list[Group]:
    """The rows under one heading per facility (its outermost whole) or per perpetrator.

    An incident with two targets in different facilities, or two perpetrators, is listed
    under each; incidents with none come last, under their own heading.
    """
    if by not in GROUPINGS:
        return []
    wholes = choices.facility_wholes() if by == "facility" else {}
    groups: dict[str, Group] = {}
    for row in rows:
        if by == "facility":
            keys = list(dict.fromkeys(wholes.get(str(t), (str(t), label)) for t, label in row.targets))
        else:
            keys = [(str(p), label) for p, label in row.perpetrators]
        for key, label in keys or [("", NO_GROUP[by])]:
            groups.setdefault(key, Group(key, label)).rows.append(row)
    return sorted(groups.values(), key=lambda g: (g.key == "", str(g.label).lower(), g.key))


def vis_data(rows: list[IncidentRow], groups: list[Group]) -> dict:
    """Items and groups for vis-timeline: a certain day is a point, an uncertain one a range.

    vis-timeline ranges end at an instant, so an interval's last day is included by ending
    the range at the start of the day after it. Undated incidents are left out (and counted).
    """
    items = []
    undated = sum(1 for r in rows if not (r.start or r.end))
    # groups are numbered, so no IRI is written into the page
    placements = [(f"g{n}", r) for n, g in enumerate(groups) for r in g.rows] if groups else [(None, r) for r in rows]
    for n, (group, row) in enumerate(placements):
        start, end = row.start or row.end, row.end or row.start
        if not start:
            continue
        item = {"id": n, "card": "card-" + paths.short_key(row.iri), "url": paths.href(row.iri),
                "label": row.label, "type_label": row.type.replace("_", " "),
                "start": start.isoformat(), "certain": row.certain}
        if not row.certain:
            item["end"] = (end + timedelta(days=1)).isoformat()
            item["open"] = not (row.start and row.end)  # only one end is known
        if group is not None:
            item["group"] = group
        items.append(item)
    return {"items": items, "undated": undated,
            "groups": [{"id": f"g{n}", "label": g.label} for n, g in enumerate(groups)]}
