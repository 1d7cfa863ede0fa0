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
