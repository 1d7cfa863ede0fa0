"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint over the store.

Queries come by GET (``?query=``), by POST as an HTML form
(``application/x-www-form-urlencoded``) or as the query itself
(``application/sparql-query``). ``default-graph-uri`` / ``named-graph-uri`` choose the
dataset among the store's graphs. The answer's format follows the ``format`` parameter,
else the ``Accept`` header. Updates are refused (403), and every error is one JSON shape,
``{"error": {"status", "title", "detail", "position"?}}``. A truncated answer carries
``X-Incidentgraph-Truncated: true``.
"""
from __future__ import annotations

from typing import Optional

from flask import Blueprint, Response, current_app, g, jsonify, request
from werkzeug.datastructures import MIMEAccept

from graph.errors import (QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, QueryTooLarge,
                          StoreError)
from graph.settings import Limits
from graph.sparql import GRAPH_FORMATS, RESULT_FORMATS, run_query

bp = Blueprint("sparql_endpoint", __name__)

TRUNCATED_HEADER = "X-Incidentgraph-Truncated"
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"

# Media types we can write, by the format they select (first of each is the canonical one).
_RESULT_ACCEPT = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
_GRAPH_ACCEPT = {
    "text/turtle": "ttl", "application/turtle": "ttl", "application/x-turtle": "ttl", "text/n3": "ttl",
    "application/n-triples": "nt", "text/plain": "nt",
    "application/ld+json": "jsonld", "application/x-json+ld": "jsonld",
    "application/rdf+xml": "rdfxml",
}
# Values of the ``format`` parameter (SPARQLWrapper sends ``format=json`` and the like).
_FORMAT_PARAM = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
    "ttl": "ttl", "turtle": "ttl", "n3": "ttl", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf+xml": "rdfxml", "rdf": "rdfxml",
}
for _media, _fmt in {**_RESULT_ACCEPT, **_GRAPH_ACCEPT}.items():
    _FORMAT_PARAM.setdefault(_media, _fmt)


class ProtocolError(Exception):
    def __init__(self, status: int, title: str, detail: str):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def _store():
    store = getattr(g, "store", None) or current_app.extensions.get("incidentgraph.store")
    if store is None:
        from .store import get_store  # the web app's lazily opened store

        store = get_store()
    return store


def _limits() -> Limits:
    return current_app.config.get("SPARQL_LIMITS") or Limits.from_settings()


def error(status: int, title: str, detail: str, position: Optional[str] = None) -> Response:
    body = {"status": status, "title": title, "detail": detail}
    if position:
        body["position"] = position
    resp = jsonify({"error": body})
    resp.status_code = status
    return resp


@bp.route("/sparql", methods=["GET", "POST", "PUT", "DELETE", "PATCH"], strict_slashes=False)
def sparql():
    if request.method not in ("GET", "POST"):  # answered here, so the error has the JSON shape
        resp = error(405, "Method not allowed", "query with GET or POST; updates are not accepted")
        resp.headers["Allow"] = "GET, POST, HEAD, OPTIONS"
        return resp
    limits = _limits()
    try:
        query, default_graphs, named_graphs, params = _read_request(limits)
        fmt, graph_fmt = _formats(params)
        result = run_query(_store(), query, fmt, limits, graph_fmt=graph_fmt,
                           default_graphs=default_graphs, named_graphs=named_graphs,
                           base_iri=request.base_url)
    except ProtocolError as exc:
        return error(exc.status, exc.title, exc.detail)
    except QueryTooLarge as exc:
        return error(413, "Query too large", str(exc))
    except QueryRefused as exc:
        return error(403, "Query refused", str(exc))
    except QuerySyntaxError as exc:
        return error(400, "Malformed query", str(exc), exc.position)
    except QueryTimeout as exc:
        return error(503, "Query timed out", str(exc))
    except QueryError as exc:
        return error(400, "Query failed", str(exc), exc.position)
    except StoreError as exc:
        return error(502, "Store unavailable", str(exc))
    media = result.media_type
    if media.startswith("text/") or media.endswith(("json", "xml")):
        media += "; charset=utf-8"
    resp = Response(result.body, content_type=media)
    resp.headers["Vary"] = "Accept"
    if result.truncated:
        resp.headers[TRUNCATED_HEADER] = "true"
    return resp


def _read_request(limits: Limits):
    """The query text, protocol dataset and parameters of a GET or POST, or a ProtocolError."""
    args = request.args
    if request.method == "GET":
        params = args
        query_texts = args.getlist("query")
    else:
        if request.content_length is not None and request.content_length > limits.max_body_bytes:
            raise ProtocolError(413, "Request too large",
                                f"the request body is larger than {limits.max_body_bytes} bytes (max_body_bytes)")
        mimetype = request.mimetype
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if mimetype == UPDATE:
            raise ProtocolError(403, "Update refused", "this endpoint is read-only: SPARQL updates are not accepted")
        if mimetype not in (FORM, QUERY):
            shown = request.headers.get("Content-Type") or "none"
            raise ProtocolError(415, "Unsupported media type",
                                f"POST a query as {FORM} (query=…) or as {QUERY}; the Content-Type was {shown}")
        if charset not in ("utf-8", "utf8"):
            raise ProtocolError(415, "Unsupported media type", f"queries must be UTF-8, not {charset}")
        body = request.stream.read(limits.max_body_bytes + 1)
        if len(body) > limits.max_body_bytes:
            raise ProtocolError(413, "Request too large",
                                f"the request body is larger than {limits.max_body_bytes} bytes (max_body_bytes)")
        if mimetype == FORM:
            from urllib.parse import parse_qs

            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                raise ProtocolError(400, "Malformed request", "the form is not valid UTF-8") from None
            params = _Params(form, args)
            query_texts = form.get("query", [])
            if args.getlist("query"):
                query_texts = query_texts + args.getlist("query")
        else:
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolError(400, "Malformed request", "the query is not valid UTF-8") from None
            params = args
            query_texts = [text] + args.getlist("query")
    if params.getlist("update"):
        raise ProtocolError(403, "Update refused", "this endpoint is read-only: SPARQL updates are not accepted")
    if not query_texts or not any(q.strip() for q in query_texts):
        raise ProtocolError(400, "Missing query",
                            "give a SPARQL query: ?query=… (GET), query=… in a form, or the query as the body")
    if len(query_texts) > 1:
        raise ProtocolError(400, "Several queries", "give exactly one query per request")
    default = params.getlist("default-graph-uri") or None
    named = params.getlist("named-graph-uri") or None
    return query_texts[0], default, named, params


class _Params:
    """Form fields first, then URL parameters, for the protocol's repeated parameters."""

    def __init__(self, form: dict[str, list[str]], args):
        self.form, self.args = form, args

    def getlist(self, name: str) -> list[str]:
        return self.form.get(name, []) + self.args.getlist(name)


def _formats(params) -> tuple[str, str]:
    """The results format and the graph format this request asks for."""
    asked = ((params.getlist("format") or params.getlist("output") or params.getlist("results") or [""])[0]).strip().lower()
    if asked:
        fmt = _FORMAT_PARAM.get(asked)
        if fmt is None:
            raise ProtocolError(400, "Unknown format",
                                f"format={asked!r} is not one of {', '.join(RESULT_FORMATS + GRAPH_FORMATS)}")
        if fmt in RESULT_FORMATS:
            return fmt, "rdfxml" if fmt == "xml" else "ttl"
        return "json", fmt
    accept: MIMEAccept = request.accept_mimetypes
    if not accept:
        return "json", "ttl"
    result_media = accept.best_match(list(_RESULT_ACCEPT))
    graph_media = accept.best_match(list(_GRAPH_ACCEPT))
    return (_RESULT_ACCEPT.get(result_media, "json") if result_media else "json",
            _GRAPH_ACCEPT.get(graph_media, "ttl") if graph_media else "ttl")
