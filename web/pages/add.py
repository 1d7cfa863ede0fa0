"""Add an article: paste or upload it, preview what extraction finds, then save it to the store.

Both steps are POSTs carrying the session's CSRF token. On any problem the form comes back
with the text still in it, so nothing the user typed is lost.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from flask import Blueprint, current_app, flash, jsonify, redirect, request

from graph import iris, merged
from graph.rdf import document_triples

from .. import paths
from ..security import csrf_problem, csrf_token
from ..store import get_store
from ..twin import render, wants_json

bp = Blueprint("add", __name__)

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
EXTRACTOR_KEY = "incidentgraph.extractor"


class FormProblem(Exception):
    """Something about the form to tell the user, with the HTTP status to answer."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def extractor():
    """The app's extractor, built once (loading the language model is slow)."""
    found = current_app.extensions.get(EXTRACTOR_KEY)
    if found is None:
        try:
            from ingest.extract import Extractor
        except ImportError as exc:
            raise FormProblem(f"Extraction is not available on this server ({exc}).", 503) from exc
        found = current_app.extensions[EXTRACTOR_KEY] = Extractor()
    return found


def _form() -> dict:
    return {"text": request.form.get("text", ""), "format": request.form.get("format", "txt"),
            "published": request.form.get("published", ""), "filename": request.form.get("filename", "")}


def _read_upload(form: dict) -> None:
    """An uploaded file replaces the pasted text (and sets the format from its extension)."""
    upload = request.files.get("file")
    if not upload or not upload.filename:
        return
    name = upload.filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in FORMATS:
        raise FormProblem(f"{name}: only .txt, .md and .html files can be added.")
    raw = upload.read()
    try:
        form["text"] = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormProblem(f"{name} is not UTF-8 text; save it as UTF-8 and upload it again.") from exc
    form["format"], form["filename"] = FORMATS[ext], name


def _extract(form: dict):
    from ingest.errors import IngestError
    from ingest.read import read_text

    if form["format"] not in ("txt", "md", "html"):
        raise FormProblem("Choose the text's format: plain text, Markdown or HTML.")
    published: Optional[date] = None
    if form["published"]:
        try:
            published = date.fromisoformat(form["published"])
        except ValueError as exc:
            raise FormProblem(f"{form['published']!r} is not a date; write it as YYYY-MM-DD.") from exc
    try:
        doc = read_text(form["text"], path=form["filename"], fmt=form["format"], published=published)
    except IngestError as exc:
        raise FormProblem(f"The text cannot be read as an article: {getattr(exc, 'problem', exc)}") from exc
    return extractor().extract(doc)


def _page(form: dict, *, extraction=None, problem: Optional[str] = None, status: int = 200):
    data = {"form": {k: v for k, v in form.items() if k != "text"}, "text_length": len(form["text"]),
            "extraction": extraction.to_contract() if extraction else None,
            "error": {"status": status, "detail": problem} if problem else None}
    if wants_json() and problem:
        return jsonify({"error": {"status": status, "title": "Cannot add this article", "detail": problem}}), status
    return render("add.html", data, status=status, form=form, extraction=extraction, problem=problem,
                  doc_exists=_exists(extraction) if extraction else False)


def _exists(extraction) -> bool:
    return get_store().has_graph(iris.document_graph(extraction.document.id))


@bp.get("/add")
def show():
    csrf_token()
    return _page({"text": "", "format": "txt", "published": "", "filename": ""})


@bp.post("/add")
def submit():
    form = _form()
    problem = csrf_problem()
    if problem:
        return _page(form, problem=problem, status=403)
    try:
        _read_upload(form)
        if not form["text"].strip():
            raise FormProblem("Paste the article's text or choose a file.")
        extraction = _extract(form)
    except FormProblem as exc:
        return _page(form, problem=str(exc), status=exc.status)
    if request.form.get("action") != "save":
        return _page(form, extraction=extraction)
    graph, triples = document_triples(extraction)
    get_store().replace_graph(graph, triples)
    merged.rebuild(get_store())  # the timeline shows merged incidents: fold the new reports in
    url = paths.href(iris.document_iri(extraction.document.id))
    if wants_json():
        return jsonify({"document": url, "incidents": len(extraction.incidents),
                        "entities": len(extraction.entities), "claims": len(extraction.claims)}), 201
    flash(f"Saved “{extraction.document.title or 'the article'}”: {len(extraction.incidents)} incident(s), "
          f"{len(extraction.entities)} entit{'y' if len(extraction.entities) == 1 else 'ies'}.")
    return redirect(request.script_root + url, code=303)
