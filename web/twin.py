"""Every page's JSON twin: ``.json`` on any URL, or ``Accept: application/json``.

A small WSGI wrapper strips a trailing ``.json`` before routing and marks the request, so
each view is written once and ``render`` picks HTML or JSON.
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from flask import Response, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider
from rdflib import Literal

JSON_FLAG = "incidentgraph.json"


class JsonSuffix:
    """WSGI middleware: ``/x.json`` is routed as ``/x`` with the JSON flag set."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.endswith(".json") and len(path) > len(".json"):
            environ[JSON_FLAG] = True
            environ["PATH_INFO"] = path[: -len(".json")] or "/"
        return self.wsgi_app(environ, start_response)


class JSONProvider(DefaultJSONProvider):
    """ISO dates (Flask's default is an HTTP date), dataclasses, rows with ``to_json``."""

    @staticmethod
    def default(o: Any) -> Any:
        if hasattr(o, "to_json"):
            return o.to_json()
        if isinstance(o, (date, datetime)):
            return o.isoformat()
        if isinstance(o, Literal):
            return str(o)
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        return DefaultJSONProvider.default(o)


def wants_json() -> bool:
    if request.environ.get(JSON_FLAG):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def json_url() -> str:
    """This page's JSON twin URL, query string kept."""
    path = request.script_root + (request.path.rstrip("/") or "/")
    qs = request.query_string.decode("latin-1")
    return path + ".json" + (("?" + qs) if qs else "")


def render(template: str, data: dict, status: int = 200, **context) -> Response:
    """The page as HTML from ``template`` or, for its twin, ``data`` as JSON."""
    if wants_json():
        resp = jsonify(data)
        resp.status_code = status
    else:
        resp = Response(render_template(template, **{**data, **context}), status=status, mimetype="text/html")
        resp.headers["Link"] = f'<{json_url()}>; rel="alternate"; type="application/json"'
    resp.vary.add("Accept")
    return resp


def init_app(app) -> None:
    app.jinja_env.globals["json_url"] = json_url
    app.json_provider_class = JSONProvider
    app.json = JSONProvider(app)
    app.wsgi_app = JsonSuffix(app.wsgi_app)
