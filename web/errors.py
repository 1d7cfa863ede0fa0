"""One error shape everywhere: ``{"error": {"status", "title", "detail"}}`` or error.html."""
from __future__ import annotations

from flask import Flask, jsonify, render_template
from werkzeug.exceptions import HTTPException, InternalServerError

from graph.errors import StoreError

from .twin import wants_json


def error_response(status: int, title: str, detail: str):
    if wants_json():
        resp = jsonify({"error": {"status": status, "title": title, "detail": detail}})
    else:
        resp = render_template("error.html", status=status, title=title, detail=detail)
    return resp, status


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return error_response(exc.code or 500, exc.name, exc.description or "")

    @app.errorhandler(StoreError)
    def _store(exc: StoreError):
        return error_response(503, "Store unavailable", f"{exc} Try again once the store is back.")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        app.logger.exception("unhandled error")
        if app.testing:
            raise exc
        return error_response(500, InternalServerError.name,
                              "Something went wrong on the server; the error was logged.")
