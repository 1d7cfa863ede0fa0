"""Scale-out ingest: two concurrent ``incidentgraph ingest`` processes against one server.

    .venv/bin/python -m benchmarks.bench_scaleout [--quick] [--docs N]

A synthetic corpus is split into two disjoint folders. Server A gets one sequential ingest
of both folders; server B gets two concurrent ingests, one per folder, then one
``incidentgraph merge`` (each ingest rebuilds the merged view at its end from what it saw,
so the last word belongs to a merge after both). Both servers must end with the same set
of document graphs and the same number of merged incidents. Times are wall clock of the
commands, model loading included (each process loads its own model).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .common import PYTHON, ROOT, Figure, OxigraphServer, save, show

CLI = [PYTHON, "-m", "incidentgraph"]


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _state(url: str) -> tuple[set[str], int]:
    from graph.queries import count_incidents
    from graph.remote import RemoteStore

    store = RemoteStore(url)
    graphs = {str(r["g"]) for r in store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    return graphs, count_incidents(store)


def _wait(*procs: subprocess.Popen) -> None:
    for p in procs:
        _, err = p.communicate()
        if p.returncode not in (0,):
            raise RuntimeError(f"{p.args}: exit {p.returncode}: {err[-1500:]}")


def run(quick: bool = False, long: bool = False, docs: int | None = None) -> list[Figure]:
    from .synthetic import articles

    n = docs or (40 if quick else 400)
    tmp = Path(tempfile.mkdtemp(prefix="ig-bench-scaleout-"))
    try:
        halves = [tmp / "a", tmp / "b"]
        for h in halves:
            h.mkdir()
        for k, (name, text) in enumerate(articles(n, seed=23)):
            (halves[k % 2] / name).write_text(text, encoding="utf-8")
        with OxigraphServer() as seq:
            t0 = time.perf_counter()
            _wait(_cli("ingest", "--store", seq.query_url, "--quiet", str(halves[0]), str(halves[1])))
            t_seq = time.perf_counter() - t0
            state_seq = _state(seq.query_url)
        with OxigraphServer() as par:
            t0 = time.perf_counter()
            _wait(*[_cli("ingest", "--store", par.query_url, "--quiet", str(h)) for h in halves])
            _wait(_cli("merge", "--store", par.query_url))
            t_par = time.perf_counter() - t0
            state_par = _state(par.query_url)
        same = state_seq == state_par
        return [
            Figure("scaleout", f"one ingest of {n} articles (sequential)", round(t_seq, 1), "s",
                   note=f"{len(state_seq[0]) - 1} document graphs, {state_seq[1]} merged incidents"),
            Figure("scaleout", "two concurrent ingests (disjoint halves) + merge", round(t_par, 1), "s",
                   note=f"{len(state_par[0]) - 1} document graphs, {state_par[1]} merged incidents"),
            Figure("scaleout", "speed-up of two concurrent ingests", round(t_seq / t_par, 2), "x"),
            Figure("scaleout", "same document graphs and merged-incident count", "yes" if same else "NO",
                   target="same graph", met=same),
        ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--docs", type=int)
    a = ap.parse_args()
    figs = run(a.quick, docs=a.docs)
    show(figs)
    save(figs, "scaleout")


if __name__ == "__main__":
    main()
