"""Run the real ``incidentgraph`` command in a subprocess, and read back what a store holds."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PREFIX = "PREFIX ig: <https://w3id.org/incidentgraph/ns#>\n"


def run(*args: str, timeout: float = 120, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """``incidentgraph ARGS…`` with this interpreter; text output, never a shell."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "incidentgraph.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env, **kw)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def stored_paths(store_path: Path) -> list[str]:
    """The file path of every document graph in the store, sorted (the store is closed after)."""
    from graph.store import open_store

    store = open_store(str(store_path))
    try:
        rows = store.select(PREFIX + "SELECT ?p WHERE { GRAPH ?g { ?d a ig:Document ; ig:path ?p } }")
        return sorted(str(r["p"]) for r in rows)
    finally:
        store.close()
