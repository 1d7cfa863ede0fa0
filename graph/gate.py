"""The safe query gate: parse a query with a real SPARQL parser and refuse what is unsafe."""
from __future__ import annotations

from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from pyparsing import ParseException

from .errors import QueryError


class QueryRefused(QueryError):
    """The query is valid SPARQL but asks for something this endpoint does not do."""


def check(query: str):
    """Parse and vet a read query; returns the rdflib parse tree or raises QueryError."""
    try:
        tree = parseQuery(query)
    except ParseException as exc:
        try:
            parseUpdate(query)
        except ParseException:
            raise QueryError(f"SPARQL syntax error: {exc.msg}",
                             position=f"line {exc.lineno}, column {exc.col}") from exc
        raise QueryRefused("updates are not allowed here: this endpoint only answers read queries") from exc
    if "SERVICE" in str(tree).upper():
        raise QueryRefused("SERVICE is not allowed: this endpoint never fetches from other servers")
    return tree
