"""Say what sources disagree on as people read it: "21 Aug 2025 (Reuters, AP) vs 22 Aug 2025 (TASS)".

The merged view keeps a conflict's values as stored strings: a day (``2025-08-21``), an
interval (``2025-08-21/2025-08-23``), an incident type code, or perpetrator IRIs joined by
", ". This turns each into words; IRIs become their labels (looked up once per request).
"""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterable

from flask import Flask, g

from graph import webqueries

from .helpers import fmt_date, fmt_interval, humanize
from .store import get_store


def _day(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def value_text(prop: str, value: str, label: Callable[[str], str]) -> str:
    """One reported value in words."""
    if prop == "date":
        a, _, b = value.partition("/")
        start, end = _day(a), _day(b or a)
        if start and end:
            return fmt_date(start) if start == end else fmt_interval(start, end)
        return value
    if prop == "type":
        return humanize(value)
    if prop == "perpetrator":
        if value == "none named":
            return "no perpetrator named"
        return ", ".join(label(v.strip()) for v in value.split(","))
    return value


def _labels(iris: Iterable[str]) -> dict[str, str]:
    cache = g.setdefault("conflict_labels", {})
    missing = [i for i in iris if i not in cache and i.startswith("http")]
    if missing:
        cache.update(webqueries.labels(get_store(), missing))
    return cache


def conflict_values(conflict: dict) -> list[dict]:
    """The conflict's values, each as ``{"text", "sources"}``."""
    iris = [v.strip() for item in conflict["values"] for v in str(item["value"]).split(",")] \
        if conflict["property"] == "perpetrator" else []
    names = _labels(iris) if iris else {}
    return [{"text": value_text(conflict["property"], str(item["value"]), lambda i: names.get(i, i)),
             "sources": item["sources"]} for item in conflict["values"]]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["conflict_values"] = conflict_values
