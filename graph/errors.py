"""The graph package's exceptions: what went wrong, said so a user can act on it."""


class GraphError(Exception):
    """Base class of everything the graph package raises on purpose."""


class StoreError(GraphError):
    """The store could not be opened, read or written."""


class QueryError(GraphError):
    """A SPARQL query is malformed or not allowed; the message says why."""

    def __init__(self, message: str, position: str | None = None):
        super().__init__(message)
        self.position = position


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""


class QuerySyntaxError(QueryError):
    """A SPARQL query does not parse; ``position`` says where (``line L, column C``)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        position = f"line {line}, column {column}" if line is not None else None
        super().__init__(message, position)
        self.line = line
        self.column = column


class QueryRefused(QueryError):
    """A valid SPARQL request this read-only store will not run (an update, SERVICE)."""


class QueryTooLarge(QueryError):
    """The query text is longer than the ``max_body_bytes`` setting allows."""
