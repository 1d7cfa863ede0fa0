"""Synthetic stores for the query, graph and web benchmarks, cached between runs.

``nquads(n)`` writes the document graphs of ``synthetic.extractions(n)`` as N-Quads (about
90 triples and 2 incident reports per document); ``embedded(n)`` bulk-loads them into an
Oxigraph folder and builds the merged graph. Both are cached under
$INCIDENTGRAPH_BENCH_CACHE (default /tmp/incidentgraph-bench), keyed by the document count
and a hash of the code that shapes the data, so a changed ``graph/rdf.py`` makes new ones.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

from .common import CACHE, ROOT

INGESTED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def _code_hash() -> str:
    h = hashlib.sha1()
    for rel in ("graph/rdf.py", "graph/merged.py", "graph/merge.py", "graph/resolve.py", "benchmarks/synthetic.py"):
        h.update((ROOT / rel).read_bytes())
    return h.hexdigest()[:10]


def nt(term) -> str:
    """An rdflib term in N-Triples syntax (one line: newlines escaped)."""
    from rdflib import Literal

    if not isinstance(term, Literal):
        return term.n3()
    text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def quad_lines(n: int, start: int = 0):
    """(graph IRI, N-Quads text of one document) for documents start..n-1."""
    from graph.rdf import document_triples

    from .synthetic import extractions

    for k, x in enumerate(extractions(n)):
        if k < start:
            continue
        g, triples = document_triples(x, INGESTED_AT)
        gn = g.n3()
        yield g, "".join(f"{s.n3()} {p.n3()} {nt(o)} {gn} .\n" for s, p, o in triples)


def nquads(n: int) -> tuple[Path, dict]:
    """The N-Quads file of n synthetic documents and its facts (triples, seconds to make)."""
    d = CACHE / "nq"
    d.mkdir(parents=True, exist_ok=True)
    path = d / f"docs-{n}-{_code_hash()}.nq"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text())
    t0 = time.perf_counter()
    count = 0
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8") as out:
        for _, text in quad_lines(n):
            out.write(text)
            count += text.count("\n")
    tmp.rename(path)
    facts = {"documents": n, "triples": count, "generate_s": time.perf_counter() - t0}
    meta.write_text(json.dumps(facts))
    return path, facts


def embedded(n: int, merged: bool = True) -> tuple[Path, dict]:
    """A folder holding an Oxigraph store with n synthetic documents (bulk-loaded) and,
    when ``merged``, the merged graph. Returns the folder and its facts."""
    path_nq, facts = nquads(n)
    folder = CACHE / "stores" / f"docs-{n}-{_code_hash()}{'-merged' if merged else ''}"
    meta = folder.parent / (folder.name + ".json")
    if folder.exists() and meta.exists():
        return folder, json.loads(meta.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    import pyoxigraph as ox

    t0 = time.perf_counter()
    store = ox.Store(str(folder))
    store.bulk_load(path=str(path_nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    facts = {**facts, "bulk_load_s": time.perf_counter() - t0}
    if merged:
        from graph import merged as mg
        from graph.store import open_store

        with open_store(str(folder)) as st:
            t0 = time.perf_counter()
            view = mg.rebuild(st)
            facts["rebuild_s"] = time.perf_counter() - t0
            facts["merged_incidents"] = len(view.incidents)
            facts["reports"] = sum(len(m.reports) for m in view.incidents)
            facts["quads"] = st.count_quads()
    meta.write_text(json.dumps(facts))
    return folder, facts


def full_nquads(n: int) -> Path:
    """The whole embedded store of n documents (document graphs and merged graph) as N-Quads,
    so other engines get exactly the same data."""
    folder, _ = embedded(n)
    path = folder.parent / (folder.name + ".nq")
    if not path.exists():
        import pyoxigraph as ox

        store = ox.Store.read_only(str(folder))
        tmp = path.with_suffix(".part")
        with tmp.open("wb") as out:
            store.dump(out, format=ox.RdfFormat.N_QUADS)
        tmp.rename(path)
    return path
