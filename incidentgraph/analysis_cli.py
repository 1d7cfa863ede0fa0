"""Network questions on the command line: ``links``, ``neighbours``, ``central``,
``co-targeting`` and ``communities``.

``incidentgraph.cli`` calls ``register(sub, common)`` to add them. Entities are named as on
the web site: a name ("Ukraine"), a key (``actor/ukraine``) or a full IRI. Results go to
stdout as text or JSON; problems to stderr with exit status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Optional

from graph.errors import GraphError


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a whole number from 1: {value!r}")
    return n


class Unresolved(GraphError):
    """A name given on the command line fits no entity, or several."""


def _resolve(store, text: str) -> str:
    from graph import webqueries

    iri, candidates = webqueries.resolve_entity(store, text)
    if iri:
        return iri
    if not candidates:
        raise Unresolved(f"nothing is called {text!r}; try part of the name, or a key like actor/ukraine")
    listed = "; ".join(f"{c['label']} ({_key(c['iri'])})" for c in candidates[:10])
    raise Unresolved(f"{text!r} fits several entities, give one of their keys: {listed}")


def _key(iri) -> str:
    from graph.namespace import ID

    text = str(iri)
    return text[len(str(ID)):] if text.startswith(str(ID)) else text


def _label(g, n: str) -> str:
    return str(g.nodes[n].get("label") or n) if n in g else n


def _emit(args, data, lines: list[str]) -> None:
    if args.format == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(lines) + ("\n" if lines else ""))


def cmd_links(args) -> int:
    from graph import network, webqueries
    from graph.store import open_store

    with open_store(args.store) as store:
        a, b = _resolve(store, args.a), _resolve(store, args.b)
        g = network.build(store)
        paths = network.links(g, a, b, max_length=args.max_length, limit=args.limit)
        out, lines = [], []
        for n, p in enumerate(paths, 1):
            steps = webqueries.explain_path(store, g, p, quotes=1)
            out.append({"nodes": [{"iri": x, "label": _label(g, x), "kind": g.nodes[x].get("kind")} for x in p],
                        "steps": steps})
            lines.append(f"{n}. " + " — ".join(_label(g, x) for x in p))
            for s in steps:
                lines.append(f"   {_label(g, s['source'])} [{s['role'].replace('_', ' ')}] {_label(g, s['target'])}")
                for ev in s["evidence"]:
                    lines.append(f"      “{ev['quote']}”" + (f" — {ev['title']}" if ev.get("title") else ""))
    if not paths:
        lines.append(f"no path of at most {args.max_length} steps between {_label(g, a)} and {_label(g, b)}")
    _emit(args, {"a": a, "b": b, "max_length": args.max_length, "paths": out}, lines)
    return 0


def cmd_neighbours(args) -> int:
    import networkx as nx

    from graph import analysis, network
    from graph.store import open_store

    with open_store(args.store) as store:
        e = _resolve(store, args.entity)
        g = network.build(store)
    if e not in g:
        raise Unresolved(f"{args.entity!r} is not in the network (no incident or part-of link names it)")
    near = analysis.neighbours(g, e, args.radius, args.since, args.until)
    dist = nx.single_source_shortest_path_length(near.to_undirected(as_view=True), e)
    nodes = sorted(({"iri": n, "label": _label(g, n), "kind": d.get("kind"), "type": d.get("type"),
                     "date": d.get("date"), "distance": dist.get(n)} for n, d in near.nodes(data=True)),
                   key=lambda r: (r["distance"], r["kind"] or "", r["label"].lower()))
    edges = [{"source": s, "target": o, "role": d.get("role")} for s, o, d in near.edges(data=True)]
    lines = [f"{_label(g, e)}: {len(nodes) - 1} within {args.radius} step{'s' if args.radius != 1 else ''}"]
    for r in nodes[1:]:
        when = f" ({r['date']})" if r["date"] else ""
        lines.append(f"  {r['distance']}  {r['kind'] or '?':9} {r['label']}{when}")
    _emit(args, {"entity": e, "radius": args.radius, "since": args.since, "until": args.until,
                 "nodes": nodes, "edges": edges}, lines)
    return 0


def cmd_central(args) -> int:
    from graph import network
    from graph.store import open_store

    with open_store(args.store) as store:
        g = network.build(store)
    rows = network.central(g, top=args.top, kind=args.kind)
    lines = [f"{'rank':>4}  {'kind':9} {'degree':>6} {'pagerank':>9} {'between':>8}  name"]
    for n, r in enumerate(rows, 1):
        lines.append(f"{n:>4}  {r['kind']:9} {r['degree']:>6} {r['pagerank']:>9.4f} {r['betweenness']:>8.4f}  {r['label']}")
    _emit(args, rows, lines)
    return 0


def cmd_co_targeting(args) -> int:
    from graph import analysis, network
    from graph.store import open_store

    with open_store(args.store) as store:
        g = network.build(store)
    rows = analysis.co_targeting(g, min_shared=args.min_shared)
    lines = [f"{a} and {b}: {', '.join(facilities)}" for (a, b), facilities in
             ((r["labels"], r["facility_labels"]) for r in rows)] or ["no two actors are linked to the same facility"]
    _emit(args, rows, lines)
    return 0


def cmd_communities(args) -> int:
    from graph import analysis, network
    from graph.store import open_store

    with open_store(args.store) as store:
        g = network.build(store)
    groups = analysis.communities(g)
    data = [[{"iri": n, "label": _label(g, n), "kind": g.nodes[n].get("kind")} for n in group] for group in groups]
    lines = [f"{n}. " + "; ".join(_label(g, x) for x in group) for n, group in enumerate(groups, 1)]
    _emit(args, data, lines)
    return 0


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add the analysis commands to the ``incidentgraph`` parser's subcommands."""
    fmt = argparse.ArgumentParser(add_help=False)
    fmt.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("links", parents=[common, fmt], help="how is A linked to B: paths through incidents")
    p.add_argument("a", help="a name, a key (actor/ukraine) or an IRI")
    p.add_argument("b", help="the other entity")
    p.add_argument("--max-length", type=_positive, default=4, help="longest path, in steps (default 4)")
    p.add_argument("--limit", type=_positive, default=20, help="most paths listed (default 20)")
    p.set_defaults(func=cmd_links)

    p = sub.add_parser("neighbours", parents=[common, fmt], help="everything within N steps of an entity")
    p.add_argument("entity", help="a name, a key (facility/cpc-marine-terminal) or an IRI")
    p.add_argument("--radius", type=_positive, default=2, help="steps (default 2)")
    p.add_argument("--since", type=_date_arg, help="only incidents from this day")
    p.add_argument("--until", type=_date_arg, help="only incidents up to this day")
    p.set_defaults(func=cmd_neighbours)

    p = sub.add_parser("central", parents=[common, fmt], help="the most central actors and facilities")
    p.add_argument("--top", type=_positive, default=20)
    p.add_argument("--kind", choices=["actor", "facility"])
    p.set_defaults(func=cmd_central)

    p = sub.add_parser("co-targeting", parents=[common, fmt], help="actors linked to the same facilities")
    p.add_argument("--min-shared", type=_positive, default=1, help="facilities two actors must share (default 1)")
    p.set_defaults(func=cmd_co_targeting)

    p = sub.add_parser("communities", parents=[common, fmt], help="clusters of actors and facilities")
    p.set_defaults(func=cmd_communities)
