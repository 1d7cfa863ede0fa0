"""The safe query gate: parse a query with a real SPARQL parser and refuse what is unsafe.

Only read queries pass (SELECT, ASK, CONSTRUCT, DESCRIBE). Refused, with a readable
message: every update operation, and SERVICE in any form and at any depth, because a
federated query would make this server fetch from wherever the query says (SSRF). The
dataset a query names with FROM / FROM NAMED is returned so the caller can restrict it to
graphs already in the store: nothing is ever read from a file or a URL.

The decision is made on rdflib's parse tree, never on the query text, so comments, case,
prefixes, whitespace and nesting cannot hide a SERVICE clause.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import urljoin

from pyparsing import ParseException
from rdflib import URIRef
from rdflib.plugins.sparql.algebra import translatePrologue
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from .errors import QueryRefused, QuerySyntaxError

# rdflib's SPARQL grammar (pyparsing) is not thread-safe: two parses at once can corrupt it
# for the rest of the process. The web server answers queries on several threads.
_PARSER_LOCK = threading.Lock()


def _parse_query(text: str):
    with _PARSER_LOCK:
        return parseQuery(text)


def _parse_update(text: str):
    with _PARSER_LOCK:
        return parseUpdate(text)

QUERY_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK",
               "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


@dataclass
class CheckedQuery:
    """What the gate learned about a query it let through."""

    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    from_graphs: list[URIRef] = field(default_factory=list)  # FROM
    from_named: list[URIRef] = field(default_factory=list)  # FROM NAMED

    @property
    def is_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")

    @property
    def has_dataset(self) -> bool:
        return bool(self.from_graphs or self.from_named)


def check(query: str, base_iri: Optional[str] = None) -> CheckedQuery:
    """Parse and vet a read query; raise QuerySyntaxError or QueryRefused when it may not run."""
    if not query.strip():
        raise QuerySyntaxError("the query is empty: give a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    try:
        tree = _parse_query(query)
    except ParseException as exc:
        if _is_update(query):
            raise QueryRefused("updates are not allowed: this endpoint only answers read queries "
                               "(SELECT, ASK, CONSTRUCT, DESCRIBE)") from exc
        raise QuerySyntaxError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}",
                               line=exc.lineno, column=exc.col) from exc
    except Exception as exc:  # rdflib raises other errors for e.g. undeclared prefixes
        raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from exc
    prologue_tree, body = tree[0], tree[1]
    if _contains(body, "ServiceGraphPattern") or _service_token(query):
        raise QueryRefused("SERVICE is not allowed: this endpoint never queries other servers")
    form = QUERY_FORMS.get(body.name)
    if form is None:  # pragma: no cover - the grammar has no other query forms
        raise QueryRefused(f"unsupported query form {body.name}")
    checked = CheckedQuery(form)
    clauses = body["datasetClause"] if "datasetClause" in body else []
    if clauses:
        try:
            prologue = translatePrologue(prologue_tree, base_iri)
        except Exception as exc:
            raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from exc
        for clause in clauses:
            named = "named" in clause
            iri = _resolve(prologue, clause["named"] if named else clause["default"], base_iri)
            (checked.from_named if named else checked.from_graphs).append(iri)
    return checked


# The lexical belt. rdflib's parser and the engine (Oxigraph) do not read every text alike:
# rdflib ends a comment only at \n where SPARQL (and Oxigraph) also end it at \r, so
# "# …\r SERVICE <…> {…}\n" hides a SERVICE from rdflib's tree that Oxigraph would run.
# So the query is also scanned as the SPARQL grammar tokenizes it: strings, IRIs and comments
# (ended by \r or \n) are blanked, and any SERVICE keyword left is refused. The scan errs on
# the side of refusing (a local name such as ex:a.service counts as the keyword).
_STRING = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''"           # '''long'''
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'     # """long"""
    r"|'(?:[^'\\\n\r]|\\.)*'"                  # 'short'
    r'|"(?:[^"\\\n\r]|\\.)*"',                # "short"
    re.S)
_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_COMMENT = re.compile(r"#[^\r\n]*")
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:])", re.I)


def _code_only(query: str) -> str:
    """The query with string literals, IRIs and comments replaced by spaces."""
    out, i, n = [], 0, len(query)
    while i < n:
        c = query[i]
        m = (_STRING.match(query, i) if c in "'\"" else _IRI.match(query, i) if c == "<"
             else _COMMENT.match(query, i) if c == "#" else None)
        if m:
            out.append(" ")
            i = m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _service_token(query: str) -> bool:
    return bool(_SERVICE.search(_code_only(query)))


def _is_update(text: str) -> bool:
    """Whether the text is a SPARQL update with at least one operation (an empty one is not)."""
    try:
        update = _parse_update(text)
    except Exception:
        return False
    return "request" in update and len(update["request"]) > 0


def _resolve(prologue, term, base_iri: Optional[str]) -> URIRef:
    try:
        iri = prologue.absolutize(term)
    except Exception as exc:
        raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from exc
    if base_iri and ":" not in str(iri):
        iri = URIRef(urljoin(base_iri, str(iri)))
    return URIRef(str(iri))


def _contains(node: Any, name: str) -> bool:
    """Whether a parse tree holds a node called ``name`` anywhere (subqueries, EXISTS …)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return False
