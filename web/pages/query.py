"""The SPARQL page: a query box, the example queries with their parameters, a results table."""
from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from flask import Blueprint, current_app, request

from graph import sparql
from graph.examples import load_examples
from graph.errors import QueryError, QueryTimeout
from graph.settings import Limits
from graph.store import bind_values

from .. import sparqlview
from ..store import get_store
from ..errors import error_response
from ..twin import render, wants_json

bp = Blueprint("query", __name__)


def _chosen_example(examples: list):
    """The example named by ``?example=``, bound to the parameters in the URL."""
    name = request.args.get("example")
    if not name:
        return None, None, None
    found = {e.name: e for e in examples}
    if name not in found:
        return None, None, f"There is no example query named {name!r}."
    ex = found[name]
    values = {p.name: request.args.get(p.name) or p.default for p in ex.parameters}
    try:
        return ex, ex.bind(values), None
    except QueryError as exc:
        return ex, None, f"The example's parameters are not valid: {exc}"


def _run(query: str, bindings) -> tuple:
    """Run a query for the page: (table, raw answer, error, status). SELECT gives a table,
    ASK and CONSTRUCT/DESCRIBE their serialized answer; a failure gives the error to show."""
    limits = dataclasses.replace(Limits.from_settings(), max_rows=int(current_app.config["QUERY_TABLE_ROWS"]))
    form = sparqlview.query_form(query)
    try:
        if form == "SELECT":
            return sparql.select_table(get_store(), query, limits=limits, bindings=bindings), None, None, 200
        result = sparql.run_query(get_store(), query, "json" if form == "ASK" else "ttl", limits=limits,
                                  bindings=bindings)
        return None, result.body.decode("utf-8", "replace"), None, 200
    except QueryTimeout as exc:
        return None, None, {"message": f"The query took too long and was stopped: {exc}", "position": None,
                            "location": None}, 503
    except QueryError as exc:
        position = getattr(exc, "position", None)
        return None, None, {"message": str(exc), "position": position,
                            "location": sparqlview.error_location(query, position)}, 400


@bp.get("/query")
def show():
    examples = load_examples()
    example, bound, problem = _chosen_example(examples)
    query, bindings = bound if bound else (request.args.get("query") or "", None)
    table, raw, error, status = None, None, None, 200
    if problem:
        error, status = {"message": problem, "position": None, "location": None}, 400
    elif query.strip():
        table, raw, error, status = _run(query, bindings)
    if error and wants_json():
        detail = error["message"] + (f" (at {error['position']})" if error.get("position") else "")
        return error_response(status, "Query error" if status == 400 else "Query timed out", detail)
    download = bind_values(query, bindings) if query.strip() and not error else None
    rows = [[sparqlview.cell(r.get(v)) for v in table.variables] for r in table.rows] if table else []
    data = {
        "query": query,
        "example": example.name if example else None,
        "variables": table.variables if table else [],
        "rows": [{v: dataclasses.asdict(c) for v, c in zip(table.variables, row) if c.kind != "empty"}
                 for row in rows],
        "truncated": bool(table and table.truncated),
        "result": raw,
        "downloads": {fmt: request.script_root + "/sparql?" + urlencode({"query": download, "format": fmt})
                      for fmt in ("csv", "json")} if download else {},
    }
    return render("query.html", data, status=status, examples=examples, chosen=example, table=table, cells=rows,
                  error=error)
