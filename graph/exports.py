"""Exports beyond RDF: GraphML and GEXF for Gephi, an ACLED-like CSV, TimelineJS JSON.

All of them are made from the merged view, so one event is one row, one node, one slide.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Optional

import networkx as nx
from markupsafe import escape

from . import network, queries
from .store import Store

CSV_COLUMNS = ["event_id", "event_date", "end_date", "time_precision", "event_type", "disorder_type",
               "actor1", "assoc_actor_1", "target", "location", "source", "source_count", "notes", "fatalities", "iri"]


def _flat_graph(store: Store) -> nx.MultiDiGraph:
    """The projection with attribute values GraphML and GEXF can hold (no lists, no None)."""
    g = network.build(store)
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        out.add_node(n, **{k: (v.isoformat() if isinstance(v, date) else str(v)) for k, v in data.items() if v is not None})
    for s, o, key, data in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=key, role=data.get("role", key), documents=" ".join(data.get("documents", [])))
    return out


def graphml(store: Store) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(_flat_graph(store), buf, encoding="utf-8")
    return buf.getvalue()


def gexf(store: Store) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(_flat_graph(store), buf, encoding="utf-8")
    return buf.getvalue()


def _precision(row: queries.IncidentRow) -> int:
    """ACLED's time precision: 1 a day, 2 up to a week, 3 longer (a month, a year) or unknown."""
    if row.start and row.end:
        days = (row.end - row.start).days
        return 1 if days == 0 else 2 if days <= 7 else 3
    return 3


def _all_incidents(store: Store, as_of: Optional[date] = None, page: int = 1000):
    offset = 0
    while True:
        rows = queries.timeline(store, queries.TimelineFilter(limit=page, offset=offset, as_of=as_of))
        yield from rows
        if len(rows) < page:
            return
        offset += page


def incidents_csv(store: Store, as_of: Optional[date] = None) -> bytes:
    """One row per merged incident, with columns close to ACLED's."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in _all_incidents(store, as_of):
        notes = " | ".join(e["quote"].replace("\n", " ") for e in row.evidence[:3])
        if row.conflicts:
            notes += " | sources disagree on: " + ", ".join(c["property"] for c in row.conflicts)
        w.writerow({
            "event_id": row.iri.rsplit("/", 1)[-1],
            "event_date": row.start.isoformat() if row.start else "",
            "end_date": row.end.isoformat() if row.end else "",
            "time_precision": _precision(row),
            "event_type": row.type,
            "disorder_type": "attack" if row.type in _attack_types() else "other",
            "actor1": "; ".join(l for _, l in row.perpetrators),
            "assoc_actor_1": "; ".join(l for _, l in row.accused_by + row.claimed_by),
            "target": "; ".join(l for _, l in row.targets),
            "location": row.location[1] if row.location else "",
            "source": "; ".join(str(s["title"]) for s in row.sources),
            "source_count": len(row.sources),
            "notes": notes,
            "fatalities": row.deaths if row.deaths is not None else "",
            "iri": row.iri,
        })
    return buf.getvalue().encode("utf-8")


def _attack_types() -> set[str]:
    from .vocab import attack_types

    return attack_types()


def _tl_date(d: date) -> dict:
    return {"year": d.year, "month": d.month, "day": d.day}


def timelinejs(store: Store, title: str = "Incidents", as_of: Optional[date] = None) -> bytes:
    """TimelineJS 3 JSON. TimelineJS renders text as HTML, so every value is escaped here."""
    events = []
    for row in _all_incidents(store, as_of):
        if not row.start:
            continue  # TimelineJS needs a start date; undated incidents stay in the CSV
        text = []
        if row.perpetrators:
            text.append("Alleged perpetrator: " + ", ".join(str(escape(l)) for _, l in row.perpetrators))
        if row.evidence:
            text.append("“" + str(escape(row.evidence[0]["quote"])) + "”")
        text.append("Sources: " + ", ".join(str(escape(s["title"])) for s in row.sources))
        event = {"start_date": _tl_date(row.start),
                 "text": {"headline": str(escape(row.label)), "text": "<br>".join(text)},
                 "group": row.type, "unique_id": row.iri.rsplit("/", 1)[-1]}
        if row.end and row.end != row.start:
            event["end_date"] = _tl_date(row.end)
        events.append(event)
    return json.dumps({"title": {"text": {"headline": str(escape(title))}}, "events": events},
                      ensure_ascii=False, indent=1).encode("utf-8")
